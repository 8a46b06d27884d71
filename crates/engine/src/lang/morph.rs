//! Word shapes that tell a word's part of speech without a dictionary, per language: what
//! question understanding and the labels of a name need (`crate::ask`).

use parallax_model::Lang;

/// Adjective endings of Ukrainian and Russian (any case, number, gender).
const SLAVIC_ADJECTIVE: &[&str] = &[
    "ий", "ій", "ый", "ой", "ая", "яя", "ое", "ее", "ого", "его", "ому", "ему", "ей", "ую", "юю",
    "ым", "им", "ыми", "ими", "ых", "их", "ые", "ие", "а", "я", "е", "є", "ої", "ьої", "ою", "ім",
    "іми", "іх", "і",
];

/// Past-tense endings of Ukrainian and Russian verbs, and their reflexive particles.
const SLAVIC_VERB: &[&str] = &["л", "ла", "ли", "ло", "ся", "сь"];

/// English endings of nouns for people: agents (-er, -or, -ist, -ant), adherents and
/// nationals (-ian, -ite, -ese), and the words of kinship and sex (man, wife, mother, child).
const ENGLISH_PERSON: &[&str] = &[
    "er", "or", "ist", "ian", "ant", "ite", "ese", "ee", "man", "men", "woman", "women", "wife",
    "band", "mother", "father", "son", "daughter", "child", "children", "girl", "boy", "people",
];

/// Whether a lower-case Russian word is an infinitive (-ть, -ться, -ти, -тись, -чь).
pub fn russian_infinitive(lower: &str) -> bool {
    ["ть", "ться", "ти", "тись", "чь"].iter().any(|e| lower.ends_with(e))
}

/// Whether a lower-case word of `lang` has an adjective's ending (Ukrainian and Russian; other
/// languages have no such test and answer false).
pub fn adjective_ending(lower: &str, lang: Lang) -> bool {
    matches!(lang, Lang::Uk | Lang::Ru)
        && lower.chars().count() >= 4
        && SLAVIC_ADJECTIVE.iter().any(|e| lower.ends_with(e))
}

/// Whether a lower-case word of `lang` has the ending of a past-tense or reflexive verb
/// (Ukrainian and Russian).
pub fn verb_ending(lower: &str, lang: Lang) -> bool {
    matches!(lang, Lang::Uk | Lang::Ru) && SLAVIC_VERB.iter().any(|e| lower.ends_with(e))
}

/// Whether an English noun names a person by its ending ("minister" is a title elsewhere;
/// "-ster" words are not people: cluster, disaster).
pub fn english_person_noun(lower: &str) -> bool {
    !lower.contains(' ')
        && ENGLISH_PERSON.iter().any(|e| lower.ends_with(e))
        && !lower.ends_with("ster")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert!(adjective_ending("пакистанской", Lang::Ru));
        assert!(!adjective_ending("мать", Lang::Ru));
        assert!(!adjective_ending("пакистанской", Lang::En));
        assert!(verb_ending("признал", Lang::Ru));
        assert!(russian_infinitive("требовать") && russian_infinitive("бороться"));
        assert!(!russian_infinitive("отставка"));
        assert!(english_person_noun("christian") && english_person_noun("mother"));
        assert!(!english_person_noun("disaster") && !english_person_noun("court"));
    }
}
