//! The tooltip of a figure: what it is, and the report's own sentence.

use egui::{RichText, Ui};

use crate::charts::PointDetail;
use crate::i18n::tr;
use crate::model::Lang;

/// A figure's tooltip: indicator, kind and year, value with unit and qualifier, basis, period, and
/// the sentence of the report.
pub fn tooltip_ui(ui: &mut Ui, detail: &PointDetail, lang: Lang) {
    ui.set_max_width(420.0);
    ui.label(RichText::new(&detail.title).strong());
    egui::Grid::new("planboard-tooltip")
        .num_columns(2)
        .show(ui, |ui| {
            for (label, value) in &detail.rows {
                ui.label(RichText::new(label).weak());
                ui.label(value);
                ui.end_row();
            }
        });
    ui.separator();
    ui.label(RichText::new(tr(lang, "报告原文：", "The report says:")).weak());
    ui.label(RichText::new(format!("“{}”", detail.quote)).italics());
}
