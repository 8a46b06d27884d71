//! Morphology of names from a maintained dictionary.
//!
//! Russian and Ukrainian decline names: Смирнов, Смирнова, Смирнову, Смирновым; Владимир,
//! Владимира. The Russian forms come from the OpenCorpora dictionary (as packaged for pymorphy on
//! PyPI,
//! `pymorphy3-dicts-ru`; data CC BY-SA 3.0): every singular form of its given names, surnames,
//! patronymics, places and organisations (271,905 forms of 55,299 lemmas), compiled by
//! `scripts/morph/build.sh` into an [`fst`] map that is read in place (`data/morph/`). A form's
//! readings give its lemma, class, gender and the set of cases it can stand in; a name's words
//! agree in gender and case ("Сергея Петрова": both masculine genitive), which is how
//! [`crate::entities::names::lemma_name`] picks among readings and declines the words the
//! dictionary does not know.
//!
//! Ukrainian: the only Ukrainian dictionary on PyPI that is not GPL (`pymorphy2-dicts-uk`, VESUM
//! 2016, CC BY-SA) carries no name classes (a surname reads as a possessive adjective), so
//! Ukrainian names go by the paradigms in `entities::names` alone.

use std::sync::LazyLock;

/// What kind of name a dictionary reading is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameClass {
    Given,
    Surname,
    Patronymic,
    Place,
    Organisation,
}

/// Grammatical gender of a reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// None, or common to both (many surnames ending in a vowel: Феррейро, Шевченко).
    Common,
    Masculine,
    Feminine,
    Neuter,
}

/// The six cases, as bits of [`Reading::cases`].
pub mod case {
    pub const NOM: u8 = 1;
    pub const GEN: u8 = 1 << 1;
    pub const DAT: u8 = 1 << 2;
    pub const ACC: u8 = 1 << 3;
    pub const INS: u8 = 1 << 4;
    pub const LOC: u8 = 1 << 5;
}

/// One reading of a word form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    /// The dictionary form, lower case, ё written е.
    pub lemma: &'static str,
    pub class: NameClass,
    pub gender: Gender,
    /// The cases the form can stand in (bits of [`case`]).
    pub cases: u8,
    pub plural: bool,
}

static RU_FORMS: LazyLock<Option<fst::Map<&'static [u8]>>> =
    LazyLock::new(|| fst::Map::new(include_bytes!("../data/morph/ru-names.fst").as_slice()).ok());

static RU_LEMMAS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| include_str!("../data/morph/ru-lemmas.txt").lines().collect());

/// The Russian dictionary's name readings of `word` (any letter case; ё or е), most cases first;
/// empty when the dictionary does not know the word as a name.
pub fn ru_name_readings(word: &str) -> Vec<Reading> {
    let key = word.to_lowercase().replace('ё', "е");
    let Some(value) = RU_FORMS.as_ref().and_then(|m| m.get(key.as_bytes())) else {
        return vec![];
    };
    [value & READING_MASK, (value >> READING_BITS) & READING_MASK]
        .into_iter()
        .filter_map(decode)
        .collect()
}

const READING_BITS: u32 = 29;
const READING_MASK: u64 = (1 << READING_BITS) - 1;

/// Unpacks one reading (the layout is written in `scripts/morph/export.py`).
fn decode(r: u64) -> Option<Reading> {
    let lemma_id = (r & 0x1_ffff) as usize;
    let lemma = RU_LEMMAS.get(lemma_id.checked_sub(1)?).copied()?;
    let class = match (r >> 17) & 0b111 {
        1 => NameClass::Given,
        2 => NameClass::Surname,
        3 => NameClass::Patronymic,
        4 => NameClass::Place,
        5 => NameClass::Organisation,
        _ => return None,
    };
    let gender = match (r >> 20) & 0b11 {
        1 => Gender::Masculine,
        2 => Gender::Feminine,
        3 => Gender::Neuter,
        _ => Gender::Common,
    };
    Some(Reading {
        lemma,
        class,
        gender,
        cases: ((r >> 22) & 0b11_1111) as u8,
        plural: r >> 28 & 1 == 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lemmas(word: &str) -> Vec<&'static str> {
        let mut l: Vec<&str> = ru_name_readings(word).iter().map(|r| r.lemma).collect();
        l.dedup();
        l
    }

    #[test]
    fn oblique_forms_of_names_give_their_lemma() {
        assert_eq!(lemmas("Смирновым"), ["смирнов"]);
        assert_eq!(lemmas("Владимира"), ["владимир"]);
        assert_eq!(lemmas("Москвой"), ["москва"]);
        assert_eq!(lemmas("Венесуэлы"), ["венесуэла"]);
        assert!(lemmas("стол").is_empty(), "a common noun is no name");
    }

    #[test]
    fn readings_carry_class_gender_and_cases() {
        let r = ru_name_readings("Владимира");
        assert_eq!(r[0].class, NameClass::Given);
        assert_eq!(r[0].gender, Gender::Masculine);
        assert_eq!(r[0].cases, case::GEN | case::ACC);
        // "Петрова" is Петров in the genitive or accusative, and Петрова in the nominative.
        let r = ru_name_readings("Петрова");
        assert!(r.iter().any(|r| r.lemma == "петров" && r.gender == Gender::Masculine));
        assert!(r.iter().any(|r| r.lemma == "петрова" && r.cases & case::NOM != 0));
        assert!(r.iter().all(|r| r.class == NameClass::Surname));
        // A feminine surname's lemma is feminine.
        assert_eq!(lemmas("Петровой"), ["петрова"]);
    }
}
