//! Who said what, according to whom, and when: statements, citations, dates and quantities.

use crate::{PartialDate, Span};
use serde::{Deserialize, Serialize};

/// How a statement reports speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StatementForm {
    /// Quoted words: “We are ready,” he said.
    Direct,
    /// Indirect speech: he said that talks would resume; according to X, ...
    Reported,
    /// Reported speech with quoted words inside: he said Moscow «respects» the treaty.
    Mixed,
}

/// What kind of source a citation names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// A news outlet or agency: "The Washington Post reported".
    Outlet,
    /// Documents, reports, statements: "according to internal US government documents".
    Document,
    /// A named person or body.
    Entity,
    /// "sources", "officials", "a source familiar with the matter".
    Anonymous,
}

/// A source an article or a statement is attributed through.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub start: usize,
    pub end: usize,
    pub kind: SourceKind,
    /// The source's name as the knowledge base or the text gives it ("The Washington Post").
    pub name: String,
    /// The in-document entity cluster, when the source is a named entity.
    pub cluster: Option<usize>,
}

/// One act of reported or quoted speech.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    pub form: StatementForm,
    /// The words that name the speaker as written ("Kremlin Spokesman Dmitry Bereskov", "he").
    pub speaker: Option<Span>,
    /// The speaker's in-document entity cluster, when resolved (a pronoun or a definite
    /// description resolved to the nearest compatible entity when clear).
    pub speaker_cluster: Option<usize>,
    /// A speaker that is not an entity: "the US documents", "officials".
    pub speaker_label: Option<String>,
    /// The speech verb or phrase ("said", "told", "заявив", "according to", "за словами").
    pub cue: Span,
    /// The cue's base form ("say", "deny", "заявити").
    pub cue_lemma: String,
    /// What was said: the quotation's words, or the reported clause.
    pub content: Span,
    /// Whom it was said to ("told TASS").
    pub addressee: Option<Span>,
    /// The chain the statement reaches the reader through, nearest first ("the Washington Post
    /// reported, citing documents": [The Washington Post, documents]).
    pub via: Vec<Source>,
    /// When it was said, if the text supports a date.
    pub date: Option<PartialDate>,
    /// How sure the attribution is (see [`Confidence`]). Analyses stored before it existed read
    /// as `medium`.
    #[serde(default)]
    pub confidence: Confidence,
}

/// How sure an attribution is: whether its speaker is tied to the cue by structure the rules
/// check, and whether that speaker is named.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// The speaker is written but not found (a pronoun with no single antecedent that agrees)
    /// or reached only by a guess (a description matched to a person by its words alone), or the
    /// content is not shown to be a clause (a noun phrase after the cue: "announced his
    /// resignation"): shown, never relied on by default.
    Low,
    /// The speaker is reached through a descriptor, a surname alone or a resolved pronoun, or
    /// is a description that names no one ("the minister"), or no speaker is written at all (an
    /// impersonal report, shown as unattributed), or the content only follows its cue.
    #[default]
    Medium,
    /// A named speaker (a person, a body, an outlet, a document, or a group described in the
    /// frame) is the cue's subject, and the content is a quotation or marked as speech (a
    /// complementiser, a colon, an inverted frame).
    High,
}

impl Confidence {
    /// Whether briefs rely on statements of this confidence by default.
    pub fn is_confident(self) -> bool {
        self >= Confidence::Medium
    }

    /// The lowercase name (as serialised).
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }
}

impl std::str::FromStr for Confidence {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "low" => Ok(Confidence::Low),
            "medium" => Ok(Confidence::Medium),
            "high" => Ok(Confidence::High),
            other => Err(format!("unknown confidence {other:?}: expected low, medium or high")),
        }
    }
}

/// A time expression resolved to a calendar date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeExpr {
    pub start: usize,
    pub end: usize,
    pub date: PartialDate,
    /// How it was resolved.
    pub kind: TimeKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeKind {
    /// A complete date in the text: "31 October 2025", "2025-10-31".
    Absolute,
    /// A date missing its year (or month), completed from the reference date: "October 21".
    Partial,
    /// A weekday or relative expression resolved against a reference: "on Sunday", "a day before".
    Relative,
}

/// An amount with its unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    /// The unit or the thing counted, as a base form ("km", "%", "soldier", "engine").
    pub unit: Option<String>,
    /// "about", "over", "under", "up to" and their equivalents, normalised to English.
    pub approx: Option<String>,
}

/// The sentence-level date attached to an event: the sentence and the date it carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatedSentence {
    pub start: usize,
    pub end: usize,
    pub date: PartialDate,
}

/// Everything about attribution and time in one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocStatements {
    pub statements: Vec<Statement>,
    /// The sources the article as a whole names for its information.
    pub cites: Vec<Source>,
    pub dates: Vec<TimeExpr>,
    pub quantities: Vec<Quantity>,
    /// Sentences describing events, with their dates when the text supports one.
    pub dated_sentences: Vec<DatedSentence>,
}
