//! A table's lines as cells: quotes, separators and positions (`file:line:column` counts
//! characters), and the problems of one file, listed up to a limit and the rest counted.

use crate::model::{Location, Msg, Problem};

/// Problems listed one by one; past this, one more line says how many others there are.
const MAX_LISTED: usize = 100;

pub(super) struct Problems<'a> {
    name: &'a str,
    listed: Vec<Problem>,
    more: usize,
}

impl<'a> Problems<'a> {
    pub(super) fn new(name: &'a str) -> Self {
        Self {
            name,
            listed: Vec::new(),
            more: 0,
        }
    }
}

impl Problems<'_> {
    pub(super) fn add(&mut self, line: usize, column: usize, msg: Msg) {
        if self.listed.len() < MAX_LISTED {
            self.listed
                .push(Problem::new(Location::at(self.name, line, column), msg));
        } else {
            self.more += 1;
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.listed.is_empty()
    }

    pub(super) fn fatal(&mut self, line: usize, err: &std::io::Error) -> Vec<Problem> {
        self.add(
            line,
            1,
            Msg::new(
                format!("cannot read the series file: {err}"),
                format!("无法读取序列文件：{err}"),
            ),
        );
        std::mem::take(&mut self.listed)
    }

    pub(super) fn finish(mut self) -> Vec<Problem> {
        if self.more > 0 {
            let more = self.more;
            let line = self.listed.last().map_or(0, |p| p.location.line);
            self.add_unlimited(
                line,
                Msg::new(
                    format!("… and {more} more problems after this line, not listed"),
                    format!("……此行之后还有 {more} 个问题，未一一列出"),
                ),
            );
        }
        self.listed
    }

    pub(super) fn add_unlimited(&mut self, line: usize, msg: Msg) {
        self.listed
            .push(Problem::new(Location::at(self.name, line, 1), msg));
    }
}

pub(super) fn unclosed_quote() -> Msg {
    Msg::new(
        "a quoted cell is not closed; expected a closing `\"` (quotes inside a cell are written twice)",
        "带引号的单元格没有结束；应有配对的 `\"`（单元格内的引号应写成两个）",
    )
}

pub(super) fn trim_eol(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

pub(super) fn strip_bom(line: &[u8]) -> &[u8] {
    line.strip_prefix("\u{feff}".as_bytes()).unwrap_or(line)
}

/// The most rows a header is written over (a name, what it measures, a unit).
pub const MAX_HEADER_ROWS: usize = 3;

/// The column names of a header written over several rows, as merged cells leave it: an upper
/// row's name spans the empty cells after it that a lower row names (`PM2.5` over `浓度` and
/// `指数`), and a column is named by its rows' names joined with a space (`PM2.5 浓度`).
pub fn joined_header(rows: &[Vec<String>]) -> Vec<String> {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut names = vec![String::new(); width];
    for (r, row) in rows.iter().enumerate() {
        let named_below = |j: usize| {
            rows[r + 1..]
                .iter()
                .any(|lower| lower.get(j).is_some_and(|c| !c.trim().is_empty()))
        };
        let mut span = "";
        for (j, name) in names.iter_mut().enumerate() {
            let cell = row.get(j).map_or("", |c| c.trim());
            let part = if !cell.is_empty() {
                span = cell;
                cell
            } else if named_below(j) {
                span
            } else {
                span = "";
                ""
            };
            // A name written again in the row below (`监测时间` over `监测时间`) is said once.
            if !part.is_empty() && !name.ends_with(part) {
                if !name.is_empty() {
                    name.push(' ');
                }
                name.push_str(part);
            }
        }
    }
    names
}

/// The separator the header uses: a comma, or a tab or semicolon when the header has no comma.
pub(super) fn separator(header: &str) -> u8 {
    if header.contains(',') {
        b','
    } else if header.contains('\t') {
        b'\t'
    } else if header.contains(';') {
        b';'
    } else {
        b','
    }
}

/// The 1-based column, in characters, of byte `at` of `line` (bytes that continue a UTF-8
/// character are not counted).
pub(super) fn char_column(line: &[u8], at: usize) -> usize {
    line[..at.min(line.len())]
        .iter()
        .filter(|&&b| b & 0xC0 != 0x80)
        .count()
        + 1
}

/// A line's cells as (start byte, text), quotes removed (`""` inside quotes is one quote).
pub(super) fn split(line: &str, sep: u8) -> Result<Vec<(usize, String)>, BadQuote> {
    let mut ranges = Vec::new();
    split_into(line.as_bytes(), sep, &mut ranges)?;
    Ok(ranges
        .into_iter()
        .map(|(start, r)| {
            let text = line.get(r).unwrap_or_default();
            (start, text.replace("\"\"", "\""))
        })
        .collect())
}

/// What is wrong with a row's quotes, at a byte of the row.
#[derive(Clone, Copy, Debug)]
pub(super) enum BadQuote {
    Unclosed(usize),
    TextAfter(usize),
}

impl BadQuote {
    /// The byte of the row where the problem is.
    pub(super) fn at(self) -> usize {
        match self {
            Self::Unclosed(at) | Self::TextAfter(at) => at,
        }
    }

    pub(super) fn msg(self) -> Msg {
        match self {
            Self::Unclosed(_) => unclosed_quote(),
            Self::TextAfter(_) => Msg::new(
                "text follows a quoted cell's closing `\"`; expected the separator next (quotes inside a cell are written twice)",
                "带引号的单元格在结束的 `\"` 之后还有文字；之后应紧接分隔符（单元格内的引号应写成两个）",
            ),
        }
    }
}

/// A row's cells as (start byte, the byte range of the cell's text without its quotes). A quoted
/// cell may hold the separator and line breaks.
pub(super) fn split_into(
    b: &[u8],
    sep: u8,
    cells: &mut Vec<(usize, std::ops::Range<usize>)>,
) -> Result<(), BadQuote> {
    let mut i = 0;
    loop {
        let start = i;
        // Spaces before an opening quote are allowed.
        let mut j = i;
        while j < b.len() && b[j] == b' ' {
            j += 1;
        }
        if j < b.len() && b[j] == b'"' {
            let open = j;
            j += 1;
            let text_start = j;
            loop {
                match b[j..].iter().position(|&c| c == b'"') {
                    None => return Err(BadQuote::Unclosed(open)),
                    Some(k) if b.get(j + k + 1) == Some(&b'"') => j += k + 2,
                    Some(k) => {
                        cells.push((start, text_start..j + k));
                        j += k + 1;
                        break;
                    }
                }
            }
            // Only spaces may stand between the closing quote and the separator.
            let end = b[j..]
                .iter()
                .position(|&c| c == sep)
                .map_or(b.len(), |k| j + k);
            if let Some(k) = b[j..end].iter().position(|&c| c != b' ') {
                // A "cell" over several lines that ends in text is a quote left open lines
                // before, where the fault is.
                if b[text_start..j].contains(&b'\n') {
                    return Err(BadQuote::Unclosed(open));
                }
                return Err(BadQuote::TextAfter(j + k));
            }
            if end == b.len() {
                return Ok(());
            }
            i = end + 1;
        } else if let Some(k) = b[i..].iter().position(|&c| c == sep) {
            cells.push((start, i..i + k));
            i += k + 1;
        } else {
            cells.push((start, i..b.len()));
            return Ok(());
        }
    }
}
