//! Filling in the records of a data file's series indicators: each CSV file read once, for every
//! column its indicators name, relative to the data file's folder.

use std::collections::BTreeMap;
use std::path::Path as FsPath;
use std::sync::Arc;

use super::{Samples, read_csv};
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
    // file → [(indicator index, value column)]
    let mut by_file: BTreeMap<String, Vec<(usize, String, String)>> = BTreeMap::new();
    for (i, ind) in report.indicators.iter().enumerate() {
        if let Some(series) = &ind.series {
            by_file.entry(series.file.clone()).or_default().push((
                i,
                series.time.clone(),
                series.value.clone(),
            ));
        }
    }
    for (file, wanted) in by_file {
        let Some(folder) = folder else {
            for (i, _, _) in &wanted {
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
            for (i, _, _) in &wanted {
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
        // Every indicator of one file reads its time from one column: the first named.
        let time = wanted[0].1.clone();
        for (i, t, _) in &wanted[1..] {
            if *t != time {
                problems.in_data.push((
                    path!["indicators", *i, "series", "time"],
                    Msg::new(
                        format!("time column `{t}` differs from `{time}`, which another indicator reads from `{file}`; expected one time column a file"),
                        format!("时间列 `{t}` 与另一指标从 `{file}` 读取的 `{time}` 不同；每个文件应只有一个时间列"),
                    ),
                ));
            }
        }
        let mut columns: Vec<&str> = wanted.iter().map(|(_, _, v)| v.as_str()).collect();
        columns.sort_unstable();
        columns.dedup();
        let name = csv_path.display().to_string();
        match read_csv(&csv_path, &name, &time, &columns) {
            Err(ps) => problems.in_csv.extend(ps),
            Ok(read) => {
                let start = read.start;
                // One copy of the times, shared by every column of the file.
                let offsets = Arc::new(read.offsets);
                let mut made: BTreeMap<&str, Arc<Samples>> = BTreeMap::new();
                for (column, values) in columns.iter().zip(read.values) {
                    if let Some(samples) =
                        Samples::from_offsets(start, Arc::clone(&offsets), values, read.precision)
                    {
                        // The daily means the counts read, built now rather than on the first
                        // zoom (a few milliseconds for ten million values).
                        let _ = samples.means(super::Averaging::Day);
                        made.insert(column, Arc::new(samples));
                    }
                }
                for (i, _, column) in &wanted {
                    report.indicators[*i].samples = made.get(column.as_str()).cloned();
                }
            }
        }
    }
    problems
}
