//! Many charts at once, on every core, each written atomically.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::render::{ImageOptions, chart_file};
use super::{ExportError, safe_file_name, write_atomic};
use crate::model::{Chart, Report};

/// One image to make: a chart with its hidden series.
#[derive(Clone, Debug)]
pub struct Job<'a> {
    pub chart: &'a Chart,
    pub hidden: BTreeSet<String>,
}

/// Where a chart's image goes in `dir`: `{chart_id}.png` or `.svg`, never outside `dir`.
pub fn image_path(dir: &Path, chart_id: &str, format: super::ImageFormat) -> PathBuf {
    dir.join(safe_file_name(chart_id, format.extension()))
}

/// Render and write every job into `dir`, using every core. Results come back in job order;
/// `progress(done, total)` is called as images finish.
pub fn export_all(
    report: &Report,
    jobs: &[Job<'_>],
    dir: &Path,
    data_name: &str,
    opts: &ImageOptions,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Vec<Result<PathBuf, ExportError>> {
    if !dir.is_dir() {
        return jobs
            .iter()
            .map(|_| Err(ExportError::MissingFolder(dir.to_owned())))
            .collect();
    }
    // Two ids can make one file name ("a/b" and "a_b"): the later chart is refused, not written over
    // the earlier one.
    let mut claimed: std::collections::HashMap<PathBuf, &str> = std::collections::HashMap::new();
    let clashes: Vec<Option<String>> = jobs
        .iter()
        .map(
            |job| match claimed.entry(image_path(dir, &job.chart.id, opts.format)) {
                std::collections::hash_map::Entry::Occupied(first) => {
                    Some((*first.get()).to_owned())
                }
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert(&job.chart.id);
                    None
                }
            },
        )
        .collect();
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Result<PathBuf, ExportError>>>> =
        Mutex::new((0..jobs.len()).map(|_| None).collect());
    let workers = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(jobs.len())
        .max(1);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(job) = jobs.get(i) else { break };
                    let path = image_path(dir, &job.chart.id, opts.format);
                    let result = match &clashes[i] {
                        Some(other) => Err(ExportError::NameClash {
                            path,
                            other: other.clone(),
                        }),
                        None => chart_file(report, job.chart, &job.hidden, data_name, opts)
                            .and_then(|png| write_atomic(&path, &png))
                            .map(|()| path),
                    };
                    if let Ok(mut slots) = results.lock() {
                        slots[i] = Some(result);
                    }
                    progress(done.fetch_add(1, Ordering::Relaxed) + 1, jobs.len());
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
