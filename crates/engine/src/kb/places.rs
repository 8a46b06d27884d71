//! Places that are neither countries nor capitals: continents, regions, seas, straits,
//! territories, landmarks, cities and former states.

use super::table::{self, by_lang, cell, lines, push_unique};
use parallax_model::Lang;
use std::collections::HashMap;
use std::sync::LazyLock;

pub(crate) const PLACES: &str = include_str!("../../data/kb/places.tsv");
pub(crate) const CLDR_PLACES: &str = include_str!("../../data/kb/places.cldr.tsv");
pub(crate) const GEONAMES: &str = include_str!("../../data/kb/places.geonames.tsv");

/// What kind of place it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    Continent,
    /// A world region (Middle East, Balkans) or a region of a country (Crimea, Donbas, Bavaria).
    Region,
    Ocean,
    Sea,
    Strait,
    Gulf,
    River,
    Island,
    Peninsula,
    /// A disputed or partly governed territory (Gaza Strip, Transnistria, Abkhazia).
    Territory,
    /// A named site (Suez Canal, Zaporizhzhia nuclear power plant, Red Square).
    Landmark,
    City,
    /// A state that no longer exists (Soviet Union, Austria-Hungary, Kievan Rus).
    #[serde(rename = "former-state")]
    FormerState,
}

impl PlaceKind {
    fn parse(s: &str) -> PlaceKind {
        match s {
            "continent" => PlaceKind::Continent,
            "ocean" => PlaceKind::Ocean,
            "sea" => PlaceKind::Sea,
            "strait" => PlaceKind::Strait,
            "gulf" => PlaceKind::Gulf,
            "river" => PlaceKind::River,
            "island" => PlaceKind::Island,
            "peninsula" => PlaceKind::Peninsula,
            "territory" => PlaceKind::Territory,
            "landmark" => PlaceKind::Landmark,
            "city" => PlaceKind::City,
            "former-state" => PlaceKind::FormerState,
            _ => PlaceKind::Region,
        }
    }
}

/// A place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// A stable identifier ("kharkiv", "black-sea", "gaza-strip").
    pub id: &'static str,
    /// The English name ("Kharkiv").
    pub name: &'static str,
    /// Names in each language. `Lang::En` names are the international Latin-script names, used
    /// by every Latin-script language that records none of its own.
    pub names: Vec<(Lang, &'static str)>,
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 of the state it lies in under international law (`None` for places
    /// that span several).
    pub country: Option<&'static str>,
    /// GeoNames population, for cities found there.
    pub population: Option<u64>,
    /// GeoNames identifier, for cities found there.
    pub geonames_id: Option<u64>,
    /// Those of its names that are also common words or name something else.
    pub ambiguous: Vec<&'static str>,
}

fn parse() -> Vec<Place> {
    let mut out: Vec<Place> = lines(PLACES)
        .filter_map(|cells| {
            let name = table::values(cell(&cells, 3)).next()?.text;
            let mut p = Place {
                id: cell(&cells, 0),
                name,
                names: Vec::new(),
                kind: PlaceKind::parse(cell(&cells, 1)),
                country: Some(cell(&cells, 2)).filter(|c| !c.is_empty()),
                population: None,
                geonames_id: None,
                ambiguous: Vec::new(),
            };
            for (lang, v) in by_lang(&cells, 3) {
                push_unique(&mut p.names, &mut p.ambiguous, lang, v);
            }
            Some(p)
        })
        .collect();
    let index: HashMap<&str, usize> = out.iter().enumerate().map(|(i, p)| (p.id, i)).collect();
    for cells in lines(CLDR_PLACES) {
        let Some(p) = index.get(cell(&cells, 0)).and_then(|&i| out.get_mut(i)) else { continue };
        for (lang, v) in by_lang(&cells, 1) {
            push_unique(&mut p.names, &mut p.ambiguous, lang, v);
        }
    }
    for cells in lines(GEONAMES) {
        let Some(p) = index.get(cell(&cells, 0)).and_then(|&i| out.get_mut(i)) else { continue };
        p.geonames_id = cell(&cells, 1).parse().ok();
        p.population = cell(&cells, 3).parse().ok();
    }
    out
}

static PLACE_LIST: LazyLock<Vec<Place>> = LazyLock::new(parse);

/// Every place in the knowledge base.
pub fn places() -> &'static [Place] {
    &PLACE_LIST
}

/// The place with this identifier.
pub fn place(id: &str) -> Option<&'static Place> {
    PLACE_LIST.iter().find(|p| p.id == id)
}
