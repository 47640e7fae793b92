//! The table page: every data point with its quote, sortable, filterable, copyable as TSV. The
//! rows, the filter, the sort and the selection are data (`table::shown`); this file draws them.

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use crate::i18n::tr;
use crate::model::Lang;
use crate::table::shown::{SortColumn, TableRow, TableState};

/// Draw the table page: the filter and copy bar, a hint, the table; a clicked row is selected,
/// or unselected when it already was.
/// With `places`, the figures are of several places: each row says whose, in a first column.
pub fn table_ui(ui: &mut Ui, rows: &[TableRow], state: &mut TableState, lang: Lang, places: bool) {
    let copy_requested = crate::ui::shortcuts::copy_requested(ui.ctx());
    let visible = toolbar_ui(ui, rows, state, lang, copy_requested);
    ui.label(
        RichText::new(tr(
            lang,
            "点击行选择（再点取消），点击表头排序；Ctrl+C 复制。",
            "Click rows to select (again to unselect), headers to sort; Ctrl+C copies.",
        ))
        .weak(),
    );
    if let Some(i) = grid_ui(ui, rows, &visible, state, (lang, places))
        && !state.selected.remove(&i)
    {
        state.selected.insert(i);
    }
}

/// The filter, how many rows it leaves, copying and clearing the selection. Returns the rows
/// shown, filtered and sorted once a frame, after the filter text may have changed.
fn toolbar_ui(
    ui: &mut Ui,
    rows: &[TableRow],
    state: &mut TableState,
    lang: Lang,
    copy_requested: bool,
) -> Vec<usize> {
    ui.horizontal(|ui| {
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
    .inner
}

/// The columns' titles, and the sort each one's click asks for (none for the columns whose
/// order means nothing); the place first, when the figures are of several places.
fn headers(lang: Lang, places: bool) -> Vec<(&'static str, Option<SortColumn>)> {
    let place = places.then(|| (tr(lang, "地区", "Place"), Some(SortColumn::Place)));
    place
        .into_iter()
        .chain([
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
        ])
        .collect()
}

/// The table itself, with only the visible rows laid out. Returns the row clicked, if any.
fn grid_ui(
    ui: &mut Ui,
    rows: &[TableRow],
    visible: &[usize],
    state: &mut TableState,
    (lang, places): (Lang, bool),
) -> Option<usize> {
    let mut clicked_row = None;
    let mut table = TableBuilder::new(ui)
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click());
    if places {
        table = table.column(Column::initial(90.0).clip(true));
    }
    table
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
            for (label, col) in headers(lang, places) {
                header.col(|ui| header_cell_ui(ui, label, col, state));
            }
        })
        .body(|body| {
            body.rows(20.0, visible.len(), |mut row| {
                let i = visible[row.index()];
                row.set_selected(state.selected.contains(&i));
                if places {
                    row.col(|ui| {
                        ui.label(&rows[i].place);
                    });
                }
                row_cells(&mut row, &rows[i], lang);
                if row.response().clicked() {
                    clicked_row = Some(i);
                }
            });
        });
    clicked_row
}

/// A column's title with the arrow of its sort; a click cycles ascending, descending, unsorted.
fn header_cell_ui(ui: &mut Ui, label: &str, col: Option<SortColumn>, state: &mut TableState) {
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
}

/// One data point's cells, in the headers' order; the long ones say themselves in full on hover.
fn row_cells(row: &mut egui_extras::TableRow<'_, '_>, r: &TableRow, lang: Lang) {
    row.col(|ui| {
        ui.label(&r.name);
    });
    row.col(|ui| {
        ui.label(&r.category);
    });
    row.col(|ui| {
        ui.label(&r.year_text);
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
}
