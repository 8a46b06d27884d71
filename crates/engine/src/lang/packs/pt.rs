//! Portuguese.

use super::{NumberWords, Pack, Rel, SentenceRules, TimeUnit, TimeWords};
use parallax_model::Lang;

#[rustfmt::skip]
pub(super) const PACK: Pack = Pack {
    lang: Lang::Pt,
    function_words: &[
        "de", "a", "o", "que", "e", "do", "da", "em", "um", "para", "é", "com", "não", "uma", "os",
        "no", "se", "na", "por", "mais", "as", "dos", "como", "mas", "foi", "ao", "ele", "das",
        "tem", "à", "seu", "sua", "ou", "ser", "quando", "muito", "há", "nos", "já", "está",
        "também", "só", "pelo", "pela", "até", "isso", "ela", "entre", "era", "depois", "sem",
        "mesmo", "aos", "ter", "seus", "quem", "nas", "esse", "eles", "essa", "num", "nem", "suas",
        "segundo", "disse", "são", "após", "sobre", "pelos",
    ],
    marker_words: &[
        "janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro",
        "outubro", "novembro", "dezembro", "feira", "sábado", "domingo", "ano", "anos",
    ],
    sentences: SentenceRules {
        prefixes: &[
            "Sr.", "Sra.", "Srta.", "Dr.", "Dra.", "Prof.", "Profa.", "Eng.", "Gen.", "D.", "Exmo.",
            "Exma.", "p. ex.", "cf.", "vs.", "tel.",
        ],
        abbreviations: &[
            "av.", "r.", "pág.", "págs.", "art.", "cap.", "jan.", "fev.", "mar.", "abr.", "mai.",
            "jun.", "jul.", "ago.", "set.", "out.", "nov.", "dez.", "a.C.", "d.C.", "S.A.", "Ltda.",
            "vol.", "ed.", "Cia.",
        ],
        enders: &["etc."],
        starters: &[
            "o", "a", "os", "as", "um", "uma", "em", "no", "na", "nos", "nas", "de", "do", "da",
            "dos", "das", "com", "por", "para", "pelo", "pela", "mas", "e", "ou", "porém",
            "contudo", "entretanto", "também", "não", "que", "quem", "como", "quando", "se",
            "enquanto", "depois", "antes", "hoje", "ontem", "amanhã", "segundo", "este", "esta",
            "esse", "essa", "isso", "isto", "aquele", "ele", "ela", "eles", "elas", "nós", "eu",
            "você", "seu", "sua", "muitos", "todos", "alguns", "já", "ainda", "assim", "então",
            "agora", "lá", "aqui", "além", "após", "desde",
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
        ("segunda-feira", 1), ("segunda", 1), ("terça-feira", 2), ("terça", 2),
        ("quarta-feira", 3), ("quarta", 3), ("quinta-feira", 4), ("quinta", 4),
        ("sexta-feira", 5), ("sexta", 5), ("sábado", 6), ("domingo", 7),
    ],
    units: &[
        ("dia", TimeUnit::Day), ("dias", TimeUnit::Day), ("semana", TimeUnit::Week),
        ("semanas", TimeUnit::Week), ("mês", TimeUnit::Month), ("meses", TimeUnit::Month),
        ("ano", TimeUnit::Year), ("anos", TimeUnit::Year),
    ],
    bare_units: &["dia", "semana", "mês", "ano"],
    openers: &["no", "na", "em"],
    intro: &["em", "desde", "até", "início", "fim", "final", "meados"],
    year_after: &[],
    year_before: &["ano"],
    one: &["um", "uma"],
    relative: &[
        ("hoje", Rel::Days(0)), ("ontem", Rel::Days(-1)), ("anteontem", Rel::Days(-2)),
        ("amanhã", Rel::Days(1)), ("esta semana", Rel::Weeks(0)),
        ("na semana passada", Rel::Weeks(-1)), ("na próxima semana", Rel::Weeks(1)),
        ("este mês", Rel::Months(0)), ("no mês passado", Rel::Months(-1)),
        ("este ano", Rel::Years(0)), ("no ano passado", Rel::Years(-1)),
        ("o ano passado", Rel::Years(-1)), ("no dia anterior", Rel::AnchorDays(-1)),
        ("no dia seguinte", Rel::AnchorDays(1)),
        ("há {n} {u}", Rel::Ago), ("{n} {u} depois", Rel::After),
        ("{n} {u} antes {end}", Rel::Before),
        ("{w} passado", Rel::LastWeekday), ("{w} passada", Rel::LastWeekday),
        ("próximo {w}", Rel::NextWeekday), ("próxima {w}", Rel::NextWeekday),
    ],
    future_cues: &["será", "serão", "próximo", "próxima", "previsto", "prevista"],
};

#[rustfmt::skip]
const NUMBERS: NumberWords = NumberWords {
    cardinals: &[
        ("dois", 2), ("duas", 2), ("três", 3), ("quatro", 4), ("cinco", 5), ("seis", 6),
        ("sete", 7), ("oito", 8), ("nove", 9), ("dez", 10), ("vinte", 20), ("cem", 100),
    ],
    scales: &[
        ("mil", 1e3), ("milhão", 1e6), ("milhões", 1e6), ("bilhão", 1e9), ("bilhões", 1e9),
        ("mil milhões", 1e9),
    ],
    approx: &[
        ("cerca de", "about"), ("aproximadamente", "about"), ("quase", "nearly"),
        ("mais de", "over"), ("até", "up to"), ("menos de", "under"), ("pelo menos", "at least"),
    ],
    units: &[
        ("por cento", "%"), ("dólares", "USD"), ("euros", "EUR"), ("reais", "BRL"),
        ("quilômetros", "km"), ("quilómetros", "km"), ("toneladas", "t"),
    ],
    decimal_comma: true,
};

/// Speech cues and source words (`crate::statements`); see [`super::SpeechRules`].
#[rustfmt::skip]
const SPEECH: super::SpeechRules = super::SpeechRules {
    verbs: &[
        "dizer: disse, disseram, diz, dizem", "afirmar: afirm|ou|aram|a|am", "declarar: declar|ou|aram|a|am",
        "garantir: garantiu, garantiram, garante", "sublinhar: sublinh|ou|aram|a", "destacar: destac|ou|aram|a",
        "explicar: explic|ou|aram|a", "acrescentar: acrescent|ou|aram|a", "negar: neg|ou|aram|a",
        "confirmar: confirm|ou|aram|a", "alertar: alert|ou|aram|a", "anunciar: anunci|ou|aram|a",
        "escrever: escreveu, escreveram, escreve", "informar: inform|ou|aram|a", "relatar: relat|ou|aram|a",
        "responder: respondeu, responderam, responde", "admitir: admitiu, admitiram, admite",
    ],
    stance_verbs: &["acusar: acus|ou|aram|a", "criticar: critic|ou|aram|a", "pedir: pediu, pediram, pede"],
    belief_verbs: &["acreditar: acredita, acreditam", "considerar: considera, consideram", "mostrar: mostra, mostram"],
    impersonal_verbs: &[],
    addressee_verbs: &["dizer", "garantir", "explicar"],
    source_phrases: &["segundo", "de acordo com", "conforme"],
    source_postpositions: &[],
    citing_phrases: &["citando"],
    agent_phrases: &["obtidos por", "obtidas por"],
    addressee_phrases: &["em entrevista a", "em entrevista à", "em entrevista ao"],
    complementizers: &["que"],
    as_words: &["como"],
    anaphora: &[],
    pronouns: &["ele:m", "ela:f", "eles:p", "elas:p"],
    relatives: &["que", "quem"],
    boundaries: &[
        "e", "mas", "ou", "que", "quando", "porque", "se", "enquanto", "em", "no", "na", "de", "do",
        "da", "a", "ao", "à", "com", "por", "pelo", "pela", "para", "sem", "sobre", "após",
        "desde", "até", "entre", "durante", "contra", "segundo", "também",
    ],
    fillers: &["também", "já", "ainda", "não", "ontem", "hoje", "publicamente", "tem", "têm"],
    outlet_nouns: &["jornal", "diário", "agência", "emissora", "revista", "publicação"],
    document_nouns: &["documentos", "documento", "relatório", "carta", "dados", "sondagem", "pesquisa"],
    group_nouns: &["fontes", "fonte", "funcionários", "especialistas", "analistas", "autoridades", "porta-voz"],
    addressee_nouns: &["jornalistas", "repórteres", "imprensa"],
    feminine_endings: &[],
    masculine_endings: &[],
    first_person: &["eu", "nós", "me", "nos", "meu", "minha", "meus", "nosso", "nossa", "nossos", "nossas"],
    impersonal_modals: &["cabe", "convém", "vale", "basta", "deve", "importa", "há"],
    demonstratives: &["isto", "isso", "aquilo", "o", "que"],
    negations: &["não", "nunca"],
};
