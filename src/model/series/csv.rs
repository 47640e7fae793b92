//! Reading a monitoring CSV: a header row, the time in one column or several, value columns, empty
//! cells and the file's own missing-value marks as gaps; a long table (time, station, value) read as
//! one record per category. The header is found line by line, the rows after it are streamed
//! through the `csv` crate (files up to [`MAX_SERIES_BYTES`]; see `rows`), only the columns asked
//! for are kept, and every problem is reported with its `file:line:column` and what was expected;
//! a file with any problem gives no values at all.

use std::io::Read as _;
use std::path::Path;

use super::cells::{
    BadQuote, MAX_HEADER_ROWS, Problems, char_column, joined_header, separator, split, strip_bom,
    trim_eol,
};
use super::encoding::TextEncoding;
use super::rows::{Next, Rows};
use super::times::TimeReader;
use crate::model::time::{Instant, Precision};
use crate::model::zone::Zone;
use crate::model::{Location, Msg, Problem};

/// Larger files are refused before they are read.
pub const MAX_SERIES_BYTES: u64 = 1024 * 1024 * 1024;

/// Cells that mean "no value": an empty cell, and the markers statistics software writes.
const GAP_MARKS: [&str; 6] = ["", "NA", "N/A", "NaN", "null", "-"];

/// The columns read from one file: one time line shared by every value column.
#[derive(Debug)]
pub struct CsvColumns {
    /// The first row's instant.
    pub start: Instant,
    /// Each row's instant after `start`, in ticks of `unit` seconds.
    pub offsets: Vec<u32>,
    /// Seconds an offset counts: 1, or a minute for a record longer than 136 years.
    pub unit: i64,
    /// How finely the times are written (the finest of any row).
    pub precision: Precision,
    /// The value columns asked for, in the order asked, NaN for gaps.
    pub values: Vec<Vec<f64>>,
}

impl Default for CsvColumns {
    fn default() -> Self {
        Self {
            start: Instant::default(),
            offsets: Vec::new(),
            unit: 1,
            precision: Precision::default(),
            values: Vec::new(),
        }
    }
}

/// The most columns a time is written in: year, month, day, hour, minute, second.
pub const MAX_TIME_COLUMNS: usize = 6;

/// How a table is laid out, as its record's declaration says (or the draft found).
#[derive(Clone, Debug, Default)]
pub struct Layout {
    /// The time's column or columns (year, month, day, hour … or a date and a time of day).
    pub time: Vec<String>,
    /// A strptime format when the time is not ISO 8601; several columns are joined with a space.
    pub format: Option<String>,
    /// The zone of times written without an offset.
    pub zone: Zone,
    /// The file's own marks for "no value" (`?`, `-999`), beside the empty cell and `NA`.
    pub missing: Vec<String>,
    /// A long table's category column: each indicator reads the rows of one of its values.
    pub by: Option<String>,
    /// The header's line (1-based) when lines before it are notes; else the first line with text.
    pub header_line: Option<usize>,
    /// The rows the header is written over (merged cells above their parts); one when 0.
    pub header_rows: usize,
    /// The separator when it is not found from the header.
    pub separator: Option<u8>,
    /// Numbers written with a decimal comma (`12,5`).
    pub decimal_comma: bool,
    /// The text's encoding (a byte-order mark decides over it).
    pub encoding: TextEncoding,
}

impl Layout {
    /// An ISO 8601 time in one column, China's time: the form every older data file has.
    pub fn iso(time: &str) -> Self {
        Self {
            time: vec![time.to_owned()],
            ..Self::default()
        }
    }
}

/// Read `time` and `columns` of the CSV at `path`; `name` is how messages name the file.
pub fn read_csv(
    path: &Path,
    name: &str,
    time: &str,
    columns: &[&str],
) -> Result<CsvColumns, Vec<Problem>> {
    let mut groups = read_table(path, name, &Layout::iso(time), columns, &[])?;
    Ok(groups.pop().unwrap_or_default())
}

/// Read `columns` of the table at `path` laid out as `layout`: one [`CsvColumns`] for each of
/// `categories` when the layout has a `by` column (in their order), else one.
pub fn read_table(
    path: &Path,
    name: &str,
    layout: &Layout,
    columns: &[&str],
    categories: &[&str],
) -> Result<Vec<CsvColumns>, Vec<Problem>> {
    let at = |line: usize, column: usize| Location::at(name, line, column);
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
    let reader = layout.encoding.reader(file.take(MAX_SERIES_BYTES + 1));
    read_table_from(reader, name, layout, columns, categories)
}

/// [`read_csv`] from any reader (tests and the fuzz target read from memory).
pub fn read_csv_from(
    reader: impl std::io::BufRead,
    name: &str,
    time: &str,
    columns: &[&str],
) -> Result<CsvColumns, Vec<Problem>> {
    let mut groups = read_table_from(reader, name, &Layout::iso(time), columns, &[])?;
    Ok(groups.pop().unwrap_or_default())
}

/// One category's rows as they are read.
#[derive(Default)]
struct Group {
    out: CsvColumns,
    first: Option<Instant>,
    precision: Option<Precision>,
    last: Option<(Instant, usize)>,
}

/// [`read_table`] from any reader.
// The row loop is the hot path of a 10-million-row record: split into steps it measured slower
// (benches/timeseries, load and check of 1M rows: 137 ms split, 110 ms whole), so it stays one body.
#[allow(clippy::too_many_lines)]
pub fn read_table_from(
    mut reader: impl std::io::BufRead,
    name: &str,
    layout: &Layout,
    columns: &[&str],
    categories: &[&str],
) -> Result<Vec<CsvColumns>, Vec<Problem>> {
    let mut problems = Problems::new(name);
    let mut buf: Vec<u8> = Vec::new();
    let mut line_no = 0usize;
    let time_column = layout.time.join(", ");
    // The header: the line the layout names, or the first that is not empty.
    let header = loop {
        buf.clear();
        let n = reader
            .read_until(b'\n', &mut buf)
            .map_err(|e| problems.fatal(line_no + 1, &e))?;
        if n == 0 {
            problems.add(
                line_no.max(1),
                1,
                Msg::new(
                    "the series file is empty; expected a header row naming its columns, then a row a time",
                    "序列文件为空；应先有一行表头列出各列名称，再每个时间一行",
                ),
            );
            return Err(problems.finish());
        }
        line_no += 1;
        if layout.header_line.is_some_and(|h| line_no < h) {
            continue;
        }
        let text = String::from_utf8_lossy(strip_bom(trim_eol(&buf))).into_owned();
        if !text.trim().is_empty() {
            break text;
        }
    };
    let header_line = line_no;
    let sep = layout.separator.unwrap_or_else(|| separator(&header));
    // A header over several rows: the lines after the first; any of them may hold a quoted cell
    // over several lines (Alt+Enter in Excel).
    let mut header_rows = Vec::new();
    let mut row = header;
    loop {
        row = whole_row(row, &mut reader, &mut buf, &mut line_no, sep)
            .map_err(|e| problems.fatal(line_no + 1, &e))?;
        header_rows.push(row);
        if header_rows.len() >= layout.header_rows.clamp(1, MAX_HEADER_ROWS) {
            break;
        }
        buf.clear();
        let n = reader
            .read_until(b'\n', &mut buf)
            .map_err(|e| problems.fatal(line_no + 1, &e))?;
        if n == 0 {
            break;
        }
        line_no += 1;
        row = String::from_utf8_lossy(trim_eol(&buf)).into_owned();
    }
    let mut split_rows: Vec<Vec<String>> = Vec::new();
    for (k, row) in header_rows.iter().enumerate() {
        match split(row, sep) {
            Ok(cells) => split_rows.push(cells.into_iter().map(|(_, c)| c).collect()),
            Err(bad) => {
                problems.add(
                    header_line + k,
                    char_column(row.as_bytes(), bad.at()),
                    bad.msg(),
                );
                return Err(problems.finish());
            }
        }
    }
    let names = joined_header(&split_rows);
    let body_line = line_no + 1;
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
    if layout.time.is_empty() || layout.time.len() > MAX_TIME_COLUMNS {
        problems.add(
            header_line,
            1,
            Msg::new(
                format!("the time is declared in {} columns; expected one to {MAX_TIME_COLUMNS} (year, month, day, hour, minute, second)", layout.time.len()),
                format!("时间声明为 {} 列；应为 1 到 {MAX_TIME_COLUMNS} 列（年、月、日、时、分、秒）", layout.time.len()),
            ),
        );
        return Err(problems.finish());
    }
    let time_at: Vec<Option<usize>> = layout.time.iter().map(|c| find(c, &mut problems)).collect();
    let value_at: Vec<Option<usize>> = columns.iter().map(|c| find(c, &mut problems)).collect();
    let by_at = layout.by.as_deref().map(|c| find(c, &mut problems));
    let (Some(time_at), Some(value_at)) = (
        time_at.into_iter().collect::<Option<Vec<usize>>>(),
        value_at.into_iter().collect::<Option<Vec<usize>>>(),
    ) else {
        return Err(problems.finish());
    };
    let by_at = match by_at {
        Some(None) => return Err(problems.finish()),
        Some(Some(at)) => Some(at),
        None => None,
    };
    let headers: Vec<&str> = layout.time.iter().map(String::as_str).collect();
    let mut times = match TimeReader::new(&headers, layout.format.as_deref(), layout.zone.clone()) {
        Ok(t) => t,
        Err(bad) => {
            problems.add(
                header_line,
                1,
                Msg::new(bad.to_string(), format!("`{}` 不是能给出日期的时间格式；应为 %Y%m%d、%d/%m/%Y %H:%M、%Y年%m月%d日 这样的 strptime 字段", bad.0)),
            );
            return Err(problems.finish());
        }
    };
    let group_count = if by_at.is_some() { categories.len() } else { 1 };
    let mut groups: Vec<Group> = (0..group_count)
        .map(|_| Group {
            out: CsvColumns {
                values: vec![Vec::new(); columns.len()],
                ..CsvColumns::default()
            },
            ..Group::default()
        })
        .collect();
    // The categories met that no indicator reads, for the message when one is missing.
    let mut others: Vec<String> = Vec::new();
    let widest = value_at
        .iter()
        .chain(&time_at)
        .chain(by_at.as_ref())
        .copied()
        .max()
        .unwrap_or(0);
    let mut number = String::new();
    let mut rows = Rows::new(reader, sep, body_line);
    loop {
        let row = match rows.next().map_err(|e| problems.fatal(line_no + 1, &e))? {
            Next::End => break,
            Next::BadQuotes { line, column, msg } => {
                problems.add(line, column, msg);
                line_no = line;
                continue;
            }
            Next::NotText(line) => {
                problems.add(
                    line,
                    1,
                    Msg::new(
                        "the line is not UTF-8 text; expected the file saved as UTF-8, or its encoding named in the record (`encoding: \"GB18030\"` for GBK, as Excel on Chinese Windows saves a CSV)",
                        "此行不是 UTF-8 文本；文件应保存为 UTF-8 编码，或在记录中写明其编码（GBK 写 `encoding: \"GB18030\"`，中文版 Excel 保存的 CSV 即是）",
                    ),
                );
                line_no = line;
                continue;
            }
            Next::Row(row) => row,
        };
        line_no = row.line;
        if row.len() <= widest {
            let (line, column) = row.end();
            problems.add(
                line,
                column,
                Msg::new(
                    format!(
                        "the row has {} cells; expected {} as the header has, up to column `{}`",
                        row.len(),
                        names.len(),
                        names.get(widest).map_or("", String::as_str)
                    ),
                    format!(
                        "此行有 {} 个单元格；应与表头一样有 {} 个，至少到 `{}` 列",
                        row.len(),
                        names.len(),
                        names.get(widest).map_or("", String::as_str)
                    ),
                ),
            );
            continue;
        }
        let cell = |i: usize| row.cell(i);
        // The category: rows of one no indicator reads are passed over.
        let g = match by_at {
            None => 0,
            Some(at) => {
                let text = cell(at);
                if let Some(g) = categories.iter().position(|c| *c == text) {
                    g
                } else {
                    if others.len() < 20 && !others.iter().any(|o| o == text) {
                        others.push(text.to_owned());
                    }
                    continue;
                }
            }
        };
        let group = &mut groups[g];
        // The time.
        // On the stack: a row's time is at most six columns (the declaration is checked for it).
        let mut time_cells = [""; MAX_TIME_COLUMNS];
        for (slot, &i) in time_cells.iter_mut().zip(&time_at) {
            *slot = cell(i);
        }
        let time_cells = &time_cells[..time_at.len().min(MAX_TIME_COLUMNS)];
        let time_place = || row.place(time_at.first().copied().unwrap_or(0));
        let t = match times.read(time_cells) {
            Ok((t, p)) => {
                group.precision = Some(group.precision.map_or(p, |q| q.max(p)));
                Some(t)
            }
            Err(expected) => {
                let text = time_cells.join(" ");
                let (line, column) = time_place();
                problems.add(
                    line,
                    column,
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
            if let Some((prev, prev_line)) = group.last
                && t <= prev
            {
                let shown = layout.zone.format_labelled(t, Precision::Second);
                let (en, zh) = if t == prev {
                    (
                        format!(
                            "the time {shown} is also on line {prev_line}; expected one row a time{}",
                            by_note(layout)
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
                let (line, column) = time_place();
                problems.add(line, column, Msg::new(en, zh));
            } else {
                let base = *group.first.get_or_insert(t);
                if let Err(msg) = push_offset(group, t - base) {
                    let (line, column) = time_place();
                    problems.add(line, column, msg);
                }
                group.last = Some((t, line_no));
            }
        }
        // The values.
        for (k, &col) in value_at.iter().enumerate() {
            let text = cell(col);
            let value = if GAP_MARKS.iter().any(|m| m.eq_ignore_ascii_case(text))
                || layout.missing.iter().any(|m| m == text)
            {
                Some(f64::NAN)
            } else if layout.decimal_comma && text.contains(',') {
                number.clear();
                number.extend(text.chars().map(|c| if c == ',' { '.' } else { c }));
                number.parse::<f64>().ok().filter(|v| v.is_finite())
            } else {
                text.parse::<f64>().ok().filter(|v| v.is_finite())
            };
            if let Some(v) = value {
                group.out.values[k].push(v);
            } else {
                let (line, column) = row.place(col);
                let column_name = columns[k];
                problems.add(
                    line,
                    column,
                    Msg::new(
                        format!(
                            "`{text}` in column `{column_name}` is not a number; expected a plain number such as 35 or 12.5 (no unit, no thousands separator), an empty cell, or a mark named in the record's `missing`"
                        ),
                        format!(
                            "`{column_name}` 列的 `{text}` 不是数字；应为 35、12.5 这样的数字（不带单位和千位分隔符），无数值时留空，或用记录的 `missing` 列出的标记"
                        ),
                    ),
                );
            }
        }
        if !problems.is_empty() {
            // Once anything is wrong no values are kept: the rest is read only for its problems.
            for g in &mut groups {
                g.out.offsets.clear();
                for v in &mut g.out.values {
                    v.clear();
                }
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems.finish());
    }
    for (g, group) in groups.iter().enumerate() {
        if !group.out.offsets.is_empty() {
            continue;
        }
        let (en, zh) = match (layout.by.as_deref(), categories.get(g)) {
            (Some(by), Some(category)) => {
                let list = others.join(", ");
                (
                    format!("no row has `{category}` in column `{by}`; the column holds: {list}"),
                    format!("没有 `{by}` 列为 `{category}` 的行；该列有：{list}"),
                )
            }
            _ => (
                "the series file has a header but no rows; expected a row a time".to_owned(),
                "序列文件只有表头，没有数据行；应每个时间一行".to_owned(),
            ),
        };
        problems.add(body_line, 1, Msg::new(en, zh));
    }
    if !problems.is_empty() {
        return Err(problems.finish());
    }
    Ok(groups
        .into_iter()
        .map(|mut g| {
            g.out.start = g.first.unwrap_or_default();
            g.out.precision = g.precision.unwrap_or_default();
            g.out.offsets.shrink_to_fit();
            for v in &mut g.out.values {
                v.shrink_to_fit();
            }
            g.out
        })
        .collect())
}

/// A row's time, `seconds` after the first, onto its group's offsets: in seconds while they fit
/// 32 bits (136 years), then in minutes for times written no finer (8,000 years).
fn push_offset(group: &mut Group, seconds: i64) -> Result<(), Msg> {
    use super::{MINUTE_TICKS, ticks};
    if group.out.unit == 1
        && u32::try_from(seconds).is_err()
        && group.precision.is_some_and(|p| p < Precision::Second)
    {
        for o in &mut group.out.offsets {
            *o = ticks(i64::from(*o), MINUTE_TICKS) as u32;
        }
        group.out.unit = MINUTE_TICKS;
    }
    match u32::try_from(ticks(seconds, group.out.unit)) {
        // Times under a minute apart meet in one minute once kept in minutes.
        Ok(off) if group.out.offsets.last().is_some_and(|&last| off <= last) => Err(Msg::new(
            "the time is within a minute of the row before it in a record longer than 136 years, which keeps its times to the minute; expected one row a minute at most",
            "序列跨越超过 136 年，时间按分钟保存，此行与上一行相隔不到一分钟；应每分钟至多一行",
        )),
        Ok(off) => {
            group.out.offsets.push(off);
            Ok(())
        }
        Err(_) if group.out.unit == 1 => Err(Msg::new(
            "the series spans more than 136 years from its first row with times written to the second; expected a shorter record a file, or times to the minute",
            "序列从第一行起跨越超过 136 年且时间精确到秒；每个文件应记录更短的时段，或时间只写到分钟",
        )),
        Err(_) => Err(Msg::new(
            "the series spans more than 8,000 years from its first row; expected a shorter record a file",
            "序列从第一行起跨越超过 8000 年；每个文件应记录更短的时段",
        )),
    }
}

/// `row` and the lines after it while a quoted cell of it is open, as the rows after the header
/// are read (at most 20 lines).
fn whole_row(
    mut row: String,
    reader: &mut impl std::io::BufRead,
    buf: &mut Vec<u8>,
    line_no: &mut usize,
    sep: u8,
) -> std::io::Result<String> {
    for _ in 0..20 {
        if !matches!(split(&row, sep), Err(BadQuote::Unclosed(_))) {
            break;
        }
        buf.clear();
        if reader.read_until(b'\n', buf)? == 0 {
            break;
        }
        *line_no += 1;
        row.push('\n');
        row.push_str(&String::from_utf8_lossy(trim_eol(buf)));
    }
    Ok(row)
}

/// A repeated time in a long table is often a category column not declared: say so.
fn by_note(layout: &Layout) -> &'static str {
    if layout.by.is_some() {
        ""
    } else {
        " (a long table, one row a time and a station or source, declares its category column with `by`)"
    }
}
