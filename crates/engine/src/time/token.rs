//! A small tokenizer for dates and numbers: words, digit runs and single punctuation marks, each
//! with its byte span and whether white space stands before it.
//!
//! Dates and quantities are read from token sequences rather than from one regular expression per
//! shape, because their words come from tables ([`crate::lang::packs`]) and their shapes depend on
//! what is glued to what: "Il-76" is a name and "76 planes" a count; "5,000" is one number and
//! "5, 000" two. So the tokenizer splits letters from digits and keeps every punctuation mark as a
//! token of its own, and records the gaps; the readers decide.

use std::borrow::Cow;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters (with apostrophes between letters: "п'ять", "aujourd'hui").
    Word,
    /// ASCII digits.
    Digits,
    /// One character that is neither a letter, a digit nor white space.
    Punct,
}

/// One token: its kind and byte span, whether white space precedes it, and its lower-case key
/// (apostrophes unified as `'`).
#[derive(Debug, Clone)]
pub(crate) struct Token<'a> {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    /// White space between the previous token and this one.
    pub space_before: bool,
    /// A line break between the previous token and this one.
    pub line_before: bool,
    /// Borrowed from the text when it is already a key (digits, marks, lower-case words).
    pub key: Cow<'a, str>,
}

impl Token<'_> {
    /// The key as a string slice.
    pub fn k(&self) -> &str {
        &self.key
    }

    /// Whether the token is a word whose first letter is upper case.
    pub fn capitalised(&self, text: &str) -> bool {
        self.kind == Kind::Word
            && text
                .get(self.start..self.end)
                .and_then(|s| s.chars().next())
                .is_some_and(char::is_uppercase)
    }

    /// Whether the token is the punctuation mark `c`.
    pub fn is(&self, c: &str) -> bool {
        self.kind == Kind::Punct && self.key == c
    }

    /// Whether the token is a word or digits glued to the token before it (no space between).
    pub fn glued(&self) -> bool {
        !self.space_before
    }
}

/// Whether token `i` opens a sentence (first token, after a line break or after . ! ? : « " —).
pub(crate) fn sentence_initial(toks: &[Token], i: usize) -> bool {
    let Some(t) = toks.get(i) else { return false };
    if i == 0 || t.line_before {
        return true;
    }
    toks.get(i - 1).is_some_and(|p| {
        p.kind == Kind::Punct
            && matches!(p.k(), "." | "!" | "?" | ":" | "«" | "\"" | "“" | "—" | "–" | "(" | "•")
    })
}

/// The lower-case key of a word, apostrophes unified: ASCII and Cyrillic letters are mapped
/// directly (most words), anything else through the full Unicode mapping.
fn lower_key(raw: &str) -> Cow<'_, str> {
    let plain = |c: char| match c {
        'a'..='z' | 'а'..='я' | 'ѐ'..='џ' | '\'' => true,
        'A'..='Z' | 'А'..='Я' | 'Ѐ'..='Џ' => false,
        c if is_apostrophe(c) => false,
        c => !c.is_uppercase(),
    };
    if raw.chars().all(plain) {
        return Cow::Borrowed(raw);
    }
    let mut key = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            'A'..='Z' => key.push(c.to_ascii_lowercase()),
            'a'..='z' => key.push(c),
            'а'..='я' | 'ѐ'..='џ' => key.push(c),
            'А'..='Я' => key.push(char::from_u32(c as u32 + 0x20).unwrap_or(c)),
            'Ѐ'..='Џ' => key.push(char::from_u32(c as u32 + 0x50).unwrap_or(c)),
            c if is_apostrophe(c) => key.push('\''),
            c => key.extend(c.to_lowercase()),
        }
    }
    Cow::Owned(key)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02bc}' | '\u{2018}')
}

fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\u{0}'..='\u{7f}' => false,
        // Cyrillic letters (the block's few signs are rare enough to pass as letters).
        '\u{400}'..='\u{4ff}' => true,
        // Combining accents.
        '\u{300}'..='\u{36f}' => true,
        _ => c.is_alphabetic(),
    }
}

/// The tokens of `text`.
pub(crate) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 4);
    let mut chars = text.char_indices().peekable();
    let mut space = true;
    let mut line = true;
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            space = true;
            line |= c == '\n' || c == '\r';
            continue;
        }
        let (kind, mut end) = if c.is_ascii_digit() {
            (Kind::Digits, i + c.len_utf8())
        } else if is_letter(c) {
            (Kind::Word, i + c.len_utf8())
        } else {
            (Kind::Punct, i + c.len_utf8())
        };
        if kind != Kind::Punct {
            while let Some(&(j, d)) = chars.peek() {
                let same = match kind {
                    Kind::Digits => d.is_ascii_digit(),
                    _ => is_letter(d),
                };
                if same {
                    end = j + d.len_utf8();
                    chars.next();
                    continue;
                }
                // An apostrophe between two letters stays inside the word.
                if kind == Kind::Word && is_apostrophe(d) {
                    let mut ahead = chars.clone();
                    ahead.next();
                    if ahead.peek().is_some_and(|&(_, e)| is_letter(e)) {
                        chars.next();
                        end = j + d.len_utf8();
                        continue;
                    }
                }
                break;
            }
        }
        let raw = text.get(i..end).unwrap_or("");
        let key = match kind {
            Kind::Word => lower_key(raw),
            _ => Cow::Borrowed(raw),
        };
        out.push(Token { kind, start: i, end, space_before: space, line_before: line, key });
        space = false;
        line = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<String> {
        tokenize(s).into_iter().map(|t| t.key.into_owned()).collect()
    }

    #[test]
    fn splits_letters_digits_and_marks() {
        assert_eq!(keys("Il-76, 5,000 п’ять"), ["il", "-", "76", ",", "5", ",", "000", "п'ять"]);
        assert_eq!(keys("31st"), ["31", "st"]);
        let t = tokenize("a  b");
        assert!(t[1].space_before && !t[1].line_before);
        assert!(tokenize("a\nb")[1].line_before);
    }

    #[test]
    fn spans_are_char_boundaries() {
        let text = "Морено — 1000 км’";
        for t in tokenize(text) {
            assert!(text.get(t.start..t.end).is_some());
        }
    }
}
