//! Character encodings: which one a document is in, and its text as UTF-8.
//!
//! News in Cyrillic still arrives in windows-1251 and KOI8-R, and Western pages in ISO-8859-x, so
//! a reader that assumes UTF-8 garbles a real share of the input. The order of evidence follows
//! browsers: a byte-order mark, then valid UTF-8, then what the document declares (`<meta
//! charset>`, `<?xml encoding?>`), then a statistical guess (`chardetng`, Firefox's detector).
//! What is neither text in a known encoding nor plausibly text at all is refused with a reason.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// Why bytes could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("empty input")]
    Empty,
    #[error("binary data, not text ({0})")]
    Binary(String),
    #[error("invalid UTF-8: {bad} malformed byte sequence(s) among {good} valid multi-byte characters (first at byte {first})")]
    InvalidUtf8 { bad: usize, good: usize, first: usize },
    #[error("undecodable text: not UTF-8, and no legacy encoding fits (best guess {guess})")]
    Undecodable { guess: String },
}

/// Text decoded from bytes, with the encoding it was in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The WHATWG name of the encoding: `UTF-8`, `windows-1251`, `KOI8-R`, `UTF-16LE`...
    pub encoding: &'static str,
}

/// Decodes `bytes` to text. `declared` is an encoding label the container gave (an HTTP header,
/// a feed's XML declaration); labels inside the document are found here.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return finish(enc, bytes.get(bom_len..).unwrap_or_default());
    }
    if let Some(enc) = sniff_utf16(bytes) {
        return finish(enc, bytes);
    }
    check_not_binary(bytes)?;
    let bytes = without_truncated_tail(bytes);
    let utf8 = Utf8Census::of(bytes);
    if utf8.bad == 0 {
        return finish(UTF_8, bytes);
    }
    let label = declared.map(str::as_bytes).or_else(|| declared_in_document(bytes));
    let declared = label.and_then(Encoding::for_label_no_replacement);
    match declared {
        Some(enc) if enc != UTF_8 && enc != UTF_16LE && enc != UTF_16BE => {
            return finish(enc, bytes)
        }
        _ => {}
    }
    // A text that is mostly UTF-8 but has broken sequences is damaged UTF-8, not a legacy encoding
    // (legacy single-byte text almost never forms valid multi-byte UTF-8 by chance).
    if utf8.good > 0 && utf8.good >= utf8.bad {
        return Err(DecodeError::InvalidUtf8 {
            bad: utf8.bad,
            good: utf8.good,
            first: utf8.first_bad,
        });
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let (guess, sure) = detector.guess_assess(None, false);
    let decoded = finish(guess, bytes)?;
    if declared.is_none() && !stray_bytes_are_letters(bytes, &decoded.text) {
        return Err(DecodeError::InvalidUtf8 {
            bad: utf8.bad,
            good: utf8.good,
            first: utf8.first_bad,
        });
    }
    if !sure && !plausible(&decoded.text) {
        return Err(if utf8.good > 0 || declared == Some(UTF_8) {
            DecodeError::InvalidUtf8 { bad: utf8.bad, good: utf8.good, first: utf8.first_bad }
        } else {
            DecodeError::Undecodable { guess: guess.name().to_string() }
        });
    }
    if !plausible(&decoded.text) {
        return Err(DecodeError::Undecodable { guess: guess.name().to_string() });
    }
    Ok(decoded)
}

fn finish(enc: &'static Encoding, bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let (text, _) = enc.decode_without_bom_handling(bytes);
    let text = text.into_owned();
    if (enc == UTF_16LE || enc == UTF_16BE) && text.contains('\u{0}') {
        return Err(DecodeError::Binary("NUL characters in UTF-16 text".into()));
    }
    Ok(Decoded { text, encoding: enc.name() })
}

/// UTF-16 without a byte-order mark. A text in one script keeps the high byte of its code
/// units in a few values: 0x00 for ASCII, 0x04 for Cyrillic, 0x20 for dashes and quotes, while the
/// low byte varies and is seldom zero. Which byte of each pair is the high one gives the byte
/// order; the decoded text must then read as letters.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    // How concentrated one byte of the pairs is: the share of its two commonest values, and how
    // often it is zero.
    let shape = |at: usize| {
        let mut counts = [0usize; 256];
        for pair in sample.chunks_exact(2) {
            counts[usize::from(pair[at])] += 1;
        }
        let zero = counts[0];
        counts.sort_unstable_by(|a, b| b.cmp(a));
        (counts[0] + counts[1], zero)
    };
    let (even_top, even_zero) = shape(0);
    let (odd_top, odd_zero) = shape(1);
    // The high byte keeps to two values in nine pairs of ten; the low byte varies and is seldom 0.
    let high_byte = |top: usize, low_top: usize, low_zero: usize| {
        top * 10 >= pairs * 9 && low_top * 10 < pairs * 9 && low_zero * 20 <= pairs
    };
    let enc = if high_byte(odd_top, even_top, even_zero) {
        UTF_16LE
    } else if high_byte(even_top, odd_top, odd_zero) {
        UTF_16BE
    } else {
        return None;
    };
    // ASCII text is every other byte zero; anything else must decode to plausible letters.
    if odd_zero.max(even_zero) * 10 >= pairs * 7 {
        return Some(enc);
    }
    let (text, _) = enc.decode_without_bom_handling(sample);
    (!text.contains('\u{0}') && plausible(&text) && !text.is_ascii()).then_some(enc)
}

/// A UTF-8 text cut off inside its last character (a truncated download, a file cut at a byte
/// count): the incomplete sequence is dropped, when everything before it is UTF-8, instead of
/// letting a broken tail send the whole text to a legacy encoding.
fn without_truncated_tail(bytes: &[u8]) -> &[u8] {
    for cut in 1..=3.min(bytes.len()) {
        let (head, tail) = bytes.split_at(bytes.len() - cut);
        let lead = tail[0];
        let needs = match lead {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            0x80..=0xBF => continue,
            _ => return bytes,
        };
        let continuation = tail[1..].iter().all(|b| (0x80..=0xBF).contains(b));
        if tail.len() < needs && continuation && std::str::from_utf8(head).is_ok() {
            return head;
        }
        return bytes;
    }
    bytes
}

/// In a text that is ASCII but for a few bytes (English in windows-1252 with a "café", say),
/// those bytes are letters inside words. Stray bytes that decode to symbols, or to letters
/// standing apart from any word ("ÿþÃ("), are damage, not an encoding.
fn stray_bytes_are_letters(bytes: &[u8], text: &str) -> bool {
    let high = bytes.iter().filter(|b| !b.is_ascii()).count();
    if high * 20 >= bytes.len() {
        // A text mostly in another script: the statistical guess and `plausible` judge it.
        return true;
    }
    let chars: Vec<char> = text.chars().collect();
    chars.iter().enumerate().filter(|(_, c)| !c.is_ascii()).all(|(i, c)| {
        let near_letter = |j: Option<usize>| {
            j.and_then(|j| chars.get(j)).is_some_and(|n| n.is_ascii_alphabetic())
        };
        c.is_alphabetic() && (near_letter(i.checked_sub(1)) || near_letter(Some(i + 1)))
    })
}

/// Refuses bytes that are not text: a NUL near the start (file headers), more than a stray NUL
/// further on (pages sometimes carry one), or many control characters.
fn check_not_binary(bytes: &[u8]) -> Result<(), DecodeError> {
    let sample = &bytes[..bytes.len().min(65536)];
    if let Some(pos) = memchr::memchr(0, sample) {
        let nuls = memchr::memchr_iter(0, sample).count();
        if pos < 1024 || nuls * 1000 > sample.len() {
            return Err(DecodeError::Binary(format!("NUL byte at offset {pos}")));
        }
    }
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    if controls * 100 > sample.len() * 2 {
        return Err(DecodeError::Binary(format!(
            "{controls} control bytes in the first {} bytes",
            sample.len()
        )));
    }
    Ok(())
}

/// Counts valid multi-byte UTF-8 characters and malformed sequences.
#[derive(Debug, Default)]
struct Utf8Census {
    good: usize,
    bad: usize,
    first_bad: usize,
}

impl Utf8Census {
    fn of(mut bytes: &[u8]) -> Self {
        let mut census = Utf8Census::default();
        let mut offset = 0;
        loop {
            match std::str::from_utf8(bytes) {
                Ok(s) => {
                    census.good += count_multibyte(s);
                    return census;
                }
                Err(e) => {
                    let valid = e.valid_up_to();
                    if let Ok(s) = std::str::from_utf8(&bytes[..valid]) {
                        census.good += count_multibyte(s);
                    }
                    if census.bad == 0 {
                        census.first_bad = offset + valid;
                    }
                    census.bad += 1;
                    // An incomplete sequence at the very end (a truncated file) skips the rest.
                    let skip = valid + e.error_len().unwrap_or(bytes.len() - valid);
                    offset += skip;
                    bytes = &bytes[skip..];
                }
            }
        }
    }
}

fn count_multibyte(s: &str) -> usize {
    if s.is_ascii() {
        0
    } else {
        s.chars().filter(|c| !c.is_ascii()).count()
    }
}

/// Decoded text is plausible when its non-ASCII characters are mostly letters (a wrongly decoded
/// or random byte stream gives symbols, box drawing, and control characters).
fn plausible(text: &str) -> bool {
    let (mut non_ascii, mut letters) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_ascii()) {
        non_ascii += 1;
        letters += usize::from(
            c.is_alphabetic()
                || matches!(
                    c,
                    '«' | '»' | '„' | '“' | '”' | '–' | '—' | '’' | '\u{a0}' | '№' | '…'
                ),
        );
    }
    non_ascii == 0 || letters * 100 >= non_ascii * 85
}

/// The encoding label a document declares in its first kilobytes: `<meta charset=...>`,
/// `<meta http-equiv content="...; charset=...">` or `<?xml ... encoding="..."?>`.
pub fn declared_in_document(bytes: &[u8]) -> Option<&[u8]> {
    let head = &bytes[..bytes.len().min(4096)];
    for needle in [&b"charset"[..], &b"encoding"[..]] {
        let mut from = 0;
        while let Some(pos) = memchr::memmem::find(&head[from..], needle) {
            let mut i = from + pos + needle.len();
            from = i;
            while i < head.len() && matches!(head[i], b' ' | b'=' | b'"' | b'\'') {
                i += 1;
            }
            let start = i;
            while i < head.len()
                && (head[i].is_ascii_alphanumeric() || matches!(head[i], b'-' | b'_' | b':' | b'.'))
            {
                i += 1;
            }
            if i > start
                && head.get(start - 1).is_some_and(|&b| b == b'=' || b == b'"' || b == b'\'')
            {
                return Some(&head[start..i]);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enc(name: &str, text: &str) -> Vec<u8> {
        let e = Encoding::for_label(name.as_bytes()).unwrap();
        e.encode(text).0.into_owned()
    }

    const UK: &str = "Венесуельський лідер попросив у Росії військової допомоги, пише видання. Згідно з документами, листа надіслали цього місяця.";
    const RU: &str = "Венесуэльский лидер попросил у России военной помощи, пишет издание. Согласно документам, письмо отправили в этом месяце.";

    #[test]
    fn utf8_and_boms() {
        assert_eq!(decode(UK.as_bytes(), None).unwrap().encoding, "UTF-8");
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(UK.as_bytes());
        assert_eq!(decode(&bom, None).unwrap().text, UK);
        let mut le = vec![0xFF, 0xFE];
        le.extend(UK.encode_utf16().flat_map(|u| u.to_le_bytes()));
        let d = decode(&le, None).unwrap();
        assert_eq!((d.encoding, d.text.as_str()), ("UTF-16LE", UK));
        let be: Vec<u8> = "plain ASCII in UTF-16 without a mark"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert_eq!(decode(&be, None).unwrap().encoding, "UTF-16BE");
    }

    #[test]
    fn legacy_cyrillic_encodings_are_detected() {
        for (name, text) in
            [("windows-1251", UK), ("windows-1251", RU), ("KOI8-R", RU), ("KOI8-U", UK)]
        {
            let d = decode(&enc(name, text), None).unwrap();
            assert_eq!(d.text, text, "decoding {name}");
        }
        let latin = enc(
            "iso-8859-1",
            "Le président a déclaré que les négociations reprendraient à Genève.",
        );
        assert!(decode(&latin, None).unwrap().text.contains("négociations"));
    }

    #[test]
    fn declared_charset_wins_over_guessing() {
        let mut page = b"<html><head><meta charset=\"koi8-r\"></head><body>".to_vec();
        page.extend(enc("koi8-r", "Мир"));
        let d = decode(&page, None).unwrap();
        assert_eq!(d.encoding, "KOI8-R");
        assert!(d.text.contains("Мир"));
    }

    #[test]
    fn bad_inputs_are_refused_with_a_reason() {
        assert_eq!(decode(b"", None), Err(DecodeError::Empty));
        assert!(matches!(decode(b"GIF89a\x00\x01\x02", None), Err(DecodeError::Binary(_))));
        let mut broken = "Київ — столиця України. ".repeat(4).into_bytes();
        broken.extend_from_slice(b"\xff\xfe\xc3(\x80 end");
        assert!(
            matches!(decode(&broken, None), Err(DecodeError::InvalidUtf8 { .. })),
            "{:?}",
            decode(&broken, None)
        );
        let random: Vec<u8> =
            (0..2000u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8 | 0x80).collect();
        assert!(decode(&random, None).is_err());
    }

    #[test]
    fn a_stray_nul_deep_in_a_page_is_tolerated() {
        let mut page = "<p>Текст статті.</p>".repeat(200).into_bytes();
        page.push(0);
        page.extend_from_slice("<p>Далі.</p>".as_bytes());
        assert!(decode(&page, None).is_ok());
        assert!(
            matches!(decode(b"ab\x00cd plain", None), Err(DecodeError::Binary(_))),
            "a NUL near the start is binary"
        );
    }

    #[test]
    fn finds_declared_labels() {
        assert_eq!(
            declared_in_document(b"<?xml version=\"1.0\" encoding=\"windows-1251\"?>"),
            Some(&b"windows-1251"[..])
        );
        assert_eq!(
            declared_in_document(
                b"<meta http-equiv=Content-Type content=\"text/html; charset=iso-8859-2\">"
            ),
            Some(&b"iso-8859-2"[..])
        );
        assert_eq!(declared_in_document(b"<p>no label</p>"), None);
    }
}

#[cfg(test)]
mod damage_tests {
    use super::*;

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| if big_endian { u.to_be_bytes() } else { u.to_le_bytes() })
            .collect()
    }

    #[test]
    fn stray_bytes_in_ascii_text_are_damage_not_an_encoding() {
        let bytes =
            b"The council met on Monday \xff\xfe\xc3( and approved the plan for the district.";
        assert!(matches!(decode(bytes, None), Err(DecodeError::InvalidUtf8 { .. })));
        // A legacy letter inside a word is an encoding.
        let cafe = b"They met at the caf\xe9 on the corner of the market square on Monday.";
        let d = decode(cafe, None).unwrap();
        assert!(d.text.contains("café"), "{}", d.text);
    }

    #[test]
    fn a_character_cut_off_at_the_end_is_dropped() {
        let mut bytes = "Rain is expected tomorrow — ".as_bytes().to_vec();
        bytes.extend_from_slice(&"—".as_bytes()[..2]);
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.text, "Rain is expected tomorrow — ");
        let mut uk = "Київ готується до зими ".as_bytes().to_vec();
        uk.extend_from_slice(&"ї".as_bytes()[..1]);
        assert_eq!(decode(&uk, None).unwrap().text, "Київ готується до зими ");
    }

    #[test]
    fn utf16_without_a_bom_is_read_in_cyrillic_and_latin() {
        for text in [
            "Київ — столиця України. У місті живуть майже три мільйони людей.",
            "Москва готовится к зиме: коммунальные службы проверяют котельные.",
            "The council approved the budget on Monday after a long debate.",
        ] {
            for be in [false, true] {
                let d = decode(&utf16(text, be), None).unwrap();
                assert_eq!(d.text, text);
                assert_eq!(d.encoding, if be { "UTF-16BE" } else { "UTF-16LE" });
            }
        }
        // Single letters between spaces are ASCII, not UTF-16.
        assert_eq!(decode(b"a b c d e f g h i j k l m n", None).unwrap().encoding, "UTF-8");
    }
}
