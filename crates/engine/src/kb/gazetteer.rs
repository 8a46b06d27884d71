//! One index over every name in the knowledge base, keyed by the inflection-free keys of
//! [`name_key`](crate::entities::names::name_key), for taggers and linkers.

use super::inflect::{self, Class};
use super::table::lines;
use super::{bodies, countries, outlets, places, KbRef};
use crate::entities::names::name_key;
use parallax_model::Lang;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::LazyLock;

/// What a name is of its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NameForm {
    /// A full or standard name (Venezuela, Сполучені Штати, North Atlantic Treaty Organization).
    Name,
    /// A short form or other name (America, Britain, Росія, Holland, Держдума).
    Short,
    /// A name written in capitals only (US, США, РФ, ЄС, NATO): matched case-sensitively.
    Acronym,
    /// A country's adjective (Venezuelan, венесуельський).
    Adjective,
    /// A noun for a country's people (Venezuelans, венесуельці).
    Demonym,
    /// A country's capital, often standing for its government (Caracas, Москва).
    Capital,
    /// A seat of power standing for a government (Kremlin, Білий дім, Downing Street).
    Seat,
}

/// One name of one knowledge-base entry under one lookup key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KbName {
    /// The name as the knowledge base writes it ("Венесуела", "Білий дім", "US").
    pub surface: &'static str,
    /// The lookup key: `name_key(surface)`, or (when `inflected`) the `name_key` of one of its
    /// inflected forms or spelling variants that the stemmer does not bring back to it
    /// ("біл дом" for Білого дому, "соединенн штат" for Соединённые Штаты).
    pub key: String,
    /// Whether `key` is that of an inflected form rather than of `surface` itself.
    pub inflected: bool,
    /// The language the name was recorded for; `None` when it is recorded for several (or is an
    /// international name: outlets, the Latin-script names of places).
    pub lang: Option<Lang>,
    pub target: KbRef,
    pub form: NameForm,
    /// The name is also a common word or names other things too (Georgia, Jordan, Chad, Того,
    /// Congo, Brussels): a caller should want context before trusting it.
    pub ambiguous: bool,
}

impl KbName {
    /// Whether `text` (a span whose `name_key` is this entry's key) is this name: one of its
    /// forms ("Китая" is a form of Китай, not of Кито, which does not decline), compared
    /// case-insensitively, except that acronyms are matched case-sensitively ("US" but not
    /// "us"; inflected "МИДа" still matches "МИД").
    pub fn matches(&self, text: &str) -> bool {
        if self.form == NameForm::Acronym || inflect::is_acronym(self.surface) {
            let mut t = text.split_whitespace();
            for s in self.surface.split_whitespace() {
                let Some(w) = t.next() else { return false };
                let w = w.trim_start_matches(|c: char| !c.is_alphanumeric());
                if inflect::is_acronym_word(s) && !w.starts_with(s) {
                    return false;
                }
            }
            if t.next().is_some() {
                return false;
            }
        }
        let class = match self.form {
            NameForm::Adjective => Class::Adjective,
            NameForm::Demonym => Class::Person,
            _ => Class::Name,
        };
        let native = || matches!(super::affiliation_of(self.target), Some("UA" | "RU" | "BY"));
        inflect::is_form_of(self.lang, class, self.surface, text, native)
    }

    /// [`matches`](Self::matches), and a capitalised name must be capitalised in the text too
    /// ("Turkey" but not "turkey", "China" but not "china"): the rule for taggers of cased text.
    pub fn matches_strict(&self, text: &str) -> bool {
        let capital =
            |s: &str| s.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase);
        self.matches(text) && (!capital(self.surface) || capital(text))
    }
}

/// A name before indexing: where it comes from and how it was recorded.
struct Raw {
    surface: &'static str,
    lang: Option<Lang>,
    target: KbRef,
    form: NameForm,
    flagged: bool,
}

/// Names that cannot occur in running text as written (CLDR's "Congo - Kinshasa",
/// "Гонконг, ОАР Китаю", "Myanmar (Burma)") are left out of the index.
fn indexable(surface: &str) -> bool {
    !surface.contains(['(', ')', ',']) && !surface.contains(" - ") && !surface.contains(" – ")
}

fn form_of(surface: &str, default: NameForm) -> NameForm {
    if inflect::is_acronym(surface) {
        NameForm::Acronym
    } else {
        default
    }
}

fn raw_names() -> Vec<Raw> {
    let mut out = Vec::new();
    let cldr: HashSet<(&str, &str)> = lines(countries::CLDR_NAMES)
        .flat_map(|cells| {
            let code = cells.first().copied().unwrap_or("");
            cells.into_iter().skip(1).map(move |n| (code, n))
        })
        .collect();
    for c in countries::countries() {
        let target = KbRef::Country(c.code);
        let flagged = |s: &str| c.ambiguous.contains(&s);
        for &(lang, s) in &c.names {
            let standard = s == c.name || cldr.contains(&(c.code, s));
            let form = form_of(s, if standard { NameForm::Name } else { NameForm::Short });
            out.push(Raw { surface: s, lang: Some(lang), target, form, flagged: flagged(s) });
        }
        let lists = [
            (&c.adjectives, NameForm::Adjective),
            (&c.demonyms, NameForm::Demonym),
            (&c.capitals, NameForm::Capital),
            (&c.seats, NameForm::Seat),
        ];
        for (list, form) in lists {
            for &(lang, s) in list {
                let form = if form == NameForm::Capital || form == NameForm::Seat {
                    form
                } else {
                    form_of(s, form)
                };
                out.push(Raw { surface: s, lang: Some(lang), target, form, flagged: flagged(s) });
            }
        }
    }
    for b in bodies::bodies() {
        let target = KbRef::Body(b.id);
        for &(lang, s) in &b.names {
            let form = form_of(s, NameForm::Name);
            let flagged = b.ambiguous.contains(&s);
            out.push(Raw { surface: s, lang: Some(lang), target, form, flagged });
        }
    }
    for p in places::places() {
        let target = KbRef::Place(p.id);
        for &(lang, s) in &p.names {
            let form = form_of(s, NameForm::Name);
            let lang = Some(lang).filter(|l| *l != Lang::En);
            let flagged = p.ambiguous.contains(&s);
            out.push(Raw { surface: s, lang, target, form, flagged });
        }
    }
    for o in outlets::outlets() {
        let target = KbRef::Outlet(o.name);
        let flagged = |s: &str| o.ambiguous.contains(&s);
        let form = form_of(o.name, NameForm::Name);
        out.push(Raw { surface: o.name, lang: None, target, form, flagged: flagged(o.name) });
        for &a in &o.aliases {
            let form = form_of(a, NameForm::Short);
            out.push(Raw { surface: a, lang: None, target, form, flagged: flagged(a) });
        }
    }
    out.retain(|r| indexable(r.surface) && !name_key(r.surface).is_empty());
    out
}

struct Index {
    /// Sorted by key, then by target.
    names: Vec<KbName>,
    max_words: usize,
}

/// One name of one entry in one form: the languages it was recorded for, and whether any record
/// marked it ambiguous.
type Merged = BTreeMap<(&'static str, KbRef, NameForm), (BTreeSet<Option<Lang>>, bool)>;

fn build() -> Index {
    // One entry per (surface, target, form), with every language it was recorded for.
    let mut merged = Merged::new();
    for r in raw_names() {
        let e = merged.entry((r.surface, r.target, r.form)).or_default();
        e.0.insert(r.lang);
        e.1 |= r.flagged;
    }
    let flagged: HashSet<&str> =
        merged.iter().filter(|(_, (_, f))| *f).map(|((s, _, _), _)| *s).collect();
    let mut names = Vec::new();
    let mut max_words = 0;
    for ((surface, target, form), (langs, _)) in merged {
        max_words = max_words.max(surface.split_whitespace().count());
        let class = match form {
            NameForm::Adjective => Class::Adjective,
            NameForm::Demonym => Class::Person,
            _ => Class::Name,
        };
        let lang = match (langs.len(), langs.first()) {
            (1, Some(l)) => *l,
            _ => None,
        };
        let primary = name_key(surface);
        let mut keys: Vec<String> = Vec::new();
        for l in &langs {
            for k in inflect::keys(*l, class, surface) {
                if !keys.contains(&k) {
                    keys.push(k);
                }
            }
        }
        for key in keys {
            let inflected = key != primary;
            let ambiguous = flagged.contains(surface);
            names.push(KbName { surface, key, inflected, lang, target, form, ambiguous });
        }
    }
    names.sort_by(|a, b| {
        (&a.key, a.target, a.form, a.surface).cmp(&(&b.key, b.target, b.form, b.surface))
    });
    // A key that is the base-form key of two different entries is ambiguous for all of them
    // (Congo, Brussels, Мали/Мале). Keys that merely coincide with an inflected form of another
    // name (Китая/Кито) are told apart by `matches`.
    let mut i = 0;
    while i < names.len() {
        let key = names.get(i).map(|n| n.key.clone()).unwrap_or_default();
        let end =
            i + names.get(i..).map_or(0, |rest| rest.iter().take_while(|n| n.key == key).count());
        let targets: BTreeSet<KbRef> = names
            .get(i..end)
            .into_iter()
            .flatten()
            .filter(|n| !n.inflected)
            .map(|n| n.target)
            .collect();
        if targets.len() > 1 {
            for n in names.get_mut(i..end).into_iter().flatten() {
                n.ambiguous = true;
            }
        }
        i = end.max(i + 1);
    }
    Index { names, max_words }
}

static INDEX: LazyLock<Index> = LazyLock::new(build);

/// Every name of every entry, once per lookup key, sorted by key.
pub fn names() -> &'static [KbName] {
    &INDEX.names
}

/// The entries whose key is `key` (a [`name_key`]): "Венесуели", "Венесуелою" and
/// "Venezuela's" all lead to Venezuela, "венесуельського" to its adjective, "Кремля" to the
/// Kremlin. Callers check [`KbName::matches`] (or `matches_strict`) on the text itself.
pub fn lookup_key(key: &str) -> &'static [KbName] {
    let names = &INDEX.names;
    let start = names.partition_point(|n| n.key.as_str() < key);
    let len = names.get(start..).map_or(0, |rest| rest.iter().take_while(|n| n.key == key).count());
    names.get(start..start + len).unwrap_or(&[])
}

/// The entries a span of text names, by its key and the case rule of [`KbName::matches`].
pub fn lookup(text: &str) -> Vec<&'static KbName> {
    lookup_key(&name_key(text)).iter().filter(|n| n.matches(text)).collect()
}

/// The most words any name has: the longest n-gram a tagger needs to try.
pub fn max_name_words() -> usize {
    INDEX.max_words
}
