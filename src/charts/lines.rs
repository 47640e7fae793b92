//! Line charts: years on the axis, each indicator's results (and starting levels) as a solid line
//! and its targets as a separate dashed line, so a target and a result of the same year are two
//! points, never one band.

use std::collections::BTreeSet;

use super::{BarSpec, CategoryLabel, ChartSpec, SeriesSpec, detail, drawn_points};
use crate::format;
use crate::model::{Chart, Indicator, PointKind, Report};

pub(super) fn layout_lines(
    spec: &mut ChartSpec,
    report: &Report,
    chart: &Chart,
    indicators: &[&Indicator],
    hidden: &BTreeSet<String>,
) {
    let lang = spec.lang;
    let years: BTreeSet<i32> = indicators
        .iter()
        .flat_map(|i| drawn_points(chart, i))
        .map(|p| p.year)
        .collect();
    for &year in &years {
        spec.categories.push(CategoryLabel {
            x: f64::from(year),
            label: year.to_string(),
        });
    }
    let mut kinds = BTreeSet::new();
    for (color, ind) in indicators.iter().enumerate() {
        let mut line = Vec::new();
        let mut target_line = Vec::new();
        for p in drawn_points(chart, ind) {
            kinds.insert(p.kind);
            let figure = BarSpec {
                x: f64::from(p.year),
                width: 0.0,
                value: p.value,
                kind: p.kind,
                qualifier: p.qualifier,
                label_base: p.value,
                label: format::value_label(p.value, p.qualifier, lang),
                detail: detail(report, ind, p, &spec.unit, lang),
            };
            match p.kind {
                PointKind::Target => target_line.push(figure),
                PointKind::Actual | PointKind::Baseline => line.push(figure),
            }
        }
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
        target_line.sort_by(|a, b| a.x.total_cmp(&b.x));
        spec.series.push(SeriesSpec {
            id: ind.id.clone(),
            name: ind.name.get(lang).to_owned(),
            color,
            visible: !hidden.contains(&ind.id),
            bars: Vec::new(),
            line,
            target_line,
            targets: Vec::new(),
        });
    }
    if kinds.contains(&PointKind::Target) && kinds.len() > 1 {
        spec.key = vec![
            (
                PointKind::Actual,
                crate::i18n::tr(lang, "完成（实线）", "result (solid)").to_owned(),
            ),
            (
                PointKind::Target,
                crate::i18n::tr(lang, "目标（虚线）", "target (dashed)").to_owned(),
            ),
        ];
    }
    let first = years.first().copied().unwrap_or(0);
    let last = years.last().copied().unwrap_or(0);
    spec.x_range = (f64::from(first) - 0.5, f64::from(last) + 0.5);
}
