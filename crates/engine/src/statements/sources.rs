//! Outlets named in a text, found by their names and aliases in the knowledge base.
//!
//! Entity mentions may or may not have found an outlet (the tagger is statistical); statement
//! extraction needs every "according to The New York Times" and "WP" it can get, so outlet names
//! are also matched directly, on the article's tokens: each name and alias is tokenised like the
//! text and filed under its first token, so that finding them costs one hash lookup per token.
//! Matching is case-sensitive ("Welt" in "die Welt" is a German noun unless written as a name,
//! "AP" is not "ap"), on token boundaries, the longest name first.

use super::lexicon::Map;
use super::scan::{self, Token};
use crate::kb::{outlets, Outlet};
use parallax_model::Span;
use std::sync::LazyLock;

/// The other tokens of an outlet's name and the outlet's index.
type NameTail = (Vec<String>, usize);

/// First token of a name → (its other tokens, the outlet's index), longest first.
static OUTLET_NAMES: LazyLock<Map<String, Vec<NameTail>>> = LazyLock::new(|| {
    let mut map: Map<String, Vec<NameTail>> = Map::default();
    for (i, o) in outlets().iter().enumerate() {
        for name in std::iter::once(&o.name).chain(o.aliases.iter()) {
            // Names written without a capital would match ordinary words.
            if name.chars().count() < 2 || !name.chars().any(char::is_uppercase) {
                continue;
            }
            let toks: Vec<String> = scan::tokens(name, Span::new(0, name.len()))
                .iter()
                .filter_map(|t| name.get(t.start..t.end).map(str::to_string))
                .collect();
            let Some((first, rest)) = toks.split_first() else { continue };
            let list = map.entry(first.clone()).or_default();
            if !list.iter().any(|(r, j)| r == rest && *j == i) {
                list.push((rest.to_vec(), i));
            }
        }
    }
    for v in map.values_mut() {
        v.sort_by_key(|(r, _)| std::cmp::Reverse(r.len()));
    }
    map
});

/// Every outlet named in `text` (tokenised as `toks`), with its span, in text order.
pub(crate) fn outlet_names(text: &str, toks: &[Token<'_>]) -> Vec<(Span, &'static Outlet)> {
    let map = &*OUTLET_NAMES;
    let all = outlets();
    let word = |t: &Token<'_>| text.get(t.start..t.end).unwrap_or_default();
    let mut out = vec![];
    let mut i = 0;
    while i < toks.len() {
        let Some(list) = toks.get(i).and_then(|t| map.get(word(t))) else {
            i += 1;
            continue;
        };
        let hit = list.iter().find(|(rest, _)| {
            rest.iter().enumerate().all(|(j, w)| toks.get(i + 1 + j).is_some_and(|t| word(t) == w))
        });
        match hit.and_then(|(rest, o)| Some((rest.len(), all.get(*o)?))) {
            Some((n, o)) => {
                let (Some(a), Some(b)) = (toks.get(i), toks.get(i + n)) else { break };
                out.push((Span::new(a.start, b.end), o));
                i += n + 1;
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_outlets_by_name_and_alias_on_word_boundaries() {
        let t = "According to The New York Times and the Washington Post (WP), ТАСС said; WPX no.";
        let toks = scan::tokens(t, Span::new(0, t.len()));
        let found: Vec<(&str, &str)> =
            outlet_names(t, &toks).iter().map(|(s, o)| (s.text(t).unwrap(), o.name)).collect();
        assert_eq!(
            found,
            [
                ("The New York Times", "The New York Times"),
                ("Washington Post", "The Washington Post"),
                ("WP", "The Washington Post"),
                ("ТАСС", "TASS"),
            ]
        );
    }
}
