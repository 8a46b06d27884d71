//! French.

use super::{Pack, SentenceRules};
use parallax_model::Lang;

#[rustfmt::skip]
pub(super) const PACK: Pack = Pack {
    lang: Lang::Fr,
    function_words: &[
        "de", "la", "le", "et", "les", "des", "en", "un", "du", "une", "que", "est", "pour", "qui",
        "dans", "a", "par", "plus", "pas", "au", "sur", "ne", "se", "ce", "il", "sont", "aux",
        "avec", "son", "sa", "ses", "elle", "ont", "été", "mais", "ou", "leur", "nous", "cette",
        "ces", "comme", "tout", "être", "fait", "après", "aussi", "selon", "lors", "entre", "sans",
        "ils", "elles", "on", "y", "dont", "avait", "où", "depuis", "contre", "déjà", "très",
    ],
    marker_words: &[
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
        "samedi", "dimanche", "année", "ans",
    ],
    sentences: SentenceRules {
        prefixes: &[
            "MM.", "Mme.", "Mlle.", "Mgr.", "Pr.", "Dr.", "Me.", "Gén.", "Col.", "St.", "Ste.",
            "cf.", "p. ex.", "c.-à-d.", "env.", "vs.", "n°.", "tél.",
        ],
        abbreviations: &[
            "av.", "bd.", "art.", "vol.", "chap.", "éd.", "coll.", "p.", "pp.", "janv.", "févr.",
            "avr.", "juil.", "sept.", "oct.", "nov.", "déc.", "av. J.-C.", "apr. J.-C.", "Cie.",
            "S. A.",
        ],
        enders: &["etc."],
        starters: &[
            "le", "la", "les", "l", "un", "une", "des", "il", "elle", "ils", "elles", "on", "nous",
            "je", "vous", "ce", "cette", "ces", "cela", "c", "mais", "et", "ou", "donc", "or",
            "car", "en", "dans", "pour", "par", "sur", "avec", "sans", "selon", "après", "avant",
            "depuis", "lors", "quand", "si", "alors", "aussi", "puis", "ensuite", "cependant",
            "pourtant", "toutefois", "enfin", "d", "de", "du", "au", "aux", "son", "sa", "ses",
            "leur", "leurs", "y", "ne", "pas", "tous", "plusieurs", "certains", "aujourd", "hier",
            "demain", "jusqu", "parmi", "ainsi", "là", "ici",
        ],
        ordinal_dot: false,
    },
};
