//! A first look at a table's text: its separator, its header line, and a sample of its rows as
//! cells, each with its line number.

use crate::model::series::{MAX_HEADER_ROWS, header_separator, joined_header, split_cells};

/// The most of a file the draft looks at: its decisions hold for the rows it saw, and the check
/// that follows reads every row.
pub const SAMPLE_BYTES: usize = 4 << 20;

/// A table as first seen.
#[derive(Debug)]
pub struct Sniffed {
    pub separator: u8,
    /// Whether the data file must name the separator: the reader's own guess from the header
    /// would be another.
    pub separator_named: bool,
    /// 1-based.
    pub header_line: usize,
    /// The rows the header is written over (merged cells above their parts' names).
    pub header_rows: usize,
    pub names: Vec<String>,
    /// (line number, cells) of the rows sampled.
    pub rows: Vec<(usize, Vec<String>)>,
}

const CANDIDATES: [u8; 4] = [b',', b'\t', b';', b'|'];

/// The separator, header and rows of a table's first lines; `None` when no separator gives the
/// lines one number of cells (not a table).
pub fn sniff(text: &str, separator: Option<u8>) -> Option<Sniffed> {
    let rows = rows_of(text);
    let lines: Vec<(usize, &str)> = rows
        .iter()
        .map(|(n, l)| (*n, l.as_str()))
        .filter(|(_, l)| !l.trim().is_empty())
        .collect();
    // A line cut by the sample's end is left out.
    let whole = if text.len() >= SAMPLE_BYTES && lines.len() > 1 {
        &lines[..lines.len() - 1]
    } else {
        &lines[..]
    };
    // The last 200 lines, in order: notes before the header fall out of a long file's tail.
    let tail = &whole[whole.len().saturating_sub(200)..];
    let width = |sep: u8| -> Option<usize> {
        // The cells a row has: what most lines agree on, from the first line that has as many.
        let counts: Vec<usize> = tail
            .iter()
            .map(|(_, l)| split_cells(l, sep).map_or(0, |c| c.len()))
            .collect();
        let mut sorted = counts.clone();
        sorted.sort_unstable();
        let mode = *sorted.get(sorted.len() / 2)?;
        let from = counts.iter().position(|&c| c == mode)?;
        let rest = &counts[from..];
        let agree = rest.iter().filter(|&&c| c == mode).count();
        (mode > 1 && agree * 10 >= rest.len() * 9).then_some(mode)
    };
    let (sep, cols) = match separator {
        Some(s) => (s, width(s)?),
        None => CANDIDATES
            .iter()
            .filter_map(|&s| width(s).map(|w| (s, w)))
            .max_by_key(|&(s, w)| (w, s == b','))?,
    };
    // The header: the first line with the table's width that names most of the columns a row
    // fills (a title above a sheet's table, `2024年空气质量,,,`, has the width but one cell of
    // text; a sheet's rows are as wide as its widest, a note off to the side included).
    let mut filled: Vec<usize> = tail
        .iter()
        .filter_map(|(_, l)| split_cells(l, sep))
        .map(|c| c.iter().filter(|x| !x.trim().is_empty()).count())
        .collect();
    filled.sort_unstable();
    let typical = filled.get(filled.len() / 2).copied().unwrap_or(cols);
    let mut header = None;
    for (k, (line_no, l)) in whole.iter().enumerate() {
        let Some(cells) = split_cells(l, sep) else {
            continue;
        };
        let named = cells.iter().filter(|c| !c.trim().is_empty()).count();
        if cells.len() == cols && named >= 2 && named * 2 >= typical.min(cols) {
            header = Some((k, *line_no, cells));
            break;
        }
    }
    let (mut k, mut header_line, mut names) = header?;
    // A title of two cells (`2024年1月空气质量,,单位：μg/m³`) above a row that names every column
    // in words: that row is the header. (A header with one empty cell, pandas' index, stays.)
    let named = names.iter().filter(|c| !c.trim().is_empty()).count();
    if (named <= 2 || named * 2 < cols)
        && let Some((line, l)) = whole.get(k + 1)
        && let Some(cells) = split_cells(l, sep)
        && cells.len() == cols
        && cells.iter().all(|c| {
            let c = c.trim();
            !c.is_empty() && c.parse::<f64>().is_err() && !looks_dated(c)
        })
    {
        (k, header_line, names) = (k + 1, *line, cells);
    }
    // A header over two or three rows: the rows right after it that name merged cells' parts.
    let mut header_rows = vec![names];
    let mut body = k + 1;
    // The line after a row (a quoted cell may have run over lines).
    let after = |k: usize| whole[k].0 + whole[k].1.matches('\n').count() + 1;
    while header_rows.len() < MAX_HEADER_ROWS
        && whole.get(body + 1).is_some()
        && whole[body].0 == after(body - 1)
    {
        match split_cells(whole[body].1, sep) {
            Some(cells) if names_parts(&header_rows, &cells) => header_rows.push(cells),
            _ => break,
        }
        body += 1;
    }
    let names = joined_header(&header_rows);
    let rows = whole[body..]
        .iter()
        .filter_map(|(n, l)| {
            split_cells(l, sep).map(|c| (*n, c.into_iter().map(|x| x.trim().to_owned()).collect()))
        })
        .collect();
    Some(Sniffed {
        separator: sep,
        separator_named: header_separator(text.lines().nth(header_line - 1).unwrap_or_default())
            != sep,
        header_line,
        header_rows: header_rows.len(),
        names,
        rows,
    })
}

/// Whether `cells`, the row under a header's `above` rows, names the parts of merged cells: text
/// only (no number, no date, no missing-value mark), some of it under a cell every row above
/// leaves empty to the right of one an upper row names (a span).
fn names_parts(above: &[Vec<String>], cells: &[String]) -> bool {
    let text = |c: &String| !c.trim().is_empty();
    let spanned = |j: usize| {
        above.iter().all(|row| row.get(j).is_none_or(|a| !text(a)))
            && above.iter().any(|row| row.iter().take(j).any(text))
    };
    let merged = cells.iter().enumerate().any(|(j, c)| text(c) && spanned(j));
    let words = cells.iter().filter(|c| text(c)).all(|c| {
        let c = c.trim();
        c.parse::<f64>().is_err()
            && !looks_dated(c)
            && !super::words::words().missing_marks.iter().any(|m| m == c)
    });
    merged && words
}

/// A cell that starts as a date or a time does (`2024-01-01`, `2024/1/1`, `12:00`, `2024年1月`):
/// a row of data, not of names (`1小时平均` is a name).
fn looks_dated(cell: &str) -> bool {
    let digits = cell.chars().take_while(char::is_ascii_digit).count();
    digits > 0
        && cell[digits..]
            .chars()
            .next()
            .is_some_and(|c| matches!(c, '-' | '/' | '.' | ':' | '年' | 'T'))
}

/// Lines a quoted cell may run over before its row is taken as a broken line instead.
const MAX_ROW_LINES: usize = 20;

/// The text's rows, each with the line it starts on: a quoted cell's line breaks (a note column)
/// keep its row whole, as the reader reads it. A quote opens a cell only at a line's start or
/// after a separator (`2"` of an inch mark does not), and a row whose quote does not close within
/// [`MAX_ROW_LINES`] lines is left as it was written.
fn rows_of(text: &str) -> Vec<(usize, String)> {
    let lines: Vec<&str> = text.lines().map(|l| l.trim_end_matches('\r')).collect();
    let mut rows = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let mut row = lines[i].to_owned();
        let mut end = i + 1;
        let mut open = still_open(lines[i], false);
        if open {
            let mut joined = row.clone();
            while open && end < lines.len() && end - i < MAX_ROW_LINES {
                joined.push('\n');
                joined.push_str(lines[end]);
                open = still_open(lines[end], true);
                end += 1;
            }
            if open {
                end = i + 1;
            } else {
                row = joined;
            }
        }
        rows.push((i + 1, row));
        i = end;
    }
    rows
}

/// Whether a quoted cell is still open at the end of `line`, which starts inside one when
/// `inside`. Any of the separators the draft tries opens a cell.
fn still_open(line: &str, mut inside: bool) -> bool {
    let b = line.as_bytes();
    // Whether a cell starts here: at the line's start or after a separator, spaces aside.
    let mut cell_start = !inside;
    let mut k = 0;
    while k < b.len() {
        let c = b[k];
        if inside {
            if c == b'"' {
                if b.get(k + 1) == Some(&b'"') {
                    k += 1;
                } else {
                    inside = false;
                }
            }
        } else if c == b'"' && cell_start {
            inside = true;
            cell_start = false;
        } else if CANDIDATES.contains(&c) {
            cell_start = true;
        } else if c != b' ' {
            cell_start = false;
        }
        k += 1;
    }
    inside
}
