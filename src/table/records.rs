//! `planboard table --records`: one TSV row a monitoring record (a column of a table, and of a
//! long table a category), what a person checks first — like a data frame's `describe` — how
//! many values were read, how many are gaps, from when to when, and their mean, least and most.

use crate::format;
use crate::model::Report;

/// The TSV header of `planboard table --records`.
pub const RECORD_HEADER: [&str; 11] = [
    "indicator_id",
    "column",
    "category",
    "unit",
    "values",
    "gaps",
    "first",
    "last",
    "mean",
    "min",
    "max",
];

/// A row a record, in the data files' order, as TSV with its header.
pub fn records_tsv(report: &Report) -> String {
    let mut out = RECORD_HEADER.join("\t");
    out.push('\n');
    for ind in &report.indicators {
        let (Some(series), Some(samples)) = (&ind.series, &ind.samples) else {
            continue;
        };
        let e = samples.extremes(0..samples.len());
        let count = usize::try_from(e.count).unwrap_or(usize::MAX);
        let (first, last) = samples.extent().unwrap_or_default();
        let shown = |t| samples.zone().format_labelled(t, samples.precision);
        let number = |v: f64| {
            if count == 0 {
                String::new()
            } else {
                format::plain(v)
            }
        };
        let unit = report
            .unit(&ind.unit)
            .map_or(ind.unit.as_str(), |u| u.en.as_str());
        let cells = [
            ind.id.clone(),
            series.value.clone(),
            series.category.clone().unwrap_or_default(),
            unit.to_owned(),
            count.to_string(),
            (samples.len() - count.min(samples.len())).to_string(),
            shown(first),
            shown(last),
            e.mean().map(format::plain).unwrap_or_default(),
            number(e.min),
            number(e.max),
        ];
        let cells: Vec<String> = cells
            .iter()
            .map(|c| c.replace(['\t', '\n', '\r'], " "))
            .collect();
        out.push_str(&cells.join("\t"));
        out.push('\n');
    }
    out
}
