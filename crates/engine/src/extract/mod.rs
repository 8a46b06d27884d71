//! Extraction.
pub mod html;
