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
use crate::model::{DataPoint, Lang, PointKind, Qualifier};

/// Room for one year's figures, in x units (years are 1 apart).
const YEAR_WIDTH: f64 = 0.76;

/// A targets chart's body: each series' results (bars) and targets (markers beside them).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Targets(pub Vec<Series<ResultsAndTargets>>);

impl std::ops::Deref for Targets {
    type Target = [Series<ResultsAndTargets>];

    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl Kind for Targets {
    fn series(&self) -> Vec<SeriesView<'_>> {
        self.0
            .iter()
            .map(|s| s.view([&s.figures.results, &s.figures.targets]))
            .collect()
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
        }
    }

    fn place_labels(&self, room: &LabelRoom<'_>) -> PlacedLabels {
        let marker_lift = room.point_lift.max(room.y_span * 0.02);
        let texts = place_targets_texts(
            &self.0,
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

    /// A result's bar first, else a target's marker.
    fn hit(&self, probe: &HitProbe) -> Option<&Figure> {
        visible(&self.0)
            .flat_map(|s| &s.figures.results)
            .find(|b| probe.on_bar(b))
            .or_else(|| {
                visible(&self.0)
                    .flat_map(|s| &s.figures.targets)
                    .find(|t| probe.on_marker(t))
            })
    }
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

pub(super) fn build_targets(spec: &mut ChartSpec, input: &Input<'_>) -> Targets {
    let lang = spec.lang;
    let (report, chart, indicators) = (input.report, input.chart, input.indicators);
    let years: BTreeSet<i32> = indicators
        .iter()
        .flat_map(|i| chart.drawn_points(i))
        .filter(|p| p.kind != PointKind::Baseline)
        .map(|p| p.year)
        .collect();
    for (i, &year) in years.iter().enumerate() {
        spec.categories.push(CategoryLabel {
            x: i as f64,
            label: year.to_string(),
        });
    }
    let shown = indicators
        .iter()
        .filter(|i| input.visible(i))
        .count()
        .max(1);
    // Each visible indicator takes a slot of the year: its result on the left, its target right.
    let slot = YEAR_WIDTH / shown as f64;
    let mut k = 0usize;
    let mut all_series = Vec::new();
    for (color, ind) in indicators.iter().enumerate() {
        let visible = input.visible(ind);
        let offset = if visible {
            (k as f64 - (shown as f64 - 1.0) / 2.0) * slot
        } else {
            -1e4
        };
        let points = chart.drawn_points(ind);
        let mut bars = Vec::new();
        let mut targets = Vec::new();
        for (i, &year) in years.iter().enumerate() {
            let of = |kind: PointKind| {
                points
                    .iter()
                    .copied()
                    .find(|p| p.year == year && p.kind == kind)
            };
            let (result, target) = (of(PointKind::Actual), of(PointKind::Target));
            let center = i as f64 + offset;
            let half = slot / 4.0;
            let comparison = result
                .zip(target)
                .filter(|(r, t)| super::accountability::paired(r, t))
                .map(|(r, t)| Comparison::of(r, t, spec.unit.percent, ind.better));
            if let Some(r) = result {
                let mut d = detail(report, ind, r, &spec.unit, lang);
                d.rows.push(versus_row(comparison, target.is_some(), lang));
                bars.push(Figure {
                    x: center - half,
                    width: slot / 2.0 * 0.9,
                    value: r.value,
                    kind: PointKind::Actual,
                    shade: 0,
                    qualifier: r.qualifier,
                    label_base: r.value,
                    label: format::value_label(r.value, r.qualifier, lang),
                    detail: d,
                });
            }
            if let Some(t) = target {
                let mut d = detail(report, ind, t, &spec.unit, lang);
                if result.is_none() {
                    d.rows.push(versus_row(None, true, lang));
                }
                targets.push(Figure {
                    x: center + half,
                    width: slot / 2.0 * 0.9,
                    value: t.value,
                    kind: PointKind::Target,
                    shade: 0,
                    qualifier: t.qualifier,
                    // Its label keeps clear of the result's beside it.
                    label_base: result.map_or(t.value, |r| r.value),
                    label: target_label(t, lang),
                    detail: d,
                });
            }
            if visible && (result.is_some() || target.is_some()) {
                spec.gaps
                    .push(verdict(result, target, comparison, center, shown, lang));
            }
        }
        all_series.push(Series {
            id: ind.id.clone(),
            name: ind.name.get(lang).to_owned(),
            color,
            visible,
            figures: ResultsAndTargets {
                results: bars,
                targets,
            },
        });
        if visible {
            k += 1;
        }
    }
    spec.key = vec![
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
    ];
    // Fewer than three years still get the room of three, so one pair is not a wall.
    let pad = (3.0 - years.len() as f64).max(0.0) / 2.0;
    spec.x_range = (-0.5 - pad, years.len().max(1) as f64 - 0.5 + pad);
    Targets(all_series)
}

/// "目标7左右" / "target ≈7": the target with its own wording; the axis states the unit.
fn target_label(t: &DataPoint, lang: Lang) -> String {
    let plain = format::number(t.value, lang);
    match (lang, t.qualifier) {
        (Lang::Zh, Qualifier::About) => format!("目标{plain}左右"),
        (Lang::Zh, Qualifier::AtLeast) => format!("目标{plain}以上"),
        (Lang::Zh, Qualifier::AtMost) => format!("目标不超过{plain}"),
        (Lang::Zh, Qualifier::Nearly) => format!("目标近{plain}"),
        (Lang::Zh, Qualifier::Exact) => format!("目标{plain}"),
        (Lang::En, q) => format!("target {}", format::value_label(t.value, q, lang)),
    }
}

/// What the pair says above it: "低于目标3个百分点 · 未达标", or what is missing.
fn verdict(
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
fn versus_row(comparison: Option<Comparison>, has_target: bool, lang: Lang) -> (String, String) {
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
