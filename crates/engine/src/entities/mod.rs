//! Named entities: who and what an article names, one identity per entity across scripts and
//! grammatical cases, and the labels outlets attach to them.

pub mod names;
pub mod translit;
