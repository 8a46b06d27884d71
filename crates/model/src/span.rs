//! Byte spans into an article's normalised text.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into an article's normalised `text`.
///
/// Every annotation Parallax produces is a span, so any output can be traced back to the words it
/// rests on. Spans always fall on `char` boundaries; [`Span::text`] returns `None` rather than
/// panicking when handed a string they do not belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The text this span covers in `text`, or `None` when it is out of range or not on `char`
    /// boundaries.
    pub fn text<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.start..self.end)
    }

    /// This span moved right by `offset` bytes (a span within a paragraph made absolute).
    pub const fn shift(self, offset: usize) -> Span {
        Span { start: self.start + offset, end: self.end + offset }
    }

    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// This span with leading and trailing white space of `text` removed.
    pub fn trim(self, text: &str) -> Span {
        let Some(s) = self.text(text) else { return self };
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        if lead == s.len() {
            return Span::new(self.start, self.start);
        }
        Span::new(self.start + lead, self.end - trail)
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_respects_char_boundaries() {
        let s = "Бурін said";
        assert_eq!(Span::new(0, 10).text(s), Some("Бурін"));
        assert_eq!(Span::new(0, 3).text(s), None, "byte 3 is inside 'у'");
        assert_eq!(Span::new(5, 100).text(s), None);
    }

    #[test]
    fn trim_drops_outer_white_space() {
        let s = "  a b \n";
        assert_eq!(Span::new(0, s.len()).trim(s), Span::new(2, 5));
        assert_eq!(Span::new(0, 2).trim(s), Span::new(0, 0));
    }
}
