//! Reference lines (limits, guidelines): dashed, labelled at the left, toggleable like a series.

use egui::{Align2, RichText};
use egui_plot::{HLine, LineStyle, PlotPoint, PlotUi, Text};

use super::ids::item_source;
use super::palette::series_color;
use crate::charts::layout::PlotLayout;
use crate::charts::{ChartSpec, ReferenceSpec};

/// A reference line as every chart draws it: dashed, in its colour, toggled by its key.
pub(super) fn reference_hline(r: &ReferenceSpec) -> HLine {
    HLine::new(r.name.clone(), r.value)
        .id(item_source(&r.id))
        .color(series_color(r.color))
        .width(1.5)
        .style(LineStyle::dashed_loose())
        .allow_hover(false)
}

pub(super) fn references_ui(plot_ui: &mut PlotUi<'_>, spec: &ChartSpec, layout: &PlotLayout) {
    for r in spec.references.iter().filter(|r| r.visible) {
        let color = series_color(r.color);
        let rid = item_source(&r.id);
        plot_ui.hline(reference_hline(r));
        plot_ui.text(
            Text::new(
                "",
                PlotPoint::new(layout.x_bounds.0, r.value + layout.reference_label_lift),
                RichText::new(&r.name).size(layout.font_px - 2.0),
            )
            .id(rid)
            .color(color)
            .anchor(Align2::LEFT_BOTTOM)
            .allow_hover(false),
        );
    }
}
