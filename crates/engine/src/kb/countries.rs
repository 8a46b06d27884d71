//! Countries and territories: names in every supported language, adjectives, demonyms,
//! capitals and seats of power.

use super::table::{self, by_lang, cell, lines, push_unique};
use parallax_model::Lang;
use std::collections::HashMap;
use std::sync::LazyLock;

pub(crate) const COUNTRIES: &str = include_str!("../../data/kb/countries.tsv");
pub(crate) const CLDR_NAMES: &str = include_str!("../../data/kb/country_names.cldr.tsv");
pub(crate) const ALIASES: &str = include_str!("../../data/kb/country_aliases.tsv");
pub(crate) const ADJECTIVES: &str = include_str!("../../data/kb/country_adjectives.tsv");
pub(crate) const DEMONYMS: &str = include_str!("../../data/kb/country_demonyms.tsv");
pub(crate) const CAPITALS: &str = include_str!("../../data/kb/capitals.tsv");
pub(crate) const CLDR_CAPITALS: &str = include_str!("../../data/kb/capitals.cldr.tsv");
pub(crate) const SEATS: &str = include_str!("../../data/kb/seats.tsv");

/// A country's standing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CountryStatus {
    /// A UN member state.
    Member,
    /// A UN observer state (Palestine, the Holy See).
    Observer,
    /// A partly recognised state (Kosovo, Taiwan, Western Sahara).
    Partial,
    /// A dependent territory or special administrative region (Hong Kong, Greenland).
    Territory,
}

/// A country or territory with an ISO 3166-1 code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2 ("VE").
    pub code: &'static str,
    /// The English short name news uses ("Venezuela", "United States", "Russia").
    pub name: &'static str,
    pub status: CountryStatus,
    /// Every name in every language: the English name, CLDR's name, official names, short forms
    /// and abbreviations (US, США, РФ, EE.UU.).
    pub names: Vec<(Lang, &'static str)>,
    /// Adjective lemmas (Venezuelan, венесуельський, venezolano).
    pub adjectives: Vec<(Lang, &'static str)>,
    /// Nouns for its people (Venezuelan, венесуелець; Spanish, French, Italian and Portuguese
    /// use the adjective).
    pub demonyms: Vec<(Lang, &'static str)>,
    /// Capital names (Caracas, Каракас).
    pub capitals: Vec<(Lang, &'static str)>,
    /// Seats of power used for the government (Kremlin, Білий дім, Downing Street).
    pub seats: Vec<(Lang, &'static str)>,
    /// Those of its names, adjectives, demonyms, capitals and seats that are also common words
    /// or name something else (Georgia, Jordan, Chad, Того).
    pub ambiguous: Vec<&'static str>,
}

fn status(s: &str) -> CountryStatus {
    match s {
        "member" => CountryStatus::Member,
        "observer" => CountryStatus::Observer,
        "partial" => CountryStatus::Partial,
        _ => CountryStatus::Territory,
    }
}

/// Merges the wide per-language tables into the countries of the master list.
fn parse() -> Vec<Country> {
    let mut out: Vec<Country> = Vec::new();
    let mut index = HashMap::new();
    for cells in lines(COUNTRIES) {
        let name = table::values(cell(&cells, 2)).next();
        let Some(name) = name else { continue };
        let mut c = Country {
            code: cell(&cells, 0),
            name: name.text,
            status: status(cell(&cells, 1)),
            names: Vec::new(),
            adjectives: Vec::new(),
            demonyms: Vec::new(),
            capitals: Vec::new(),
            seats: Vec::new(),
            ambiguous: Vec::new(),
        };
        push_unique(&mut c.names, &mut c.ambiguous, Lang::En, name);
        for v in table::values(cell(&cells, 3)) {
            push_unique(&mut c.capitals, &mut c.ambiguous, Lang::En, v);
        }
        index.insert(c.code, out.len());
        out.push(c);
    }
    type Field = fn(&mut Country) -> (&mut Vec<(Lang, &'static str)>, &mut Vec<&'static str>);
    let tables: [(&'static str, Field); 7] = [
        (CLDR_NAMES, |c| (&mut c.names, &mut c.ambiguous)),
        (ALIASES, |c| (&mut c.names, &mut c.ambiguous)),
        (ADJECTIVES, |c| (&mut c.adjectives, &mut c.ambiguous)),
        (DEMONYMS, |c| (&mut c.demonyms, &mut c.ambiguous)),
        (CLDR_CAPITALS, |c| (&mut c.capitals, &mut c.ambiguous)),
        (CAPITALS, |c| (&mut c.capitals, &mut c.ambiguous)),
        (SEATS, |c| (&mut c.seats, &mut c.ambiguous)),
    ];
    for (tsv, field) in tables {
        for cells in lines(tsv) {
            let Some(&i) = index.get(cell(&cells, 0)) else { continue };
            let Some(c) = out.get_mut(i) else { continue };
            for (lang, v) in by_lang(&cells, 1) {
                let (list, ambiguous) = field(c);
                push_unique(list, ambiguous, lang, v);
            }
        }
    }
    out
}

static COUNTRY_LIST: LazyLock<Vec<Country>> = LazyLock::new(parse);

/// Every country and territory in the knowledge base, in ISO code order.
pub fn countries() -> &'static [Country] {
    &COUNTRY_LIST
}

/// The country with this ISO 3166-1 alpha-2 code (any case).
pub fn country(code: &str) -> Option<&'static Country> {
    let code = code.trim();
    COUNTRY_LIST.iter().find(|c| c.code.eq_ignore_ascii_case(code))
}

/// The English short name of a country ("VE" → "Venezuela").
pub fn country_name(code: &str) -> Option<&'static str> {
    country(code).map(|c| c.name)
}

impl Country {
    /// The names recorded for one language.
    pub fn names_in(&self, lang: Lang) -> impl Iterator<Item = &'static str> + '_ {
        self.names.iter().filter(move |(l, _)| *l == lang).map(|(_, n)| *n)
    }

    /// The adjectives recorded for one language.
    pub fn adjectives_in(&self, lang: Lang) -> impl Iterator<Item = &'static str> + '_ {
        self.adjectives.iter().filter(move |(l, _)| *l == lang).map(|(_, n)| *n)
    }
}
