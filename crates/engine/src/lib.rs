//! # parallax-engine: the pure pipeline
//!
//! News reaches Parallax as messy pages in many languages. This crate turns them into clean,
//! analysed articles, and it does so as a chain of plain functions from one typed value to the
//! next, with no I/O and no global state beyond read-only tables compiled into the binary:
//!
//! ```text
//! bytes ──read──▶ RawDoc ──extract──▶ Extracted ──normalise──▶ Article ──analyse──▶ Analysis
//! ```
//!
//! - [`read`] finds the encoding and the format (text, HTML, JSON, JSON Lines, RSS/Atom, gzip of
//!   any of them) and splits containers into documents.
//! - [`extract`] separates the article from its page furniture and finds title, author, date,
//!   outlet, tags and kind.
//! - [`text`] normalises once (NFC, white space); every later annotation is a byte span into that
//!   text.
//! - [`lang`] identifies the language of the article and of each paragraph; [`segment`] splits
//!   sentences.
//!
//! Because stages are pure, the CLI runs them in parallel and the store sits at the edge. Each
//! result carries [`ENGINE_VERSION`], so that stored analyses made by older code can be found and
//! redone from the raw bytes the store keeps.

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::string_slice))]

pub mod ask;
pub mod calendar;
pub mod compare;
pub mod entities;
pub mod extract;
pub mod kb;
pub mod lang;
pub mod morph;
pub mod quantities;
pub mod read;
pub mod search;
pub mod segment;
pub mod statements;
pub mod stories;
pub mod text;
pub mod time;

use parallax_model::{
    Analysis, Article, ArticleId, Ingested, Kind, Lang, LangSpan, RawDoc, RawRecord,
};

/// The version stamp stored with every analysis: the crate's version and a hash of the engine's
/// source and data (`build.rs`), so that any change to what makes analyses gives a new stamp and
/// `parallax reanalyse` can find the analyses an older engine made.
pub const ENGINE_VERSION: &str =
    concat!("parallax-engine/", env!("CARGO_PKG_VERSION"), "+", env!("PARALLAX_ENGINE_HASH"));

/// Hex BLAKE3 of `bytes`.
pub fn hash_hex(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

/// The id of a document: the first 16 hex digits of the hash of its original bytes.
pub fn article_id(raw_hash: &str) -> ArticleId {
    ArticleId(raw_hash.get(..16).unwrap_or(raw_hash).to_string())
}

/// Runs extraction and analysis on one document.
pub fn process(raw: &RawDoc) -> Result<Ingested, extract::ExtractError> {
    let ex = extract::extract(raw)?;
    Ok(finish(raw, ex))
}

/// Analyses a text taken as an article body as it stands, one paragraph per non-empty line,
/// without extraction: for evaluations whose gold covers every line of a text.
pub fn process_body(source: &str, body: &str) -> Ingested {
    let raw = RawDoc {
        source: source.to_string(),
        format: parallax_model::InputFormat::Text,
        bytes: body.as_bytes().to_vec(),
        encoding: "UTF-8".into(),
        content: parallax_model::Content::Text(body.to_string()),
        hints: Default::default(),
    };
    let paragraphs = body.lines().map(text::normalize_inline).filter(|l| !l.is_empty()).collect();
    finish(&raw, extract::Extracted { paragraphs, ..Default::default() })
}

/// Normalisation, language and analysis of an extracted document.
fn finish(raw: &RawDoc, ex: extract::Extracted) -> Ingested {
    let raw_hash = hash_hex(&raw.bytes);
    let (article, paragraph_languages) = assemble(raw, &raw_hash, ex);
    let analysis = analyze_with(&article, paragraph_languages);
    Ingested {
        search: search::index_text(&article, &analysis),
        text_hash: hash_hex(article.text.as_bytes()),
        raw: RawRecord {
            source: raw.source.clone(),
            format: raw.format,
            encoding: raw.encoding.clone(),
            bytes: raw.bytes.clone(),
        },
        raw_hash,
        article,
        analysis,
    }
}

/// Normalisation and language identification: the article, and the language of each of its
/// paragraphs (found in the same pass).
fn assemble(raw: &RawDoc, raw_hash: &str, ex: extract::Extracted) -> (Article, Vec<LangSpan>) {
    let (text, paragraphs) = text::join_paragraphs(&ex.paragraphs);
    let declared = ex.declared_language.as_deref().and_then(|l| l.parse::<Lang>().ok());
    let (guess, paragraph_languages) = lang::identify_article(&text, &paragraphs);
    // A language the publisher declared settles what the text cannot (too short, mixed).
    let (language, language_confidence) = match (guess, declared) {
        (Some(g), Some(d)) if g.confidence < lang::MIN_CONFIDENCE => {
            (Some(d), lang::MIN_CONFIDENCE)
        }
        (Some(g), _) => (Some(g.lang), g.confidence),
        (None, d) => (d, if d.is_some() { lang::MIN_CONFIDENCE } else { 0.0 }),
    };
    let article = Article {
        id: article_id(raw_hash),
        source: raw.source.clone(),
        format: raw.format,
        url: ex.url,
        title: ex.title,
        language,
        language_confidence,
        published: ex.published,
        outlet: ex.outlet,
        author: ex.author,
        kind: ex.kind.unwrap_or(Kind::NewsReport),
        tags: ex.tags,
        text,
        paragraphs,
        captions: ex.captions,
        dateline: ex.dateline,
        furniture: ex.furniture,
        extra: raw.hints.extra.clone(),
    };
    (article, paragraph_languages)
}

/// The per-document analysis of a stored article's text (what a newer engine redoes).
pub fn analyze(article: &Article) -> Analysis {
    analyze_with(article, lang::identify_spans(&article.text, &article.paragraphs))
}

/// Sentences, entities, time, quantities and statements of an article whose paragraph languages
/// are known.
fn analyze_with(article: &Article, paragraph_languages: Vec<LangSpan>) -> Analysis {
    let text = &article.text;
    let lang = article.language;
    let sentences = segment::sentences(text, lang);
    let entities = entities::analyze(text, &sentences, &paragraph_languages, lang);
    let (dates, dated_sentences) = time::analyze(text, &sentences, lang, article.published);
    let quantities = quantities::find(text, lang);
    let (statements, cites) = statements::analyze(
        text,
        &sentences,
        &paragraph_languages,
        lang,
        &entities,
        &dated_sentences,
    );
    Analysis {
        engine: ENGINE_VERSION.to_string(),
        sentences,
        paragraph_languages,
        entities,
        statements: parallax_model::DocStatements {
            statements,
            cites,
            dates,
            quantities,
            dated_sentences,
        },
    }
}
