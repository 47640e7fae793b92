//! What an image of a chart holds: the title, unit and key, the plot, and a footnote citing the
//! sources of the figures drawn and naming the data; or, for one figure, its card with the sentence
//! it comes from. `export` runs this offscreen; tests draw it too.

use egui::{RichText, Vec2};

use super::Mode;
use crate::charts::ChartSpec;
use crate::model::Lang;

/// A card is smaller than a chart: half the width, the same proportions.
pub const CARD_SIZE: Vec2 = Vec2::new(480.0, 270.0);

/// The size in points of a chart's image: `chart_size`, or a card's.
pub fn image_size(spec: &ChartSpec, chart_size: Vec2) -> Vec2 {
    if spec.card().is_some() {
        CARD_SIZE
    } else {
        chart_size
    }
}

/// The footnote naming the documents the drawn figures come from, and the data file.
pub fn footnote(spec: &ChartSpec, data_name: &str, lang: Lang) -> String {
    // A time chart's image says what range it shows, what the line is, and the counts.
    let shown = spec
        .time()
        .map(|t| format!("{}\n", t.footnote(lang)))
        .unwrap_or_default();
    let note = match lang {
        Lang::Zh => format!(
            "来源：{} · 数据：{data_name} · planboard",
            spec.sources.join("；")
        ),
        Lang::En => format!(
            "Source: {} · Data: {data_name} · planboard",
            spec.sources.join("; ")
        ),
    };
    shown + &note
}

/// What an image holds: title, unit and key, the plot, and the footnote citing the sources (in
/// the text colour, small but dark enough to read in print).
pub fn image_ui(ui: &mut egui::Ui, spec: &ChartSpec, note: &str) {
    let frame = egui::Frame::new()
        .fill(ui.visuals().panel_fill)
        .inner_margin(16.0);
    frame.show(ui, |ui| {
        let full = ui.available_size();
        ui.set_min_size(full);
        if let Some(card) = spec.card() {
            // One figure: a card, with the sentence it comes from, not a one-bar chart.
            super::card_ui(ui, &spec.title, card, Mode::Image);
            ui.label(RichText::new(note).small().color(ui.visuals().text_color()));
            return;
        }
        super::header_ui(ui, spec);
        ui.add_space(4.0);
        let color = ui.visuals().text_color();
        let note_font = egui::TextStyle::Small.resolve(ui.style());
        let note_galley = ui
            .ctx()
            .fonts_mut(|f| f.layout(note.to_owned(), note_font, color, full.x));
        let plot = Vec2::new(
            full.x,
            (ui.available_height() - note_galley.size().y - 8.0).max(80.0),
        );
        let _ = super::plot_ui(ui, spec, plot, Mode::Image);
        ui.add_space(4.0);
        ui.label(RichText::new(note).small().color(color));
    });
}
