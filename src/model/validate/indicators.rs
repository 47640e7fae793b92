//! Indicators and their figures: known units, finite values of sensible size, rates within 0–100,
//! years within the report's, a quote for every figure, one figure per year, kind and basis.

use std::collections::HashSet;

use super::{MAX_MAGNITUDE, check_id, check_text, list};
use crate::model::locate::Path;
use crate::model::{Basis, Report};
use crate::path;

pub(super) fn check_indicators(report: &Report, fail: &mut impl FnMut(Path, String)) {
    let mut indicator_ids = HashSet::new();
    for (i, ind) in report.indicators.iter().enumerate() {
        check_id(
            fail,
            path!["indicators", i, "id"],
            &ind.id,
            "indicator",
            &mut indicator_ids,
        );
        check_text(fail, path!["indicators", i, "name"], &ind.name);
        let unit = report.unit(&ind.unit);
        if unit.is_none() {
            fail(
                path!["indicators", i, "unit"],
                format!(
                    "indicator `{}` names unit `{}`, which is not declared; expected one of: {}",
                    ind.id,
                    ind.unit,
                    list(report.units.iter().map(|u| u.id.as_str()))
                ),
            );
        }
        if ind.points.is_empty() {
            fail(
                path!["indicators", i, "points"],
                format!(
                    "indicator `{}` has no data points; expected at least one",
                    ind.id
                ),
            );
        }
        let mut seen = HashSet::new();
        for (p, point) in ind.points.iter().enumerate() {
            if !point.value.is_finite() {
                fail(
                    path!["indicators", i, "points", p, "value"],
                    format!(
                        "value of `{}` {} is {}; expected a finite number",
                        ind.id, point.year, point.value
                    ),
                );
            } else if point.value.abs() > MAX_MAGNITUDE {
                fail(
                    path!["indicators", i, "points", p, "value"],
                    format!(
                        "value of `{}` {} is {:e}; expected at most 1e15 in magnitude (a plain number in the indicator's unit)",
                        ind.id, point.year, point.value
                    ),
                );
            } else if point.basis == Basis::Rate
                && unit.is_some_and(|u| u.percent)
                && !(0.0..=100.0).contains(&point.value)
            {
                fail(
                    path!["indicators", i, "points", p, "value"],
                    format!(
                        "rate `{}` {} is {}%; expected a rate or share within 0–100",
                        ind.id, point.year, point.value
                    ),
                );
            }
            if !report.years.contains(point.year) {
                fail(
                    path!["indicators", i, "points", p, "year"],
                    format!(
                        "year {} of `{}` is outside the report's years; expected {}–{}",
                        point.year, ind.id, report.years.first, report.years.last
                    ),
                );
            }
            if point.quote.trim().is_empty() {
                fail(
                    path!["indicators", i, "points", p, "quote"],
                    format!(
                        "`{}` {} has an empty quote; expected the words of the report the figure comes from",
                        ind.id, point.year
                    ),
                );
            }
            if let Some(period) = &point.period {
                check_text(fail, path!["indicators", i, "points", p, "period"], period);
            }
            if let Some(note) = &point.note {
                check_text(fail, path!["indicators", i, "points", p, "note"], note);
            }
            if !seen.insert((point.year, point.kind, point.basis)) {
                fail(
                    path!["indicators", i, "points", p],
                    format!(
                        "`{}` has two {} points for {} on the same basis ({}); expected one",
                        ind.id,
                        point.kind.id(),
                        point.year,
                        point.basis.id()
                    ),
                );
            }
        }
    }
}
