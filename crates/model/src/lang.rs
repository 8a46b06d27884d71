//! The languages Parallax knows.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A supported language. Identification chooses only among these: text in any other language is
/// reported with the closest of them and a low confidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Uk,
    Ru,
    Es,
    De,
    Fr,
    Pl,
    It,
    Pt,
    Nl,
}

/// The writing system a language is normally written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Latin,
    Cyrillic,
}

impl Lang {
    pub const ALL: [Lang; 10] = [
        Lang::En,
        Lang::Uk,
        Lang::Ru,
        Lang::Es,
        Lang::De,
        Lang::Fr,
        Lang::Pl,
        Lang::It,
        Lang::Pt,
        Lang::Nl,
    ];

    /// ISO 639-1 code.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Uk => "uk",
            Lang::Ru => "ru",
            Lang::Es => "es",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Pl => "pl",
            Lang::It => "it",
            Lang::Pt => "pt",
            Lang::Nl => "nl",
        }
    }

    /// English name.
    pub const fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Uk => "Ukrainian",
            Lang::Ru => "Russian",
            Lang::Es => "Spanish",
            Lang::De => "German",
            Lang::Fr => "French",
            Lang::Pl => "Polish",
            Lang::It => "Italian",
            Lang::Pt => "Portuguese",
            Lang::Nl => "Dutch",
        }
    }

    pub const fn script(self) -> Script {
        match self {
            Lang::Uk | Lang::Ru => Script::Cyrillic,
            _ => Script::Latin,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The error for a language code Parallax does not support.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unsupported language {0:?} (supported: en, uk, ru, es, de, fr, pl, it, pt, nl)")]
pub struct UnknownLang(pub String);

impl FromStr for Lang {
    type Err = UnknownLang;

    /// Accepts ISO 639-1 and 639-2/3 codes, English names, and region-tagged forms such as
    /// `en-US` or `uk_UA`, case-insensitively.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase();
        let base = lower.split(['-', '_']).next().unwrap_or("");
        let lang = match base {
            "en" | "eng" | "english" => Lang::En,
            "uk" | "ukr" | "ukrainian" | "ua" => Lang::Uk,
            "ru" | "rus" | "russian" => Lang::Ru,
            "es" | "spa" | "spanish" => Lang::Es,
            "de" | "deu" | "ger" | "german" => Lang::De,
            "fr" | "fra" | "fre" | "french" => Lang::Fr,
            "pl" | "pol" | "polish" => Lang::Pl,
            "it" | "ita" | "italian" => Lang::It,
            "pt" | "por" | "portuguese" => Lang::Pt,
            "nl" | "nld" | "dut" | "dutch" => Lang::Nl,
            _ => return Err(UnknownLang(s.to_string())),
        };
        Ok(lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes_names_and_region_tags() {
        assert_eq!("uk_UA".parse::<Lang>(), Ok(Lang::Uk));
        assert_eq!("en-GB".parse::<Lang>(), Ok(Lang::En));
        assert_eq!("Russian".parse::<Lang>(), Ok(Lang::Ru));
        assert!("zh".parse::<Lang>().is_err());
        for l in Lang::ALL {
            assert_eq!(l.code().parse::<Lang>(), Ok(l));
        }
    }
}
