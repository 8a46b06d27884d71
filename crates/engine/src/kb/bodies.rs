//! International organisations and major national institutions.

use super::table::{self, by_lang, cell, lines, push_unique};
use parallax_model::Lang;
use std::sync::LazyLock;

pub(crate) const BODIES: &str = include_str!("../../data/kb/bodies.tsv");

/// What kind of body it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BodyKind {
    /// An organisation of states (UN, NATO, EU, OPEC).
    Intergovernmental,
    /// An organ of an intergovernmental body (UN Security Council, European Commission).
    Institution,
    Legislature,
    /// A government office (Office of the President, Cabinet of Ministers, National Security
    /// Council).
    Executive,
    Ministry,
    Agency,
    /// An intelligence or security service (CIA, FSB, SBU).
    Intelligence,
    Court,
    /// A central or development bank.
    Bank,
    ArmedForces,
    Company,
    /// A political party or an armed movement (Hamas, Taliban).
    Party,
    /// A non-governmental organisation (Red Cross, Amnesty International).
    Ngo,
}

impl BodyKind {
    fn parse(s: &str) -> BodyKind {
        match s {
            "intergovernmental" => BodyKind::Intergovernmental,
            "institution" => BodyKind::Institution,
            "legislature" => BodyKind::Legislature,
            "executive" => BodyKind::Executive,
            "ministry" => BodyKind::Ministry,
            "agency" => BodyKind::Agency,
            "intelligence" => BodyKind::Intelligence,
            "court" => BodyKind::Court,
            "bank" => BodyKind::Bank,
            "armed-forces" => BodyKind::ArmedForces,
            "company" => BodyKind::Company,
            "party" => BodyKind::Party,
            _ => BodyKind::Ngo,
        }
    }
}

/// An organisation or institution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    /// A stable identifier ("nato", "state-duma", "us-state-department").
    pub id: &'static str,
    /// The canonical English name ("NATO", "State Duma").
    pub name: &'static str,
    /// Names, acronyms and short forms in each language (НАТО, Держдума, Госдеп).
    pub names: Vec<(Lang, &'static str)>,
    pub kind: BodyKind,
    /// ISO 3166-1 alpha-2 of a national body; `None` for international ones.
    pub country: Option<&'static str>,
    /// Those of its names that are also common words or name something else (Rada, Senate).
    pub ambiguous: Vec<&'static str>,
}

fn parse() -> Vec<Body> {
    lines(BODIES)
        .filter_map(|cells| {
            let name = table::values(cell(&cells, 3)).next()?.text;
            let mut b = Body {
                id: cell(&cells, 0),
                name,
                names: Vec::new(),
                kind: BodyKind::parse(cell(&cells, 1)),
                country: Some(cell(&cells, 2)).filter(|c| !c.is_empty()),
                ambiguous: Vec::new(),
            };
            for (lang, v) in by_lang(&cells, 3) {
                push_unique(&mut b.names, &mut b.ambiguous, lang, v);
            }
            Some(b)
        })
        .collect()
}

static BODY_LIST: LazyLock<Vec<Body>> = LazyLock::new(parse);

/// Every body in the knowledge base.
pub fn bodies() -> &'static [Body] {
    &BODY_LIST
}

/// The body with this identifier.
pub fn body(id: &str) -> Option<&'static Body> {
    BODY_LIST.iter().find(|b| b.id == id)
}
