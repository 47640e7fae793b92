//! A sheet of a spreadsheet (.xlsx, .xlsm, .xls, .xlsb, .ods) read through `calamine` and written
//! as the text of a tab-separated table, so that one reader (and one draft) serves CSV files and
//! spreadsheets alike: line n of the text is the sheet's row n, and a cell's text is what a person
//! sees in it — an Excel date serial as its ISO 8601 date and time, a time of day as `13:00:00`,
//! a number as the shortest decimal that reads back to the same value. Problems found in the text
//! are then placed back on the sheet's cells (`Sheet1!B7`).

use std::path::Path;

use calamine::{Data, Range, Reader as _, open_workbook_auto};

use crate::model::{Location, Msg, Problem};

/// The file name endings read as spreadsheets.
pub const SPREADSHEET_EXTENSIONS: [&str; 5] = ["xlsx", "xlsm", "xls", "xlsb", "ods"];

/// Whether the file at `path` is a spreadsheet, by its name.
pub fn is_spreadsheet(path: &Path) -> bool {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .is_some_and(|e| SPREADSHEET_EXTENSIONS.contains(&e.as_str()))
}

/// One sheet as the text of a table.
#[derive(Debug)]
pub struct SheetTable {
    /// The sheet's name, as its tab shows it.
    pub name: String,
    /// Tab-separated cells; line n is the sheet's row n (rows before the first used one blank).
    pub text: String,
    /// The sheet's column (0-based) of each line's first cell.
    pub first_column: usize,
    /// Whether the text stops before the sheet's last row (it was asked for a head only).
    pub cut: bool,
}

/// Why a spreadsheet gives no table.
#[derive(Debug, thiserror::Error)]
pub enum SheetError {
    #[error(
        "{file}: the workbook is protected by a password; expected it saved without one (in Excel: File › Info › Protect Workbook › Encrypt with Password, clear the password; in LibreOffice: Save As without “Save with password”)"
    )]
    Password { file: String },
    #[error(
        "{file}: cannot be read as a spreadsheet ({err}); expected an .xlsx, .xls or .ods file as Excel or LibreOffice saves it, whole (a file cut short or renamed from another kind does not read)"
    )]
    Corrupt { file: String, err: String },
    #[error("{file}: the workbook has no sheet named `{sheet}`; its sheets are: {names}")]
    NoSuchSheet {
        file: String,
        sheet: String,
        names: String,
    },
    #[error(
        "{file}:{at}: the sheet is empty; expected a header row naming its columns, then a row a time"
    )]
    EmptySheet { file: String, at: String },
    #[error(
        "{file}: every sheet is empty ({names}); expected a sheet with a header row naming its columns, then a row a time"
    )]
    NoTable { file: String, names: String },
}

impl SheetError {
    /// The error as a problem of a record's table, in both languages.
    pub fn problem(&self) -> Problem {
        let (file, sheet) = match self {
            Self::Password { file }
            | Self::Corrupt { file, .. }
            | Self::NoSuchSheet { file, .. }
            | Self::NoTable { file, .. } => (file.clone(), None),
            Self::EmptySheet { file, at } => (file.clone(), Some(at.clone())),
        };
        let zh = match self {
            Self::Password { .. } => "工作簿设有密码保护；请另存为不带密码的文件（Excel：文件 › 信息 › 保护工作簿 › 用密码进行加密，清除密码；LibreOffice：另存为时不勾选“使用密码保存”）".to_owned(),
            Self::Corrupt { err, .. } => format!(
                "无法作为电子表格读取（{err}）；应为 Excel 或 LibreOffice 保存的完整 .xlsx、.xls 或 .ods 文件（被截断或由其他格式改名的文件无法读取）"
            ),
            Self::NoSuchSheet { sheet, names, .. } => {
                format!("工作簿中没有名为 `{sheet}` 的工作表；其工作表为：{names}")
            }
            Self::EmptySheet { .. } => {
                "工作表为空；应先有一行表头列出各列名称，再每个时间一行".to_owned()
            }
            Self::NoTable { names, .. } => format!(
                "所有工作表都是空的（{names}）；应有一个工作表先有一行表头列出各列名称，再每个时间一行"
            ),
        };
        let en = self.to_string();
        let en = en
            .strip_prefix(&format!("{file}:"))
            .map_or(en.as_str(), str::trim_start);
        let en = sheet
            .as_deref()
            .and_then(|at| en.strip_prefix(&format!("{at}:")))
            .map_or(en, str::trim_start);
        let mut location = Location::at(file, 0, 0);
        if let Some(at) = sheet {
            location.sheet = Some(at);
            location.line = 1;
            location.column = 1;
        }
        Problem::new(location, Msg::new(en, zh))
    }
}

/// The sheets of the workbook at `path` (`file` names it in messages) as tables: the one named
/// `wanted`, or every sheet that is not empty. `limit`: stop each sheet's text past this many
/// bytes (a draft's look at the head).
pub fn read_sheets(
    path: &Path,
    file: &str,
    wanted: Option<&str>,
    limit: Option<usize>,
) -> Result<Vec<SheetTable>, SheetError> {
    let mut book = open_workbook_auto(path).map_err(|e| open_error(file, &e))?;
    let names = book.sheet_names();
    let listed = || names.join(", ");
    let chosen: Vec<String> = match wanted {
        Some(w) => {
            if !names.iter().any(|n| n == w) {
                return Err(SheetError::NoSuchSheet {
                    file: file.to_owned(),
                    sheet: w.to_owned(),
                    names: listed(),
                });
            }
            vec![w.to_owned()]
        }
        None => names.clone(),
    };
    let mut tables = Vec::new();
    for name in chosen {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| open_error(file, &e))?;
        if range.is_empty() || range.used_cells().next().is_none() {
            if wanted.is_some() {
                return Err(SheetError::EmptySheet {
                    file: file.to_owned(),
                    at: name,
                });
            }
            continue;
        }
        let (text, cut) = table_text(&range, limit.unwrap_or(usize::MAX));
        tables.push(SheetTable {
            first_column: range.start().map_or(0, |(_, c)| c as usize),
            name,
            text,
            cut,
        });
    }
    if tables.is_empty() {
        return Err(SheetError::NoTable {
            file: file.to_owned(),
            names: listed(),
        });
    }
    Ok(tables)
}

/// The first sheet that is not empty, or the one named: what a record with no `sheet` reads.
pub fn read_sheet(path: &Path, file: &str, wanted: Option<&str>) -> Result<SheetTable, SheetError> {
    if wanted.is_some() {
        return read_sheets(path, file, wanted, None)?
            .pop()
            .ok_or_else(|| SheetError::NoTable {
                file: file.to_owned(),
                names: wanted.unwrap_or_default().to_owned(),
            });
    }
    // Sheets are read one at a time until one has cells: a workbook's later sheets are not parsed.
    let mut book = open_workbook_auto(path).map_err(|e| open_error(file, &e))?;
    let names = book.sheet_names();
    for name in &names {
        let range = book
            .worksheet_range(name)
            .map_err(|e| open_error(file, &e))?;
        if range.used_cells().next().is_some() {
            let (text, cut) = table_text(&range, usize::MAX);
            return Ok(SheetTable {
                first_column: range.start().map_or(0, |(_, c)| c as usize),
                name: name.clone(),
                text,
                cut,
            });
        }
    }
    Err(SheetError::NoTable {
        file: file.to_owned(),
        names: names.join(", "),
    })
}

fn open_error(file: &str, err: &calamine::Error) -> SheetError {
    let password = matches!(
        err,
        calamine::Error::Xlsx(calamine::XlsxError::Password)
            | calamine::Error::Xls(calamine::XlsError::Password)
            | calamine::Error::Ods(calamine::OdsError::Password)
    );
    if password {
        SheetError::Password {
            file: file.to_owned(),
        }
    } else {
        SheetError::Corrupt {
            file: file.to_owned(),
            err: err.to_string(),
        }
    }
}

/// How a column's dates are written: decided over the whole column, so one column has one form.
#[derive(Clone, Copy, Default)]
struct DateForm {
    /// Some date has a time of day.
    clock: bool,
    /// Every date is a time of day alone (a serial below 1).
    clock_only: bool,
    /// Some time has milliseconds.
    millis: bool,
}

/// The sheet's cells as tab-separated lines, up to about `limit` bytes (whole rows); whether it
/// stopped before the last row.
fn table_text(range: &Range<Data>, limit: usize) -> (String, bool) {
    let (first_row, _) = range.start().unwrap_or((0, 0));
    let width = range.width();
    let mut forms = vec![
        DateForm {
            clock_only: true,
            ..DateForm::default()
        };
        width
    ];
    let mut dated = vec![false; width];
    for row in range.rows() {
        for (k, cell) in row.iter().enumerate() {
            if let Data::DateTime(dt) = cell
                && dt.is_datetime()
            {
                let v = dt.as_f64();
                let f = &mut forms[k];
                dated[k] = true;
                f.clock |= v.fract() != 0.0;
                f.clock_only &= v < 1.0;
                f.millis |= dt.to_ymd_hms_milli().6 != 0;
            }
        }
    }
    for (f, d) in forms.iter_mut().zip(&dated) {
        f.clock_only &= *d;
    }
    let mut text = String::with_capacity(
        (range.height() * width * 8 + first_row as usize).min(limit.saturating_add(1024)),
    );
    text.extend(std::iter::repeat_n('\n', first_row as usize));
    let mut cut = false;
    for row in range.rows() {
        if text.len() > limit {
            cut = true;
            break;
        }
        for (k, cell) in row.iter().enumerate() {
            if k > 0 {
                text.push('\t');
            }
            cell_text(cell, forms[k], &mut text);
        }
        text.push('\n');
    }
    (text, cut)
}

/// A cell's text as the table reader reads it.
fn cell_text(cell: &Data, form: DateForm, out: &mut String) {
    use std::fmt::Write as _;
    match cell {
        Data::Empty => {}
        Data::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Data::Float(f) => {
            let _ = write!(out, "{f}");
        }
        Data::Bool(b) => out.push_str(if *b { "TRUE" } else { "FALSE" }),
        Data::String(s) | Data::DateTimeIso(s) => quoted(s, out),
        Data::DurationIso(s) => match iso_duration_clock(s) {
            Some(clock) => out.push_str(&clock),
            None => quoted(s, out),
        },
        Data::Error(e) => {
            let _ = write!(out, "{e}");
        }
        Data::DateTime(dt) if dt.is_duration() => {
            let secs = (dt.as_f64() * 86_400.0).round() as i64;
            let _ = write!(
                out,
                "{:02}:{:02}:{:02}",
                secs / 3600,
                secs / 60 % 60,
                secs % 60
            );
        }
        Data::DateTime(dt) => {
            let (y, mo, d, h, mi, s, ms) = dt.to_ymd_hms_milli();
            if !form.clock_only {
                let _ = write!(out, "{y:04}-{mo:02}-{d:02}");
            }
            if form.clock || form.clock_only {
                if !form.clock_only {
                    out.push('T');
                }
                let _ = write!(out, "{h:02}:{mi:02}:{s:02}");
                if form.millis {
                    let _ = write!(out, ".{ms:03}");
                }
            }
        }
    }
}

/// A text cell: tabs and line breaks inside it become spaces (a cell is one line of one cell);
/// quoted as CSV quotes when it holds a quote.
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
    Some(format!("{h:02}:{m:02}:{:02}", sec.round() as u32))
}

/// Problems found in a sheet's text placed back on its cells: a line is a row, and a character
/// column the cell it falls in.
pub fn on_cells(problems: Vec<Problem>, table: &SheetTable) -> Vec<Problem> {
    let starts: Vec<usize> = std::iter::once(0)
        .chain(
            table
                .text
                .bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        )
        .collect();
    problems
        .into_iter()
        .map(|mut p| {
            let line = p.location.line;
            let text = line
                .checked_sub(1)
                .and_then(|l| starts.get(l))
                .map_or("", |&s| {
                    let rest = &table.text[s..];
                    rest.split('\n').next().unwrap_or_default()
                });
            // The character column counts from 1; the cell is the number of tabs before it.
            let before = p.location.column.saturating_sub(1);
            let cell = text.chars().take(before).filter(|&c| c == '\t').count();
            p.location.line = line.max(1);
            p.location.column = table.first_column + cell + 1;
            p.location.sheet = Some(table.name.clone());
            p
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{ExcelDateTime, ExcelDateTimeType};

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
        range.set_value((5, 2), Data::Error(calamine::CellErrorType::NA));
        let (text, cut) = table_text(&range, usize::MAX);
        assert!(!cut);
        assert_eq!(
            text,
            "\n\n日期\tPM2.5(μg/m³)\t站 点\n2024-01-01T00:00:00\t35.1\t\"\"\"龙岗\"\"\"\n2024-01-01T12:00:00\t12\t\n\t#N/A\t\n"
        );
    }

    #[test]
    fn a_column_of_times_of_day_reads_as_clock_times() {
        let mut range = Range::new((0, 0), (2, 1));
        range.set_value((0, 0), Data::String("Date".into()));
        range.set_value((0, 1), Data::String("Time".into()));
        range.set_value((1, 0), date(45292.0));
        range.set_value((1, 1), date(0.75));
        range.set_value((2, 0), date(45293.0));
        range.set_value((2, 1), date(0.0));
        let (text, _) = table_text(&range, usize::MAX);
        assert_eq!(
            text,
            "Date\tTime\n2024-01-01\t18:00:00\n2024-01-02\t00:00:00\n"
        );
        assert_eq!(
            iso_duration_clock("PT13H05M00S").as_deref(),
            Some("13:05:00")
        );
    }

    #[test]
    fn problems_land_on_the_cells_they_are_in() {
        let table = SheetTable {
            name: "Sheet1".into(),
            text: "\nDate\tPM2.5\n2024-01-01\tx\n".into(),
            first_column: 1,
            cut: false,
        };
        let p = Problem::new(Location::at("b.xlsx", 3, 12), Msg::new("bad", "坏"));
        let placed = on_cells(vec![p], &table);
        assert_eq!(placed[0].location.to_string(), "b.xlsx:Sheet1!C3");
    }
}
