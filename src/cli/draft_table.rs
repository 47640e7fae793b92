//! `planboard draft TABLE.csv|.tsv|.txt [--out FILE.ron]`: a data file for a monitoring table,
//! drafted by [`planboard::record_draft`], loaded as `check` would (every row read), and written
//! atomically only then — never over an existing file without `--force`.

use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use planboard::files;
use planboard::model::series;
use planboard::record_draft::{self, Origin, RecordDraftError, TableRequest, TableText};

/// What `draft` of a table may be told when the values cannot decide it.
#[derive(Debug, clap::Args)]
pub struct TableArgs {
    /// Table: the time's column, or columns joined with commas (Date,Time or year,month,day,hour).
    #[arg(long, value_name = "COL[,COL…]", value_delimiter = ',')]
    time: Vec<String>,
    /// Table: the time's strptime format (%Y%m%d, %d/%m/%Y %H:%M, %Y年%m月%d日).
    #[arg(long = "format", value_name = "FMT")]
    time_format: Option<String>,
    /// Table: dates such as 01/02/2012 are day first (1 February).
    #[arg(long, conflicts_with = "month_first")]
    day_first: bool,
    /// Table: dates such as 01/02/2012 are month first (January 2).
    #[arg(long)]
    month_first: bool,
    /// Table: the zone of times written without an offset (an IANA name or +hh:mm); China's if none.
    #[arg(long, value_name = "TZ")]
    time_zone: Option<String>,
    /// Table: a long table's category column (a station, a source): one record each of its values.
    #[arg(long, value_name = "COL")]
    by: Option<String>,
    /// Spreadsheet: the one sheet to draft (every sheet with a table if none).
    #[arg(long, value_name = "NAME")]
    sheet: Option<String>,
}

impl TableArgs {
    /// The request the flags make.
    pub fn request(&self) -> planboard::record_draft::TableRequest {
        planboard::record_draft::TableRequest {
            time: planboard::record_draft::TimeAsked {
                columns: (!self.time.is_empty()).then(|| self.time.clone()),
                format: self.time_format.clone(),
                day_first: if self.day_first {
                    Some(true)
                } else if self.month_first {
                    Some(false)
                } else {
                    None
                },
            },
            time_zone: self.time_zone.clone(),
            by: self.by.clone(),
            sheet: self.sheet.clone(),
            separator: None,
        }
    }
}

/// Whether a file is a table rather than a report's text: by its name, or for a .txt by its lines.
pub fn is_table(path: &Path) -> bool {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if series::is_spreadsheet(path) {
        return true;
    }
    match ext.as_str() {
        "csv" | "tsv" => true,
        "txt" | "dat" => head(path).is_ok_and(|(_, t)| record_draft::looks_like_table(&t)),
        _ => false,
    }
}

/// The first bytes of a file the draft looks at, as text, and how they are encoded (UTF-8,
/// UTF-16 by its mark, or GB18030); bytes in none of them are read as UTF-8 with U+FFFD in place
/// of what does not read, and the check names those lines.
fn head(path: &Path) -> std::io::Result<(series::TextEncoding, String)> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(record_draft::SAMPLE_BYTES as u64)
        .read_to_end(&mut bytes)?;
    let (encoding, text) = series::TextEncoding::sniff(&bytes).unwrap_or_else(|| {
        (
            series::TextEncoding::Utf8,
            String::from_utf8_lossy(&bytes).into_owned(),
        )
    });
    Ok((
        encoding,
        text.strip_prefix('\u{feff}').unwrap_or(&text).to_owned(),
    ))
}

pub fn run(table: &Path, out: Option<&Path>, force: bool, req: &TableRequest) -> ExitCode {
    super::draft::finish(draft(table, out, force, req))
}

fn draft(
    table: &Path,
    out: Option<&Path>,
    force: bool,
    req: &TableRequest,
) -> Result<String, RecordDraftError> {
    let name = table.display().to_string();
    if let Some(out) = out
        && out.exists()
        && !force
    {
        return Err(RecordDraftError::Read {
            file: out.display().to_string(),
            err: "the file exists; expected a new file name, or --force to replace it".to_owned(),
        });
    }
    // Without --out the data file is printed; its table path is then relative to here.
    let place: PathBuf = out.map_or_else(|| PathBuf::from("draft.ron"), Path::to_owned);
    // A workbook's sheets, each as a table's text (its head); a text file's head.
    let (sheets, text);
    let tables: Vec<TableText<'_>> = if series::is_spreadsheet(table) {
        sheets = series::read_sheets(
            table,
            &name,
            req.sheet.as_deref(),
            Some(record_draft::SAMPLE_BYTES),
        )?;
        sheets
            .iter()
            .map(|s| TableText {
                origin: Origin {
                    file: name.clone(),
                    sheet: Some((s.name.clone(), s.first_column)),
                },
                text: &s.text,
                encoding: series::TextEncoding::Utf8,
            })
            .collect()
    } else {
        let encoding;
        (encoding, text) = head(table).map_err(|e| RecordDraftError::Read {
            file: name.clone(),
            err: e.to_string(),
        })?;
        vec![TableText {
            origin: Origin::text(&name),
            text: &text,
            encoding,
        }]
    };
    let drafted = record_draft::draft_table(&tables, table, &place, req)?;
    let checked = record_draft::check(&drafted.ron, &place)?;
    let r = &checked.report;
    let summary = format!(
        "{}; {} on {}; it passes `planboard check`",
        drafted.summary,
        planboard::format::count(r.charts.len(), "chart", "charts"),
        planboard::format::count(r.pages.len(), "page", "pages"),
    );
    if let Some(out) = out {
        files::write_atomic(out, drafted.ron.as_bytes()).map_err(|e| RecordDraftError::Read {
            file: out.display().to_string(),
            err: format!("cannot write it: {e}"),
        })?;
        return Ok(format!("wrote {}: {summary}", out.display()));
    }
    std::io::stdout()
        .lock()
        .write_all(drafted.ron.as_bytes())
        .map_err(|e| RecordDraftError::Read {
            file: "standard output".to_owned(),
            err: e.to_string(),
        })?;
    Ok(summary)
}
