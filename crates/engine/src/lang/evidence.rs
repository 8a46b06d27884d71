//! The fast pass: what one scan of a text says about its language.
//!
//! [`Evidence`] is a handful of counts (letters per script, the letters only Ukrainian or only
//! Russian uses, letters no supported language uses, function words of each language) gathered in
//! one pass over the characters with one hash lookup per short word. Counts add up: the evidence
//! of several paragraphs together is the sum of theirs.

use super::packs;
use parallax_model::Lang;
use std::collections::HashMap;
use std::sync::LazyLock;

/// How many characters of one text the scan reads. Beyond a few thousand characters more text
/// changes no decision, and the bound keeps the cost of a huge paragraph fixed.
pub(crate) const MAX_SCAN_CHARS: usize = 4000;

/// Counts gathered from a text. See the module docs.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Evidence {
    pub latin: u32,
    pub cyrillic: u32,
    /// Letters of scripts no supported language uses (Han, Arabic, Greek...).
    pub other: u32,
    /// Ukrainian-only letters: і ї є ґ, and an apostrophe between two Cyrillic letters (м'ясо).
    pub uk_letters: u32,
    /// Russian-only letters: ы э ъ ё.
    pub ru_letters: u32,
    /// Function-word score per language (indexed as [`Lang::ALL`]); a word shared by k languages
    /// adds 1/k to each.
    pub words: [f32; 10],
    /// Letters that mark one Latin-script language (ß, ñ, ł, ã, œ, ò...), weighted like `words`.
    pub marks: [f32; 10],
    /// Letters of a supported script that no supported language writes: ř č š ů (Czech), å ø
    /// (Nordic), ő (Hungarian), ı ş ğ (Turkish), ў (Belarusian), ј љ њ (Serbian), ә қ (Kazakh),
    /// and ъ where Russian never puts it (Bulgarian). They mark a text in another language.
    pub alien: u32,
    /// Words seen.
    pub tokens: u32,
}

impl std::ops::AddAssign for Evidence {
    fn add_assign(&mut self, o: Evidence) {
        self.latin += o.latin;
        self.cyrillic += o.cyrillic;
        self.other += o.other;
        self.uk_letters += o.uk_letters;
        self.ru_letters += o.ru_letters;
        self.alien += o.alien;
        self.tokens += o.tokens;
        for i in 0..10 {
            self.words[i] += o.words[i];
            self.marks[i] += o.marks[i];
        }
    }
}

impl Evidence {
    /// Letters of the scripts the supported languages are written in.
    pub fn letters(&self) -> u32 {
        self.latin + self.cyrillic
    }
}

pub(crate) fn index(lang: Lang) -> usize {
    Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0)
}

/// FNV-1a: the keys are short words, for which SipHash's setup costs more than the lookup.
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FnvMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// Function word -> (bit set of languages, weight 1/k).
static WORDS: LazyLock<FnvMap<&'static str, (u16, f32)>> = LazyLock::new(|| {
    let mut masks: FnvMap<&'static str, u16> = FnvMap::default();
    for p in packs::all() {
        for w in p.function_words.iter().chain(p.marker_words) {
            *masks.entry(w).or_default() |= 1 << index(p.lang);
        }
    }
    masks.into_iter().map(|(w, m)| (w, (m, 1.0 / m.count_ones() as f32))).collect()
});

/// Longest function word worth looking up, in bytes.
const MAX_WORD_BYTES: usize = 24;

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{400}'..='\u{52f}' | '\u{1c80}'..='\u{1c8f}' | '\u{2de0}'..='\u{2dff}' | '\u{a640}'..='\u{a69f}')
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c, '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}' | '\u{2c60}'..='\u{2c7f}' | '\u{a720}'..='\u{a7ff}')
            && c != '\u{d7}'
            && c != '\u{f7}'
}

/// `c` in lower case when it is a letter, `None` otherwise. ASCII and basic Cyrillic, nearly
/// every letter of the texts scanned, skip the general Unicode tables (which cost more than the
/// rest of the scan together).
fn lower_letter(c: char) -> Option<char> {
    match c {
        'a'..='z' | 'а'..='я' | 'ѐ'..='џ' | 'ґ' => Some(c),
        'A'..='Z' => Some(c.to_ascii_lowercase()),
        'А'..='Я' => char::from_u32(c as u32 + 0x20),
        'Ѐ'..='Џ' => char::from_u32(c as u32 + 0x50),
        'Ґ' => Some('ґ'),
        _ if c.is_ascii() => None,
        _ if c.is_alphabetic() => c.to_lowercase().next(),
        _ => None,
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '`')
}

/// The Latin letters that point at one language, with the language they point at.
fn mark(c: char) -> Option<Lang> {
    Some(match c {
        'ß' | 'ä' | 'ö' | 'ü' => Lang::De,
        'ą' | 'ę' | 'ł' | 'ś' | 'ź' | 'ż' | 'ć' | 'ń' => Lang::Pl,
        'ñ' => Lang::Es,
        'ã' | 'õ' => Lang::Pt,
        'œ' => Lang::Fr,
        'ì' | 'ò' => Lang::It,
        _ => return None,
    })
}

/// Whether the lower-case letter `l` belongs to no supported language's alphabet (see
/// [`Evidence::alien`]). Names carry some into any text; a run of them is another language.
fn is_alien(l: char) -> bool {
    matches!(
        l,
        'ř' | 'ů' | 'ě' | 'č' | 'š' | 'ž' | 'ť' | 'ď' | 'ň' | 'ľ' | 'ĺ' | 'ŕ' // Czech, Slovak...
            | 'ő' | 'ű' // Hungarian
            | 'å' | 'ø' | 'æ' | 'ð' | 'þ' // Nordic
            | 'ı' | 'ş' | 'ğ' // Turkish
            | 'ș' | 'ț' | 'ă' // Romanian
            | 'ā' | 'ē' | 'ī' | 'ū' | 'ģ' | 'ķ' | 'ļ' | 'ņ' | 'ė' | 'ų' | 'į' | 'đ' // Baltic...
            | 'ў' // Belarusian
            | 'ј' | 'љ' | 'њ' | 'ћ' | 'ђ' | 'ѓ' | 'ќ' | 'ѕ' | 'џ' // Serbian, Macedonian
            | 'ә' | 'ғ' | 'қ' | 'ң' | 'ө' | 'ұ' | 'ү' | 'һ' | 'ҳ' | 'ӣ' | 'ӯ' | 'ҷ' // Central Asian
    )
}

/// Scans up to [`MAX_SCAN_CHARS`] characters of `text`.
pub(crate) fn scan(text: &str) -> Evidence {
    let mut ev = Evidence::default();
    let mut word = String::new();
    let mut prev_cyrillic = false;
    let mut pending_apostrophe = false;
    // Russian writes ъ only before е ё ю я (объявил); elsewhere it is Bulgarian (със, път).
    let mut pending_hard_sign = false;
    let flush = |word: &mut String, ev: &mut Evidence| {
        if word.is_empty() {
            return;
        }
        ev.tokens += 1;
        if word.len() <= MAX_WORD_BYTES {
            if let Some(&(mask, weight)) = WORDS.get(word.as_str()) {
                for (i, w) in ev.words.iter_mut().enumerate() {
                    if mask & (1 << i) != 0 {
                        *w += weight;
                    }
                }
            }
        }
        word.clear();
    };
    for c in text.chars().take(MAX_SCAN_CHARS) {
        let letter = lower_letter(c);
        if pending_hard_sign {
            match letter {
                Some('е' | 'ё' | 'ю' | 'я') => ev.ru_letters += 1,
                _ => ev.alien += 1,
            }
            pending_hard_sign = false;
        }
        if let Some(l) = letter {
            let cyr = is_cyrillic(c);
            if pending_apostrophe {
                if cyr && prev_cyrillic {
                    ev.uk_letters += 1;
                    word.push('\'');
                } else {
                    flush(&mut word, &mut ev);
                }
                pending_apostrophe = false;
            }
            word.push(l);
            if cyr {
                ev.cyrillic += 1;
                match l {
                    'і' | 'ї' | 'є' | 'ґ' => ev.uk_letters += 1,
                    'ы' | 'э' | 'ё' => ev.ru_letters += 1,
                    'ъ' => pending_hard_sign = true,
                    _ if is_alien(l) => ev.alien += 1,
                    _ => {}
                }
            } else if is_latin(c) {
                ev.latin += 1;
                if let Some(lang) = mark(l) {
                    ev.marks[index(lang)] += 1.0;
                } else if is_alien(l) {
                    ev.alien += 1;
                }
            } else {
                ev.other += 1;
            }
            prev_cyrillic = cyr;
        } else if is_apostrophe(c) && !word.is_empty() && !pending_apostrophe {
            pending_apostrophe = true;
        } else {
            pending_apostrophe = false;
            flush(&mut word, &mut ev);
            prev_cyrillic = false;
        }
    }
    if pending_hard_sign {
        ev.alien += 1;
    }
    flush(&mut word, &mut ev);
    ev
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_scripts_unique_letters_and_words() {
        let ev = scan("Він з'їв м’ясо, а потім пішов. The end");
        assert_eq!(ev.latin, 6);
        assert_eq!(ev.uk_letters, 6, "three і, one ї, two apostrophes");
        assert_eq!(ev.ru_letters, 0);
        assert!(ev.words[index(Lang::Uk)] > ev.words[index(Lang::Ru)]);
        assert!(ev.words[index(Lang::En)] > 0.0);
        let ev = scan("Объявил, что это ещё не всё");
        assert_eq!(ev.ru_letters, 4);
        assert_eq!(ev.uk_letters, 0);
        assert_eq!(ev.alien, 0);
    }

    #[test]
    fn letters_of_unsupported_languages_are_alien() {
        assert_eq!(scan("Правителството съобщи, че пътят").alien, 2, "Bulgarian ъ");
        assert_eq!(scan("Урад зацвердзіў").alien, 1, "Belarusian ў");
        assert_eq!(scan("příští").alien, 2, "Czech ř š");
        assert_eq!(scan("Şefčovič and Wałęsa").alien, 3, "ł and ę are Polish, not alien");
    }

    #[test]
    fn evidence_adds_up() {
        let mut a = scan("Der Hund und die Katze");
        let b = scan("Straße");
        a += b;
        assert_eq!(a.latin, 24);
        assert_eq!(a.marks[index(Lang::De)], 1.0);
    }

    #[test]
    fn fast_lower_case_agrees_with_unicode() {
        for c in ('\u{0}'..='\u{52f}').chain(['Ґ', 'ґ', 'ẞ', 'İ']) {
            let want = c.is_alphabetic().then(|| c.to_lowercase().next()).flatten();
            assert_eq!(lower_letter(c), want, "{c:?}");
        }
    }

    #[test]
    fn apostrophes_split_latin_words() {
        let ev = scan("l'armée");
        assert_eq!(ev.tokens, 2);
        assert_eq!(ev.uk_letters, 0);
    }
}
