//! Reading a data file: size and encoding checks, RON parsing with positions, then validation.

use std::io::Read as _;
use std::path::Path;

use super::{DataFile, LoadError, Location, Msg, Problem, Report, SourceMap, merge, validate};

/// Larger input is refused before it is read: a report's data is a few hundred kilobytes at most.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The default data, compiled into the binary so the app runs from anywhere: (name, text) of each
/// file, in the order their pages are shown. The record across the years comes first, so the window
/// opens on 目标与完成.
pub const DEFAULT_DATA: [(&str, &str); 2] = [
    (
        "data/longgang-record.ron",
        include_str!("../../data/longgang-record.ron"),
    ),
    (
        "data/longgang-2022-2023.ron",
        include_str!("../../data/longgang-2022-2023.ron"),
    ),
];

/// The name the UI and images use for the embedded default as a whole.
pub const DEFAULT_DATA_NAME: &str = "data/longgang-*.ron";

/// Load, validate and merge the embedded default files.
pub fn load_default() -> Result<Report, LoadError> {
    Ok(merge(default_data_files()?)?.report)
}

/// The embedded default files, each parsed and checked on its own.
pub fn default_data_files() -> Result<Vec<DataFile>, LoadError> {
    DEFAULT_DATA
        .iter()
        .map(|(name, text)| parse_file(name, None, text.as_bytes(), false))
        .collect()
}

/// Load and validate a data file on its own. Errors name `path` as given.
pub fn load_file(path: &Path) -> Result<Report, LoadError> {
    Ok(merge(vec![read_data_file(path)?])?.report)
}

/// Read one file of a dataset: size, encoding, syntax and the checks that need no other file.
pub fn read_data_file(path: &Path) -> Result<DataFile, LoadError> {
    read_file(path, true)
}

pub(super) fn read_file(path: &Path, alone: bool) -> Result<DataFile, LoadError> {
    let name = path.display().to_string();
    let bytes = read_limited(path, &name)?;
    parse_file(&name, Some(path), &bytes, alone)
}

/// A file's bytes, refusing files over [`MAX_FILE_BYTES`] before reading them.
pub(super) fn read_limited(path: &Path, name: &str) -> Result<Vec<u8>, LoadError> {
    let name = name.to_owned();
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
    Ok(bytes)
}

/// Parse and validate data file content on its own; `name` is used in error messages.
pub fn parse(name: &str, bytes: &[u8]) -> Result<Report, LoadError> {
    Ok(merge(vec![parse_data_file(name, None, bytes)?])?.report)
}

/// Parse one file's content and run the checks that need no other file.
pub fn parse_data_file(
    name: &str,
    path: Option<&Path>,
    bytes: &[u8],
) -> Result<DataFile, LoadError> {
    parse_file(name, path, bytes, true)
}

/// [`parse_data_file`]; `alone` when the file is shown on its own, so its charts can be checked
/// even when the file has other problems.
pub(super) fn parse_file(
    name: &str,
    path: Option<&Path>,
    bytes: &[u8],
    alone: bool,
) -> Result<DataFile, LoadError> {
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
        let byte = err.valid_up_to() + 1;
        LoadError::NotUtf8(Problem::new(
            Location::at(name, line, column),
            Msg::new(
                format!(
                    "the file is not valid UTF-8 (byte {byte} is not part of a UTF-8 character); expected UTF-8 text: save the file as UTF-8"
                ),
                format!(
                    "文件不是有效的 UTF-8 文本（第 {byte} 个字节不属于任何 UTF-8 字符）；应为 UTF-8 文本：请将文件另存为 UTF-8 编码"
                ),
            ),
        ))
    })?;
    let options = ron::Options::default();
    let mut report: Report = options.from_str(text).map_err(|err| {
        let mut message = Msg::new(err.code.to_string(), super::hints::ron_zh(&err.code));
        if let Some(hint) = super::hints::hint(text, &err) {
            message.en.push_str("; ");
            message.en.push_str(&hint.en);
            message.zh.push('；');
            message.zh.push_str(&hint.zh);
        }
        LoadError::Syntax(Problem::new(
            Location::at(name, err.span.start.line, err.span.start.col),
            message,
        ))
    })?;
    upgrade_periods(&mut report);
    let mut problems = validate::validate_file(&report);
    // A file with problems of its own is not merged; shown alone, its charts and pages are checked
    // here so every problem is reported at once. With other files, its charts may draw their
    // indicators, so they wait until the file is mended.
    if !problems.is_empty() && alone {
        problems.extend(validate::validate_views(&report));
    }
    let mut csv_problems = Vec::new();
    if problems.is_empty() {
        // Records are read only for a file that is otherwise good: nothing is half-loaded.
        let folder = path.map(|p| match p.parent() {
            Some(f) if !f.as_os_str().is_empty() => f.to_owned(),
            _ => std::path::PathBuf::from("."),
        });
        let found = super::series::load_series(&mut report, folder.as_deref());
        super::series::zone_records(&mut report.indicators);
        problems.extend(found.in_data);
        csv_problems = found.in_csv;
    }
    if problems.is_empty() && csv_problems.is_empty() {
        report.follow_years();
        // With one source, a figure that names none is from it.
        if let [only] = report.sources.as_slice() {
            let id = only.id.clone();
            for point in report.indicators.iter_mut().flat_map(|i| &mut i.points) {
                point.source.get_or_insert_with(|| id.clone());
            }
        }
        Ok(DataFile {
            name: name.to_owned(),
            path: path.map(Path::to_owned),
            text: text.to_owned(),
            report,
            positions: super::data_file::Positions::default(),
        })
    } else {
        // Positions are only needed to report problems: a valid file never pays for the map.
        let map = SourceMap::new(text);
        Err(LoadError::Invalid(
            problems
                .into_iter()
                .map(|(path, message)| {
                    let (line, column) = map.position(&path);
                    Problem::new(Location::at(name, line, column), message)
                })
                .chain(csv_problems)
                .collect(),
        ))
    }
}

/// Older files wrote a figure's part of the year as words (`period: (zh: "1-11月", …)`): those
/// words that name a part are read as one, so the figure is placed and ordered in time.
fn upgrade_periods(report: &mut Report) {
    for point in report.indicators.iter_mut().flat_map(|i| &mut i.points) {
        if point.part.is_none()
            && let Some(part) = point
                .period
                .as_ref()
                .and_then(|p| super::time::parse_part(&p.zh))
        {
            point.part = Some(part);
            point.period = None;
        }
    }
}
