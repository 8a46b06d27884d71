//! Polish.

use super::{NumberWords, Pack, Rel, SentenceRules, TimeUnit, TimeWords};
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
    time: TIME,
    numbers: NUMBERS,
    speech: SPEECH,
    question: None,
};

#[rustfmt::skip]
const TIME: TimeWords = TimeWords {
    weekdays: &[
        ("poniedziałek", 1), ("wtorek", 2), ("środa", 3), ("środę", 3), ("czwartek", 4),
        ("piątek", 5), ("sobota", 6), ("sobotę", 6), ("niedziela", 7), ("niedzielę", 7),
    ],
    units: &[
        ("dzień", TimeUnit::Day), ("dni", TimeUnit::Day), ("tydzień", TimeUnit::Week),
        ("tygodnie", TimeUnit::Week), ("tygodni", TimeUnit::Week), ("miesiąc", TimeUnit::Month),
        ("miesiące", TimeUnit::Month), ("miesięcy", TimeUnit::Month), ("rok", TimeUnit::Year),
        ("lata", TimeUnit::Year), ("lat", TimeUnit::Year),
    ],
    bare_units: &["dzień", "tydzień", "miesiąc", "rok"],
    openers: &["w", "we"],
    intro: &["w", "od", "do", "po", "przed", "początku", "końcu", "połowie"],
    year_after: &["roku", "r."],
    year_before: &[],
    one: &[],
    relative: &[
        ("dziś", Rel::Days(0)), ("dzisiaj", Rel::Days(0)), ("wczoraj", Rel::Days(-1)),
        ("przedwczoraj", Rel::Days(-2)), ("jutro", Rel::Days(1)),
        ("w tym tygodniu", Rel::Weeks(0)), ("w zeszłym tygodniu", Rel::Weeks(-1)),
        ("w ubiegłym tygodniu", Rel::Weeks(-1)), ("w przyszłym tygodniu", Rel::Weeks(1)),
        ("w tym miesiącu", Rel::Months(0)), ("w zeszłym miesiącu", Rel::Months(-1)),
        ("w tym roku", Rel::Years(0)), ("w zeszłym roku", Rel::Years(-1)),
        ("w ubiegłym roku", Rel::Years(-1)), ("w przyszłym roku", Rel::Years(1)),
        ("dzień wcześniej", Rel::AnchorDays(-1)), ("następnego dnia", Rel::AnchorDays(1)),
        ("{n} {u} temu", Rel::Ago), ("{n} {u} później", Rel::After),
        ("{n} {u} wcześniej", Rel::Before),
        ("w zeszłą {w}", Rel::LastWeekday), ("w zeszły {w}", Rel::LastWeekday),
        ("w przyszłą {w}", Rel::NextWeekday), ("w przyszły {w}", Rel::NextWeekday),
    ],
    future_cues: &["będzie", "będą", "przyszły", "przyszłą"],
};

#[rustfmt::skip]
const NUMBERS: NumberWords = NumberWords {
    cardinals: &[
        ("dwa", 2), ("dwie", 2), ("trzy", 3), ("cztery", 4), ("pięć", 5), ("sześć", 6),
        ("siedem", 7), ("osiem", 8), ("dziewięć", 9), ("dziesięć", 10),
    ],
    scales: &[
        ("tys.", 1e3), ("tysiąc", 1e3), ("tysiące", 1e3), ("tysięcy", 1e3), ("mln", 1e6),
        ("milion", 1e6), ("miliony", 1e6), ("milionów", 1e6), ("mld", 1e9), ("miliard", 1e9),
        ("miliardy", 1e9), ("miliardów", 1e9),
    ],
    approx: &[
        ("około", "about"), ("ok.", "about"), ("prawie", "nearly"), ("blisko", "nearly"),
        ("ponad", "over"), ("więcej niż", "over"), ("do", "up to"), ("mniej niż", "under"),
        ("co najmniej", "at least"),
    ],
    units: &[
        ("proc.", "%"), ("procent", "%"), ("zł", "PLN"), ("złotych", "PLN"),
        ("dolarów", "USD"), ("euro", "EUR"), ("km", "km"), ("kilometrów", "km"),
        ("ton", "t"),
    ],
    decimal_comma: true,
};

/// Speech cues and source words (`crate::statements`); see [`super::SpeechRules`].
#[rustfmt::skip]
const SPEECH: super::SpeechRules = super::SpeechRules {
    verbs: &[
        "powiedzieć: powiedzia|ł|ła|ło|li|ły", "mówić: mówi, mówią, mówi|ł|ła|li",
        "oświadczyć: oświadczy|ł|ła|ło|li", "stwierdzić: stwierdzi|ł|ła|ło|li",
        "podkreślić: podkreśli|ł|ła|ło|li, podkreśla", "zaznaczyć: zaznaczy|ł|ła|ło|li, zaznacza",
        "dodać: doda|ł|ła|ło|li, dodaje", "zaprzeczyć: zaprzeczy|ł|ła|ło|li",
        "potwierdzić: potwierdzi|ł|ła|ło|li, potwierdza", "ostrzec: ostrzegł, ostrzegła, ostrzegli, ostrzega",
        "ogłosić: ogłosi|ł|ła|ło|li", "napisać: napisa|ł|ła|ło|li, pisze", "poinformować: poinformowa|ł|ła|ło|li, informuje",
        "przekazać: przekaza|ł|ła|ło|li, przekazuje", "wyjaśnić: wyjaśni|ł|ła|ło|li",
        "zapewnić: zapewni|ł|ła|ło|li", "odpowiedzieć: odpowiedzia|ł|ła|ło|li", "przyznać: przyzna|ł|ła|ło|li",
        "relacjonować: relacjonuje",
    ],
    stance_verbs: &["oskarżyć: oskarży|ł|ła|li, oskarża", "skrytykować: skrytykowa|ł|ła|li, krytykuje", "wezwać: wezwa|ł|ła|li"],
    belief_verbs: &["uważać: uważa, uważają", "sądzić: sądzi, sądzą", "wierzyć: wierzy", "pokazywać: pokazuje"],
    impersonal_verbs: &["mówić się: mówi się", "czytać: czytamy"],
    addressee_verbs: &["powiedzieć", "przekazać", "zapewnić"],
    source_phrases: &["według", "zdaniem", "jak podaje", "jak pisze", "jak informuje", "na podstawie"],
    source_postpositions: &[],
    citing_phrases: &["powołując się na", "cytując"],
    agent_phrases: &["uzyskane przez", "do których dotarł", "do których dotarła"],
    addressee_phrases: &["w rozmowie z", "w wywiadzie dla", "w wywiadzie z"],
    complementizers: &["że", "iż"],
    as_words: &["jak"],
    anaphora: &["o tym"],
    pronouns: &["on:m", "ona:f", "oni:p", "one:p"],
    relatives: &["który", "która", "którzy"],
    boundaries: &[
        "i", "a", "ale", "lub", "albo", "że", "gdy", "kiedy", "bo", "ponieważ", "jeśli", "choć",
        "w", "we", "na", "z", "ze", "do", "dla", "o", "od", "po", "pod", "nad", "przez", "przy",
        "bez", "za", "przed", "między", "także", "również",
    ],
    fillers: &["także", "również", "już", "jeszcze", "ponownie", "nie", "wczoraj", "dziś", "publicznie", "wcześniej"],
    outlet_nouns: &["gazeta", "dziennik", "agencja", "portal", "stacja", "tygodnik", "redakcja"],
    document_nouns: &["dokumenty", "dokumentów", "dokumentach", "raport", "raporcie", "list", "liście", "dane", "danych", "sondaż"],
    group_nouns: &["źródła", "źródło", "urzędnicy", "eksperci", "analitycy", "władze", "rzecznik"],
    addressee_nouns: &["dziennikarzom", "reporterom", "mediom", "prasie"],
    feminine_endings: &["ła"],
    masculine_endings: &["ł"],
    first_person: &["ja", "my", "mnie", "nas", "mój", "moja", "moje", "nasz", "nasza", "nasze", "nasi"],
    impersonal_modals: &["trzeba", "należy", "warto", "można", "wypada", "pozostaje"],
    demonstratives: &["to", "tym", "co", "które"],
    negations: &["nie", "nigdy"],
};
