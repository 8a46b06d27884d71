//! Named entities: who and what an article names, and how.

use crate::Span;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    Person,
    Organization,
    /// A sovereign state (or a territory with its own ISO 3166 code).
    Country,
    /// Any other place: a city, a region, a sea, a street.
    Place,
    /// A named event: a summit, a war, an election.
    Event,
    /// Named equipment: aircraft, missiles, ships.
    Equipment,
    Other,
}

impl EntityType {
    pub const fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Organization => "organization",
            EntityType::Country => "country",
            EntityType::Place => "place",
            EntityType::Event => "event",
            EntityType::Equipment => "equipment",
            EntityType::Other => "other",
        }
    }

    /// The coarse class used by NER evaluations: PER, ORG or LOC (countries and places).
    pub const fn coarse(self) -> &'static str {
        match self {
            EntityType::Person => "PER",
            EntityType::Organization => "ORG",
            EntityType::Country | EntityType::Place => "LOC",
            EntityType::Event => "EVT",
            EntityType::Equipment => "PRO",
            EntityType::Other => "MISC",
        }
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A corpus-wide entity identifier (`e:` followed by 12 hex digits), stable for a given store.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EntityId(pub String);

impl fmt::Display for EntityId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One place where an article names an entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// The mention's name in its base form ("Ніколаса Морено" → "Ніколас Морено"), the key of
    /// in-document identity.
    pub lemma: String,
    /// Which in-document cluster this mention belongs to (an index into
    /// [`DocEntities::clusters`]).
    pub cluster: usize,
}

impl Mention {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// How a descriptor is attached to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DescriptorForm {
    /// "Kremlin spokesman Dmitry Bereskov", "венесуельського диктатора Ніколаса Морено".
    Premodifier,
    /// "Dmitry Bereskov, the Kremlin spokesman,".
    Apposition,
    /// "The Venezuelan ruler" referring back to a named person.
    Definite,
}

/// A label attached to a named entity: "Kremlin spokesman", "диктатора".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Descriptor {
    pub start: usize,
    pub end: usize,
    pub form: DescriptorForm,
    /// The in-document cluster described.
    pub cluster: usize,
    /// The head noun's base form in its language ("диктатора" → "диктатор").
    pub head: String,
    /// An English gloss of the head when the knowledge base has one ("dictator").
    pub gloss: Option<String>,
    /// Whether the label judges rather than describes (dictator, regime, terrorist, "so-called").
    pub evaluative: bool,
    /// The country the label ties the entity to ("Russian Deputy Foreign Minister" → "RU").
    pub country: Option<String>,
}

/// The entities of one article: mentions grouped into in-document clusters, and the labels
/// attached to them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocEntities {
    pub mentions: Vec<Mention>,
    pub clusters: Vec<Cluster>,
    pub descriptors: Vec<Descriptor>,
}

/// The mentions of one entity inside one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cluster {
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// The fullest name the article uses, in its base form ("Ніколас Морено").
    pub name: String,
    /// The knowledge-base entry when the entity is known there ("country:VE", "outlet:TASS").
    pub kb: Option<String>,
    /// ISO 3166 code of the country the entity belongs to, when known.
    pub affiliation: Option<String>,
    /// The corpus-wide entity, once linked.
    pub entity: Option<EntityId>,
}

/// An entity as the corpus knows it: one identity across articles, scripts and cases.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityRecord {
    pub id: EntityId,
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// The name shown for it, in Latin script.
    pub canonical: String,
    /// ISO 3166 code of its country, when known.
    pub affiliation: Option<String>,
    /// Its knowledge-base entry, when it has one.
    pub kb: Option<String>,
    /// Lookup keys under which linking finds it (a knowledge-base id, name skeletons).
    pub keys: Vec<String>,
    /// Every surface form seen, with how often.
    pub names: Vec<NameCount>,
    /// How many articles mention it.
    pub articles: usize,
}

/// A surface form of an entity's name and how many mentions used it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameCount {
    pub name: String,
    pub count: usize,
}

/// The read side of the entity registry, as linking sees it. A lookup that cannot be read is an
/// error, never an empty answer: an empty answer would found a second identity for a known one.
pub trait EntityIndex {
    /// Entities filed under `key`.
    fn find(&self, key: &str) -> crate::StoreResult<Vec<EntityRecord>>;
}

/// What linking decided for one in-document cluster.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityLink {
    /// The cluster's index in the article's [`DocEntities::clusters`].
    pub cluster: usize,
    /// The entity, with its updated names, keys, canonical name and affiliation (new or existing).
    pub entity: EntityRecord,
}

/// Decides which corpus entity each of an article's clusters is. The store calls it inside the
/// transaction that stores the article, so it sees the entities of earlier articles in the batch.
pub trait Linker {
    fn link(
        &self,
        article: &crate::Article,
        entities: &DocEntities,
        index: &dyn EntityIndex,
    ) -> crate::StoreResult<Vec<EntityLink>>;
}
