//! The ids a chart's drawing shares between frames and with egui_plot: the plot's, from the chart
//! id, and every item's, from its toggle key, so hiding a series hides every item it drew.

use egui_plot::ItemId;

/// The plot's id, from the chart id: the same chart keeps its state across frames.
pub fn plot_id(chart_id: &str) -> egui::Id {
    egui::Id::unique(("planboard-chart", chart_id))
}

/// The item id of a toggle key: every item of a series (bars, labels) shares it.
pub fn item_id(key: &str) -> ItemId {
    ItemId::new(item_source(key))
}

/// What plot items hash into their [`ItemId`] (their `.id(…)` takes the source, not the id).
pub(super) fn item_source(key: &str) -> (&'static str, &str) {
    ("series", key)
}
