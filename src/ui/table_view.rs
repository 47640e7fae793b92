//! The table page: every data point with its quote, sortable, filterable, copyable as TSV.

use std::collections::BTreeSet;

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use crate::format;
use crate::i18n::{basis_label, kind_label, tr};
use crate::model::{Lang, Report};
use crate::table::{self, Row};

/// Columns shown, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SortColumn {
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
    pub name: String,
    pub category: String,
    pub year: i32,
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
    let tsv = table::rows(report);
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
            let kind = kind_label(p.kind, p.year, lang);
            let value_text = format::value_with_unit(p.value, p.qualifier, unit, lang);
            let basis = basis_label(p.basis, lang).to_owned();
            let period = p
                .period
                .as_ref()
                .map(|t| t.get(lang).to_owned())
                .unwrap_or_default();
            let versus = versus_target(ind, p, unit, lang);
            let haystack = format!(
                "{} {} {} {} {} {} {} {} {} {}",
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
                name,
                category: category.clone(),
                year: p.year,
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
fn versus_target(
    ind: &crate::model::Indicator,
    p: &crate::model::DataPoint,
    unit: &crate::model::Unit,
    lang: Lang,
) -> String {
    use crate::charts::accountability::Comparison;
    use crate::model::PointKind;
    let other = match p.kind {
        PointKind::Actual => PointKind::Target,
        PointKind::Target => PointKind::Actual,
        PointKind::Baseline => return String::new(),
    };
    let pair = ind
        .current_points(p.measure.as_deref())
        .find(|q| q.year == p.year && q.kind == other && q.basis == p.basis);
    match (pair, p.kind) {
        (Some(q), _) => {
            let (result, target) = if p.kind == PointKind::Actual {
                (p, q)
            } else {
                (q, p)
            };
            let c = Comparison {
                result: result.value,
                target: target.value,
                qualifier: target.qualifier,
                percent: unit.percent,
                better: ind.better,
            };
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
        table::to_tsv(chosen)
    }
}

/// Draw the table page.
pub fn table_ui(ui: &mut Ui, rows: &[TableRow], state: &mut TableState, lang: Lang) {
    let copy_requested = crate::ui::shortcuts::copy_requested(ui.ctx());
    // Filtered and sorted once a frame, after the filter text may have changed.
    let visible = ui
        .horizontal(|ui| {
            ui.label(tr(lang, "筛选：", "Filter:"));
            ui.add(
                egui::TextEdit::singleline(&mut state.filter)
                    .hint_text(tr(lang, "指标、数值、原文……", "indicator, value, quote…"))
                    .desired_width(260.0),
            );
            let visible = state.visible(rows);
            ui.label(format!(
                "{} / {} {}",
                visible.len(),
                rows.len(),
                tr(lang, "条", "rows")
            ));
            let label = if state.selected.is_empty() {
                tr(lang, "复制全部（TSV）", "Copy all (TSV)")
            } else {
                tr(lang, "复制所选（TSV）", "Copy selection (TSV)")
            };
            if ui.button(label).clicked() || copy_requested {
                ui.ctx().copy_text(state.selection_tsv(rows));
            }
            if !state.selected.is_empty()
                && ui.button(tr(lang, "取消选择", "Clear selection")).clicked()
            {
                state.selected.clear();
            }
            visible
        })
        .inner;
    ui.label(
        RichText::new(tr(
            lang,
            "点击行选择（再点取消），点击表头排序；Ctrl+C 复制。",
            "Click rows to select (again to unselect), headers to sort; Ctrl+C copies.",
        ))
        .weak(),
    );
    let headers = [
        (tr(lang, "指标", "Indicator"), Some(SortColumn::Indicator)),
        (tr(lang, "类别", "Theme"), Some(SortColumn::Category)),
        (tr(lang, "年份", "Year"), Some(SortColumn::Year)),
        (tr(lang, "类型", "Kind"), Some(SortColumn::Kind)),
        (tr(lang, "数值", "Value"), Some(SortColumn::Value)),
        (tr(lang, "对照目标", "Against target"), None),
        (tr(lang, "口径", "Basis"), Some(SortColumn::Basis)),
        (tr(lang, "时期", "Period"), None),
        (tr(lang, "报告原文", "Quote"), None),
        (tr(lang, "来源", "Source"), Some(SortColumn::Source)),
    ];
    let mut clicked_row = None;
    TableBuilder::new(ui)
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .column(Column::initial(200.0).at_least(120.0).clip(true))
        .column(Column::initial(80.0).clip(true))
        .column(Column::initial(50.0))
        .column(Column::initial(90.0))
        .column(Column::initial(110.0))
        .column(Column::initial(150.0).clip(true))
        .column(Column::initial(90.0))
        .column(Column::initial(60.0))
        .column(Column::initial(360.0).at_least(200.0).clip(true))
        .column(Column::remainder().at_least(120.0).clip(true))
        .header(22.0, |mut header| {
            for (label, col) in headers {
                header.col(|ui| {
                    let arrow = match (state.sort, col) {
                        (Some((s, true)), Some(c)) if s == c => " ▲",
                        (Some((s, false)), Some(c)) if s == c => " ▼",
                        _ => "",
                    };
                    let text = RichText::new(format!("{label}{arrow}")).strong();
                    if let Some(col) = col {
                        if ui.add(egui::Button::new(text).frame(false)).clicked() {
                            state.sort = match state.sort {
                                Some((s, true)) if s == col => Some((col, false)),
                                Some((s, false)) if s == col => None,
                                _ => Some((col, true)),
                            };
                        }
                    } else {
                        ui.label(text);
                    }
                });
            }
        })
        .body(|body| {
            body.rows(20.0, visible.len(), |mut row| {
                let i = visible[row.index()];
                let r = &rows[i];
                row.set_selected(state.selected.contains(&i));
                row.col(|ui| {
                    ui.label(&r.name);
                });
                row.col(|ui| {
                    ui.label(&r.category);
                });
                row.col(|ui| {
                    ui.label(r.year.to_string());
                });
                row.col(|ui| {
                    ui.label(&r.kind);
                });
                row.col(|ui| {
                    ui.label(&r.value_text);
                });
                row.col(|ui| {
                    ui.label(&r.versus)
                        .on_hover_text(crate::charts::accountability::rule(lang));
                });
                row.col(|ui| {
                    ui.label(&r.basis);
                });
                row.col(|ui| {
                    ui.label(&r.period);
                });
                row.col(|ui| {
                    ui.label(&r.quote).on_hover_text(&r.quote);
                });
                row.col(|ui| {
                    ui.label(&r.source).on_hover_text(&r.source_full);
                });
                if row.response().clicked() {
                    clicked_row = Some(i);
                }
            });
        });
    if let Some(i) = clicked_row
        && !state.selected.remove(&i)
    {
        state.selected.insert(i);
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
