//! Reading a monitoring CSV: a header row, a time column in ISO 8601, value columns, empty cells as
//! gaps. The file is streamed a line at a time (files up to [`MAX_SERIES_BYTES`]), only the columns
//! asked for are kept, and every problem is reported with its `file:line:column` and what was
//! expected; a file with any problem gives no values at all.

use std::io::{BufReader, Read as _};
use std::path::Path;

use crate::model::time::{self, Instant, Precision};
use crate::model::{Location, Msg, Problem};

mod rows;
use rows::Rows;

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
///
/// The steps in the file's order: the header, the columns asked for in it, then every row; a
/// problem in a row does not stop the reading, so one run lists them all.
pub fn read_csv_from(
    reader: impl std::io::BufRead,
    name: &str,
    time_column: &str,
    columns: &[&str],
) -> Result<CsvColumns, Vec<Problem>> {
    let mut problems = Problems {
        name,
        listed: Vec::new(),
        more: 0,
    };
    let mut lines = Lines {
        reader,
        buf: Vec::new(),
        line_no: 0,
    };
    let Some(header) = read_header(&mut lines, &mut problems)? else {
        return Err(problems.finish());
    };
    let Some((time_at, value_at)) = header.find_columns(time_column, columns, &mut problems) else {
        return Err(problems.finish());
    };
    let mut rows = Rows::new(&header, time_at, value_at, time_column, columns);
    while let Some((line_no, raw)) = lines.next(&mut problems)? {
        rows.read(line_no, raw, &mut problems);
    }
    rows.finish(problems)
}

/// The file's lines, one buffer reused for all, counted from 1.
struct Lines<R> {
    reader: R,
    buf: Vec<u8>,
    line_no: usize,
}

impl<R: std::io::BufRead> Lines<R> {
    /// The next line without its line end, `None` at the end of the file; a read error ends the
    /// reading with the problems so far (the file cannot be trusted past it).
    fn next(
        &mut self,
        problems: &mut Problems<'_>,
    ) -> Result<Option<(usize, &[u8])>, Vec<Problem>> {
        self.buf.clear();
        let n = self
            .reader
            .read_until(b'\n', &mut self.buf)
            .map_err(|e| problems.fatal(self.line_no + 1, &e))?;
        if n == 0 {
            return Ok(None);
        }
        self.line_no += 1;
        Ok(Some((self.line_no, trim_eol(&self.buf))))
    }
}

/// The header row: where it is, the separator it uses, and its column names.
struct Header {
    line: usize,
    sep: u8,
    names: Vec<String>,
}

/// The header: the first line that is not empty. `None` (with the problem added) when the file is
/// empty or the header's quotes are broken, since nothing after it can be read without it.
fn read_header<R: std::io::BufRead>(
    lines: &mut Lines<R>,
    problems: &mut Problems<'_>,
) -> Result<Option<Header>, Vec<Problem>> {
    let (line, text) = loop {
        let Some((line_no, raw)) = lines.next(problems)? else {
            problems.add(
                1,
                1,
                Msg::new(
                    "the series file is empty; expected a header row naming its columns, then a row a time",
                    "序列文件为空；应先有一行列名，再每个时间一行",
                ),
            );
            return Ok(None);
        };
        let text = String::from_utf8_lossy(strip_bom(raw)).into_owned();
        if !text.trim().is_empty() {
            break (line_no, text);
        }
    };
    let sep = separator(&text);
    match split(&text, sep) {
        Ok(cells) => Ok(Some(Header {
            line,
            sep,
            names: cells
                .into_iter()
                .map(|(_, c)| c.trim().to_owned())
                .collect(),
        })),
        Err(bad) => {
            problems.add(line, bad.column(), bad.msg());
            Ok(None)
        }
    }
}

impl Header {
    /// Where the time column and each value column asked for are; `None` when any is missing,
    /// after a problem for every one missing (so one run names them all).
    fn find_columns(
        &self,
        time_column: &str,
        columns: &[&str],
        problems: &mut Problems<'_>,
    ) -> Option<(usize, Vec<usize>)> {
        let time_at = self.find(time_column, problems);
        let value_at: Vec<Option<usize>> = columns.iter().map(|c| self.find(c, problems)).collect();
        Some((
            time_at?,
            value_at.into_iter().collect::<Option<Vec<usize>>>()?,
        ))
    }

    fn find(&self, wanted: &str, problems: &mut Problems<'_>) -> Option<usize> {
        let found = self.names.iter().position(|n| n == wanted);
        if found.is_none() {
            let list = self.names.join(", ");
            problems.add(
                self.line,
                1,
                Msg::new(
                    format!("no column is headed `{wanted}`; the header names: {list}"),
                    format!("没有列名为 `{wanted}` 的列；表头的列名是：{list}"),
                ),
            );
        }
        found
    }
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
