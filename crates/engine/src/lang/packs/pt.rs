//! Portuguese.

use super::{Pack, SentenceRules};
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
};
