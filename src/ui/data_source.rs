//! The report on screen and where it came from: the embedded default or a file, watched for
//! changes. A change that does not load keeps the last good report and records the error.

use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};

use notify::Watcher as _;

use crate::model::{self, LoadError, Report};

pub struct DataSource {
    pub report: Arc<Report>,
    /// The file's path as given, or the embedded default's name.
    pub name: String,
    pub path: Option<PathBuf>,
    /// Local time of the last successful load.
    pub loaded_at: String,
    /// Every problem of the last load that failed; the report shown is the last good one.
    pub error: Option<Vec<String>>,
    /// Bumped on every successful load, so views know to rebuild.
    pub generation: u64,
    watch: Option<(notify::RecommendedWatcher, mpsc::Receiver<()>)>,
}

impl std::fmt::Debug for DataSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DataSource")
            .field("name", &self.name)
            .field("generation", &self.generation)
            .finish_non_exhaustive()
    }
}

fn now() -> String {
    chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string()
}

impl DataSource {
    /// The report compiled into the binary.
    pub fn embedded() -> Result<Self, LoadError> {
        Ok(Self {
            report: Arc::new(model::load_default()?),
            name: model::DEFAULT_DATA_NAME.to_owned(),
            path: None,
            loaded_at: now(),
            error: None,
            generation: 1,
            watch: None,
        })
    }

    /// A report from a file, watched for changes when `ctx` is given (a change wakes the window).
    pub fn open(path: &Path, ctx: Option<&egui::Context>) -> Result<Self, LoadError> {
        let report = model::load_file(path)?;
        let watch = ctx.and_then(|ctx| watch(path, ctx.clone()));
        Ok(Self {
            report: Arc::new(report),
            name: path.display().to_string(),
            path: Some(path.to_owned()),
            loaded_at: now(),
            error: None,
            generation: 1,
            watch,
        })
    }

    /// Whether the file is watched for changes.
    pub fn is_watched(&self) -> bool {
        self.watch.is_some()
    }

    /// Load the file again. On success the report is replaced; on failure it stays and the error is
    /// kept for the error bar. Returns whether the report changed.
    pub fn reload(&mut self) -> bool {
        let Some(path) = &self.path else {
            return false;
        };
        match model::load_file(path) {
            Ok(report) => {
                self.report = Arc::new(report);
                self.loaded_at = now();
                self.error = None;
                self.generation += 1;
                true
            }
            Err(err) => {
                self.error = Some(err.lines());
                false
            }
        }
    }

    /// Reload when the watcher saw the file change. Cheap when nothing happened.
    pub fn poll(&mut self) -> bool {
        let Some((_, rx)) = &self.watch else {
            return false;
        };
        let mut changed = false;
        while rx.try_recv().is_ok() {
            changed = true;
        }
        changed && {
            self.reload();
            true
        }
    }
}

/// Watch the file's folder (editors often replace a file by renaming another onto it) and signal
/// events that concern the file.
fn watch(
    path: &Path,
    ctx: egui::Context,
) -> Option<(notify::RecommendedWatcher, mpsc::Receiver<()>)> {
    let file_name = path.file_name()?.to_owned();
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        let Ok(event) = res else { return };
        if event.kind.is_access() {
            return;
        }
        if event
            .paths
            .iter()
            .any(|p| p.file_name() == Some(file_name.as_os_str()))
        {
            let _ = tx.send(());
            ctx.request_repaint();
        }
    })
    .ok()?;
    watcher
        .watch(&dir, notify::RecursiveMode::NonRecursive)
        .ok()?;
    Some((watcher, rx))
}
