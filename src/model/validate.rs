//! Semantic checks on a parsed report. Each problem carries the path of the value at fault, so the
//! loader can turn it into file:line:column.

use std::collections::{HashMap, HashSet};

use super::locate::Path;
use super::{Basis, ChartKind, PointKind, Report};
use crate::path;

/// The largest magnitude a value may have. Plan figures are far below it (the largest here is
/// 1391亿元 = 1.391e11); beyond it the axis arithmetic and the rasterizer's fixed point lose meaning.
const MAX_MAGNITUDE: f64 = 1e15;

/// Every problem found, not only the first, in document order where practical.
pub fn validate(report: &Report) -> Vec<(Path, String)> {
    let mut problems = Vec::new();
    let mut fail = |path: Path, msg: String| problems.push((path, msg));

    if report.years.first > report.years.last {
        fail(
            path!["years"],
            format!(
                "years run backwards ({} to {}); expected first <= last",
                report.years.first, report.years.last
            ),
        );
    }
    check_text(&mut fail, path!["title"], &report.title);
    check_text(&mut fail, path!["issuer"], &report.issuer);

    let mut unit_ids = HashSet::new();
    for (u, unit) in report.units.iter().enumerate() {
        check_id(
            &mut fail,
            path!["units", u, "id"],
            &unit.id,
            "unit",
            &mut unit_ids,
        );
        if unit.zh.trim().is_empty() || unit.en.trim().is_empty() {
            fail(
                path!["units", u],
                format!(
                    "unit `{}` has an empty symbol; expected zh and en symbols",
                    unit.id
                ),
            );
        }
    }

    let mut indicator_ids = HashSet::new();
    for (i, ind) in report.indicators.iter().enumerate() {
        check_id(
            &mut fail,
            path!["indicators", i, "id"],
            &ind.id,
            "indicator",
            &mut indicator_ids,
        );
        check_text(&mut fail, path!["indicators", i, "name"], &ind.name);
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
                check_text(
                    &mut fail,
                    path!["indicators", i, "points", p, "period"],
                    period,
                );
            }
            if let Some(note) = &point.note {
                check_text(&mut fail, path!["indicators", i, "points", p, "note"], note);
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

    // Lookups by id in one step each, however large the file.
    let mut indicators_by_id: HashMap<&str, &super::Indicator> = HashMap::new();
    for ind in &report.indicators {
        indicators_by_id.entry(ind.id.as_str()).or_insert(ind);
    }
    let mut chart_ids = HashSet::new();
    for (c, chart) in report.charts.iter().enumerate() {
        check_id(
            &mut fail,
            path!["charts", c, "id"],
            &chart.id,
            "chart",
            &mut chart_ids,
        );
        check_text(&mut fail, path!["charts", c, "title"], &chart.title);
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
                &mut fail,
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
                &mut fail,
                path!["charts", c, "reference_lines", r, "label"],
                &line.label,
            );
            check_text(
                &mut fail,
                path!["charts", c, "reference_lines", r, "source"],
                &line.source,
            );
        }
    }

    let mut page_ids = HashSet::new();
    let mut on_page: HashMap<&str, usize> = HashMap::new();
    for (g, page) in report.pages.iter().enumerate() {
        check_id(
            &mut fail,
            path!["pages", g, "id"],
            &page.id,
            "page",
            &mut page_ids,
        );
        check_text(&mut fail, path!["pages", g, "title"], &page.title);
        let mut on_this_page = HashSet::new();
        for (c, chart) in page.charts.iter().enumerate() {
            if !on_this_page.insert(chart.as_str()) {
                fail(
                    path!["pages", g, "charts", c],
                    format!(
                        "page `{}` lists chart `{chart}` twice; expected each chart once a page",
                        page.id
                    ),
                );
            }
            if !chart_ids.contains(chart.as_str()) {
                fail(
                    path!["pages", g, "charts", c],
                    format!(
                        "page `{}` names chart `{chart}`, which does not exist; expected a chart id{}",
                        page.id,
                        suggestion(chart, report.charts.iter().map(|c| c.id.as_str()))
                    ),
                );
            }
            *on_page.entry(chart).or_default() += 1;
        }
    }
    for (c, chart) in report.charts.iter().enumerate() {
        if !on_page.contains_key(chart.id.as_str()) {
            fail(
                path!["charts", c, "id"],
                format!(
                    "chart `{}` is on no page; expected it in some page's charts",
                    chart.id
                ),
            );
        }
    }

    problems.sort_by_key(|(path, _)| path_order(report, path));
    problems
}

/// Sort key: problems are found section by section; report them in the order of the file's
/// sections as written (title, units, indicators, charts, pages).
fn path_order(_report: &Report, path: &Path) -> Vec<usize> {
    use super::locate::Seg;
    path.iter()
        .map(|seg| match seg {
            Seg::Index(i) => *i,
            Seg::Field(f) => match f.as_str() {
                "years" => 0,
                "title" => 1,
                "issuer" => 2,
                "units" => 3,
                "indicators" => 4,
                "charts" => 5,
                "pages" => 6,
                _ => 7,
            },
        })
        .collect()
}

fn check_id<'a>(
    fail: &mut impl FnMut(Path, String),
    at: Path,
    id: &'a str,
    what: &str,
    seen: &mut HashSet<&'a str>,
) {
    if id.trim().is_empty() {
        fail(
            at,
            format!("{what} id is empty; expected a short stable id such as `gdp`"),
        );
    } else if id.chars().any(char::is_control) {
        fail(
            at,
            format!(
                "{what} id `{}` holds a control character; expected a plain id",
                id.escape_debug()
            ),
        );
    } else if !seen.insert(id) {
        fail(
            at,
            format!("duplicate {what} id `{id}`; expected every {what} id to be unique"),
        );
    }
}

fn check_text(fail: &mut impl FnMut(Path, String), at: Path, text: &super::Text) {
    if text.zh.trim().is_empty() || text.en.trim().is_empty() {
        fail(at, "text is empty; expected both zh and en".to_owned());
    }
}

fn list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// " (did you mean `gdp`?)" when an id is a likely typo of an existing one.
fn suggestion<'a>(wrong: &str, ids: impl Iterator<Item = &'a str>) -> String {
    ids.map(|id| (edit_distance(wrong, id), id))
        .filter(|(d, id)| *d <= 2.max(id.len() / 4))
        .min()
        .map(|(_, id)| format!(" (did you mean `{id}`?)"))
        .unwrap_or_default()
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}
