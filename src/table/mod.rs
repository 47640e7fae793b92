//! Every data point as a flat row: the `table` command's TSV and the window's table page share it.

pub mod records;
pub mod shown;

use crate::format;
use crate::model::{Lang, Report};

/// The TSV header of `planboard table`.
pub const HEADER: [&str; 13] = [
    "indicator_id",
    "name_zh",
    "name_en",
    "category",
    "unit",
    "year",
    "kind",
    "value",
    "qualifier",
    "basis",
    "period",
    "quote",
    "source",
];

/// One data point with its indicator's facts, as text cells in [`HEADER`] order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub cells: [String; 13],
}

/// All rows of a report, in the data files' order. A figure revised by a later publication is
/// kept, its source cell saying so: `lg-plan-2022 (revised by lg-bulletin-2023)`.
pub fn rows(report: &Report) -> Vec<Row> {
    let mut rows = Vec::with_capacity(report.point_count());
    for ind in &report.indicators {
        for p in &ind.points {
            let unit = report
                .unit_of_point(ind, p)
                .map_or(ind.unit.as_str(), |u| u.zh.as_str());
            let source = match &p.revised_by {
                None => p.source_id().to_owned(),
                Some(by) => format!("{} (revised by {by})", p.source_id()),
            };
            rows.push(Row {
                cells: [
                    ind.id.clone(),
                    ind.name.zh.clone(),
                    ind.name.en.clone(),
                    ind.category.clone(),
                    unit.to_owned(),
                    p.year.to_string(),
                    p.kind.id().to_owned(),
                    format::plain(p.value),
                    p.qualifier.id().to_owned(),
                    p.basis.id().to_owned(),
                    p.period_label(Lang::Zh).unwrap_or_default(),
                    p.quote.clone(),
                    source,
                ],
            });
        }
    }
    rows
}

/// Rows as TSV with the header line. Tabs and line breaks inside cells become spaces, so each
/// row stays one line.
pub fn to_tsv<'a>(rows: impl IntoIterator<Item = &'a Row>) -> String {
    let mut out = HEADER.join("\t");
    out.push('\n');
    for row in rows {
        let cells: Vec<String> = row.cells.iter().map(|c| clean(c)).collect();
        out.push_str(&cells.join("\t"));
        out.push('\n');
    }
    out
}

fn clean(cell: &str) -> String {
    cell.chars()
        .map(|c| {
            if matches!(c, '\t' | '\n' | '\r') {
                ' '
            } else {
                c
            }
        })
        .collect()
}
