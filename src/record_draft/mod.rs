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

use std::path::Path;

pub use sniff::SAMPLE_BYTES;
pub use time_guess::TimeAsked;

/// What the person asked for on the command line.
#[derive(Clone, Debug, Default)]
pub struct TableRequest {
    pub time: TimeAsked,
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

/// Why a table could not be drafted: each names the place in the file and what to do.
#[derive(Debug, thiserror::Error)]
pub enum RecordDraftError {
    #[error("{file}: cannot read the table: {err}")]
    Read { file: String, err: String },
    #[error(
        "{file}:1:1: no separator (comma, tab, semicolon or |) gives the lines one number of cells; expected a table with a header row, or a report's text with a .txt/.html name"
    )]
    NotATable { file: String },
    #[error(
        "{file}:{line}:1: no column holds times (the header names: {names}); expected a column of dates or times such as 2014-01-01, 19580329 or 16/12/2006, or name it with --time COLUMN[,COLUMN…] and --format"
    )]
    NoTime {
        file: String,
        line: usize,
        names: String,
    },
    #[error("{file}:{line}:1: no column is headed `{column}`; the header names: {names}")]
    NoColumn {
        file: String,
        line: usize,
        column: String,
        names: String,
    },
    #[error(
        "{file}:{line}:1: `{text}` in column `{column}` is not a time the draft can read; expected a date such as 2014-01-01, or give its format with --format (%d/%m/%Y, %Y%m%d …)"
    )]
    NotATime {
        file: String,
        line: usize,
        column: String,
        text: String,
    },
    #[error(
        "{file}:{line}:1: `{text}` in column `{column}` is written differently from the {count} values before it that read as {format}; expected one format in a column"
    )]
    MixedFormats {
        file: String,
        line: usize,
        column: String,
        text: String,
        format: String,
        count: usize,
    },
    #[error(
        "{file}:{line}:1: the dates of `{column}` (such as `{text}`) read both day-first and month-first, and no value decides; say which with --day-first or --month-first"
    )]
    AmbiguousDayMonth {
        file: String,
        line: usize,
        column: String,
        text: String,
    },
    #[error(
        "{file}:{line}:1: no column besides the time holds numbers; expected at least one column of values"
    )]
    NoValues { file: String, line: usize },
    #[error(
        "{file}: the times repeat and no text column tells their rows apart; expected one row a time, or a long table's category column named with --by COLUMN"
    )]
    RepeatedTimes { file: String },
    #[error("the drafted data file does not pass the check, so it was not written:\n{0}")]
    Check(String),
}

/// Draft a data file for the table `text` (the head of the file at `table`, named `name` in
/// messages), to be written at `out`: its `file:` is relative to `out`'s folder.
pub fn draft_table(
    text: &str,
    name: &str,
    table: &Path,
    out: &Path,
    req: &TableRequest,
) -> Result<DraftedTable, RecordDraftError> {
    let sniffed = sniff::sniff(text, req.separator).ok_or_else(|| RecordDraftError::NotATable {
        file: name.to_owned(),
    })?;
    let time = time_guess::guess(&sniffed, name, &req.time)?;
    let cols = columns::classify(&sniffed, &time.columns, req.by.as_deref());
    if cols.values.is_empty() {
        return Err(RecordDraftError::NoValues {
            file: name.to_owned(),
            line: sniffed.header_line,
        });
    }
    if cols.by.is_none() && repeats(&sniffed, &time.columns) {
        return Err(RecordDraftError::RepeatedTimes {
            file: name.to_owned(),
        });
    }
    let file = write::relative(table, out);
    let plan = write::Plan {
        file: &file,
        sniffed: &sniffed,
        time: &time,
        columns: &cols,
        zone: req.time_zone.as_deref(),
    };
    let ron = write::ron(&plan);
    let records = cols.values.len() * cols.by.as_ref().map_or(1, |(_, v, _)| v.len());
    let summary = format!(
        "{} from {} of {}: time in {}, {} value {} ({}), {} skipped",
        crate::format::count(records, "record", "records"),
        crate::format::count(sniffed.rows.len(), "row seen", "rows seen"),
        name,
        time.columns.join(" + "),
        cols.values.len(),
        if cols.values.len() == 1 {
            "column"
        } else {
            "columns"
        },
        cols.values
            .iter()
            .map(|v| v.header.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        cols.skipped.len()
    );
    Ok(DraftedTable { ron, summary })
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
        s.rows.len() >= 2 && time_guess::guess(&s, "", &TimeAsked::default()).is_ok()
    })
}

#[cfg(test)]
mod tests;
