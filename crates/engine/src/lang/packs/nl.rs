//! Dutch.

use super::{NumberWords, Pack, Rel, SentenceRules, TimeUnit, TimeWords};
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
    time: TIME,
    numbers: NUMBERS,
    speech: SPEECH,
    question: None,
};

#[rustfmt::skip]
const TIME: TimeWords = TimeWords {
    weekdays: &[
        ("maandag", 1), ("dinsdag", 2), ("woensdag", 3), ("donderdag", 4), ("vrijdag", 5),
        ("zaterdag", 6), ("zondag", 7),
    ],
    units: &[
        ("dag", TimeUnit::Day), ("dagen", TimeUnit::Day), ("week", TimeUnit::Week),
        ("weken", TimeUnit::Week), ("maand", TimeUnit::Month), ("maanden", TimeUnit::Month),
        ("jaar", TimeUnit::Year), ("jaren", TimeUnit::Year),
    ],
    bare_units: &["dag", "week", "maand", "jaar"],
    openers: &["op", "in"],
    intro: &["in", "sinds", "tot", "begin", "eind", "half", "medio", "vanaf"],
    year_after: &[],
    year_before: &["jaar"],
    one: &["een"],
    relative: &[
        ("vandaag", Rel::Days(0)), ("gisteren", Rel::Days(-1)),
        ("eergisteren", Rel::Days(-2)), ("morgen", Rel::Days(1)),
        ("deze week", Rel::Weeks(0)), ("vorige week", Rel::Weeks(-1)),
        ("volgende week", Rel::Weeks(1)), ("deze maand", Rel::Months(0)),
        ("vorige maand", Rel::Months(-1)), ("dit jaar", Rel::Years(0)),
        ("vorig jaar", Rel::Years(-1)), ("volgend jaar", Rel::Years(1)),
        ("de dag ervoor", Rel::AnchorDays(-1)), ("de volgende dag", Rel::AnchorDays(1)),
        ("{n} {u} geleden", Rel::Ago), ("{n} {u} later", Rel::After),
        ("{n} {u} eerder", Rel::Before),
        ("afgelopen {w}", Rel::LastWeekday), ("vorige {w}", Rel::LastWeekday),
        ("volgende {w}", Rel::NextWeekday), ("komende {w}", Rel::NextWeekday),
    ],
    future_cues: &["zal", "zullen", "volgende", "komende", "gepland"],
};

#[rustfmt::skip]
const NUMBERS: NumberWords = NumberWords {
    cardinals: &[
        ("twee", 2), ("drie", 3), ("vier", 4), ("vijf", 5), ("zes", 6), ("zeven", 7),
        ("acht", 8), ("negen", 9), ("tien", 10), ("twintig", 20), ("honderd", 100),
    ],
    scales: &[
        ("duizend", 1e3), ("miljoen", 1e6), ("mln", 1e6), ("miljard", 1e9), ("mld", 1e9),
    ],
    approx: &[
        ("ongeveer", "about"), ("circa", "about"), ("bijna", "nearly"), ("ruim", "over"),
        ("meer dan", "over"), ("tot", "up to"), ("minder dan", "under"), ("minstens", "at least"),
    ],
    units: &[
        ("procent", "%"), ("dollar", "USD"), ("euro", "EUR"), ("kilometer", "km"),
        ("ton", "t"),
    ],
    decimal_comma: true,
};

/// Speech cues and source words (`crate::statements`); see [`super::SpeechRules`].
#[rustfmt::skip]
const SPEECH: super::SpeechRules = super::SpeechRules {
    verbs: &[
        "zeggen: zei, zeiden, zegt, zeggen, gezegd", "verklaren: verklaarde, verklaarden, verklaart",
        "benadrukken: benadrukte, benadrukten, benadrukt", "melden: meldde, meldden, meldt",
        "schrijven: schreef, schreven, schrijft", "bevestigen: bevestigde, bevestigden, bevestigt",
        "ontkennen: ontkende, ontkenden, ontkent", "waarschuwen: waarschuwde, waarschuwden, waarschuwt",
        "aankondigen: kondigde aan, kondigt aan", "toevoegen: voegde toe, voegt toe",
        "stellen: stelde, stelden, stelt", "laten weten: liet weten, lieten weten, laat weten",
        "vertellen: vertelde, vertelden, vertelt", "antwoorden: antwoordde, antwoordt",
    ],
    stance_verbs: &["beschuldigen: beschuldigde, beschuldigt", "bekritiseren: bekritiseerde, bekritiseert", "oproepen: riep op, roept op"],
    belief_verbs: &["denken: denkt, dacht", "geloven: gelooft, geloofde", "vinden: vindt, vond", "tonen: toont, toonde"],
    impersonal_verbs: &[],
    addressee_verbs: &["zeggen", "vertellen"],
    source_phrases: &["volgens", "naar verluidt", "aldus"],
    source_postpositions: &[],
    citing_phrases: &["onder verwijzing naar", "met verwijzing naar"],
    agent_phrases: &["in handen van", "ingezien door"],
    addressee_phrases: &["in gesprek met", "in een interview met", "tegen"],
    complementizers: &["dat"],
    as_words: &["zoals"],
    anaphora: &[],
    pronouns: &["hij:m", "zij:f", "ze:p"],
    relatives: &["die"],
    boundaries: &[
        "en", "maar", "of", "dat", "toen", "als", "omdat", "terwijl", "nadat", "voordat", "in",
        "op", "aan", "bij", "met", "na", "van", "voor", "naar", "uit", "door", "over", "onder",
        "tegen", "tijdens", "zonder", "ook",
    ],
    fillers: &["ook", "al", "eerder", "opnieuw", "niet", "gisteren", "vandaag", "heeft", "hebben", "had", "publiekelijk"],
    outlet_nouns: &["krant", "dagblad", "persbureau", "omroep", "zender", "tijdschrift", "nieuwssite"],
    document_nouns: &["documenten", "document", "rapport", "brief", "gegevens", "peiling", "onderzoek"],
    group_nouns: &["bronnen", "ambtenaren", "experts", "analisten", "autoriteiten", "woordvoerder"],
    addressee_nouns: &["journalisten", "verslaggevers", "pers", "media"],
    feminine_endings: &[],
    masculine_endings: &[],
    first_person: &["ik", "wij", "we", "mij", "me", "ons", "onze", "mijn"],
    impersonal_modals: &["moet", "moeten", "valt", "blijft", "laat"],
    demonstratives: &["dit", "dat", "wat", "welk"],
    negations: &["niet", "nooit", "geen"],
};
