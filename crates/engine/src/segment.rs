//! Sentence segmentation: rules over per-language abbreviation tables.
//!
//! # Why it is shaped so
//!
//! Sentences are the unit later stages cite and compare, so a wrong cut is visible everywhere: a
//! quotation split from its speaker ("We will act," | he said.), a name split from its initial
//! (Д. | Бересков), a date split from its year (5 січ. | 2024 р.). News text is also regular enough
//! that a few general rules decide almost every case, so the segmenter is rules, not a model:
//!
//! 1. A paragraph break (a blank line) always ends a sentence. A single line break ends one when
//!    the next line does not start in lower case (normalised bodies have none inside paragraphs;
//!    other inputs use them for headings and list items).
//! 2. A sentence can end only at `.`, `!`, `?`, `…` (or a run of them), read past any closing
//!    quotation marks and brackets, and followed by white space. So "3.5", "10.10.2025",
//!    "example.com", "Leave.EU" and "U.S.-led" are never cut, and a sentence ending inside
//!    closing quotation marks ends after them. The one exception is a full stop that scraping
//!    glued to the next sentence: between a lower-case letter and a capitalised word
//!    ("сообщении.В Коми").
//! 3. It does not end when the next word starts in lower case ("Wait... what?", "р. було"),
//!    after skipping dashes and opening quotes (Slavic dialogue: «Ні!» — сказала вона.), unless
//!    that word is a web address.
//! 4. After a single full stop, the word before it decides: a known *prefix* ("Dr.", "вул.",
//!    "z. B.", "т. зв.", "Дж.") never ends a sentence; a known *general* abbreviation ("р.", "г.",
//!    "м.", "Oct.", "Inc.") or a dotted acronym ("U.S.") ends one only before a common sentence
//!    starter (so "in the U.S. The talks" is cut and "the U.S. President" is not), and never
//!    before a number ("Oct. 5", "січ. 2024"); an *ender* ("etc.", "и т. д.") ends one before any
//!    capitalised word, as an ordinary word does; a single capital letter is an initial unless a
//!    starter follows ("J. K. Rowling", "Д. Бересков"); a single lower-case letter is a word ("уже
//!    є.") unless a pack lists it; a number is a list marker at the start of a sentence ("1.
//!    Introduction") and, in languages that write ordinals with a dot, an ordinal before a word
//!    that is not a starter ("am 3. Oktober"). Multi-word abbreviations are matched across their
//!    inner spaces, from their first part on ("и т. д.", "z. B.").
//! 5. A quotation followed by its attribution is one sentence with it (see `segment/quotes.rs`).
//!
//! The tables live in the language packs ([`crate::lang::packs`]); with no language given, the
//! union of all packs is used.
//!
//! ## Why not `sentencex`
//!
//! `sentencex` 0.1.33 (MIT; Wikimedia; abbreviation lists for ~30 languages, uk and ru included)
//! was measured against these rules (a scratch harness, not kept in the repository):
//!
//! - On this crate's fixtures (`tests/fixtures/segment/*.txt`, 88 cases in ten languages, written
//!   with these rules, so read this as a check list rather than a neutral benchmark) it passes 55
//!   of 88 and these rules all 88. It splits "Дж. | Байден", "В. | О. Петренко", "5 січ. | 2024
//!   р.", "m.in. | prof.", "J. | -P. Martin", "1. | Introduction", "6 a.m. | Moscow time", and
//!   «Мы не уйдём!» | — заявил депутат; it never ends a sentence after "etc.", "и т. д.", "г.",
//!   "р." or "руб." before a capital.
//! - On the 1,270 BSNLP news documents (ru, uk; raw text, see `parallax eval lang`) both make
//!   about 33,000 sentences; 832 boundaries are only `sentencex`'s and 1,484 only ours. Read by
//!   hand, its extra cuts are mostly inside names and abbreviations ("Leave. | EU", "E. | ON", "Х.
//!   | Маас", "ONLINE. | UA", "им. | Чумакова", "В. | Дорохіним") and list markers ("1. | Дональд
//!   Крейн..."); ours are mostly line breaks between a headline and its text, ends after "т. д."
//!   or a figure, and full stops glued to the next sentence.
//! - Speed on those documents: 25,000–27,000 documents a second against 16,000–22,000 for
//!   `sentencex`, on one core.
//!
//! It also cannot be corrected from outside without re-implementing it, and it brings `clap` into
//! the library. Own rules keep the per-language tables in the packs, next to the other language
//! knowledge, where a new language adds them.
//!
//! Spans are byte ranges on `char` boundaries, trimmed, non-overlapping and in order, and together
//! they cover every non-space character of the text (a property test checks this).

use parallax_model::{Lang, Span};

mod quotes;
mod rules;

use quotes::{is_closer, is_opener};
use rules::{Abbrev, Rules};

/// Sentences of `text` (a normalised article body: paragraphs separated by blank lines) as spans
/// without surrounding white space. Paragraph breaks always end a sentence.
pub fn sentences(text: &str, lang: Option<Lang>) -> Vec<Span> {
    let rules = rules::for_lang(lang);
    let mut out = Vec::new();
    let mut chars: Vec<(usize, char)> = Vec::new();
    for block in blocks(text) {
        chars.clear();
        if let Some(s) = block.text(text) {
            chars.extend(s.char_indices().map(|(i, c)| (i + block.start, c)));
        }
        segment_block(text, block, &chars, rules, &mut out);
    }
    out
}

/// The paragraphs of `text`: runs of lines that are not blank.
fn blocks(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        match (blank, start) {
            (true, Some(s)) => {
                out.push(Span::new(s, end));
                start = None;
            }
            (false, None) => start = Some(at),
            _ => {}
        }
        at += line.len();
        if !blank {
            end = at;
        }
    }
    if let Some(s) = start {
        out.push(Span::new(s, end));
    }
    out
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉')
}

fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '-' | '―' | '‒')
}

/// Cuts one paragraph (`chars` are its characters with their offsets in `text`).
fn segment_block(
    text: &str,
    block: Span,
    chars: &[(usize, char)],
    rules: &Rules,
    out: &mut Vec<Span>,
) {
    // First every place a sentence could end, as byte offsets...
    let mut cuts: Vec<usize> = Vec::new();
    let mut sentence_start = 0; // index into `chars`
    let mut i = 0;
    while let Some(&(at, c)) = chars.get(i) {
        if c == '\n' {
            if next_word_start(chars, i + 1).is_none_or(|(_, nc)| !nc.is_lowercase()) {
                cuts.push(at);
                sentence_start = i + 1;
            }
            i += 1;
            continue;
        }
        if !is_terminator(c) {
            i += 1;
            continue;
        }
        let run_end =
            (i..chars.len()).find(|&j| !chars.get(j).is_some_and(|&(_, c)| is_terminator(c)));
        let run_end = run_end.unwrap_or(chars.len());
        let after =
            (run_end..chars.len()).find(|&j| !chars.get(j).is_some_and(|&(_, c)| is_closer(c)));
        let after = after.unwrap_or(chars.len());
        let spaced = chars.get(after).is_none_or(|&(_, c)| c.is_whitespace())
            || is_glued_end(chars, i, run_end, after);
        let bracketed = i
            .checked_sub(1)
            .and_then(|j| chars.get(j))
            .is_some_and(|&(_, p)| matches!(p, '(' | '['));
        if spaced && !bracketed && ends_sentence(chars, sentence_start, i, run_end, after, rules) {
            cuts.push(chars.get(after).map_or(block.end, |&(b, _)| b));
            sentence_start = after;
        }
        i = run_end.max(i + 1);
    }
    // ...then none inside a quotation that its attribution continues (see [`quotes`])...
    let inside = |cut: usize, (a, b): (usize, usize)| a < cut && cut < b;
    let held: Vec<(usize, usize)> = quotes::embedded(chars)
        .into_iter()
        .filter(|&q| cuts.iter().filter(|&&cut| inside(cut, q)).count() <= quotes::MAX_INNER_ENDS)
        .collect();
    cuts.retain(|&cut| !held.iter().any(|&q| inside(cut, q)));
    // ...and the sentences between them.
    let mut from = block.start;
    for to in cuts.into_iter().chain(std::iter::once(block.end)) {
        let s = Span::new(from, to).trim(text);
        if !s.is_empty() {
            out.push(s);
        }
        from = to;
    }
}

/// A full stop glued to the next sentence, as scraped pages leave them ("в сообщении.В Коми",
/// "взрослых.Гидролизат"): one dot between a lower-case letter and a capital that starts a word
/// ("Leave.EU", "E.ON" and "Т.Мэй" are not).
fn is_glued_end(chars: &[(usize, char)], run: usize, run_end: usize, after: usize) -> bool {
    let at = |j: usize| chars.get(j).map(|&(_, c)| c);
    run_end == run + 1
        && after == run_end
        && at(run) == Some('.')
        && run.checked_sub(1).and_then(at).is_some_and(char::is_lowercase)
        && at(after).is_some_and(char::is_uppercase)
        && at(after + 1).is_none_or(|c| c.is_lowercase() || c.is_whitespace())
}

/// The index and character of the first letter or digit at or after `from`, past white space,
/// dashes and opening marks; `None` at the end of the paragraph.
fn next_word_start(chars: &[(usize, char)], from: usize) -> Option<(usize, char)> {
    (from..chars.len()).filter_map(|j| chars.get(j).map(|&(_, c)| (j, c))).find(|&(_, c)| {
        !(c.is_whitespace() || is_dash(c) || is_opener(c) || matches!(c, '•' | '·' | '*'))
    })
}

/// The lower-cased word starting at index `from`.
fn word_at(chars: &[(usize, char)], from: usize) -> String {
    chars
        .get(from..)
        .unwrap_or(&[])
        .iter()
        .map(|&(_, c)| c)
        .take_while(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether the terminators `chars[run..run_end]` (closers up to `after`) end the sentence that
/// began at `sentence_start`.
fn ends_sentence(
    chars: &[(usize, char)],
    sentence_start: usize,
    run: usize,
    run_end: usize,
    after: usize,
    rules: &Rules,
) -> bool {
    let Some((next, nc)) = next_word_start(chars, after) else { return true };
    if nc.is_lowercase() && !is_address(chars, next) {
        return false;
    }
    let single_dot = run_end == run + 1 && chars.get(run).is_some_and(|&(_, c)| c == '.');
    if !single_dot || after > run_end {
        // "!", "?", an ellipsis, or a full stop inside closing quotes: only the case of the next
        // word matters.
        return true;
    }
    // An initial in text tokenised with spaces around punctuation ("В . І . Вернадський"): a
    // lone capital letter, a space and the stop.
    let at = |j: usize| chars.get(j).map(|&(_, c)| c);
    let spaced_initial = run >= sentence_start + 2
        && at(run - 1) == Some(' ')
        && at(run - 2).is_some_and(char::is_uppercase)
        && (run < sentence_start + 3 || at(run - 3).is_some_and(char::is_whitespace));
    if spaced_initial {
        let next_initial =
            at(next + 1) == Some('.') || (at(next + 1) == Some(' ') && at(next + 2) == Some('.'));
        return !(nc.is_uppercase() && (next_initial || !rules.is_starter(&word_at(chars, next))));
    }
    let tokens = tokens_before(chars, sentence_start, run);
    let Some(token) = tokens.first() else { return true };
    let starter = || rules.is_starter(&word_at(chars, next));
    let general = || {
        if nc.is_numeric() {
            false
        } else if nc.is_uppercase() {
            starter()
        } else {
            true
        }
    };

    // Known abbreviations, longest (multi-word) form first.
    for n in (1..=tokens.len()).rev() {
        let key: String =
            tokens.iter().take(n).rev().map(String::as_str).collect::<Vec<_>>().join(".");
        match rules.abbreviation(&key) {
            Some(Abbrev::Prefix) => return false,
            Some(Abbrev::General) => return general(),
            Some(Abbrev::Ender) => return true,
            None => {}
        }
    }
    // The first part of a multi-word abbreviation ("z." of "z. B.", "a." of "a. C.").
    let following: String = chars
        .get(next..)
        .unwrap_or(&[])
        .iter()
        .map(|&(_, c)| c)
        .take_while(|&c| c != '.' && !c.is_whitespace())
        .collect();
    if chars.get(next + following.chars().count()).is_some_and(|&(_, c)| c == '.')
        && rules.opens_abbreviation(token, &following)
    {
        return false;
    }
    let first_in_sentence = tokens.len() == 1 && is_first_token(chars, sentence_start, run, token);
    if token.chars().all(|c| c.is_ascii_digit()) {
        if first_in_sentence {
            return false; // "1. Introduction"
        }
        let ordinal = rules.ordinal_dot && token.len() <= 3 && nc.is_alphabetic() && !starter();
        return !ordinal;
    }
    if is_roman(token)
        && (first_in_sentence || (rules.ordinal_dot && nc.is_alphabetic() && !starter()))
    {
        return false; // "IV. Results", "Johannes Paul II. kam"
    }
    if is_dotted_acronym(token) {
        return general();
    }
    let mut letters = token.chars();
    match (letters.next(), letters.next()) {
        (Some(l), None) if l.is_uppercase() => {
            // An initial, unless a sentence starter follows; another initial never is one
            // ("А. С. Иванов", though "С" is also a preposition).
            let next_initial = chars.get(next + 1).is_some_and(|&(_, c)| c == '.');
            !(nc.is_uppercase() && (next_initial || !starter()))
        }
        // A lower-case letter is a word ("є", "я", "a") unless a pack lists it ("р.", "г.").
        _ => true,
    }
}

/// Whether the word at `from` is a web address, which may follow a sentence in lower case.
fn is_address(chars: &[(usize, char)], from: usize) -> bool {
    let head: String = chars.get(from..).unwrap_or(&[]).iter().take(4).map(|&(_, c)| c).collect();
    head == "www." || head == "http"
}

/// The word before the full stop at `run`, then the short dotted words before it ("т." in
/// "т. зв."), nearest first, without their dots and opening marks. Empty when the stop follows a
/// closing mark or white space.
fn tokens_before(chars: &[(usize, char)], sentence_start: usize, run: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut end = run; // exclusive end of the current token
    while out.len() < 3 {
        let mut start = end;
        while start > sentence_start
            && chars
                .get(start - 1)
                .is_some_and(|&(_, c)| !c.is_whitespace() && !is_opener(c) || c == '\'')
        {
            start -= 1;
        }
        let token: String = chars.get(start..end).unwrap_or(&[]).iter().map(|&(_, c)| c).collect();
        let token = token.trim_start_matches(is_opener);
        if token.is_empty() || token.ends_with(is_closer) {
            break;
        }
        let token = token.strip_suffix('.').unwrap_or(token);
        if !out.is_empty() && token.chars().count() > 4 {
            break;
        }
        out.push(token.to_string());
        // The previous token must end with a dot and be separated by one space.
        let prev_dot =
            start.checked_sub(2).and_then(|j| chars.get(j)).is_some_and(|&(_, c)| c == '.');
        let one_space =
            start.checked_sub(1).and_then(|j| chars.get(j)).is_some_and(|&(_, c)| c == ' ');
        if !(prev_dot && one_space) || start < sentence_start + 2 {
            break;
        }
        end = start - 2;
    }
    if out.first().is_some_and(|t| t.is_empty()) {
        out.clear();
    }
    out
}

/// Whether only white space and opening marks precede `token` in its sentence.
fn is_first_token(chars: &[(usize, char)], sentence_start: usize, run: usize, token: &str) -> bool {
    let len = token.chars().count();
    let start = run.saturating_sub(len);
    chars
        .get(sentence_start..start)
        .unwrap_or(&[])
        .iter()
        .all(|&(_, c)| c.is_whitespace() || is_opener(c))
}

fn is_roman(token: &str) -> bool {
    !token.is_empty() && token.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'))
}

/// "U.S", "т.е", "S.p.A", "J.-P": at least two parts of one or two letters joined by dots (and
/// hyphens, as in French double initials). "Т.Мэй" (an initial glued to a name) is not one.
fn is_dotted_acronym(token: &str) -> bool {
    let parts: Vec<&str> = token.split('.').map(|p| p.trim_start_matches('-')).collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| (1..=2).contains(&p.chars().count()) && p.chars().all(char::is_alphabetic))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str, lang: Option<Lang>) -> Vec<&str> {
        sentences(text, lang).iter().filter_map(|s| s.text(text)).collect()
    }

    #[test]
    fn blocks_are_runs_of_non_blank_lines() {
        let t = "a\nb\n\n  \nc\n";
        let b: Vec<&str> = blocks(t).iter().filter_map(|s| s.text(t)).collect();
        assert_eq!(b, ["a\nb\n", "c\n"]);
    }

    #[test]
    fn paragraph_breaks_always_end_sentences() {
        assert_eq!(split("No stop here\n\nNext one", None), ["No stop here", "Next one"]);
    }

    #[test]
    fn multi_word_abbreviations_match_across_spaces() {
        assert_eq!(
            split("Є т. зв. Ісламська держава. Він пішов.", Some(Lang::Uk)),
            ["Є т. зв. Ісламська держава.", "Він пішов."]
        );
        assert_eq!(
            split("Яблоки, груши и т. д. Потом он ушёл.", Some(Lang::Ru)),
            ["Яблоки, груши и т. д.", "Потом он ушёл."]
        );
    }

    #[test]
    fn tokens_before_collects_dotted_words() {
        let t: Vec<(usize, char)> = "и т. д.".char_indices().collect();
        assert_eq!(tokens_before(&t, 0, t.len() - 1), ["д", "т"]);
        let t: Vec<(usize, char)> = "(Д.".char_indices().collect();
        assert_eq!(tokens_before(&t, 0, 2), ["Д"]);
        let t: Vec<(usize, char)> = "said».".char_indices().collect();
        assert!(tokens_before(&t, 0, 5).is_empty());
    }
}
