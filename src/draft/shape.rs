//! A report's outline as data: its numbered headings and what the text around them says of its
//! years. Built by `outline.rs`, read by `kind.rs` to decide a figure's kind and year; its own
//! module so the two do not use each other.

use crate::model::PointKind;

/// A numbered heading of the report.
#[derive(Clone, Debug, PartialEq)]
pub struct Heading {
    /// 1 for 一、, 2 for （一）, 3 for 1.
    pub level: u8,
    /// The heading's words as printed, numbering included.
    pub text: String,
    /// Its words without the numbering.
    pub name: String,
    /// Char index where the heading's line starts.
    pub start: usize,
    pub parent: Option<usize>,
    /// What the heading says of the figures under it, if anything.
    pub kind: Option<PointKind>,
    pub year: Option<i32>,
}

/// Where a heading or a paragraph's opening words name a period: the spans of years (十四五:
/// 2021–2025; 过去五年) and the single year (2025年) they name.
#[derive(Clone, Debug, PartialEq)]
pub struct PeriodMark {
    /// Char index of the line.
    pub at: usize,
    pub spans: Vec<(i32, i32)>,
    pub year: Option<i32>,
    /// The heading's level, when the line is a heading.
    pub heading: Option<u8>,
}

/// A report's outline.
#[derive(Clone, Debug, PartialEq)]
pub struct Outline {
    pub headings: Vec<Heading>,
    /// The document's title line, when it has one: its char range. Figures in a title restate the
    /// text's own and are not proposed twice.
    pub title: Option<std::ops::Range<usize>>,
    pub title_text: Option<String>,
    /// The year the report gives results for, and the year it sets targets for.
    pub results_year: i32,
    pub target_year: i32,
    /// The text names no year at all, so the years are this year's (a news item on "今年").
    pub years_from_clock: bool,
    /// Where a glossary or annex starts: no figures after it.
    pub figures_end: usize,
    /// Where headings and paragraphs open a period, in text order (see `span.rs`).
    pub periods: Vec<PeriodMark>,
    /// A publication date found near the top (2023年4月26日, 发布时间:2023-04-03), as YYYY-MM-DD.
    pub published: Option<String>,
}

impl Outline {
    /// The innermost heading over char `at`.
    pub fn heading_at(&self, at: usize) -> Option<usize> {
        match self.headings.binary_search_by_key(&at, |h| h.start) {
            Ok(i) => Some(i),
            Err(0) => None,
            Err(i) => Some(i - 1),
        }
    }

    /// The headings from `h` up to the top.
    pub fn chain(&self, h: Option<usize>) -> impl Iterator<Item = &Heading> {
        std::iter::successors(h, |&i| self.headings[i].parent).map(|i| &self.headings[i])
    }
}
