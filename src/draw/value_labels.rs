//! Value labels shared by the kinds: a bar's value past its end, and the words above a pair of
//! figures (a difference, or a target's verdict).

use egui::{Align2, Color32, RichText};
use egui_plot::{PlotPoint, PlotUi, Text};

use crate::charts::layout::PlotLayout;
use crate::charts::{ChartSpec, Figure};

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
    plot_ui.text(figure_label(b, y, anchor, layout, sid).color(color));
}

/// A figure's label at height `y`, held by `anchor`, in the plot's label size, tied to its series
/// (`sid`) so hiding the series hides it; the caller gives it its colour.
pub(super) fn figure_label(
    figure: &Figure,
    y: f64,
    anchor: Align2,
    layout: &PlotLayout,
    sid: (&'static str, &str),
) -> Text {
    Text::new(
        "",
        PlotPoint::new(figure.x, y),
        RichText::new(&figure.label).size(layout.font_px - 1.0),
    )
    .id(sid)
    .anchor(anchor)
    .allow_hover(false)
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
