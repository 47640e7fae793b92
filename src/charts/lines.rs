//! Line charts: years on the axis, each indicator's results (and starting levels) as a solid line
//! and its targets as a separate dashed line, so a target and a result of the same year are two
//! points, never one band.

use std::collections::BTreeSet;

use super::detail::detail;
use super::hit::HitProbe;
use super::layout::{KindLayout, LabelRoom, PlacedLabels, place_point_labels};
use super::{
    CategoryLabel, ChartSpec, Figure, Input, Kind, Look, ResultsAndTargets, Series, SeriesView,
};
use crate::format;
use crate::i18n::tr;
use crate::model::PointKind;

series_body! {
    /// A line chart's body: each series' results and its targets, two lines.
    Lines(ResultsAndTargets)
}

impl Kind for Lines {
    fn series(&self) -> Vec<SeriesView<'_>> {
        super::results_and_targets_views(&self.0)
    }

    fn colours_name_series(&self) -> bool {
        true
    }

    fn layout_needs(&self) -> KindLayout<'_> {
        KindLayout {
            years_on_axis: true,
            point_label_lift: 0.25,
            ..KindLayout::plain()
        }
    }

    fn place_labels(&self, room: &LabelRoom<'_>) -> PlacedLabels {
        PlacedLabels {
            point_labels: place_point_labels(
                &self.0,
                &room.scale,
                room.every_point,
                room.point_lift,
                room.measure,
            ),
            ..PlacedLabels::none(room.gaps.len())
        }
    }

    fn hit(&self, probe: &HitProbe) -> Option<&Figure> {
        probe.nearest(super::hit::visible(&self.0).flat_map(|s| s.figures.iter()))
    }
}

pub(super) fn build_lines(spec: &mut ChartSpec, input: &Input<'_>) -> Lines {
    let lang = spec.lang;
    let chart = input.chart;
    let years: BTreeSet<i32> = input
        .indicators
        .iter()
        .flat_map(|i| chart.drawn_points(i))
        .map(|p| p.year)
        .collect();
    for &year in &years {
        spec.categories.push(CategoryLabel {
            x: f64::from(year),
            label: year.to_string(),
        });
    }
    let mut kinds = BTreeSet::new();
    let mut all_series = Vec::new();
    for (color, ind) in input.indicators.iter().enumerate() {
        let mut figures = ResultsAndTargets::default();
        for p in chart.drawn_points(ind) {
            kinds.insert(p.kind);
            let figure = Figure {
                x: f64::from(p.year),
                width: 0.0,
                value: p.value,
                low: None,
                kind: p.kind,
                shade: 0,
                qualifier: p.qualifier,
                label_base: p.value,
                label: format::figure_label(p, &spec.unit, lang),
                detail: detail(input.report, ind, p, &spec.unit, lang),
            };
            match p.kind {
                PointKind::Target => figures.targets.push(figure),
                PointKind::Actual | PointKind::Baseline => figures.results.push(figure),
            }
        }
        figures.results.sort_by(|a, b| a.x.total_cmp(&b.x));
        figures.targets.sort_by(|a, b| a.x.total_cmp(&b.x));
        all_series.push(Series {
            id: ind.id.clone(),
            name: ind.name.get(lang).to_owned(),
            color,
            visible: input.visible(ind),
            figures,
        });
    }
    if kinds.contains(&PointKind::Target) && kinds.len() > 1 {
        spec.key = vec![
            (
                Look::of(PointKind::Actual),
                tr(lang, "完成（实线）", "result (solid)").to_owned(),
            ),
            (
                Look::of(PointKind::Target),
                tr(lang, "目标（虚线）", "target (dashed)").to_owned(),
            ),
        ];
    }
    let first = years.first().copied().unwrap_or(0);
    let last = years.last().copied().unwrap_or(0);
    spec.x_range = (f64::from(first) - 0.5, f64::from(last) + 0.5);
    Lines(all_series)
}
