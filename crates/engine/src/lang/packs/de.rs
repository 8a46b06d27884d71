//! German.

use super::{NumberWords, Pack, Rel, SentenceRules, TimeUnit, TimeWords};
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
    time: TIME,
    numbers: NUMBERS,
    speech: SPEECH,
};

#[rustfmt::skip]
const TIME: TimeWords = TimeWords {
    weekdays: &[
        ("montag", 1), ("dienstag", 2), ("mittwoch", 3), ("donnerstag", 4), ("freitag", 5),
        ("samstag", 6), ("sonnabend", 6), ("sonntag", 7),
    ],
    units: &[
        ("tag", TimeUnit::Day), ("tage", TimeUnit::Day), ("tagen", TimeUnit::Day),
        ("woche", TimeUnit::Week), ("wochen", TimeUnit::Week), ("monat", TimeUnit::Month),
        ("monate", TimeUnit::Month), ("monaten", TimeUnit::Month), ("jahr", TimeUnit::Year),
        ("jahre", TimeUnit::Year), ("jahren", TimeUnit::Year),
    ],
    bare_units: &["tag", "woche", "monat", "jahr"],
    openers: &["am", "im"],
    intro: &[
        "im", "seit", "bis", "ab", "von", "vom", "anfang", "ende", "mitte", "vor", "nach",
        "während", "letzten", "vergangenen", "diesen",
    ],
    year_after: &[],
    year_before: &["jahr", "jahre", "jahres"],
    one: &["einem", "einer", "einen", "ein", "eine"],
    relative: &[
        ("heute", Rel::Days(0)), ("heute morgen", Rel::Days(0)), ("gestern", Rel::Days(-1)),
        ("gestern abend", Rel::Days(-1)), ("vorgestern", Rel::Days(-2)),
        ("übermorgen", Rel::Days(2)),
        ("diese woche", Rel::Weeks(0)), ("in dieser woche", Rel::Weeks(0)),
        ("letzte woche", Rel::Weeks(-1)), ("vergangene woche", Rel::Weeks(-1)),
        ("in der vergangenen woche", Rel::Weeks(-1)), ("in der letzten woche", Rel::Weeks(-1)),
        ("vorige woche", Rel::Weeks(-1)), ("nächste woche", Rel::Weeks(1)),
        ("in der kommenden woche", Rel::Weeks(1)),
        ("diesen monat", Rel::Months(0)), ("in diesem monat", Rel::Months(0)),
        ("anfang des monats", Rel::Months(0)), ("letzten monat", Rel::Months(-1)),
        ("im vergangenen monat", Rel::Months(-1)), ("im letzten monat", Rel::Months(-1)),
        ("vergangenen monat", Rel::Months(-1)), ("nächsten monat", Rel::Months(1)),
        ("dieses jahr", Rel::Years(0)), ("in diesem jahr", Rel::Years(0)),
        ("dieses jahres", Rel::Years(0)), ("letztes jahr", Rel::Years(-1)),
        ("im vergangenen jahr", Rel::Years(-1)), ("im letzten jahr", Rel::Years(-1)),
        ("vergangenes jahr", Rel::Years(-1)), ("voriges jahr", Rel::Years(-1)),
        ("im vorigen jahr", Rel::Years(-1)), ("vergangenen jahres", Rel::Years(-1)),
        ("nächstes jahr", Rel::Years(1)), ("im kommenden jahr", Rel::Years(1)),
        ("am tag zuvor", Rel::AnchorDays(-1)), ("am vortag", Rel::AnchorDays(-1)),
        ("tags zuvor", Rel::AnchorDays(-1)), ("einen tag zuvor", Rel::AnchorDays(-1)),
        ("am nächsten tag", Rel::AnchorDays(1)), ("am folgenden tag", Rel::AnchorDays(1)),
        ("tags darauf", Rel::AnchorDays(1)), ("am selben tag", Rel::AnchorDays(0)),
        ("am gleichen tag", Rel::AnchorDays(0)),
        ("vor {n} {u}", Rel::Ago), ("{n} {u} zuvor", Rel::Before),
        ("{n} {u} vorher", Rel::Before), ("{n} {u} früher", Rel::Before),
        ("{n} {u} später", Rel::After), ("{n} {u} danach", Rel::After),
        ("letzten {w}", Rel::LastWeekday), ("am letzten {w}", Rel::LastWeekday),
        ("vergangenen {w}", Rel::LastWeekday), ("am vergangenen {w}", Rel::LastWeekday),
        ("nächsten {w}", Rel::NextWeekday), ("am nächsten {w}", Rel::NextWeekday),
        ("kommenden {w}", Rel::NextWeekday), ("am kommenden {w}", Rel::NextWeekday),
    ],
    future_cues: &["wird", "kommenden", "nächsten", "geplant", "soll", "sollen"],
};

#[rustfmt::skip]
const NUMBERS: NumberWords = NumberWords {
    cardinals: &[
        ("zwei", 2), ("drei", 3), ("vier", 4), ("fünf", 5), ("sechs", 6), ("sieben", 7),
        ("acht", 8), ("neun", 9), ("zehn", 10), ("elf", 11), ("zwölf", 12), ("dreizehn", 13),
        ("vierzehn", 14), ("fünfzehn", 15), ("sechzehn", 16), ("siebzehn", 17),
        ("achtzehn", 18), ("neunzehn", 19), ("zwanzig", 20), ("dreißig", 30),
        ("vierzig", 40), ("fünfzig", 50), ("sechzig", 60), ("siebzig", 70), ("achtzig", 80),
        ("neunzig", 90), ("hundert", 100), ("zweihundert", 200), ("dreihundert", 300),
        ("fünfhundert", 500),
    ],
    scales: &[
        ("tausend", 1e3), ("tsd.", 1e3), ("million", 1e6), ("millionen", 1e6), ("mio.", 1e6),
        ("milliarde", 1e9), ("milliarden", 1e9), ("mrd.", 1e9), ("billion", 1e12),
        ("billionen", 1e12),
    ],
    approx: &[
        ("etwa", "about"), ("rund", "about"), ("ungefähr", "about"), ("circa", "about"),
        ("ca.", "about"), ("zirka", "about"), ("fast", "nearly"), ("beinahe", "nearly"),
        ("knapp", "nearly"), ("mehr als", "over"), ("über", "over"), ("bis zu", "up to"),
        ("weniger als", "under"), ("unter", "under"), ("mindestens", "at least"),
        ("wenigstens", "at least"),
    ],
    units: &[
        ("prozent", "%"), ("prozentpunkte", "pp"), ("dollar", "USD"), ("euro", "EUR"),
        ("rubel", "RUB"), ("kilometer", "km"), ("kilometern", "km"), ("meter", "m"),
        ("metern", "m"), ("tonnen", "t"), ("tonne", "t"), ("kilogramm", "kg"),
        ("hektar", "ha"), ("barrel", "bbl"),
    ],
    decimal_comma: true,
};

/// Speech cues and source words (`crate::statements`); see [`super::SpeechRules`].
#[rustfmt::skip]
const SPEECH: super::SpeechRules = super::SpeechRules {
    verbs: &[
        "sagen: sagte, sagten, sagt, sagen, gesagt",
        "erklären: erklärte, erklärten, erklärt, erklären",
        "betonen: betonte, betonten, betont, betonen",
        "teilen mit: teilte mit, teilten mit, teilt mit",
        "berichten: berichtete, berichteten, berichtet, berichten",
        "schreiben: schrieb, schrieben, schreibt, schreiben",
        "bestätigen: bestätigte, bestätigten, bestätigt",
        "dementieren: dementierte, dementierten, dementiert",
        "bestreiten: bestritt, bestritten, bestreitet",
        "warnen: warnte, warnten, warnt",
        "kündigen an: kündigte an, kündigten an, kündigt an",
        "fügen hinzu: fügte hinzu, fügten hinzu, fügt hinzu",
        "behaupten: behauptete, behaupteten, behauptet",
        "versichern: versicherte, versicherten, versichert",
        "sprechen: sprach, sprachen, spricht",
        "meinen: meinte, meinten, meint",
        "fragen: fragte, fragten, fragt",
        "antworten: antwortete, antworteten, antwortet",
        "erzählen: erzählte, erzählten, erzählt",
        "unterstreichen: unterstrich, unterstrichen, unterstreicht",
        "räumen ein: räumte ein, räumten ein, räumt ein",
        "hinweisen: wies darauf hin, weist darauf hin",
    ],
    stance_verbs: &[
        "kritisieren: kritisierte, kritisierten, kritisiert", "fordern: forderte, forderten, fordert",
        "vorwerfen: warf vor, warfen vor, wirft vor", "nennen: nannte, nannten, nennt",
        "verurteilen: verurteilte, verurteilten, verurteilt",
    ],
    belief_verbs: &[
        "glauben: glaubt, glaubte, glauben", "denken: denkt, dachte",
        "halten für: hält, hielt", "zeigen: zeigt, zeigen, zeigte",
    ],
    impersonal_verbs: &["heißen: heißt es, hieß es"],
    addressee_verbs: &["sagen", "erklären", "versichern", "erzählen"],
    source_phrases: &["laut", "nach angaben", "nach ansicht", "nach einschätzung", "nach informationen"],
    source_postpositions: &["zufolge"],
    citing_phrases: &["unter berufung auf", "mit verweis auf", "mit bezug auf"],
    agent_phrases: &["vorliegen", "eingesehen von", "veröffentlicht von"],
    addressee_phrases: &["im gespräch mit", "im interview mit", "gegenüber"],
    complementizers: &["dass", "daß"],
    as_words: &["wie"],
    anaphora: &["dies"],
    pronouns: &["er:m", "sie:f", "es:n"],
    relatives: &["welcher", "welche"],
    boundaries: &[
        "und", "aber", "oder", "doch", "sondern", "dass", "weil", "wenn", "als", "während",
        "nachdem", "bevor", "obwohl", "ob", "in", "im", "am", "an", "auf", "aus", "bei", "mit",
        "nach", "seit", "von", "vom", "vor", "zu", "zum", "zur", "für", "über", "unter", "gegen",
        "durch", "ohne", "um", "zudem", "außerdem", "auch",
    ],
    fillers: &[
        "auch", "bereits", "schon", "zuvor", "erneut", "wieder", "nicht", "am", "gestern",
        "heute", "zudem", "hat", "habe", "hatte", "hatten", "haben", "öffentlich", "nun", "jetzt",
    ],
    outlet_nouns: &["zeitung", "blatt", "agentur", "nachrichtenagentur", "sender", "magazin", "portal"],
    document_nouns: &["dokumente", "dokumenten", "bericht", "berichten", "brief", "daten", "papier", "unterlagen", "umfrage", "studie"],
    group_nouns: &["quellen", "kreisen", "beamte", "experten", "analysten", "behörden", "sprecher", "sprecherin"],
    addressee_nouns: &["journalisten", "reportern", "presse", "medien"],
    feminine_endings: &[],
    masculine_endings: &[],
};
