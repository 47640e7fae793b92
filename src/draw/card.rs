//! A single figure as a card: its name, the number large with its unit and qualifier, what it is,
//! the change from its starting level, its companions (the next year's target), and, in an image,
//! the sentence it comes from. The window and the images draw cards through here.

use egui::{RichText, Ui};

use super::Mode;
use super::palette::RESULT;
use crate::charts::CardSpec;
use crate::i18n::tr;
use crate::model::Lang;

/// A card as the window and the images lay it out: its title, the figure and what it is; in an
/// image also the sentence it comes from (the window shows it on hover: [`card_source_ui`]). What
/// follows the card (the window's buttons, an image's footnote) is the caller's.
pub fn card_ui(ui: &mut Ui, title: &str, card: &CardSpec, mode: Mode) {
    match mode {
        Mode::Window => {
            ui.label(RichText::new(title).strong());
            card_body_ui(ui, card);
        }
        Mode::Image => {
            ui.label(RichText::new(title).size(16.0).strong());
            ui.add_space(6.0);
            card_body_ui(ui, card);
            ui.add_space(6.0);
            card_quote_ui(ui, card);
            ui.add_space(6.0);
        }
    }
}

/// Where a card's figure comes from, for the window's hover: the sentence and its citation.
pub fn card_source_ui(ui: &mut Ui, card: &CardSpec, lang: Lang) {
    ui.set_max_width(420.0);
    ui.label(RichText::new(tr(lang, "原文：", "The source says:")).weak());
    card_quote_ui(ui, card);
    ui.label(RichText::new(&card.source).small().weak());
}

/// The card's content under its title. Text is selectable, so a reader can copy the number itself.
fn card_body_ui(ui: &mut Ui, card: &CardSpec) {
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

/// The source sentence.
fn card_quote_ui(ui: &mut Ui, card: &CardSpec) {
    ui.label(RichText::new(format!("“{}”", card.quote)).italics());
}
