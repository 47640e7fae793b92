//! A table's rows after its header, read by the `csv` crate: a quoted cell may hold the separator,
//! `""` and line breaks. Each row keeps the line it starts on and its bytes as written, so a
//! problem is placed on its cell's line and column even after quoted cells, and the quotes the
//! crate would read leniently (text after a closing quote, a quote never closed) are named instead.

use std::io::{BufRead, Read};
use std::ops::Range;

use ::csv::{ByteRecord, ReaderBuilder};

use super::cells::{BadQuote, char_column, split_into, trim_eol, unclosed_quote};
use crate::model::Msg;

/// What was read before the current row is forgotten once it is this long.
const KEEP: usize = 1 << 20;

/// The csv crate's own buffer: large enough that a row seldom spans two reads.
const CSV_BUFFER: usize = 1 << 16;

/// The longest row read: past it a quoted cell is taken as never closed, not as a cell that runs
/// to the end of the file (which would hold it all in memory twice).
const MAX_ROW_BYTES: u64 = 16 << 20;

/// The bytes handed to the csv crate, kept from the start of the row being read (the crate reads
/// ahead, and gives each row's offset in the stream).
struct Tee<R> {
    inner: R,
    seen: Vec<u8>,
    /// The stream offset of `seen[0]`.
    base: u64,
    /// The stream offset where the row being read starts.
    row_start: u64,
}

/// The tee's refusal of a row longer than [`MAX_ROW_BYTES`].
#[derive(Debug)]
struct RowTooLong;

impl std::fmt::Display for RowTooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "a row longer than {MAX_ROW_BYTES} bytes")
    }
}

impl std::error::Error for RowTooLong {}

impl<R: BufRead> Read for Tee<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.base + self.seen.len() as u64 - self.row_start > MAX_ROW_BYTES {
            return Err(std::io::Error::other(RowTooLong));
        }
        let n = self.inner.read(buf)?;
        self.seen.extend_from_slice(&buf[..n]);
        Ok(n)
    }
}

/// The rows of a table's body, read one at a time.
pub(super) struct Rows<R> {
    csv: ::csv::Reader<Tee<R>>,
    record: ByteRecord,
    /// The file's line of the body's first byte (the line after the header).
    first_line: usize,
    /// Line breaks the crate does not count (a lone `\r`, as old Mac files end lines).
    uncounted_lines: usize,
    /// Whether the last row's line break was a `\r` (the `\n` of a `\r\n` is the next row's).
    after_cr: bool,
    sep: u8,
    /// A row with quotes, split as planboard reads quotes: its cells' text and their ranges.
    quoted: String,
    quoted_ranges: Vec<Range<usize>>,
    cells: Vec<(usize, Range<usize>)>,
}

/// What comes next in a table's body.
pub(super) enum Next<'a> {
    Row(Row<'a>),
    /// A row whose quotes cannot be read: where, and why.
    BadQuotes {
        line: usize,
        column: usize,
        msg: Msg,
    },
    /// The row is not UTF-8 text, on this line.
    NotText(usize),
    End,
}

/// One row: its cells and its text as written.
pub(super) struct Row<'a> {
    /// The file's line the row starts on (1-based).
    pub line: usize,
    /// The row's cells, quotes removed, as one text.
    text: &'a str,
    cells: Cells<'a>,
    /// The row as written, from its first character to before its line break.
    raw: &'a [u8],
    sep: u8,
}

/// Where a row's cells are in its text.
enum Cells<'a> {
    /// As the csv crate read them (a row with no quote).
    Read(&'a ByteRecord),
    /// As planboard splits a row with quotes (spaces may stand before an opening quote).
    Split(&'a [Range<usize>]),
}

impl<R: BufRead> Rows<R> {
    /// The rows of `reader`, whose first byte is on the file's line `first_line`.
    pub(super) fn new(reader: R, sep: u8, first_line: usize) -> Self {
        let csv = ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(sep)
            .buffer_capacity(CSV_BUFFER)
            .from_reader(Tee {
                inner: reader,
                seen: Vec::with_capacity(KEEP + CSV_BUFFER),
                base: 0,
                row_start: 0,
            });
        Self {
            csv,
            record: ByteRecord::new(),
            first_line,
            uncounted_lines: 0,
            after_cr: false,
            sep,
            quoted: String::new(),
            quoted_ranges: Vec::new(),
            cells: Vec::new(),
        }
    }

    /// The next row with text; lines of spaces (and separators that are spaces) only are passed
    /// over.
    pub(super) fn next(&mut self) -> std::io::Result<Next<'_>> {
        // The row's bytes in what the tee kept, and its line; only numbers leave the loop.
        let (from, to, line) = loop {
            let pos = self.csv.position().clone();
            let tee = self.csv.get_mut();
            let done = usize::try_from(pos.byte() - tee.base).unwrap_or(usize::MAX);
            if done > KEEP {
                tee.seen.drain(..done.min(tee.seen.len()));
                tee.base = pos.byte();
            }
            tee.row_start = pos.byte();
            let read = self.csv.read_byte_record(&mut self.record);
            let tee = self.csv.get_ref();
            let from = usize::try_from(pos.byte() - tee.base).unwrap_or(usize::MAX);
            let to = match &read {
                Ok(_) => usize::try_from(self.csv.position().byte() - tee.base)
                    .unwrap_or(usize::MAX)
                    .min(tee.seen.len()),
                Err(_) => tee.seen.len(),
            };
            let written = tee.seen.get(from..to).unwrap_or_default();
            // The crate passes over empty lines before a row: the row starts after them.
            let blank = written
                .iter()
                .take_while(|&&b| b == b'\n' || b == b'\r')
                .count();
            let prefix = &written[..blank];
            // A lone `\r` ends a line the crate does not count: the last row's, or a blank one.
            let lone_cr = lone_crs(prefix, written.get(blank).copied())
                + usize::from(self.after_cr && written.first() != Some(&b'\n'));
            self.uncounted_lines += lone_cr;
            let line = self.first_line - 1
                + usize::try_from(pos.line()).unwrap_or(usize::MAX)
                + newlines(prefix)
                + self.uncounted_lines;
            match read {
                Ok(true) => {}
                Ok(false) => return Ok(Next::End),
                Err(e) => return self.refused(e, from + blank, line),
            }
            self.after_cr = written.last() == Some(&b'\r');
            let raw = trim_eol(&written[blank..]);
            if !raw.iter().all(u8::is_ascii_whitespace) {
                break (from + blank, to, line);
            }
        };
        let seen = &self.csv.get_ref().seen;
        let raw = trim_eol(seen.get(from..to).unwrap_or_default());
        if raw.contains(&b'"') {
            self.cells.clear();
            if let Err(bad) = split_into(raw, self.sep, &mut self.cells) {
                let (lines, column) = place(raw, bad.at());
                return Ok(Next::BadQuotes {
                    line: line + lines,
                    column,
                    msg: bad.msg(),
                });
            }
            let Ok(text) = std::str::from_utf8(raw) else {
                return Ok(Next::NotText(line));
            };
            // Each cell's text, `""` inside quotes read as one quote.
            self.quoted.clear();
            self.quoted_ranges.clear();
            for (_, r) in &self.cells {
                let start = self.quoted.len();
                for (k, piece) in text
                    .get(r.clone())
                    .unwrap_or_default()
                    .split("\"\"")
                    .enumerate()
                {
                    if k > 0 {
                        self.quoted.push('"');
                    }
                    self.quoted.push_str(piece);
                }
                self.quoted_ranges.push(start..self.quoted.len());
            }
            return Ok(Next::Row(Row {
                line,
                text: &self.quoted,
                cells: Cells::Split(&self.quoted_ranges),
                raw,
                sep: self.sep,
            }));
        }
        let record = &self.record;
        let text = std::str::from_utf8(record.as_slice()).ok().filter(|text| {
            // A character cut by a separator is no character either.
            (0..record.len()).all(|i| {
                record
                    .range(i)
                    .is_some_and(|r| text.is_char_boundary(r.start) && text.is_char_boundary(r.end))
            })
        });
        let Some(text) = text else {
            return Ok(Next::NotText(line));
        };
        Ok(Next::Row(Row {
            line,
            text,
            cells: Cells::Read(record),
            raw,
            sep: self.sep,
        }))
    }

    /// The crate's error: a row too long is a quote never closed, placed on that quote; any other
    /// is the reader's I/O error.
    fn refused(&self, err: ::csv::Error, from: usize, line: usize) -> std::io::Result<Next<'_>> {
        let err = into_io(err);
        let too_long = err
            .get_ref()
            .is_some_and(|e| e.downcast_ref::<RowTooLong>().is_some());
        if !too_long {
            return Err(err);
        }
        let raw = self.csv.get_ref().seen.get(from..).unwrap_or_default();
        let mut cells = Vec::new();
        let at = match split_into(raw, self.sep, &mut cells) {
            Err(BadQuote::Unclosed(at)) => at,
            _ => 0,
        };
        let (lines, column) = place(raw, at);
        Ok(Next::BadQuotes {
            line: line + lines,
            column,
            msg: unclosed_quote(),
        })
    }
}

impl Row<'_> {
    /// How many cells the row has.
    pub(super) fn len(&self) -> usize {
        match self.cells {
            Cells::Read(record) => record.len(),
            Cells::Split(ranges) => ranges.len(),
        }
    }

    /// Cell `i`'s text without the spaces around it ("" past the row's end).
    pub(super) fn cell(&self, i: usize) -> &str {
        let range = match self.cells {
            Cells::Read(record) => record.range(i),
            Cells::Split(ranges) => ranges.get(i).cloned(),
        };
        range
            .and_then(|r| self.text.get(r))
            .unwrap_or_default()
            .trim()
    }

    /// The file's line and column where cell `i`'s text starts, for a problem in it.
    pub(super) fn place(&self, i: usize) -> (usize, usize) {
        let mut cells: Vec<(usize, Range<usize>)> = Vec::new();
        let _ = split_into(self.raw, self.sep, &mut cells);
        let at = cells.get(i).map_or(self.raw.len(), |(_, r)| {
            let lead = self.raw[r.clone()]
                .iter()
                .take_while(|b| b.is_ascii_whitespace())
                .count();
            r.start + lead
        });
        let (lines, column) = place(self.raw, at);
        (self.line + lines, column)
    }

    /// The file's line and column just after the row's last character.
    pub(super) fn end(&self) -> (usize, usize) {
        let (lines, column) = place(self.raw, self.raw.len());
        (self.line + lines, column)
    }
}

/// Lines after the row's first, and the 1-based column, of byte `at` of a row's text (a line
/// ends at `\n`, `\r\n` or a lone `\r`).
fn place(raw: &[u8], at: usize) -> (usize, usize) {
    let before = &raw[..at.min(raw.len())];
    let lines = newlines(before) + lone_crs(before, raw.get(before.len()).copied());
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n' || b == b'\r')
        .map_or(0, |k| k + 1);
    (
        lines,
        char_column(&before[line_start..], before.len() - line_start),
    )
}

/// The `\r`s of `bytes` not followed by `\n` (`next` is the byte after them).
fn lone_crs(bytes: &[u8], next: Option<u8>) -> usize {
    bytes
        .iter()
        .enumerate()
        .filter(|&(k, &b)| b == b'\r' && bytes.get(k + 1).copied().or(next) != Some(b'\n'))
        .count()
}

/// How many line breaks `bytes` hold: a few blank lines, or a row on the way to a problem's place.
#[allow(clippy::naive_bytecount)] // never over a whole file: not worth a crate
fn newlines(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n').count()
}

/// The csv crate's error as the I/O error it is (a `flexible` reader of bytes has no other).
fn into_io(err: ::csv::Error) -> std::io::Error {
    match err.into_kind() {
        ::csv::ErrorKind::Io(e) => e,
        other => std::io::Error::other(format!("{other:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A row as (line, cells), or a problem at (line, column; 0 for not UTF-8).
    #[derive(Debug, PartialEq)]
    enum Got {
        Row(usize, Vec<String>),
        Bad(usize, usize),
    }

    /// Every row of `text`.
    fn rows(text: &str) -> Vec<Got> {
        let mut rows = Rows::new(text.as_bytes(), b',', 2);
        let mut out = Vec::new();
        loop {
            match rows.next().map_err(|e| e.to_string()) {
                Ok(Next::Row(row)) => out.push(Got::Row(
                    row.line,
                    (0..row.len()).map(|i| row.cell(i).to_owned()).collect(),
                )),
                Ok(Next::BadQuotes { line, column, .. }) => out.push(Got::Bad(line, column)),
                Ok(Next::NotText(line)) => out.push(Got::Bad(line, 0)),
                Ok(Next::End) => return out,
                Err(e) => panic!("{e}"),
            }
        }
    }

    fn row(line: usize, cells: &[&str]) -> Got {
        Got::Row(line, cells.iter().map(|&c| c.to_owned()).collect())
    }

    #[test]
    fn rows_keep_their_lines_across_blank_lines_and_quoted_line_breaks() {
        let text = "2024-01-01,1\n\n\r\n2024-01-02,\"a\nb\",3\n   \n2024-01-03, \"4\" \n";
        assert_eq!(
            rows(text),
            vec![
                row(2, &["2024-01-01", "1"]),
                row(5, &["2024-01-02", "a\nb", "3"]),
                row(8, &["2024-01-03", "4"]),
            ]
        );
    }

    #[test]
    fn a_cell_is_placed_on_its_line_and_column_after_quoted_cells() {
        let text = "\"x,\"\"y\",\"长\n文本\",abc\n";
        let mut rows = Rows::new(text.as_bytes(), b',', 10);
        let Ok(Next::Row(row)) = rows.next() else {
            panic!("a row was expected");
        };
        assert_eq!(row.cell(0), "x,\"y");
        assert_eq!(row.place(0), (10, 2));
        assert_eq!(row.place(2), (11, 5));
        assert_eq!(row.end(), (11, 8));
    }

    #[test]
    fn quotes_the_crate_would_read_leniently_are_named() {
        assert_eq!(
            rows("1,2\n3,\"4\"x,5\n"),
            vec![row(2, &["1", "2"]), Got::Bad(3, 6)]
        );
        assert_eq!(
            rows("1,2\n3,\"4,5\n6,7\n"),
            vec![row(2, &["1", "2"]), Got::Bad(3, 3)]
        );
    }

    #[test]
    fn a_quoted_cell_after_spaces_keeps_its_separator_and_doubled_quotes() {
        assert_eq!(
            rows("2024-01-01, \"a,b\",7,8\n2024-01-02,\"\"\"A\"\"\",7,8\n"),
            vec![
                row(2, &["2024-01-01", "a,b", "7", "8"]),
                row(3, &["2024-01-02", "\"A\"", "7", "8"]),
            ]
        );
    }

    #[test]
    fn blank_rows_of_tabs_are_passed_over_and_lone_carriage_returns_end_lines() {
        let mut tabs = Rows::new(&b"1\t2\n\t\n \t \n3\t4\n"[..], b'\t', 2);
        assert!(matches!(tabs.next(), Ok(Next::Row(r)) if r.line == 2));
        assert!(matches!(tabs.next(), Ok(Next::Row(r)) if r.line == 5 && r.cell(1) == "4"));
        assert!(matches!(tabs.next(), Ok(Next::End)));
        assert_eq!(
            rows("1,2\r3,x\r\r5,6\r"),
            vec![
                row(2, &["1", "2"]),
                row(3, &["3", "x"]),
                row(5, &["5", "6"])
            ]
        );
        assert_eq!(
            rows("1,2\r\n3,4\r\n\r\n5,6\r\n"),
            vec![
                row(2, &["1", "2"]),
                row(3, &["3", "4"]),
                row(5, &["5", "6"])
            ]
        );
        let mut cr = Rows::new(&b"1,\"a\rb\",x\r"[..], b',', 2);
        let Ok(Next::Row(one)) = cr.next() else {
            panic!("a row was expected");
        };
        assert_eq!(one.place(2), (3, 4));
    }

    #[test]
    fn a_quote_never_closed_is_named_where_it_opens_not_where_the_next_quote_is() {
        assert_eq!(
            rows("1,2\n2,\"2\n3,3\n4,\"4\"\n"),
            vec![row(2, &["1", "2"]), Got::Bad(3, 3)]
        );
        // Past 16 MiB a row is not read on: the quote is named, and nothing more is held.
        let mut text = String::from("1,2\n2,\"2\n");
        text.push_str(&"5,6\n".repeat(4_500_000));
        assert_eq!(rows(&text), vec![row(2, &["1", "2"]), Got::Bad(3, 3)]);
    }

    #[test]
    fn a_character_cut_by_a_separator_is_not_text() {
        let mut rows = Rows::new(&b"1,\xe4\xb8,\xad\n"[..], b',', 2);
        assert!(matches!(rows.next(), Ok(Next::NotText(2))));
    }

    #[test]
    fn a_row_not_in_utf8_is_named_by_its_line() {
        let mut rows = Rows::new(&b"1,2\n3,\xb3\xc7\n"[..], b',', 2);
        assert!(matches!(rows.next(), Ok(Next::Row(_))));
        assert!(matches!(rows.next(), Ok(Next::NotText(3))));
        assert!(matches!(rows.next(), Ok(Next::End)));
    }

    #[test]
    fn what_was_read_is_forgotten_past_a_megabyte_and_rows_still_place() {
        let mut text = String::new();
        for i in 0..200_000 {
            text.push_str(&format!("{i},\"{i}\"\n"));
        }
        let mut rows = Rows::new(text.as_bytes(), b',', 2);
        let mut last = 0;
        while let Ok(Next::Row(row)) = rows.next() {
            assert_eq!(row.cell(1), row.cell(0));
            assert_eq!(row.place(1), (row.line, row.cell(0).len() + 3));
            last = row.line;
        }
        assert_eq!(last, 200_001);
        assert!(rows.csv.get_ref().seen.len() < KEEP + 2 * CSV_BUFFER);
    }
}
