//! JSON and JSON Lines records: one article per object.
//!
//! Field names vary between scrapers and APIs, so each piece of metadata is looked up under its
//! common names (`text`/`body`/`content`, `published`/`date`/`pubDate`...). Fields Parallax does not
//! interpret are kept, unchanged, in [`Hints::extra`].

use super::{ReadFailure, ReadOptions};
use parallax_model::{Content, Hints, InputFormat, RawDoc};
use serde_json::{Map, Value};

const URL: &[&str] = &["url", "link", "href", "canonical_url", "canonicalUrl"];
const TITLE: &[&str] = &["title", "headline"];
const TEXT: &[&str] =
    &["text", "body", "content", "articleBody", "article", "full_text", "maintext"];
const HTML: &[&str] = &["html", "content_html", "raw_html", "body_html", "page"];
const PUBLISHED: &[&str] = &[
    "published",
    "date",
    "published_at",
    "publishedAt",
    "pubDate",
    "datePublished",
    "date_publish",
    "time",
];
const OUTLET: &[&str] =
    &["outlet", "source", "site", "site_name", "publisher", "source_domain", "domain"];
const LANGUAGE: &[&str] = &["language", "lang", "inLanguage"];
const AUTHOR: &[&str] = &["author", "byline", "authors", "creator"];
const TAGS: &[&str] = &["tags", "keywords", "categories", "category"];
/// Keys under which a whole file may wrap its list of records.
const WRAPPERS: &[&str] = &["articles", "items", "records", "data", "results", "documents"];

pub(super) fn read_json(
    text: &str,
    source: &str,
    limits: &ReadOptions,
) -> Result<Vec<Result<RawDoc, ReadFailure>>, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| format!("malformed JSON: {e}"))?;
    let records: Vec<Value> = match value {
        Value::Array(items) => items,
        Value::Object(mut obj) => {
            let wrapper = WRAPPERS
                .iter()
                .find(|k| obj.get(**k).is_some_and(Value::is_array) && !has_content(&obj));
            match wrapper.and_then(|k| obj.remove(*k)) {
                Some(Value::Array(items)) => items,
                _ => vec![Value::Object(obj)],
            }
        }
        _ => return Err("JSON holds neither an object nor an array of objects".into()),
    };
    if records.is_empty() {
        return Err("JSON holds no records".into());
    }
    let many = records.len() > 1;
    Ok(records
        .into_iter()
        .enumerate()
        .map(|(i, v)| {
            let name = if many { format!("{source}#{}", i + 1) } else { source.to_string() };
            let bytes = serde_json::to_vec(&v).unwrap_or_default();
            record(v, bytes, name, limits)
        })
        .collect())
}

pub(super) fn read_json_lines(
    text: &str,
    source: &str,
    limits: &ReadOptions,
) -> Vec<Result<RawDoc, ReadFailure>> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let name = format!("{source}#{}", i + 1);
        match serde_json::from_str::<Value>(line) {
            Ok(v) => out.push(record(v, line.as_bytes().to_vec(), name, limits)),
            Err(e) => out.push(Err(ReadFailure::new(
                name,
                format!("malformed JSON on line {}: {e}", i + 1),
            ))),
        }
    }
    if out.is_empty() {
        out.push(Err(ReadFailure::new(source, "JSON Lines input holds no records")));
    }
    out
}

fn has_content(obj: &Map<String, Value>) -> bool {
    TEXT.iter().chain(HTML).any(|k| obj.get(*k).is_some_and(Value::is_string))
}

fn record(
    value: Value,
    bytes: Vec<u8>,
    source: String,
    limits: &ReadOptions,
) -> Result<RawDoc, ReadFailure> {
    let Value::Object(mut obj) = value else {
        return Err(ReadFailure::new(source, "record is not a JSON object"));
    };
    let html = take_string(&mut obj, HTML);
    let text = take_string(&mut obj, TEXT);
    let content = match (html, text) {
        (Some(h), _) if !h.trim().is_empty() => Content::Html(h),
        (_, Some(t)) if looks_like_html(&t) => Content::Html(t),
        (_, Some(t)) if !t.trim().is_empty() => Content::Text(t),
        _ => {
            return Err(ReadFailure::new(
                source,
                format!(
                    "record has no text: expected one of the fields {}",
                    TEXT.iter().chain(HTML).copied().collect::<Vec<_>>().join(", ")
                ),
            ))
        }
    };
    let size = match &content {
        Content::Html(s) | Content::Text(s) => s.len(),
    };
    if size > limits.max_document {
        return Err(ReadFailure::new(
            source,
            super::too_large(size, limits.max_document, "a single page"),
        ));
    }
    let hints = Hints {
        url: take_string(&mut obj, URL),
        title: take_string(&mut obj, TITLE),
        published: take_string(&mut obj, PUBLISHED),
        outlet: take_string(&mut obj, OUTLET),
        author: take_string(&mut obj, AUTHOR),
        language: take_string(&mut obj, LANGUAGE),
        tags: take_list(&mut obj, TAGS),
        extra: obj,
    };
    Ok(RawDoc {
        source,
        format: InputFormat::Json,
        bytes,
        encoding: "UTF-8".into(),
        content,
        hints,
    })
}

/// Whether a text field actually carries markup.
pub(crate) fn looks_like_html(s: &str) -> bool {
    let t = s.trim_start();
    let lower: String = t.chars().take(512).collect::<String>().to_ascii_lowercase();
    (t.starts_with('<') && lower.contains('>'))
        || ["<p>", "<p ", "<div", "<br", "</a>", "<html"].iter().any(|m| lower.contains(m))
}

/// Removes and returns the first of `keys` that holds a usable string (a number becomes its text;
/// an object's `name`, an array's strings joined). Keys that hold something else stay in `obj`.
fn take_string(obj: &mut Map<String, Value>, keys: &[&str]) -> Option<String> {
    for key in keys {
        let s = match obj.get(*key) {
            Some(Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
            Some(Value::Number(n)) => n.to_string(),
            Some(Value::Object(o)) => match o.get("name").or_else(|| o.get("title")) {
                Some(Value::String(s)) => s.trim().to_string(),
                _ => continue,
            },
            Some(Value::Array(a)) if !a.is_empty() => {
                let parts: Vec<String> = a.iter().filter_map(name_of).collect();
                if parts.is_empty() {
                    continue;
                }
                parts.join(", ")
            }
            _ => continue,
        };
        obj.remove(*key);
        return Some(s);
    }
    None
}

fn take_list(obj: &mut Map<String, Value>, keys: &[&str]) -> Vec<String> {
    for key in keys {
        let list: Vec<String> = match obj.get(*key) {
            Some(Value::Array(a)) => a.iter().filter_map(name_of).collect(),
            Some(Value::String(s)) => s
                .split([',', ';'])
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(String::from)
                .collect(),
            _ => continue,
        };
        obj.remove(*key);
        return list;
    }
    vec![]
}

fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Object(o) => o
            .get("name")
            .or_else(|| o.get("term"))
            .and_then(Value::as_str)
            .map(|s| s.trim().to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::{read, ReadOptions};
    use parallax_model::Content;

    #[test]
    fn json_lines_keep_going_past_a_bad_line() {
        let input = concat!(
            "{\"url\":\"https://ex.org/a\",\"title\":\"A\",\"text\":\"Body A.\",\"published\":\"2025-10-31\",\"source\":{\"name\":\"Ex\"},\"rank\":3}\n",
            "{not json}\n",
            "\n",
            "{\"headline\":\"B\",\"html\":\"<p>Body B.</p>\",\"tags\":[\"x\",{\"name\":\"y\"}]}\n",
            "{\"title\":\"no body\"}\n",
        );
        let docs = read(input.as_bytes(), "d.jsonl", &ReadOptions::default());
        assert_eq!(docs.len(), 4);
        let a = docs[0].as_ref().unwrap();
        assert_eq!(a.source, "d.jsonl#1");
        assert_eq!(a.hints.outlet.as_deref(), Some("Ex"));
        assert_eq!(a.hints.published.as_deref(), Some("2025-10-31"));
        assert_eq!(
            a.hints.extra.get("rank"),
            Some(&serde_json::json!(3)),
            "unknown fields are kept"
        );
        assert_eq!(a.bytes, input.lines().next().unwrap().as_bytes());
        let bad = docs[1].as_ref().unwrap_err();
        assert!(bad.reason.contains("line 2"), "{bad}");
        let b = docs[2].as_ref().unwrap();
        assert!(matches!(b.content, Content::Html(_)));
        assert_eq!(b.hints.tags, ["x", "y"]);
        assert!(docs[3].as_ref().unwrap_err().reason.contains("no text"));
    }

    #[test]
    fn json_arrays_objects_and_wrappers() {
        let limits = ReadOptions::default();
        assert_eq!(read(br#"[{"text":"a"},{"text":"b"}]"#, "x.json", &limits).len(), 2);
        assert_eq!(read(br#"{"text":"a","title":"t"}"#, "x.json", &limits).len(), 1);
        assert_eq!(
            read(
                br#"{"articles":[{"text":"a"},{"body":"b"},{"content":"<p>c</p>"}]}"#,
                "x.json",
                &limits
            )
            .len(),
            3
        );
        let err = read(br#"{"text": "unterminated"#, "bad.json", &limits).remove(0).unwrap_err();
        assert!(err.reason.starts_with("malformed JSON"), "{err}");
    }
}

/// JSON Lines read one record at a time from a byte stream, so that a dump of any size is held
/// in memory a window of records at a time (see [`super::stream`]). Records are named
/// `source#LINE` as [`read_json_lines`] names them; a line that is not UTF-8 (unless lossy), not
/// JSON or not a record fails alone and the stream goes on; a read error (a truncated gzip
/// stream) or more than `limits.max_container` bytes ends it with a failure.
pub struct JsonLines<R> {
    reader: R,
    source: String,
    limits: ReadOptions,
    line: usize,
    read: usize,
    records: usize,
    done: bool,
    buf: Vec<u8>,
}

impl<R: std::io::BufRead> JsonLines<R> {
    pub(super) fn new(reader: R, source: &str, limits: ReadOptions) -> Self {
        JsonLines {
            reader,
            source: source.to_string(),
            limits,
            line: 0,
            read: 0,
            records: 0,
            done: false,
            buf: Vec::new(),
        }
    }

    fn fail(&mut self, reason: String) -> Option<Result<RawDoc, ReadFailure>> {
        self.done = true;
        Some(Err(ReadFailure::new(self.source.clone(), reason)))
    }
}

impl<R: std::io::BufRead> Iterator for JsonLines<R> {
    type Item = Result<RawDoc, ReadFailure>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.buf.clear();
            let n = match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
                    return self.fail(
                        "truncated gzip stream (the file ends before the compressed data does)"
                            .into(),
                    )
                }
                Err(e) => return self.fail(format!("cannot read: {e}")),
            };
            if n == 0 {
                self.done = true;
                if self.records == 0 {
                    return Some(Err(ReadFailure::new(
                        self.source.clone(),
                        "JSON Lines input holds no records",
                    )));
                }
                return None;
            }
            self.read += n;
            if self.read > self.limits.max_container {
                let (read, most) = (self.read, self.limits.max_container);
                return self.fail(super::too_large(read, most, "an input"));
            }
            self.line += 1;
            let name = format!("{}#{}", self.source, self.line);
            let bytes = if self.line == 1 {
                self.buf.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&self.buf)
            } else {
                &self.buf[..]
            };
            let text = match std::str::from_utf8(bytes) {
                Ok(t) => std::borrow::Cow::Borrowed(t),
                Err(_) if self.limits.lossy_utf8 => String::from_utf8_lossy(bytes),
                Err(e) => {
                    return Some(Err(ReadFailure::new(
                        name,
                        format!(
                            "invalid UTF-8 on line {} (at byte {} of the line); --lossy reads it with replacement characters",
                            self.line,
                            e.valid_up_to()
                        ),
                    )))
                }
            };
            let line = text.trim();
            if line.is_empty() {
                continue;
            }
            self.records += 1;
            let line_no = self.line;
            return Some(match serde_json::from_str::<Value>(line) {
                Ok(v) => record(v, line.as_bytes().to_vec(), name, &self.limits),
                Err(e) => {
                    Err(ReadFailure::new(name, format!("malformed JSON on line {line_no}: {e}")))
                }
            });
        }
        None
    }
}

#[cfg(test)]
mod stream_tests {
    use super::*;

    #[test]
    fn json_lines_stream_names_records_by_line_and_goes_on_past_bad_ones() {
        let input =
            "\u{feff}{\"text\":\"One.\"}\n\n{\"text\":\"Two.\"}\nnot json\n{\"title\":\"x\"}\n";
        let docs: Vec<_> =
            JsonLines::new(input.as_bytes(), "d.jsonl", ReadOptions::default()).collect();
        assert_eq!(docs.len(), 4);
        assert_eq!(docs[0].as_ref().unwrap().source, "d.jsonl#1");
        assert_eq!(docs[1].as_ref().unwrap().source, "d.jsonl#3");
        assert!(docs[2].as_ref().unwrap_err().reason.contains("malformed JSON on line 4"));
        assert!(docs[3].as_ref().unwrap_err().reason.contains("no text"));
        let empty: Vec<_> =
            JsonLines::new(&b"\n\n"[..], "e.jsonl", ReadOptions::default()).collect();
        assert!(empty[0].as_ref().unwrap_err().reason.contains("no records"));
        let small = ReadOptions { max_container: 20, ..ReadOptions::default() };
        let capped: Vec<_> = JsonLines::new(input.as_bytes(), "d.jsonl", small).collect();
        assert!(capped.last().unwrap().as_ref().unwrap_err().reason.contains("too large"));
    }
}
