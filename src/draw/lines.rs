//! Line charts: one line a series over the years, a marker on each figure and its value above it.

use egui::{Align2, Color32, RichText};
use egui_plot::{Line, MarkerShape, PlotPoint, PlotPoints, PlotUi, Points, Text};

use super::palette::series_color;
use super::plot::{Mode, item_source};
use crate::charts::ChartSpec;
use crate::charts::layout::PlotLayout;

pub(super) fn lines_ui(
    plot_ui: &mut PlotUi<'_>,
    spec: &ChartSpec,
    layout: &PlotLayout,
    mode: Mode,
    text_color: Color32,
) {
    for series in spec.series.iter().filter(|s| mode.draws(s.visible)) {
        let color = series_color(series.color);
        let sid = item_source(&series.id);
        if !series.line.is_empty() {
            let pts: Vec<[f64; 2]> = series.line.iter().map(|p| [p.x, p.value]).collect();
            plot_ui.line(
                Line::new(series.name.clone(), PlotPoints::from(pts.clone()))
                    .id(sid)
                    .color(color)
                    .width(2.0)
                    .allow_hover(false),
            );
            plot_ui.points(
                Points::new("", PlotPoints::from(pts))
                    .id(sid)
                    .color(color)
                    .radius(4.0)
                    .shape(MarkerShape::Circle)
                    .filled(true)
                    .allow_hover(false),
            );
        }
        for p in &series.line {
            let (anchor, y) = if p.value >= 0.0 {
                (Align2::CENTER_BOTTOM, p.value + layout.point_label_lift)
            } else {
                (Align2::CENTER_TOP, p.value - layout.point_label_lift)
            };
            plot_ui.text(
                Text::new(
                    "",
                    PlotPoint::new(p.x, y),
                    RichText::new(&p.label).size(layout.font_px - 1.0),
                )
                .id(sid)
                .color(text_color)
                .anchor(anchor)
                .allow_hover(false),
            );
        }
    }
}
