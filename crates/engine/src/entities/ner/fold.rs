//! The form of a word the tagger's lexical features read: lower case, and for Cyrillic a
//! spelling folded so that Ukrainian and Russian meet.
//!
//! The model is trained on Russian only (the one corpus whose licence lets a model ship), so
//! its word features must fire on Ukrainian words too. Most of the two languages' difference in
//! the names and words around names is spelling: і/и/ы, є/е/э, ї, ґ, the apostrophe, a final
//! -ив/-ав for -ил/-ал in masculine past verbs, and a few dozen function words. Folding maps all
//! of them to one form (Росії and России → "росии", Києва and Киева → "киева", міністра and
//! министра → "министра", заявив → "заявил"), so a feature learnt from Russian text fires on
//! the Ukrainian word. Russian loses almost nothing (ы and и never tell two names apart).

/// Appends the folded lower-case form of `word` to `out`; `ukrainian` adds the word-level
/// mappings (function words, past-tense endings) for lower-case Ukrainian words.
pub fn push(word: &str, ukrainian: bool, out: &mut String) {
    let start = out.len();
    let cyrillic = word.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c));
    let mut lower_only = true;
    for c in word.chars() {
        if super::token::is_upper(c) {
            lower_only = false;
        }
        if cyrillic {
            match c {
                'і' | 'ї' | 'ы' | 'І' | 'Ї' | 'Ы' => out.push('и'),
                'є' | 'э' | 'ё' | 'Є' | 'Э' | 'Ё' => out.push('е'),
                'ґ' | 'Ґ' => out.push('г'),
                'ъ' | 'Ъ' | '\'' | '’' | 'ʼ' | '`' | '‘' => {}
                _ => match super::token::lower_char(c) {
                    Some(l) => out.push(l),
                    None => out.extend(c.to_lowercase()),
                },
            }
        } else {
            match c {
                '’' | 'ʼ' | '`' | '‘' => out.push('\''),
                _ => match super::token::lower_char(c) {
                    Some(l) => out.push(l),
                    None => out.extend(c.to_lowercase()),
                },
            }
        }
    }
    if !(ukrainian && cyrillic) {
        return;
    }
    let folded = out.get(start..).unwrap_or("");
    // Function words also when a sentence starts with them ("Якщо", "Коли") or a heading
    // writes them in capitals ("ЙОГО"); names are not touched otherwise.
    let capitalised = word.chars().skip(1).all(|c| !super::token::is_upper(c));
    let shouted = word.chars().all(|c| !c.is_alphabetic() || super::token::is_upper(c));
    if lower_only || capitalised || shouted {
        if let Some(common) = UK_MAP.get(folded).copied() {
            out.truncate(start);
            out.push_str(common);
            return;
        }
    }
    if !lower_only {
        return;
    }
    // Genitive plural: районів → районов, депутатів → депутатов (the Russian ending); the
    // few past-tense verbs in -ів (сидів) lose their verb form.
    if word.ends_with("ів") || word.ends_with("їв") {
        out.truncate(out.len() - "ив".len());
        out.push_str("ов");
        return;
    }
    // Masculine past tense: заявив → заявил, сказав → сказал.
    if folded.chars().count() >= 5 && (folded.ends_with("ив") || folded.ends_with("ав")) {
        out.pop();
        out.push('л');
    }
}

/// The folded form of a word.
pub fn fold(word: &str, ukrainian: bool) -> String {
    let mut s = String::with_capacity(word.len());
    push(word, ukrainian, &mut s);
    s
}

static UK_MAP: std::sync::LazyLock<std::collections::HashMap<&'static str, &'static str>> =
    std::sync::LazyLock::new(|| UK_WORDS.iter().copied().collect());

/// Ukrainian function words (folded) and their Russian counterparts (folded).
#[rustfmt::skip]
const UK_WORDS: &[(&str, &str)] = &[
    ("у", "в"), ("з", "с"), ("зи", "со"), ("и", "и"), ("й", "и"), ("та", "и"), ("вид", "от"),
    ("що", "что"), ("як", "как"), ("але", "но"), ("це", "это"), ("вин", "он"), ("вона", "она"),
    ("вони", "они"), ("його", "его"), ("ии", "ее"), ("який", "которий"), ("яка", "которая"),
    ("яке", "которое"), ("яки", "которие"), ("якого", "которого"), ("якои", "которой"),
    ("також", "также"), ("писля", "после"), ("миж", "между"), ("биля", "около"),
    ("пид", "под"), ("або", "или"), ("коли", "когда"), ("якщо", "если"), ("ще", "еще"),
    ("вже", "уже"), ("лише", "лишь"), ("тильки", "только"), ("був", "бил"), ("була", "била"),
    ("було", "било"), ("були", "били"), ("буде", "будет"), ("може", "может"), ("мае", "имеет"),
    ("року", "года"), ("роци", "году"), ("рик", "год"), ("рокив", "лет"), ("щодо", "относительно"),
    ("через", "через"), ("проти", "против"), ("серед", "среди"), ("навить", "даже"),
    ("тому", "поэтому"), ("адже", "ведь"), ("зокрема", "частности"), ("зараз", "сейчас"),
    ("сьогодни", "сегодня"), ("вчора", "вчера"), ("заступник", "заместитель"),
    ("голова", "глава"), ("уряд", "правительство"), ("уряду", "правительства"),
    ("мисто", "город"), ("миста", "города"), ("мисти", "городе"), ("область", "область"),
    ("рада", "совет"), ("ради", "совета"), ("радою", "советом"), ("компания", "компания"),
    ("повидомив", "сообщил"), ("повидомила", "сообщила"), ("повидомили", "сообщили"),
    ("зазначив", "отметил"), ("зазначила", "отметила"), ("наголосив", "подчеркнул"),
    ("розповив", "рассказал"), ("розповила", "рассказала"), ("вважае", "считает"),
    ("каже", "говорит"), ("словами", "словам"), ("думку", "мнению"), ("даними", "данним"),
    ("украинськии", "украинский"), ("украинського", "украинского"), ("украинськои", "украинской"),
    ("державний", "государственний"), ("державного", "государственного"),
    ("державнои", "государственной"), ("мижнародний", "международний"),
    ("мижнародного", "международного"), ("национальний", "национальний"),
    ("президента", "президента"), ("прем'ер", "премьер"), ("премер", "премьер"),
    ("видомства", "ведомства"), ("служби", "служби"), ("управлиння", "управление"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ukrainian_meets_russian() {
        assert_eq!(fold("Росія", true), fold("Росия", false));
        assert_eq!(fold("Україна", true), fold("Украина", false));
        assert_eq!(fold("Києва", true), fold("Киева", false));
        assert_eq!(fold("міністра", true), fold("министра", false));
        assert_eq!(fold("заявив", true), fold("заявил", false));
        assert_eq!(fold("районів", true), fold("районов", false));
        assert_eq!(fold("у", true), fold("в", false));
        assert_eq!(fold("O’Brien", false), "o'brien");
        // Capitalised words keep their endings: "Харків" is not a verb.
        assert_eq!(fold("Харків", true), "харкив");
    }
}
