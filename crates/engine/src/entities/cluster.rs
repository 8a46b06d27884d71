//! In-document identity: which mentions of one article name the same entity.
//!
//! An article introduces a person in full ("Оксана Левченко", "Transport Minister Arjun Mehta")
//! and then uses the surname alone, in any case ("Левченко", "Левченку"); it spells out an
//! organisation once and then abbreviates it ("the Washington Post (WP)", later "WP"); it names a
//! country in several forms (США, Сполучені Штати). The rules, in order:
//!
//! 1. a mention the knowledge base knows joins the cluster of its entry (all forms of a country);
//! 2. multi-word person names form clusters by surname stem, merged when the given names agree
//!    (same stem, or an initial that fits);
//! 3. a one-word mention joins the person whose surname (or the multi-word name one of whose words)
//!    has its stem — whatever type the tagger gave it;
//! 4. an all-capitals abbreviation joins the organisation it was defined for ("... (WP)") or whose
//!    initials it spells;
//! 5. anything else clusters by its inflection-free name key.

use super::names::{self, name_key, stem};
use super::KbHit;
use parallax_model::{Cluster, DocEntities, EntityType, Lang, Mention, Span};
use std::collections::HashMap;

/// Clusters detected mentions (`(span, type)`, sorted, non-overlapping) of `text`.
pub fn cluster(text: &str, detected: &[(Span, EntityType)], lang: Option<Lang>) -> DocEntities {
    let mut b = Builder {
        text,
        lang,
        clusters: vec![],
        members: vec![],
        by_kb: HashMap::new(),
        by_key: HashMap::new(),
    };
    let mut assigned: Vec<Option<usize>> = vec![None; detected.len()];
    let mut kinds: Vec<EntityType> = detected.iter().map(|d| d.1).collect();

    // Pass 1: knowledge-base entries and multi-word names.
    for (i, &(span, kind)) in detected.iter().enumerate() {
        let Some(surface) = span.text(text) else { continue };
        if let Some(hit) = super::kb_resolve(surface, lang) {
            kinds[i] = hit.kind;
            assigned[i] = Some(b.kb_cluster(&hit, surface));
        } else if surface.split_whitespace().count() >= 2 {
            assigned[i] = Some(b.named_cluster(surface, kind));
        }
    }
    // Pass 2: abbreviations defined in parentheses right after a name: "Washington Post (WP)".
    let mut defined: HashMap<String, usize> = HashMap::new();
    for (i, &(span, _)) in detected.iter().enumerate() {
        if let (Some(c), Some(next)) = (assigned[i], detected.get(i + 1)) {
            let between = text.get(span.end..next.0.start).unwrap_or("");
            let after = text.get(next.0.end..).unwrap_or("");
            if between.trim() == "(" && after.starts_with(')') {
                if let Some(abbr) = next.0.text(text).filter(|a| is_abbreviation(a)) {
                    defined.insert(abbr.to_string(), c);
                }
            }
        }
    }
    // Pass 3: one-word mentions.
    for (i, &(span, kind)) in detected.iter().enumerate() {
        if assigned[i].is_some() {
            continue;
        }
        let Some(surface) = span.text(text) else { continue };
        let c = if let Some(&c) = defined.get(surface) {
            c
        } else if let Some(c) = b.surname_match(surface) {
            kinds[i] = b.clusters[c].kind;
            c
        } else if let Some(c) =
            is_abbreviation(surface).then(|| b.initials_match(surface)).flatten()
        {
            c
        } else {
            b.named_cluster(surface, kind)
        };
        assigned[i] = Some(c);
    }
    let mut mentions = Vec::with_capacity(detected.len());
    for (i, &(span, _)) in detected.iter().enumerate() {
        let (Some(c), Some(surface)) = (assigned[i], span.text(text)) else { continue };
        b.members[c].push(surface.to_string());
        mentions.push(Mention {
            start: span.start,
            end: span.end,
            kind: kinds[i],
            lemma: name_key(surface),
            cluster: c,
        });
    }
    b.finish(mentions)
}

struct Builder<'a> {
    text: &'a str,
    lang: Option<Lang>,
    clusters: Vec<Cluster>,
    members: Vec<Vec<String>>,
    by_kb: HashMap<String, usize>,
    by_key: HashMap<String, usize>,
}

impl Builder<'_> {
    fn push(&mut self, cluster: Cluster) -> usize {
        self.clusters.push(cluster);
        self.members.push(vec![]);
        self.clusters.len() - 1
    }

    fn kb_cluster(&mut self, hit: &KbHit, surface: &str) -> usize {
        if let Some(&c) = self.by_kb.get(&hit.id) {
            return c;
        }
        let c = self.push(Cluster {
            kind: hit.kind,
            name: surface.to_string(),
            kb: Some(hit.id.clone()),
            affiliation: hit.country.clone(),
            entity: None,
        });
        self.by_kb.insert(hit.id.clone(), c);
        c
    }

    /// A cluster for a name: persons merge by surname and agreeing given names, anything else by
    /// its name key.
    fn named_cluster(&mut self, surface: &str, kind: EntityType) -> usize {
        let key = name_key(strip_article(surface));
        if kind == EntityType::Person {
            let words: Vec<&str> = key.split(' ').collect();
            if let Some((surname, given)) = words.split_last() {
                let found = (0..self.clusters.len()).find(|&c| {
                    let other = name_key(&self.clusters[c].name);
                    let ow: Vec<&str> = other.split(' ').collect();
                    self.clusters[c].kind == EntityType::Person
                        && ow.last() == Some(surname)
                        && givens_agree(
                            given.first().copied(),
                            ow.first().filter(|_| ow.len() > 1).copied(),
                        )
                });
                if let Some(c) = found {
                    return c;
                }
            }
        }
        let slot = format!("{}|{key}", kind.as_str());
        if let Some(&c) = self.by_key.get(&slot) {
            return c;
        }
        let c = self.push(Cluster {
            kind,
            name: strip_article(surface).to_string(),
            kb: None,
            affiliation: None,
            entity: None,
        });
        self.by_key.insert(slot, c);
        c
    }

    /// The multi-word cluster one of whose words has this word's stem; persons first, by surname.
    fn surname_match(&self, surface: &str) -> Option<usize> {
        let s = stem(surface);
        if s.chars().count() < 3 {
            return None;
        }
        let words_of =
            |c: &Cluster| name_key(&c.name).split(' ').map(str::to_string).collect::<Vec<_>>();
        let multi = |c: &&Cluster| c.name.split_whitespace().count() >= 2 && c.kb.is_none();
        let person = self
            .clusters
            .iter()
            .enumerate()
            .filter(|(_, c)| c.kind == EntityType::Person && multi(c))
            .find(|(_, c)| words_of(c).last() == Some(&s));
        person
            .or_else(|| {
                self.clusters
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.kind == EntityType::Person && multi(c))
                    .find(|(_, c)| words_of(c).contains(&s))
            })
            .map(|(i, _)| i)
    }

    /// The organisation whose significant capitalised words start with these letters.
    fn initials_match(&self, abbr: &str) -> Option<usize> {
        let want: String =
            abbr.chars().filter(|c| c.is_alphabetic()).flat_map(char::to_lowercase).collect();
        self.clusters.iter().position(|c| {
            let initials: String = c
                .name
                .split_whitespace()
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                .filter(|w| !matches!(*w, "The" | "Of" | "And"))
                .filter_map(|w| w.chars().next())
                .flat_map(char::to_lowercase)
                .collect();
            initials.chars().count() >= 2 && initials == want && c.kind != EntityType::Person
        })
    }

    fn finish(mut self, mentions: Vec<Mention>) -> DocEntities {
        let _ = (self.text, self.lang);
        for (c, forms) in self.clusters.iter_mut().zip(&self.members) {
            let mut counts: Vec<(&str, usize)> = vec![];
            for f in forms {
                let f = strip_article(f);
                match counts.iter_mut().find(|(x, _)| *x == f) {
                    Some(x) => x.1 += 1,
                    None => counts.push((f, 1)),
                }
            }
            if let Some(best) = names::base_form(counts) {
                // The nominative, also when the article only used other cases.
                c.name = names::lemma_name(best, c.kind == EntityType::Person)
                    .unwrap_or_else(|| best.to_string());
            }
        }
        DocEntities { mentions, clusters: self.clusters, descriptors: vec![] }
    }
}

/// Whether two given names (stems, `None` when absent) can be one person's.
fn givens_agree(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            let (a, b) = (a.trim_end_matches('.'), b.trim_end_matches('.'));
            a == b
                || (a.chars().count() == 1 && b.starts_with(a))
                || (b.chars().count() == 1 && a.starts_with(b))
        }
        _ => true,
    }
}

/// A lower-case leading article is not part of a name ("the Washington Post").
fn strip_article(s: &str) -> &str {
    s.strip_prefix("the ").unwrap_or(s)
}

/// Two to six capital letters (Latin or Cyrillic), perhaps with dots: WP, U.S., США, ЄС.
pub fn is_abbreviation(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    (2..=6).contains(&letters.len())
        && letters.iter().all(|c| c.is_uppercase())
        && s.chars().all(|c| c.is_alphabetic() || c == '.')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str, names: &[(&str, EntityType)]) -> Vec<(Span, EntityType)> {
        let mut from = 0;
        names
            .iter()
            .map(|(n, k)| {
                let at = from + text.get(from..).unwrap().find(n).unwrap();
                from = at + n.len();
                (Span::new(at, at + n.len()), *k)
            })
            .collect()
    }

    fn groups(text: &str, e: &DocEntities) -> Vec<Vec<String>> {
        let mut g: Vec<Vec<String>> = vec![vec![]; e.clusters.len()];
        for m in &e.mentions {
            g[m.cluster].push(m.span().text(text).unwrap().to_string());
        }
        g
    }

    #[test]
    fn inflected_forms_and_surnames_join_the_full_name() {
        use EntityType::*;
        let text = "Гуерра написав. Ніколас Гуерра попросив Володимира Ткачука, а Ткачуку відповів Ніколаса Гуерри.";
        let d = spans(
            text,
            &[
                ("Гуерра", Person),
                ("Ніколас Гуерра", Person),
                ("Володимира Ткачука", Person),
                ("Ткачуку", Organization),
                ("Ніколаса Гуерри", Person),
            ],
        );
        let e = cluster(text, &d, Some(Lang::Uk));
        assert_eq!(
            groups(text, &e),
            vec![
                vec!["Гуерра", "Ніколас Гуерра", "Ніколаса Гуерри"],
                vec!["Володимира Ткачука", "Ткачуку"]
            ]
        );
        assert_eq!(e.clusters[0].name, "Ніколас Гуерра", "the nominative names the cluster");
        assert_eq!(e.mentions[3].kind, Person, "a surname takes its person's type");
    }

    #[test]
    fn abbreviations_defined_or_spelled_by_initials() {
        use EntityType::*;
        let text = "the Washington Post (WP) reported. Later WP said.";
        let d = spans(
            text,
            &[("Washington Post", Organization), ("WP", Organization), ("WP", Organization)],
        );
        let e = cluster(text, &d, Some(Lang::En));
        assert_eq!(e.clusters.len(), 1);
        let text = "The Washington Post reported. WP звернуло увагу.";
        let d = spans(text, &[("The Washington Post", Organization), ("WP", Organization)]);
        assert_eq!(cluster(text, &d, None).clusters.len(), 1);
    }

    #[test]
    fn different_people_with_one_surname_stay_apart() {
        use EntityType::*;
        let text = "John Smith and Adam Smith met. J. Smith left.";
        let d =
            spans(text, &[("John Smith", Person), ("Adam Smith", Person), ("J. Smith", Person)]);
        let e = cluster(text, &d, None);
        assert_eq!(groups(text, &e), vec![vec!["John Smith", "J. Smith"], vec!["Adam Smith"]]);
    }
}
