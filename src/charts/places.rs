//! One indicator across places: the same figure (one kind, one year or one span of years) of
//! every place whose report states it, a bar a place, highest first, the place's name on the axis
//! ("各省2026年GDP增速目标"). A range (4.5%—5%) is a bar from its low end to its high end. With
//! results and targets both, each place's result is a bar with its target beside it and the
//! verdict above (met, near, missed: `accountability`), sorted by the target.
//!
//! A figure's place is its source's (`Source::place`); a source that names none is named by its
//! issuer, or its title.

use std::cmp::Ordering;

use super::accountability::Comparison;
use super::detail::detail;
use super::hit::{HitProbe, visible};
use super::layout::{KindLayout, LabelRoom, PlacedLabels};
use super::targets::{
    result_or_target_at, results_and_targets_labels, target_label, verdict, versus_row,
};
use super::{
    CategoryLabel, ChartSpec, Figure, Input, Kind, Look, ResultsAndTargets, Series, SeriesView,
};
use crate::i18n::{kind_time_label, tr};
use crate::model::{DataPoint, Indicator, Lang, PointKind, Qualifier, Report};

/// Room for one place's figures, in x units (places are 1 apart).
const PLACE_WIDTH: f64 = 0.7;

series_body! {
    /// A places chart's body: its one indicator's figures, a place each (results, and in a
    /// chart of results and targets, the targets beside them).
    Places(ResultsAndTargets)
}

impl Places {
    /// Whether each place's target stands beside its result (else one kind of figure, as bars).
    fn pairs(&self) -> bool {
        self.0.iter().any(|s| !s.figures.targets.is_empty())
    }
}

impl Kind for Places {
    fn series(&self) -> Vec<SeriesView<'_>> {
        super::results_and_targets_views(&self.0)
    }

    /// One indicator: colour says what a bar is, the axis names the places.
    fn colours_name_series(&self) -> bool {
        false
    }

    fn layout_needs(&self) -> KindLayout<'_> {
        let bars = visible(&self.0).map(|s| &s.figures.results[..]).collect();
        // Many places: a Chinese name may stand down its column rather than be left out; not
        // where verdicts stand above the pairs, whose words would stand down the columns too.
        let plain = KindLayout {
            bars,
            stacked_names: !self.pairs(),
            ..KindLayout::plain()
        };
        if self.pairs() {
            KindLayout {
                marker_lines: 1.2,
                gap_share: 0.24,
                point_label_lift: 0.25,
                ..plain
            }
        } else {
            plain
        }
    }

    /// Every bar's value above it, every target's wording above its marker, every verdict above
    /// its pair, each left to the tooltip where it would cover another.
    fn place_labels(&self, room: &LabelRoom<'_>) -> PlacedLabels {
        results_and_targets_labels(&self.0, room)
    }

    /// A bar first, else a target's marker.
    fn hit(&self, probe: &HitProbe) -> Option<&Figure> {
        result_or_target_at(&self.0, probe)
    }
}

/// One place's figures in the chart: its result and its target of the chart's year (in a chart
/// of one kind, only one of the two).
#[derive(Clone, Debug)]
pub(super) struct PlaceRow<'p> {
    /// The place's name in the chart's language.
    pub name: String,
    /// Its GB/T 2260 code, or its source: what places of equal figures are ordered by, the same
    /// in either language.
    key: String,
    pub result: Option<&'p DataPoint>,
    pub target: Option<&'p DataPoint>,
}

impl PlaceRow<'_> {
    /// What the row sorts by: its target when it has one (a comparison of targets, or of each
    /// place's target and result; places with a target first), else its result; a range by its
    /// high end, then its low end.
    fn sort_value(&self) -> (bool, f64, f64) {
        self.target
            .or(self.result)
            .map_or((false, f64::NEG_INFINITY, f64::NEG_INFINITY), |p| {
                (self.target.is_some(), top(p), p.value)
            })
    }
}

/// Where a figure ends: its value, or a range's high end.
fn top(p: &DataPoint) -> f64 {
    match (p.qualifier, p.high) {
        (Qualifier::Range, Some(high)) => high,
        _ => p.value,
    }
}

/// A figure's place as a reader names it: its source's place, else the source's issuer, else its
/// title, else the source's id.
pub fn place_name(report: &Report, p: &DataPoint, lang: Lang) -> String {
    let Some(source) = report.source(p.source_id()) else {
        return p.source_id().to_owned();
    };
    if let Some(place) = &source.place {
        return place.name(lang).to_owned();
    }
    [source.issuer.get(lang), source.title.get(lang)]
        .into_iter()
        .find(|s| !s.trim().is_empty())
        .unwrap_or(&source.id)
        .to_owned()
}

/// A figure's place as the chart groups by it: its GB/T 2260 code, else its source.
fn place_key(report: &Report, p: &DataPoint) -> String {
    report
        .source(p.source_id())
        .and_then(|s| s.place.as_ref())
        .map_or_else(
            || format!("source:{}", p.source_id()),
            |place| place.code.clone(),
        )
}

/// The places of `points`, each with its result and target (the first of each kind, in drawing
/// order), highest first; places of equal value in their codes' order.
pub(super) fn place_rows<'p>(
    report: &Report,
    points: &[&'p DataPoint],
    lang: Lang,
) -> Vec<PlaceRow<'p>> {
    let mut keys: Vec<String> = Vec::new();
    let mut rows: Vec<PlaceRow<'p>> = Vec::new();
    for &p in points {
        let key = place_key(report, p);
        let at = keys.iter().position(|k| *k == key).unwrap_or_else(|| {
            keys.push(key.clone());
            rows.push(PlaceRow {
                name: place_name(report, p, lang),
                key,
                result: None,
                target: None,
            });
            rows.len() - 1
        });
        let Some(row) = rows.get_mut(at) else {
            continue;
        };
        match p.kind {
            PointKind::Actual => {
                row.result.get_or_insert(p);
            }
            PointKind::Target => {
                row.target.get_or_insert(p);
            }
            PointKind::Baseline => {}
        }
    }
    rows.sort_by(|a, b| {
        b.sort_value()
            .partial_cmp(&a.sort_value())
            .unwrap_or(Ordering::Equal)
            .then_with(|| a.key.cmp(&b.key))
    });
    rows
}

/// "5左右", "6以上", "4.5—5" / "≈5", "≥6", "4.5–5": a bar's value with its qualifier in the
/// report's words (the axis states the unit).
pub(super) fn value_words(p: &DataPoint, unit: &crate::model::Unit, lang: Lang) -> String {
    let plain = crate::format::number_in(p.value, unit, lang);
    match (lang, p.qualifier) {
        (Lang::Zh, Qualifier::About) => format!("{plain}左右"),
        (Lang::Zh, Qualifier::AtLeast) => format!("{plain}以上"),
        (Lang::Zh, Qualifier::AtMost) => format!("不超过{plain}"),
        _ => crate::format::figure_label(p, unit, lang),
    }
}

/// The figure a point is drawn as at `x`, `width` wide: a bar from zero, or from a range's low end.
fn figure(
    spec: &ChartSpec,
    input: &Input<'_>,
    ind: &Indicator,
    p: &DataPoint,
    (x, width): (f64, f64),
) -> Figure {
    let lang = spec.lang;
    let mut d = detail(input.report, ind, p, &spec.unit, lang);
    d.title = format!("{} · {}", place_name(input.report, p, lang), d.title);
    let range = p.qualifier == Qualifier::Range && p.high.is_some();
    Figure {
        x,
        width,
        value: top(p),
        low: range.then_some(p.value),
        kind: p.kind,
        shade: 0,
        qualifier: p.qualifier,
        label_base: top(p),
        label: value_words(p, &spec.unit, lang),
        detail: d,
    }
}

/// Each place a slot, highest first: its figure as a bar, or its result as a bar with its target
/// beside it and the verdict above.
pub(super) fn build_places(spec: &mut ChartSpec, input: &Input<'_>) -> Places {
    let lang = spec.lang;
    let Some(&ind) = input.indicators.first() else {
        return Places::default();
    };
    let visible = input.visible(ind);
    let points = input.chart.drawn_points(ind);
    let rows = place_rows(input.report, &points, lang);
    let pairs = input.chart.draws(PointKind::Actual) && input.chart.draws(PointKind::Target);
    let mut figures = ResultsAndTargets::default();
    for (i, row) in rows.iter().enumerate() {
        let center = if visible { i as f64 } else { -1e4 };
        if visible {
            spec.categories.push(CategoryLabel {
                x: center,
                label: row.name.clone(),
            });
        }
        if !pairs {
            figures.results.extend(
                row.result
                    .or(row.target)
                    .map(|p| figure(spec, input, ind, p, (center, PLACE_WIDTH * 0.8))),
            );
            continue;
        }
        pair_figures(spec, input, ind, row, center, &mut figures, visible);
    }
    spec.key = key(input, &points, pairs, lang);
    let pad = (3.0 - rows.len() as f64).max(0.0) / 2.0;
    spec.x_range = (-0.5 - pad, rows.len().max(1) as f64 - 0.5 + pad);
    Places(vec![Series {
        id: ind.id.clone(),
        name: ind.name.get(lang).to_owned(),
        color: 0,
        visible,
        figures,
    }])
}

/// A place's result (left of `center`) and target (right), each with the other in its tooltip,
/// and the verdict above the pair when the series is visible.
fn pair_figures(
    spec: &mut ChartSpec,
    input: &Input<'_>,
    ind: &Indicator,
    row: &PlaceRow<'_>,
    center: f64,
    figures: &mut ResultsAndTargets,
    visible: bool,
) {
    let lang = spec.lang;
    let half = PLACE_WIDTH / 4.0;
    let width = PLACE_WIDTH / 2.0 * 0.9;
    let comparison = row
        .result
        .zip(row.target)
        .filter(|(r, t)| super::accountability::paired(r, t))
        .map(|(r, t)| Comparison::of(r, t, spec.unit.percent, ind.better));
    if let Some(r) = row.result {
        let mut bar = figure(spec, input, ind, r, (center - half, width));
        bar.detail
            .rows
            .push(versus_row(comparison, row.target.is_some(), lang));
        figures.results.push(bar);
    }
    if let Some(t) = row.target {
        let mut marker = figure(spec, input, ind, t, (center + half, width));
        marker.label = target_label(t, &spec.unit, lang);
        marker.label_base = row.result.map_or(marker.value, top).max(marker.value);
        if row.result.is_none() {
            marker.detail.rows.push(versus_row(None, true, lang));
        }
        figures.targets.push(marker);
    }
    if visible && (row.result.is_some() || row.target.is_some()) {
        // Many places side by side: only the verdict's word fits above each pair.
        spec.gaps
            .push(verdict(row.result, row.target, comparison, center, 2, lang));
    }
}

/// What the fills and markers say: "2026年目标", "2021—2025年年均完成"; a result's bar and a
/// target's marker in a chart of both.
fn key(input: &Input<'_>, points: &[&DataPoint], pairs: bool, lang: Lang) -> Vec<(Look, String)> {
    let span = points.first().and_then(|p| p.span);
    let time = |kind: PointKind| match input.chart.year {
        Some(year) => kind_time_label(kind, year, span, lang),
        None => crate::i18n::kind_name(kind, lang).to_owned(),
    };
    if pairs {
        return vec![
            (Look::of(PointKind::Actual), time(PointKind::Actual)),
            (
                Look::of(PointKind::Target),
                format!(
                    "{}{}",
                    time(PointKind::Target),
                    tr(
                        lang,
                        "（虚线：左右；箭头：以上；区间：范围）",
                        " (dashed: about; arrow: at least; band: range)",
                    )
                ),
            ),
        ];
    }
    let kind = if input.chart.draws(PointKind::Target) {
        PointKind::Target
    } else {
        PointKind::Actual
    };
    vec![(Look::of(kind), time(kind))]
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::charts::{ChartBody, build};
    use crate::model::{Chart, ChartKind};

    /// Six provinces' 2026 work reports: their GDP growth targets, results and averages.
    fn report() -> Report {
        let text = include_str!("../../tests/data/places/provinces-2026.ron");
        crate::model::parse("provinces-2026.ron", text.as_bytes()).expect("the six provinces")
    }

    fn places(spec: &ChartSpec) -> &ResultsAndTargets {
        match &spec.body {
            ChartBody::Places(places) => &places[0].figures,
            other => panic!("{}: a places chart expected, not {other:?}", spec.id),
        }
    }

    fn names(spec: &ChartSpec) -> Vec<&str> {
        spec.categories.iter().map(|c| c.label.as_str()).collect()
    }

    #[test]
    fn targets_of_one_year_highest_first_each_in_its_words() {
        let report = report();
        let chart = report.chart("targets_2026").expect("chart");
        let s = build(&report, chart, Lang::Zh, &BTreeSet::new());
        assert_eq!(
            names(&s),
            [
                "西藏自治区",
                "甘肃省",
                "浙江省",
                "北京市",
                "河南省",
                "山西省"
            ]
        );
        let bars = &places(&s).results;
        let labels: Vec<&str> = bars.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(
            labels,
            ["7以上", "5.5左右", "5—5.5", "5左右", "5左右", "4.5—5"]
        );
        // A range is a bar from its low end to its high end.
        assert_eq!((bars[2].low, bars[2].value), (Some(5.0), 5.5));
        assert_eq!((bars[0].low, bars[0].value), (None, 7.0));
        assert!(bars.iter().all(|b| b.kind == PointKind::Target));
        assert_eq!(
            s.key,
            [(Look::of(PointKind::Target), "2026年目标".to_owned())]
        );
        // The tooltip names the place and quotes the sentence.
        assert_eq!(bars[2].detail.title, "浙江省 · 地区生产总值增长");
        assert_eq!(bars[2].detail.quote, "增长5%—5.5%");
        assert!(
            bars[2]
                .detail
                .rows
                .contains(&("数值".to_owned(), "5%—5.5%".to_owned()))
        );
        assert_eq!(s.sources.len(), 6);
        let en = build(&report, chart, Lang::En, &BTreeSet::new());
        let labels: Vec<&str> = places(&en)
            .results
            .iter()
            .map(|b| b.label.as_str())
            .collect();
        assert_eq!(labels, ["≥7", "≈5.5", "5–5.5", "≈5", "≈5", "4.5–5"]);
        assert_eq!(names(&en)[0], "Tibet");
    }

    #[test]
    fn chinese_names_too_many_side_by_side_stand_down_their_columns() {
        let report = report();
        let chart = report.chart("targets_2026").expect("chart");
        let measure = |t: &str| -> f32 {
            t.chars()
                .map(|c| if c.is_ascii() { 7.0 } else { 13.0 })
                .sum()
        };
        // Twenty points a place: a character fits, three side by side do not.
        let s = build(&report, chart, Lang::Zh, &BTreeSet::new());
        let l = crate::charts::layout::plot_layout(&s, 56.0 + 6.0 * 20.0, 300.0, 13.0, &measure);
        let labels: Vec<&str> = l.category_labels.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(labels[0], "西\n藏\n自\n治\n区");
        assert_eq!(labels.len(), 6, "every place named");
        // English names are thinned instead (the tooltip names each).
        let en = build(&report, chart, Lang::En, &BTreeSet::new());
        let l = crate::charts::layout::plot_layout(&en, 56.0 + 6.0 * 20.0, 300.0, 13.0, &measure);
        assert!(l.category_labels.len() < 6);
    }

    #[test]
    fn a_span_is_drawn_apart_from_its_last_year() {
        let report = report();
        let average = report.chart("average_2021_2025").expect("chart");
        let s = build(&report, average, Lang::Zh, &BTreeSet::new());
        assert_eq!(names(&s), ["西藏自治区", "浙江省", "北京市", "山西省"]);
        let values: Vec<f64> = places(&s).results.iter().map(|b| b.value).collect();
        assert_eq!(values, [6.3, 5.9, 5.2, 5.0]);
        assert_eq!(s.key[0].1, "2021—2025年年均完成");
        let en = build(&report, average, Lang::En, &BTreeSet::new());
        assert_eq!(en.key[0].1, "result, 2021–2025, a year on average");
        // The year alone: 2025's own results, no average among them.
        let year = report.chart("results_2025").expect("chart");
        let s = build(&report, year, Lang::Zh, &BTreeSet::new());
        let values: Vec<f64> = places(&s).results.iter().map(|b| b.value).collect();
        assert_eq!(values, [7.0, 5.8, 5.6, 5.5, 5.4, 4.0]);
    }

    #[test]
    fn each_place_target_beside_its_result_met_or_missed() {
        let mut report = report();
        // Last year's targets, as the places' 2025 reports would add them: 北京 about 5 (met by
        // 5.4), 山西 4.5—5 (missed by 4), 浙江 5—5.5 (met by 5.5, within the range).
        let ind = &mut report.indicators[0];
        let of = |source: &str| {
            let mut p = ind
                .points
                .iter()
                .find(|p| p.source_id() == source && p.kind == PointKind::Target)
                .expect("a target")
                .clone();
            p.year = 2025;
            p
        };
        let added = [of("bj-2026"), of("sx-2026"), of("zj-2026")];
        ind.points.extend(added);
        let chart = Chart {
            id: "met_2025".into(),
            kind: ChartKind::Places,
            kinds: vec![PointKind::Actual, PointKind::Target],
            year: Some(2025),
            from: None,
            ..report.charts[1].clone()
        };
        let s = build(&report, &chart, Lang::Zh, &BTreeSet::new());
        let figures = places(&s);
        // Sorted by the target: 浙江 (5.5), 北京 (5), 山西 (5), then the places with none.
        assert_eq!(&names(&s)[..3], ["浙江省", "北京市", "山西省"]);
        assert_eq!(figures.targets.len(), 3);
        assert_eq!(figures.results.len(), 6);
        let verdicts: Vec<&str> = s.gaps.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(&verdicts[..3], ["达标", "达标", "未达标"]);
        assert_eq!(verdicts[3], "无目标数据");
        let zj = &figures.results[0].detail.rows;
        assert!(
            zj.iter().any(|(_, v)| v.starts_with("在目标区间内，达标")),
            "{zj:?}"
        );
        assert_eq!(figures.targets[2].low, Some(4.5));
    }
}
