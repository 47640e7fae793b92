//! Charts: known indicators, one unit and one basis per chart, the points a kind needs, reference
//! lines with finite values and a source.

use std::collections::{HashMap, HashSet};

use super::{MAX_MAGNITUDE, check_id, check_text, list, suggestion};
use crate::model::locate::Path;
use crate::model::{Basis, ChartKind, PointKind, Report};
use crate::path;

pub(super) fn check_charts(report: &Report, fail: &mut impl FnMut(Path, String)) {
    // Lookups by id in one step each, however large the file.
    let mut indicators_by_id: HashMap<&str, &crate::model::Indicator> = HashMap::new();
    for ind in &report.indicators {
        indicators_by_id.entry(ind.id.as_str()).or_insert(ind);
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
        let mut axis: Option<(&str, &str)> = None; // (unit id, indicator id)
        let mut basis: Option<(Basis, &str)> = None;
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
            let Some(ind) = indicators_by_id.get(series.as_str()).copied() else {
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
            match axis {
                None => axis = Some((&ind.unit, &ind.id)),
                Some((unit, first)) if unit != ind.unit => {
                    let sym = |id: &str| report.unit(id).map_or(id.to_owned(), |u| u.zh.clone());
                    fail(
                        at.clone(),
                        format!(
                            "chart `{}` mixes units on one value axis: `{}` is in {} but `{first}` is in {}; expected one unit per chart",
                            chart.id,
                            ind.id,
                            sym(&ind.unit),
                            sym(unit)
                        ),
                    );
                    // The unit is wrong already: a basis message on top would only repeat it.
                    continue;
                }
                Some(_) => {}
            }
            let drawn: Vec<_> = ind.points.iter().filter(|p| chart.draws(p.kind)).collect();
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
            for point in drawn {
                match basis {
                    None => basis = Some((point.basis, &ind.id)),
                    Some((b, first)) if b != point.basis => {
                        fail(
                            at.clone(),
                            format!(
                                "chart `{}` compares different bases: `{}` {} is {} but `{first}` is {}; expected one basis per chart",
                                chart.id,
                                ind.id,
                                point.year,
                                point.basis.id(),
                                b.id()
                            ),
                        );
                        break;
                    }
                    Some(_) => {}
                }
            }
            if chart.kind == ChartKind::BeforeAfter
                && !ind
                    .points
                    .iter()
                    .any(|p| p.kind == PointKind::Baseline && chart.draws(p.kind))
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
