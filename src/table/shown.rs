//! The window's table page as data: every figure as a row in one language, with what it sorts
//! and filters by, and the comparison of a result with its target by the charts' rule
//! ([`accountability::paired`]). `ui::table_view` only draws these.

use std::collections::BTreeSet;

use super::Row;
use crate::charts::accountability::{self, Comparison};
use crate::format;
use crate::i18n::{basis_label, kind_time_label, tr};
use crate::model::{DataPoint, Indicator, Lang, PointKind, Report, Unit};

/// Columns shown, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SortColumn {
    Place,
    Indicator,
    Category,
    Year,
    Kind,
    Value,
    Basis,
    Source,
}

/// One row as shown, with what it sorts by, and the machine row for TSV.
#[derive(Clone, Debug)]
pub struct TableRow {
    /// The figure's place (its source's), as the report writes it; empty when it names none.
    pub place: String,
    pub name: String,
    pub category: String,
    pub year: i32,
    /// The year, or a span's years ("2021-2025").
    pub year_text: String,
    pub kind: String,
    pub kind_order: u8,
    pub value: f64,
    pub value_text: String,
    pub basis: String,
    pub period: String,
    pub quote: String,
    /// The source's short title, "（已修订）" / "(revised)" when a later publication stands instead.
    pub source: String,
    /// The source's full citation, for hovering.
    pub source_full: String,
    /// A result against the same year's target (or the reverse): "低于目标3个百分点，未达标".
    pub versus: String,
    pub tsv: Row,
    /// Lowercased text the filter searches.
    haystack: String,
}

/// Rows for the table, in `lang`. Built when the data or the language changes, not every frame.
pub fn build_rows(report: &Report, lang: Lang) -> Vec<TableRow> {
    let tsv = super::rows(report);
    let mut out = Vec::with_capacity(tsv.len());
    let mut tsv = tsv.into_iter();
    for ind in &report.indicators {
        let category = report
            .category(&ind.category)
            .map_or(ind.category.as_str(), |c| c.name(lang))
            .to_owned();
        for p in &ind.points {
            let Some(row) = tsv.next() else { break };
            let Some(unit) = report.unit_of_point(ind, p) else {
                continue;
            };
            let name = ind.name.get(lang).to_owned();
            let source_decl = report.source(p.source_id());
            let mut source = source_decl.map_or_else(
                || p.source_id().to_owned(),
                |s| s.title.get(lang).to_owned(),
            );
            let mut source_full = source_decl
                .map(|s| crate::i18n::source_citation(s, lang))
                .unwrap_or_default();
            if let Some(by) = &p.revised_by {
                source.push_str(tr(lang, "（已修订）", " (revised)"));
                let later = report
                    .source(by)
                    .map_or_else(|| by.clone(), |s| crate::i18n::source_citation(s, lang));
                source_full.push_str(&format!(
                    "{}{later}",
                    tr(
                        lang,
                        "\n已由后来发布的数字取代：",
                        "\nRevised by a later publication: "
                    )
                ));
            }
            let kind = kind_time_label(p.kind, p.year, p.span, lang);
            let place = source_decl
                .and_then(|s| s.place.as_ref())
                .map(|pl| pl.name(lang).to_owned())
                .unwrap_or_default();
            let value_text = format::figure_with_unit(p, unit, lang);
            let basis = basis_label(p.basis, lang).to_owned();
            let period = p.period_label(lang).unwrap_or_default();
            let versus = versus_target(ind, p, unit, lang);
            let haystack = format!(
                "{} {} {} {} {} {} {} {} {} {} {}",
                place,
                ind.id,
                ind.name.zh,
                ind.name.en,
                category,
                kind,
                value_text,
                basis,
                period,
                p.quote,
                source_full
            )
            .to_lowercase();
            out.push(TableRow {
                place,
                name,
                category: category.clone(),
                year: p.year,
                year_text: p
                    .span
                    .map_or_else(|| p.year.to_string(), |s| s.years(p.year)),
                kind,
                kind_order: p.kind as u8,
                value: p.value,
                value_text,
                basis,
                period,
                quote: format::readable_quote(&p.quote),
                source,
                source_full,
                versus,
                tsv: row,
                haystack,
            });
        }
    }
    out
}

/// A result against its year's target, or a target against its result, in words with the status;
/// empty for a figure with no such pair (a starting level, a result with no target on record).
fn versus_target(ind: &Indicator, p: &DataPoint, unit: &Unit, lang: Lang) -> String {
    if p.kind == PointKind::Baseline {
        return String::new();
    }
    let pair = ind
        .current_points(p.measure.as_deref())
        .find(|q| accountability::paired(p, q));
    match (pair, p.kind) {
        (Some(q), _) => {
            let (result, target) = if p.kind == PointKind::Actual {
                (p, q)
            } else {
                (q, p)
            };
            let c = Comparison::of(result, target, unit.percent, ind.better);
            format!(
                "{}{}{}",
                c.words(lang),
                tr(lang, "，", ", "),
                c.status().label(lang)
            )
        }
        (None, PointKind::Target) => tr(lang, "无结果数据", "no result on record").to_owned(),
        (None, _) => String::new(),
    }
}

/// The table's own state: filter text, sort, selection (by row index into the built rows).
#[derive(Debug, Default)]
pub struct TableState {
    pub filter: String,
    pub sort: Option<(SortColumn, bool)>,
    pub selected: BTreeSet<usize>,
}

impl TableState {
    /// Indices of the rows that pass the filter, in display order.
    pub fn visible(&self, rows: &[TableRow]) -> Vec<usize> {
        let needle = self.filter.trim().to_lowercase();
        let mut idx: Vec<usize> = (0..rows.len())
            .filter(|&i| needle.is_empty() || rows[i].haystack.contains(&needle))
            .collect();
        if let Some((col, ascending)) = self.sort {
            idx.sort_by(|&a, &b| {
                let (a, b) = (&rows[a], &rows[b]);
                let ord = match col {
                    SortColumn::Place => a.place.cmp(&b.place),
                    SortColumn::Indicator => a.name.cmp(&b.name),
                    SortColumn::Category => a.category.cmp(&b.category),
                    SortColumn::Year => a.year.cmp(&b.year),
                    SortColumn::Kind => a.kind_order.cmp(&b.kind_order),
                    SortColumn::Value => a.value.total_cmp(&b.value),
                    SortColumn::Basis => a.basis.cmp(&b.basis),
                    SortColumn::Source => a.source.cmp(&b.source),
                };
                if ascending { ord } else { ord.reverse() }
            });
        }
        idx
    }

    /// TSV of the selected rows that are visible, or of every visible row when none is selected.
    pub fn selection_tsv(&self, rows: &[TableRow]) -> String {
        let visible = self.visible(rows);
        let chosen: Vec<&Row> = visible
            .iter()
            .filter(|i| self.selected.is_empty() || self.selected.contains(i))
            .map(|&i| &rows[i].tsv)
            .collect();
        super::to_tsv(chosen)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_default;

    #[test]
    fn filter_sort_and_copy_the_selection() {
        // The plan report alone: its 2022 results and 2023 targets.
        let (name, text) = crate::model::DEFAULT_DATA[1];
        let report = crate::model::parse(name, text.as_bytes()).expect("the plan report");
        let rows = build_rows(&report, Lang::Zh);
        assert_eq!(rows.len(), report.point_count());
        let mut state = TableState {
            filter: "公共预算".into(),
            ..TableState::default()
        };
        let visible = state.visible(&rows);
        assert_eq!(
            visible.len(),
            2,
            "2022 result and 2023 target of budget revenue"
        );
        state.sort = Some((SortColumn::Value, true));
        let values: Vec<f64> = state
            .visible(&rows)
            .iter()
            .map(|&i| rows[i].value)
            .collect();
        assert_eq!(values, [-9.9, 17.0]);
        state.sort = Some((SortColumn::Value, false));
        assert_eq!(rows[state.visible(&rows)[0]].value, 17.0);

        // Nothing selected: every visible row; one selected: that row only.
        let all = state.selection_tsv(&rows);
        assert_eq!(all.lines().count(), 3, "header and two rows");
        state.selected.insert(state.visible(&rows)[1]);
        let one = state.selection_tsv(&rows);
        assert_eq!(one.lines().count(), 2);
        assert!(one.lines().nth(1).expect("row").contains("\t-9.9\t"));
        assert!(one.starts_with("indicator_id\tname_zh"));
    }

    #[test]
    fn the_filter_searches_english_names_and_quotes() {
        let report = load_default().expect("default report");
        let rows = build_rows(&report, Lang::En);
        let state = TableState {
            filter: "PM2.5".into(),
            ..TableState::default()
        };
        assert!(!state.visible(&rows).is_empty());
        let state = TableState {
            filter: "焚烧处理能力达".into(),
            ..TableState::default()
        };
        assert_eq!(state.visible(&rows).len(), 1);
    }
}
