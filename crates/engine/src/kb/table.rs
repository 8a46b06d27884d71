//! Reading the knowledge base's tab-separated files: data lines, "|"-separated values with their
//! "?" ambiguity marks, and the wide per-language columns.

use parallax_model::Lang;

/// The data lines of a table, split into cells (comments and blank lines skipped).
pub(crate) fn lines(tsv: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// The number of data lines (what the parsers must account for).
#[cfg(test)]
pub(crate) fn count(tsv: &str) -> usize {
    tsv.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).count()
}

/// A value of a cell: the name and whether it was marked ambiguous with a leading "?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Value {
    pub text: &'static str,
    pub ambiguous: bool,
}

/// The "|"-separated values of a cell.
pub(crate) fn values(cell: &'static str) -> impl Iterator<Item = Value> {
    cell.split('|').map(str::trim).filter(|v| !v.is_empty() && *v != "?").map(|v| {
        match v.strip_prefix('?') {
            Some(rest) => Value { text: rest.trim(), ambiguous: true },
            None => Value { text: v, ambiguous: false },
        }
    })
}

/// The cell at `i`, or "" when the line is short.
pub(crate) fn cell(cells: &[&'static str], i: usize) -> &'static str {
    cells.get(i).copied().unwrap_or("")
}

/// The values of the per-language columns that start at `first` (en, uk, ru, es, de, fr, pl, it,
/// pt, nl: the order of [`Lang::ALL`]).
pub(crate) fn by_lang(cells: &[&'static str], first: usize) -> Vec<(Lang, Value)> {
    Lang::ALL
        .iter()
        .enumerate()
        .flat_map(|(i, &lang)| values(cell(cells, first + i)).map(move |v| (lang, v)))
        .collect()
}

/// Appends `(lang, value)` to a list of names unless it is already there, recording ambiguity.
pub(crate) fn push_unique(
    list: &mut Vec<(Lang, &'static str)>,
    ambiguous: &mut Vec<&'static str>,
    lang: Lang,
    v: Value,
) {
    if !list.contains(&(lang, v.text)) {
        list.push((lang, v.text));
    }
    if v.ambiguous && !ambiguous.contains(&v.text) {
        ambiguous.push(v.text);
    }
}
