//! Quotation marks: which pairs enclose a quotation that is only part of a sentence.
//!
//! “We are ready. We will act,” he said. — the quotation is followed by its attribution, so the
//! sentence boundary after "ready." is not one: the whole line is a single sentence. A quotation
//! is *embedded* (its inner sentence ends are suppressed) when what follows it continues the
//! sentence: a comma, a dash and a lower-case word, or a lower-case word; or when its own last
//! mark is a comma or a dash. A quotation that ends with its own full stop and is followed by a
//! capital letter closes the sentence, and is segmented like any other text; so is a quotation of
//! more than three sentences ([`MAX_INNER_ENDS`]).
//!
//! Pairs are found with a stack, per paragraph: «» and ‹›, “” (English) and „“ or „” (German,
//! Ukrainian, Polish), and straight double quotes, where an open one is closed by the next. Single
//! quotes are left alone: ’ is far more often an apostrophe. A mark that closes nothing opened is
//! ignored, and an opener never closed is dropped at the end of the paragraph.

/// A quotation with more sentence ends inside than this (more than three sentences) is not held
/// together: a long quoted passage is better cut into sentences, its last one joined to the
/// attribution, than kept whole as one "sentence" that later stages cannot compare.
pub(super) const MAX_INNER_ENDS: usize = 2;

/// The closing marks a segmenter should read past after a sentence's final punctuation.
pub(super) fn is_closer(c: char) -> bool {
    matches!(c, '”' | '»' | '"' | '’' | '\'' | ')' | ']' | '›' | '“' | '」' | '』')
}

/// Marks that may open a quotation or a parenthesis before a sentence's first word.
pub(super) fn is_opener(c: char) -> bool {
    matches!(c, '«' | '„' | '“' | '"' | '‘' | '\'' | '(' | '[' | '‹' | '「' | '『' | '¿' | '¡')
}

fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '-' | '―' | '‒')
}

/// The byte ranges (from the opening mark to the closing mark, both included) of the embedded
/// quotations of a paragraph given as `(offset, char)` pairs.
pub(super) fn embedded(chars: &[(usize, char)]) -> Vec<(usize, usize)> {
    let mut stack: Vec<(char, usize)> = Vec::new();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let close =
        |stack: &mut Vec<(char, usize)>, pairs: &mut Vec<(usize, usize)>, i, opens: &[char]| {
            if let Some(pos) = stack.iter().rposition(|(o, _)| opens.contains(o)) {
                let open = stack.get(pos).map_or(0, |&(_, at)| at);
                stack.truncate(pos);
                pairs.push((open, i));
                true
            } else {
                false
            }
        };
    for (i, &(_, c)) in chars.iter().enumerate() {
        match c {
            '"' => {
                // Closes an open straight quote; opens one only where a quotation can start.
                let closed = close(&mut stack, &mut pairs, i, &['"']);
                let prev = i.checked_sub(1).and_then(|j| chars.get(j)).map(|&(_, p)| p);
                let opens = prev
                    .is_none_or(|p| p.is_whitespace() || is_opener(p) || is_dash(p) || p == ':');
                if !closed && opens {
                    stack.push((c, i));
                }
            }
            '”' => {
                close(&mut stack, &mut pairs, i, &['“', '„']);
            }
            '“' => {
                // Closes „ (German, Ukrainian), opens otherwise.
                let closed = close(&mut stack, &mut pairs, i, &['„']);
                if !closed {
                    stack.push((c, i));
                }
            }
            '»' => {
                close(&mut stack, &mut pairs, i, &['«']);
            }
            '›' => {
                close(&mut stack, &mut pairs, i, &['‹']);
            }
            '«' | '„' | '‹' => stack.push((c, i)),
            _ => {}
        }
    }
    pairs
        .into_iter()
        .filter(|&(o, c)| continues_after(chars, o, c))
        .filter_map(|(o, c)| {
            let start = chars.get(o)?.0;
            let &(at, ch) = chars.get(c)?;
            Some((start, at + ch.len_utf8()))
        })
        .collect()
}

/// Whether the sentence goes on after the quotation that opens at `o` and closes at `c`.
fn continues_after(chars: &[(usize, char)], o: usize, c: usize) -> bool {
    let inner = chars.get(o + 1..c).unwrap_or(&[]);
    let last = inner.iter().rev().map(|&(_, ch)| ch).find(|ch| !ch.is_whitespace());
    if last.is_some_and(|ch| matches!(ch, ',' | ';' | ':') || is_dash(ch)) {
        return true;
    }
    let mut rest = chars.get(c + 1..).unwrap_or(&[]).iter().map(|&(_, ch)| ch).peekable();
    // Past further closing marks (a quotation ending inside another) and spaces.
    while rest.peek().is_some_and(|&ch| is_closer(ch) || ch == ' ') {
        rest.next();
    }
    match rest.next() {
        Some(',' | ';' | ':') => true,
        Some(ch) if is_dash(ch) => {
            let next = rest.find(|ch| !ch.is_whitespace() && !is_dash(*ch));
            next.is_some_and(char::is_lowercase)
        }
        Some(ch) => ch.is_lowercase(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        embedded(&chars).into_iter().filter_map(|(a, b)| text.get(a..b)).collect()
    }

    #[test]
    fn quotations_followed_by_their_attribution_are_embedded() {
        assert_eq!(
            quoted("“We are ready. We will act,” he said."),
            ["“We are ready. We will act,”"]
        );
        assert_eq!(
            quoted("«Мы готовы. Мы будем действовать», — сказал он."),
            ["«Мы готовы. Мы будем действовать»"]
        );
        assert_eq!(
            quoted("„Ми готові. Ми діятимемо!“ — сказав він."),
            ["„Ми готові. Ми діятимемо!“"]
        );
        assert_eq!(quoted("\"Ні\", - сказала вона."), ["\"Ні\""]);
    }

    #[test]
    fn quotations_that_end_the_sentence_are_not() {
        assert!(quoted("He said: “We are ready. We will act.” Then he left.").is_empty());
        assert!(quoted("«Мы готовы». Так он сказал.").is_empty());
        assert!(quoted("An unclosed “quote. And more, he said").is_empty());
    }

    #[test]
    fn nested_quotations_pair_inside_out() {
        let q = quoted("«Він сказав: „Ні“, і пішов», — пишуть ЗМІ.");
        assert_eq!(q, ["„Ні“", "«Він сказав: „Ні“, і пішов»"]);
    }
}
