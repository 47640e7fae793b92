//! Small widgets the panels share, in the UI's language.

use egui::Ui;

use crate::i18n::tr;
use crate::model::Lang;

/// Words in each language: (zh, en).
pub(super) type Words = (&'static str, &'static str);

/// A button with its label and its hover text in `lang`, `small` as a card's or a chart's corner
/// buttons are: whether it was clicked.
pub(super) fn hint_button(ui: &mut Ui, lang: Lang, small: bool, label: Words, hint: Words) -> bool {
    let label = tr(lang, label.0, label.1);
    let button = if small {
        ui.small_button(label)
    } else {
        ui.button(label)
    };
    button.on_hover_text(tr(lang, hint.0, hint.1)).clicked()
}
