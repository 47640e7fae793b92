//! Charts: known indicators, one unit and one basis per chart, the points a kind needs, reference
//! lines with finite values and a source.

use std::collections::{HashMap, HashSet};

use super::{MAX_MAGNITUDE, check_id, check_text, list, suggestion};
use crate::model::locate::Path;
use crate::model::{Basis, ChartKind, PointKind, Report};
use crate::path;

pub(super) fn check_charts(report: &Report, fail: &mut impl FnMut(Path, String)) {
    // Lookups by id in one step each, however large the file.
    let mut indicators_by_id: HashMap<&str, (usize, &crate::model::Indicator)> = HashMap::new();
    for (i, ind) in report.indicators.iter().enumerate() {
        indicators_by_id.entry(ind.id.as_str()).or_insert((i, ind));
    }
    let mut chart_ids = HashSet::new();
    for (c, chart) in report.charts.iter().enumerate() {
        check_id(
            fail,
            path!["charts", c, "id"],
            &chart.id,
            "chart",
            &mut chart_ids,
        );
        check_text(fail, path!["charts", c, "title"], &chart.title);
        if chart.series.is_empty() {
            fail(
                path!["charts", c, "series"],
                format!(
                    "chart `{}` has no series; expected at least one indicator id",
                    chart.id
                ),
            );
        }
        // The first series sets the unit and the basis; every other must match.
        let measure = chart.measure.as_deref();
        let mut axis: Option<(&str, &str)> = None; // (unit id, indicator id)
        let mut basis: Option<(Basis, &crate::model::Indicator, &crate::model::DataPoint)> = None;
        let mut seen = HashSet::new();
        for (s, series) in chart.series.iter().enumerate() {
            let at = path!["charts", c, "series", s];
            if !seen.insert(series.as_str()) {
                fail(
                    at.clone(),
                    format!("chart `{}` lists `{series}` twice", chart.id),
                );
                continue;
            }
            let Some((i, ind)) = indicators_by_id.get(series.as_str()).copied() else {
                fail(
                    at,
                    format!(
                        "chart `{}` names indicator `{series}`, which does not exist; expected an indicator id{}",
                        chart.id,
                        suggestion(series, report.indicators.iter().map(|i| i.id.as_str()))
                    ),
                );
                continue;
            };
            let Some(unit_id) = ind.unit_id_of(measure) else {
                fail(
                    at,
                    format!(
                        "chart `{}` draws measure `{}` of `{}`, which `{}` does not declare; expected one of its measures: {}",
                        chart.id,
                        measure.unwrap_or_default(),
                        ind.id,
                        ind.id,
                        list(ind.measures.iter().map(|m| m.id.as_str()))
                    ),
                );
                continue;
            };
            match axis {
                None => axis = Some((unit_id, &ind.id)),
                Some((unit, first)) if unit != unit_id => {
                    let sym = |id: &str| report.unit(id).map_or(id.to_owned(), |u| u.zh.clone());
                    fail(
                        at.clone(),
                        format!(
                            "chart `{}` mixes units on one value axis: `{}` is in {} but `{first}` is in {}; expected one unit per chart",
                            chart.id,
                            ind.id,
                            sym(unit_id),
                            sym(unit)
                        ),
                    );
                    // The unit is wrong already: a basis message on top would only repeat it.
                    continue;
                }
                Some(_) => {}
            }
            let drawn: Vec<_> = ind
                .points
                .iter()
                .enumerate()
                .filter(|(_, p)| {
                    p.measure.as_deref() == measure
                        && p.revised_by.is_none()
                        && chart.draws(p.kind)
                        && (chart.sources.is_empty()
                            || chart.sources.iter().any(|s| s == p.source_id()))
                })
                .collect();
            if drawn.is_empty() {
                fail(
                    at.clone(),
                    format!(
                        "chart `{}` draws no point of `{}` (it draws only {}); expected at least one",
                        chart.id,
                        ind.id,
                        list(chart.kinds.iter().map(|k| k.id()))
                    ),
                );
            }
            for &(p, point) in &drawn {
                match basis {
                    None => basis = Some((point.basis, ind, point)),
                    Some((b, first, first_point)) if b != point.basis => {
                        // Name the figure that differs, where it is, and the one it differs from.
                        fail(
                            path!["indicators", i, "points", p, "basis"],
                            format!(
                                "chart `{}` compares different bases: `{}` {} {} is {}, but `{}` {} {} is {}; expected one basis per chart (a level and its growth are two measures of one indicator)",
                                chart.id,
                                ind.id,
                                point.year,
                                point.kind.id(),
                                point.basis.id(),
                                first.id,
                                first_point.year,
                                first_point.kind.id(),
                                b.id()
                            ),
                        );
                        break;
                    }
                    Some(_) => {}
                }
            }
            if chart.kind == ChartKind::BeforeAfter
                && !drawn.iter().any(|(_, p)| p.kind == PointKind::Baseline)
            {
                fail(
                    at.clone(),
                    format!(
                        "before-after chart `{}` needs a baseline point of `{}`; expected a Baseline point",
                        chart.id, ind.id
                    ),
                );
            }
        }
        for (s, source) in chart.sources.iter().enumerate() {
            if report.source(source).is_none() {
                fail(
                    path!["charts", c, "sources", s],
                    format!(
                        "chart `{}` draws figures of source `{source}`, which is not declared; expected one of: {}",
                        chart.id,
                        list(report.sources.iter().map(|s| s.id.as_str()))
                    ),
                );
            }
        }
        if chart.kind == ChartKind::ReferenceLines && chart.reference_lines.is_empty() {
            fail(
                path!["charts", c, "kind"],
                format!(
                    "chart `{}` is of kind ReferenceLines but declares no reference_lines; expected at least one",
                    chart.id
                ),
            );
        }
        let mut line_ids = HashSet::new();
        for (r, line) in chart.reference_lines.iter().enumerate() {
            check_id(
                fail,
                path!["charts", c, "reference_lines", r, "id"],
                &line.id,
                "reference line",
                &mut line_ids,
            );
            if !line.value.is_finite() || line.value.abs() > MAX_MAGNITUDE {
                fail(
                    path!["charts", c, "reference_lines", r, "value"],
                    format!(
                        "reference line `{}` has value {}; expected a finite number of at most 1e15 in magnitude",
                        line.id, line.value
                    ),
                );
            }
            check_text(
                fail,
                path!["charts", c, "reference_lines", r, "label"],
                &line.label,
            );
            check_text(
                fail,
                path!["charts", c, "reference_lines", r, "source"],
                &line.source,
            );
        }
    }
}
