//! Polish.

use super::{Pack, SentenceRules};
use parallax_model::Lang;

#[rustfmt::skip]
pub(super) const PACK: Pack = Pack {
    lang: Lang::Pl,
    function_words: &[
        "i", "w", "się", "na", "z", "nie", "do", "to", "że", "jest", "o", "jak", "a", "po", "ze",
        "co", "od", "dla", "tak", "jego", "jej", "ich", "przez", "był", "była", "było", "są",
        "może", "ale", "już", "także", "również", "tym", "który", "która", "które", "którzy",
        "oraz", "czy", "gdy", "jednak", "tylko", "przed", "pod", "nad", "we", "ten", "ta", "te",
        "tego", "będzie", "został", "została", "zostały", "podczas", "według", "jeszcze", "bardzo",
        "wszystko", "tej", "mówił", "powiedział",
    ],
    marker_words: &[
        "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
        "września", "października", "listopada", "grudnia", "poniedziałek", "wtorek", "środę",
        "czwartek", "piątek", "sobotę", "niedzielę", "roku", "lat",
    ],
    sentences: SentenceRules {
        prefixes: &[
            "dr.", "prof.", "mgr.", "inż.", "hab.", "gen.", "płk.", "ks.", "św.", "ul.", "al.",
            "pl.", "os.", "m.in.", "np.", "tj.", "tzw.", "tzn.", "ok.", "im.", "ang.", "niem.",
            "ros.", "ukr.", "pt.", "ws.", "godz.", "tel.", "red.",
        ],
        abbreviations: &[
            "r.", "w.", "br.", "sp.", "p.n.e.", "n.e.", "str.", "s.", "poz.", "kw.", "sty.", "lut.",
            "mar.", "kwi.", "cze.", "lip.", "sie.", "wrz.", "paź.", "lis.", "gru.",
        ],
        enders: &["itd.", "itp.", "etc.", "in.", "o.o."],
        starters: &[
            "w", "we", "na", "z", "ze", "do", "od", "po", "przez", "dla", "o", "i", "a", "ale",
            "lecz", "jednak", "to", "ten", "ta", "te", "tego", "tym", "on", "ona", "ono", "oni",
            "one", "my", "ja", "wy", "nie", "tak", "jak", "że", "gdy", "kiedy", "jeśli", "jeżeli",
            "choć", "chociaż", "już", "także", "również", "potem", "następnie", "wtedy", "dziś",
            "dzisiaj", "wczoraj", "jutro", "według", "podczas", "przed", "pod", "nad", "między",
            "co", "kto", "gdzie", "dlaczego", "jego", "jej", "ich", "wiele", "wszyscy", "niektórzy",
            "sam", "są", "jest", "było", "był", "była", "teraz", "zdaniem", "natomiast", "ponadto",
            "poza",
        ],
        ordinal_dot: true,
    },
};
