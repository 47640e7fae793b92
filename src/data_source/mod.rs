//! The data on screen and where it came from: the embedded default, or one or more files (a
//! folder stands for its `.ron` files), merged into one report and watched for changes. A file that
//! turns invalid keeps its last good state, and its problems are kept for the window to show.
//!
//! Files read, validated, checked on their own thread and watched, without egui: the window draws
//! what this holds and wakes when it is told to ([`Wake`]).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::model::provenance::{self, Provenance};
use crate::model::{self, DataFile, Dataset, Lang, LoadError, Msg, Report};

mod job;
pub mod load;
mod names;
mod watch;

pub use job::{Job, PATIENCE, Poll, Wake, Waker};
pub use load::{Checked, Opening, Reread};
pub use watch::WatchError;

/// An error's lines in both languages, so the error bar follows the UI's language.
fn both_languages(err: &LoadError) -> Vec<Msg> {
    err.lines_in(Lang::En)
        .into_iter()
        .zip(err.lines_in(Lang::Zh))
        .map(|(en, zh)| Msg::new(en, zh))
        .collect()
}

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
    watch: Option<watch::Watching>,
    /// Why the files could not be watched, until [`Self::poll`] reports it.
    watch_failed: Option<WatchError>,
    /// Who to wake when a reload done on its own thread is ready (the window).
    wake: Option<Waker>,
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

    /// Files and folders, merged, watched for changes when `wake` is given (a change wakes the
    /// window). Any problem of any file refuses the whole: nothing good to fall back on yet.
    pub fn open(paths: &[PathBuf], wake: Option<&dyn Wake>) -> Result<Self, LoadError> {
        Self::open_with_sources(paths, Vec::new(), wake)
    }

    pub fn open_with_sources(
        paths: &[PathBuf],
        source_dirs: Vec<PathBuf>,
        wake: Option<&dyn Wake>,
    ) -> Result<Self, LoadError> {
        let dataset = model::load_dataset(paths)?;
        Ok(Self::from_dataset(dataset, source_dirs, wake))
    }

    fn from_files(
        files: Vec<DataFile>,
        source_dirs: Vec<PathBuf>,
        wake: Option<&dyn Wake>,
    ) -> Result<Self, LoadError> {
        Ok(Self::from_dataset(model::merge(files)?, source_dirs, wake))
    }

    /// Data already loaded and merged (the files of the command line, read once at start-up),
    /// its quotes checked, watched when `wake` is given.
    pub fn from_dataset(
        dataset: model::Dataset,
        source_dirs: Vec<PathBuf>,
        wake: Option<&dyn Wake>,
    ) -> Self {
        let provenance = provenance::check(&dataset, &source_dirs);
        Self::checked(dataset, provenance, source_dirs, wake)
    }

    /// Data loaded, merged and its quotes checked (on another thread), watched when `wake` is given.
    pub fn checked(
        dataset: model::Dataset,
        provenance: Provenance,
        source_dirs: Vec<PathBuf>,
        wake: Option<&dyn Wake>,
    ) -> Self {
        let waker = wake.map(Wake::waker);
        let (watch, watch_failed) = match waker.clone().map(|waker| {
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
            watch::watch(&paths, waker)
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
            wake: waker,
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

    /// Show a dataset made from these files here (a file under review, edited): the files and
    /// their merge replaced, the views told to rebuild. The files stay watched as they were.
    pub fn show(&mut self, dataset: Dataset) {
        self.files = dataset.files;
        self.report = Arc::new(dataset.report);
        self.generation += 1;
    }

    /// The text of a file's source, when the provenance check found it. Read when asked (a review
    /// starts), not kept: the texts can be large and only the review needs one. A text that can
    /// no longer be read is as good as absent: the review then works without it.
    pub fn source_text(&self, file: usize) -> Option<String> {
        self.provenance.sources.iter().find_map(|s| match &s.state {
            provenance::TextState::Checked { text, .. } if s.file == file => {
                std::fs::read_to_string(text).ok()
            }
            _ => None,
        })
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
        self.apply(load::reread(self.files.clone(), &self.source_dirs))
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

    /// The files' names while a reload runs on its own thread (past [`PATIENCE`]).
    pub fn reloading(&self) -> Option<&str> {
        self.reloading.as_ref().map(|job| job.what.as_str())
    }

    /// Start reading the files again on their own thread; the data on screen stays until it is done.
    fn start_reload(&mut self) {
        if self.is_embedded() {
            return;
        }
        let (files, dirs) = (self.files.clone(), self.source_dirs.clone());
        let what = load::names(self.files.iter().filter_map(|f| f.path.as_deref()));
        self.reloading = Some(Job::spawn(what, self.wake.clone(), move || {
            load::reread(files, &dirs)
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
                self.error = Some(vec![load::stopped(&job.what)]);
            }
        }
        self.reloading = None;
        if std::mem::take(&mut self.reload_again) {
            self.start_reload();
        }
    }

    /// Reload when the watcher saw a file change, on its own thread: the window keeps drawing, and
    /// the new data is taken in a later call (or in this one, when it is ready within
    /// [`PATIENCE`]). Cheap when nothing happened. Returns whether a file changed, or why
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
