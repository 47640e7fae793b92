//! The data on screen and where it came from: the embedded default, or one or more files (a
//! folder stands for its `.ron` files), merged into one report and watched for changes. A file that
//! turns invalid keeps its last good state, and its problems are shown beside the charts.

use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};

use notify::Watcher as _;

use crate::model::provenance::{self, Provenance};
use crate::model::{self, DataFile, Lang, LoadError, Msg, Report};
use crate::ui::loading::{self, Job, Poll, Reread};

/// An error's lines in both languages, so the error bar follows the UI's language.
fn both_languages(err: &LoadError) -> Vec<Msg> {
    err.lines_in(Lang::En)
        .into_iter()
        .zip(err.lines_in(Lang::Zh))
        .map(|(en, zh)| Msg::new(en, zh))
        .collect()
}

/// Why the data files are not watched for changes (the window then shows a notice).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct WatchError(#[from] notify::Error);

/// What the watcher's thread sends: a change to one of the files, or an error.
type WatchEvents = mpsc::Receiver<Result<(), notify::Error>>;

pub struct DataSource {
    /// Every file merged: what the charts and the table show.
    pub report: Arc<Report>,
    /// Each file as last read without problems.
    pub files: Vec<DataFile>,
    /// Quotes checked against the sources' texts that are at hand.
    pub provenance: Provenance,
    /// Folders given with `--sources`, where source texts are looked for besides the data files'.
    pub source_dirs: Vec<PathBuf>,
    /// Local time of the last successful load.
    pub loaded_at: String,
    /// Every problem of the last load that failed; the report shown is the last good one.
    pub error: Option<Vec<Msg>>,
    /// Bumped on every successful load, so views know to rebuild.
    pub generation: u64,
    watch: Option<(notify::RecommendedWatcher, WatchEvents)>,
    /// Why the files could not be watched, until [`Self::poll`] reports it.
    watch_failed: Option<WatchError>,
    /// The window to wake when a reload done on its own thread is ready.
    ctx: Option<egui::Context>,
    /// A reload after a change, running on its own thread.
    reloading: Option<Job<Reread>>,
    /// A file changed again while it was being reloaded: reload once more when that is done.
    reload_again: bool,
}

impl std::fmt::Debug for DataSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DataSource")
            .field("files", &self.files.len())
            .field("generation", &self.generation)
            .finish_non_exhaustive()
    }
}

fn now() -> String {
    jiff::Zoned::now().strftime("%Y-%m-%d %H:%M:%S").to_string()
}

impl DataSource {
    /// The report compiled into the binary.
    pub fn embedded() -> Result<Self, LoadError> {
        Self::from_files(model::default_data_files()?, Vec::new(), None)
    }

    /// The embedded report, its quotes checked against texts in `source_dirs`.
    pub fn embedded_with_sources(source_dirs: Vec<PathBuf>) -> Result<Self, LoadError> {
        Self::from_files(model::default_data_files()?, source_dirs, None)
    }

    /// Files and folders, merged, watched for changes when `ctx` is given (a change wakes the
    /// window). Any problem of any file refuses the whole: nothing good to fall back on yet.
    pub fn open(paths: &[PathBuf], ctx: Option<&egui::Context>) -> Result<Self, LoadError> {
        Self::open_with_sources(paths, Vec::new(), ctx)
    }

    pub fn open_with_sources(
        paths: &[PathBuf],
        source_dirs: Vec<PathBuf>,
        ctx: Option<&egui::Context>,
    ) -> Result<Self, LoadError> {
        let dataset = model::load_dataset(paths)?;
        Ok(Self::from_dataset(dataset, source_dirs, ctx))
    }

    fn from_files(
        files: Vec<DataFile>,
        source_dirs: Vec<PathBuf>,
        ctx: Option<&egui::Context>,
    ) -> Result<Self, LoadError> {
        Ok(Self::from_dataset(model::merge(files)?, source_dirs, ctx))
    }

    /// Data already loaded and merged (the files of the command line, read once at start-up),
    /// its quotes checked, watched when `ctx` is given.
    pub fn from_dataset(
        dataset: model::Dataset,
        source_dirs: Vec<PathBuf>,
        ctx: Option<&egui::Context>,
    ) -> Self {
        let provenance = provenance::check(&dataset, &source_dirs);
        Self::checked(dataset, provenance, source_dirs, ctx)
    }

    /// Data loaded, merged and its quotes checked (on another thread), watched when `ctx` is given.
    pub fn checked(
        dataset: model::Dataset,
        provenance: Provenance,
        source_dirs: Vec<PathBuf>,
        ctx: Option<&egui::Context>,
    ) -> Self {
        let (watch, watch_failed) = match ctx.map(|ctx| {
            // The data files, and the CSV files their records are read from.
            let records: Vec<PathBuf> = dataset
                .files
                .iter()
                .flat_map(model::DataFile::series_paths)
                .collect();
            let paths: Vec<&Path> = dataset
                .files
                .iter()
                .filter_map(|f| f.path.as_deref())
                .chain(records.iter().map(PathBuf::as_path))
                .collect();
            watch(&paths, ctx.clone())
        }) {
            Some(Ok(watch)) => (watch, None),
            Some(Err(err)) => (None, Some(WatchError(err))),
            None => (None, None),
        };
        Self {
            report: Arc::new(dataset.report),
            files: dataset.files,
            provenance,
            source_dirs,
            loaded_at: now(),
            error: None,
            generation: 1,
            watch,
            watch_failed,
            ctx: ctx.cloned(),
            reloading: None,
            reload_again: false,
        }
    }

    /// The files' paths; empty for the embedded default.
    pub fn paths(&self) -> Vec<PathBuf> {
        self.files.iter().filter_map(|f| f.path.clone()).collect()
    }

    /// Whether the data is the one compiled into the binary.
    pub fn is_embedded(&self) -> bool {
        self.files.iter().all(|f| f.path.is_none())
    }

    /// Whether the files are watched for changes.
    pub fn is_watched(&self) -> bool {
        self.watch.is_some()
    }

    /// Load every file again, now, on this thread. A file that reads well replaces its last good
    /// state; one that does not keeps it, and its problems are kept for the error bar. Returns
    /// whether the report changed.
    pub fn reload(&mut self) -> bool {
        if self.is_embedded() {
            return false;
        }
        self.reloading = None;
        self.apply(loading::reread(self.files.clone(), &self.source_dirs))
    }

    /// What a reload read: the files' newest good states, and the merge or its problems.
    fn apply(&mut self, reread: Reread) -> bool {
        self.files = reread.files;
        let mut problems: Vec<Msg> = reread.failed.iter().flat_map(both_languages).collect();
        match reread.merged {
            Ok((dataset, provenance)) => {
                self.provenance = provenance;
                self.report = Arc::new(dataset.report);
                self.generation += 1;
                self.loaded_at = now();
            }
            Err(err) => problems.extend(both_languages(&err)),
        }
        self.error = (!problems.is_empty()).then_some(problems);
        self.error.is_none()
    }

    /// The files' names while a reload runs on its own thread (past [`loading::PATIENCE`]).
    pub fn reloading(&self) -> Option<&str> {
        self.reloading.as_ref().map(|job| job.what.as_str())
    }

    /// Start reading the files again on their own thread; the data on screen stays until it is done.
    fn start_reload(&mut self) {
        if self.is_embedded() {
            return;
        }
        let (files, dirs) = (self.files.clone(), self.source_dirs.clone());
        let what = loading::names(self.files.iter().filter_map(|f| f.path.as_deref()));
        self.reloading = Some(Job::spawn(what, self.ctx.as_ref(), move || {
            loading::reread(files, &dirs)
        }));
    }

    /// Take a reload's answer when it has come. A reload that stopped without one keeps the data
    /// and says why in the error bar.
    fn poll_reload(&mut self) {
        let Some(job) = &self.reloading else {
            return;
        };
        match job.poll() {
            Poll::Pending => return,
            Poll::Ready(reread) => {
                self.apply(reread);
            }
            Poll::Stopped => {
                let what = job.what.clone();
                self.error = Some(vec![Msg::new(
                    loading::stopped_text(Lang::En, &what),
                    loading::stopped_text(Lang::Zh, &what),
                )]);
            }
        }
        self.reloading = None;
        if std::mem::take(&mut self.reload_again) {
            self.start_reload();
        }
    }

    /// Reload when the watcher saw a file change, on its own thread: the window keeps drawing, and
    /// the new data is taken in a later call (or in this one, when it is ready within
    /// [`loading::PATIENCE`]). Cheap when nothing happened. Returns whether a file changed, or why
    /// the files cannot be watched (once for each failure).
    pub fn poll(&mut self) -> Result<bool, WatchError> {
        if let Some(err) = self.watch_failed.take() {
            return Err(err);
        }
        let Some((_, rx)) = &self.watch else {
            return Ok(false);
        };
        let mut changed = false;
        let mut failed = None;
        while let Ok(event) = rx.try_recv() {
            match event {
                Ok(()) => changed = true,
                Err(err) => failed = Some(WatchError(err)),
            }
        }
        if changed {
            if self.reloading.is_some() {
                self.reload_again = true;
            } else {
                self.start_reload();
            }
        }
        self.poll_reload();
        failed.map_or(Ok(changed), Err)
    }
}

/// Watch the files' folders (editors often replace a file by renaming another onto it) and signal
/// events that concern the files, and the watcher's errors. `None` when there is no file to watch.
fn watch(
    paths: &[&Path],
    ctx: egui::Context,
) -> Result<Option<(notify::RecommendedWatcher, WatchEvents)>, notify::Error> {
    if paths.is_empty() {
        return Ok(None);
    }
    let names: Vec<std::ffi::OsString> = paths
        .iter()
        .filter_map(|p| p.file_name().map(ToOwned::to_owned))
        .collect();
    let mut dirs: Vec<PathBuf> = paths
        .iter()
        .map(|p| match p.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
            _ => PathBuf::from("."),
        })
        .collect();
    dirs.sort();
    dirs.dedup();
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        let event = match res {
            Ok(event) => event,
            Err(err) => {
                let _ = tx.send(Err(err));
                ctx.request_repaint();
                return;
            }
        };
        if event.kind.is_access() {
            return;
        }
        if event
            .paths
            .iter()
            .any(|p| p.file_name().is_some_and(|n| names.iter().any(|x| x == n)))
        {
            let _ = tx.send(Ok(()));
            ctx.request_repaint();
        }
    })?;
    for dir in &dirs {
        watcher.watch(dir, notify::RecursiveMode::NonRecursive)?;
    }
    Ok(Some((watcher, rx)))
}
