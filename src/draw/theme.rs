//! Light and dark: the one place that turns the app's theme into egui's visuals, for the window and
//! for images alike.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

impl Theme {
    /// egui's theme of the same name.
    pub fn egui(self) -> egui::Theme {
        match self {
            Self::Light => egui::Theme::Light,
            Self::Dark => egui::Theme::Dark,
        }
    }

    /// Make `ctx` draw in this theme.
    pub fn apply(self, ctx: &egui::Context) {
        ctx.set_theme(self.egui());
    }
}
