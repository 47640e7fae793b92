//! Charts: known indicators, one unit and one basis per chart, the points a kind needs, reference
//! lines with finite values and a source.

use std::collections::{HashMap, HashSet};

use super::{MAX_MAGNITUDE, basis_zh, check_id, check_ids, check_text, kind_zh, list, suggestion};
use crate::model::locate::Path;
use crate::model::{
    Basis, Chart, ChartKind, DataPoint, Indicator, MAX_SPAN_YEARS, Msg, PointKind, Report,
};
use crate::path;

/// What a declared kind asks of its data: the one place validation looks at a chart's kind, an
/// exhaustive match, so a new kind cannot be added without saying what it needs.
#[derive(Clone, Copy, Debug)]
struct KindRules {
    /// Draws monitoring records (and only such a chart may).
    records: bool,
    /// Every series needs a starting level (a Baseline point).
    baseline: bool,
    /// Needs at least one reference line.
    reference_lines: bool,
    /// What the chart sets side by side, and so what it may hold.
    compares: Compares,
}

/// What a kind of chart sets side by side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Compares {
    /// Indicators, years or kinds of figure: any series the unit allows.
    Figures,
    /// Places: one indicator, one kind of figure (or results with their targets), one year.
    Places,
}

fn kind_rules(kind: ChartKind) -> KindRules {
    let plain = KindRules {
        records: false,
        baseline: false,
        reference_lines: false,
        compares: Compares::Figures,
    };
    match kind {
        ChartKind::GroupedBars | ChartKind::Lines | ChartKind::TargetsAndResults => plain,
        ChartKind::Places => KindRules {
            compares: Compares::Places,
            ..plain
        },
        ChartKind::BeforeAfter => KindRules {
            baseline: true,
            ..plain
        },
        ChartKind::ReferenceLines => KindRules {
            reference_lines: true,
            ..plain
        },
        ChartKind::TimeSeries => KindRules {
            records: true,
            ..plain
        },
    }
}

pub(super) fn check_charts(report: &Report, fail: &mut impl FnMut(Path, Msg)) {
    // Lookups by id in one step each, however large the file.
    let mut indicators_by_id: ById<'_> = HashMap::new();
    for (i, ind) in report.indicators.iter().enumerate() {
        indicators_by_id.entry(ind.id.as_str()).or_insert((i, ind));
    }
    check_ids(&report.charts, "charts", ("chart", "图表"), |c| &c.id, fail);
    for (c, chart) in report.charts.iter().enumerate() {
        let chart_id = &chart.id;
        check_text(fail, path!["charts", c, "title"], &chart.title);
        if chart.series.is_empty() {
            fail(
                path!["charts", c, "series"],
                Msg::new(
                    format!("chart `{chart_id}` has no series; expected at least one indicator id"),
                    format!("图表 `{chart_id}` 没有 series；应至少列出一个指标 id"),
                ),
            );
        }
        check_time(c, chart, fail);
        if kind_rules(chart.kind).compares == Compares::Places {
            check_places(c, chart, fail);
        }
        check_series(report, c, chart, &indicators_by_id, fail);
        check_sources(report, c, chart, fail);
        check_reference_lines(c, chart, fail);
    }
}

/// A chart's year and span: a span's first year only with its last, before it and at most
/// [`MAX_SPAN_YEARS`] before.
fn check_time(c: usize, chart: &Chart, fail: &mut impl FnMut(Path, Msg)) {
    let chart_id = &chart.id;
    match (chart.from, chart.year) {
        (Some(from), None) => fail(
            path!["charts", c, "from"],
            Msg::new(
                format!(
                    "chart `{chart_id}` has `from: {from}` but no `year`; expected the span's last year in `year` as well"
                ),
                format!(
                    "图表 `{chart_id}` 有 `from: {from}` 却没有 `year`；时段的最后一年也应写在 `year` 中"
                ),
            ),
        ),
        (Some(from), Some(year)) if from >= year || year - from > MAX_SPAN_YEARS => fail(
            path!["charts", c, "from"],
            Msg::new(
                format!(
                    "chart `{chart_id}` spans {from} to {year}; expected a first year before `year` and at most {MAX_SPAN_YEARS} years before it"
                ),
                format!(
                    "图表 `{chart_id}` 的时段为 {from}—{year}；起始年应早于 `year`，且最多早 {MAX_SPAN_YEARS} 年"
                ),
            ),
        ),
        _ => {}
    }
}

/// A chart of places: one indicator, one year, and one kind (a result or a target) or results
/// with their targets; never a starting level.
fn check_places(c: usize, chart: &Chart, fail: &mut impl FnMut(Path, Msg)) {
    let chart_id = &chart.id;
    if chart.series.len() > 1 {
        fail(
            path!["charts", c, "series"],
            Msg::new(
                format!(
                    "chart `{chart_id}` of kind Places lists {} indicators; expected exactly one, the indicator compared across places",
                    chart.series.len()
                ),
                format!(
                    "Places 类型的图表 `{chart_id}` 列出了 {} 个指标；应恰好一个，即各地比较的指标",
                    chart.series.len()
                ),
            ),
        );
    }
    if chart.year.is_none() {
        fail(
            path!["charts", c, "kind"],
            Msg::new(
                format!(
                    "chart `{chart_id}` of kind Places has no `year`; expected the year it compares, such as `year: Some(2026)`"
                ),
                format!(
                    "Places 类型的图表 `{chart_id}` 没有 `year`；应写明比较的年份，如 `year: Some(2026)`"
                ),
            ),
        );
    }
    let mut kinds = chart.kinds.clone();
    kinds.sort();
    kinds.dedup();
    let fine = matches!(
        kinds[..],
        [PointKind::Actual | PointKind::Target] | [PointKind::Actual, PointKind::Target]
    );
    if !fine {
        let drawn = if chart.kinds.is_empty() {
            "every kind of figure".to_owned()
        } else {
            list(chart.kinds.iter().map(|k| k.id())).en
        };
        fail(
            path!["charts", c, "kinds"],
            Msg::new(
                format!(
                    "chart `{chart_id}` of kind Places draws {drawn}; expected `kinds: [Target]`, `[Actual]` or `[Actual, Target]`"
                ),
                format!(
                    "Places 类型的图表 `{chart_id}` 的 kinds 不对；应为 `kinds: [Target]`、`[Actual]` 或 `[Actual, Target]`"
                ),
            ),
        );
    }
}

/// An indicator and its index, by id.
type ById<'a> = HashMap<&'a str, (usize, &'a Indicator)>;

/// The first figure's basis, its indicator and the figure: what every other figure must match.
type FirstBasis<'a> = Option<(Basis, &'a Indicator, &'a DataPoint)>;

/// A chart's series: each an indicator that exists, with the measure drawn, all in one unit and one
/// basis, each drawing at least one point, each a record only in a chart of records.
fn check_series<'a>(
    report: &'a Report,
    c: usize,
    chart: &'a Chart,
    indicators_by_id: &ById<'a>,
    fail: &mut impl FnMut(Path, Msg),
) {
    let chart_id = &chart.id;
    // The first series sets the unit and the basis; every other must match.
    let measure = chart.measure.as_deref();
    let mut axis: Option<(&str, &str)> = None; // (unit id, indicator id)
    let mut basis: FirstBasis<'a> = None;
    let mut seen = HashSet::new();
    for (s, series) in chart.series.iter().enumerate() {
        let at = path!["charts", c, "series", s];
        if !seen.insert(series.as_str()) {
            fail(
                at.clone(),
                Msg::new(
                    format!("chart `{chart_id}` lists `{series}` twice"),
                    format!("图表 `{chart_id}` 两次列出 `{series}`"),
                ),
            );
            continue;
        }
        let Some((i, ind)) = indicators_by_id.get(series.as_str()).copied() else {
            let hint = suggestion(series, report.indicators.iter().map(|i| i.id.as_str()));
            fail(
                at,
                Msg::new(
                    format!(
                        "chart `{chart_id}` names indicator `{series}`, which does not exist; expected an indicator id{}",
                        hint.en
                    ),
                    format!(
                        "图表 `{chart_id}` 引用了不存在的指标 `{series}`；应为已有指标的 id{}",
                        hint.zh
                    ),
                ),
            );
            continue;
        };
        let Some(unit_id) = ind.unit_id_of(measure) else {
            let (m, id) = (measure.unwrap_or_default(), &ind.id);
            let ids = list(ind.measures.iter().map(|m| m.id.as_str()));
            fail(
                at,
                Msg::new(
                    format!(
                        "chart `{chart_id}` draws measure `{m}` of `{id}`, which `{id}` does not declare; expected one of its measures: {}",
                        ids.en
                    ),
                    format!(
                        "图表 `{chart_id}` 要画 `{id}` 的度量 `{m}`，但 `{id}` 没有声明这个度量；应为它的度量之一：{}",
                        ids.zh
                    ),
                ),
            );
            continue;
        };
        match axis {
            None => axis = Some((unit_id, &ind.id)),
            Some((unit, first)) if unit != unit_id => {
                let sym = |id: &str| report.unit(id).map_or(id.to_owned(), |u| u.zh.clone());
                let (id, this, that) = (&ind.id, sym(unit_id), sym(unit));
                fail(
                    at.clone(),
                    Msg::new(
                        format!(
                            "chart `{chart_id}` mixes units on one value axis: `{id}` is in {this} but `{first}` is in {that}; expected one unit per chart"
                        ),
                        format!(
                            "图表 `{chart_id}` 在同一数值轴上混用了单位：`{id}` 的单位是 {this}，而 `{first}` 的单位是 {that}；一张图表应只有一种单位"
                        ),
                    ),
                );
                // The unit is wrong already: a basis message on top would only repeat it.
                continue;
            }
            Some(_) => {}
        }
        if ind.series.is_some() {
            if !kind_rules(chart.kind).records {
                let id = &ind.id;
                fail(
                    at.clone(),
                    Msg::new(
                        format!(
                            "chart `{chart_id}` draws `{id}`, a monitoring record read from a CSV file; expected such records in a chart of kind TimeSeries"
                        ),
                        format!(
                            "图表 `{chart_id}` 要画 `{id}`，它是从 CSV 文件读取的监测记录；这样的记录应画在 TimeSeries 类型的图表中"
                        ),
                    ),
                );
            }
            // A record has no figures to compare bases of.
            continue;
        }
        check_drawn(chart, (i, ind), &at, &mut basis, fail);
    }
}

/// The points a series draws: at least one, all of the chart's first basis, a starting level
/// where the kind needs one.
fn check_drawn<'a>(
    chart: &'a Chart,
    (i, ind): (usize, &'a Indicator),
    at: &Path,
    basis: &mut FirstBasis<'a>,
    fail: &mut impl FnMut(Path, Msg),
) {
    let chart_id = &chart.id;
    // What the chart draws (the one rule, `Chart::drawn_points`), in file order, each with
    // its index for the error's location.
    let drawn_points = chart.drawn_points(ind);
    let drawn: Vec<_> = ind
        .points
        .iter()
        .enumerate()
        .filter(|(_, p)| drawn_points.iter().any(|d| std::ptr::eq(*d, *p)))
        .collect();
    if drawn.is_empty() {
        let id = &ind.id;
        let kinds = list(chart.kinds.iter().map(|k| k.id()));
        let kinds_zh: Vec<&str> = chart.kinds.iter().map(|&k| kind_zh(k)).collect();
        let only_zh = if kinds_zh.is_empty() {
            String::new()
        } else {
            format!("（该图只画{}）", kinds_zh.join("、"))
        };
        fail(
            at.clone(),
            Msg::new(
                format!(
                    "chart `{chart_id}` draws no point of `{id}` (it draws only {}); expected at least one",
                    kinds.en
                ),
                format!("图表 `{chart_id}` 没有画出 `{id}` 的任何数据点{only_zh}；应至少有一个"),
            ),
        );
    }
    for &(p, point) in &drawn {
        match *basis {
            None => *basis = Some((point.basis, ind, point)),
            Some((b, first, first_point)) if b != point.basis => {
                // Name the figure that differs, where it is, and the one it differs from.
                fail(
                    path!["indicators", i, "points", p, "basis"],
                    Msg::new(
                        format!(
                            "chart `{chart_id}` compares different bases: `{}` {} {} is {}, but `{}` {} {} is {}; expected one basis per chart (a level and its growth are two measures of one indicator)",
                            ind.id,
                            point.year,
                            point.kind.id(),
                            point.basis.id(),
                            first.id,
                            first_point.year,
                            first_point.kind.id(),
                            b.id()
                        ),
                        format!(
                            "图表 `{chart_id}` 比较了不同口径的数字：`{}` {}年{}的口径是{}，而 `{}` {}年{}的口径是{}；一张图表应只有一种口径（总量和增速是同一指标的两个度量）",
                            ind.id,
                            point.year,
                            kind_zh(point.kind),
                            basis_zh(point.basis),
                            first.id,
                            first_point.year,
                            kind_zh(first_point.kind),
                            basis_zh(b)
                        ),
                    ),
                );
                break;
            }
            Some(_) => {}
        }
    }
    if kind_rules(chart.kind).baseline && !drawn.iter().any(|(_, p)| p.kind == PointKind::Baseline)
    {
        let id = &ind.id;
        fail(
            at.clone(),
            Msg::new(
                format!(
                    "before-after chart `{chart_id}` needs a baseline point of `{id}`; expected a Baseline point"
                ),
                format!(
                    "前后对比图 `{chart_id}` 需要 `{id}` 的起点数据点；应有一个 Baseline 数据点"
                ),
            ),
        );
    }
}

/// The sources a chart cites are declared.
fn check_sources(report: &Report, c: usize, chart: &Chart, fail: &mut impl FnMut(Path, Msg)) {
    let chart_id = &chart.id;
    for (s, source) in chart.sources.iter().enumerate() {
        if report.source(source).is_none() {
            let ids = list(report.sources.iter().map(|s| s.id.as_str()));
            fail(
                path!["charts", c, "sources", s],
                Msg::new(
                    format!(
                        "chart `{chart_id}` draws figures of source `{source}`, which is not declared; expected one of: {}",
                        ids.en
                    ),
                    format!(
                        "图表 `{chart_id}` 要画未声明的来源 `{source}` 的数字；应为以下之一：{}",
                        ids.zh
                    ),
                ),
            );
        }
    }
}

/// A chart's reference lines: there when the kind needs them, each with a unique id, a finite
/// value, a label and a source, averaging only on a chart of records.
fn check_reference_lines(c: usize, chart: &Chart, fail: &mut impl FnMut(Path, Msg)) {
    let chart_id = &chart.id;
    if kind_rules(chart.kind).reference_lines && chart.reference_lines.is_empty() {
        fail(
            path!["charts", c, "kind"],
            Msg::new(
                format!(
                    "chart `{chart_id}` is of kind ReferenceLines but declares no reference_lines; expected at least one"
                ),
                format!(
                    "图表 `{chart_id}` 的类型是 ReferenceLines，却没有声明 reference_lines；应至少有一条"
                ),
            ),
        );
    }
    let mut line_ids = HashSet::new();
    for (r, line) in chart.reference_lines.iter().enumerate() {
        if line.averaging.is_some() && !kind_rules(chart.kind).records {
            let id = &line.id;
            fail(
                path!["charts", c, "reference_lines", r, "averaging"],
                Msg::new(
                    format!(
                        "reference line `{id}` counts periods over it (`averaging`), which only a TimeSeries chart of a record can; expected no `averaging` here"
                    ),
                    format!(
                        "参考线 `{id}` 要统计超过它的时段数（`averaging`），只有监测记录的 TimeSeries 图表能统计；此处不应写 `averaging`"
                    ),
                ),
            );
        }
        check_id(
            fail,
            path!["charts", c, "reference_lines", r, "id"],
            &line.id,
            ("reference line", "参考线"),
            &mut line_ids,
        );
        if !line.value.is_finite() || line.value.abs() > MAX_MAGNITUDE {
            let (id, value) = (&line.id, line.value);
            fail(
                path!["charts", c, "reference_lines", r, "value"],
                Msg::new(
                    format!(
                        "reference line `{id}` has value {value}; expected a finite number of at most 1e15 in magnitude"
                    ),
                    format!("参考线 `{id}` 的数值为 {value}；应为绝对值不超过 1e15 的有限数"),
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
