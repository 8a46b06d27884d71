//! Visible text: character references decoded, white space collapsed.

use super::dom::char_ref;

/// Builds one block's text from raw HTML text pieces: decodes character references, turns every
/// run of white space (and no-break spaces) into one space, and drops invisible soft hyphens and
/// zero-width spaces. Leading and trailing space is never emitted.
#[derive(Default)]
pub(crate) struct Collapser {
    pub out: String,
    pending_space: bool,
}

impl Collapser {
    pub(crate) fn new() -> Self {
        Collapser { out: String::new(), pending_space: false }
    }

    /// A word break (from `<br>`, a cell boundary, an inline-block element).
    pub(crate) fn space(&mut self) {
        if !self.out.is_empty() {
            self.pending_space = true;
        }
    }

    fn push_char(&mut self, c: char) {
        match c {
            ' ' | '\t' | '\n' | '\r' | '\x0c' | '\u{a0}' | '\u{2028}' | '\u{2029}' => self.space(),
            '\u{ad}' | '\u{200b}' | '\u{feff}' => {}
            c if (c as u32) < 0x20 || c == '\u{7f}' => self.space(),
            _ => {
                if self.pending_space {
                    self.out.push(' ');
                    self.pending_space = false;
                }
                self.out.push(c);
            }
        }
    }

    /// Appends raw HTML text (character references still encoded).
    pub(crate) fn push_raw(&mut self, raw: &str) {
        let bytes = raw.as_bytes();
        let mut chars = raw.char_indices();
        while let Some((i, c)) = chars.next() {
            if c == '&' {
                if let Some((d, used)) = bytes.get(i..).and_then(char_ref) {
                    self.push_char(d);
                    // Skip the rest of the reference (all ASCII).
                    for _ in 1..used {
                        chars.next();
                    }
                    continue;
                }
            }
            self.push_char(c);
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.out.is_empty()
    }

    /// Takes the text so far and starts afresh.
    pub(crate) fn take(&mut self) -> String {
        self.pending_space = false;
        std::mem::take(&mut self.out)
    }
}

/// Appends `raw` decoded and collapsed to `out`.
pub(crate) fn push_collapsed(out: &mut String, raw: &str) {
    let mut c = Collapser { out: std::mem::take(out), pending_space: false };
    c.push_raw(raw);
    *out = c.out;
}

/// Decodes and collapses `raw` into a new string.
pub(crate) fn clean(raw: &str) -> String {
    let mut c = Collapser::new();
    c.push_raw(raw);
    c.out
}

/// Cheap statistics of raw text: characters after white-space collapsing (approximately: runs of
/// white space count as one, references count as written) and commas.
#[derive(Clone, Copy, Default, Debug)]
pub(crate) struct RawStats {
    pub chars: u32,
    pub commas: u32,
}

pub(crate) fn raw_stats(raw: &str) -> RawStats {
    let mut chars = 0u32;
    let mut commas = 0u32;
    let mut in_ws = true;
    for &b in raw.as_bytes() {
        match b {
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' => {
                if !in_ws {
                    chars += 1;
                    in_ws = true;
                }
            }
            _ => {
                in_ws = false;
                // Count characters, not bytes: skip UTF-8 continuation bytes.
                if b & 0xC0 != 0x80 {
                    chars += 1;
                }
                if b == b',' {
                    commas += 1;
                }
            }
        }
    }
    if in_ws && chars > 0 {
        chars -= 1;
    }
    RawStats { chars, commas }
}

/// Number of characters of `s`.
pub(crate) fn char_len(s: &str) -> usize {
    s.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_and_decodes() {
        let mut c = Collapser::new();
        c.push_raw("  Hello,\n\t&amp;  world&nbsp;&#8212; ");
        c.push_raw("again");
        assert_eq!(c.take(), "Hello, & world \u{2014} again");
        assert_eq!(clean("a&shy;b &lt;c&gt;"), "ab <c>");
    }

    #[test]
    fn stats() {
        let s = raw_stats("  ab,  cd \n");
        assert_eq!(s.chars, 6);
        assert_eq!(s.commas, 1);
        assert_eq!(raw_stats("Привіт").chars, 6);
    }
}
