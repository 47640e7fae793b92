//! A sheet of a spreadsheet (.xlsx, .xlsm, .xls, .xlsb, .ods) read through `calamine` and written
//! as the text of a tab-separated table, so that one reader (and one draft) serves CSV files and
//! spreadsheets alike: line n of the text is the sheet's row n, and a cell's text is what a person
//! sees in it — an Excel date serial as its ISO 8601 date and time, a time of day as `13:00:00`,
//! a number as the shortest decimal that reads back to the same value. Problems found in the text
//! are then placed back on the sheet's cells (`Sheet1!B7`).

use std::path::Path;

use std::fs::File;
use std::io::BufReader;

use calamine::{Reader as _, Sheets, open_workbook_auto};

use super::sheet_text::{range_text, streamed_text};

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

type Book = Sheets<BufReader<File>>;

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
    let chosen: Vec<String> = match wanted {
        Some(w) => {
            if !names.iter().any(|n| n == w) {
                return Err(SheetError::NoSuchSheet {
                    file: file.to_owned(),
                    sheet: w.to_owned(),
                    names: names.join(", "),
                });
            }
            vec![w.to_owned()]
        }
        None => names.clone(),
    };
    let mut tables = Vec::new();
    for name in chosen {
        match sheet_table(&mut book, &name, limit.unwrap_or(usize::MAX)) {
            Err(e) => return Err(open_error(file, &e)),
            Ok(Some(table)) => tables.push(table),
            Ok(None) if wanted.is_some() => {
                return Err(SheetError::EmptySheet {
                    file: file.to_owned(),
                    at: name,
                });
            }
            Ok(None) => {}
        }
    }
    if tables.is_empty() {
        return Err(SheetError::NoTable {
            file: file.to_owned(),
            names: names.join(", "),
        });
    }
    Ok(tables)
}

/// The one named, or the first sheet that is not empty: what a record with no `sheet` reads.
pub fn read_sheet(path: &Path, file: &str, wanted: Option<&str>) -> Result<SheetTable, SheetError> {
    if wanted.is_some() {
        let mut tables = read_sheets(path, file, wanted, None)?;
        return tables.pop().ok_or_else(|| SheetError::NoTable {
            file: file.to_owned(),
            names: wanted.unwrap_or_default().to_owned(),
        });
    }
    // One sheet at a time until one has cells: a workbook's later sheets are not parsed.
    let mut book = open_workbook_auto(path).map_err(|e| open_error(file, &e))?;
    let names = book.sheet_names();
    for name in &names {
        if let Some(table) =
            sheet_table(&mut book, name, usize::MAX).map_err(|e| open_error(file, &e))?
        {
            return Ok(table);
        }
    }
    Err(SheetError::NoTable {
        file: file.to_owned(),
        names: names.join(", "),
    })
}

/// The sheet `name` as a table's text, `None` when it has no cells: an .xlsx sheet streamed,
/// another read whole.
fn sheet_table(
    book: &mut Book,
    name: &str,
    limit: usize,
) -> Result<Option<SheetTable>, calamine::Error> {
    // A chart sheet is no worksheet: the whole read below takes it as empty.
    if let Sheets::Xlsx(xlsx) = book
        && let Ok(mut cells) = xlsx.worksheet_cells_reader(name)
    {
        let dims = cells.dimensions();
        let first_column = if dims.len() > 0 { dims.start.1 } else { 0 };
        if let Some((text, cut)) = streamed_text(&mut cells, first_column, 0, limit, None)
            .map_err(calamine::Error::Xlsx)?
        {
            return Ok((!text.trim().is_empty()).then(|| SheetTable {
                name: name.to_owned(),
                text,
                first_column: first_column as usize,
                cut,
            }));
        }
    }
    let range = book.worksheet_range(name)?;
    if range.used_cells().next().is_none() {
        return Ok(None);
    }
    let (text, cut) = range_text(&range, limit);
    Ok(Some(SheetTable {
        first_column: range.start().map_or(0, |(_, c)| c as usize),
        name: name.to_owned(),
        text,
        cut,
    }))
}

/// The text of the sheet `wanted` (or the first) of the .xlsx at `path`, written on a thread of
/// its own while the caller reads it: parsing the sheet's XML and reading the table then take two
/// cores, not one after the other. `None` when the file is not an .xlsx whose sheet declares its
/// dimension (the caller reads it whole), or it cannot be opened (the whole read says why).
pub fn stream_sheet(path: &Path, wanted: Option<&str>) -> Option<ChunkReader> {
    let mut book = open_workbook_auto(path).ok()?;
    let name = match wanted {
        Some(w) => w.to_owned(),
        None => book.sheet_names().first()?.clone(),
    };
    let Sheets::Xlsx(xlsx) = &mut book else {
        return None;
    };
    let (first, width) = {
        let cells = xlsx.worksheet_cells_reader(&name).ok()?;
        let dims = cells.dimensions();
        // A dimension of one cell, reversed, or wider than Excel's 16,384 columns is no
        // guide to the rows' width: the whole read finds it.
        if dims.len() <= 1 || dims.end.1 < dims.start.1 || dims.end.1 - dims.start.1 >= 16_384 {
            return None;
        }
        (dims.start.1, (dims.end.1 - dims.start.1 + 1) as usize)
    };
    let (tx, rx) = std::sync::mpsc::sync_channel::<Chunk>(4);
    let sheet = name.clone();
    std::thread::spawn(move || {
        let Sheets::Xlsx(xlsx) = &mut book else {
            return;
        };
        let mut send = |text: &mut String| tx.send(Ok((std::mem::take(text), false))).is_ok();
        let last = xlsx.worksheet_cells_reader(&sheet).and_then(|mut cells| {
            streamed_text(&mut cells, first, width, usize::MAX, Some(&mut send))
        });
        let _ = match last {
            Ok(Some((text, _))) => tx.send(Ok((text, true))),
            Ok(None) => tx.send(Err("the sheet's cells are out of order".to_owned())),
            Err(e) => tx.send(Err(e.to_string())),
        };
    });
    Some(ChunkReader {
        rx,
        chunk: Vec::new(),
        pos: 0,
        ended: false,
    })
}

/// A piece of a sheet's text and whether it is the last; or why the sheet could not be read.
type Chunk = Result<(String, bool), String>;

/// Text handed over in chunks from another thread, read as a stream.
#[derive(Debug)]
pub struct ChunkReader {
    rx: std::sync::mpsc::Receiver<Chunk>,
    chunk: Vec<u8>,
    pos: usize,
    /// The last piece came: the text is whole.
    ended: bool,
}

impl std::io::Read for ChunkReader {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        use std::io::BufRead as _;
        let n = {
            let available = self.fill_buf()?;
            let n = available.len().min(out.len());
            out[..n].copy_from_slice(&available[..n]);
            n
        };
        self.consume(n);
        Ok(n)
    }
}

impl std::io::BufRead for ChunkReader {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        while self.pos >= self.chunk.len() {
            if self.ended {
                return Ok(&[]);
            }
            match self.rx.recv() {
                Ok(Ok((text, last))) => {
                    self.chunk = text.into_bytes();
                    self.pos = 0;
                    self.ended = last;
                }
                Ok(Err(e)) => return Err(std::io::Error::other(e)),
                // The sender went away before the last piece: the text is not whole.
                Err(_) => {
                    return Err(std::io::Error::other(
                        "the sheet's reader stopped before the sheet's end",
                    ));
                }
            }
        }
        Ok(&self.chunk[self.pos..])
    }

    fn consume(&mut self, n: usize) {
        self.pos += n;
    }
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
