//! German.

use super::{Pack, SentenceRules};
use parallax_model::Lang;

#[rustfmt::skip]
pub(super) const PACK: Pack = Pack {
    lang: Lang::De,
    function_words: &[
        "der", "die", "und", "in", "den", "von", "zu", "das", "mit", "sich", "des", "auf", "für",
        "ist", "im", "dem", "nicht", "ein", "eine", "als", "auch", "es", "an", "werden", "aus",
        "er", "hat", "dass", "sie", "nach", "wird", "bei", "einer", "um", "am", "sind", "noch",
        "wie", "einem", "über", "einen", "so", "zum", "war", "haben", "nur", "oder", "aber", "vor",
        "zur", "bis", "mehr", "durch", "man", "sein", "wurde", "sei", "ich", "wir", "kann", "gegen",
        "vom", "soll", "sagte",
    ],
    marker_words: &[
        "januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
        "oktober", "november", "dezember", "montag", "dienstag", "mittwoch", "donnerstag",
        "freitag", "samstag", "sonntag", "jahr", "jahre", "jahren",
    ],
    sentences: SentenceRules {
        prefixes: &[
            "Dr.", "Prof.", "Hr.", "Fr.", "Hrn.", "St.", "Nr.", "z. B.", "d. h.", "u. a.", "bzw.",
            "vgl.", "ca.", "sog.", "gem.", "inkl.", "exkl.", "ggf.", "evtl.", "bspw.", "v.", "Abs.",
            "Art.", "Tel.", "zzgl.", "Gen.",
        ],
        abbreviations: &[
            // German capitalises nouns, so even units stand before capitalised words ("5 Mio.
            // Euro"): only a sentence starter after them ends a sentence.
            "z. T.", "Jh.", "Jhd.", "Jan.", "Jän.", "Feb.", "Aug.", "Sept.", "Okt.", "Nov.", "Dez.",
            "Mio.", "Mrd.", "Tsd.", "Str.", "S.", "v. Chr.", "n. Chr.", "e. V.", "Co.", "Std.",
            "Min.", "Bd.", "Hrsg.", "a. D.",
        ],
        enders: &["usw.", "etc.", "u. Ä.", "o. Ä."],
        starters: &[
            "der", "die", "das", "ein", "eine", "einer", "er", "sie", "es", "wir", "ich", "ihr",
            "man", "in", "im", "am", "an", "auf", "aus", "bei", "mit", "nach", "seit", "von", "vor",
            "zu", "zum", "zur", "für", "über", "unter", "und", "aber", "doch", "denn", "oder", "so",
            "als", "wenn", "weil", "dass", "ob", "auch", "dies", "diese", "dieser", "dieses",
            "dann", "danach", "damit", "dabei", "dort", "hier", "heute", "gestern", "morgen", "nun",
            "jetzt", "noch", "schon", "nicht", "kein", "keine", "wie", "was", "wer", "wo", "warum",
            "zudem", "außerdem", "allerdings", "jedoch", "trotzdem", "laut", "bereits", "viele",
            "alle", "sein", "seine", "ihre", "den", "dem", "des", "inzwischen", "später", "zuvor",
            "daher", "deshalb",
        ],
        ordinal_dot: true,
    },
};
