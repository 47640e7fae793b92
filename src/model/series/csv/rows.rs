//! A monitoring CSV's rows after its header: each row's time and values checked and kept.

use std::ops::Range;

use super::{CsvColumns, GAP_MARKS, Header, Problems, char_column, parse_time, split_into};
use crate::model::time::{self, Instant, Precision};
use crate::model::{Msg, Problem};

/// The rows read so far: the columns kept, and what the next row's time is checked against.
pub(super) struct Rows<'a> {
    header: &'a Header,
    time_at: usize,
    value_at: Vec<usize>,
    /// The rightmost column read: a shorter row is missing cells.
    widest: usize,
    time_column: &'a str,
    columns: &'a [&'a str],
    out: CsvColumns,
    first: Option<Instant>,
    precision: Option<Precision>,
    last: Option<(Instant, usize)>,
    /// Rows mostly share their date with the row before: its midnight is worked out once.
    day_cache: Option<([u8; 10], Instant)>,
    /// The current row's cells, reused from row to row.
    cells: Vec<(usize, Range<usize>)>,
}

/// One row: its line number and its text.
#[derive(Clone, Copy)]
struct Row<'l> {
    no: usize,
    line: &'l str,
}

impl<'a> Rows<'a> {
    pub(super) fn new(
        header: &'a Header,
        time_at: usize,
        value_at: Vec<usize>,
        time_column: &'a str,
        columns: &'a [&'a str],
    ) -> Self {
        let widest = value_at.iter().copied().chain([time_at]).max().unwrap_or(0);
        Self {
            header,
            time_at,
            value_at,
            widest,
            time_column,
            columns,
            out: CsvColumns {
                values: vec![Vec::new(); columns.len()],
                ..CsvColumns::default()
            },
            first: None,
            precision: None,
            last: None,
            day_cache: None,
            cells: Vec::with_capacity(widest + 1),
        }
    }

    /// One line after the header: blank lines are skipped; a line that is not UTF-8 or has too few
    /// cells is one problem; otherwise its time and each value is checked on its own.
    pub(super) fn read(&mut self, line_no: usize, raw: &[u8], problems: &mut Problems<'_>) {
        if raw.iter().all(u8::is_ascii_whitespace) {
            return;
        }
        let Ok(line) = std::str::from_utf8(raw) else {
            problems.add(
                line_no,
                1,
                Msg::new(
                    "the line is not UTF-8 text; expected the file saved as UTF-8",
                    "此行不是 UTF-8 文本；文件应保存为 UTF-8 编码",
                ),
            );
            return;
        };
        let row = Row { no: line_no, line };
        if !self.split(row, problems) {
            return;
        }
        self.read_time(row, problems);
        self.read_values(row, problems);
        if !problems.is_empty() {
            // Once anything is wrong no values are kept: the rest is read only for its problems.
            self.out.offsets.clear();
            for v in &mut self.out.values {
                v.clear();
            }
        }
    }

    /// The row's cells into `self.cells`; false (with the problem added) when its quotes are broken
    /// or it stops before the rightmost column read.
    fn split(&mut self, row: Row<'_>, problems: &mut Problems<'_>) -> bool {
        self.cells.clear();
        if let Err(bad) = split_into(row.line, self.header.sep, &mut self.cells) {
            problems.add(row.no, bad.column(), bad.msg());
            return false;
        }
        if self.cells.len() <= self.widest {
            let names = &self.header.names;
            let last = names.get(self.widest).map_or("", String::as_str);
            problems.add(
                row.no,
                char_column(row.line, row.line.len()),
                Msg::new(
                    format!(
                        "the row has {} cells; expected {} as the header has, up to column `{}`",
                        self.cells.len(),
                        names.len(),
                        last
                    ),
                    format!(
                        "此行有 {} 个单元格；应与表头一样有 {} 个，至少到 `{}` 列",
                        self.cells.len(),
                        names.len(),
                        last
                    ),
                ),
            );
            return false;
        }
        true
    }

    /// The row's time: parsed, then kept if it comes after the row before.
    fn read_time(&mut self, row: Row<'_>, problems: &mut Problems<'_>) {
        let (text, start) = cell(&self.cells, row.line, self.time_at);
        match parse_time(text, &mut self.day_cache) {
            Ok((t, p)) => {
                self.precision = Some(self.precision.map_or(p, |q| q.max(p)));
                self.keep_time(t, row, start, problems);
            }
            Err(expected) => {
                let time_column = self.time_column;
                problems.add(
                    row.no,
                    char_column(row.line, start),
                    Msg::new(
                        format!(
                            "`{text}` in column `{time_column}` is not a time; expected {expected}"
                        ),
                        format!("`{time_column}` 列的 `{text}` 不是时间；应为 {expected}"),
                    ),
                );
            }
        }
    }

    /// A time kept as seconds after the first row's; a time not after the row before's (a repeat,
    /// or rows out of order) or too far from the first is a problem.
    fn keep_time(&mut self, t: Instant, row: Row<'_>, start: usize, problems: &mut Problems<'_>) {
        if let Some((prev, prev_line)) = self.last
            && t <= prev
        {
            let shown = time::format_instant(t, Precision::Second);
            let time_column = self.time_column;
            let (en, zh) = if t == prev {
                (
                    format!(
                        "the time {shown} is also on line {prev_line}; expected one row a time"
                    ),
                    format!("时间 {shown} 在第 {prev_line} 行也有；每个时间应只有一行"),
                )
            } else {
                (
                    format!(
                        "the time {shown} is earlier than line {prev_line}'s; expected rows in time order (sort the file by `{time_column}`)"
                    ),
                    format!(
                        "时间 {shown} 早于第 {prev_line} 行；各行应按时间先后排列（请按 `{time_column}` 排序）"
                    ),
                )
            };
            problems.add(row.no, char_column(row.line, start), Msg::new(en, zh));
            return;
        }
        let base = *self.first.get_or_insert(t);
        match u32::try_from(t - base) {
            Ok(off) => self.out.offsets.push(off),
            Err(_) => problems.add(
                row.no,
                char_column(row.line, start),
                Msg::new(
                    "the series spans more than 136 years from its first row; expected a shorter record a file",
                    "序列从第一行起跨越超过 136 年；每个文件应记录更短的时段",
                ),
            ),
        }
        self.last = Some((t, row.no));
    }

    /// The row's value cells: a number, or a gap mark kept as NaN.
    fn read_values(&mut self, row: Row<'_>, problems: &mut Problems<'_>) {
        for (k, &col) in self.value_at.iter().enumerate() {
            let (text, start) = cell(&self.cells, row.line, col);
            let value = if GAP_MARKS.iter().any(|m| m.eq_ignore_ascii_case(text)) {
                Some(f64::NAN)
            } else {
                text.parse::<f64>().ok().filter(|v| v.is_finite())
            };
            match value {
                Some(v) => self.out.values[k].push(v),
                None => problems.add(
                    row.no,
                    char_column(row.line, start),
                    Msg::new(
                        format!(
                            "`{text}` in column `{}` is not a number; expected a plain number such as 35 or 12.5 (no unit, no thousands separator), or an empty cell for no value",
                            self.columns[k]
                        ),
                        format!(
                            "`{}` 列的 `{text}` 不是数字；应为 35、12.5 这样的数字（不带单位和千位分隔符），无数值时留空",
                            self.columns[k]
                        ),
                    ),
                ),
            }
        }
    }

    /// The columns once every row is read: the problems if there were any, or a file with a header
    /// and no rows is one.
    pub(super) fn finish(self, mut problems: Problems<'_>) -> Result<CsvColumns, Vec<Problem>> {
        if !problems.is_empty() {
            return Err(problems.finish());
        }
        let mut out = self.out;
        if out.offsets.is_empty() {
            problems.add(
                self.header.line + 1,
                1,
                Msg::new(
                    "the series file has a header but no rows; expected a row a time",
                    "序列文件只有表头，没有数据行；应每个时间一行",
                ),
            );
            return Err(problems.finish());
        }
        out.start = self.first.unwrap_or_default();
        out.precision = self.precision.unwrap_or_default();
        out.offsets.shrink_to_fit();
        for v in &mut out.values {
            v.shrink_to_fit();
        }
        Ok(out)
    }
}

/// A cell's text without its spaces, and the byte where that text starts.
fn cell<'l>(cells: &[(usize, Range<usize>)], line: &'l str, i: usize) -> (&'l str, usize) {
    let raw = &line[cells[i].1.clone()];
    let lead = raw.len() - raw.trim_start().len();
    (raw.trim(), cells[i].1.start + lead)
}
