//! Many images at once, on every core, each written atomically.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::render::{ImageRequest, write};
use super::{ExportError, ImageFormat, safe_file_name};

/// Where a chart's image goes in `dir`: `{chart_id}.png` or `.svg`, never outside `dir`.
pub fn image_path(dir: &Path, chart_id: &str, format: ImageFormat) -> PathBuf {
    dir.join(safe_file_name(chart_id, format.extension()))
}

/// Make and write every requested image into `dir`, using every core. Results come back in the
/// requests' order; `progress(done, total)` is called as images finish.
pub fn write_all(
    requests: &[ImageRequest<'_>],
    dir: &Path,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Vec<Result<PathBuf, ExportError>> {
    if !dir.is_dir() {
        return requests
            .iter()
            .map(|_| Err(ExportError::MissingFolder(dir.to_owned())))
            .collect();
    }
    let path_of = |r: &ImageRequest<'_>| image_path(dir, &r.chart.id, r.options.format);
    // Two ids can make one file name ("a/b" and "a_b"): the later chart is refused, not written over
    // the earlier one.
    let mut claimed: HashMap<PathBuf, &str> = HashMap::new();
    let clashes: Vec<Option<String>> = requests
        .iter()
        .map(|r| match claimed.entry(path_of(r)) {
            Entry::Occupied(first) => Some((*first.get()).to_owned()),
            Entry::Vacant(slot) => {
                slot.insert(&r.chart.id);
                None
            }
        })
        .collect();
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Result<PathBuf, ExportError>>>> =
        Mutex::new((0..requests.len()).map(|_| None).collect());
    let workers = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(requests.len())
        .max(1);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(request) = requests.get(i) else {
                        break;
                    };
                    let path = path_of(request);
                    let result = match &clashes[i] {
                        Some(other) => Err(ExportError::NameClash {
                            path,
                            other: other.clone(),
                        }),
                        None => write(request, &path).map(|()| path),
                    };
                    if let Ok(mut slots) = results.lock() {
                        slots[i] = Some(result);
                    }
                    progress(done.fetch_add(1, Ordering::Relaxed) + 1, requests.len());
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .map(|r| r.unwrap_or_else(|| Err(ExportError::MissingFolder(dir.to_owned()))))
        .collect()
}
