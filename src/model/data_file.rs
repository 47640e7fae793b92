//! One data file as read: its name, where it came from, its text and its report on its own, and
//! where its values are (built the first time a problem needs a position). Its own module so the
//! loader that makes one and the dataset that merges several both use it without using each other.

use std::path::{Path as FsPath, PathBuf};
use std::sync::{Arc, OnceLock};

use super::locate::Seg;
use super::{Location, Report, SourceMap};

/// One data file of a dataset, as read.
#[derive(Clone, Debug)]
pub struct DataFile {
    /// The name errors use: the path as given, or the embedded default's name.
    pub name: String,
    /// Where it was read from; `None` for the data embedded in the binary.
    pub path: Option<PathBuf>,
    /// Its text, kept to locate problems found after parsing (merges, quotes).
    pub text: String,
    /// The file on its own, validated.
    pub report: Report,
    /// Where its values are, built the first time a problem of the file is located and shared by
    /// its clones: a valid file never pays for it, and one with many problems walks its text once.
    pub(super) positions: Positions,
}

/// A file's [`SourceMap`], built at most once. Behind an `Arc` so a dataset read again
/// ([`reread`]) or handed between threads keeps the map it already has.
#[derive(Clone, Debug, Default)]
pub(super) struct Positions(Arc<OnceLock<SourceMap>>);

impl DataFile {
    /// `file:line:column` of a value in this file.
    pub fn locate(&self, path: impl AsRef<[Seg]>) -> Location {
        let map = self.positions.0.get_or_init(|| SourceMap::new(&self.text));
        let (line, column) = map.position(path.as_ref());
        Location::at(self.name.clone(), line, column)
    }

    /// The CSV files the file's records are read from: what a window watching the file also
    /// watches, so an edited record is read again.
    pub fn series_paths(&self) -> Vec<PathBuf> {
        let Some(folder) = self.folder() else {
            return Vec::new();
        };
        self.report
            .indicators
            .iter()
            .filter_map(|i| i.series.as_ref())
            .map(|s| folder.join(&s.file))
            .collect()
    }

    /// The folder the file's relative paths (source texts) start from.
    pub fn folder(&self) -> Option<&FsPath> {
        self.path.as_deref().and_then(FsPath::parent).map(|p| {
            if p.as_os_str().is_empty() {
                FsPath::new(".")
            } else {
                p
            }
        })
    }
}
