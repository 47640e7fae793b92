//! `planboard draft TABLE.csv|.tsv|.txt`: a data file for a monitoring table, found from the table
//! itself — its separator and header, the time's column or columns and format, the value columns
//! and their units, the file's own marks for no value, text columns skipped or a long table's
//! category — with every guess written beside what it decided, and charts grouped by unit. What
//! the values cannot decide (day-first or month-first) is asked with a flag the message names.
//!
//! The draft looks at the first [`sniff::SAMPLE_BYTES`] of the file; the data file it writes is
//! then loaded as `planboard check` would, which reads every row, so a draft that is written
//! passes the check.

mod columns;
mod sniff;
mod time_guess;
mod words;
mod write;

use crate::model::series::TextEncoding;
use std::path::Path;

pub use sniff::SAMPLE_BYTES;
pub use time_guess::TimeAsked;

/// What the person asked for on the command line.
#[derive(Clone, Debug, Default)]
pub struct TableRequest {
    pub time: TimeAsked,
    /// The one sheet of a workbook to draft; every sheet with a table when none.
    pub sheet: Option<String>,
    pub time_zone: Option<String>,
    pub by: Option<String>,
    pub separator: Option<u8>,
}

/// A drafted data file: its text and what it found, for the summary.
#[derive(Debug)]
pub struct DraftedTable {
    pub ron: String,
    pub summary: String,
}

/// Where a table is: a text file, or a sheet of a workbook; places in it as messages write them.
#[derive(Clone, Debug)]
pub struct Origin {
    pub file: String,
    /// The sheet's name and the sheet's column (0-based) of the table's first column.
    pub sheet: Option<(String, usize)>,
}

impl Origin {
    /// A table in a text file named `file` in messages.
    pub fn text(file: &str) -> Self {
        Self {
            file: file.to_owned(),
            sheet: None,
        }
    }

    /// A row (1-based) and a column of the table (0-based, when known): `data.csv:12:1`, or
    /// `book.xlsx:Sheet1!B12` on a sheet.
    pub fn at(&self, line: usize, column: Option<usize>) -> String {
        match &self.sheet {
            None => format!("{}:{line}:1", self.file),
            Some((sheet, first)) => format!(
                "{}:{}",
                self.file,
                crate::model::cell_name(sheet, line, first + column.unwrap_or(0) + 1)
            ),
        }
    }

    /// The whole table: `data.csv`, or `book.xlsx, sheet Sheet1`.
    pub fn whole(&self) -> String {
        match &self.sheet {
            None => self.file.clone(),
            Some((sheet, _)) => format!("{}, sheet {sheet}", self.file),
        }
    }
}

/// Why a table could not be drafted: each names the place in the file and what to do.
#[derive(Debug, thiserror::Error)]
pub enum RecordDraftError {
    #[error("{file}: cannot read the table: {err}")]
    Read { file: String, err: String },
    #[error(
        "{at}: no separator (comma, tab, semicolon or |) gives the lines one number of cells; expected a table with a header row, or a report's text with a .txt/.html name"
    )]
    NotATable { at: String },
    #[error(
        "{at}: the sheet holds no table: no row names two or more columns above rows of values"
    )]
    SheetNotATable { at: String },
    #[error(
        "{at}: no column holds times (the header names: {names}); expected a column of dates or times such as 2014-01-01, 19580329 or 16/12/2006, or name it with --time COLUMN[,COLUMN…] and --format"
    )]
    NoTime { at: String, names: String },
    #[error("{at}: no column is headed `{column}`; the header names: {names}")]
    NoColumn {
        at: String,
        column: String,
        names: String,
    },
    #[error(
        "{at}: `{text}` in column `{column}` is not a time the draft can read; expected a date such as 2014-01-01, or give its format with --format (%d/%m/%Y, %Y%m%d …)"
    )]
    NotATime {
        at: String,
        column: String,
        text: String,
    },
    #[error(
        "{at}: `{text}` in column `{column}` is written differently from the {count} values before it that read as {format}; expected one format in a column"
    )]
    MixedFormats {
        at: String,
        column: String,
        text: String,
        format: String,
        count: usize,
    },
    #[error(
        "{at}: the dates of `{column}` (such as `{text}`) read both day-first and month-first, and no value decides; say which with --day-first or --month-first"
    )]
    AmbiguousDayMonth {
        at: String,
        column: String,
        text: String,
    },
    #[error(
        "{at}: no column besides the time holds numbers; expected at least one column of values"
    )]
    NoValues { at: String },
    #[error(
        "{at}: the times repeat and no text column tells their rows apart; expected one row a time, or a long table's category column named with --by COLUMN"
    )]
    RepeatedTimes { at: String },
    #[error("{0}")]
    Sheet(#[from] crate::model::series::SheetError),
    #[error("{file}: no sheet holds a table with a time column; each sheet's reason:\n{reasons}")]
    NoSheetTable { file: String, reasons: String },
    #[error("the drafted data file does not pass the check, so it was not written:\n{0}")]
    Check(String),
}

/// A table's text as the draft sees it: the head of a CSV file, or a sheet of a workbook.
#[derive(Debug)]
pub struct TableText<'a> {
    pub origin: Origin,
    pub text: &'a str,
    /// How a text file's bytes were read (a sheet's text is always UTF-8).
    pub encoding: TextEncoding,
}

/// One table as the draft read it.
struct Found {
    origin: Origin,
    encoding: TextEncoding,
    sniffed: sniff::Sniffed,
    time: time_guess::TimeGuess,
    columns: columns::Columns,
}

/// Draft a data file for the tables of the file at `table` (one for a CSV file, a sheet each for
/// a workbook), to be written at `out`: its `file:` is relative to `out`'s folder. Of several
/// sheets, those with no table are left out and named in the file; a sheet whose table asks a
/// question (day-first or month-first, a category column) stops the draft.
pub fn draft_table(
    tables: &[TableText<'_>],
    table: &Path,
    out: &Path,
    req: &TableRequest,
) -> Result<DraftedTable, RecordDraftError> {
    let mut found: Vec<Found> = Vec::new();
    let mut skipped: Vec<String> = Vec::new();
    for t in tables {
        match read_one(t, req) {
            Ok(f) => found.push(f),
            Err(
                e @ (RecordDraftError::SheetNotATable { .. }
                | RecordDraftError::NoTime { .. }
                | RecordDraftError::NoValues { .. }),
            ) if tables.len() > 1 => skipped.push(e.to_string()),
            Err(e) => return Err(e),
        }
    }
    if found.is_empty() {
        return Err(RecordDraftError::NoSheetTable {
            file: tables
                .first()
                .map_or_else(|| table.display().to_string(), |t| t.origin.file.clone()),
            reasons: skipped.join("\n"),
        });
    }
    let file = write::relative(table, out);
    let plans: Vec<write::Plan<'_>> = found
        .iter()
        .map(|f| write::Plan {
            sheet: f.origin.sheet.as_ref().map(|(s, _)| s.as_str()),
            sniffed: &f.sniffed,
            time: &f.time,
            columns: &f.columns,
            zone: req.time_zone.as_deref(),
            encoding: f.encoding,
        })
        .collect();
    let ron = write::ron(&file, &plans, &skipped);
    let summary: Vec<String> = found.iter().map(summary).collect();
    let mut summary = summary.join("; ");
    if !skipped.is_empty() {
        summary.push_str(&format!(
            "; {} with no table left out",
            crate::format::count(skipped.len(), "sheet", "sheets")
        ));
    }
    Ok(DraftedTable { ron, summary })
}

/// One table's time, values and category.
fn read_one(t: &TableText<'_>, req: &TableRequest) -> Result<Found, RecordDraftError> {
    let at = |line: usize| t.origin.at(line, None);
    let sniffed = sniff::sniff(t.text, req.separator).ok_or_else(|| {
        if t.origin.sheet.is_some() {
            RecordDraftError::SheetNotATable { at: at(1) }
        } else {
            RecordDraftError::NotATable { at: at(1) }
        }
    })?;
    let time = time_guess::guess(&sniffed, &t.origin, &req.time)?;
    let columns = columns::classify(&sniffed, &time.columns, req.by.as_deref());
    if columns.values.is_empty() {
        return Err(RecordDraftError::NoValues {
            at: at(sniffed.header_line),
        });
    }
    if columns.by.is_none() && repeats(&sniffed, &time.columns) {
        return Err(RecordDraftError::RepeatedTimes {
            at: t.origin.whole(),
        });
    }
    Ok(Found {
        origin: t.origin.clone(),
        encoding: t.encoding,
        sniffed,
        time,
        columns,
    })
}

/// What one table gave, in a line.
fn summary(f: &Found) -> String {
    let cols = &f.columns;
    let records = cols.values.len() * cols.by.as_ref().map_or(1, |(_, v, _)| v.len());
    let of = f.origin.whole();
    format!(
        "{} from {} of {of}: time in {}, {} ({}), {} skipped",
        crate::format::count(records, "record", "records"),
        crate::format::count(f.sniffed.rows.len(), "row seen", "rows seen"),
        f.time.columns.join(" + "),
        crate::format::count(cols.values.len(), "value column", "value columns"),
        cols.values
            .iter()
            .map(|v| v.header.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        cols.skipped.len()
    )
}

/// Load the drafted text as `planboard check` would, at the place it is to be written (its table
/// read relative to it, every row): the draft is written only when this passes.
pub fn check(ron: &str, out: &Path) -> Result<crate::model::DataFile, RecordDraftError> {
    let name = out.display().to_string();
    crate::model::parse_data_file(&name, Some(out), ron.as_bytes())
        .map_err(|e| RecordDraftError::Check(e.to_string()))
}

/// Whether two sampled rows share a time.
fn repeats(s: &sniff::Sniffed, time: &[String]) -> bool {
    let at: Vec<usize> = time
        .iter()
        .filter_map(|t| s.names.iter().position(|n| n == t))
        .collect();
    let mut seen = std::collections::HashSet::new();
    s.rows.iter().any(|(_, r)| {
        let key: Vec<&str> = at
            .iter()
            .filter_map(|&i| r.get(i).map(String::as_str))
            .collect();
        !seen.insert(key)
    })
}

/// Whether a text looks like a table rather than a report: a separator gives its lines one
/// number of cells and a column holds times.
pub fn looks_like_table(text: &str) -> bool {
    sniff::sniff(text, None).is_some_and(|s| {
        s.rows.len() >= 2 && time_guess::guess(&s, &Origin::text(""), &TimeAsked::default()).is_ok()
    })
}

#[cfg(test)]
mod tests;
