//! A page of charts in the window: cards in a grid, each with its header, save and copy buttons,
//! series toggles, the plot and a context menu. Returns what the person asked; the app applies it.

use std::collections::BTreeSet;
use std::sync::Arc;

use egui::{RichText, Ui, Vec2};

use super::widgets::hint_button;
use crate::charts::ChartSpec;
use crate::draw::palette::series_color;
use crate::draw::{self, Mode};
use crate::i18n::tr;
use crate::ui::action::Action;

/// The page's charts in a grid of one to three columns. `spec_of` gives each chart's spec with its
/// hidden set; `rects` receives each card's rectangle (for the shortcuts that act on the chart
/// under the pointer).
pub fn charts_page_ui(
    ui: &mut Ui,
    chart_ids: &[String],
    mut spec_of: impl FnMut(&str) -> Option<(Arc<ChartSpec>, BTreeSet<String>)>,
    rects: &mut Vec<(String, egui::Rect)>,
) -> Vec<Action> {
    let mut actions = Vec::new();
    // Single figures are cards, in a grid of their own above the charts that compare.
    let specs: Vec<(String, Arc<ChartSpec>, BTreeSet<String>)> = chart_ids
        .iter()
        .filter_map(|id| spec_of(id).map(|(spec, hidden)| (id.clone(), spec, hidden)))
        .collect();
    let (cards, charts): (Vec<_>, Vec<_>) =
        specs.into_iter().partition(|(_, s, _)| s.card().is_some());
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let avail = ui.available_width();
            let card_columns = ((avail + GAP) / (240.0 + GAP)).floor().max(1.0) as usize;
            grid_ui(
                ui,
                &cards,
                card_columns,
                rects,
                &mut actions,
                |ui, spec, _, w| figure_card_ui(ui, spec, w),
            );
            let chart_columns = if charts.len() <= 1 {
                1
            } else {
                ((avail / 560.0).floor() as usize).clamp(1, 3)
            };
            grid_ui(
                ui,
                &charts,
                chart_columns,
                rects,
                &mut actions,
                chart_card_ui,
            );
        });
    actions
}

/// Room between cards and charts, in points.
const GAP: f32 = 12.0;

/// Items in rows of `columns`, each as wide as the row allows; their rectangles and actions
/// collected.
fn grid_ui(
    ui: &mut Ui,
    items: &[(String, Arc<ChartSpec>, BTreeSet<String>)],
    columns: usize,
    rects: &mut Vec<(String, egui::Rect)>,
    actions: &mut Vec<Action>,
    item_ui: impl Fn(&mut Ui, &ChartSpec, &BTreeSet<String>, f32) -> (Option<Action>, egui::Rect),
) {
    let avail = ui.available_width();
    let width = (avail - GAP * (columns as f32 - 1.0)) / columns as f32;
    for row in items.chunks(columns.max(1)) {
        ui.horizontal_top(|ui| {
            ui.spacing_mut().item_spacing.x = GAP;
            for (chart_id, spec, hidden) in row {
                let (action, rect) = ui
                    .allocate_ui(Vec2::new(width, 0.0), |ui| item_ui(ui, spec, hidden, width))
                    .inner;
                rects.push((chart_id.clone(), rect));
                actions.extend(action);
            }
        });
        ui.add_space(GAP);
    }
}

/// The frame of a card or a chart in the page's grid, `width` wide, its content top-down.
fn framed_ui<R>(
    ui: &mut Ui,
    width: f32,
    add_contents: impl FnOnce(&mut Ui) -> R,
) -> egui::InnerResponse<R> {
    egui::Frame::group(ui.style())
        .fill(ui.visuals().extreme_bg_color)
        .inner_margin(10.0)
        .show(ui, |ui| {
            ui.set_width(width - 22.0);
            ui.vertical(add_contents).inner
        })
}

/// One figure as a card: the number large, what it is, its companions; the sentence and source on
/// hover; copy the text, save or copy the image.
fn figure_card_ui(ui: &mut Ui, spec: &ChartSpec, width: f32) -> (Option<Action>, egui::Rect) {
    let lang = spec.lang;
    let Some(card) = spec.card() else {
        return (None, egui::Rect::NOTHING);
    };
    let mut action = None;
    let frame = framed_ui(ui, width, |ui| {
        draw::card_ui(ui, &spec.title, card, Mode::Window);
        card_buttons_ui(ui, spec, card, &mut action);
    });
    let rect = frame.response.rect;
    frame
        .response
        .on_hover_ui(|ui| draw::card_source_ui(ui, card, lang));
    (action, rect)
}

fn card_buttons_ui(
    ui: &mut Ui,
    spec: &ChartSpec,
    card: &crate::charts::CardSpec,
    action: &mut Option<Action>,
) {
    let lang = spec.lang;
    ui.horizontal_wrapped(|ui| {
        if hint_button(
            ui,
            lang,
            true,
            ("复制文字", "Copy text"),
            (
                "复制数字、说明和原文",
                "Copy the figure, what it is and its sentence",
            ),
        ) {
            *action = Some(Action::CopyText(card.to_text(lang)));
        }
        if ui
            .small_button(tr(lang, "保存图片", "Save image"))
            .clicked()
        {
            *action = Some(Action::SaveChart(spec.id.clone()));
        }
        if ui
            .small_button(tr(lang, "复制图片", "Copy image"))
            .clicked()
        {
            *action = Some(Action::CopyChart(spec.id.clone()));
        }
    });
}

/// One chart as shown in the window: header with save and copy buttons, toggles, plot, and a
/// context menu. Returns what the user asked, if anything, and the card's rectangle.
pub fn chart_card_ui(
    ui: &mut Ui,
    spec: &ChartSpec,
    hidden: &BTreeSet<String>,
    width: f32,
) -> (Option<Action>, egui::Rect) {
    let lang = spec.lang;
    let width = width.max(240.0);
    let chart = || spec.id.clone();
    let mut action = None;
    let frame = framed_ui(ui, width, |ui| {
        ui.horizontal(|ui| {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
                if hint_button(
                    ui,
                    lang,
                    true,
                    ("复制图片", "Copy image"),
                    (
                        "复制为图片，可直接粘贴到幻灯片或文档",
                        "Copy as an image to paste into a slide or document",
                    ),
                ) {
                    action = Some(Action::CopyChart(chart()));
                }
                if hint_button(
                    ui,
                    lang,
                    true,
                    ("保存图片", "Save image"),
                    ("保存为 PNG 或 SVG（Ctrl+S）", "Save as PNG or SVG (Ctrl+S)"),
                ) {
                    action = Some(Action::SaveChart(chart()));
                }
                ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                    draw::header_ui(ui, spec);
                });
            });
        });
        if let Some(next) = toggles_ui(ui, spec, hidden) {
            action = Some(Action::SetHidden {
                chart: chart(),
                hidden: next,
            });
        }
        if !spec.any_visible() {
            ui.label(
                RichText::new(tr(lang, "所有系列都已隐藏。", "Every series is hidden.")).weak(),
            );
        }
        let size = Vec2::new(width - 22.0, draw::plot_height(width));
        let Some(time) = spec.time() else {
            return draw::plot_ui(ui, spec, size, Mode::Window);
        };
        // A time chart: what is drawn above the plot, the range strip and the counts below.
        let mut asked = super::time_controls::time_controls_ui(ui, spec, time);
        let plot = draw::plot_ui(ui, spec, size, Mode::Window);
        asked = asked.or_else(|| {
            ui.data_mut(|d| {
                d.remove_temp::<crate::charts::time::TimeView>(draw::view_request_id(&spec.id))
            })
        });
        asked = super::time_controls::range_strip_ui(ui, spec, time, size.x).or(asked);
        super::time_controls::time_summary_ui(ui, time);
        if let Some(view) = asked {
            action = Some(Action::SetTimeView {
                chart: chart(),
                view,
            });
        }
        plot
    });
    let rect = frame.response.rect;
    // Right-click on the plot: the same actions as the buttons.
    frame.inner.context_menu(|ui| {
        if ui.button(tr(lang, "保存图片", "Save image")).clicked() {
            action = Some(Action::SaveChart(chart()));
            ui.close();
        }
        if ui.button(tr(lang, "复制图片", "Copy image")).clicked() {
            action = Some(Action::CopyChart(chart()));
            ui.close();
        }
    });
    (action, rect)
}

/// Check boxes for every series and reference line, with "all", "none" and "only this". Returns the
/// new hidden set when one was clicked.
fn toggles_ui(
    ui: &mut Ui,
    spec: &ChartSpec,
    hidden: &BTreeSet<String>,
) -> Option<BTreeSet<String>> {
    let lang = spec.lang;
    let keys = spec.toggles();
    let mut next_hidden = None;
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 6.0;
        if ui.small_button(tr(lang, "全部", "All")).clicked() {
            next_hidden = Some(BTreeSet::new());
        }
        if ui.small_button(tr(lang, "全不选", "None")).clicked() {
            next_hidden = Some(keys.iter().map(|k| k.id.to_owned()).collect());
        }
        ui.separator();
        for toggle in &keys {
            let key = toggle.id;
            let mut visible = !hidden.contains(key);
            // The swatch is part of the box's text, so a wrapped row never parts it from its name.
            let text: egui::WidgetText = match toggle.color {
                Some(color) => {
                    let mut job = egui::text::LayoutJob::default();
                    let font = egui::TextStyle::Body.resolve(ui.style());
                    job.append(
                        "■ ",
                        0.0,
                        egui::TextFormat::simple(font.clone(), series_color(color)),
                    );
                    job.append(
                        toggle.name,
                        0.0,
                        egui::TextFormat::simple(font, ui.visuals().text_color()),
                    );
                    job.into()
                }
                None => toggle.name.into(),
            };
            if ui.checkbox(&mut visible, text).changed() {
                let mut next = hidden.clone();
                if visible {
                    next.remove(key);
                } else {
                    next.insert(key.to_owned());
                }
                next_hidden = Some(next);
            }
            if keys.len() > 1
                && ui
                    .small_button(tr(lang, "仅此", "only"))
                    .on_hover_text(tr(lang, "只显示这一项", "Show only this one"))
                    .clicked()
            {
                next_hidden = Some(
                    keys.iter()
                        .filter(|k| k.id != key)
                        .map(|k| k.id.to_owned())
                        .collect(),
                );
            }
        }
    });
    next_hidden
}
