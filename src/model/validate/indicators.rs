//! Indicators and their figures: a declared category and units, measures with declared units,
//! finite values of sensible size, rates within 0–100, growth and point changes in a percent unit,
//! years within the file's, a declared source and a quote for every figure, one figure per measure,
//! year, kind, basis and source.

use std::collections::HashSet;

use super::{MAX_MAGNITUDE, check_id, check_text, list};
use crate::model::locate::Path;
use crate::model::{Basis, Indicator, Report, Unit};
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
        if report.category(&ind.category).is_none() {
            fail(
                path!["indicators", i, "category"],
                format!(
                    "indicator `{}` names category `{}`, which is not declared; expected one of: {}",
                    ind.id,
                    ind.category,
                    list(report.categories.iter().map(|c| c.id.as_str()))
                ),
            );
        }
        check_unit(
            report,
            fail,
            path!["indicators", i, "unit"],
            &ind.id,
            &ind.unit,
        );
        let mut measure_ids = HashSet::new();
        for (m, measure) in ind.measures.iter().enumerate() {
            check_id(
                fail,
                path!["indicators", i, "measures", m, "id"],
                &measure.id,
                "measure",
                &mut measure_ids,
            );
            check_text(
                fail,
                path!["indicators", i, "measures", m, "name"],
                &measure.name,
            );
            check_unit(
                report,
                fail,
                path!["indicators", i, "measures", m, "unit"],
                &ind.id,
                &measure.unit,
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
        check_points(report, fail, i, ind);
    }
}

fn check_unit(
    report: &Report,
    fail: &mut impl FnMut(Path, String),
    at: Path,
    indicator: &str,
    unit: &str,
) {
    if report.unit(unit).is_none() {
        fail(
            at,
            format!(
                "indicator `{indicator}` names unit `{unit}`, which is not declared; expected one of: {}",
                list(report.units.iter().map(|u| u.id.as_str()))
            ),
        );
    }
}

fn check_points(report: &Report, fail: &mut impl FnMut(Path, String), i: usize, ind: &Indicator) {
    let mut seen = HashSet::new();
    for (p, point) in ind.points.iter().enumerate() {
        let at = |field: &str| path!["indicators", i, "points", p, field];
        let measure_unit: Option<&Unit> = match point.measure.as_deref() {
            Some(m) if !ind.has_measure(Some(m)) => {
                fail(
                    at("measure"),
                    format!(
                        "`{}` {} names measure `{m}`, which `{}` does not declare; expected one of: {}",
                        ind.id,
                        point.year,
                        ind.id,
                        list(ind.measures.iter().map(|m| m.id.as_str()))
                    ),
                );
                None
            }
            measure => report.unit_of_measure(ind, measure),
        };
        if !point.value.is_finite() {
            fail(
                at("value"),
                format!(
                    "value of `{}` {} is {}; expected a finite number",
                    ind.id, point.year, point.value
                ),
            );
        } else if point.value.abs() > MAX_MAGNITUDE {
            fail(
                at("value"),
                format!(
                    "value of `{}` {} is {:e}; expected at most 1e15 in magnitude (a plain number in the indicator's unit)",
                    ind.id, point.year, point.value
                ),
            );
        } else if point.basis == Basis::Rate
            && measure_unit.is_some_and(|u| u.percent)
            && !(0.0..=100.0).contains(&point.value)
        {
            fail(
                at("value"),
                format!(
                    "rate `{}` {} is {}%; expected a rate or share within 0–100",
                    ind.id, point.year, point.value
                ),
            );
        }
        if point.basis.needs_percent()
            && let Some(unit) = measure_unit
            && !unit.percent
        {
            fail(
                at("basis"),
                format!(
                    "`{}` {} is a {} in {} ({}); expected a percent unit (one declared with `percent: true`): a growth rate or a change in points is never in {}",
                    ind.id,
                    point.year,
                    point.basis.id(),
                    unit.zh,
                    unit.id,
                    unit.zh
                ),
            );
        }
        if !report.years.contains(point.year) {
            fail(
                at("year"),
                format!(
                    "year {} of `{}` is outside the report's years; expected {}–{}",
                    point.year, ind.id, report.years.first, report.years.last
                ),
            );
        }
        if point.quote.trim().is_empty() {
            fail(
                at("quote"),
                format!(
                    "`{}` {} has an empty quote; expected the words of the report the figure comes from",
                    ind.id, point.year
                ),
            );
        }
        match (&point.source, report.sources.as_slice()) {
            (Some(id), _) if report.source(id).is_none() => fail(
                at("source"),
                format!(
                    "`{}` {} names source `{id}`, which is not declared; expected one of: {}",
                    ind.id,
                    point.year,
                    list(report.sources.iter().map(|s| s.id.as_str()))
                ),
            ),
            (None, sources) if sources.len() > 1 => fail(
                path!["indicators", i, "points", p],
                format!(
                    "`{}` {} names no source, and the file declares several; expected `source:` one of: {}",
                    ind.id,
                    point.year,
                    list(sources.iter().map(|s| s.id.as_str()))
                ),
            ),
            _ => {}
        }
        if let Some(period) = &point.period {
            check_text(fail, at("period"), period);
        }
        if let Some(note) = &point.note {
            check_text(fail, at("note"), note);
        }
        if !seen.insert((
            point.measure.as_deref(),
            point.year,
            point.kind,
            point.basis,
            point.source.as_deref(),
        )) {
            fail(
                path!["indicators", i, "points", p],
                format!(
                    "`{}` has two {} points for {} on the same basis ({}) from the same source; expected one",
                    ind.id,
                    point.kind.id(),
                    point.year,
                    point.basis.id()
                ),
            );
        }
    }
}
