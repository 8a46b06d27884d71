//! French.

use super::{NumberWords, Pack, Rel, SentenceRules, TimeUnit, TimeWords};
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
    time: TIME,
    numbers: NUMBERS,
    speech: SPEECH,
    question: None,
};

#[rustfmt::skip]
const TIME: TimeWords = TimeWords {
    weekdays: &[
        ("lundi", 1), ("mardi", 2), ("mercredi", 3), ("jeudi", 4), ("vendredi", 5),
        ("samedi", 6), ("dimanche", 7),
    ],
    units: &[
        ("jour", TimeUnit::Day), ("jours", TimeUnit::Day), ("semaine", TimeUnit::Week),
        ("semaines", TimeUnit::Week), ("mois", TimeUnit::Month), ("an", TimeUnit::Year),
        ("ans", TimeUnit::Year), ("année", TimeUnit::Year), ("années", TimeUnit::Year),
    ],
    bare_units: &["jour", "semaine", "mois", "an", "année"],
    openers: &["le", "en"],
    intro: &["en", "depuis", "jusqu'en", "début", "fin", "mi", "dès", "avant", "après"],
    year_after: &[],
    year_before: &["année"],
    one: &["un", "une"],
    relative: &[
        ("aujourd'hui", Rel::Days(0)), ("hier", Rel::Days(-1)), ("avant-hier", Rel::Days(-2)),
        ("demain", Rel::Days(1)), ("cette semaine", Rel::Weeks(0)),
        ("la semaine dernière", Rel::Weeks(-1)), ("la semaine prochaine", Rel::Weeks(1)),
        ("ce mois-ci", Rel::Months(0)), ("le mois dernier", Rel::Months(-1)),
        ("cette année", Rel::Years(0)), ("l'année dernière", Rel::Years(-1)),
        ("l'an dernier", Rel::Years(-1)), ("l'an passé", Rel::Years(-1)),
        ("la veille {end}", Rel::AnchorDays(-1)), ("le lendemain", Rel::AnchorDays(1)),
        ("il y a {n} {u}", Rel::Ago), ("{n} {u} plus tard", Rel::After),
        ("{n} {u} plus tôt", Rel::Before),
        ("{w} dernier", Rel::LastWeekday), ("{w} prochain", Rel::NextWeekday),
    ],
    future_cues: &["sera", "seront", "prochain", "prochaine", "prévu", "prévue"],
};

#[rustfmt::skip]
const NUMBERS: NumberWords = NumberWords {
    cardinals: &[
        ("deux", 2), ("trois", 3), ("quatre", 4), ("cinq", 5), ("six", 6), ("sept", 7),
        ("huit", 8), ("neuf", 9), ("dix", 10), ("onze", 11), ("douze", 12), ("quinze", 15),
        ("vingt", 20), ("trente", 30), ("quarante", 40), ("cinquante", 50), ("cent", 100),
    ],
    scales: &[
        ("mille", 1e3), ("million", 1e6), ("millions", 1e6), ("milliard", 1e9),
        ("milliards", 1e9),
    ],
    approx: &[
        ("environ", "about"), ("près de", "nearly"), ("presque", "nearly"),
        ("plus de", "over"), ("moins de", "under"), ("jusqu'à", "up to"),
        ("au moins", "at least"),
    ],
    units: &[
        ("pour cent", "%"), ("dollars", "USD"), ("euros", "EUR"), ("kilomètres", "km"),
        ("tonnes", "t"),
    ],
    decimal_comma: true,
};

/// Speech cues and source words (`crate::statements`); see [`super::SpeechRules`].
#[rustfmt::skip]
const SPEECH: super::SpeechRules = super::SpeechRules {
    verbs: &[
        "dire: a dit, ont dit, dit, disent", "déclarer: a déclaré, ont déclaré, déclare, déclarent, déclarait",
        "affirmer: a affirmé, ont affirmé, affirme, affirment", "souligner: a souligné, ont souligné, souligne, soulignent",
        "indiquer: a indiqué, ont indiqué, indique, indiquent", "expliquer: a expliqué, ont expliqué, explique, expliquent",
        "ajouter: a ajouté, ont ajouté, ajoute, ajoutent", "nier: a nié, ont nié, nie, nient",
        "démentir: a démenti, ont démenti, dément", "confirmer: a confirmé, ont confirmé, confirme, confirment",
        "avertir: a averti, ont averti, avertit", "annoncer: a annoncé, ont annoncé, annonce, annoncent",
        "écrire: a écrit, ont écrit, écrit, écrivent", "rapporter: a rapporté, rapporte, rapportent",
        "assurer: a assuré, ont assuré, assure, assurent", "estimer: a estimé, estime, estiment",
        "préciser: a précisé, précise, précisent", "répondre: a répondu, répond",
    ],
    stance_verbs: &["accuser: a accusé, accuse, accusent", "critiquer: a critiqué, critique", "appeler: a appelé, appelle"],
    belief_verbs: &["croire: croit, croient, a cru", "penser: pense, pensent", "montrer: montre, montrent"],
    impersonal_verbs: &[],
    addressee_verbs: &["dire", "assurer", "expliquer"],
    source_phrases: &["selon", "d'après", "de l'avis de"],
    source_postpositions: &[],
    citing_phrases: &["citant", "en citant"],
    agent_phrases: &["obtenus par", "consultés par"],
    addressee_phrases: &["dans un entretien avec", "dans une interview à", "à"],
    complementizers: &["que", "qu'"],
    as_words: &["comme"],
    anaphora: &[],
    pronouns: &["il:m", "elle:f", "ils:p", "elles:p"],
    relatives: &["qui"],
    boundaries: &[
        "et", "mais", "ou", "que", "quand", "lorsque", "parce", "si", "alors", "dans", "de", "du",
        "des", "à", "au", "aux", "avec", "par", "pour", "sans", "sur", "sous", "après", "avant",
        "depuis", "pendant", "entre", "contre", "selon", "aussi",
    ],
    fillers: &["aussi", "déjà", "encore", "ne", "pas", "hier", "également", "publiquement", "a", "ont", "avait"],
    outlet_nouns: &["journal", "quotidien", "agence", "chaîne", "magazine", "média"],
    document_nouns: &["documents", "document", "rapport", "lettre", "données", "sondage", "étude"],
    group_nouns: &["sources", "responsables", "experts", "analystes", "autorités", "porte-parole"],
    addressee_nouns: &["journalistes", "presse", "médias"],
    feminine_endings: &[],
    masculine_endings: &[],
    first_person: &["je", "nous", "moi", "mon", "ma", "mes", "notre", "nos"],
    impersonal_modals: &["faut", "convient", "importe", "reste", "doit"],
    demonstratives: &["cela", "ceci", "ça", "ce", "qui", "que"],
    negations: &["ne", "n'", "pas", "jamais"],
};
