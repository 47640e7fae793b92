//! Indicators and their figures: a declared category and units, measures with declared units,
//! finite values of sensible size, rates within 0–100, growth and point changes in a percent unit,
//! years within the file's, a declared source and a quote for every figure, one figure per measure,
//! year, kind, basis and source.

use std::collections::HashSet;

use super::{MAX_MAGNITUDE, basis_zh, check_id, check_text, kind_zh, list};
use crate::model::locate::Path;
use crate::model::{Basis, Indicator, Msg, Report, Unit};
use crate::path;

pub(super) fn check_indicators(report: &Report, fail: &mut impl FnMut(Path, Msg)) {
    let mut indicator_ids = HashSet::new();
    for (i, ind) in report.indicators.iter().enumerate() {
        check_id(
            fail,
            path!["indicators", i, "id"],
            &ind.id,
            ("indicator", "指标"),
            &mut indicator_ids,
        );
        check_text(fail, path!["indicators", i, "name"], &ind.name);
        if report.category(&ind.category).is_none() {
            let (id, category) = (&ind.id, &ind.category);
            let ids = list(report.categories.iter().map(|c| c.id.as_str()));
            fail(
                path!["indicators", i, "category"],
                Msg::new(
                    format!(
                        "indicator `{id}` names category `{category}`, which is not declared; expected one of: {}",
                        ids.en
                    ),
                    format!(
                        "指标 `{id}` 引用了未声明的类别 `{category}`；应为以下之一：{}",
                        ids.zh
                    ),
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
                ("measure", "度量"),
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
            let id = &ind.id;
            fail(
                path!["indicators", i, "points"],
                Msg::new(
                    format!("indicator `{id}` has no data points; expected at least one"),
                    format!("指标 `{id}` 没有数据点；应至少有一个"),
                ),
            );
        }
        check_points(report, fail, i, ind);
    }
}

fn check_unit(
    report: &Report,
    fail: &mut impl FnMut(Path, Msg),
    at: Path,
    indicator: &str,
    unit: &str,
) {
    if report.unit(unit).is_none() {
        let ids = list(report.units.iter().map(|u| u.id.as_str()));
        fail(
            at,
            Msg::new(
                format!(
                    "indicator `{indicator}` names unit `{unit}`, which is not declared; expected one of: {}",
                    ids.en
                ),
                format!(
                    "指标 `{indicator}` 引用了未声明的单位 `{unit}`；应为以下之一：{}",
                    ids.zh
                ),
            ),
        );
    }
}

fn check_points(report: &Report, fail: &mut impl FnMut(Path, Msg), i: usize, ind: &Indicator) {
    let mut seen = HashSet::new();
    let id = &ind.id;
    for (p, point) in ind.points.iter().enumerate() {
        let (year, value) = (point.year, point.value);
        let at = |field: &str| path!["indicators", i, "points", p, field];
        let measure_unit: Option<&Unit> = match point.measure.as_deref() {
            Some(m) if !ind.has_measure(Some(m)) => {
                let ids = list(ind.measures.iter().map(|m| m.id.as_str()));
                fail(
                    at("measure"),
                    Msg::new(
                        format!(
                            "`{id}` {year} names measure `{m}`, which `{id}` does not declare; expected one of: {}",
                            ids.en
                        ),
                        format!(
                            "`{id}` {year}年的数据点引用了 `{id}` 未声明的度量 `{m}`；应为以下之一：{}",
                            ids.zh
                        ),
                    ),
                );
                None
            }
            measure => report.unit_of_measure(ind, measure),
        };
        if !point.value.is_finite() {
            fail(
                at("value"),
                Msg::new(
                    format!("value of `{id}` {year} is {value}; expected a finite number"),
                    format!("`{id}` {year}年的数值为 {value}；应为有限的数"),
                ),
            );
        } else if point.value.abs() > MAX_MAGNITUDE {
            fail(
                at("value"),
                Msg::new(
                    format!(
                        "value of `{id}` {year} is {value:e}; expected at most 1e15 in magnitude (a plain number in the indicator's unit)"
                    ),
                    format!(
                        "`{id}` {year}年的数值为 {value:e}；绝对值应不超过 1e15（以指标的单位计、不带量级词的数）"
                    ),
                ),
            );
        } else if point.basis == Basis::Rate
            && measure_unit.is_some_and(|u| u.percent)
            && !(0.0..=100.0).contains(&point.value)
        {
            fail(
                at("value"),
                Msg::new(
                    format!(
                        "rate `{id}` {year} is {value}%; expected a rate or share within 0–100"
                    ),
                    format!("比率 `{id}` {year}年为 {value}%；比率或占比应在 0–100 之间"),
                ),
            );
        }
        if point.basis.needs_percent()
            && let Some(unit) = measure_unit
            && !unit.percent
        {
            let (basis, symbol, unit_id) = (point.basis.id(), &unit.zh, &unit.id);
            fail(
                at("basis"),
                Msg::new(
                    format!(
                        "`{id}` {year} is a {basis} in {symbol} ({unit_id}); expected a percent unit (one declared with `percent: true`): a growth rate or a change in points is never in {symbol}"
                    ),
                    format!(
                        "`{id}` {year}年的口径是{}，单位却是 {symbol}（{unit_id}）；应为百分数单位（声明时写 `percent: true`）：增速或百分点变化不会以 {symbol} 为单位",
                        basis_zh(point.basis)
                    ),
                ),
            );
        }
        if !report.years.contains(point.year) {
            let (first, last) = (report.years.first, report.years.last);
            fail(
                at("year"),
                Msg::new(
                    format!(
                        "year {year} of `{id}` is outside the report's years; expected {first}–{last}"
                    ),
                    format!("`{id}` 的年份 {year} 超出报告的年份范围；应在 {first}–{last} 之间"),
                ),
            );
        }
        if point.quote.trim().is_empty() {
            fail(
                at("quote"),
                Msg::new(
                    format!(
                        "`{id}` {year} has an empty quote; expected the words of the report the figure comes from"
                    ),
                    format!("`{id}` {year}年的引文为空；应为该数字出处的报告原文"),
                ),
            );
        }
        match (&point.source, report.sources.as_slice()) {
            (Some(source), _) if report.source(source).is_none() => {
                let ids = list(report.sources.iter().map(|s| s.id.as_str()));
                fail(
                    at("source"),
                    Msg::new(
                        format!(
                            "`{id}` {year} names source `{source}`, which is not declared; expected one of: {}",
                            ids.en
                        ),
                        format!(
                            "`{id}` {year}年的数据点引用了未声明的来源 `{source}`；应为以下之一：{}",
                            ids.zh
                        ),
                    ),
                );
            }
            (None, sources) if sources.len() > 1 => {
                let ids = list(sources.iter().map(|s| s.id.as_str()));
                fail(
                    path!["indicators", i, "points", p],
                    Msg::new(
                        format!(
                            "`{id}` {year} names no source, and the file declares several; expected `source:` one of: {}",
                            ids.en
                        ),
                        format!(
                            "`{id}` {year}年的数据点没有注明来源，而文件声明了多个来源；应写 `source:`，取以下之一：{}",
                            ids.zh
                        ),
                    ),
                );
            }
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
                Msg::new(
                    format!(
                        "`{id}` has two {} points for {year} on the same basis ({}) from the same source; expected one",
                        point.kind.id(),
                        point.basis.id()
                    ),
                    format!(
                        "`{id}` 有两个出自同一来源、口径相同（{}）的 {year}年{}数据点；应只有一个",
                        basis_zh(point.basis),
                        kind_zh(point.kind)
                    ),
                ),
            );
        }
    }
}
