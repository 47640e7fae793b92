//! A [`ChartSpec`](crate::charts::ChartSpec) drawn with egui and egui_plot: the chart's header, the
//! plot with its legend, value and gap labels, reference lines and tooltips, plus the palette, the
//! bundled font and the theme.
//!
//! The window (`ui`) and the images (`export`) both draw through here, so what a person sees on
//! screen is what a saved image shows. Where things go (ranges, legend room, label offsets) is
//! decided in [`crate::charts::layout`]; this module only turns those decisions into shapes.

//!
//! Each chart kind is drawn by one file (`bars.rs`, `lines.rs`, `targets.rs`, `places.rs`, `time.rs`) that
//! implements [`KindDrawing`] for its body; [`kind_drawing`] is the one place `draw/` matches on
//! kinds.

mod bars;
mod card;
pub mod fonts;
mod header;
mod ids;
mod image;
mod lines;
pub mod palette;
mod places;
mod plot;
mod references;
mod swatch;
mod targets;
pub mod theme;
mod time;
mod tooltip;
mod value_labels;

use egui::{Color32, Painter, Rect, Ui, Vec2};

use crate::charts::{ChartBody, ChartSpec, Look};

pub use card::{card_source_ui, card_ui};
pub use header::header_ui;
pub use ids::{item_id, plot_id};
pub use image::{CARD_SIZE, footnote, image_size, image_ui};
pub use plot::{Mode, plot_height, plot_ui};
pub use theme::Theme;
pub use time::view_request_id;
pub use tooltip::tooltip_ui;

/// How a kind of chart is drawn: its plot, and its key's sample of a kind of figure.
trait KindDrawing {
    /// The plot, `size` points large: axes, the kind's items, labels and, in the window, the
    /// tooltip of what is under the pointer.
    fn plot_ui(&self, ui: &mut Ui, spec: &ChartSpec, size: Vec2, mode: Mode) -> egui::Response;

    /// The key's sample of `look`: by default a bar's fill.
    fn swatch(&self, painter: &Painter, rect: Rect, base: Color32, look: Look) {
        let _ = base;
        swatch::bar(painter, rect, look);
    }
}

/// The drawing of a chart's kind: the one place `draw/` matches on kinds (the registry beside
/// `charts::ChartBody::kind`).
fn kind_drawing(body: &ChartBody) -> &dyn KindDrawing {
    match body {
        ChartBody::Bars(bars) => bars,
        ChartBody::Lines(lines) => lines,
        ChartBody::Targets(targets) => targets,
        ChartBody::Time(time) => time.as_ref(),
        ChartBody::Places(places) => places,
    }
}
