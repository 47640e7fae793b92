//! A table's rows after its header, read by the `csv` crate: a quoted cell may hold the separator,
//! `""` and line breaks. Each row keeps the line it starts on and its bytes as written, so a
//! problem is placed on its cell's line and column even after quoted cells, and the quotes the
//! crate would read leniently (text after a closing quote, a quote never closed) are named instead.

use std::io::{BufRead, Read};
use std::ops::Range;

use ::csv::{ByteRecord, ReaderBuilder};

use super::cells::{char_column, split_into, trim_eol};
use crate::model::Msg;

/// What was read before the current row is forgotten once it is this long.
const KEEP: usize = 1 << 20;

/// The csv crate's own buffer: large enough that a row seldom spans two reads.
const CSV_BUFFER: usize = 1 << 16;

/// The bytes handed to the csv crate, kept from the start of the row being read (the crate reads
/// ahead, and gives each row's offset in the stream).
struct Tee<R> {
    inner: R,
    seen: Vec<u8>,
    /// The stream offset of `seen[0]`.
    base: u64,
}

impl<R: BufRead> Read for Tee<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
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
    sep: u8,
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

/// One row: its cells as the csv crate read them and its text as written.
pub(super) struct Row<'a> {
    /// The file's line the row starts on (1-based).
    pub line: usize,
    record: &'a ByteRecord,
    /// The row's cells, quotes removed, as one text (`record`'s ranges index it).
    text: &'a str,
    /// The row as written, from its first character to before its line break.
    raw: &'a [u8],
    sep: u8,
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
            });
        Self {
            csv,
            record: ByteRecord::new(),
            first_line,
            sep,
        }
    }

    /// The next row with text; lines of spaces only are passed over.
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
            if !self
                .csv
                .read_byte_record(&mut self.record)
                .map_err(into_io)?
            {
                return Ok(Next::End);
            }
            let end = self.csv.position().byte();
            let tee = self.csv.get_ref();
            let from = usize::try_from(pos.byte() - tee.base).unwrap_or(usize::MAX);
            let to = usize::try_from(end - tee.base)
                .unwrap_or(usize::MAX)
                .min(tee.seen.len());
            let written = tee.seen.get(from..to).unwrap_or_default();
            // The crate passes over empty lines before a row: the row starts after them.
            let blank = written
                .iter()
                .take_while(|&&b| b == b'\n' || b == b'\r')
                .count();
            let newlines = newlines(&written[..blank]);
            let line =
                self.first_line - 1 + usize::try_from(pos.line()).unwrap_or(usize::MAX) + newlines;
            let spaces_only = self.record.len() == 1
                && trim_eol(&written[blank..])
                    .iter()
                    .all(u8::is_ascii_whitespace);
            if !spaces_only {
                break (from + blank, to, line);
            }
        };
        let seen = &self.csv.get_ref().seen;
        let raw = trim_eol(seen.get(from..to).unwrap_or_default());
        if raw.contains(&b'"') {
            let mut cells = Vec::new();
            if let Err(bad) = split_into(raw, self.sep, &mut cells) {
                let (lines, column) = place(raw, bad.at());
                return Ok(Next::BadQuotes {
                    line: line + lines,
                    column,
                    msg: bad.msg(),
                });
            }
        }
        let Ok(text) = std::str::from_utf8(self.record.as_slice()) else {
            return Ok(Next::NotText(line));
        };
        Ok(Next::Row(Row {
            line,
            record: &self.record,
            text,
            raw,
            sep: self.sep,
        }))
    }
}

impl Row<'_> {
    /// How many cells the row has.
    pub(super) fn len(&self) -> usize {
        self.record.len()
    }

    /// Cell `i`'s text without the spaces around it ("" past the row's end). A cell quoted after
    /// spaces (` "12"`), which the crate reads as written, loses its quotes too.
    pub(super) fn cell(&self, i: usize) -> &str {
        let text = self
            .record
            .range(i)
            .and_then(|r| self.text.get(r))
            .unwrap_or_default()
            .trim();
        if text.len() >= 2 && text.starts_with('"') && text.ends_with('"') {
            &text[1..text.len() - 1]
        } else {
            text
        }
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

/// Lines after the row's first, and the 1-based column, of byte `at` of a row's text.
fn place(raw: &[u8], at: usize) -> (usize, usize) {
    let before = &raw[..at.min(raw.len())];
    let lines = newlines(before);
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |k| k + 1);
    (
        lines,
        char_column(&before[line_start..], before.len() - line_start),
    )
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
