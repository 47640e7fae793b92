//! Data loaded off the UI thread. Reading, parsing, validating and checking the quotes of a large
//! file takes long enough to freeze the window; here it runs on its own thread while the window
//! keeps drawing the last good data, and says what it is loading once that takes more than a moment.

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use egui::RichText;

use crate::i18n::tr;
use crate::model::provenance::{self, Provenance};
use crate::model::{self, DataFile, Dataset, Lang, LoadError};

/// How long the frame that starts a load waits for it: a small file is then shown in that frame,
/// as before, with no flash of a progress notice; a larger one shows progress after this.
pub const PATIENCE: Duration = Duration::from_millis(150);

/// A dataset read and merged, its quotes checked against the texts at hand.
pub type Checked = Result<(Dataset, Provenance), LoadError>;

/// What reading a dataset's files again gives: each file's newest good state, the merge of them,
/// and the errors of the files that do not read well (see [`model::reread`]).
#[derive(Debug)]
pub struct Reread {
    pub files: Vec<DataFile>,
    pub merged: Checked,
    pub failed: Vec<LoadError>,
}

/// Load, validate, merge and check `paths` (what opening files does).
pub fn open(paths: &[PathBuf], source_dirs: &[PathBuf]) -> Checked {
    let dataset = model::load_dataset(paths)?;
    let provenance = provenance::check(&dataset, source_dirs);
    Ok((dataset, provenance))
}

/// Read `files` again and check what merges (what a watched change does).
pub fn reread(mut files: Vec<DataFile>, source_dirs: &[PathBuf]) -> Reread {
    let (merged, failed) = model::reread(&mut files);
    let merged = merged.map(|dataset| {
        let provenance = provenance::check(&dataset, source_dirs);
        (dataset, provenance)
    });
    Reread {
        files,
        merged,
        failed,
    }
}

/// Files being opened on their own thread.
pub struct Opening {
    /// Absolute paths, remembered in the settings once they load.
    pub paths: Vec<PathBuf>,
    /// Loaded, merged and checked, or why not.
    pub job: Job<Checked>,
    /// The files of the last session, opened at start-up: no notice when they load, forgotten
    /// when they do not.
    pub at_start: bool,
}

impl Opening {
    /// Start loading `paths`, their quotes checked against texts in `dirs`; `ctx` is woken when
    /// they are ready.
    pub fn start(
        paths: Vec<PathBuf>,
        at_start: bool,
        dirs: &[PathBuf],
        ctx: &egui::Context,
    ) -> Self {
        let what = names(paths.iter().map(PathBuf::as_path));
        let (to_load, dirs) = (paths.clone(), dirs.to_vec());
        let job = Job::spawn(what, Some(ctx), move || open(&to_load, &dirs));
        Self {
            paths,
            job,
            at_start,
        }
    }
}

/// The outcome of [`Job::poll`].
#[derive(Debug)]
pub enum Poll<T> {
    Ready(T),
    Pending,
    /// The thread stopped without an answer (it panicked): the load is lost, the data on screen
    /// stays.
    Stopped,
}

/// Work running on its own thread, whose answer is taken when it comes.
#[derive(Debug)]
pub struct Job<T> {
    rx: mpsc::Receiver<T>,
    /// Until when [`Self::poll`] waits for the answer.
    patient_until: Instant,
    /// What is loaded, for the progress notice: the files' names.
    pub what: String,
}

impl<T: Send + 'static> Job<T> {
    /// Run `work` on its own thread; `ctx`, when given, is woken when it is done.
    pub fn spawn(
        what: String,
        ctx: Option<&egui::Context>,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Self {
        let (tx, rx) = mpsc::channel();
        let ctx = ctx.cloned();
        let run = move || {
            // The window may have moved on (another file opened): nobody to tell then.
            let _ = tx.send(work());
            if let Some(ctx) = ctx {
                ctx.request_repaint();
            }
        };
        // A thread that cannot start drops `tx` with `run`: `poll` then answers `Stopped`, which
        // the window says.
        let _ = std::thread::Builder::new()
            .name("planboard-load".to_owned())
            .spawn(run);
        Self {
            rx,
            patient_until: Instant::now() + PATIENCE,
            what,
        }
    }

    /// The answer if it has come, waiting for it within [`PATIENCE`] of the start.
    pub fn poll(&self) -> Poll<T> {
        let wait = self.patient_until.saturating_duration_since(Instant::now());
        match self.rx.recv_timeout(wait) {
            Ok(answer) => Poll::Ready(answer),
            Err(mpsc::RecvTimeoutError::Timeout) => Poll::Pending,
            Err(mpsc::RecvTimeoutError::Disconnected) => Poll::Stopped,
        }
    }
}

/// Names of files, as the progress notice says them: "a.ron, b.ron".
pub fn names<'a>(paths: impl Iterator<Item = &'a std::path::Path>) -> String {
    paths
        .map(|p| {
            p.file_name()
                .map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The most problem lines a notice shows: a notice of thousands of lines costs every frame its
/// layout while it is up; `planboard check` lists them all.
pub const NOTICE_LINES: usize = 20;

/// `lines` joined, at most [`NOTICE_LINES`] of them, and how many more there are.
pub fn first_lines(lines: Vec<String>, lang: Lang) -> String {
    let more = lines.len().saturating_sub(NOTICE_LINES);
    let mut shown: Vec<String> = lines.into_iter().take(NOTICE_LINES).collect();
    if more > 0 {
        shown.push(match lang {
            Lang::Zh => format!("……另有 {more} 个问题（planboard check 可列出全部）"),
            Lang::En => format!("… and {more} more problems (planboard check lists them all)"),
        });
    }
    shown.join("\n")
}

/// Why a load gave no answer, in `lang`.
pub fn stopped_text(lang: Lang, what: &str) -> String {
    format!(
        "{}{what}",
        tr(
            lang,
            "载入意外中止，仍显示原来的数据：",
            "Loading stopped unexpectedly; the data on screen stays: "
        )
    )
}

/// The line above the page while data loads: a spinner and what is loading. The data on screen
/// stays below it until the new data is ready.
pub fn loading_ui(ui: &mut egui::Ui, lang: Lang, what: &str) {
    ui.horizontal(|ui| {
        ui.add(egui::Spinner::new());
        ui.label(RichText::new(format!(
            "{}{what}{}",
            tr(lang, "正在载入 ", "Loading "),
            tr(lang, " …", " …")
        )));
    });
    ui.add_space(6.0);
}

#[cfg(test)]
mod tests {
    use super::{Lang, NOTICE_LINES, first_lines};

    #[test]
    fn a_notice_shows_the_first_problems_and_counts_the_rest() {
        let lines = |n: usize| (0..n).map(|i| format!("a.ron:{i}:1: wrong")).collect();
        assert_eq!(
            first_lines(lines(2), Lang::En),
            "a.ron:0:1: wrong\na.ron:1:1: wrong"
        );
        let en = first_lines(lines(10_000), Lang::En);
        assert_eq!(en.lines().count(), NOTICE_LINES + 1);
        assert!(
            en.ends_with("… and 9980 more problems (planboard check lists them all)"),
            "{en}"
        );
        let zh = first_lines(lines(10_000), Lang::Zh);
        assert!(
            zh.ends_with("……另有 9980 个问题（planboard check 可列出全部）"),
            "{zh}"
        );
    }
}
