//! Reading a data file: size and encoding checks, RON parsing with positions, then validation.

use std::io::Read as _;
use std::path::Path;

use super::{LoadError, Location, Problem, Report, SourceMap, validate};

/// Larger input is refused before it is read: a report's data is a few hundred kilobytes at most.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The default report, compiled into the binary so the app runs from anywhere.
pub const DEFAULT_DATA: &str = include_str!("../../data/longgang-2022-2023.ron");

/// The name errors and the UI use for the embedded default.
pub const DEFAULT_DATA_NAME: &str = "data/longgang-2022-2023.ron";

/// Load and validate the embedded default report.
pub fn load_default() -> Result<Report, LoadError> {
    parse(DEFAULT_DATA_NAME, DEFAULT_DATA.as_bytes())
}

/// Load and validate a data file. Errors name `path` as given.
pub fn load_file(path: &Path) -> Result<Report, LoadError> {
    let name = path.display().to_string();
    let io = |source| LoadError::Io {
        file: name.clone(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            file: name,
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // Read at most one byte past the limit, in case the file grew after the size check.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    parse(&name, &bytes)
}

/// Parse and validate data file content; `name` is used in error messages.
pub fn parse(name: &str, bytes: &[u8]) -> Result<Report, LoadError> {
    let size = bytes.len() as u64;
    if size > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            file: name.to_owned(),
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|err| {
        let valid = &bytes[..err.valid_up_to()];
        let valid = std::str::from_utf8(valid).unwrap_or_default();
        let line = valid.matches('\n').count() + 1;
        let column = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        LoadError::NotUtf8(Problem {
            location: Location {
                file: name.to_owned(),
                line,
                column,
            },
            message: format!(
                "the file is not valid UTF-8 (byte {} is not part of a UTF-8 character); expected UTF-8 text: save the file as UTF-8",
                err.valid_up_to() + 1
            ),
        })
    })?;
    let options = ron::Options::default();
    let report: Report = options.from_str(text).map_err(|err| {
        LoadError::Syntax(Problem {
            location: Location {
                file: name.to_owned(),
                line: err.span.start.line,
                column: err.span.start.col,
            },
            message: err.code.to_string(),
        })
    })?;
    let problems = validate::validate(&report);
    if problems.is_empty() {
        Ok(report)
    } else {
        // Positions are only needed to report problems: a valid file never pays for the map.
        let map = SourceMap::new(text);
        Err(LoadError::Invalid(
            problems
                .into_iter()
                .map(|(path, message)| {
                    let (line, column) = map.line_col(&path, text);
                    Problem {
                        location: Location {
                            file: name.to_owned(),
                            line,
                            column,
                        },
                        message,
                    }
                })
                .collect(),
        ))
    }
}
