//! Italian.

use super::{NumberWords, Pack, Rel, SentenceRules, TimeUnit, TimeWords};
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
    time: TIME,
    numbers: NUMBERS,
    speech: SPEECH,
    question: None,
};

#[rustfmt::skip]
const TIME: TimeWords = TimeWords {
    weekdays: &[
        ("lunedì", 1), ("martedì", 2), ("mercoledì", 3), ("giovedì", 4), ("venerdì", 5),
        ("sabato", 6), ("domenica", 7),
    ],
    units: &[
        ("giorno", TimeUnit::Day), ("giorni", TimeUnit::Day), ("settimana", TimeUnit::Week),
        ("settimane", TimeUnit::Week), ("mese", TimeUnit::Month), ("mesi", TimeUnit::Month),
        ("anno", TimeUnit::Year), ("anni", TimeUnit::Year),
    ],
    bare_units: &["giorno", "settimana", "mese", "anno"],
    openers: &["il", "nel"],
    intro: &["nel", "dal", "fino", "a", "inizio", "fine", "metà", "entro"],
    year_after: &[],
    year_before: &["anno"],
    one: &["un", "una"],
    relative: &[
        ("oggi", Rel::Days(0)), ("ieri", Rel::Days(-1)), ("l'altro ieri", Rel::Days(-2)),
        ("domani", Rel::Days(1)), ("questa settimana", Rel::Weeks(0)),
        ("la settimana scorsa", Rel::Weeks(-1)), ("la settimana prossima", Rel::Weeks(1)),
        ("questo mese", Rel::Months(0)), ("il mese scorso", Rel::Months(-1)),
        ("quest'anno", Rel::Years(0)), ("l'anno scorso", Rel::Years(-1)),
        ("il giorno prima", Rel::AnchorDays(-1)), ("il giorno dopo", Rel::AnchorDays(1)),
        ("{n} {u} fa", Rel::Ago), ("{n} {u} dopo", Rel::After), ("{n} {u} prima", Rel::Before),
        ("{w} scorso", Rel::LastWeekday), ("{w} scorsa", Rel::LastWeekday),
        ("{w} prossimo", Rel::NextWeekday), ("{w} prossima", Rel::NextWeekday),
    ],
    future_cues: &["sarà", "saranno", "prossimo", "prossima", "previsto", "prevista"],
};

#[rustfmt::skip]
const NUMBERS: NumberWords = NumberWords {
    cardinals: &[
        ("due", 2), ("tre", 3), ("quattro", 4), ("cinque", 5), ("sei", 6), ("sette", 7),
        ("otto", 8), ("nove", 9), ("dieci", 10), ("venti", 20), ("cento", 100),
    ],
    scales: &[
        ("mila", 1e3), ("mille", 1e3), ("milione", 1e6), ("milioni", 1e6), ("mln", 1e6),
        ("miliardo", 1e9), ("miliardi", 1e9), ("mld", 1e9),
    ],
    approx: &[
        ("circa", "about"), ("quasi", "nearly"), ("oltre", "over"), ("più di", "over"),
        ("fino a", "up to"), ("meno di", "under"), ("almeno", "at least"),
    ],
    units: &[
        ("per cento", "%"), ("dollari", "USD"), ("euro", "EUR"), ("chilometri", "km"),
        ("tonnellate", "t"),
    ],
    decimal_comma: true,
};

/// Speech cues and source words (`crate::statements`); see [`super::SpeechRules`].
#[rustfmt::skip]
const SPEECH: super::SpeechRules = super::SpeechRules {
    verbs: &[
        "dire: ha detto, hanno detto, dice, dicono, disse", "dichiarare: ha dichiarato, hanno dichiarato, dichiara, dichiarano",
        "affermare: ha affermato, afferma, affermano", "sottolineare: ha sottolineato, sottolinea",
        "spiegare: ha spiegato, spiega", "aggiungere: ha aggiunto, aggiunge",
        "negare: ha negato, nega", "smentire: ha smentito, smentisce", "confermare: ha confermato, conferma",
        "avvertire: ha avvertito, avverte", "annunciare: ha annunciato, annuncia", "scrivere: ha scritto, scrive",
        "riferire: ha riferito, riferisce", "assicurare: ha assicurato, assicura", "precisare: ha precisato, precisa",
        "rispondere: ha risposto, risponde",
    ],
    stance_verbs: &["accusare: ha accusato, accusa", "criticare: ha criticato, critica"],
    belief_verbs: &["credere: crede, credono", "pensare: pensa, pensano", "ritenere: ritiene, ritengono"],
    impersonal_verbs: &[],
    addressee_verbs: &["dire", "assicurare", "spiegare"],
    source_phrases: &["secondo", "stando a", "a detta di"],
    source_postpositions: &[],
    citing_phrases: &["citando"],
    agent_phrases: &["ottenuti da", "visionati da"],
    addressee_phrases: &["in un'intervista a", "in un'intervista con", "a"],
    complementizers: &["che"],
    as_words: &["come"],
    anaphora: &[],
    pronouns: &["lui:m", "lei:f", "loro:p"],
    relatives: &["che", "il quale", "la quale"],
    boundaries: &[
        "e", "ma", "o", "che", "quando", "perché", "se", "mentre", "in", "di", "del", "della", "a",
        "al", "alla", "con", "per", "su", "da", "dal", "dalla", "tra", "fra", "dopo", "prima",
        "durante", "contro", "secondo", "anche",
    ],
    fillers: &["anche", "già", "ancora", "non", "ieri", "oggi", "pubblicamente", "ha", "hanno", "aveva"],
    outlet_nouns: &["giornale", "quotidiano", "agenzia", "emittente", "rivista", "testata"],
    document_nouns: &["documenti", "documento", "rapporto", "lettera", "dati", "sondaggio", "studio"],
    group_nouns: &["fonti", "funzionari", "esperti", "analisti", "autorità", "portavoce"],
    addressee_nouns: &["giornalisti", "cronisti", "stampa", "media"],
    feminine_endings: &[],
    masculine_endings: &[],
    first_person: &["io", "noi", "mi", "ci", "mio", "mia", "miei", "nostro", "nostra", "nostri", "nostre"],
    impersonal_modals: &["occorre", "bisogna", "va", "vale", "basta", "deve", "importa"],
    demonstratives: &["questo", "ciò", "quello", "che"],
    negations: &["non", "mai"],
};
