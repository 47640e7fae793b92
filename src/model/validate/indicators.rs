//! Indicators and their figures: a declared category and units, measures with declared units,
//! finite values of sensible size, rates within 0–100, growth and point changes in a percent unit,
//! years within the file's, a declared source and a quote for every figure, one figure per measure,
//! year, kind, basis and source.

use std::collections::HashSet;

use super::{MAX_MAGNITUDE, basis_zh, check_id, check_ids, check_text, kind_zh, list};
use crate::model::locate::Path;
use crate::model::{Basis, DataPoint, Indicator, Msg, Qualifier, Report, Unit};
use crate::path;

/// What the section's items are called.
const NOUN: super::Noun = ("indicator", "指标");

pub(super) fn check_indicators(report: &Report, fail: &mut impl FnMut(Path, Msg)) {
    check_ids(&report.indicators, "indicators", NOUN, |i| &i.id, fail);
    for (i, ind) in report.indicators.iter().enumerate() {
        check_text(fail, path!["indicators", i, "name"], &ind.name);
        let uncategorised = ind.category.is_empty() && report.categories.is_empty();
        if !uncategorised && report.category(&ind.category).is_none() {
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
        let id = &ind.id;
        match (&ind.series, ind.points.is_empty()) {
            (None, true) => fail(
                path!["indicators", i, "points"],
                Msg::new(
                    format!(
                        "indicator `{id}` has no data points; expected at least one, or a `series` read from a CSV file"
                    ),
                    format!("指标 `{id}` 没有数据点；应至少有一个，或用 `series` 从 CSV 文件读取"),
                ),
            ),
            (Some(_), false) => fail(
                path!["indicators", i, "series"],
                Msg::new(
                    format!(
                        "indicator `{id}` has both `points` and a `series`; expected one of the two: a monitoring record is one indicator, the report's figures another"
                    ),
                    format!(
                        "指标 `{id}` 同时有 `points` 和 `series`；只应有其一：监测记录是一个指标，报告中的数字是另一个"
                    ),
                ),
            ),
            (Some(series), true) => super::records::check_series(report, fail, i, id, series),
            (None, false) => {}
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

/// Every figure of indicator `i`: its measure, value, basis, year, quote, source and words, each
/// its own check in that order (the order of the problems), then that it is not a duplicate.
fn check_points(report: &Report, fail: &mut impl FnMut(Path, Msg), i: usize, ind: &Indicator) {
    let mut seen = HashSet::new();
    for (p, point) in ind.points.iter().enumerate() {
        let at = PointAt { ind, point, i, p };
        let measure_unit = check_measure(report, fail, &at);
        check_value(fail, &at, measure_unit);
        check_basis_unit(fail, &at, measure_unit);
        check_year_and_quote(report, fail, &at);
        check_source(report, fail, &at);
        check_words(fail, &at);
        if !seen.insert((
            point.measure.as_deref(),
            point.year,
            point.span,
            point.part,
            point.kind,
            point.basis,
            point.source.as_deref(),
        )) {
            fail_duplicate(fail, &at);
        }
    }
}

/// A figure being checked: its indicator, and where it is in the file.
struct PointAt<'a> {
    ind: &'a Indicator,
    point: &'a DataPoint,
    i: usize,
    p: usize,
}

impl PointAt<'_> {
    /// The path of one of the figure's fields.
    fn field(&self, field: &str) -> Path {
        path!["indicators", self.i, "points", self.p, field]
    }

    /// The path of the figure as a whole.
    fn whole(&self) -> Path {
        path!["indicators", self.i, "points", self.p]
    }
}

/// The unit the figure is in, from its measure (which the indicator must declare) or the
/// indicator's; `None` when the measure is undeclared, so the unit checks after it keep quiet.
fn check_measure<'r>(
    report: &'r Report,
    fail: &mut impl FnMut(Path, Msg),
    at: &PointAt<'_>,
) -> Option<&'r Unit> {
    let (ind, point) = (at.ind, at.point);
    let (id, year) = (&ind.id, point.year);
    match point.measure.as_deref() {
        Some(m) if !ind.has_measure(Some(m)) => {
            let ids = list(ind.measures.iter().map(|m| m.id.as_str()));
            fail(
                at.field("measure"),
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
    }
}

/// The value: finite, of sensible size, and a rate in percent within 0–100.
fn check_value(fail: &mut impl FnMut(Path, Msg), at: &PointAt<'_>, measure_unit: Option<&Unit>) {
    let point = at.point;
    let (id, year, value) = (&at.ind.id, point.year, point.value);
    if !point.value.is_finite() {
        fail(
            at.field("value"),
            Msg::new(
                format!("value of `{id}` {year} is {value}; expected a finite number"),
                format!("`{id}` {year}年的数值为 {value}；应为有限的数"),
            ),
        );
    } else if point.value.abs() > MAX_MAGNITUDE {
        fail(
            at.field("value"),
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
            at.field("value"),
            Msg::new(
                format!("rate `{id}` {year} is {value}%; expected a rate or share within 0–100"),
                format!("比率 `{id}` {year}年为 {value}%；比率或占比应在 0–100 之间"),
            ),
        );
    }
}

/// A growth rate or a change in points is in a percent unit.
fn check_basis_unit(
    fail: &mut impl FnMut(Path, Msg),
    at: &PointAt<'_>,
    measure_unit: Option<&Unit>,
) {
    let point = at.point;
    let (id, year) = (&at.ind.id, point.year);
    if point.basis.needs_percent()
        && let Some(unit) = measure_unit
        && !unit.percent
    {
        let (basis, symbol, unit_id) = (point.basis.id(), &unit.zh, &unit.id);
        fail(
            at.field("basis"),
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
}

/// The year within the report's, and a quote of the words the figure comes from.
fn check_year_and_quote(report: &Report, fail: &mut impl FnMut(Path, Msg), at: &PointAt<'_>) {
    let point = at.point;
    let (id, year) = (&at.ind.id, point.year);
    if !report.years.is_unset() && !report.years.contains(point.year) {
        let (first, last) = (report.years.first, report.years.last);
        fail(
            at.field("year"),
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
            at.field("quote"),
            Msg::new(
                format!(
                    "`{id}` {year} has an empty quote; expected the words of the report the figure comes from"
                ),
                format!("`{id}` {year}年的引文为空；应为该数字出处的报告原文"),
            ),
        );
    }
}

/// A declared source, named whenever the file declares more than one.
fn check_source(report: &Report, fail: &mut impl FnMut(Path, Msg), at: &PointAt<'_>) {
    let point = at.point;
    let (id, year) = (&at.ind.id, point.year);
    match (&point.source, report.sources.as_slice()) {
        (Some(source), _) if report.source(source).is_none() => {
            let ids = list(report.sources.iter().map(|s| s.id.as_str()));
            fail(
                at.field("source"),
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
                at.whole(),
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
}

/// The period and note in both languages, and a part of the year that the year has.
fn check_words(fail: &mut impl FnMut(Path, Msg), at: &PointAt<'_>) {
    let point = at.point;
    let (id, year) = (&at.ind.id, point.year);
    if let Some(period) = &point.period {
        check_text(fail, at.field("period"), period);
    }
    if let Some(part) = point.part
        && let Some((en, zh)) = crate::model::time::part_problem(year, part)
    {
        fail(
            at.field("part"),
            Msg::new(
                format!("part of the year of `{id}` {year}: {en}"),
                format!("`{id}` {year}年的时段：{zh}"),
            ),
        );
    }
    if let Some(note) = &point.note {
        check_text(fail, at.field("note"), note);
    }
    if let Some((en, zh)) = point.span.and_then(|s| s.problem(year)) {
        fail(
            at.field("span"),
            Msg::new(format!("`{id}`: {en}"), format!("`{id}`：{zh}")),
        );
    }
    check_range(fail, at);
}

/// A range (增长4.5%—5%) has both ends, the high one above the low; only a range has a high end.
fn check_range(fail: &mut impl FnMut(Path, Msg), at: &PointAt<'_>) {
    let point = at.point;
    let (id, year, value) = (&at.ind.id, point.year, point.value);
    match (point.qualifier, point.high) {
        (Qualifier::Range, Some(high)) if high > value && high.is_finite() => {}
        (Qualifier::Range, Some(high)) => fail(
            at.field("high"),
            Msg::new(
                format!(
                    "`{id}` {year}: the range runs from {value} to {high}; expected its high end above its low end (value)"
                ),
                format!("`{id}` {year}年：区间从 {value} 到 {high}；上限应大于下限（value）"),
            ),
        ),
        (Qualifier::Range, None) => fail(
            at.field("qualifier"),
            Msg::new(
                format!(
                    "`{id}` {year}: a range needs its high end; expected `high: …` beside `value` (the low end)"
                ),
                format!("`{id}` {year}年：区间需要上限；应在 value（下限）旁写 `high: …`"),
            ),
        ),
        (_, Some(_)) => fail(
            at.field("high"),
            Msg::new(
                format!(
                    "`{id}` {year}: only a range has a high end; expected `qualifier: Range` with `high`, or no `high`"
                ),
                format!(
                    "`{id}` {year}年：只有区间才有上限；应写 `qualifier: Range`，或去掉 `high`"
                ),
            ),
        ),
        (_, None) => {}
    }
}

/// A second figure for the same measure, year (or span), part, kind, basis and source.
fn fail_duplicate(fail: &mut impl FnMut(Path, Msg), at: &PointAt<'_>) {
    let point = at.point;
    let (id, year) = (&at.ind.id, point.year);
    fail(
        at.whole(),
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
