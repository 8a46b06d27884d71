//! Office and role titles, and the labels news attaches to people and governments.

use super::inflect::{self, Class};
use super::table::{cell, lines};
use crate::entities::names::name_key;
use parallax_model::Lang;
use std::collections::HashMap;
use std::sync::LazyLock;

pub(crate) const TITLES: &str = include_str!("../../data/kb/titles.tsv");

/// What a title says about its holder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TitleClass {
    /// Head of state or government: president, prime minister, chancellor, king.
    Head,
    Minister,
    /// Spokesman, spokeswoman, press secretary, речник, пресс-секретарь, представитель.
    Spokesperson,
    /// Ambassador, envoy, consul.
    Diplomat,
    /// MP, senator, deputy, speaker.
    Legislator,
    /// General, commander, soldier.
    Military,
    /// Official, mayor, governor, head, chairman, director, secretary-general.
    Official,
    /// Leader, ruler, глава; and evaluative leaders: dictator, tyrant.
    Leader,
    /// CEO, founder, businessman.
    Business,
    /// Judge, prosecutor, lawyer.
    Judiciary,
    /// Pope, patriarch, imam.
    Religious,
    /// Journalist, correspondent, editor.
    Media,
    /// Analyst, expert, researcher.
    Expert,
    /// Activist, politician, citizen, witness.
    Person,
    /// Terrorist, militant, rebel, occupier.
    Combatant,
    /// A collective: regime, junta, government, administration.
    Group,
    /// A word that qualifies a title or a name: so-called, self-proclaimed, illegitimate.
    Modifier,
}

impl TitleClass {
    fn parse(s: &str) -> TitleClass {
        match s {
            "head" => TitleClass::Head,
            "minister" => TitleClass::Minister,
            "spokesperson" => TitleClass::Spokesperson,
            "diplomat" => TitleClass::Diplomat,
            "legislator" => TitleClass::Legislator,
            "military" => TitleClass::Military,
            "official" => TitleClass::Official,
            "leader" => TitleClass::Leader,
            "business" => TitleClass::Business,
            "judiciary" => TitleClass::Judiciary,
            "religious" => TitleClass::Religious,
            "media" => TitleClass::Media,
            "expert" => TitleClass::Expert,
            "combatant" => TitleClass::Combatant,
            "group" => TitleClass::Group,
            "modifier" => TitleClass::Modifier,
            _ => TitleClass::Person,
        }
    }
}

/// A title or label in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    pub lang: Lang,
    /// The base form ("диктатор", "прем'єр-міністр", "spokesman").
    pub lemma: &'static str,
    /// The English equivalent ("dictator", "prime minister", "spokesman").
    pub gloss: &'static str,
    pub class: TitleClass,
    /// Whether the word judges rather than describes (dictator, regime, terrorist, so-called).
    pub evaluative: bool,
}

struct Titles {
    list: Vec<Title>,
    /// Lookup key → indices into `list`, in file order.
    by_key: HashMap<String, Vec<usize>>,
}

fn parse() -> Titles {
    let list: Vec<Title> = lines(TITLES)
        .filter_map(|cells| {
            Some(Title {
                lang: cell(&cells, 0).parse().ok()?,
                lemma: Some(cell(&cells, 1)).filter(|l| !l.is_empty())?,
                gloss: cell(&cells, 2),
                class: TitleClass::parse(cell(&cells, 3)),
                evaluative: cell(&cells, 4) == "y",
            })
        })
        .collect();
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, t) in list.iter().enumerate() {
        let class = if t.class == TitleClass::Modifier { Class::Adjective } else { Class::Person };
        for k in inflect::keys(Some(t.lang), class, t.lemma) {
            let v = by_key.entry(k).or_default();
            if !v.contains(&i) {
                v.push(i);
            }
        }
    }
    Titles { list, by_key }
}

static TITLE_LIST: LazyLock<Titles> = LazyLock::new(parse);

/// Every title in the knowledge base.
pub fn titles() -> &'static [Title] {
    &TITLE_LIST.list
}

/// Every title a word or phrase can be a form of ("диктатора" → диктатор; "presidents",
/// "President's" → president), in `lang` if given. Titles whose lemma has exactly the word's
/// key come first.
pub fn titles_for(word: &str, lang: Option<Lang>) -> Vec<&'static Title> {
    let key = name_key(word);
    let t = &*TITLE_LIST;
    let mut found: Vec<&'static Title> = t
        .by_key
        .get(&key)
        .into_iter()
        .flatten()
        .filter_map(|&i| t.list.get(i))
        .filter(|title| lang.is_none_or(|l| title.lang == l))
        .collect();
    found.sort_by_key(|title| name_key(title.lemma) != key);
    found
}

/// The title a word or phrase is a form of, if any: the best of [`titles_for`].
pub fn title(word: &str, lang: Option<Lang>) -> Option<&'static Title> {
    titles_for(word, lang).into_iter().next()
}
