//! English.

use super::{Pack, SentenceRules};
use parallax_model::Lang;

#[rustfmt::skip]
pub(super) const PACK: Pack = Pack {
    lang: Lang::En,
    function_words: &[
        "the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "on", "with", "as", "was",
        "he", "she", "by", "at", "from", "his", "her", "an", "be", "this", "have", "has", "are",
        "were", "not", "but", "they", "which", "or", "will", "would", "been", "their", "said",
        "after", "who", "its", "also", "had", "than", "more", "about", "there", "we", "into",
        "over", "when", "could", "should", "what", "these", "those", "out", "up", "while", "before",
        "because", "against", "between", "under", "neither", "nor", "any", "some", "such", "only",
        "then", "them", "him", "other", "where", "how", "being", "can", "did", "does", "if", "our",
        "you", "my", "very", "just", "says", "told", "since", "until",
    ],
    marker_words: &[
        "january", "february", "march", "april", "june", "july", "august", "september", "october",
        "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sunday", "year", "years", "week",
    ],
    sentences: SentenceRules {
        prefixes: &[
            // Titles and ranks before a name.
            "Mr.", "Mrs.", "Ms.", "Messrs.", "Dr.", "Prof.", "Gen.", "Lt.", "Col.", "Maj.", "Capt.",
            "Sgt.", "Cpl.", "Cmdr.", "Adm.", "Gov.", "Sen.", "Rep.", "Rev.", "Hon.", "Pres.",
            "Supt.", "Insp.", "Fr.", "Mt.",
            // Latin and reference abbreviations followed by what they introduce.
            "e.g.", "i.e.", "cf.", "viz.", "vs.", "v.", "approx.",
        ],
        abbreviations: &[
            // Name suffixes and company forms ("Acme Inc. Chief Executive...").
            "Jr.", "Sr.", "Inc.", "Ltd.", "Co.", "Corp.", "Bros.", "plc.", "LLC.", "Dept.", "Univ.",
            "Assn.", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.",
            "Oct.", "Nov.", "Dec.", "Mon.", "Tue.", "Tues.", "Wed.", "Thu.", "Thur.", "Thurs.",
            "Fri.", "Sat.", "Sun.", "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.",
            "Fla.", "Ga.", "Ill.", "Ind.", "Kan.", "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.",
            "Miss.", "Mo.", "Mont.", "Neb.", "Nev.", "Okla.", "Ore.", "Pa.", "Tenn.", "Tex.", "Va.",
            "Vt.", "Wash.", "Wis.", "Wyo.",
            // Places and references, often before a name or a number.
            "St.", "Ave.", "Blvd.", "Rd.", "No.", "Nos.", "Vol.", "vols.", "Fig.", "p.", "pp.",
            "ch.", "sec.", "art.", "ed.", "eds.", "est.", "ca.", "al.", "a.m.", "p.m.", "Ph.D.",
        ],
        enders: &["etc."],
        starters: &[
            "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these",
            "those", "there", "but", "and", "or", "so", "yet", "in", "on", "at", "for", "from",
            "with", "after", "before", "when", "while", "if", "as", "since", "although", "though",
            "however", "meanwhile", "his", "her", "its", "their", "our", "my", "what", "who", "why",
            "how", "where", "many", "some", "most", "all", "no", "not", "one", "both", "each",
            "then", "now", "still", "also", "here", "such", "other", "another", "according",
            "during", "under", "over", "later", "earlier", "today", "yesterday",
        ],
        ordinal_dot: false,
    },
};
