//! The file dialogs the window asks, behind one injectable type so tests can answer them.

use std::path::PathBuf;

/// Asks where to save a file, proposing a name.
pub type SavePathDialog = Box<dyn Fn(&str) -> Option<PathBuf>>;
/// Asks for a folder, or for a file to open.
pub type PickDialog = Box<dyn Fn() -> Option<PathBuf>>;

/// Every dialog the window shows. The default ones are the system's (through `rfd`); tests replace
/// them with closures that answer at once.
pub struct Dialogs {
    /// Which data file to open.
    pub open_file: PickDialog,
    /// Where to save an image.
    pub save_path: SavePathDialog,
    /// Which folder to export every chart into.
    pub folder: PickDialog,
}

impl Default for Dialogs {
    fn default() -> Self {
        Self {
            open_file: Box::new(|| {
                rfd::FileDialog::new()
                    .add_filter("RON", &["ron"])
                    .pick_file()
            }),
            save_path: Box::new(|name| {
                rfd::FileDialog::new()
                    .set_file_name(name)
                    .add_filter("PNG", &["png"])
                    .save_file()
            }),
            folder: Box::new(|| rfd::FileDialog::new().pick_folder()),
        }
    }
}

impl std::fmt::Debug for Dialogs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Dialogs")
    }
}
