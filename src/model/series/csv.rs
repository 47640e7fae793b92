//! Reading a monitoring CSV: a header row, a time column in ISO 8601, value columns, empty cells as
//! gaps. The file is streamed a line at a time (files up to [`MAX_SERIES_BYTES`]), only the columns
//! asked for are kept, and every problem is reported with its `file:line:column` and what was
//! expected; a file with any problem gives no values at all.

use std::io::{BufReader, Read as _};
use std::path::Path;

use crate::model::time::{self, Instant, Precision};
use crate::model::{Location, Msg, Problem};

/// Larger files are refused before they are read.
pub const MAX_SERIES_BYTES: u64 = 1024 * 1024 * 1024;

/// Problems listed one by one; past this, one more line says how many others there are.
const MAX_LISTED: usize = 100;

/// Cells that mean "no value": an empty cell, and the markers statistics software writes.
const GAP_MARKS: [&str; 6] = ["", "NA", "N/A", "NaN", "null", "-"];

/// The columns read from one file: one time line shared by every value column.
#[derive(Debug, Default)]
pub struct CsvColumns {
    /// The first row's instant.
    pub start: Instant,
    /// Each row's instant as seconds after `start`.
    pub offsets: Vec<u32>,
    /// How finely the times are written (the finest of any row).
    pub precision: Precision,
    /// The value columns asked for, in the order asked, NaN for gaps.
    pub values: Vec<Vec<f64>>,
}

/// Read `time` and `columns` of the CSV at `path`; `name` is how messages name the file.
pub fn read_csv(
    path: &Path,
    name: &str,
    time: &str,
    columns: &[&str],
) -> Result<CsvColumns, Vec<Problem>> {
    let at = |line: usize, column: usize| Location {
        file: name.to_owned(),
        line,
        column,
    };
    let io = |err: std::io::Error| {
        vec![Problem::new(
            at(0, 0),
            Msg::new(
                format!("cannot read the series file: {err}"),
                format!("无法读取序列文件：{err}"),
            ),
        )]
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > MAX_SERIES_BYTES {
        return Err(vec![Problem::new(
            at(0, 0),
            Msg::new(
                format!(
                    "the series file is {size} bytes; expected at most {MAX_SERIES_BYTES} (1 GiB): split it by year"
                ),
                format!("序列文件有 {size} 字节，上限为 {MAX_SERIES_BYTES}（1 GiB）：请按年份拆分"),
            ),
        )]);
    }
    let reader = BufReader::with_capacity(1 << 20, file.take(MAX_SERIES_BYTES + 1));
    read_csv_from(reader, name, time, columns)
}

/// [`read_csv`] from any reader (tests and the fuzz target read from memory).
// The row loop is the hot path of a 10-million-row record: split into steps it measured slower
// (benches/timeseries, load and check of 1M rows: 137 ms split, 110 ms whole), so it stays one body.
#[allow(clippy::too_many_lines)]
pub fn read_csv_from(
    mut reader: impl std::io::BufRead,
    name: &str,
    time_column: &str,
    columns: &[&str],
) -> Result<CsvColumns, Vec<Problem>> {
    let mut problems = Problems {
        name,
        listed: Vec::new(),
        more: 0,
    };
    let mut buf: Vec<u8> = Vec::new();
    let mut line_no = 0usize;
    // The header: the first line that is not empty.
    let header = loop {
        buf.clear();
        let n = reader
            .read_until(b'\n', &mut buf)
            .map_err(|e| problems.fatal(line_no + 1, &e))?;
        if n == 0 {
            problems.add(
                1,
                1,
                Msg::new(
                    "the series file is empty; expected a header row naming its columns, then a row a time",
                    "序列文件为空；应先有一行列名，再每个时间一行",
                ),
            );
            return Err(problems.finish());
        }
        line_no += 1;
        let text = String::from_utf8_lossy(strip_bom(trim_eol(&buf))).into_owned();
        if !text.trim().is_empty() {
            break text;
        }
    };
    let header_line = line_no;
    let sep = separator(&header);
    let names: Vec<String> = match split(&header, sep) {
        Ok(cells) => cells
            .into_iter()
            .map(|(_, c)| c.trim().to_owned())
            .collect(),
        Err(bad) => {
            problems.add(header_line, bad.column(), bad.msg());
            return Err(problems.finish());
        }
    };
    let find = |wanted: &str, problems: &mut Problems<'_>| {
        let found = names.iter().position(|n| n == wanted);
        if found.is_none() {
            let list = names.join(", ");
            problems.add(
                header_line,
                1,
                Msg::new(
                    format!("no column is headed `{wanted}`; the header names: {list}"),
                    format!("没有列名为 `{wanted}` 的列；表头的列名是：{list}"),
                ),
            );
        }
        found
    };
    let time_at = find(time_column, &mut problems);
    let value_at: Vec<Option<usize>> = columns.iter().map(|c| find(c, &mut problems)).collect();
    let (Some(time_at), Some(value_at)) = (
        time_at,
        value_at.into_iter().collect::<Option<Vec<usize>>>(),
    ) else {
        return Err(problems.finish());
    };

    let mut out = CsvColumns {
        values: vec![Vec::new(); columns.len()],
        ..CsvColumns::default()
    };
    let mut first: Option<Instant> = None;
    let mut precision: Option<Precision> = None;
    let mut last: Option<(Instant, usize)> = None;
    // Rows mostly share their date with the row before: its midnight is worked out once.
    let mut day_cache: Option<([u8; 10], Instant)> = None;
    let widest = value_at.iter().copied().chain([time_at]).max().unwrap_or(0);
    let mut cells: Vec<(usize, std::ops::Range<usize>)> = Vec::with_capacity(widest + 1);
    loop {
        buf.clear();
        let n = reader
            .read_until(b'\n', &mut buf)
            .map_err(|e| problems.fatal(line_no + 1, &e))?;
        if n == 0 {
            break;
        }
        line_no += 1;
        let raw = trim_eol(&buf);
        if raw.iter().all(u8::is_ascii_whitespace) {
            continue;
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
            continue;
        };
        cells.clear();
        if let Err(bad) = split_into(line, sep, &mut cells) {
            problems.add(line_no, bad.column(), bad.msg());
            continue;
        }
        if cells.len() <= widest {
            problems.add(
                line_no,
                char_column(line, line.len()),
                Msg::new(
                    format!(
                        "the row has {} cells; expected {} as the header has, up to column `{}`",
                        cells.len(),
                        names.len(),
                        names.get(widest).map_or("", String::as_str)
                    ),
                    format!(
                        "此行有 {} 个单元格；应与表头一样有 {} 个，至少到 `{}` 列",
                        cells.len(),
                        names.len(),
                        names.get(widest).map_or("", String::as_str)
                    ),
                ),
            );
            continue;
        }
        // A cell's text without its spaces, and the byte where that text starts.
        let cell = |i: usize| -> (&str, usize) {
            let raw = &line[cells[i].1.clone()];
            let lead = raw.len() - raw.trim_start().len();
            (raw.trim(), cells[i].1.start + lead)
        };
        // The time.
        let (text, start) = cell(time_at);
        let parsed = parse_time(text, &mut day_cache);
        let t = match parsed {
            Ok((t, p)) => {
                precision = Some(precision.map_or(p, |q| q.max(p)));
                Some(t)
            }
            Err(expected) => {
                problems.add(
                    line_no,
                    char_column(line, start),
                    Msg::new(
                        format!(
                            "`{text}` in column `{time_column}` is not a time; expected {expected}"
                        ),
                        format!("`{time_column}` 列的 `{text}` 不是时间；应为 {expected}"),
                    ),
                );
                None
            }
        };
        if let Some(t) = t {
            if let Some((prev, prev_line)) = last
                && t <= prev
            {
                let shown = time::format_instant(t, Precision::Second);
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
                problems.add(line_no, char_column(line, start), Msg::new(en, zh));
            } else {
                let base = *first.get_or_insert(t);
                match u32::try_from(t - base) {
                    Ok(off) => out.offsets.push(off),
                    Err(_) => problems.add(
                        line_no,
                        char_column(line, start),
                        Msg::new(
                            "the series spans more than 136 years from its first row; expected a shorter record a file",
                            "序列从第一行起跨越超过 136 年；每个文件应记录更短的时段",
                        ),
                    ),
                }
                last = Some((t, line_no));
            }
        }
        // The values.
        for (k, &col) in value_at.iter().enumerate() {
            let (text, start) = cell(col);
            let value = if GAP_MARKS.iter().any(|m| m.eq_ignore_ascii_case(text)) {
                Some(f64::NAN)
            } else {
                text.parse::<f64>().ok().filter(|v| v.is_finite())
            };
            match value {
                Some(v) => out.values[k].push(v),
                None => problems.add(
                    line_no,
                    char_column(line, start),
                    Msg::new(
                        format!(
                            "`{text}` in column `{}` is not a number; expected a plain number such as 35 or 12.5 (no unit, no thousands separator), or an empty cell for no value",
                            columns[k]
                        ),
                        format!(
                            "`{}` 列的 `{text}` 不是数字；应为 35、12.5 这样的数字（不带单位和千位分隔符），无数值时留空",
                            columns[k]
                        ),
                    ),
                ),
            }
        }
        if !problems.is_empty() {
            // Once anything is wrong no values are kept: the rest is read only for its problems.
            out.offsets.clear();
            for v in &mut out.values {
                v.clear();
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems.finish());
    }
    if out.offsets.is_empty() {
        problems.add(
            header_line + 1,
            1,
            Msg::new(
                "the series file has a header but no rows; expected a row a time",
                "序列文件只有表头，没有数据行；应每个时间一行",
            ),
        );
        return Err(problems.finish());
    }
    out.start = first.unwrap_or_default();
    out.precision = precision.unwrap_or_default();
    out.offsets.shrink_to_fit();
    for v in &mut out.values {
        v.shrink_to_fit();
    }
    Ok(out)
}

/// A time cell read with the date's midnight cached: ten million hourly rows have ~420,000 dates.
fn parse_time(
    text: &str,
    cache: &mut Option<([u8; 10], Instant)>,
) -> Result<(Instant, Precision), &'static str> {
    let b = text.as_bytes();
    // Fast path: `YYYY-MM-DDTHH:MM` or `YYYY-MM-DD HH:MM` with no offset, on a cached date.
    if b.len() == 16
        && (b[10] == b'T' || b[10] == b' ')
        && b[13] == b':'
        && let Some((date, midnight)) = cache
        && b[..10] == date[..]
    {
        let two = |i: usize| -> Option<i64> {
            let (x, y) = (b[i], b[i + 1]);
            (x.is_ascii_digit() && y.is_ascii_digit())
                .then(|| i64::from(x - b'0') * 10 + i64::from(y - b'0'))
        };
        if let (Some(h), Some(m)) = (two(11), two(14))
            && h < 24
            && m < 60
        {
            return Ok((*midnight + h * 3600 + m * 60, Precision::Minute));
        }
    }
    let parsed = time::parse_instant(text)?;
    if b.len() >= 10
        && let Ok(date) = <[u8; 10]>::try_from(&b[..10])
        && let Ok((midnight, _)) = time::parse_instant(&text[..10])
    {
        *cache = Some((date, midnight));
    }
    Ok(parsed)
}

struct Problems<'a> {
    name: &'a str,
    listed: Vec<Problem>,
    more: usize,
}

impl Problems<'_> {
    fn add(&mut self, line: usize, column: usize, msg: Msg) {
        if self.listed.len() < MAX_LISTED {
            self.listed.push(Problem::new(
                Location {
                    file: self.name.to_owned(),
                    line,
                    column,
                },
                msg,
            ));
        } else {
            self.more += 1;
        }
    }

    fn is_empty(&self) -> bool {
        self.listed.is_empty()
    }

    fn fatal(&mut self, line: usize, err: &std::io::Error) -> Vec<Problem> {
        self.add(
            line,
            1,
            Msg::new(
                format!("cannot read the series file: {err}"),
                format!("无法读取序列文件：{err}"),
            ),
        );
        std::mem::take(&mut self.listed)
    }

    fn finish(mut self) -> Vec<Problem> {
        if self.more > 0 {
            let more = self.more;
            let line = self.listed.last().map_or(0, |p| p.location.line);
            self.add_unlimited(
                line,
                Msg::new(
                    format!("… and {more} more problems after this line, not listed"),
                    format!("……此行之后还有 {more} 个问题，未一一列出"),
                ),
            );
        }
        self.listed
    }

    fn add_unlimited(&mut self, line: usize, msg: Msg) {
        self.listed.push(Problem::new(
            Location {
                file: self.name.to_owned(),
                line,
                column: 1,
            },
            msg,
        ));
    }
}

fn unclosed_quote() -> Msg {
    Msg::new(
        "a quoted cell is not closed on its line; expected a closing `\"` (quotes inside a cell are written twice)",
        "带引号的单元格在本行没有结束；应有配对的 `\"`（单元格内的引号应写成两个）",
    )
}

fn trim_eol(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

fn strip_bom(line: &[u8]) -> &[u8] {
    line.strip_prefix("\u{feff}".as_bytes()).unwrap_or(line)
}

/// The separator the header uses: a comma, or a tab or semicolon when the header has no comma.
fn separator(header: &str) -> u8 {
    if header.contains(',') {
        b','
    } else if header.contains('\t') {
        b'\t'
    } else if header.contains(';') {
        b';'
    } else {
        b','
    }
}

/// The 1-based column, in characters, of byte `at` of `line`.
fn char_column(line: &str, at: usize) -> usize {
    line.get(..at).map_or(at, |s| s.chars().count()) + 1
}

/// A line's cells as (start byte, text), quotes removed (`""` inside quotes is one quote).
fn split(line: &str, sep: u8) -> Result<Vec<(usize, String)>, BadQuote> {
    let mut ranges = Vec::new();
    split_into(line, sep, &mut ranges)?;
    Ok(ranges
        .into_iter()
        .map(|(start, r)| {
            let text = &line[r];
            (start, text.replace("\"\"", "\""))
        })
        .collect())
}

/// What is wrong with a line's quotes, at a 1-based column.
#[derive(Clone, Copy, Debug)]
enum BadQuote {
    Unclosed(usize),
    TextAfter(usize),
}

impl BadQuote {
    fn column(self) -> usize {
        match self {
            Self::Unclosed(c) | Self::TextAfter(c) => c,
        }
    }

    fn msg(self) -> Msg {
        match self {
            Self::Unclosed(_) => unclosed_quote(),
            Self::TextAfter(_) => Msg::new(
                "text follows a quoted cell's closing `\"`; expected the separator next (quotes inside a cell are written twice)",
                "带引号的单元格在结束的 `\"` 之后还有文字；之后应紧接分隔符（单元格内的引号应写成两个）",
            ),
        }
    }
}

/// A line's cells as (start byte, the byte range of the cell's text without its quotes).
fn split_into(
    line: &str,
    sep: u8,
    cells: &mut Vec<(usize, std::ops::Range<usize>)>,
) -> Result<(), BadQuote> {
    let b = line.as_bytes();
    let mut i = 0;
    loop {
        let start = i;
        // Spaces before an opening quote are allowed.
        let mut j = i;
        while j < b.len() && b[j] == b' ' {
            j += 1;
        }
        if j < b.len() && b[j] == b'"' {
            let open = j;
            j += 1;
            let text_start = j;
            loop {
                match b[j..].iter().position(|&c| c == b'"') {
                    None => return Err(BadQuote::Unclosed(char_column(line, open))),
                    Some(k) if b.get(j + k + 1) == Some(&b'"') => j += k + 2,
                    Some(k) => {
                        cells.push((start, text_start..j + k));
                        j += k + 1;
                        break;
                    }
                }
            }
            // Only spaces may stand between the closing quote and the separator.
            let end = b[j..]
                .iter()
                .position(|&c| c == sep)
                .map_or(b.len(), |k| j + k);
            if let Some(k) = b[j..end].iter().position(|&c| c != b' ') {
                return Err(BadQuote::TextAfter(char_column(line, j + k)));
            }
            if end == b.len() {
                return Ok(());
            }
            i = end + 1;
        } else if let Some(k) = b[i..].iter().position(|&c| c == sep) {
            cells.push((start, i..i + k));
            i += k + 1;
        } else {
            cells.push((start, i..b.len()));
            return Ok(());
        }
    }
}
