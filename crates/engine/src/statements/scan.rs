//! Tokens and quotations: the two views of a paragraph that attribution works on.
//!
//! **Tokens** are words (letters and digits, with inner apostrophes, hyphens and the dots of
//! abbreviations such as "U.S"), single punctuation marks, dashes and quotation marks, each with
//! its byte span and its lower-case form.
//!
//! **Quotations** are found per paragraph by pairing quotation marks, in every common style:
//! “…” and ‘…’ (English), «…» and „…“ (Slavic, German), »…« (German), "…" and '…' (typewriter).
//! Whether a mark can open or close is read from what flanks it, as CommonMark reads emphasis: a
//! mark followed by a letter and preceded by a space opens; one preceded by a letter and followed
//! by a space or punctuation closes. An apostrophe inside a word (“Russia’s”, “пов'язано”) is
//! neither. Marks of one family pair up on a stack, so quotations nest («… „…“ …»); a quotation
//! still open at the end of its paragraph runs to that end.

use parallax_model::Span;
use std::borrow::Cow;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    /// A number (its first character is a digit).
    Number,
    /// A dash standing between words or after a comma: - – —.
    Dash,
    /// A quotation mark.
    Quote,
    Punct(char),
}

#[derive(Debug, Clone)]
pub(crate) struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// The lower-case form (borrowed from the text when it is already lower case).
    pub lower: Cow<'a, str>,
    /// Whether the token starts with an upper-case letter.
    pub cap: bool,
}

impl Token<'_> {
    pub fn is_word(&self) -> bool {
        matches!(self.kind, Kind::Word | Kind::Number)
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }
}

/// Whether `c` is a quotation mark of any style.
pub(crate) fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '“'
            | '”'
            | '„'
            | '‟'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '‘'
            | '’'
            | '‚'
            | '\''
            | '`'
            | '″'
    )
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '`')
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '―' | '‒')
}

/// Splits `text[span]` into tokens.
pub(crate) fn tokens(text: &str, span: Span) -> Vec<Token<'_>> {
    let Some(s) = span.text(text) else { return vec![] };
    let mut out: Vec<Token<'_>> = Vec::with_capacity(s.len() / 5);
    let mut it = s.char_indices().peekable();
    while let Some((pos, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = pos + c.len_utf8();
            let mut prev = c;
            let mut upper = c.is_uppercase();
            while let Some(&(p2, d)) = it.peek() {
                let next = s.get(p2 + d.len_utf8()..).and_then(|r| r.chars().next());
                let next_alnum = next.is_some_and(char::is_alphanumeric);
                let inner = d.is_alphanumeric()
                    || d == '\u{301}'
                    || ((is_apostrophe(d) || d == '-' || d == '‑') && next_alnum)
                    // Inner dots and commas of "U.S.A", "5,000", "3.5".
                    || ((d == '.' || d == ',')
                        && (prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit())
                            || d == '.'
                                && prev.is_uppercase()
                                && next.is_some_and(char::is_uppercase)));
                if !inner {
                    break;
                }
                upper |= d.is_uppercase();
                prev = d;
                end = p2 + d.len_utf8();
                it.next();
            }
            let word = s.get(pos..end).unwrap_or_default();
            out.push(Token {
                start: span.start + pos,
                end: span.start + end,
                kind: if c.is_ascii_digit() { Kind::Number } else { Kind::Word },
                lower: match (upper, word.is_ascii()) {
                    (false, _) => Cow::Borrowed(word),
                    (true, true) => Cow::Owned(word.to_ascii_lowercase()),
                    (true, false) => Cow::Owned(word.to_lowercase()),
                },
                cap: c.is_uppercase(),
            });
            continue;
        }
        let end = pos + c.len_utf8();
        let kind = if is_quote_char(c) {
            Kind::Quote
        } else if is_dash(c) {
            Kind::Dash
        } else {
            Kind::Punct(c)
        };
        out.push(Token {
            start: span.start + pos,
            end: span.start + end,
            kind,
            lower: s.get(pos..end).map_or(Cow::Owned(c.to_string()), Cow::Borrowed),
            cap: false,
        });
    }
    out
}

/// The family a quotation mark pairs within.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    /// “ ” „ ‟ (German closes „ with “).
    Curly,
    Guillemet,
    SingleGuillemet,
    Single,
}

/// A quotation: the span of its marks and of its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Quote {
    /// From the opening mark to the end of the closing mark.
    pub outer: Span,
    /// The words between the marks, without outer white space.
    pub inner: Span,
    /// How many quotations enclose this one.
    pub depth: usize,
    /// Whether a closing mark was found (else the quotation runs to the paragraph's end).
    pub closed: bool,
}

/// The quotations of one paragraph `text[para]`, in order of their opening marks.
pub(crate) fn quotes(text: &str, para: Span) -> Vec<Quote> {
    let Some(s) = para.text(text) else { return vec![] };
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    // (family, byte offset of the mark, its length)
    let mut stack: Vec<(Family, usize, usize)> = vec![];
    let mut found: Vec<Quote> = vec![];
    for (i, &(pos, c)) in chars.iter().enumerate() {
        if !is_quote_char(c) {
            continue;
        }
        let prev = i.checked_sub(1).and_then(|k| chars.get(k)).map(|x| x.1);
        let next = chars.get(i + 1).map(|x| x.1);
        let space_before = prev.is_none_or(|p| {
            p.is_whitespace()
                || matches!(p, '(' | '[' | '{' | ':' | '/')
                || is_dash(p)
                || is_quote_char(p)
        });
        let space_after = next.is_none_or(|n| {
            n.is_whitespace()
                || matches!(n, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '…')
                || is_dash(n)
                || is_quote_char(n)
        });
        let letter_before = prev.is_some_and(|p| p.is_alphanumeric());
        let letter_after = next.is_some_and(|n| n.is_alphanumeric());
        // An apostrophe inside a word or after a plural "s" is not a quotation mark.
        if is_apostrophe(c) && letter_before && letter_after {
            continue;
        }
        let can_open = space_before && !next.is_none_or(char::is_whitespace);
        let can_close = !prev.is_none_or(char::is_whitespace) && space_after;
        let (family, opens, closes) = match c {
            '«' => (Family::Guillemet, can_open, can_close && !can_open),
            '»' => (Family::Guillemet, can_open && !can_close, can_close),
            '‹' => (Family::SingleGuillemet, can_open, can_close && !can_open),
            '›' => (Family::SingleGuillemet, can_open && !can_close, can_close),
            '“' | '‟' => (Family::Curly, can_open, can_close),
            '”' | '″' => (Family::Curly, can_open && !can_close, can_close),
            '„' => (Family::Curly, true, false),
            // Scraped text mixes typewriter and typographic marks ("Oz has…,” said X): they pair.
            '"' => (Family::Curly, can_open, can_close),
            '‘' | '‚' => (Family::Single, can_open, can_close && !can_open),
            _ => (Family::Single, can_open && !can_close && !letter_before, can_close),
        };
        let len = c.len_utf8();
        let matching = stack.iter().rposition(|(f, _, _)| *f == family);
        if closes {
            if let Some(k) = matching {
                let (_, open_pos, open_len) = stack[k];
                stack.truncate(k);
                let inner =
                    Span::new(para.start + open_pos + open_len, para.start + pos).trim(text);
                if !inner.is_empty() {
                    found.push(Quote {
                        outer: Span::new(para.start + open_pos, para.start + pos + len),
                        inner,
                        depth: k,
                        closed: true,
                    });
                }
                continue;
            }
        }
        if opens {
            // Straight and single marks that cannot close open only at the start of a word.
            stack.push((family, pos, len));
        }
    }
    // Quotations left open run to the paragraph's end; only the outermost is kept, and only a
    // double-mark one (an unmatched single mark is usually an apostrophe).
    if let Some(&(family, open_pos, open_len)) = stack.first() {
        if family != Family::Single {
            let inner = Span::new(para.start + open_pos + open_len, para.end).trim(text);
            if !inner.is_empty() {
                found.push(Quote {
                    outer: Span::new(para.start + open_pos, para.end),
                    inner,
                    depth: 0,
                    closed: false,
                });
            }
        }
    }
    found.sort_by_key(|q| (q.outer.start, std::cmp::Reverse(q.outer.end)));
    // Recompute depth from containment (pairs found out of order).
    let spans: Vec<Span> = found.iter().map(|q| q.outer).collect();
    for q in &mut found {
        q.depth = spans.iter().filter(|o| **o != q.outer && o.contains(q.outer)).count();
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(text: &str) -> Vec<(String, usize)> {
        quotes(text, Span::new(0, text.len()))
            .iter()
            .map(|q| (q.inner.text(text).unwrap().to_string(), q.depth))
            .collect()
    }

    #[test]
    fn pairs_every_style() {
        assert_eq!(inner("He said “we are ready,” and left."), [("we are ready,".into(), 0)]);
        assert_eq!(inner("Він сказав \"так\" і пішов."), [("так".into(), 0)]);
        assert_eq!(inner("Он сказал «да» и ушёл."), [("да".into(), 0)]);
        assert_eq!(inner("Er sagte „ja“ und ging."), [("ja".into(), 0)]);
        assert_eq!(inner("Er sagte »ja« und ging."), [("ja".into(), 0)]);
        assert_eq!(inner("‘Historic precedent’ — Lithuania"), [("Historic precedent".into(), 0)]);
        assert_eq!(inner("a 'single' word"), [("single".into(), 0)]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(inner("Russia’s war and пов'язано and don't").is_empty());
        assert_eq!(
            inner("“Russia’s war,” he said."),
            [("Russia’s war,".into(), 0)],
            "an apostrophe inside a quotation"
        );
    }

    #[test]
    fn nests_and_runs_to_the_paragraph_end() {
        assert_eq!(
            inner("«Він сказав „ні“ вчора», — додав він."),
            [("Він сказав „ні“ вчора".into(), 0), ("ні".into(), 1)]
        );
        assert_eq!(inner("“We will go on. And on"), [("We will go on. And on".into(), 0)]);
    }

    #[test]
    fn tokens_keep_abbreviations_numbers_and_apostrophes() {
        let t = "The U.S. has 5,000 men, Venezuela's — «так»";
        let toks: Vec<&str> = tokens(t, Span::new(0, t.len()))
            .iter()
            .map(|k| Span::new(k.start, k.end).text(t).unwrap())
            .collect();
        assert_eq!(
            toks,
            ["The", "U.S", ".", "has", "5,000", "men", ",", "Venezuela's", "—", "«", "так", "»"]
        );
    }
}
