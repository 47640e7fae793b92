//! A [`ChartSpec`](crate::charts::ChartSpec) drawn with egui and egui_plot: the chart's header, the
//! plot with its legend, value and gap labels, reference lines and tooltips, plus the palette, the
//! bundled font and the theme.
//!
//! The window (`ui`) and the images (`export`) both draw through here, so what a person sees on
//! screen is what a saved image shows. Where things go (ranges, legend room, label offsets) is
//! decided in [`crate::charts::layout`]; this module only turns those decisions into shapes.

mod bars;
mod card;
pub mod fonts;
mod header;
mod image;
mod lines;
pub mod palette;
mod plot;
mod references;
mod targets;
pub mod theme;
mod time;
mod tooltip;

pub use card::{card_source_ui, card_ui};
pub use header::header_ui;
pub use image::{CARD_SIZE, footnote, image_size, image_ui};
pub use plot::{Mode, item_id, plot_height, plot_id, plot_ui};
pub use theme::Theme;
pub use time::view_request_id;
pub use tooltip::tooltip_ui;
