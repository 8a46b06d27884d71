//! Spanish.

use super::{NumberWords, Pack, Rel, SentenceRules, TimeUnit, TimeWords};
use parallax_model::Lang;

#[rustfmt::skip]
pub(super) const PACK: Pack = Pack {
    lang: Lang::Es,
    function_words: &[
        "de", "la", "que", "el", "en", "y", "a", "los", "del", "se", "las", "por", "un", "para",
        "con", "no", "una", "su", "al", "lo", "como", "más", "pero", "sus", "le", "ya", "o", "fue",
        "este", "ha", "sí", "porque", "esta", "entre", "cuando", "muy", "sin", "sobre", "también",
        "me", "hasta", "hay", "donde", "quien", "desde", "todo", "nos", "durante", "ni", "contra",
        "ese", "eso", "ante", "ellos", "e", "esto", "según", "tras", "aunque", "han", "son", "está",
        "están", "dijo",
    ],
    marker_words: &[
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
        "octubre", "noviembre", "diciembre", "lunes", "martes", "miércoles", "jueves", "viernes",
        "sábado", "domingo", "año", "años",
    ],
    sentences: SentenceRules {
        prefixes: &[
            "Sr.", "Sra.", "Srta.", "Dr.", "Dra.", "Lic.", "Ing.", "Prof.", "Arq.", "D.", "Dña.",
            "Gral.", "Cnel.", "Excmo.", "Excma.", "Sto.", "Sta.", "p. ej.", "vs.", "cf.", "aprox.",
            "EE.",
        ],
        abbreviations: &[
            "EE. UU.", "Ud.", "Uds.", "Vd.", "Vds.", "núm.", "pág.", "págs.", "art.", "cap.", "av.",
            "avda.", "tel.", "S. A.", "S. L.", "a. C.", "d. C.", "ene.", "feb.", "mar.", "abr.",
            "may.", "jun.", "jul.", "ago.", "sept.", "oct.", "nov.", "dic.", "vol.", "ed.", "cía.",
        ],
        enders: &["etc."],
        starters: &[
            "el", "la", "los", "las", "un", "una", "en", "de", "con", "por", "para", "pero", "y",
            "o", "sin", "este", "esta", "estos", "estas", "eso", "esto", "ese", "esa", "él", "ella",
            "ellos", "ellas", "nosotros", "yo", "se", "no", "sí", "además", "según", "así",
            "también", "tras", "durante", "desde", "cuando", "si", "aunque", "mientras", "después",
            "antes", "hoy", "ayer", "mañana", "al", "del", "lo", "le", "su", "sus", "muchos",
            "otros", "todo", "todos", "que", "qué", "cómo", "dónde", "ahora", "entonces", "allí",
            "aquí", "ya", "luego", "ninguna", "ningún", "nadie", "nada", "otro", "otra", "cada",
            "varios", "varias", "algunos", "algunas", "nuestro", "nuestra",
        ],
        ordinal_dot: false,
    },
    time: TIME,
    numbers: NUMBERS,
    speech: SPEECH,
};

#[rustfmt::skip]
const TIME: TimeWords = TimeWords {
    weekdays: &[
        ("lunes", 1), ("martes", 2), ("miércoles", 3), ("miercoles", 3), ("jueves", 4),
        ("viernes", 5), ("sábado", 6), ("sabado", 6), ("domingo", 7),
    ],
    units: &[
        ("día", TimeUnit::Day), ("días", TimeUnit::Day), ("semana", TimeUnit::Week),
        ("semanas", TimeUnit::Week), ("mes", TimeUnit::Month), ("meses", TimeUnit::Month),
        ("año", TimeUnit::Year), ("años", TimeUnit::Year),
    ],
    bare_units: &["día", "semana", "mes", "año"],
    openers: &["el", "en"],
    intro: &[
        "en", "desde", "hasta", "de", "del", "durante", "antes", "después", "principios",
        "finales", "mediados", "comienzos",
    ],
    year_after: &[],
    year_before: &["año"],
    one: &["un", "una"],
    relative: &[
        ("hoy", Rel::Days(0)), ("esta mañana", Rel::Days(0)), ("esta tarde", Rel::Days(0)),
        ("esta noche", Rel::Days(0)), ("ayer", Rel::Days(-1)), ("anoche", Rel::Days(-1)),
        ("anteayer", Rel::Days(-2)), ("antes de ayer", Rel::Days(-2)),
        ("antier", Rel::Days(-2)), ("pasado mañana", Rel::Days(2)),
        ("esta semana", Rel::Weeks(0)), ("la semana pasada", Rel::Weeks(-1)),
        ("la próxima semana", Rel::Weeks(1)), ("la semana próxima", Rel::Weeks(1)),
        ("la semana que viene", Rel::Weeks(1)),
        ("este mes", Rel::Months(0)), ("el mes pasado", Rel::Months(-1)),
        ("el próximo mes", Rel::Months(1)), ("el mes que viene", Rel::Months(1)),
        ("este año", Rel::Years(0)), ("el año pasado", Rel::Years(-1)),
        ("el próximo año", Rel::Years(1)), ("el año que viene", Rel::Years(1)),
        ("el día anterior", Rel::AnchorDays(-1)), ("la víspera {end}", Rel::AnchorDays(-1)),
        ("al día siguiente", Rel::AnchorDays(1)), ("el día siguiente", Rel::AnchorDays(1)),
        ("ese mismo día", Rel::AnchorDays(0)), ("el mismo día", Rel::AnchorDays(0)),
        ("hace {n} {u}", Rel::Ago), ("{n} {u} antes {end}", Rel::Before),
        ("{n} {u} después {end}", Rel::After), ("{n} {u} más tarde", Rel::After),
        ("el {w} pasado", Rel::LastWeekday), ("el pasado {w}", Rel::LastWeekday),
        ("el próximo {w}", Rel::NextWeekday), ("el {w} próximo", Rel::NextWeekday),
    ],
    future_cues: &["será", "serán", "celebrará", "próximo", "próxima", "prevé", "previsto"],
};

#[rustfmt::skip]
const NUMBERS: NumberWords = NumberWords {
    cardinals: &[
        ("uno", 1), ("dos", 2), ("tres", 3), ("cuatro", 4), ("cinco", 5), ("seis", 6),
        ("siete", 7), ("ocho", 8), ("nueve", 9), ("diez", 10), ("once", 11), ("doce", 12),
        ("trece", 13), ("catorce", 14), ("quince", 15), ("dieciséis", 16), ("diecisiete", 17),
        ("dieciocho", 18), ("diecinueve", 19), ("veinte", 20), ("treinta", 30),
        ("cuarenta", 40), ("cincuenta", 50), ("sesenta", 60), ("setenta", 70),
        ("ochenta", 80), ("noventa", 90), ("cien", 100), ("ciento", 100),
        ("doscientos", 200), ("doscientas", 200), ("trescientos", 300), ("quinientos", 500),
    ],
    scales: &[
        ("mil", 1e3), ("millón", 1e6), ("millones", 1e6), ("mill.", 1e6), ("mdd", 1e6),
        ("billón", 1e12), ("billones", 1e12),
    ],
    approx: &[
        ("unos", "about"), ("unas", "about"), ("alrededor de", "about"),
        ("aproximadamente", "about"), ("cerca de", "nearly"), ("casi", "nearly"),
        ("más de", "over"), ("hasta", "up to"), ("menos de", "under"),
        ("al menos", "at least"), ("por lo menos", "at least"),
    ],
    units: &[
        ("por ciento", "%"), ("dólares", "USD"), ("dólar", "USD"), ("euros", "EUR"),
        ("euro", "EUR"), ("rublos", "RUB"), ("pesos", "peso"), ("kilómetros", "km"),
        ("metros", "m"), ("toneladas", "t"), ("kilos", "kg"), ("kilogramos", "kg"),
        ("hectáreas", "ha"), ("barriles", "bbl"),
    ],
    decimal_comma: true,
};

/// Speech cues and source words (`crate::statements`); see [`super::SpeechRules`].
#[rustfmt::skip]
const SPEECH: super::SpeechRules = super::SpeechRules {
    verbs: &[
        "decir: dijo, dijeron, dice, dicen, ha dicho, han dicho, decía, diciendo",
        "afirmar: afirm|ó|aron|a|an|aba, ha afirmado",
        "declarar: declar|ó|aron|a|an|aba, ha declarado",
        "asegurar: asegur|ó|aron|a|an|aba, ha asegurado",
        "señalar: señal|ó|aron|a|an|aba, ha señalado",
        "indicar: indic|ó|aron|a|an|aba",
        "explicar: explic|ó|aron|a|an|aba",
        "añadir: añad|ió|ieron|e|en",
        "agregar: agreg|ó|aron|a|an",
        "negar: negó, negaron, niega, niegan",
        "confirmar: confirm|ó|aron|a|an",
        "advertir: advirtió, advirtieron, advierte, advierten",
        "anunciar: anunci|ó|aron|a|an",
        "escribir: escribi|ó|eron, escribe, escriben",
        "informar: inform|ó|aron|a|an",
        "reportar: report|ó|aron|a|an",
        "subrayar: subray|ó|aron|a|an",
        "destacar: destac|ó|aron|a|an",
        "sostener: sostuvo, sostuvieron, sostiene, sostienen",
        "insistir: insisti|ó|eron, insiste, insisten",
        "reconocer: reconoci|ó|eron, reconoce, reconocen",
        "admitir: admiti|ó|eron, admite, admiten",
        "preguntar: pregunt|ó|aron|a|an",
        "responder: respondi|ó|eron, responde, responden",
        "contar: contó, contaron, cuenta, cuentan",
        "manifestar: manifest|ó|aron, manifiesta, manifiestan",
        "precisar: precis|ó|aron|a|an",
        "publicar: public|ó|aron|a|an",
    ],
    stance_verbs: &[
        "acusar: acus|ó|aron|a|an", "criticar: critic|ó|aron|a|an", "calificar: calific|ó|aron|a|an",
        "pedir: pidió, pidieron, pide, piden", "instar: inst|ó|aron|a|an",
        "condenar: conden|ó|aron|a|an", "rechazar: rechaz|ó|aron|a|an",
    ],
    belief_verbs: &[
        "creer: cree, creen, creía, creyó", "considerar: consider|a|an|ó|aron",
        "pensar: piensa, piensan, pensaba", "estimar: estim|a|an|ó|aron",
        "mostrar: muestra, muestran, mostró",
    ],
    impersonal_verbs: &["señalarse: se señala", "indicarse: se indica", "afirmarse: se afirma", "decirse: se dice"],
    addressee_verbs: &["decir", "contar", "asegurar", "explicar"],
    source_phrases: &["según", "de acuerdo con", "a juicio de", "en palabras de", "citado por"],
    source_postpositions: &[],
    citing_phrases: &["citando a", "citando", "con base en"],
    agent_phrases: &["obtenidos por", "obtenidas por", "revisados por", "vistos por", "publicados por"],
    addressee_phrases: &["en una entrevista con", "en entrevista con", "en declaraciones a", "a"],
    complementizers: &["que"],
    as_words: &["como"],
    anaphora: &[],
    pronouns: &["él:m", "ella:f", "ellos:p", "ellas:p"],
    relatives: &["quien", "quienes"],
    boundaries: &[
        "y", "e", "pero", "o", "u", "que", "cuando", "porque", "aunque", "si", "mientras", "como",
        "en", "de", "del", "a", "al", "con", "por", "para", "sin", "sobre", "tras", "desde",
        "hasta", "entre", "durante", "ante", "contra", "según", "además", "también",
    ],
    fillers: &[
        "también", "ya", "no", "además", "luego", "después", "antes", "ayer", "hoy", "nuevamente",
        "públicamente", "recientemente", "ha", "han", "había", "habían",
    ],
    outlet_nouns: &["periódico", "diario", "medio", "agencia", "cadena", "revista", "publicación"],
    document_nouns: &["documento", "documentos", "informe", "informes", "carta", "datos", "comunicado", "encuesta"],
    group_nouns: &["fuentes", "fuente", "funcionarios", "analistas", "expertos", "autoridades", "portavoz"],
    addressee_nouns: &["periodistas", "reporteros", "prensa", "medios"],
    feminine_endings: &[],
    masculine_endings: &[],
};
