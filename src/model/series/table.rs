//! A record's table, whatever file holds it: a CSV (or TSV, or text) file read as it streams, or a
//! sheet of a spreadsheet written as the text of a table and read by the same reader, its problems
//! placed back on the sheet's cells.

use std::path::Path;

use super::csv::{CsvColumns, Layout, read_table, read_table_from};
use super::sheet::{is_spreadsheet, on_cells, read_sheet, stream_sheet};
use crate::model::Problem;

/// Read `columns` of the table in the file at `path`, laid out as `layout` (`sheet`: a
/// spreadsheet's sheet, the first that is not empty when none), one [`CsvColumns`] a category of
/// `categories`, or one.
pub fn read_any(
    path: &Path,
    name: &str,
    layout: &Layout,
    sheet: Option<&str>,
    columns: &[&str],
    categories: &[&str],
) -> Result<Vec<CsvColumns>, Vec<Problem>> {
    if !is_spreadsheet(path) {
        return read_table(path, name, layout, columns, categories);
    }
    // The sheet's text is tab-separated and its numbers written with a decimal point.
    let layout = Layout {
        separator: Some(b'\t'),
        ..layout.clone()
    };
    // Streamed when it can be; a problem is then found again reading the sheet whole, where its
    // cell can be named.
    if let Some(streamed) = stream_sheet(path, sheet)
        && let Ok(read) = read_table_from(streamed, name, &layout, columns, categories)
    {
        return Ok(read);
    }
    let table = read_sheet(path, name, sheet).map_err(|e| vec![e.problem()])?;
    read_table_from(
        std::io::Cursor::new(table.text.as_bytes()),
        name,
        &layout,
        columns,
        categories,
    )
    .map_err(|problems| on_cells(problems, &table))
}
