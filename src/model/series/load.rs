//! Filling in the records of a data file's series indicators: each CSV file read once, for every
//! column its indicators name, relative to the data file's folder.

use std::collections::BTreeMap;
use std::path::Path as FsPath;
use std::sync::Arc;

use super::Samples;
use crate::model::locate::Path;
use crate::model::{Msg, Problem, Report};
use crate::path;

/// What went wrong reading a file's series: problems at a place in the data file (a file that
/// cannot be found) and problems at a place in a CSV file.
#[derive(Debug, Default)]
pub struct SeriesProblems {
    pub in_data: Vec<(Path, Msg)>,
    pub in_csv: Vec<Problem>,
}

impl SeriesProblems {
    pub fn is_empty(&self) -> bool {
        self.in_data.is_empty() && self.in_csv.is_empty()
    }
}

/// Read the record of every indicator that has a `series`, from files relative to `folder` (the
/// data file's; `None` for data that has no folder, such as the data built into the binary).
pub fn load_series(report: &mut Report, folder: Option<&FsPath>) -> SeriesProblems {
    let mut problems = SeriesProblems::default();
    // The table's key (its file and how it is read) → the indicators reading it.
    let mut by_table: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, ind) in report.indicators.iter().enumerate() {
        if let Some(series) = &ind.series {
            by_table.entry(series.table_key()).or_default().push(i);
        }
    }
    for wanted in by_table.into_values() {
        let Some(first) = wanted
            .first()
            .and_then(|&i| report.indicators[i].series.clone())
        else {
            continue;
        };
        let file = first.file.clone();
        let Some(folder) = folder else {
            for i in &wanted {
                problems.in_data.push((
                    path!["indicators", *i, "series", "file"],
                    Msg::new(
                        format!(
                            "`{file}` cannot be read: this data has no folder to read it from; expected the data file opened from disk, with the CSV beside it"
                        ),
                        format!("无法读取 `{file}`：此数据没有所在文件夹；应从磁盘打开数据文件，CSV 文件放在它旁边"),
                    ),
                ));
            }
            continue;
        };
        let csv_path = folder.join(&file);
        if !csv_path.is_file() {
            for i in &wanted {
                problems.in_data.push((
                    path!["indicators", *i, "series", "file"],
                    Msg::new(
                        format!(
                            "series file `{file}` is not found beside the data file (looked for {}); expected a CSV file there",
                            csv_path.display()
                        ),
                        format!(
                            "在数据文件旁找不到序列文件 `{file}`（查找的是 {}）；应在该处放置 CSV 文件",
                            csv_path.display()
                        ),
                    ),
                ));
            }
            continue;
        }
        let series_of = |i: usize| report.indicators[i].series.as_ref();
        let mut columns: Vec<&str> = wanted
            .iter()
            .filter_map(|&i| series_of(i).map(|s| s.value.as_str()))
            .collect();
        columns.sort_unstable();
        columns.dedup();
        let mut categories: Vec<&str> = wanted
            .iter()
            .filter_map(|&i| series_of(i).and_then(|s| s.category.as_deref()))
            .collect();
        categories.sort_unstable();
        categories.dedup();
        let name = csv_path.display().to_string();
        let layout = first.layout();
        let read = super::table::read_any(
            &csv_path,
            &name,
            &layout,
            first.sheet.as_deref(),
            &columns,
            &categories,
        );
        match read {
            Err(ps) => problems.in_csv.extend(ps),
            Ok(groups) => {
                let made = records(groups, &layout, &columns, &categories);
                let found: Vec<(usize, Option<Arc<Samples>>)> = wanted
                    .iter()
                    .map(|&i| {
                        let key = series_of(i)
                            .map(|s| (s.by.as_ref().and(s.category.as_deref()), s.value.as_str()));
                        (i, key.and_then(|k| made.get(&k).cloned()))
                    })
                    .collect();
                for (i, samples) in found {
                    report.indicators[i].samples = samples;
                }
            }
        }
    }
    problems
}

/// The records of a table as read: (category, column) → its record; the columns of one category
/// share its times.
fn records<'a>(
    groups: Vec<super::CsvColumns>,
    layout: &super::Layout,
    columns: &[&'a str],
    categories: &[&'a str],
) -> BTreeMap<(Option<&'a str>, &'a str), Arc<Samples>> {
    let mut made = BTreeMap::new();
    for (g, read) in groups.into_iter().enumerate() {
        let category = layout.by.as_ref().and_then(|_| categories.get(g).copied());
        let start = read.start;
        let offsets = Arc::new(read.offsets);
        for (column, values) in columns.iter().zip(read.values) {
            if let Some(samples) = Samples::from_offsets(
                start,
                Arc::clone(&offsets),
                read.unit,
                values,
                read.precision,
            ) {
                // The daily means the counts read, built now rather than on the first zoom (a few
                // milliseconds for ten million values).
                let _ = samples.means(super::Averaging::Day);
                made.insert((category, *column), Arc::new(samples));
            }
        }
    }
    made
}
