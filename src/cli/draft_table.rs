//! `planboard draft TABLE.csv|.tsv|.txt [--out FILE.ron]`: a data file for a monitoring table,
//! drafted by [`planboard::record_draft`], loaded as `check` would (every row read), and written
//! atomically only then — never over an existing file without `--force`.

use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use planboard::files;
use planboard::record_draft::{self, RecordDraftError, TableRequest};

/// Whether a file is a table rather than a report's text: by its name, or for a .txt by its lines.
pub fn is_table(path: &Path) -> bool {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "csv" | "tsv" => true,
        "txt" | "dat" => head(path).is_ok_and(|t| record_draft::looks_like_table(&t)),
        _ => false,
    }
}

/// The first bytes of a file the draft looks at, as text.
fn head(path: &Path) -> std::io::Result<String> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(record_draft::SAMPLE_BYTES as u64)
        .read_to_end(&mut bytes)?;
    let text = String::from_utf8_lossy(&bytes);
    Ok(text.strip_prefix('\u{feff}').unwrap_or(&text).to_owned())
}

pub fn run(table: &Path, out: Option<&Path>, force: bool, req: &TableRequest) -> ExitCode {
    match draft(table, out, force, req) {
        Ok(summary) => {
            eprintln!("{summary}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("planboard draft: {err}");
            ExitCode::FAILURE
        }
    }
}

fn draft(
    table: &Path,
    out: Option<&Path>,
    force: bool,
    req: &TableRequest,
) -> Result<String, RecordDraftError> {
    let name = table.display().to_string();
    let text = head(table).map_err(|e| RecordDraftError::Read {
        file: name.clone(),
        err: e.to_string(),
    })?;
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
    let drafted = record_draft::draft_table(&text, &name, table, &place, req)?;
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
