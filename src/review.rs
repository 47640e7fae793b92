//! Reviewing a drafted data file: its figures in the report's order, each accepted, rejected or
//! still open; changes that can be undone and redone; where each quote stands in the source text.
//!
//! Plain data logic on a [`Report`], without a window: the review page draws it and reacts, the
//! tests drive it directly.

use std::ops::Range;

use crate::model::provenance::squash;
use crate::model::{DataPoint, Report, ReviewState};

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
}

/// The review of one data file.
#[derive(Clone, Debug, Default)]
pub struct Review {
    pub items: Vec<Item>,
    pub selected: usize,
    undo: Vec<Vec<Change>>,
    redo: Vec<Vec<Change>>,
    /// Changes not yet written to the file.
    pub unsaved: bool,
    /// The source text, whitespace removed: an edited quote must be in it.
    squashed: String,
}

impl Review {
    /// The review of `report` (one data file's), in the order its quotes stand in `text`; None when
    /// the file has no drafted figures.
    pub fn of(report: &Report, text: Option<&str>) -> Option<Self> {
        let (squashed, squashed_at) = text.map(squash_with_positions).unwrap_or_default();
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
                    at: locate(&squashed, &squashed_at, &point.quote),
                });
            }
        }
        if items.is_empty() {
            return None;
        }
        // The report's order: by where the quote stands, figures without a place last.
        items.sort_by_key(|it| it.at.as_ref().map_or(usize::MAX, |r| r.start));
        Some(Self {
            items,
            squashed,
            ..Self::default()
        })
    }

    pub fn point<'a>(&self, report: &'a Report, item: usize) -> Option<&'a DataPoint> {
        let it = self.items.get(item)?;
        report.indicators.get(it.indicator)?.points.get(it.point)
    }

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
        if !self.squashed.is_empty() && !self.squashed.contains(&squash(&edited.quote)) {
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
        self.undo.push(changes);
        self.redo.clear();
        self.unsaved = true;
    }

    /// Undo the last change; false when there is none.
    pub fn undo(&mut self, report: &mut Report) -> bool {
        let Some(changes) = self.undo.pop() else {
            return false;
        };
        for c in changes.iter().rev() {
            put(report, c, &c.before);
        }
        self.focus(&changes);
        self.redo.push(changes);
        self.unsaved = true;
        true
    }

    /// Redo the last undone change; false when there is none.
    pub fn redo(&mut self, report: &mut Report) -> bool {
        let Some(changes) = self.redo.pop() else {
            return false;
        };
        for c in &changes {
            put(report, c, &c.after);
        }
        self.focus(&changes);
        self.undo.push(changes);
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

#[cfg(test)]
mod tests;
