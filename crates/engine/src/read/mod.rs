//! Reading inputs: bytes in, [`RawDoc`]s out.
//!
//! One input (a file, stdin, a fetched page) may hold one document (a text or HTML page) or many
//! (a JSON array, JSON Lines, an RSS or Atom feed), possibly gzipped. [`read`] undoes the
//! compression, finds the encoding, tells the format from the content (the file name only breaks
//! ties), and returns one result per document, so that one bad record in a feed or a dump does
//! not cost the others. Every failure names its input and says why in words a user can act on.
//!
//! Reading does no extraction: a [`RawDoc`] is decoded text plus whatever metadata its container
//! carried ([`Hints`]).

pub mod encoding;
mod feed;
mod json;

use parallax_model::{Content, Hints, InputFormat, RawDoc};
use std::io::Read;

/// How inputs are read: size limits that keep one hostile or mistaken input from exhausting
/// memory, and what to do with damaged UTF-8.
#[derive(Debug, Clone, Copy)]
pub struct ReadOptions {
    /// The largest single page (text or HTML) accepted, in bytes.
    pub max_document: usize,
    /// The largest container (feed, JSON file, decompressed gzip), in bytes.
    pub max_container: usize,
    /// Decode damaged UTF-8 with replacement characters instead of refusing it.
    pub lossy_utf8: bool,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions { max_document: 16 << 20, max_container: 512 << 20, lossy_utf8: false }
    }
}

/// A document that could not be read, with where it came from and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{input}: {reason}")]
pub struct ReadFailure {
    /// The input, and the item within it when the container held several (`feed.xml#3`).
    pub input: String,
    pub reason: String,
}

impl ReadFailure {
    pub fn new(input: impl Into<String>, reason: impl Into<String>) -> Self {
        ReadFailure { input: input.into(), reason: reason.into() }
    }
}

/// What kind of container an input is, as sniffed from its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    Text,
    Html,
    Json,
    JsonLines,
    Feed,
}

/// Reads every document in one input. `source` names it in documents and errors (a path, `-`, a
/// URL). Never panics; a wholly unreadable input gives one failure.
pub fn read(bytes: &[u8], source: &str, limits: &ReadOptions) -> Vec<Result<RawDoc, ReadFailure>> {
    match read_inner(bytes, source, limits) {
        Ok(docs) => docs,
        Err(reason) => vec![Err(ReadFailure::new(source, reason))],
    }
}

fn read_inner(
    bytes: &[u8],
    source: &str,
    limits: &ReadOptions,
) -> Result<Vec<Result<RawDoc, ReadFailure>>, String> {
    if bytes.len() > limits.max_container {
        return Err(too_large(bytes.len(), limits.max_container, "an input"));
    }
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let inner = gunzip(bytes, limits.max_container)?;
        let name = source.strip_suffix(".gz").unwrap_or(source);
        return read_inner(&inner, name, limits).map(|docs| {
            docs.into_iter()
                .map(|d| {
                    d.map(|mut d| {
                        d.source = d.source.replacen(name, source, 1);
                        d
                    })
                })
                .collect()
        });
    }
    let decoded = match encoding::decode(bytes, None) {
        Ok(d) => d,
        Err(encoding::DecodeError::InvalidUtf8 { .. }) if limits.lossy_utf8 => encoding::Decoded {
            text: String::from_utf8_lossy(bytes).into_owned(),
            encoding: "UTF-8 (lossy)",
        },
        Err(e @ encoding::DecodeError::InvalidUtf8 { .. }) => {
            return Err(format!("{e}; --lossy reads it with replacement characters"))
        }
        Err(e) => return Err(e.to_string()),
    };
    let text = decoded.text;
    let kind = sniff(&text, source);
    let single = |format: InputFormat, content: Content| -> Result<Vec<_>, String> {
        if bytes.len() > limits.max_document {
            return Err(too_large(bytes.len(), limits.max_document, "a single page"));
        }
        Ok(vec![Ok(RawDoc {
            source: source.to_string(),
            format,
            bytes: bytes.to_vec(),
            encoding: decoded.encoding.to_string(),
            content,
            hints: Hints::default(),
        })])
    };
    match kind {
        Sniffed::Text => {
            if text.trim().is_empty() {
                return Err("empty input (only white space)".into());
            }
            single(InputFormat::Text, Content::Text(text))
        }
        Sniffed::Html => single(InputFormat::Html, Content::Html(text)),
        Sniffed::Json => json::read_json(&text, source, limits),
        Sniffed::JsonLines => Ok(json::read_json_lines(&text, source, limits)),
        Sniffed::Feed => feed::read_feed(&text, source, limits),
    }
}

fn too_large(size: usize, limit: usize, what: &str) -> String {
    format!(
        "too large: {:.1} MiB, more than the {:.0} MiB allowed for {what}",
        size as f64 / (1u64 << 20) as f64,
        limit as f64 / (1u64 << 20) as f64
    )
}

fn gunzip(bytes: &[u8], limit: usize) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let mut reader = flate2::read::MultiGzDecoder::new(bytes).take(limit as u64 + 1);
    match reader.read_to_end(&mut out) {
        Ok(_) if out.len() > limit => Err(too_large(out.len(), limit, "a decompressed input")),
        Ok(_) => Ok(out),
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
            Err("truncated gzip stream (the file ends before the compressed data does)".into())
        }
        Err(e) => Err(format!("corrupt gzip data: {e}")),
    }
}

/// The documents of a large input, read as a stream when it is JSON Lines (plain or gzipped,
/// UTF-8, as JSON is): one record at a time, so that memory holds a window of records, not the
/// whole dump. `None` when the input is anything else (read it whole with [`read`]); the
/// decision looks at the first 64 KiB only.
pub fn stream(
    path: &std::path::Path,
    source: &str,
    limits: &ReadOptions,
) -> Option<Box<dyn Iterator<Item = Result<RawDoc, ReadFailure>> + Send>> {
    let open = || -> std::io::Result<Box<dyn std::io::BufRead + Send>> {
        let mut file = std::io::BufReader::new(std::fs::File::open(path)?);
        let gzip = std::io::BufRead::fill_buf(&mut file)?.starts_with(&[0x1f, 0x8b]);
        Ok(if gzip {
            Box::new(std::io::BufReader::new(flate2::read::MultiGzDecoder::new(file)))
        } else {
            Box::new(file)
        })
    };
    let mut head = Vec::with_capacity(65_536);
    open().ok()?.take(65_536).read_to_end(&mut head).ok()?;
    if head.contains(&0) {
        // UTF-16 or binary: read whole, where encodings are detected.
        return None;
    }
    // UTF-8, or UTF-8 with damaged lines (which then fail alone); a legacy encoding is read
    // whole, where it is detected.
    match encoding::decode(&head, None) {
        Ok(d) if d.encoding == "UTF-8" => {}
        Err(encoding::DecodeError::InvalidUtf8 { .. }) => {}
        _ => return None,
    }
    if sniff(&String::from_utf8_lossy(&head), source) != Sniffed::JsonLines {
        return None;
    }
    Some(Box::new(json::JsonLines::new(open().ok()?, source, *limits)))
}

/// Tells the format of decoded text from its first non-blank characters; the file name's
/// extension decides only between plain text and HTML fragments.
pub fn sniff(text: &str, source: &str) -> Sniffed {
    let head: String =
        text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']).chars().take(2048).collect();
    let lower = head.to_ascii_lowercase();
    let ext = source
        .strip_suffix(".gz")
        .unwrap_or(source)
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    if lower.starts_with('{') || lower.starts_with('[') {
        let looks_like_lines = {
            let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
            let first = lines.next().unwrap_or("");
            let second = lines.next();
            first.starts_with('{')
                && first.ends_with('}')
                && second.is_some_and(|l| l.starts_with('{'))
        };
        return if looks_like_lines || ext == "jsonl" || ext == "ndjson" {
            Sniffed::JsonLines
        } else {
            Sniffed::Json
        };
    }
    if lower.starts_with('<') {
        let after_decl = match lower.strip_prefix("<?xml") {
            Some(rest) => rest.split_once("?>").map_or("", |(_, r)| r).trim_start(),
            None => lower.as_str(),
        };
        let feed_root = ["<rss", "<feed", "<rdf:rdf"].iter().any(|t| after_decl.contains(t))
            && !after_decl.contains("<html");
        if feed_root {
            return Sniffed::Feed;
        }
        return Sniffed::Html;
    }
    let html_markers = ["<html", "<body", "<p>", "<div", "<!doctype html", "<article"];
    if matches!(ext.as_str(), "html" | "htm" | "xhtml")
        || html_markers.iter().any(|m| lower.contains(m))
    {
        return Sniffed::Html;
    }
    Sniffed::Text
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn ok(docs: Vec<Result<RawDoc, ReadFailure>>) -> Vec<RawDoc> {
        docs.into_iter().map(|d| d.unwrap()).collect()
    }

    #[test]
    fn sniffs_formats_from_content() {
        assert_eq!(sniff("<!DOCTYPE html><html>", "a.txt"), Sniffed::Html);
        assert_eq!(sniff("<?xml version='1.0'?>\n<rss version='2.0'>", "x"), Sniffed::Feed);
        assert_eq!(sniff("<feed xmlns='http://www.w3.org/2005/Atom'>", "x"), Sniffed::Feed);
        assert_eq!(sniff("{\"a\":1}\n{\"a\":2}\n", "x.json"), Sniffed::JsonLines);
        assert_eq!(sniff("[{\"a\":1}]", "x"), Sniffed::Json);
        assert_eq!(sniff("Title\n\nBody text.", "x.txt"), Sniffed::Text);
        assert_eq!(sniff("Title\n\nBody text.", "x.html"), Sniffed::Html);
    }

    #[test]
    fn plain_text_is_one_document() {
        let docs =
            ok(read("Заголовок\n\nТекст статті.".as_bytes(), "a.txt", &ReadOptions::default()));
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].format, InputFormat::Text);
        assert_eq!(docs[0].encoding, "UTF-8");
    }

    #[test]
    fn gzip_is_transparent_and_truncation_is_named() {
        let page = b"<html><body><p>Hello there, world.</p></body></html>";
        let docs = ok(read(&gz(page), "p.html.gz", &ReadOptions::default()));
        assert_eq!(docs[0].format, InputFormat::Html);
        assert_eq!(docs[0].source, "p.html.gz");
        let z = gz(&page.repeat(50));
        let cut = read(&z[..z.len() / 2], "cut.gz", &ReadOptions::default());
        let err = cut[0].as_ref().unwrap_err();
        assert!(err.reason.contains("truncated gzip"), "{err}");
        assert_eq!(err.input, "cut.gz");
    }

    #[test]
    fn limits_are_enforced_with_sizes_in_the_message() {
        let limits = ReadOptions { max_document: 100, max_container: 1000, lossy_utf8: false };
        let err = read(&[b'a'; 500], "big.txt", &limits).remove(0).unwrap_err();
        assert!(err.reason.contains("too large"), "{err}");
        let err = read(&[b'a'; 2000], "huge.txt", &limits).remove(0).unwrap_err();
        assert!(err.reason.contains("too large"), "{err}");
    }

    #[test]
    fn damaged_utf8_is_refused_unless_lossy() {
        let mut bytes = "Привіт, світе. ".repeat(5).into_bytes();
        bytes.extend_from_slice(b"\xd0 broken");
        let strict = read(&bytes, "d.txt", &ReadOptions::default()).remove(0).unwrap_err();
        assert!(
            strict.reason.contains("invalid UTF-8") && strict.reason.contains("--lossy"),
            "{strict}"
        );
        let lossy = ReadOptions { lossy_utf8: true, ..ReadOptions::default() };
        let doc = read(&bytes, "d.txt", &lossy).remove(0).unwrap();
        assert_eq!(doc.encoding, "UTF-8 (lossy)");
    }

    #[test]
    fn empty_and_binary_inputs_fail() {
        assert!(read(b"", "e.txt", &ReadOptions::default())[0].is_err());
        assert!(read(b"   \n\n ", "w.txt", &ReadOptions::default())[0].is_err());
        let err = read(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "i.png", &ReadOptions::default())
            .remove(0)
            .unwrap_err();
        assert!(err.reason.contains("binary"), "{err}");
    }
}
