//! Bar charts (grouped bars, before-after, single values against reference lines): one bar a
//! figure, filled by kind, with its value on it and the gap between a pair above them.

use egui::{Align2, Color32, RichText};
use egui_plot::{Bar, BarChart, PlotPoint, PlotUi, Text};

use super::palette::{RESULT, bar_fill, bar_stroke};
use super::plot::item_source;
use crate::charts::layout::PlotLayout;
use crate::charts::{ChartSpec, Figure, Series};

pub(super) fn bars_ui(
    plot_ui: &mut PlotUi<'_>,
    series: &[Series<Vec<Figure>>],
    layout: &PlotLayout,
    text_color: Color32,
) {
    for (s, series) in series.iter().enumerate().filter(|(_, s)| s.visible) {
        let sid = item_source(&series.id);
        if !series.figures.is_empty() {
            let bars = series
                .figures
                .iter()
                .map(|b| {
                    Bar::new(b.x, b.value)
                        .width(b.width)
                        .fill(bar_fill(b.look()))
                        .stroke(bar_stroke(b.look()))
                })
                .collect();
            plot_ui.bar_chart(
                BarChart::new(series.name.clone(), bars)
                    .id(sid)
                    .color(RESULT)
                    .allow_hover(false),
            );
        }
        // Value labels where the layout placed them: side by side, staggered, or left to the
        // tooltip.
        for place in layout.bar_labels.iter().filter(|l| l.series == s) {
            if let Some(b) = series.figures.get(place.index) {
                value_label_ui(plot_ui, b, place.lift, layout, text_color, sid);
            }
        }
    }
}

/// A bar's value, just past its end (above a rise, below a fall), `lift` further out.
pub(super) fn value_label_ui(
    plot_ui: &mut PlotUi<'_>,
    b: &Figure,
    lift: f64,
    layout: &PlotLayout,
    color: Color32,
    sid: (&'static str, &str),
) {
    let (anchor, y) = if b.value >= 0.0 {
        (Align2::CENTER_BOTTOM, b.value + lift)
    } else {
        (Align2::CENTER_TOP, b.value - lift)
    };
    plot_ui.text(
        Text::new(
            "",
            PlotPoint::new(b.x, y),
            RichText::new(&b.label).size(layout.font_px - 1.0),
        )
        .id(sid)
        .color(color)
        .anchor(anchor)
        .allow_hover(false),
    );
}

/// The words above a pair of bars: a difference in points, or a target's verdict in its colour
/// (the words say it too, for print in black and white). Drawn for every kind that has them.
pub(super) fn gaps_ui(
    plot_ui: &mut PlotUi<'_>,
    spec: &ChartSpec,
    layout: &PlotLayout,
    text_color: Color32,
) {
    let shown = spec
        .gaps
        .iter()
        .zip(&layout.gap_texts)
        .zip(&layout.gap_shown);
    for ((gap, text), _) in shown.filter(|(_, shown)| **shown) {
        let color = match gap.status {
            None => text_color.gamma_multiply(0.8),
            Some(status) => super::palette::status_color(status),
        };
        plot_ui.text(
            Text::new(
                "",
                PlotPoint::new(gap.x, gap.y + layout.gap_label_lift),
                RichText::new(text).size(layout.font_px - 1.0).italics(),
            )
            .color(color)
            .anchor(Align2::CENTER_BOTTOM)
            .allow_hover(false),
        );
    }
}
