//! Spanish.

use super::{Pack, SentenceRules};
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
};
