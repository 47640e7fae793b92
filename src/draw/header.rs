//! A chart's header: the title and, below it, the unit, the key to the bar fills and where each
//! reference line comes from.

use egui::{RichText, Ui, Vec2};

use crate::charts::ChartSpec;
use crate::draw::palette::{bar_fill, bar_stroke};
use crate::i18n::tr;

/// The title and, below it, the unit and the key to the bar fills.
pub fn header_ui(ui: &mut Ui, spec: &ChartSpec) {
    ui.label(RichText::new(&spec.title).size(16.0).strong());
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(&spec.axis_label).weak());
        for (kind, label) in &spec.key {
            ui.add_space(8.0);
            let (rect, _) = ui.allocate_exact_size(Vec2::new(14.0, 10.0), egui::Sense::hover());
            let base = ui.visuals().text_color();
            ui.painter().rect(
                rect,
                1.0,
                bar_fill(base, *kind),
                bar_stroke(base, *kind),
                egui::StrokeKind::Inside,
            );
            ui.label(RichText::new(label).weak());
        }
        if let Some(note) = &spec.gap_note {
            ui.add_space(8.0);
            ui.label(RichText::new(note).weak());
        }
    });
    // Reference lines are not figures of the report: say where each comes from.
    for r in spec.references.iter().filter(|r| r.visible) {
        let sep = tr(spec.lang, "：", ": ");
        ui.label(
            RichText::new(format!("{}{sep}{}", r.name, r.source))
                .small()
                .weak(),
        );
    }
}
