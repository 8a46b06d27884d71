//! Dutch.

use super::{Pack, SentenceRules};
use parallax_model::Lang;

#[rustfmt::skip]
pub(super) const PACK: Pack = Pack {
    lang: Lang::Nl,
    function_words: &[
        "de", "het", "een", "van", "en", "in", "is", "dat", "op", "te", "zijn", "voor", "met",
        "die", "niet", "aan", "er", "om", "ook", "als", "bij", "maar", "dan", "uit", "wordt", "of",
        "door", "naar", "nog", "heeft", "hij", "ze", "zij", "werd", "over", "tot", "wel", "kan",
        "al", "na", "deze", "dit", "hun", "was", "waren", "worden", "hebben", "meer", "geen", "zou",
        "moet", "we", "wij", "ik", "haar", "tegen", "onder", "zegt", "volgens", "omdat", "toen",
        "nu", "wat",
    ],
    marker_words: &[
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
        "oktober", "november", "december", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag",
        "zaterdag", "zondag", "jaar", "jaren",
    ],
    sentences: SentenceRules {
        prefixes: &[
            "dhr.", "mevr.", "mw.", "dr.", "prof.", "mr.", "ir.", "drs.", "ing.", "St.", "o.a.",
            "bijv.", "bv.", "d.w.z.", "m.b.t.", "t.a.v.", "i.p.v.", "ca.", "resp.", "vs.", "nl.",
            "tel.",
        ],
        abbreviations: &[
            "jl.", "a.s.", "jr.", "sr.", "nr.", "blz.", "e.d.", "e.a.", "n.v.", "b.v.", "jan.",
            "feb.", "mrt.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "okt.", "nov.", "dec.",
            "v.Chr.", "n.Chr.",
        ],
        enders: &["enz.", "etc."],
        starters: &[
            "de", "het", "een", "in", "op", "aan", "met", "van", "voor", "na", "bij", "uit", "over",
            "door", "om", "tot", "en", "maar", "of", "want", "dus", "toch", "ook", "niet", "geen",
            "dat", "die", "dit", "deze", "er", "hij", "zij", "ze", "wij", "we", "ik", "jij", "u",
            "hun", "zijn", "haar", "hoe", "wat", "wie", "waar", "waarom", "wanneer", "als", "toen",
            "terwijl", "nadat", "voordat", "volgens", "daarna", "daarom", "daarnaast", "bovendien",
            "echter", "vandaag", "gisteren", "morgen", "nu", "al", "nog", "veel", "alle", "sommige",
            "tijdens", "sinds",
        ],
        ordinal_dot: false,
    },
};
