//! A number of the text the draft missed, proposed as a figure: read where a reader pointed, with
//! its unit, its quote (the clause up to the number's unit), and the year, kind and section of the
//! figure selected beside it. The reader then confirms it ([`Review::add`]).

use super::{EditError, Review};
use crate::model::lexicon::Lexicon;
use crate::model::{Basis, DataPoint, PointKind, Report, Unit, numbers};

/// A figure proposed from the text: the point, its unit, and the category it would go to.
#[derive(Clone, Debug, PartialEq)]
pub struct Proposal {
    pub point: DataPoint,
    pub unit: Unit,
    pub category: String,
}

/// How far around the pointed char a number is looked for: a number with its unit and qualifier
/// is far shorter, and the clause before it (the quote's start) rarely longer.
const BEFORE: usize = 80;
const AFTER: usize = 40;

/// Where a quote starts: after the punctuation that ends the clause before.
fn clause_start(window: &[char], mut start: usize) -> usize {
    while let Some(&c) = start.checked_sub(1).and_then(|i| window.get(i)) {
        if matches!(c, '，' | '。' | '；' | '：' | '\n' | ',' | ';') {
            break;
        }
        start -= 1;
    }
    start
}

impl Review {
    /// The number at char `at` of `text` as a figure to add; `None` when no number stands there.
    /// A number without a unit is refused: a figure needs one.
    pub fn propose(
        &self,
        report: &Report,
        text: &[char],
        at: usize,
    ) -> Result<Option<Proposal>, EditError> {
        let from = at.saturating_sub(BEFORE);
        let to = (at + AFTER).min(text.len());
        let Some(window) = text.get(from..to) else {
            return Ok(None);
        };
        let lex = Lexicon::embedded();
        let Some(m) = numbers::read(window, lex)
            .into_iter()
            .find(|m| (m.number.start..m.span.end.max(m.number.end)).contains(&(at - from)))
        else {
            return Ok(None);
        };
        let Some(u) = m.unit.and_then(|u| lex.units.get(u)) else {
            return Err(EditError::NoUnitAfterNumber);
        };
        let start = clause_start(window, m.span.start);
        let quote: String = window
            .get(start..m.span.end)
            .unwrap_or_default()
            .iter()
            .collect();
        let unit = report
            .units
            .iter()
            .find(|x| x.zh == u.declared())
            .cloned()
            .unwrap_or_else(|| Unit {
                id: u.id.clone(),
                zh: u.declared().to_owned(),
                en: u.en.clone(),
                percent: u.percent,
            });
        // Year, kind and section from the figure selected, which a reader adds beside.
        let near = self.point(report, self.selected);
        let category = self
            .items
            .get(self.selected)
            .and_then(|it| report.indicators.get(it.indicator))
            .map(|i| i.category.clone())
            .or_else(|| report.categories.first().map(|c| c.id.clone()))
            .unwrap_or_default();
        let point = DataPoint {
            year: near.map_or(report.years.first, |p| p.year),
            kind: near.map_or(PointKind::Actual, |p| p.kind),
            value: m.value,
            qualifier: m.qualifier,
            basis: if unit.percent {
                Basis::Rate
            } else {
                Basis::Level
            },
            high: None,
            span: None,
            part: None,
            period: None,
            note: None,
            measure: None,
            source: near.and_then(|p| p.source.clone()),
            quote,
            header_unit: None,
            review: None,
            revised_by: None,
            file: 0,
        };
        Ok(Some(Proposal {
            point,
            unit,
            category,
        }))
    }
}
