//! Data files watched for changes with notify: a change to one of them (or to a CSV file its
//! records are read from) is signalled, and whoever shows them is woken to read them again.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use notify::Watcher as _;

use super::job::Waker;
use crate::model::Msg;

/// Why the data files are not watched for changes (the window then shows a notice).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct WatchError(#[from] pub(super) notify::Error);

impl WatchError {
    /// The error in both languages, saying what it means for the person: changes are not seen.
    /// notify's own words come from the system and stay as they are.
    pub fn message(&self) -> Msg {
        Msg::new(
            format!("Cannot watch the data files for changes: {}", self.0),
            format!("无法监视数据文件的变化：{}", self.0),
        )
    }
}

/// What the watcher's thread sends: a change to one of the files, or an error.
pub(super) type WatchEvents = mpsc::Receiver<Result<(), notify::Error>>;

/// A watcher and what it sends; dropping it stops the watching.
pub(super) type Watching = (notify::RecommendedWatcher, WatchEvents);

/// Watch the files' folders (editors often replace a file by renaming another onto it) and signal
/// events that concern the files, and the watcher's errors. `None` when there is no file to watch.
pub(super) fn watch(paths: &[&Path], wake: Waker) -> Result<Option<Watching>, notify::Error> {
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
                wake();
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
            wake();
        }
    })?;
    for dir in &dirs {
        watcher.watch(dir, notify::RecursiveMode::NonRecursive)?;
    }
    Ok(Some((watcher, rx)))
}
