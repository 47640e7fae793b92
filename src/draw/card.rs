//! A single figure as a card: its name, the number large with its unit and qualifier, what it is,
//! the change from its starting level, its companions (the next year's target), and, in an image,
//! the sentence it comes from. The window and the images draw cards through here.

use egui::{RichText, Ui};

use super::palette::RESULT;
use crate::charts::CardSpec;

/// The card's content under its title. Text is selectable, so a reader can copy the number itself.
pub fn card_body_ui(ui: &mut Ui, card: &CardSpec) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        let number = if ui.visuals().dark_mode {
            ui.visuals().strong_text_color()
        } else {
            RESULT
        };
        ui.label(
            RichText::new(&card.number)
                .size(32.0)
                .strong()
                .color(number),
        );
        ui.label(RichText::new(&card.unit).size(16.0));
        if let Some(q) = &card.qualifier {
            ui.label(RichText::new(q).size(16.0));
        }
    });
    let mut what = format!("{} · {}", card.kind, card.basis);
    if let Some(p) = &card.period {
        what.push_str(" · ");
        what.push_str(p);
    }
    ui.label(what);
    for line in card.change.iter().chain(&card.companions) {
        ui.label(line);
    }
    if let Some(note) = &card.note {
        ui.label(RichText::new(note).weak());
    }
}

/// The source sentence and its citation, for an image (the window shows them on hover).
pub fn card_quote_ui(ui: &mut Ui, card: &CardSpec) {
    ui.label(RichText::new(format!("“{}”", card.quote)).italics());
}
