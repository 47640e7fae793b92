//! Data files read, validated, merged and their quotes checked, on their own thread: what opening
//! files and a watched change do, apart from the window so it keeps drawing the last good data.

use std::path::{Path, PathBuf};

use super::job::{Job, Wake};
use crate::model::provenance::{self, Provenance};
use crate::model::{self, DataFile, Dataset, LoadError, Msg};

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
#[derive(Debug)]
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
    /// Start loading `paths`, their quotes checked against texts in `dirs`; `wake` is woken when
    /// they are ready.
    pub fn start(paths: Vec<PathBuf>, at_start: bool, dirs: &[PathBuf], wake: &dyn Wake) -> Self {
        let what = names(paths.iter().map(PathBuf::as_path));
        let (to_load, dirs) = (paths.clone(), dirs.to_vec());
        let job = Job::spawn(what, Some(wake.waker()), move || open(&to_load, &dirs));
        Self {
            paths,
            job,
            at_start,
        }
    }
}

/// Names of files, as the progress notice says them: "a.ron, b.ron".
pub fn names<'a>(paths: impl Iterator<Item = &'a Path>) -> String {
    paths
        .map(|p| {
            p.file_name()
                .map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Why a load gave no answer (its thread stopped), in both languages.
pub fn stopped(what: &str) -> Msg {
    Msg::new(
        format!("Loading stopped unexpectedly; the data on screen stays: {what}"),
        format!("载入意外中止，仍显示原来的数据：{what}"),
    )
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::{names, stopped};
    use crate::model::Lang;

    #[test]
    fn files_are_named_by_their_names() {
        let paths = [Path::new("/a/b.ron"), Path::new("c.ron")];
        assert_eq!(names(paths.into_iter()), "b.ron, c.ron");
        assert_eq!(
            stopped("b.ron").get(Lang::Zh),
            "载入意外中止，仍显示原来的数据：b.ron"
        );
    }
}
