//! Targets against results, year by year: for each indicator and year, the result as a bar and the
//! year's target as a marker beside it, with whether it was met in words. A year with only one of
//! the two shows what exists and says what is missing. Only years with a figure take a place on
//! the axis, each labelled with its year: a gap of years with nothing on record takes no room.

use std::collections::BTreeSet;

use super::accountability::Comparison;
use super::detail::detail;
use super::hit::{HitProbe, visible};
use super::layout::{KindLayout, LabelRoom, PlacedLabels, place_targets_texts};
use super::{
    CategoryLabel, ChartSpec, Figure, GapLabel, Input, Kind, Look, ResultsAndTargets, Series,
    SeriesView,
};
use crate::format;
use crate::i18n::tr;
use crate::model::{DataPoint, Indicator, Lang, PointKind, Qualifier, Unit};

/// Room for one year's figures, in x units (years are 1 apart).
const YEAR_WIDTH: f64 = 0.76;

series_body! {
    /// A targets chart's body: each series' results (bars) and targets (markers beside them).
    Targets(ResultsAndTargets)
}

impl Kind for Targets {
    fn series(&self) -> Vec<SeriesView<'_>> {
        super::results_and_targets_views(&self.0)
    }

    /// Colour names the series only when there are several; one indicator's bars are the
    /// result's colour.
    fn colours_name_series(&self) -> bool {
        self.0.len() > 1
    }

    fn layout_needs(&self) -> KindLayout<'_> {
        KindLayout {
            years_on_axis: true,
            marker_lines: 1.2,
            gap_share: 0.24,
            point_label_lift: 0.25,
            bars: visible(&self.0).map(|s| &s.figures.results[..]).collect(),
            stacked_names: false,
        }
    }

    fn place_labels(&self, room: &LabelRoom<'_>) -> PlacedLabels {
        results_and_targets_labels(&self.0, room)
    }

    fn hit(&self, probe: &HitProbe) -> Option<&Figure> {
        result_or_target_at(&self.0, probe)
    }
}

/// Where the texts of results beside their targets go: every result's value on its bar, every
/// target's wording above its marker, every verdict above its pair, each left to the tooltip
/// where it would cover another (a targets chart, and a places chart of results and targets).
pub(super) fn results_and_targets_labels(
    series: &[Series<ResultsAndTargets>],
    room: &LabelRoom<'_>,
) -> PlacedLabels {
    let marker_lift = room.point_lift.max(room.y_span * 0.02);
    let texts = place_targets_texts(
        series,
        &room.scale,
        &|t| target_label_y(t, marker_lift, room.label_line),
        &room.gaps,
        room.measure,
    );
    PlacedLabels {
        point_labels: Vec::new(),
        bar_labels: texts.results,
        target_labels: texts.targets,
        gap_shown: texts.gaps,
    }
}

/// The figure under the pointer among results and targets: a result's bar first, else a
/// target's marker.
pub(super) fn result_or_target_at<'a>(
    series: &'a [Series<ResultsAndTargets>],
    probe: &HitProbe,
) -> Option<&'a Figure> {
    visible(series)
        .flat_map(|s| &s.figures.results)
        .find(|b| probe.on_bar(b))
        .or_else(|| {
            visible(series)
                .flat_map(|s| &s.figures.targets)
                .find(|t| probe.on_marker(t))
        })
}

/// Where a target's label sits in a targets chart: above its marker (and its arrow, for a floor
/// or a ceiling), and clear of the label of the result beside it, which sits above the result's
/// bar. `marker_lift` is how far an arrow sits from its marker.
fn target_label_y(t: &Figure, marker_lift: f64, label_line: f64) -> f64 {
    let arrow = matches!(t.qualifier, Qualifier::AtLeast | Qualifier::AtMost);
    let above = if arrow {
        marker_lift * 2.0
    } else {
        marker_lift * 0.5
    };
    (t.value.max(0.0) + above).max(t.label_base + label_line * 1.05)
}

/// Each visible indicator takes a slot of every year with a figure: its result on the left, its
/// target right, and the verdict above the pair.
pub(super) fn build_targets(spec: &mut ChartSpec, input: &Input<'_>) -> Targets {
    let years = year_categories(spec, input);
    let shown = input
        .indicators
        .iter()
        .filter(|i| input.visible(i))
        .count()
        .max(1);
    let slots = Slots {
        years: &years,
        slot: YEAR_WIDTH / shown as f64,
        shown,
    };
    let mut k = 0usize;
    let mut all_series = Vec::new();
    for (color, ind) in input.indicators.iter().enumerate() {
        let visible = input.visible(ind);
        let offset = if visible {
            (k as f64 - (shown as f64 - 1.0) / 2.0) * slots.slot
        } else {
            -1e4
        };
        let figures = slots.figures(spec, input, ind, visible, offset);
        all_series.push(Series {
            id: ind.id.clone(),
            name: ind.name.get(spec.lang).to_owned(),
            color,
            visible,
            figures,
        });
        if visible {
            k += 1;
        }
    }
    spec.key = key(spec.lang);
    // Fewer than three years still get the room of three, so one pair is not a wall.
    let pad = (3.0 - years.len() as f64).max(0.0) / 2.0;
    spec.x_range = (-0.5 - pad, years.len().max(1) as f64 - 0.5 + pad);
    Targets(all_series)
}

/// The years with a result or a target (not a baseline), each a category on the axis.
fn year_categories(spec: &mut ChartSpec, input: &Input<'_>) -> BTreeSet<i32> {
    let years: BTreeSet<i32> = input
        .indicators
        .iter()
        .flat_map(|i| input.chart.drawn_points(i))
        .filter(|p| p.kind != PointKind::Baseline)
        .map(|p| p.year)
        .collect();
    for (i, &year) in years.iter().enumerate() {
        spec.categories.push(CategoryLabel {
            x: i as f64,
            label: year.to_string(),
        });
    }
    years
}

/// The key: a result's bar and a target's marker.
fn key(lang: Lang) -> Vec<(Look, String)> {
    vec![
        (
            Look::of(PointKind::Actual),
            tr(lang, "完成", "result").to_owned(),
        ),
        (
            Look::of(PointKind::Target),
            tr(
                lang,
                "目标（虚线：左右；箭头：以上）",
                "target (dashed: about; arrow: at least)",
            )
            .to_owned(),
        ),
    ]
}

/// The years on the axis and the width of an indicator's slot in each.
struct Slots<'y> {
    years: &'y BTreeSet<i32>,
    slot: f64,
    /// How many indicators are visible (at least one).
    shown: usize,
}

impl Slots<'_> {
    /// One indicator's results and targets, year by year, at `offset` from each year's centre; a
    /// visible one's verdicts go to the chart's gap labels.
    fn figures(
        &self,
        spec: &mut ChartSpec,
        input: &Input<'_>,
        ind: &Indicator,
        visible: bool,
        offset: f64,
    ) -> ResultsAndTargets {
        let lang = spec.lang;
        let points = input.chart.drawn_points(ind);
        let mut bars = Vec::new();
        let mut targets = Vec::new();
        for (i, &year) in self.years.iter().enumerate() {
            let of = |kind: PointKind| {
                points
                    .iter()
                    .copied()
                    .find(|p| p.year == year && p.kind == kind)
            };
            let (result, target) = (of(PointKind::Actual), of(PointKind::Target));
            let center = i as f64 + offset;
            let comparison = result
                .zip(target)
                .filter(|(r, t)| super::accountability::paired(r, t))
                .map(|(r, t)| Comparison::of(r, t, spec.unit.percent, ind.better));
            let pair = Pair {
                result,
                target,
                comparison,
            };
            let (bar, marker) = self.pair_figures(spec, input, ind, &pair, center);
            bars.extend(bar);
            targets.extend(marker);
            if visible && (result.is_some() || target.is_some()) {
                spec.gaps.push(verdict(
                    result, target, comparison, center, self.shown, lang,
                ));
            }
        }
        ResultsAndTargets {
            results: bars,
            targets,
        }
    }

    /// A year's result bar (left of `center`) and target marker (right), each with its details.
    fn pair_figures(
        &self,
        spec: &ChartSpec,
        input: &Input<'_>,
        ind: &Indicator,
        pair: &Pair<'_>,
        center: f64,
    ) -> (Option<Figure>, Option<Figure>) {
        let (lang, report, slot) = (spec.lang, input.report, self.slot);
        let half = slot / 4.0;
        let Pair {
            result,
            target,
            comparison,
        } = *pair;
        let bar = result.map(|r| {
            let mut d = detail(report, ind, r, &spec.unit, lang);
            d.rows.push(versus_row(comparison, target.is_some(), lang));
            Figure {
                x: center - half,
                width: slot / 2.0 * 0.9,
                value: r.value,
                low: None,
                kind: PointKind::Actual,
                shade: 0,
                qualifier: r.qualifier,
                label_base: r.value,
                label: format::figure_label(r, &spec.unit, lang),
                detail: d,
            }
        });
        let marker = target.map(|t| {
            let mut d = detail(report, ind, t, &spec.unit, lang);
            if result.is_none() {
                d.rows.push(versus_row(None, true, lang));
            }
            // A range target is a band from its low end to its high end.
            let high = t.high.filter(|_| t.qualifier == Qualifier::Range);
            Figure {
                x: center + half,
                width: slot / 2.0 * 0.9,
                value: high.unwrap_or(t.value),
                low: high.map(|_| t.value),
                kind: PointKind::Target,
                shade: 0,
                qualifier: t.qualifier,
                // Its label keeps clear of the result's beside it.
                label_base: result.map_or(t.value, |r| r.value),
                label: target_label(t, &spec.unit, lang),
                detail: d,
            }
        });
        (bar, marker)
    }
}

/// A year's result and target of one indicator, and how they compare when they pair.
#[derive(Clone, Copy)]
struct Pair<'p> {
    result: Option<&'p DataPoint>,
    target: Option<&'p DataPoint>,
    comparison: Option<Comparison>,
}

/// "目标7左右" / "target ≈7": the target with its own wording; the axis states the unit.
pub(super) fn target_label(t: &DataPoint, unit: &Unit, lang: Lang) -> String {
    let plain = format::number_in(t.value, unit, lang);
    match (lang, t.qualifier) {
        (Lang::Zh, Qualifier::About) => format!("目标{plain}左右"),
        (Lang::Zh, Qualifier::AtLeast) => format!("目标{plain}以上"),
        (Lang::Zh, Qualifier::AtMost) => format!("目标不超过{plain}"),
        (Lang::Zh, Qualifier::Nearly) => format!("目标近{plain}"),
        (Lang::Zh, Qualifier::Exact) => format!("目标{plain}"),
        (Lang::Zh, Qualifier::Range) => format!("目标{}", format::figure_label(t, unit, lang)),
        (Lang::En, _) => format!("target {}", format::figure_label(t, unit, lang)),
    }
}

/// What the pair says above it: "低于目标3个百分点 · 未达标", or what is missing.
pub(super) fn verdict(
    result: Option<&DataPoint>,
    target: Option<&DataPoint>,
    comparison: Option<Comparison>,
    x: f64,
    shown: usize,
    lang: Lang,
) -> GapLabel {
    let top = result
        .iter()
        .chain(target.iter())
        .map(|p| p.value)
        .fold(0.0_f64, f64::max);
    let (text, status) = match comparison {
        Some(c) => {
            let status = c.status();
            // Several indicators share a year: only the word fits above each pair.
            let text = if shown > 1 {
                status.label(lang).to_owned()
            } else {
                format!("{}\n{}", status.label(lang), c.short_words(lang))
            };
            (text, Some(status))
        }
        None if target.is_none() => (
            tr(lang, "无目标数据", "no target\non record").to_owned(),
            None,
        ),
        None => (
            tr(lang, "无结果数据", "no result\non record").to_owned(),
            None,
        ),
    };
    GapLabel {
        x,
        y: top,
        text,
        status,
    }
}

/// The tooltip row that sets a figure against its pair, with the rule.
pub(super) fn versus_row(
    comparison: Option<Comparison>,
    has_target: bool,
    lang: Lang,
) -> (String, String) {
    let label = tr(lang, "对照目标", "Against target").to_owned();
    let value = match comparison {
        Some(c) => format!(
            "{}，{}\n{}",
            c.words(lang),
            c.status().label(lang),
            super::accountability::rule(lang)
        ),
        None if has_target => tr(
            lang,
            "数据中没有这一年的结果（可能尚未公布，或公布的文件未收录）",
            "no result for this year in the data (not yet published, or not recorded)",
        )
        .to_owned(),
        None => tr(
            lang,
            "数据中没有这一年的目标（可能未公布，或公布的文件未收录）",
            "no target for this year in the data (not published, or not recorded)",
        )
        .to_owned(),
    };
    (label, value)
}
