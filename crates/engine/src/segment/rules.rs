//! The segmenter's view of the language packs: abbreviation and starter tables as hash sets,
//! built once per language (and once for "language unknown", the union of all packs).

use crate::lang::packs::{self, SentenceRules};
use parallax_model::Lang;
use std::collections::HashSet;
use std::sync::LazyLock;

/// What a known abbreviation does to a following capitalised word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Abbrev {
    /// Never ends a sentence ("Dr.", "z. B.").
    Prefix,
    /// Ends one only before a sentence starter ("р.", "Inc.").
    General,
    /// Ends one before any capitalised word ("etc.").
    Ender,
}

impl Abbrev {
    /// When packs disagree (the union used for unknown languages), the more cautious reading
    /// wins: a prefix over a general abbreviation over an ender.
    fn rank(self) -> u8 {
        match self {
            Abbrev::Prefix => 2,
            Abbrev::General => 1,
            Abbrev::Ender => 0,
        }
    }
}

#[derive(Debug, Default)]
pub(super) struct Rules {
    /// Keys of entries written in lower case, matched case-insensitively.
    folded: std::collections::HashMap<String, Abbrev>,
    /// Keys of entries written capitalised ("Calif."), matched exactly.
    exact: std::collections::HashMap<String, Abbrev>,
    starters: HashSet<String>,
    /// First part of a multi-word abbreviation (folded) -> the part that must follow it: "z" ->
    /// "b" for "z. B.", so that "z." is not read as the end of a sentence before "B.".
    openings: std::collections::HashMap<String, Vec<String>>,
    pub ordinal_dot: bool,
}

/// An abbreviation as a lookup key: no white space, no final dot ("т. зв." -> "т.зв").
pub(super) fn key(s: &str) -> String {
    let k: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    k.strip_suffix('.').map(str::to_string).unwrap_or(k)
}

impl Rules {
    fn add(&mut self, r: &SentenceRules) {
        let lists = [
            (r.prefixes, Abbrev::Prefix),
            (r.abbreviations, Abbrev::General),
            (r.enders, Abbrev::Ender),
        ];
        for (list, kind) in lists {
            for a in list {
                let parts: Vec<&str> = a.split_whitespace().collect();
                if let [first, second, ..] = parts[..] {
                    let (first, second) = (key(first).to_lowercase(), key(second).to_lowercase());
                    self.openings.entry(first).or_default().push(second);
                }
                let k = key(a);
                let capitalised = k.chars().next().is_some_and(char::is_uppercase);
                let (map, k) = if capitalised {
                    (&mut self.exact, k)
                } else {
                    (&mut self.folded, k.to_lowercase())
                };
                let slot = map.entry(k).or_insert(kind);
                if kind.rank() > slot.rank() {
                    *slot = kind;
                }
            }
        }
        self.starters.extend(r.starters.iter().map(|s| s.to_string()));
        self.ordinal_dot |= r.ordinal_dot;
    }

    /// What `key` (as made by [`key`], with the text's own case) is, if it is a known abbreviation.
    pub fn abbreviation(&self, key: &str) -> Option<Abbrev> {
        self.exact.get(key).or_else(|| self.folded.get(&key.to_lowercase())).copied()
    }

    /// Whether `token` followed by `next` (both without their final dots, in the text's case) are
    /// the first two parts of a multi-word abbreviation ("z" and "B" of "z. B.").
    pub fn opens_abbreviation(&self, token: &str, next: &str) -> bool {
        self.openings
            .get(&token.to_lowercase())
            .is_some_and(|seconds| seconds.iter().any(|s| *s == next.to_lowercase()))
    }

    /// Whether `word` (lower case) commonly opens a sentence.
    pub fn is_starter(&self, word: &str) -> bool {
        self.starters.contains(word)
    }
}

static RULES: LazyLock<Vec<Rules>> = LazyLock::new(|| {
    let mut all = Rules::default();
    let mut per: Vec<Rules> = packs::all()
        .map(|p| {
            let mut r = Rules::default();
            r.add(&p.sentences);
            all.add(&p.sentences);
            r
        })
        .collect();
    // German-style ordinals would swallow real boundaries in the other languages.
    all.ordinal_dot = false;
    per.push(all);
    per
});

/// The rules for `lang`, or the union of all packs when the language is unknown.
pub(super) fn for_lang(lang: Option<Lang>) -> &'static Rules {
    let i = match lang {
        Some(l) => Lang::ALL.iter().position(|&x| x == l).unwrap_or(0),
        None => Lang::ALL.len(),
    };
    &RULES[i]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_drop_spaces_and_the_final_dot() {
        assert_eq!(key("т. зв."), "т.зв");
        assert_eq!(key("e.g."), "e.g");
        assert_eq!(key("Dr."), "Dr");
    }

    #[test]
    fn capitalised_entries_match_only_capitalised_tokens() {
        let en = for_lang(Some(Lang::En));
        assert_eq!(en.abbreviation("Calif"), Some(Abbrev::General));
        assert_eq!(en.abbreviation("calif"), None);
        assert_eq!(en.abbreviation("E.g"), Some(Abbrev::Prefix), "lower-case entries fold");
        assert_eq!(for_lang(Some(Lang::Uk)).abbreviation("т.зв"), Some(Abbrev::Prefix));
        assert_eq!(for_lang(None).abbreviation("т.зв"), Some(Abbrev::Prefix));
        assert!(for_lang(Some(Lang::De)).ordinal_dot && !for_lang(None).ordinal_dot);
        assert!(for_lang(Some(Lang::De)).opens_abbreviation("z", "B"));
        assert!(!for_lang(Some(Lang::De)).opens_abbreviation("z", "C"));
    }
}
