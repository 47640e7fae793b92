//! Reviewing a drafted data file: its figures in the report's order, each accepted, rejected or
//! still open; changes that can be undone and redone; where each quote stands in the source text.
//!
//! Plain data logic on a [`Report`], without a window: the review page draws it and reacts, the
//! tests drive it directly.

use std::ops::Range;

use crate::model::provenance::squash;
use crate::model::{DataPoint, Msg, Report, ReviewState};

/// One figure under review: where it is in the file's report, its section, and where its quote
/// stands in the source text (chars), when the text is at hand and holds it.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub indicator: usize,
    pub point: usize,
    pub section: String,
    pub at: Option<Range<usize>>,
}

/// One change to one figure, kept for undo and redo.
#[derive(Clone, Debug, PartialEq)]
struct Change {
    indicator: usize,
    point: usize,
    before: DataPoint,
    after: DataPoint,
}

/// How far a review has come.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub open: usize,
    pub accepted: usize,
    pub rejected: usize,
}

/// Why an edit was refused.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum EditError {
    #[error("the quote is not in the report's text (compared with whitespace removed): “{0}”")]
    QuoteNotInText(String),
    #[error("the quote does not state the value {value}: “{quote}”")]
    ValueNotStated { value: f64, quote: String },
    #[error("a period needs its words in Chinese and in English (1-11月 / January–November)")]
    PeriodHalf,
    #[error("the figure's unit is not declared")]
    NoUnit,
    #[error("there is no indicator `{0}` in this file")]
    NoIndicator(String),
    #[error("indicator `{0}` is in another unit than the figure")]
    OtherUnit(String),
    #[error("a new indicator needs a name in Chinese and in English")]
    NoName,
    #[error("indicator `{0}` already has a figure for that year, kind and basis")]
    Duplicate(String),
    #[error("no unit follows this number; a figure needs one")]
    NoUnitAfterNumber,
}

impl EditError {
    /// The refusal in both languages: its display, and the same in Chinese.
    pub fn message(&self) -> Msg {
        let zh = match self {
            Self::QuoteNotInText(quote) => {
                format!("引文不在报告原文中（已去除空白后比较）：“{quote}”")
            }
            Self::ValueNotStated { value, quote } => {
                format!("引文没有写出数值 {value}：“{quote}”")
            }
            Self::PeriodHalf => "时段需要中英文两种写法（1-11月 / January–November）".to_owned(),
            Self::NoUnit => "该数据的单位未声明".to_owned(),
            Self::NoIndicator(id) => format!("此文件中没有指标 `{id}`"),
            Self::OtherUnit(id) => format!("指标 `{id}` 的单位与该数据不同"),
            Self::NoName => "新指标需要中文和英文名称".to_owned(),
            Self::Duplicate(id) => format!("指标 `{id}` 已有同一年份、类型和口径的数据"),
            Self::NoUnitAfterNumber => "这个数字后面没有单位；数据需要单位".to_owned(),
        };
        Msg::new(self.to_string(), zh)
    }
}

/// One step of undo: changes to figures in place, or a change of the file's shape (a figure moved
/// to another indicator, a figure added), kept as the indicators, units and categories before and
/// after.
#[derive(Clone, Debug, PartialEq)]
enum Step {
    Points(Vec<Change>),
    Shape { before: Shape, after: Shape },
}

/// The parts of a report a change of shape touches.
#[derive(Clone, Debug, PartialEq)]
struct Shape {
    indicators: Vec<crate::model::Indicator>,
    units: Vec<crate::model::Unit>,
    categories: Vec<crate::model::Category>,
    /// The figure to select afterwards: its quote and value.
    focus: Option<(String, u64)>,
}

impl Shape {
    fn of(report: &Report, focus: Option<(String, u64)>) -> Self {
        Self {
            indicators: report.indicators.clone(),
            units: report.units.clone(),
            categories: report.categories.clone(),
            focus,
        }
    }

    fn put(&self, report: &mut Report) {
        report.indicators.clone_from(&self.indicators);
        report.units.clone_from(&self.units);
        report.categories.clone_from(&self.categories);
    }
}

/// The review of one data file.
#[derive(Clone, Debug, Default)]
pub struct Review {
    pub items: Vec<Item>,
    pub selected: usize,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Changes not yet written to the file.
    pub unsaved: bool,
    /// The source text, whitespace removed: an edited quote must be in it; and for each of its
    /// bytes the char index in the text, to place quotes.
    squashed: String,
    squashed_at: Vec<usize>,
}

impl Review {
    /// The review of `report` (one data file's), in the order its quotes stand in `text`; None when
    /// the file has no drafted figures.
    pub fn of(report: &Report, text: Option<&str>) -> Option<Self> {
        let (squashed, squashed_at) = text.map(squash_with_positions).unwrap_or_default();
        let items = items_of(report, &squashed, &squashed_at);
        if items.is_empty() {
            return None;
        }
        Some(Self {
            items,
            squashed,
            squashed_at,
            ..Self::default()
        })
    }

    /// The items again after a change of shape, the figure `focus` selected.
    fn rebuild(&mut self, report: &Report, focus: Option<&(String, u64)>) {
        self.items = items_of(report, &self.squashed, &self.squashed_at);
        if let Some((quote, value)) = focus
            && let Some(i) = (0..self.items.len()).find(|&i| {
                self.point(report, i)
                    .is_some_and(|p| &p.quote == quote && p.value.to_bits() == *value)
            })
        {
            self.selected = i;
        }
        self.select(self.selected);
    }

    /// Whether the source text holds `quote` (whitespace ignored); true when no text is at hand.
    pub fn in_text(&self, quote: &str) -> bool {
        self.squashed.is_empty() || self.squashed.contains(&squash(quote))
    }

    pub fn point<'a>(&self, report: &'a Report, item: usize) -> Option<&'a DataPoint> {
        let it = self.items.get(item)?;
        report.indicators.get(it.indicator)?.points.get(it.point)
    }
}

/// The drafted figures of a report in the order their quotes stand in the text.
fn items_of(report: &Report, squashed: &str, squashed_at: &[usize]) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::new();
    for (i, ind) in report.indicators.iter().enumerate() {
        for (p, point) in ind.points.iter().enumerate() {
            if point.review.is_none() {
                continue;
            }
            let section = report
                .category(&ind.category)
                .map_or_else(String::new, |c| c.zh.clone());
            items.push(Item {
                indicator: i,
                point: p,
                section,
                at: locate(squashed, squashed_at, &point.quote),
            });
        }
    }
    // The report's order: by where the quote stands, figures without a place last.
    items.sort_by_key(|it| it.at.as_ref().map_or(usize::MAX, |r| r.start));
    items
}

impl Review {
    pub fn state(&self, report: &Report, item: usize) -> Option<ReviewState> {
        Some(self.point(report, item)?.review.as_ref()?.state)
    }

    pub fn counts(&self, report: &Report) -> Counts {
        let mut c = Counts::default();
        for i in 0..self.items.len() {
            match self.state(report, i) {
                Some(ReviewState::Proposed) => c.open += 1,
                Some(ReviewState::Accepted) => c.accepted += 1,
                Some(ReviewState::Rejected) => c.rejected += 1,
                None => {}
            }
        }
        c
    }

    pub fn select(&mut self, item: usize) {
        self.selected = item.min(self.items.len().saturating_sub(1));
    }

    pub fn next(&mut self) {
        self.select(self.selected + 1);
    }

    pub fn previous(&mut self) {
        self.select(self.selected.saturating_sub(1));
    }

    /// Select the next figure still open after the selected one (wrapping), if any.
    pub fn next_open(&mut self, report: &Report) {
        let n = self.items.len();
        if let Some(k) = (1..=n)
            .map(|k| (self.selected + k) % n)
            .find(|&i| self.state(report, i) == Some(ReviewState::Proposed))
        {
            self.selected = k;
        }
    }

    /// Set the selected figure's state, then move to the next open one.
    pub fn set_state(&mut self, report: &mut Report, state: ReviewState) {
        let Some(before) = self.point(report, self.selected).cloned() else {
            return;
        };
        let mut after = before.clone();
        if let Some(r) = &mut after.review {
            r.state = state;
        }
        let it = &self.items[self.selected];
        let change = Change {
            indicator: it.indicator,
            point: it.point,
            before,
            after,
        };
        self.commit(report, vec![change]);
        self.next_open(report);
    }

    /// Accept every open figure of the selected figure's section, as one change.
    pub fn accept_section(&mut self, report: &mut Report) {
        let Some(section) = self.items.get(self.selected).map(|it| it.section.clone()) else {
            return;
        };
        let mut changes = Vec::new();
        for (i, it) in self.items.iter().enumerate() {
            if it.section != section || self.state(report, i) != Some(ReviewState::Proposed) {
                continue;
            }
            let Some(before) = self.point(report, i).cloned() else {
                continue;
            };
            let mut after = before.clone();
            if let Some(r) = &mut after.review {
                r.state = ReviewState::Accepted;
            }
            changes.push(Change {
                indicator: it.indicator,
                point: it.point,
                before,
                after,
            });
        }
        if !changes.is_empty() {
            self.commit(report, changes);
        }
        self.next_open(report);
    }

    /// Replace the selected figure by `edited`, which must keep a quote of the text that states
    /// its value. An edited figure counts as accepted.
    pub fn edit(&mut self, report: &mut Report, mut edited: DataPoint) -> Result<(), EditError> {
        let Some(before) = self.point(report, self.selected).cloned() else {
            return Ok(());
        };
        if edited
            .period
            .as_ref()
            .is_some_and(|p| p.zh.trim().is_empty() || p.en.trim().is_empty())
        {
            return Err(EditError::PeriodHalf);
        }
        if !self.in_text(&edited.quote) {
            return Err(EditError::QuoteNotInText(edited.quote));
        }
        if !crate::model::numbers::quote_states(
            &edited.quote,
            edited.value,
            edited.header_unit.as_deref(),
        ) {
            return Err(EditError::ValueNotStated {
                value: edited.value,
                quote: edited.quote,
            });
        }
        if let Some(r) = &mut edited.review {
            r.state = ReviewState::Accepted;
        }
        let it = &self.items[self.selected];
        let change = Change {
            indicator: it.indicator,
            point: it.point,
            before,
            after: edited,
        };
        self.commit(report, vec![change]);
        Ok(())
    }

    fn commit(&mut self, report: &mut Report, changes: Vec<Change>) {
        for c in &changes {
            put(report, c, &c.after);
        }
        self.undo.push(Step::Points(changes));
        self.redo.clear();
        self.unsaved = true;
    }

    /// Record a change of shape already made to `report`.
    fn commit_shape(&mut self, report: &Report, before: Shape, focus: &(String, u64)) {
        let after = Shape::of(report, Some(focus.clone()));
        self.rebuild(report, Some(focus));
        self.undo.push(Step::Shape { before, after });
        self.redo.clear();
        self.unsaved = true;
    }

    /// Undo the last change; false when there is none.
    pub fn undo(&mut self, report: &mut Report) -> bool {
        let Some(step) = self.undo.pop() else {
            return false;
        };
        match &step {
            Step::Points(changes) => {
                for c in changes.iter().rev() {
                    put(report, c, &c.before);
                }
                self.focus(changes);
            }
            Step::Shape { before, after } => {
                before.put(report);
                self.rebuild(report, after.focus.as_ref());
            }
        }
        self.redo.push(step);
        self.unsaved = true;
        true
    }

    /// Redo the last undone change; false when there is none.
    pub fn redo(&mut self, report: &mut Report) -> bool {
        let Some(step) = self.redo.pop() else {
            return false;
        };
        match &step {
            Step::Points(changes) => {
                for c in changes {
                    put(report, c, &c.after);
                }
                self.focus(changes);
            }
            Step::Shape { after, .. } => {
                after.put(report);
                self.rebuild(report, after.focus.as_ref());
            }
        }
        self.undo.push(step);
        self.unsaved = true;
        true
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Select the figure a change touched.
    fn focus(&mut self, changes: &[Change]) {
        if let Some(c) = changes.first()
            && let Some(i) = self
                .items
                .iter()
                .position(|it| it.indicator == c.indicator && it.point == c.point)
        {
            self.selected = i;
        }
    }
}

fn put(report: &mut Report, c: &Change, point: &DataPoint) {
    if let Some(p) = report
        .indicators
        .get_mut(c.indicator)
        .and_then(|i| i.points.get_mut(c.point))
    {
        *p = point.clone();
    }
}

/// A text without whitespace, and for each of its bytes the char index in `text` of the char the
/// byte belongs to.
fn squash_with_positions(text: &str) -> (String, Vec<usize>) {
    let mut s = String::new();
    let mut at = Vec::new();
    for (i, c) in text.chars().enumerate() {
        if !c.is_whitespace() {
            s.push(c);
            at.extend(std::iter::repeat_n(i, c.len_utf8()));
        }
    }
    (s, at)
}

/// Where `quote` first stands in the text: its char range there.
fn locate(squashed: &str, at: &[usize], quote: &str) -> Option<Range<usize>> {
    let q = squash(quote);
    if q.is_empty() {
        return None;
    }
    let byte = squashed.find(&q)?;
    Some(*at.get(byte)?..at.get(byte + q.len() - 1)? + 1)
}

mod adding;
mod command;
mod file;
mod moves;
pub use adding::Proposal;
pub use command::Command;
pub use file::{ReviewError, file_counts, has_draft, merged, without_empty_charts};
pub use moves::{Choice, Target};

#[cfg(test)]
mod tests;
