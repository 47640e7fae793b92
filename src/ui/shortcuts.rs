//! Keyboard shortcuts shared by the pages: copy (Ctrl+C) and save (Ctrl+S).

/// Whether the user pressed the copy shortcut (Ctrl+C, or Cmd+C on a Mac) while no text field has the keyboard.
///
/// The window's integration turns the shortcut into `Event::Copy` (no key event reaches the app);
/// a test harness sends the key itself. Both count, once.
pub fn copy_requested(ctx: &egui::Context) -> bool {
    if ctx.memory(|m| m.focused().is_some()) {
        return false; // A text field copies its own selection.
    }
    ctx.input_mut(|i| {
        let event = i.events.iter().any(|e| matches!(e, egui::Event::Copy));
        let key = i.consume_key(egui::Modifiers::COMMAND, egui::Key::C);
        event || key
    })
}

/// Whether the user pressed the save shortcut (Ctrl+S, or Cmd+S on a Mac).
pub fn save_requested(ctx: &egui::Context) -> bool {
    ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::S))
}
