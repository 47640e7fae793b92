//! Every data point as a flat row: the `table` command's TSV and the window's table page share it.

pub mod records;
pub mod shown;

use crate::format;
use crate::model::{Lang, Qualifier, Report};

/// The TSV header of `planboard table`: the columns of one figure, then its place (as the report
/// writes it, and its GB/T 2260 code) and a range's two ends (empty for any other figure). A
/// figure over a span of years writes its `year` as the span, `2021-2025`.
pub const HEADER: [&str; COLUMNS] = [
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
    "place",
    "place_code",
    "low",
    "high",
];

/// How many columns a row has.
pub const COLUMNS: usize = 17;

/// One data point with its indicator's facts, as text cells in [`HEADER`] order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub cells: [String; COLUMNS],
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
            let place = report.source(p.source_id()).and_then(|s| s.place.as_ref());
            let (low, high) = match (p.qualifier, p.high) {
                (Qualifier::Range, Some(high)) => (format::plain(p.value), format::plain(high)),
                _ => (String::new(), String::new()),
            };
            rows.push(Row {
                cells: [
                    ind.id.clone(),
                    ind.name.zh.clone(),
                    ind.name.en.clone(),
                    ind.category.clone(),
                    unit.to_owned(),
                    p.span
                        .map_or_else(|| p.year.to_string(), |s| s.years(p.year)),
                    p.kind.id().to_owned(),
                    format::plain(p.value),
                    p.qualifier.id().to_owned(),
                    p.basis.id().to_owned(),
                    p.period_label(Lang::Zh).unwrap_or_default(),
                    p.quote.clone(),
                    source,
                    place.map(|pl| pl.name.clone()).unwrap_or_default(),
                    place.map(|pl| pl.code.clone()).unwrap_or_default(),
                    low,
                    high,
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
