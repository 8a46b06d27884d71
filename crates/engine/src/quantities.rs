//! Quantities with units and approximation.
//!
//! PLACEHOLDER: to be replaced. The interface below is fixed.

use parallax_model::{Lang, Quantity};

/// The quantities of an article body.
pub fn find(text: &str, lang: Option<Lang>) -> Vec<Quantity> {
    let _ = (text, lang);
    vec![]
}
