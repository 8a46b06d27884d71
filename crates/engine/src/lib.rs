//! # parallax-engine
#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod extract;
pub mod lang;
pub mod read;
pub mod segment;
