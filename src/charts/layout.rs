//! Where a chart's parts go, decided once: the value range with room for labels, the room the
//! legend takes, the wrapped category labels and how far labels sit from what they name.
//!
//! Everything here is plain arithmetic on the spec and a plot's size in points, so the drawing step
//! (`draw`) places what it is told and a test can check a layout without a window.

use super::{ChartSpec, wrap_label};
use crate::model::ChartKind;

/// Width of the value axis, in points.
const Y_AXIS_PX: f32 = 56.0;

/// Which right-hand corner of the plot holds the legend.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LegendCorner {
    /// Above the bars: the usual place.
    Top,
    /// Below: when every visible value is negative, the bars hang from the top.
    Bottom,
}

/// A chart laid out in a plot of a given size.
#[derive(Clone, Debug, PartialEq)]
pub struct PlotLayout {
    /// The x range drawn.
    pub x_bounds: (f64, f64),
    /// The value range drawn: the spec's value range plus the legend's room.
    pub y_bounds: (f64, f64),
    pub legend: LegendCorner,
    /// Category labels at their x, wrapped to the room each category has.
    pub category_labels: Vec<(f64, String)>,
    /// Height of the category axis, in points (room for the tallest wrapped label).
    pub x_axis_px: f32,
    /// Width of the value axis, in points.
    pub y_axis_px: f32,
    /// Font size of the plot's text, in points.
    pub font_px: f32,
    /// How far above a line's point its value label sits, in value units.
    pub point_label_lift: f64,
    /// Whether every point of a line gets its value label (they fit side by side), or only the
    /// last (the rest show on hover).
    pub label_every_point: bool,
    /// How far above the taller bar of a pair its gap label sits, in value units.
    pub gap_label_lift: f64,
    /// How far above its line a reference line's label sits, in value units.
    pub reference_label_lift: f64,
}

/// Lay `spec` out in a plot of `width` × `height` points whose body text is `font_px` high.
pub fn plot_layout(spec: &ChartSpec, width: f32, height: f32, font_px: f32) -> PlotLayout {
    let n = spec.categories.len().max(1) as f32;
    let per_category = ((width - Y_AXIS_PX) / n).max(20.0);
    let max_units = ((per_category * 0.92) / (font_px * 0.5)).floor() as usize;
    let category_labels: Vec<(f64, String)> = spec
        .categories
        .iter()
        .map(|c| (c.x, wrap_label(&c.label, max_units, 3)))
        .collect();
    let lines = category_labels
        .iter()
        .map(|(_, l)| l.lines().count())
        .max()
        .unwrap_or(1) as f32;

    let (mut y0, mut y1) = spec.y_range;
    // The legend sits in a right-hand corner of the plot, on the side away from the bars: leave it
    // room there (above positive bars; below when every visible value is negative).
    let entries = spec.series.len() + spec.references.len();
    let plot_px = (height - lines * (font_px + 3.0) - 6.0).max(60.0);
    let legend_share = f64::from(((entries as f32 * (font_px + 5.0) + 14.0) / plot_px).min(0.6));
    let all_negative = y1 <= 0.0 && y0 < 0.0;
    if all_negative {
        y0 = y1 - (y1 - y0) / (1.0 - legend_share);
    } else {
        y1 = y0 + (y1 - y0) / (1.0 - legend_share);
    }
    let range = y1 - y0;
    let is_lines = spec.kind == ChartKind::Lines;
    let is_targets = spec.kind == ChartKind::TargetsAndResults;
    // Years on the axis: every year when the labels fit, else every second, third … year, evenly.
    let per_year_px = f64::from(width - Y_AXIS_PX) / (spec.x_range.1 - spec.x_range.0).max(1.0);
    let year_label_px = f64::from(font_px) * 2.6;
    let category_labels = if is_lines || is_targets {
        let step = (year_label_px / per_year_px).ceil().max(1.0) as usize;
        category_labels
            .into_iter()
            .enumerate()
            .filter(|(i, _)| i % step == 0)
            .map(|(_, c)| c)
            .collect()
    } else {
        category_labels
    };
    // A value label ("1,234.5 billion yuan") is about eight characters wide.
    let value_label_px = f64::from(font_px) * 0.6 * 10.0;
    PlotLayout {
        x_bounds: spec.x_range,
        y_bounds: (y0, y1),
        legend: if all_negative {
            LegendCorner::Bottom
        } else {
            LegendCorner::Top
        },
        category_labels,
        x_axis_px: lines * (font_px + 3.0) + 6.0,
        y_axis_px: Y_AXIS_PX - 8.0,
        font_px,
        point_label_lift: if is_lines || is_targets {
            range * 0.03
        } else {
            0.0
        },
        label_every_point: per_year_px >= value_label_px,
        gap_label_lift: range * if is_targets { 0.13 } else { 0.09 },
        reference_label_lift: range * 0.012,
    }
}

/// The value axis range: zero, every visible value and reference line, and room above (and below,
/// for negative values) for the value labels.
pub(super) fn value_range(spec: &ChartSpec) -> (f64, f64) {
    let values = spec
        .series
        .iter()
        .filter(|s| s.visible)
        .flat_map(|s| s.figures().map(|b| b.value))
        .chain(
            spec.references
                .iter()
                .filter(|r| r.visible)
                .map(|r| r.value),
        );
    let (lo, hi) = values.fold((0.0_f64, 0.0_f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let span = (hi - lo).max(f64::EPSILON);
    let pad = span * 0.16;
    let lo = if lo < 0.0 { lo - pad } else { 0.0 };
    // Differences are written above the bars: give them a line of their own.
    let gap_room = match (spec.gaps.is_empty(), spec.kind) {
        (true, _) => 0.0,
        // A target's label and arrow sit between the figures and the verdict.
        (false, ChartKind::TargetsAndResults) => span * 0.24,
        (false, _) => span * 0.14,
    };
    let hi = if hi > 0.0 || lo == 0.0 {
        hi + pad + gap_room
    } else {
        gap_room
    };
    if hi - lo < 1e-9 { (0.0, 1.0) } else { (lo, hi) }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::model::{Lang, load_default};

    fn spec(id: &str, hidden: &[&str]) -> ChartSpec {
        let report = load_default().expect("default");
        let chart = report.chart(id).expect("chart");
        let hidden: BTreeSet<String> = hidden.iter().map(|s| (*s).to_owned()).collect();
        super::super::build(&report, chart, Lang::Zh, &hidden)
    }

    #[test]
    fn the_drawn_range_holds_the_value_range_and_the_legend_room() {
        let s = spec("headline", &[]);
        let l = plot_layout(&s, 900.0, 400.0, 13.0);
        assert_eq!(l.y_bounds.0, s.y_range.0);
        assert!(l.y_bounds.1 > s.y_range.1, "room above for the legend");
        assert_eq!(l.legend, LegendCorner::Top);
        assert_eq!(l.category_labels.len(), s.categories.len());
    }

    #[test]
    fn narrow_plots_wrap_labels_and_grow_the_axis() {
        let s = spec("headline", &[]);
        let wide = plot_layout(&s, 1400.0, 400.0, 13.0);
        let narrow = plot_layout(&s, 300.0, 400.0, 13.0);
        assert!(narrow.x_axis_px > wide.x_axis_px);
        assert!(narrow.category_labels.iter().any(|(_, l)| l.contains('\n')));
    }
}
