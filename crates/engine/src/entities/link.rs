//! Cross-document identity: which corpus entity each of an article's clusters is.
//!
//! Linking runs inside the store's write transaction, article by article, against the registry
//! of entities built so far (online, like story assignment). The evidence, strongest first:
//!
//! 1. a knowledge-base entry (countries, bodies, places, outlets): one entity per entry, named as
//!    the knowledge base names it;
//! 2. for people, the cross-script skeleton of the surname ([`translit::skeleton`]) finds
//!    candidates, and the given name decides among them: the same skeleton
//!    (Володимир/Vladimir), or an initial that fits ("Д. Бересков"); a surname alone joins the
//!    best-known candidate;
//! 3. for anything else, the skeleton of the whole name.
//!
//! The canonical name is recomputed from every form the corpus has used: the fullest Latin-script
//! name, the most frequent among equals, diacritics preferred ("Nicolás Moreno" over "Nicolas
//! Moreno"); an entity only ever named in Cyrillic gets a transliteration.

use super::names;
use super::translit::{self, skeleton};
use parallax_model::{
    Article, Cluster, DocEntities, EntityId, EntityIndex, EntityLink, EntityRecord, EntityType,
    Linker, NameCount, StoreResult,
};
use std::collections::BTreeMap;

/// The engine's [`Linker`].
#[derive(Debug, Default, Clone, Copy)]
pub struct EngineLinker;

impl Linker for EngineLinker {
    fn link(
        &self,
        article: &Article,
        entities: &DocEntities,
        index: &dyn EntityIndex,
    ) -> StoreResult<Vec<EntityLink>> {
        let mut forms: Vec<BTreeMap<String, usize>> =
            vec![BTreeMap::new(); entities.clusters.len()];
        for m in &entities.mentions {
            if let (Some(f), Some(text)) = (forms.get_mut(m.cluster), m.span().text(&article.text))
            {
                *f.entry(text.to_string()).or_default() += 1;
            }
        }
        // Records updated by this article; two of its clusters may meet one entity.
        let mut local: BTreeMap<EntityId, EntityRecord> = BTreeMap::new();
        let mut chosen: Vec<EntityId> = Vec::with_capacity(entities.clusters.len());
        for (cluster, surface) in entities.clusters.iter().zip(&forms) {
            let found = match find(cluster, index)? {
                Some(e) => local.get(&e.id).cloned().unwrap_or(e),
                None => {
                    // Two clusters of this article with the same identifying key are one entity.
                    let new = new_record(cluster, index)?;
                    local.get(&new.id).cloned().unwrap_or(new)
                }
            };
            let record = absorb(found, cluster, surface, article);
            chosen.push(record.id.clone());
            local.insert(record.id.clone(), record);
        }
        Ok(chosen
            .into_iter()
            .enumerate()
            .filter_map(|(i, id)| {
                local.get(&id).map(|e| EntityLink { cluster: i, entity: e.clone() })
            })
            .collect())
    }
}

/// The lookup keys of a cluster: the first is the one it is found by.
pub fn keys(cluster: &Cluster) -> Vec<String> {
    if let Some(kb) = &cluster.kb {
        return vec![format!("kb:{kb}")];
    }
    let sk = skeleton(&cluster.name);
    match cluster.kind {
        EntityType::Person => {
            let surname = cluster.name.split_whitespace().last().map(skeleton).unwrap_or_default();
            let mut k = vec![format!("per:{surname}")];
            if sk != surname {
                k.push(format!("per-full:{sk}"));
            }
            k
        }
        // Taggers confuse organisations, places and the rest more than people with anything: the
        // kinds share one key space and linking prefers a candidate of the same kind.
        _ => vec![format!("name:{sk}")],
    }
}

pub(crate) fn find(
    cluster: &Cluster,
    index: &dyn EntityIndex,
) -> StoreResult<Option<EntityRecord>> {
    let Some(key) = keys(cluster).into_iter().next() else { return Ok(None) };
    let candidates = index.find(&key)?;
    if cluster.kind != EntityType::Person {
        if cluster.kb.is_some() {
            return Ok(candidates.into_iter().next());
        }
        let (same, other): (Vec<_>, Vec<_>) =
            candidates.into_iter().partition(|e| e.kind == cluster.kind);
        if let Some(e) = same.into_iter().chain(other).find(|e| e.kind != EntityType::Person) {
            return Ok(Some(e));
        }
        // A lone word the tagger could not type as a person ("turned to Dorokhin for help") that
        // is the surname of a person the corpus already knows is that person: an alias learned
        // from the corpus, not from a list.
        if cluster.name.split_whitespace().count() == 1 {
            return Ok(index
                .find(&format!("per:{}", skeleton(&cluster.name)))?
                .into_iter()
                .filter(|e| e.kind == EntityType::Person)
                .max_by_key(|e| e.articles));
        }
        return Ok(None);
    }
    let given = given_name(&cluster.name);
    Ok(candidates
        .into_iter()
        .filter(|e| e.kind == EntityType::Person)
        .filter(|e| compatible(given.as_deref(), e))
        .max_by_key(|e| e.articles))
}

/// The given name (first word) of a multi-word person name, as a skeleton.
pub(crate) fn given_name(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    (words.len() >= 2).then(|| skeleton(words[0]))
}

/// Whether a person named with `given` can be the registry's `e`: a surname alone fits anyone with
/// that surname; a given name must meet one of the entity's given names (the same skeleton, or an
/// initial against a full name).
pub(crate) fn compatible(given: Option<&str>, e: &EntityRecord) -> bool {
    let Some(given) = given else { return true };
    let theirs: Vec<String> = e.names.iter().filter_map(|n| given_name(&n.name)).collect();
    if theirs.is_empty() {
        return true;
    }
    // A soft g is written дж in Cyrillic (Giorgia / Джорджа, George / Джордж) while the skeleton
    // reads g as h (Ukrainian г): given names compare with the two sound classes folded.
    let fold = |s: &str| s.replace('ž', "h");
    let given_folded = fold(given);
    theirs.iter().any(|t| {
        t == given
            || fold(t) == given_folded
            || (given.chars().count() == 1 && t.starts_with(given))
            || (t.chars().count() == 1 && given.starts_with(t.as_str()))
    })
}

/// A new entity for a cluster no stored entity matched. Its id comes from its most specific key
/// (the knowledge-base id, a person's full name, the normalised name), not from the words of the
/// article that happened to name it first, so the same inputs in another order give the same
/// ids. Should another entity already hold that id (a key that changed hands, such as a surname
/// shared by two people), the first name seen is added to the seed.
fn new_record(cluster: &Cluster, index: &dyn EntityIndex) -> StoreResult<EntityRecord> {
    let keys = keys(cluster);
    let id_of = |seed: &str| {
        EntityId(format!("e{}", crate::hash_hex(seed.as_bytes()).get(..12).unwrap_or_default()))
    };
    let key = keys.last().map_or("", String::as_str);
    let mut id = id_of(key);
    if index.find(key)?.iter().any(|e| e.id == id) {
        id = id_of(&format!("{key}|{}", cluster.name));
    }
    Ok(EntityRecord {
        id,
        kind: cluster.kind,
        canonical: cluster.name.clone(),
        affiliation: cluster.affiliation.clone(),
        kb: cluster.kb.clone(),
        keys,
        names: vec![],
        articles: 0,
    })
}

/// Adds a cluster's evidence to an entity: its surface forms, keys and affiliation, then
/// recomputes the canonical name.
fn absorb(
    mut e: EntityRecord,
    cluster: &Cluster,
    surface: &BTreeMap<String, usize>,
    article: &Article,
) -> EntityRecord {
    for (form, n) in surface {
        match e.names.iter_mut().find(|x| &x.name == form) {
            Some(x) => x.count += n,
            None => e.names.push(NameCount { name: form.clone(), count: *n }),
        }
    }
    for k in keys(cluster) {
        if !e.keys.contains(&k) {
            e.keys.push(k);
        }
    }
    if e.affiliation.is_none() {
        e.affiliation = cluster.affiliation.clone();
    }
    if e.kb.is_none() {
        e.kb = cluster.kb.clone();
    }
    e.canonical = canonical(&e, cluster, article);
    e
}

/// The name to show: a knowledge-base entry's own name; else the fullest Latin-script form
/// (most frequent among equals, diacritics preferred); else a transliteration.
fn canonical(e: &EntityRecord, cluster: &Cluster, article: &Article) -> String {
    if let Some(name) = e.kb.as_deref().and_then(super::kb_name) {
        return name.to_string();
    }
    let words = |s: &str| s.split_whitespace().count();
    let latin: Vec<&NameCount> =
        e.names.iter().filter(|n| !translit::is_cyrillic(&n.name)).collect();
    if let Some(best) = latin.iter().max_by_key(|n| {
        let diacritics = n.name.chars().filter(|c| !c.is_ascii()).count();
        (words(&n.name), n.count, diacritics)
    }) {
        return strip_possessive(&best.name);
    }
    let cyrillic: Vec<(&str, usize)> = e.names.iter().map(|n| (n.name.as_str(), n.count)).collect();
    let base = names::base_form(cyrillic).unwrap_or(cluster.name.as_str());
    let person = e.kind == EntityType::Person;
    let lemma = names::lemma_name(base, person);
    let base = lemma.as_deref().unwrap_or(base);
    if person {
        translit::person_to_latin(base, article.language)
    } else {
        translit::to_latin(base, article.language)
    }
}

fn strip_possessive(s: &str) -> String {
    s.strip_suffix("'s").or_else(|| s.strip_suffix("’s")).unwrap_or(s).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::{conformance, MemStore, Mention, Store};

    fn doc(n: u32, text: &str, names: &[(&str, EntityType)]) -> parallax_model::Ingested {
        let mut d = conformance::sample(n);
        d.article.text = text.to_string();
        let mut ents = DocEntities::default();
        for (i, (name, kind)) in names.iter().enumerate() {
            let start = text.find(name).unwrap();
            ents.mentions.push(Mention {
                start,
                end: start + name.len(),
                kind: *kind,
                lemma: names::name_key(name),
                cluster: i,
            });
            ents.clusters.push(Cluster {
                kind: *kind,
                name: name.to_string(),
                kb: None,
                affiliation: None,
                entity: None,
            });
        }
        d.analysis.entities = ents;
        d
    }

    fn canonical_of(store: &MemStore, d: &parallax_model::Ingested, cluster: usize) -> String {
        let stored = store.get(&d.article.id).unwrap().unwrap();
        let id = stored.analysis.entities.clusters[cluster].entity.clone().unwrap();
        store.entity(&id).unwrap().unwrap().canonical
    }

    #[test]
    fn one_person_across_scripts_cases_and_spellings() {
        let mut store = MemStore::new();
        let docs = [
            doc(1, "Ніколас Морено попросив допомоги.", &[("Ніколас Морено", EntityType::Person)]),
            doc(
                2,
                "Chilean minister Nicolas Moreno asked for help.",
                &[("Nicolas Moreno", EntityType::Person)],
            ),
            doc(3, "President Nicolás Moreno wrote.", &[("Nicolás Moreno", EntityType::Person)]),
            doc(4, "Moreno said.", &[("Moreno", EntityType::Person)]),
        ];
        store.put_batch_linked(&docs, &EngineLinker).unwrap();
        let ids: std::collections::BTreeSet<_> = docs
            .iter()
            .map(|d| {
                store.get(&d.article.id).unwrap().unwrap().analysis.entities.clusters[0]
                    .entity
                    .clone()
                    .unwrap()
            })
            .collect();
        assert_eq!(ids.len(), 1, "one entity: {ids:?}");
        assert_eq!(canonical_of(&store, &docs[0], 0), "Nicolás Moreno");
    }

    #[test]
    fn different_given_names_are_different_people() {
        let mut store = MemStore::new();
        let docs = [
            doc(1, "John Smith spoke.", &[("John Smith", EntityType::Person)]),
            doc(2, "Adam Smith wrote.", &[("Adam Smith", EntityType::Person)]),
            doc(
                3,
                "Володимир Дорохін і Vladimir Dorokhin.",
                &[("Володимир Дорохін", EntityType::Person)],
            ),
            doc(4, "Vladimir Dorokhin met.", &[("Vladimir Dorokhin", EntityType::Person)]),
        ];
        store.put_batch_linked(&docs, &EngineLinker).unwrap();
        assert_ne!(canonical_of(&store, &docs[0], 0), canonical_of(&store, &docs[1], 0));
        assert_eq!(
            canonical_of(&store, &docs[2], 0),
            "Vladimir Dorokhin",
            "Ukrainian and Russian forms of one given name"
        );
    }

    #[test]
    fn a_soft_g_meets_its_cyrillic_dzh() {
        let mut store = MemStore::new();
        let docs = [
            doc(1, "Gemma Rinaldi won.", &[("Gemma Rinaldi", EntityType::Person)]),
            doc(2, "Перемогла Джемма Рінальді.", &[("Джемма Рінальді", EntityType::Person)]),
            doc(3, "Гемма Рінальді програла.", &[("Гемма Рінальді", EntityType::Person)]),
            doc(4, "Giacomo Rinaldi spoke.", &[("Giacomo Rinaldi", EntityType::Person)]),
        ];
        store.put_batch_linked(&docs, &EngineLinker).unwrap();
        assert_eq!(canonical_of(&store, &docs[1], 0), canonical_of(&store, &docs[0], 0));
        assert_eq!(canonical_of(&store, &docs[2], 0), canonical_of(&store, &docs[0], 0));
        assert_ne!(canonical_of(&store, &docs[3], 0), canonical_of(&store, &docs[0], 0));
    }

    #[test]
    fn cyrillic_only_entities_are_transliterated() {
        let mut store = MemStore::new();
        let mut d =
            doc(1, "Тераскеса і Рамона Тераскеса.", &[("Рамона Тераскеса", EntityType::Person)]);
        d.article.language = Some(parallax_model::Lang::Uk);
        store.put_batch_linked(std::slice::from_ref(&d), &EngineLinker).unwrap();
        assert_eq!(
            canonical_of(&store, &d, 0),
            "Ramon Teraskes",
            "no nominative seen: the nominative, from the agreement of the name's words"
        );
    }

    #[test]
    fn a_lone_word_typed_as_a_place_joins_a_known_person_with_that_surname() {
        let mut store = MemStore::new();
        let docs = [
            doc(1, "Olena Hrytsenko arrived.", &[("Olena Hrytsenko", EntityType::Person)]),
            doc(2, "The mayor wrote to Hrytsenko.", &[("Hrytsenko", EntityType::Place)]),
            doc(3, "They flew to Hrytsenko.", &[("Hrytsenko", EntityType::Place)]),
        ];
        store.put_batch_linked(&docs[..2], &EngineLinker).unwrap();
        assert_eq!(canonical_of(&store, &docs[1], 0), "Olena Hrytsenko");
        // No person of that name known yet: the place stands.
        let mut fresh = MemStore::new();
        fresh.put_batch_linked(&docs[2..], &EngineLinker).unwrap();
        assert_eq!(canonical_of(&fresh, &docs[2], 0), "Hrytsenko");
    }
}
