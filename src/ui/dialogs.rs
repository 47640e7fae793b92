//! The file dialogs the window asks, behind one injectable type so tests can answer them. A
//! dialog runs on its own thread, so the window keeps drawing while it is open; its answer comes
//! back through [`PendingDialog`].

use std::path::PathBuf;
use std::sync::{Arc, mpsc};

/// Asks where to save a file, proposing a name.
pub type SavePathDialog = Arc<dyn Fn(&str) -> Option<PathBuf> + Send + Sync>;
/// Asks for a folder.
pub type PickDialog = Arc<dyn Fn() -> Option<PathBuf> + Send + Sync>;
/// Asks for one or more files to open; empty when cancelled.
pub type PickFilesDialog = Arc<dyn Fn() -> Vec<PathBuf> + Send + Sync>;

/// Every dialog the window shows. The default ones are the system's (through `rfd`); tests replace
/// them with closures that answer at once.
#[derive(Clone)]
pub struct Dialogs {
    /// Which data files to open (several are shown together).
    pub open_files: PickFilesDialog,
    /// Which folder of data files to open.
    pub open_folder: PickDialog,
    /// Where to save an image.
    pub save_path: SavePathDialog,
    /// Which folder to export every chart into.
    pub folder: PickDialog,
    /// Whether a dialog can be shown at all. On Linux a file dialog needs an xdg desktop portal or
    /// `zenity`; without either, `rfd` returns nothing and says nothing, so the window says why.
    pub available: bool,
}

impl Default for Dialogs {
    fn default() -> Self {
        Self {
            open_files: Arc::new(|| {
                rfd::FileDialog::new()
                    .add_filter("RON", &["ron"])
                    .pick_files()
                    .unwrap_or_default()
            }),
            open_folder: Arc::new(|| rfd::FileDialog::new().pick_folder()),
            save_path: Arc::new(|name| {
                // The proposed name's extension picks the first filter; the chosen name decides.
                let svg_first = std::path::Path::new(name)
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("svg"));
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
            folder: Arc::new(|| rfd::FileDialog::new().pick_folder()),
            available: system_dialogs_available(),
        }
    }
}

impl std::fmt::Debug for Dialogs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dialogs")
            .field("available", &self.available)
            .finish_non_exhaustive()
    }
}

/// Whether this system can show a file dialog: always on Windows and macOS; on Linux and the BSDs
/// when `zenity` is on the PATH or an xdg desktop portal is installed for a session bus.
pub fn system_dialogs_available() -> bool {
    if !cfg!(any(
        target_os = "linux",
        target_os = "freebsd",
        target_os = "openbsd",
        target_os = "netbsd"
    )) {
        return true;
    }
    let zenity = std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join("zenity").is_file()));
    let portal = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
        && [
            "/usr/share/dbus-1/services/org.freedesktop.portal.Desktop.service",
            "/usr/local/share/dbus-1/services/org.freedesktop.portal.Desktop.service",
        ]
        .iter()
        .any(|p| std::path::Path::new(p).is_file());
    zenity || portal
}

/// What a dialog was opened for, so its answer can be carried out when it comes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Purpose {
    SaveChart(String),
    ExportAll,
    OpenFiles,
    OpenFolder,
}

/// What a dialog answered: paths, or nothing when cancelled.
#[derive(Debug)]
pub struct Answer {
    pub purpose: Purpose,
    pub paths: Vec<PathBuf>,
}

/// A dialog open on its own thread.
#[derive(Debug)]
pub struct PendingDialog {
    rx: mpsc::Receiver<Answer>,
}

impl PendingDialog {
    /// Show the dialog for `purpose` on a thread; the window is woken when it answers.
    pub fn open(
        dialogs: &Dialogs,
        purpose: Purpose,
        proposed: String,
        ctx: &egui::Context,
    ) -> Self {
        let (tx, rx) = mpsc::channel();
        let dialogs = dialogs.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let paths = match &purpose {
                Purpose::SaveChart(_) => (dialogs.save_path)(&proposed).into_iter().collect(),
                Purpose::ExportAll => (dialogs.folder)().into_iter().collect(),
                Purpose::OpenFiles => (dialogs.open_files)(),
                Purpose::OpenFolder => (dialogs.open_folder)().into_iter().collect(),
            };
            let _ = tx.send(Answer { purpose, paths });
            ctx.request_repaint();
        });
        Self { rx }
    }

    /// The answer, once the dialog has closed.
    pub fn poll(&self) -> Option<Answer> {
        self.rx.try_recv().ok()
    }
}
