//! A reviewed file as the charts and the disk should have it: charts left with nothing to draw
//! left out (by the one rule of what a chart draws, [`crate::model::Chart::drawn_points`]), merged
//! with the other open files, and written in the draft's layout, checked, atomically.

use std::path::PathBuf;

use super::Review;
use crate::files::WriteError;
use crate::model::{self, Chart, DataFile, Dataset, LoadError, Msg, Report};

/// Why a reviewed file could not be shown or written.
#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    #[error("the file under review is no longer open")]
    NotOpen,
    #[error("the data under review has no file to write to")]
    NoFile,
    /// What would be written does not load: the same check as a draft's.
    #[error("{0}")]
    Invalid(#[source] LoadError),
    /// The reviewed file no longer merges with the other open files.
    #[error("{0}")]
    Merge(#[source] LoadError),
    #[error(transparent)]
    Write(#[from] WriteError),
}

impl ReviewError {
    /// The error in both languages: its display, and the same in Chinese.
    pub fn message(&self) -> Msg {
        let zh = match self {
            Self::NotOpen => "审阅中的文件已不再打开".to_owned(),
            Self::NoFile => "审阅中的数据没有可写入的文件".to_owned(),
            Self::Invalid(err) | Self::Merge(err) => err.message().zh,
            Self::Write(err) => err.zh(),
        };
        Msg::new(self.to_string(), zh)
    }
}

/// Whether a file holds drafted figures.
pub fn has_draft(report: &Report) -> bool {
    report
        .indicators
        .iter()
        .flat_map(|i| &i.points)
        .any(|p| p.review.is_some())
}

/// How far the review of a file's drafted figures has come, counted from the file itself: what
/// the review page's choice of file says beside each file.
pub fn file_counts(report: &Report) -> super::Counts {
    let mut c = super::Counts::default();
    for review in report
        .indicators
        .iter()
        .flat_map(|i| &i.points)
        .filter_map(|p| p.review.as_ref())
    {
        match review.state {
            crate::model::ReviewState::Proposed => c.open += 1,
            crate::model::ReviewState::Accepted => c.accepted += 1,
            crate::model::ReviewState::Rejected => c.rejected += 1,
        }
    }
    c
}

/// Whether `chart` still draws something of the indicator `id`: a point it draws (rejected
/// figures are drawn by no chart), or a monitoring record.
fn draws_any(report: &Report, chart: &Chart, id: &str) -> bool {
    report
        .indicator(id)
        .is_some_and(|ind| ind.samples.is_some() || !chart.drawn_points(ind).is_empty())
}

/// The file's report as the charts and the saved file should have it: series, charts and pages
/// that would draw nothing once rejected figures are left out are left out too, so the file still
/// validates (a chart must draw something).
pub fn without_empty_charts(report: &Report) -> Report {
    let mut r = report.clone();
    let kept: Vec<Chart> = r
        .charts
        .iter()
        .filter_map(|c| {
            let mut kept = c.clone();
            kept.series.retain(|s| draws_any(&r, c, s));
            (!kept.series.is_empty()).then_some(kept)
        })
        .collect();
    r.charts = kept;
    let ids: Vec<String> = r.charts.iter().map(|c| c.id.clone()).collect();
    for page in &mut r.pages {
        page.charts.retain(|c| ids.contains(c));
    }
    r.pages.retain(|p| !p.charts.is_empty());
    r
}

/// The open `files` with file `file` replaced by its `edited` report (empty charts left out), and
/// their merge: what the charts show while a review goes on.
pub fn merged(files: &[DataFile], file: usize, edited: &Report) -> Result<Dataset, ReviewError> {
    let mut files = files.to_vec();
    let reviewed = files.get_mut(file).ok_or(ReviewError::NotOpen)?;
    reviewed.report = without_empty_charts(edited);
    if let [only] = files.as_slice() {
        // One file is its own merge (one source: nothing revises anything).
        let report = only.report.clone();
        return Ok(Dataset { files, report });
    }
    model::merge(files).map_err(ReviewError::Merge)
}

impl Review {
    /// Write the reviewed file (file `file` of `files`, edited into `report`): the draft's layout,
    /// figures with their states, checked to load, written atomically. Returns where it went.
    pub fn save(
        &mut self,
        files: &[DataFile],
        file: usize,
        report: &Report,
    ) -> Result<PathBuf, ReviewError> {
        let file = files.get(file).ok_or(ReviewError::NotOpen)?;
        let path = file.path.clone().ok_or(ReviewError::NoFile)?;
        let ron = crate::model::write::to_ron(&without_empty_charts(report), &file.name);
        // What is written must load: the same check as a draft's.
        model::parse(&file.name, ron.as_bytes()).map_err(ReviewError::Invalid)?;
        crate::files::write_atomic(&path, ron.as_bytes())?;
        self.unsaved = false;
        Ok(path)
    }
}
