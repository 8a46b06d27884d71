//! News outlets: names in several scripts, web domains, country, ownership, and whether they are
//! wire agencies whose copy others reprint.

use super::table;
use std::sync::LazyLock;

/// Who owns or controls an outlet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Ownership {
    /// Owned or controlled by a government.
    State,
    /// A public-service broadcaster.
    Public,
    Private,
}

/// A news outlet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outlet {
    pub name: &'static str,
    pub aliases: Vec<&'static str>,
    pub domains: Vec<&'static str>,
    /// ISO 3166-1 alpha-2.
    pub country: &'static str,
    pub ownership: Ownership,
    /// A news agency whose datelines tag reprinted copy.
    pub wire: bool,
    /// Those of its names that are also common words (Focus, Welt, Time).
    pub ambiguous: Vec<&'static str>,
}

static OUTLETS: LazyLock<Vec<Outlet>> =
    LazyLock::new(|| parse_outlets(include_str!("../../data/kb/outlets.tsv")));

fn parse_outlets(tsv: &'static str) -> Vec<Outlet> {
    let list =
        |s: &'static str| s.split('|').map(str::trim).filter(|s| !s.is_empty()).collect::<Vec<_>>();
    table::lines(tsv)
        .filter_map(|f| {
            let ownership = match *f.get(4)? {
                "state" => Ownership::State,
                "public" => Ownership::Public,
                _ => Ownership::Private,
            };
            let name = table::values(f.first()?).next()?;
            let aliases: Vec<table::Value> = table::values(f.get(1)?).collect();
            let ambiguous = std::iter::once(name)
                .chain(aliases.iter().copied())
                .filter(|v| v.ambiguous)
                .map(|v| v.text)
                .collect();
            Some(Outlet {
                name: name.text,
                aliases: aliases.iter().map(|v| v.text).collect(),
                domains: list(f.get(2)?),
                country: f.get(3)?,
                ownership,
                wire: f.get(5).is_some_and(|w| *w == "y"),
                ambiguous,
            })
        })
        .collect()
}

/// Every outlet in the knowledge base.
pub fn outlets() -> &'static [Outlet] {
    &OUTLETS
}

/// The outlet a web host belongs to (`www.bbc.co.uk`, `edition.cnn.com`, `tass.ru`).
pub fn outlet_by_host(host: &str) -> Option<&'static Outlet> {
    let host = host.trim().trim_start_matches("www.").to_ascii_lowercase();
    OUTLETS.iter().find(|o| {
        o.domains
            .iter()
            .any(|d| host == *d || host.strip_suffix(d).is_some_and(|rest| rest.ends_with('.')))
    })
}

/// The outlet called `name` (its name or an alias, ignoring case and a leading "The").
pub fn outlet_by_name(name: &str) -> Option<&'static Outlet> {
    let key = name_key(name);
    if key.is_empty() {
        return None;
    }
    OUTLETS.iter().find(|o| name_key(o.name) == key || o.aliases.iter().any(|a| name_key(a) == key))
}

fn name_key(s: &str) -> String {
    let s = s.trim();
    let s = s.strip_prefix("The ").or_else(|| s.strip_prefix("the ")).unwrap_or(s);
    s.to_lowercase()
}

/// The host of a URL (`https://www.tass.com/world/1` → `www.tass.com`).
pub fn url_host(url: &str) -> Option<&str> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?;
    (!host.is_empty() && host.contains('.')).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_parses_completely() {
        let raw = include_str!("../../data/kb/outlets.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .count();
        assert_eq!(outlets().len(), raw, "every data line is an outlet");
        let mut names: Vec<_> = outlets().iter().map(|o| o.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), outlets().len(), "names are unique");
    }

    #[test]
    fn finds_outlets_by_host_and_name_in_any_script() {
        assert_eq!(outlet_by_host("www.bbc.co.uk").map(|o| o.name), Some("BBC"));
        assert_eq!(outlet_by_host("russian.rt.com").map(|o| o.name), Some("RT"));
        assert_eq!(outlet_by_host("notbbc.co.uk"), None);
        assert_eq!(outlet_by_name("ТАСС").map(|o| o.name), Some("TASS"));
        assert_eq!(
            outlet_by_name("the associated press").map(|o| o.name),
            Some("Associated Press")
        );
        assert_eq!(url_host("https://user@www.tass.com:443/world?x=1"), Some("www.tass.com"));
    }
}
