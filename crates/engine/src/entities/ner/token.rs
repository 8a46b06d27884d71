//! Tokens with byte offsets, and the word shapes the tagger reads.
//!
//! One pass over the characters, no allocation per token. A word is a run of letters, digits and
//! combining marks, joined across an inner hyphen ("Нью-Йорк", "Су-20", "Il-76"), an inner
//! apostrophe between letters ("здоров'я", "O'Brien"; but "Crane's" keeps "'s" apart), and a dot
//! between single letters ("U.S.", "Д.Б." are one token with their final dot). A number is a run
//! of digits with inner separators ("7,08", "10.10.2025", "18:30"). Everything else that is not
//! white space is a token of one character: punctuation, quotation marks, dashes, symbols.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Number,
    Punct,
    /// A web or e-mail address.
    Address,
}

/// One token: a byte range of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

fn is_word_char(c: char) -> bool {
    is_alnum(c) || is_mark(c)
}
/// `char::is_alphabetic` with fast paths for ASCII and Cyrillic (the standard lookup is slow
/// outside ASCII, and the tagger asks it several times per character).
#[inline]
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if ('\u{400}'..='\u{481}').contains(&c) || ('\u{48a}'..='\u{4ff}').contains(&c) {
        true
    } else {
        c.is_alphabetic()
    }
}

/// `char::is_uppercase` with the same fast paths.
#[inline]
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else if ('\u{400}'..='\u{42f}').contains(&c) {
        true
    } else if ('\u{430}'..='\u{45f}').contains(&c) {
        false
    } else {
        c.is_uppercase()
    }
}

/// `char::is_lowercase` with the same fast paths.
#[inline]
pub fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_lowercase()
    } else if ('\u{430}'..='\u{45f}').contains(&c) {
        true
    } else if ('\u{400}'..='\u{42f}').contains(&c) {
        false
    } else {
        c.is_lowercase()
    }
}

/// One lower-case character for `c` when that is a single character (ASCII, basic Cyrillic),
/// else `None` (the caller uses `char::to_lowercase`).
#[inline]
pub fn lower_char(c: char) -> Option<char> {
    if c.is_ascii() {
        Some(c.to_ascii_lowercase())
    } else if ('\u{410}'..='\u{42f}').contains(&c) {
        char::from_u32(c as u32 + 0x20)
    } else if ('\u{400}'..='\u{40f}').contains(&c) {
        char::from_u32(c as u32 + 0x50)
    } else if ('\u{430}'..='\u{45f}').contains(&c) {
        Some(c)
    } else {
        None
    }
}

#[inline]
fn is_alnum(c: char) -> bool {
    is_letter(c) || c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric())
}

fn is_mark(c: char) -> bool {
    // Combining diacritics (a decomposed "é", the stress mark some Russian texts carry).
    matches!(c, '\u{300}'..='\u{36f}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2bc}' | '`' | '\u{2018}')
}

/// The byte length of a web address ("https://...", "www.…") or e-mail address starting `s`,
/// up to the next white space (trailing punctuation left out).
fn address_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let lower3 = |i: usize| b.get(i..i + 4).map(|x| x.eq_ignore_ascii_case(b"www."));
    let web = s.starts_with("http://") || s.starts_with("https://") || lower3(0) == Some(true);
    let end = s.find(|c: char| c.is_whitespace()).unwrap_or(s.len());
    let word = s.get(..end)?;
    let email = !web
        && word.contains('@')
        && word.split('@').count() == 2
        && word.split('@').all(|p| {
            !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || ".-_+".contains(c))
        })
        && word.split('@').nth(1).is_some_and(|d| d.contains('.'));
    if !web && !email {
        return None;
    }
    let trimmed = word.trim_end_matches(|c: char| {
        matches!(c, '.' | ',' | ';' | ':' | ')' | ']' | '»' | '"' | '\'' | '!' | '?')
    });
    (!trimmed.is_empty()).then_some(trimmed.len())
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let ch = |i: usize| chars.get(i).map(|&(_, c)| c);
    let mut i = 0;
    while i < n {
        let (start, c) = chars[i];
        if c.is_whitespace() || crate::text::is_invisible(c) {
            i += 1;
            continue;
        }
        // A web address or an e-mail address: one token, never part of a name.
        if let Some(len) = address_len(text.get(start..).unwrap_or("")) {
            let mut j = i;
            while j < n && chars[j].0 < start + len {
                j += 1;
            }
            out.push(Token { start, end: end_of(j), kind: Kind::Address });
            i = j;
            continue;
        }
        if !is_word_char(c) {
            out.push(Token { start, end: end_of(i + 1), kind: Kind::Punct });
            i += 1;
            continue;
        }
        // A number: digits with inner separators followed by a digit.
        if c.is_ascii_digit() {
            let mut j = i + 1;
            loop {
                match ch(j) {
                    Some(d) if d.is_ascii_digit() => j += 1,
                    Some('.' | ',' | ':')
                        if ch(j + 1).is_some_and(|d| d.is_ascii_digit()) && j > i =>
                    {
                        j += 2
                    }
                    _ => break,
                }
            }
            // Digits glued to letters ("20-й", "5G", "COVID-19" handled as a word below).
            let glued = ch(j).is_some_and(|d| is_letter(d) || is_mark(d))
                || (ch(j).is_some_and(is_hyphen) && ch(j + 1).is_some_and(is_word_char));
            if !glued {
                out.push(Token { start, end: end_of(j), kind: Kind::Number });
                i = j;
                continue;
            }
        }
        // A word.
        let mut j = i + 1;
        loop {
            match ch(j) {
                Some(d) if is_word_char(d) => j += 1,
                Some(h) if is_hyphen(h) && ch(j + 1).is_some_and(is_word_char) => j += 2,
                Some(a)
                    if is_apostrophe(a)
                        && ch(j + 1).is_some_and(is_letter)
                        && ch(j - 1).is_some_and(is_letter) =>
                {
                    // "Crane's", "Ukraine's": the possessive is not part of the name.
                    let s = ch(j + 1);
                    let possessive = matches!(s, Some('s' | 'S'))
                        && !ch(j + 2).is_some_and(is_alnum)
                        && chars[i..j].iter().all(|&(_, c)| !('\u{400}'..='\u{4ff}').contains(&c));
                    if possessive {
                        break;
                    }
                    j += 2;
                }
                _ => break,
            }
        }
        // Dotted single letters: "U.S.", "Д.Б." (each piece one letter followed by a dot).
        if j == i + 1 && ch(j) == Some('.') && is_letter(c) {
            let mut k = j;
            let mut pieces = 1;
            while ch(k) == Some('.')
                && ch(k + 1).is_some_and(is_letter)
                && !ch(k + 2).is_some_and(is_word_char)
            {
                k += 2;
                pieces += 1;
            }
            if pieces > 1 && ch(k) == Some('.') {
                out.push(Token { start, end: end_of(k + 1), kind: Kind::Word });
                i = k + 1;
                continue;
            }
        }
        out.push(Token { start, end: end_of(j), kind: Kind::Word });
        i = j;
    }
    out
}

/// Capitalisation classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Caps {
    /// "Дорохін", "Il-76" (first letter upper, some lower after it).
    Title,
    /// "США", "NATO", "U.S." (two or more letters, all upper).
    Upper,
    /// One capital letter: "Д", "A".
    Single,
    /// "iPhone", "eBay", "МиГ" (upper inside, first lower, or mixed after the first).
    Mixed,
    Lower,
    /// No letters.
    None,
}

impl Caps {
    pub fn of(word: &str) -> Caps {
        let mut letters = 0;
        let mut upper = 0;
        let mut first_upper = false;
        let mut upper_after_lower = false;
        let mut seen_lower = false;
        for c in word.chars() {
            if is_letter(c) {
                if letters == 0 {
                    first_upper = is_upper(c);
                }
                letters += 1;
                if is_upper(c) {
                    upper += 1;
                    if seen_lower {
                        upper_after_lower = true;
                    }
                } else if is_lower(c) {
                    seen_lower = true;
                }
            }
        }
        match (letters, upper) {
            (0, _) => Caps::None,
            (1, 1) => Caps::Single,
            (_, 0) => Caps::Lower,
            (l, u) if l == u => Caps::Upper,
            _ if !first_upper => Caps::Mixed,
            _ if upper_after_lower && !word.contains(['-', '\'', '’']) => Caps::Mixed,
            _ => Caps::Title,
        }
    }

    pub fn is_capitalised(self) -> bool {
        matches!(self, Caps::Title | Caps::Upper | Caps::Single | Caps::Mixed)
    }

    pub fn code(self) -> u8 {
        self as u8
    }
}

/// A short shape: each character mapped to its class (X upper, x lower, d digit, the character
/// itself otherwise), runs of the same class collapsed. "Дорохіна" → "Xx", "Су-20" → "Xx-d",
/// "U.S." → "X.X.".
pub fn shape(word: &str, out: &mut String) {
    out.clear();
    let mut last = '\0';
    for c in word.chars() {
        let k = if is_upper(c) {
            'X'
        } else if is_letter(c) {
            'x'
        } else if c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric()) {
            'd'
        } else {
            c
        };
        if k != last || !matches!(k, 'X' | 'x' | 'd') {
            out.push(k);
        }
        last = k;
    }
}

/// Whether a character opens a quotation.
pub fn is_open_quote(c: char) -> bool {
    matches!(c, '«' | '„' | '“' | '‹' | '"' | '‚')
}

/// Whether a character closes a quotation.
pub fn is_close_quote(c: char) -> bool {
    matches!(c, '»' | '“' | '”' | '›' | '"' | '‘' | '’')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| &text[t.start..t.end]).collect()
    }

    #[test]
    fn tokens() {
        assert_eq!(
            words("Нью-Йорк, «Укртрансгаз» і здоров'я: 7,08 млн грн."),
            [
                "Нью-Йорк",
                ",",
                "«",
                "Укртрансгаз",
                "»",
                "і",
                "здоров'я",
                ":",
                "7,08",
                "млн",
                "грн",
                "."
            ]
        );
        assert_eq!(words("Crane's U.S. visit"), ["Crane", "'", "s", "U.S.", "visit"]);
        assert_eq!(
            words("Д. Бересков, Су-20 и Il-76"),
            ["Д", ".", "Бересков", ",", "Су-20", "и", "Il-76"]
        );
        assert_eq!(
            words("20-й COVID-19 5G 10.10.2025."),
            ["20-й", "COVID-19", "5G", "10.10.2025", "."]
        );
        assert_eq!(words("O'Brien Україна’s"), ["O'Brien", "Україна’s"]);
        assert_eq!(words("a.m. J.K."), ["a.m.", "J.K."]);
        assert_eq!(words("-"), ["-"]);
        assert_eq!(words("x-"), ["x", "-"]);
        assert_eq!(
            words("див. https://www.youtube.com/watch?v=Ab_Cd, або mail@x.ua."),
            ["див", ".", "https://www.youtube.com/watch?v=Ab_Cd", ",", "або", "mail@x.ua", "."]
        );
    }

    #[test]
    fn shapes() {
        let mut s = String::new();
        for (w, want) in [("Дорохіна", "Xx"), ("Су-20", "Xx-d"), ("U.S.", "X.X."), ("США", "X")]
        {
            shape(w, &mut s);
            assert_eq!(s, want);
        }
        assert_eq!(Caps::of("МиГ"), Caps::Mixed);
        assert_eq!(Caps::of("Нью-Йорк"), Caps::Title);
        assert_eq!(Caps::of("NATO"), Caps::Upper);
        assert_eq!(Caps::of("Д"), Caps::Single);
        assert_eq!(Caps::of("iPhone"), Caps::Mixed);
        assert_eq!(Caps::of("McDonald"), Caps::Mixed);
    }
}
