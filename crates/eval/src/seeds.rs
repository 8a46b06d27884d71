//! `eval seeds`: the document-level items of `gold/seeds.json`.
//!
//! The five seed files are the founding example. Each gold item has a level: `must` items are
//! checks the engine fails without; `should` and `stretch` items are reported. Text items are
//! compared after the normalisation the gold file declares (NFKC, typographic apostrophes as `'`,
//! white space collapsed).

use crate::{read_file, EvalError, EvalOptions, Report};
use parallax_engine::read::{read, ReadOptions};
use parallax_engine::text::loose_key;
use parallax_model::{Article, Ingested};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// How strict a gold item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Must,
    Should,
    Stretch,
}

impl Level {
    fn parse(v: Option<&Value>, default: Level) -> Level {
        match v.and_then(Value::as_str) {
            Some("must") => Level::Must,
            Some("should") => Level::Should,
            Some("stretch") => Level::Stretch,
            _ => default,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Level::Must => "must",
            Level::Should => "should",
            Level::Stretch => "stretch",
        }
    }
}

/// One gold check on one file.
#[derive(Debug, Clone)]
pub struct Check {
    pub file: String,
    pub level: Level,
    pub what: String,
    pub passed: bool,
    /// What the engine produced, when the check failed.
    pub got: String,
}

/// Where the seed corpus and its gold live.
pub fn seed_paths(opts: &EvalOptions) -> (PathBuf, PathBuf) {
    match (&opts.path, opts.dataset.as_deref()) {
        (Some(p), _) => (p.join("corpus/seeds"), p.join("gold/seeds.json")),
        _ => (opts.shared.join("corpus/seeds"), opts.shared.join("gold/seeds.json")),
    }
}

/// Runs every document-level check and returns the individual results.
pub fn checks(opts: &EvalOptions) -> Result<Vec<Check>, EvalError> {
    let (corpus, gold_path) = seed_paths(opts);
    crate::require_dir("seeds", &corpus)?;
    let gold: Value = serde_json::from_slice(&read_file(&gold_path)?)
        .map_err(|e| EvalError::Read { path: gold_path.clone(), reason: e.to_string() })?;
    let docs = gold.get("documents").and_then(Value::as_array).cloned().unwrap_or_default();
    let mut out = Vec::new();
    for doc in &docs {
        let Some(file) = doc.get("file").and_then(Value::as_str) else { continue };
        let article = process_file(&corpus.join(file))?;
        check_document(file, doc, &article.article, &mut out);
    }
    Ok(out)
}

/// The entity and descriptor checks of the gold: every listed surface form is a mention linked to
/// the entity with the gold canonical name (up to accents and a leading "The"), and every label is
/// a descriptor attached to it. All five files go into one registry, in file order.
pub fn entity_checks(opts: &EvalOptions) -> Result<Vec<Check>, EvalError> {
    use parallax_model::{MemStore, Store};
    let (corpus, gold_path) = seed_paths(opts);
    crate::require_dir("seeds", &corpus)?;
    let gold: Value = serde_json::from_slice(&read_file(&gold_path)?)
        .map_err(|e| EvalError::Read { path: gold_path.clone(), reason: e.to_string() })?;
    let mut files: Vec<String> = gold
        .get("documents")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|d| d.get("file").and_then(Value::as_str).map(String::from))
        .collect();
    files.sort();
    let mut store = MemStore::new();
    let mut ids = std::collections::HashMap::new();
    for f in &files {
        let doc = process_file(&corpus.join(f))?;
        ids.insert(f.get(..3).unwrap_or("").to_string(), doc.article.id.clone());
        store
            .put_batch_linked(
                std::slice::from_ref(&doc),
                &parallax_engine::entities::link::EngineLinker,
            )
            .map_err(|e| EvalError::Read { path: corpus.join(f), reason: e.to_string() })?;
    }
    let canonical_of = |id: &Option<parallax_model::EntityId>| -> String {
        id.as_ref()
            .and_then(|id| store.entity(id).ok().flatten())
            .map(|e| e.canonical)
            .unwrap_or_default()
    };
    let mut out = vec![];
    for ent in gold.get("entities").and_then(Value::as_array).into_iter().flatten() {
        let want = ent.get("canonical").and_then(Value::as_str).unwrap_or("");
        let level = Level::parse(ent.get("level"), Level::Should);
        for (file, forms) in ent.get("mentions").and_then(Value::as_object).into_iter().flatten() {
            let Some(stored) = ids.get(file).and_then(|id| store.get(id).ok().flatten()) else {
                continue;
            };
            let ents = &stored.analysis.entities;
            for form in forms.as_array().into_iter().flatten().filter_map(Value::as_str) {
                let key = loose_key(form);
                // The form as a whole mention; else as whole words inside a longer mention
                // (a file that names "Dmitry Bereskov" only, with "Bereskov" listed too).
                let exact = |m: &&parallax_model::Mention| {
                    m.span().text(&stored.article.text).is_some_and(|t| loose_key(t) == key)
                };
                let inside = |m: &&parallax_model::Mention| {
                    m.span().text(&stored.article.text).is_some_and(|t| {
                        let words: Vec<String> =
                            loose_key(t).split_whitespace().map(str::to_string).collect();
                        let want: Vec<&str> = key.split_whitespace().collect();
                        !want.is_empty()
                            && words.windows(want.len()).any(|w| w.iter().eq(want.iter()))
                    })
                };
                let any_exact = ents.mentions.iter().any(|m| exact(&m));
                let got: Vec<String> = ents
                    .mentions
                    .iter()
                    .filter(|m| if any_exact { exact(m) } else { inside(m) })
                    .map(|m| {
                        canonical_of(&ents.clusters.get(m.cluster).and_then(|c| c.entity.clone()))
                    })
                    .collect();
                let passed = got.iter().any(|g| same_name(g, want));
                let shown =
                    if got.is_empty() { "no such mention".to_string() } else { got.join(" | ") };
                out.push(Check {
                    file: file.clone(),
                    level,
                    what: format!("mention {form:?} → {want}"),
                    passed,
                    got: if passed { String::new() } else { shown },
                });
            }
        }
    }
    for d in gold.get("descriptors").and_then(Value::as_array).into_iter().flatten() {
        let want = d.get("entity").and_then(Value::as_str).unwrap_or("");
        let level = Level::parse(d.get("level"), Level::Should);
        let file = d.get("file").and_then(Value::as_str).unwrap_or("");
        let Some(stored) =
            ids.get(file.get(..3).unwrap_or("")).and_then(|id| store.get(id).ok().flatten())
        else {
            continue;
        };
        let ents = &stored.analysis.entities;
        for label in d
            .get("labels")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            let key = loose_key(label).to_lowercase();
            let got: Vec<String> = ents
                .descriptors
                .iter()
                .filter(|x| {
                    parallax_model::Span::new(x.start, x.end)
                        .text(&stored.article.text)
                        .is_some_and(|t| loose_key(t).to_lowercase() == key)
                })
                .map(|x| canonical_of(&ents.clusters.get(x.cluster).and_then(|c| c.entity.clone())))
                .collect();
            let passed = got.iter().any(|g| same_name(g, want));
            let shown =
                if got.is_empty() { "no such descriptor".to_string() } else { got.join(" | ") };
            out.push(Check {
                file: file.to_string(),
                level,
                what: format!("descriptor {label:?} → {want}"),
                passed,
                got: if passed { String::new() } else { shown },
            });
        }
    }
    // Statements: the speaker's canonical name, the form (either for mixed), the fragment
    // inside the content.
    for st in gold.get("statements").and_then(Value::as_array).into_iter().flatten() {
        let file = st.get("file").and_then(Value::as_str).unwrap_or("");
        let Some(stored) =
            ids.get(file.get(..3).unwrap_or("")).and_then(|id| store.get(id).ok().flatten())
        else {
            continue;
        };
        let speaker = st.get("speaker").and_then(Value::as_str).unwrap_or("");
        let form = st.get("form").and_then(Value::as_str).unwrap_or("");
        let fragment = loose_key(st.get("fragment").and_then(Value::as_str).unwrap_or(""));
        let level = Level::parse(st.get("level"), Level::Should);
        let text = &stored.article.text;
        let ents = &stored.analysis.entities;
        let mut seen = vec![];
        let passed = stored.analysis.statements.statements.iter().any(|x| {
            let content = x.content.text(text).map(loose_key).unwrap_or_default();
            if !content.contains(&fragment) {
                return false;
            }
            let who = x
                .speaker_cluster
                .and_then(|c| ents.clusters.get(c))
                .map(|c| canonical_of(&c.entity))
                .unwrap_or_default();
            let got_form = format!("{:?}", x.form).to_lowercase();
            seen.push(format!("{got_form} by {who:?}"));
            same_name(&who, speaker) && (form == "mixed" || got_form == form || got_form == "mixed")
        });
        let got = if seen.is_empty() { "no statement holds it".into() } else { seen.join(" | ") };
        let short: String = fragment.chars().take(40).collect();
        out.push(Check {
            file: file.to_string(),
            level,
            what: format!("{form} statement by {speaker}: {short:?}"),
            passed,
            got: if passed { String::new() } else { got },
        });
    }
    // Source chains: the article cites exactly these (as a set of names).
    for chain in gold.get("source_chains").and_then(Value::as_array).into_iter().flatten() {
        let file = chain.get("file").and_then(Value::as_str).unwrap_or("");
        let Some(stored) =
            ids.get(file.get(..3).unwrap_or("")).and_then(|id| store.get(id).ok().flatten())
        else {
            continue;
        };
        let want: Vec<&str> = chain
            .get("cites")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        let mut got: Vec<String> =
            stored.analysis.statements.cites.iter().map(|c| c.name.clone()).collect();
        got.sort();
        got.dedup();
        let passed =
            want.len() == got.len() && want.iter().all(|w| got.iter().any(|g| same_name(g, w)));
        out.push(Check {
            file: file.to_string(),
            level: Level::parse(chain.get("level"), Level::Should),
            what: format!("cites {want:?}"),
            passed,
            got: if passed { String::new() } else { format!("{got:?}") },
        });
    }
    Ok(out)
}

/// Names equal up to accents, case and a leading "The".
pub fn same_name(a: &str, b: &str) -> bool {
    let fold = |s: &str| {
        let s = parallax_engine::text::fold_name(s);
        s.strip_prefix("the ").map(str::to_string).unwrap_or(s)
    };
    fold(a) == fold(b)
}

/// Reads and processes one seed file.
pub fn process_file(path: &Path) -> Result<Ingested, EvalError> {
    let bytes = read_file(path)?;
    let source = path.display().to_string();
    let raw = read(&bytes, &source, &ReadOptions::default())
        .into_iter()
        .next()
        .and_then(Result::ok)
        .ok_or_else(|| EvalError::Read { path: path.into(), reason: "unreadable".into() })?;
    parallax_engine::process(&raw)
        .map_err(|e| EvalError::Read { path: path.into(), reason: e.to_string() })
}

fn check_document(file: &str, doc: &Value, a: &Article, out: &mut Vec<Check>) {
    let mut push = |level: Level, what: String, passed: bool, got: String| {
        out.push(Check {
            file: file.to_string(),
            level,
            what,
            passed,
            got: if passed { String::new() } else { got },
        });
    };
    let text = loose_key(&a.text);
    let lang = a.language.map(|l| l.code().to_string()).unwrap_or_default();
    if let Some(want) = doc.get("language").and_then(Value::as_str) {
        push(Level::Must, format!("language {want}"), lang == want, lang.clone());
    }
    if let Some(want) = doc.get("kind").and_then(Value::as_str) {
        let level = Level::parse(doc.get("kind_level"), Level::Should);
        push(level, format!("kind {want}"), a.kind.as_str() == want, a.kind.as_str().into());
    }
    if let Some(t) = doc.get("title") {
        let want = t.get("text").and_then(Value::as_str).unwrap_or("");
        let got = a.title.clone().unwrap_or_default();
        push(
            Level::parse(t.get("level"), Level::Should),
            format!("title {want:?}"),
            loose_key(&got) == loose_key(want),
            got,
        );
    }
    if let Some(p) = doc.get("published") {
        let want = p.get("date").and_then(Value::as_str);
        let got = a.published.map(|d| d.to_string());
        let level = Level::parse(p.get("level"), Level::Should);
        push(
            level,
            format!("published {}", want.unwrap_or("null")),
            got.as_deref() == want,
            got.unwrap_or_else(|| "null".into()),
        );
    }
    if let Some(o) = doc.get("outlet") {
        let want = o.get("name").and_then(Value::as_str).unwrap_or("");
        let got = a.outlet.clone().unwrap_or_default();
        let same = strip_the(&got).eq_ignore_ascii_case(strip_the(want));
        push(Level::parse(o.get("level"), Level::Should), format!("outlet {want}"), same, got);
    }
    if let Some(au) = doc.get("author") {
        let want = au.get("name").and_then(Value::as_str).unwrap_or("");
        let got = a.author.clone().unwrap_or_default();
        push(
            Level::parse(au.get("level"), Level::Should),
            format!("author {want}"),
            got == want,
            got,
        );
    }
    if let Some(dp) = doc.get("dateline_place") {
        let want = dp.get("name").and_then(Value::as_str).unwrap_or("");
        let got = a.dateline.as_ref().and_then(|d| d.place.clone()).unwrap_or_default();
        push(
            Level::parse(dp.get("level"), Level::Should),
            format!("dateline place {want}"),
            got == want,
            got,
        );
    }
    if let Some(tags) = doc.get("tags") {
        let want: Vec<&str> = tags
            .get("values")
            .and_then(Value::as_array)
            .map(|v| v.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let all = want.iter().all(|w| a.tags.iter().any(|t| t == w));
        push(
            Level::parse(tags.get("level"), Level::Should),
            format!("tags {want:?}"),
            all,
            format!("{:?}", a.tags),
        );
    }
    for keep in doc
        .get("must_keep")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
    {
        push(
            Level::Must,
            format!("keeps {:?}", short(keep)),
            text.contains(&loose_key(keep)),
            "missing from text".into(),
        );
    }
    for drop in doc
        .get("must_drop")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
    {
        push(
            Level::Must,
            format!("drops {:?}", short(drop)),
            !text.contains(&loose_key(drop)),
            "present in text".into(),
        );
    }
    if let Some(c) = doc.get("caption") {
        let want = c.get("text").and_then(Value::as_str).unwrap_or("");
        let kept_apart = !text.contains(&loose_key(want));
        push(
            Level::parse(c.get("level"), Level::Should),
            format!("caption kept apart {:?}", short(want)),
            kept_apart,
            "caption in body".into(),
        );
    }
}

fn strip_the(s: &str) -> &str {
    s.strip_prefix("The ").unwrap_or(s)
}

fn short(s: &str) -> String {
    let cut: String = s.chars().take(60).collect();
    if cut.len() < s.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

/// `eval seeds`: pass rates of must and should items.
pub fn run(opts: &EvalOptions) -> Result<Vec<Report>, EvalError> {
    if !opts.wants("seeds") {
        return Ok(vec![]);
    }
    let started = Instant::now();
    let mut checks = checks(opts)?;
    checks.extend(entity_checks(opts)?);
    let mut report = Report::new("seeds", "seeds");
    let count = |level: Level, passed: bool| {
        checks.iter().filter(|c| c.level == level && (!passed || c.passed)).count()
    };
    // Files are named in full or by their number ("000"): count the numbers.
    let files: std::collections::BTreeSet<&str> =
        checks.iter().map(|c| c.file.get(..3).unwrap_or(&c.file)).collect();
    report.n = files.len();
    let (must_ok, must) = (count(Level::Must, true), count(Level::Must, false));
    report.metric("accuracy", if must == 0 { 0.0 } else { must_ok as f64 / must as f64 });
    report.metric("must_passed", must_ok as f64).metric("must_total", must as f64);
    report
        .metric("should_passed", count(Level::Should, true) as f64)
        .metric("should_total", count(Level::Should, false) as f64);
    report
        .metric("stretch_passed", count(Level::Stretch, true) as f64)
        .metric("stretch_total", count(Level::Stretch, false) as f64);
    for c in checks.iter().filter(|c| !c.passed) {
        report.notes.push(format!(
            "FAIL [{}] {}: {} (got: {})",
            c.level.name(),
            c.file,
            c.what,
            c.got
        ));
    }
    report.seconds = started.elapsed().as_secs_f64();
    Ok(vec![report])
}
