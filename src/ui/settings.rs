//! What the window remembers across restarts: page, language, theme, hidden series, data file.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::draw::Theme;
use crate::export::IMAGE_SCALES;
use crate::model::Lang;

/// The page shown: one of the report's pages, or the table of every figure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PageRef {
    Page(String),
    Table,
    /// The review of a drafted file's figures.
    Review,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub lang: Lang,
    pub theme: Theme,
    /// `None`: the report's first page.
    pub page: Option<PageRef>,
    /// Per chart id, the toggle keys switched off.
    pub hidden: BTreeMap<String, BTreeSet<String>>,
    /// The data files (or folders) last opened; empty for the embedded default.
    pub data_files: Vec<PathBuf>,
    /// Pixels per point of saved and copied images: one of [`IMAGE_SCALES`].
    pub image_scale: f32,
    /// Save images on a light background whatever the window's theme, for print.
    pub print_light: bool,
    /// The format of saved images when the file name does not say, and of export-all.
    pub image_format: crate::export::ImageFormat,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            lang: Lang::Zh,
            theme: Theme::Light,
            page: None,
            hidden: BTreeMap::new(),
            data_files: Vec::new(),
            image_scale: 2.0,
            print_light: false,
            image_format: crate::export::ImageFormat::Png,
        }
    }
}

/// The key under which settings are stored.
pub const STORAGE_KEY: &str = "planboard.settings";

impl Settings {
    /// Settings from their stored text. `Err` says where the text is unreadable, for a notice;
    /// the caller falls back to defaults.
    pub fn from_stored(text: &str) -> Result<Self, ron::error::SpannedError> {
        ron::from_str(text)
    }

    /// Settings at start-up from what was stored, if anything. Unreadable state gives the defaults
    /// and a message for a notice, never a failure.
    pub fn restore(stored: Option<&str>) -> (Self, Option<String>) {
        match stored.map(Self::from_stored) {
            None => (Self::default(), None),
            Some(Ok(mut settings)) => {
                // Only the offered scales: a hand-edited NaN or 0 must not reach the exporter.
                if !IMAGE_SCALES.contains(&settings.image_scale) {
                    settings.image_scale = Self::default().image_scale;
                }
                (settings, None)
            }
            Some(Err(err)) => (
                Self::default(),
                Some(format!(
                    "保存的设置无法读取，已恢复默认设置。Saved settings could not be read; defaults are used. ({err})"
                )),
            ),
        }
    }

    /// When the window's whole store (eframe's `app.ron`) cannot be read, eframe starts empty and
    /// says nothing: our settings then look merely absent. Given the store's text, a notice when it
    /// is there but unreadable.
    pub fn unreadable_store_notice(store_text: Option<&str>) -> Option<String> {
        let text = store_text?;
        if text.trim().is_empty() {
            return None;
        }
        ron::from_str::<std::collections::HashMap<String, String>>(text)
            .err()
            .map(|err| {
                format!(
                    "保存的设置无法读取，已恢复默认设置。Saved settings could not be read; defaults are used. ({err})"
                )
            })
    }

    pub fn to_stored(&self) -> String {
        ron::to_string(self).unwrap_or_default()
    }

    pub fn hidden_in(&self, chart_id: &str) -> BTreeSet<String> {
        self.hidden.get(chart_id).cloned().unwrap_or_default()
    }

    pub fn set_hidden(&mut self, chart_id: &str, hidden: BTreeSet<String>) {
        if hidden.is_empty() {
            self.hidden.remove(chart_id);
        } else {
            self.hidden.insert(chart_id.to_owned(), hidden);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_garbage() {
        let mut s = Settings {
            lang: Lang::En,
            theme: Theme::Dark,
            page: Some(PageRef::Table),
            ..Settings::default()
        };
        s.set_hidden("headline", ["gdp".to_owned()].into());
        assert_eq!(Settings::from_stored(&s.to_stored()), Ok(s));
        assert!(Settings::from_stored("(lang: Klingon)").is_err());
    }

    #[test]
    fn unreadable_state_means_defaults_and_a_notice() {
        let (s, notice) = Settings::restore(Some("\u{0}garbage("));
        assert_eq!(s, Settings::default());
        assert!(notice.expect("a notice").contains("defaults are used"));
        assert_eq!(Settings::restore(None), (Settings::default(), None));
        // Older saved state without newer fields still loads, with defaults for the rest.
        let (s, _) = Settings::restore(Some("(image_scale: NaN)"));
        assert_eq!(s.image_scale, 2.0);
        let (s, notice) = Settings::restore(Some("(lang: En)"));
        assert_eq!((s.lang, s.image_scale, notice), (Lang::En, 2.0, None));
    }

    #[test]
    fn a_garbled_store_gives_a_notice() {
        assert!(Settings::unreadable_store_notice(Some("\u{0}\u{1}garbage((")).is_some());
        assert_eq!(Settings::unreadable_store_notice(None), None);
        assert_eq!(Settings::unreadable_store_notice(Some("")), None);
        assert_eq!(
            Settings::unreadable_store_notice(Some(r#"{"window": "(x: 1)"}"#)),
            None
        );
    }

    #[test]
    fn only_offered_scales_survive_a_restart() {
        for scale in IMAGE_SCALES {
            let (s, _) = Settings::restore(Some(&format!("(image_scale: {scale:?})")));
            assert_eq!(s.image_scale, scale);
        }
        for odd in ["2.5", "0.0", "-1.0", "inf"] {
            let (s, _) = Settings::restore(Some(&format!("(image_scale: {odd})")));
            assert_eq!(s.image_scale, 2.0, "{odd}");
        }
    }
}
