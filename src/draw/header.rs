//! A chart's header: the title and, below it, the unit, the key to the bar fills and where each
//! reference line comes from.

use egui::{RichText, Ui, Vec2};

use crate::charts::ChartSpec;
use crate::i18n::tr;

/// The title and, below it, the unit and the key to the bar fills.
pub fn header_ui(ui: &mut Ui, spec: &ChartSpec) {
    ui.label(RichText::new(&spec.title).size(16.0).strong());
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(&spec.axis_label).weak());
        for (look, label) in &spec.key {
            ui.add_space(8.0);
            // A swatch and its words move to the next line together, never split.
            ui.horizontal(|ui| {
                let (rect, _) = ui.allocate_exact_size(Vec2::new(14.0, 10.0), egui::Sense::hover());
                let base = ui.visuals().text_color();
                super::kind_drawing(&spec.body).swatch(ui.painter(), rect, base, *look);
                ui.add(egui::Label::new(label).wrap_mode(egui::TextWrapMode::Extend));
            });
        }
        if let Some(note) = &spec.gap_note {
            ui.add_space(8.0);
            ui.label(note);
        }
    });
    // Charts whose colours name series say which is which; bar charts name them on the axis.
    if spec.body.colours_name_series() {
        let series: Vec<_> = spec
            .body
            .series()
            .into_iter()
            .filter(|s| s.visible)
            .collect();
        let font = egui::TextStyle::Body.resolve(ui.style());
        let ctx = ui.ctx().clone();
        let measure = |text: &str| {
            ctx.fonts_mut(|f| {
                f.layout_no_wrap(text.to_owned(), font.clone(), egui::Color32::WHITE)
                    .size()
                    .x
            })
        };
        let names: Vec<&str> = series.iter().map(|s| s.name).collect();
        let names = crate::charts::layout::key_names(&names, ui.available_width(), &measure);
        ui.horizontal_wrapped(|ui| {
            let gap = ui.spacing().item_spacing.x;
            for (series, name) in series.iter().zip(names) {
                // A swatch and its name move to the next line together, never split: the row
                // ends before an entry that would not fit whole (unless the row holds nothing).
                let entry = 16.0 + gap + measure(&name) + gap + 8.0;
                let left = ui.available_size_before_wrap().x;
                if left < entry && left < ui.max_rect().width() - 1.0 {
                    ui.end_row();
                }
                let (rect, _) = ui.allocate_exact_size(Vec2::new(16.0, 10.0), egui::Sense::hover());
                ui.painter().line_segment(
                    [rect.left_center(), rect.right_center()],
                    egui::Stroke::new(3.0, super::palette::series_color(series.color)),
                );
                ui.add(egui::Label::new(name).wrap_mode(egui::TextWrapMode::Extend));
                ui.add_space(8.0);
            }
        });
    }
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
