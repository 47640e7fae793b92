//! Bar charts (grouped bars, before-after, single values against reference lines): one bar a
//! figure, filled by kind, with its value on it and the gap between a pair above them.

use egui::{Color32, Ui, Vec2};
use egui_plot::{Bar, BarChart, PlotUi};

use super::ids::item_source;
use super::palette::{RESULT, bar_fill, bar_stroke};
use super::plot::still_chart_ui;
use super::value_labels::value_label_ui;
use super::{KindDrawing, Mode};
use crate::charts::Bars;
use crate::charts::layout::PlotLayout;
use crate::charts::{ChartSpec, Figure, Series};

impl KindDrawing for Bars {
    fn plot_ui(&self, ui: &mut Ui, spec: &ChartSpec, size: Vec2, mode: Mode) -> egui::Response {
        still_chart_ui(ui, spec, size, mode, &|plot_ui, layout, text_color| {
            bars_ui(plot_ui, self, layout, text_color);
        })
    }
}

fn bars_ui(
    plot_ui: &mut PlotUi<'_>,
    series: &[Series<Vec<Figure>>],
    layout: &PlotLayout,
    text_color: Color32,
) {
    for (s, series) in series.iter().enumerate().filter(|(_, s)| s.visible) {
        bar_run_ui(plot_ui, (s, series), &series.figures, layout, text_color);
    }
}

/// Bars of series `s`, each filled by its kind, from zero or, for a range, from its low end, with
/// their value labels where the layout placed them: side by side, staggered, or left to the
/// tooltip.
pub(super) fn bar_run_ui<F>(
    plot_ui: &mut PlotUi<'_>,
    (s, series): (usize, &Series<F>),
    bars: &[Figure],
    layout: &PlotLayout,
    text_color: Color32,
) {
    let sid = item_source(&series.id);
    if !bars.is_empty() {
        let shapes = bars
            .iter()
            .map(|b| {
                let low = b.low.unwrap_or(0.0);
                Bar::new(b.x, b.value - low)
                    .base_offset(low)
                    .width(b.width)
                    .fill(bar_fill(b.look()))
                    .stroke(bar_stroke(b.look()))
            })
            .collect();
        plot_ui.bar_chart(
            BarChart::new(series.name.clone(), shapes)
                .id(sid)
                .color(RESULT)
                .allow_hover(false),
        );
    }
    for place in layout.bar_labels.iter().filter(|l| l.series == s) {
        if let Some(b) = bars.get(place.index) {
            value_label_ui(plot_ui, b, place.lift, layout, text_color, sid);
        }
    }
}
