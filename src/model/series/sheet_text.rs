//! A sheet's cells as the lines of a tab-separated table, what a person sees in each: an Excel date
//! serial as its ISO 8601 date (and time of day, when it has one), a serial below 1 as a time of
//! day `13:00:00`, a number as the shortest decimal that reads back to the same value, a text with
//! its tabs and line breaks as spaces. Line n of the text is the sheet's row n.
//!
//! An .xlsx sheet is streamed cell by cell (its XML is never held whole, and a draft's look at the
//! head stops early); the other formats are read whole by `calamine` first.

use std::fmt::Write as _;
use std::io::{Read, Seek};

use calamine::{CellErrorType, Data, DataRef, ExcelDateTime, Range, XlsxCellReader};

/// One cell's value, whichever way calamine gave it.
enum Value<'a> {
    Empty,
    Int(i64),
    Float(f64),
    Bool(bool),
    Text(&'a str),
    Duration(&'a str),
    Error(&'a CellErrorType),
    Date(ExcelDateTime),
}

impl<'a> Value<'a> {
    fn of(d: &'a Data) -> Self {
        match d {
            Data::Empty => Self::Empty,
            Data::Int(i) => Self::Int(*i),
            Data::Float(f) => Self::Float(*f),
            Data::Bool(b) => Self::Bool(*b),
            Data::String(s) | Data::DateTimeIso(s) => Self::Text(s),
            Data::DurationIso(s) => Self::Duration(s),
            Data::Error(e) => Self::Error(e),
            Data::DateTime(dt) => Self::Date(*dt),
        }
    }

    fn of_ref(d: &'a DataRef<'_>) -> Self {
        match d {
            DataRef::Empty => Self::Empty,
            DataRef::Int(i) => Self::Int(*i),
            DataRef::Float(f) => Self::Float(*f),
            DataRef::Bool(b) => Self::Bool(*b),
            DataRef::String(s) | DataRef::DateTimeIso(s) => Self::Text(s),
            DataRef::SharedString(s) => Self::Text(s),
            DataRef::DurationIso(s) => Self::Duration(s),
            DataRef::Error(e) => Self::Error(e),
            DataRef::DateTime(dt) => Self::Date(*dt),
        }
    }
}

/// A whole sheet as text, up to about `limit` bytes (whole rows); whether it stopped early.
pub fn range_text(range: &Range<Data>, limit: usize) -> (String, bool) {
    let (first_row, _) = range.start().unwrap_or((0, 0));
    let mut text = String::with_capacity(
        (range.height() * range.width() * 8 + first_row as usize).min(limit.saturating_add(1024)),
    );
    text.extend(std::iter::repeat_n('\n', first_row as usize));
    for row in range.rows() {
        if text.len() > limit {
            return (text, true);
        }
        for (k, cell) in row.iter().enumerate() {
            if k > 0 {
                text.push('\t');
            }
            cell_text(&Value::of(cell), &mut text);
        }
        text.push('\n');
    }
    (text, false)
}

/// An .xlsx sheet streamed as text. `first_column`: the sheet's first column as its dimension
/// declares it (0 when it declares none); each row is padded to the widest row met. `None` when
/// a cell comes out of order or before the first column: the caller then reads the sheet whole.
///
/// `flush`, when given, is handed the text whenever a row ends past [`CHUNK`] bytes (and takes
/// it); it says `false` when no one reads any more. Then the rows must not widen: `width` is the
/// table's width from its dimension.
pub fn streamed_text<RS: Read + Seek>(
    cells: &mut XlsxCellReader<'_, RS>,
    first_column: u32,
    width: usize,
    limit: usize,
    mut flush: Option<&mut dyn FnMut(&mut String) -> bool>,
) -> Result<Option<(String, bool)>, calamine::XlsxError> {
    let dims = cells.dimensions();
    // Room from the declared dimension, but never more than 64 MB: a dimension is what the file
    // says, not what it holds (A1:XFD1048576 over three cells).
    let mut text = String::with_capacity(
        usize::try_from(dims.len().saturating_mul(8))
            .unwrap_or(usize::MAX)
            .min(limit.saturating_add(1024))
            .min(64 << 20),
    );
    // The line being written (0-based sheet row), the cells written on it, the widest row so far,
    // and whether a row was padded to less than the width the table turned out to have.
    let mut row: u32 = 0;
    let mut written = 0usize;
    let mut width = width;
    let mut padded_to: Option<usize> = None;
    let mut cut = false;
    while let Some(cell) = cells.next_cell()? {
        let (r, c) = cell.get_position();
        if r < row || c < first_column {
            return Ok(None);
        }
        if r > row {
            if written > 0 {
                width = width.max(written);
                text.extend(std::iter::repeat_n('\t', width - written));
                padded_to = Some(padded_to.map_or(width, |p| p.min(width)));
            }
            if text.len() > limit {
                cut = true;
                break;
            }
            if let Some(flush) = flush.as_mut()
                && text.len() >= CHUNK
                && !flush(&mut text)
            {
                return Ok(None);
            }
            text.extend(std::iter::repeat_n('\n', (r - row) as usize));
            row = r;
            written = 0;
        }
        let k = (c - first_column) as usize;
        if k < written {
            return Ok(None);
        }
        // Empty cells up to this one, then this one.
        while written < k + 1 {
            if written > 0 {
                text.push('\t');
            }
            written += 1;
        }
        cell_text(&Value::of_ref(cell.get_value()), &mut text);
    }
    if written > 0 && !cut {
        width = width.max(written);
        text.extend(std::iter::repeat_n('\t', width - written));
        padded_to = Some(padded_to.map_or(width, |p| p.min(width)));
        text.push('\n');
    }
    // Rows met before a wider one get the cells they lack, so every row has the table's width.
    if padded_to.is_some_and(|p| p < width) {
        text = pad_lines(&text, width);
    }
    Ok(Some((text, cut)))
}

/// Every line that has cells given `width` cells.
fn pad_lines(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for line in text.split_inclusive('\n') {
        let body = line.strip_suffix('\n').unwrap_or(line);
        out.push_str(body);
        if !body.is_empty() {
            let tabs = body.bytes().filter(|&b| b == b'\t').count();
            out.extend(std::iter::repeat_n('\t', (width - 1).saturating_sub(tabs)));
        }
        if line.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

/// How much text a streamed sheet hands on at a time.
pub const CHUNK: usize = 1 << 20;

/// A cell's text as the table reader reads it.
fn cell_text(cell: &Value<'_>, out: &mut String) {
    match cell {
        Value::Empty => {}
        Value::Int(i) => {
            let _ = write!(out, "{i}");
        }
        // The shortest decimal that reads back to the same number (ryu: a third of the time of
        // `{f}`, which a million-row sheet spends on every cell).
        // A whole number as a person types it (1850, not 1850.0: calamine gives every number of
        // an .xlsx as a float, and a year or a compact date must read as one).
        Value::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => {
            let _ = write!(out, "{}", *f as i64);
        }
        Value::Float(f) => out.push_str(ryu::Buffer::new().format(*f)),
        Value::Bool(b) => out.push_str(if *b { "TRUE" } else { "FALSE" }),
        Value::Text(s) => quoted(s, out),
        Value::Duration(s) => match iso_duration_clock(s) {
            Some(clock) => out.push_str(&clock),
            None => quoted(s, out),
        },
        Value::Error(e) => {
            let _ = write!(out, "{e}");
        }
        Value::Date(dt) if dt.is_duration() => {
            let secs = (dt.as_f64() * 86_400.0).round() as i64;
            let _ = write!(
                out,
                "{:02}:{:02}:{:02}",
                secs / 3600,
                secs / 60 % 60,
                secs % 60
            );
        }
        Value::Date(dt) => {
            let (y, mo, d, h, mi, s, ms) = dt.to_ymd_hms_milli();
            // A serial below 1 is a time of day alone (Excel's day 0 is no date).
            let clock_only = dt.as_f64() < 1.0;
            if !clock_only {
                let _ = write!(out, "{y:04}-{mo:02}-{d:02}");
            }
            if clock_only || (h, mi, s, ms) != (0, 0, 0, 0) {
                if !clock_only {
                    out.push('T');
                }
                // To the second: monitoring times have no milliseconds to speak of, and the
                // table's ISO times are read to the second.
                let _ = (ms, write!(out, "{h:02}:{mi:02}:{s:02}"));
            }
        }
    }
}

/// A text cell: tabs and line breaks inside it become spaces (a cell is one line of one cell);
/// quoted as CSV quotes when it starts with a quote.
fn quoted(s: &str, out: &mut String) {
    let s = s.trim();
    let flat = |c: char| {
        if matches!(c, '\t' | '\n' | '\r') {
            ' '
        } else {
            c
        }
    };
    if s.starts_with('"') {
        out.push('"');
        for c in s.chars().map(flat) {
            if c == '"' {
                out.push('"');
            }
            out.push(c);
        }
        out.push('"');
    } else {
        out.extend(s.chars().map(flat));
    }
}

/// An ODS time of day, `PT13H05M00S`, as `13:05:00`.
fn iso_duration_clock(s: &str) -> Option<String> {
    let rest = s.strip_prefix("PT")?;
    let (h, rest) = rest.split_once('H')?;
    let (m, rest) = rest.split_once('M')?;
    let sec = rest.strip_suffix('S')?;
    let h: u32 = h.parse().ok()?;
    let m: u32 = m.parse().ok()?;
    let sec: f64 = sec.parse().ok()?;
    // Seconds rounded up to 60 carry into the minute.
    let total = h * 3600 + m * 60 + sec.round() as u32;
    Some(format!(
        "{:02}:{:02}:{:02}",
        total / 3600,
        total / 60 % 60,
        total % 60
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::ExcelDateTimeType;

    fn date(v: f64) -> Data {
        Data::DateTime(ExcelDateTime::new(v, ExcelDateTimeType::DateTime, false))
    }

    #[test]
    fn cells_read_as_a_person_sees_them() {
        let mut range = Range::new((2, 1), (5, 3));
        range.set_value((2, 1), Data::String("日期".into()));
        range.set_value((2, 2), Data::String("PM2.5(μg/m³)".into()));
        range.set_value((2, 3), Data::String("站\t点".into()));
        range.set_value((3, 1), date(45292.0));
        range.set_value((3, 2), Data::Float(35.1));
        range.set_value((3, 3), Data::String("\"龙岗\"".into()));
        range.set_value((4, 1), date(45292.5));
        range.set_value((4, 2), Data::Int(12));
        range.set_value((5, 2), Data::Error(CellErrorType::NA));
        let (text, cut) = range_text(&range, usize::MAX);
        assert!(!cut);
        assert_eq!(
            text,
            "\n\n日期\tPM2.5(μg/m³)\t站 点\n2024-01-01\t35.1\t\"\"\"龙岗\"\"\"\n2024-01-01T12:00:00\t12\t\n\t#N/A\t\n"
        );
        let (head, cut) = range_text(&range, 10);
        assert!(cut && head.lines().count() < text.lines().count());
    }

    #[test]
    fn whole_numbers_read_as_typed_and_times_to_the_second() {
        let mut range = Range::new((0, 0), (1, 2));
        range.set_value((0, 0), Data::Float(1850.0));
        range.set_value((0, 1), Data::Float(20_240_101.0));
        range.set_value((0, 2), Data::Float(-0.25));
        range.set_value((1, 0), date(45_292.500_005_8));
        let (text, _) = range_text(&range, usize::MAX);
        assert_eq!(text, "1850\t20240101\t-0.25\n2024-01-01T12:00:00\t\t\n");
    }

    #[test]
    fn rows_met_before_a_wider_one_are_padded_to_its_width() {
        assert_eq!(
            pad_lines("\ntitle\na\tb\n1\n\n", 3),
            "\ntitle\t\t\na\tb\t\n1\t\t\n\n"
        );
    }

    #[test]
    fn times_of_day_read_as_clock_times() {
        let mut range = Range::new((0, 0), (2, 1));
        range.set_value((0, 0), Data::String("Date".into()));
        range.set_value((0, 1), Data::String("Time".into()));
        range.set_value((1, 0), date(45292.0));
        range.set_value((1, 1), date(0.75));
        range.set_value((2, 0), date(45293.0));
        range.set_value((2, 1), date(0.0));
        let (text, _) = range_text(&range, usize::MAX);
        assert_eq!(
            text,
            "Date\tTime\n2024-01-01\t18:00:00\n2024-01-02\t00:00:00\n"
        );
        assert_eq!(
            iso_duration_clock("PT13H05M00S").as_deref(),
            Some("13:05:00")
        );
        assert_eq!(
            iso_duration_clock("PT13H05M59.6S").as_deref(),
            Some("13:06:00")
        );
    }
}
