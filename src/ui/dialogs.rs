//! The file dialogs the window asks, behind one injectable type so tests can answer them.

use std::path::PathBuf;

/// Asks where to save a file, proposing a name.
pub type SavePathDialog = Box<dyn Fn(&str) -> Option<PathBuf>>;
/// Asks for a folder.
pub type PickDialog = Box<dyn Fn() -> Option<PathBuf>>;
/// Asks for one or more files to open; empty when cancelled.
pub type PickFilesDialog = Box<dyn Fn() -> Vec<PathBuf>>;

/// Every dialog the window shows. The default ones are the system's (through `rfd`); tests replace
/// them with closures that answer at once.
pub struct Dialogs {
    /// Which data files to open (several are shown together).
    pub open_files: PickFilesDialog,
    /// Which folder of data files to open.
    pub open_folder: PickDialog,
    /// Where to save an image.
    pub save_path: SavePathDialog,
    /// Which folder to export every chart into.
    pub folder: PickDialog,
}

impl Default for Dialogs {
    fn default() -> Self {
        Self {
            open_files: Box::new(|| {
                rfd::FileDialog::new()
                    .add_filter("RON", &["ron"])
                    .pick_files()
                    .unwrap_or_default()
            }),
            open_folder: Box::new(|| rfd::FileDialog::new().pick_folder()),
            save_path: Box::new(|name| {
                // The proposed name's extension picks the first filter; the chosen name decides.
                let svg_first = name.ends_with(".svg");
                let dialog = rfd::FileDialog::new().set_file_name(name);
                let dialog = if svg_first {
                    dialog
                        .add_filter("SVG", &["svg"])
                        .add_filter("PNG", &["png"])
                } else {
                    dialog
                        .add_filter("PNG", &["png"])
                        .add_filter("SVG", &["svg"])
                };
                dialog.save_file()
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
