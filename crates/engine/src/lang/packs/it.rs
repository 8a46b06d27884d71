//! Italian.

use super::{Pack, SentenceRules};
use parallax_model::Lang;

#[rustfmt::skip]
pub(super) const PACK: Pack = Pack {
    lang: Lang::It,
    function_words: &[
        "di", "e", "il", "la", "che", "in", "a", "per", "un", "è", "del", "della", "non", "i", "le",
        "si", "con", "una", "da", "al", "alla", "dei", "delle", "gli", "lo", "ha", "sono", "nel",
        "nella", "come", "anche", "più", "ma", "su", "dal", "dalla", "ci", "questo", "questa",
        "essere", "stato", "stata", "loro", "suo", "sua", "tra", "fra", "ad", "ed", "ne", "se",
        "dopo", "secondo", "quando", "hanno", "già", "degli", "agli", "sulla", "perché", "detto",
    ],
    marker_words: &[
        "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
        "settembre", "ottobre", "novembre", "dicembre", "lunedì", "martedì", "mercoledì", "giovedì",
        "venerdì", "sabato", "domenica", "anno", "anni",
    ],
    sentences: SentenceRules {
        prefixes: &[
            "Sig.", "Sigg.", "Dott.", "Prof.", "Avv.", "Ing.", "Arch.", "On.", "Mons.", "Geom.",
            "Rag.", "p. es.", "ad es.", "cfr.", "ca.", "vs.", "tel.",
        ],
        abbreviations: &[
            "pag.", "pagg.", "art.", "artt.", "n.", "nn.", "sec.", "gen.", "feb.", "mar.", "apr.",
            "mag.", "giu.", "lug.", "ago.", "set.", "ott.", "nov.", "dic.", "S.p.A.", "S.r.l.",
            "a.C.", "d.C.", "vol.", "cap.", "ed.",
        ],
        enders: &["ecc.", "etc."],
        starters: &[
            "il", "lo", "la", "i", "gli", "le", "un", "uno", "una", "in", "di", "da", "con", "su",
            "per", "tra", "fra", "ma", "e", "o", "però", "quindi", "anche", "non", "che", "chi",
            "come", "quando", "se", "mentre", "dopo", "prima", "oggi", "ieri", "domani", "secondo",
            "questo", "questa", "questi", "quello", "quella", "lui", "lei", "loro", "noi", "io",
            "si", "ci", "ne", "nel", "nella", "del", "della", "al", "alla", "suo", "sua", "molti",
            "tutti", "alcuni", "intanto", "inoltre", "infatti", "tuttavia", "poi", "ora", "qui",
            "là", "l", "dall", "nell", "all", "dell",
        ],
        ordinal_dot: false,
    },
};
