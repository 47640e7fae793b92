//! Drawing a [`ChartSpec`] with egui_plot: header, series toggles, the plot with its legend, and
//! the tooltip with the report's own sentence. The window and the image export both draw charts
//! through here.

use std::collections::BTreeSet;

use egui::{Align2, RichText, Ui, Vec2};
use egui_plot::{
    AxisHints, Bar, BarChart, ColorConflictHandling, Corner, GridMark, HLine, ItemId, Legend, Line,
    LineStyle, MarkerShape, Plot, PlotBounds, PlotMemory, PlotPoint, PlotPoints, Points, Text,
};

use crate::charts::{ChartSpec, wrap_label};
use crate::format;
use crate::i18n::tr;
use crate::model::Lang;
use crate::ui::palette::{bar_fill, bar_stroke, series_color};

/// The plot's id, from the chart id: the same chart keeps its legend state across frames.
pub fn plot_id(chart_id: &str) -> egui::Id {
    egui::Id::unique(("planboard-chart", chart_id))
}

/// The legend item of a toggle key. Every item of a series (bars, labels) shares it, so hiding the
/// series hides all of them.
pub fn item_id(key: &str) -> ItemId {
    ItemId::new(item_source(key))
}

/// What plot items hash into their [`ItemId`] (their `.id(…)` takes the source, not the id).
fn item_source(key: &str) -> (&'static str, &str) {
    ("series", key)
}

/// How a chart is drawn: in the window, with toggles and tooltips, or as a still image.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Window,
    Image,
}

/// The title and, below it, the unit and the key to the bar fills.
pub fn header_ui(ui: &mut Ui, spec: &ChartSpec) {
    ui.label(RichText::new(&spec.title).size(16.0).strong());
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(&spec.axis_label).weak());
        for (kind, label) in &spec.key {
            ui.add_space(8.0);
            let (rect, _) = ui.allocate_exact_size(Vec2::new(14.0, 10.0), egui::Sense::hover());
            let base = ui.visuals().text_color();
            ui.painter().rect(
                rect,
                1.0,
                bar_fill(base, *kind),
                bar_stroke(base, *kind),
                egui::StrokeKind::Inside,
            );
            ui.label(RichText::new(label).weak());
        }
    });
    // Reference lines are not figures of the report: say where each comes from.
    for r in spec.references.iter().filter(|r| r.visible) {
        let sep = crate::i18n::tr(spec.lang, "：", ": ");
        ui.label(
            RichText::new(format!("{}{sep}{}", r.name, r.source))
                .small()
                .weak(),
        );
    }
}

/// What the user asked of a chart this frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ToggleAction {
    /// Replace the hidden set (a check box, "all", "none", "only this", or the legend).
    SetHidden(BTreeSet<String>),
    /// 保存图片 / Save image.
    SaveImage,
    /// 复制图片 / Copy image.
    CopyImage,
}

/// Check boxes for every series and reference line, with "all", "none" and "only this".
pub fn toggles_ui(
    ui: &mut Ui,
    spec: &ChartSpec,
    hidden: &BTreeSet<String>,
) -> Option<ToggleAction> {
    let lang = spec.lang;
    let keys: Vec<(String, String, usize)> = spec
        .series
        .iter()
        .map(|s| (s.id.clone(), s.name.clone(), s.color))
        .chain(
            spec.references
                .iter()
                .map(|r| (r.id.clone(), r.name.clone(), r.color)),
        )
        .collect();
    let mut action = None;
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 6.0;
        if ui.small_button(tr(lang, "全部", "All")).clicked() {
            action = Some(ToggleAction::SetHidden(BTreeSet::new()));
        }
        if ui.small_button(tr(lang, "全不选", "None")).clicked() {
            action = Some(ToggleAction::SetHidden(
                keys.iter().map(|k| k.0.clone()).collect(),
            ));
        }
        ui.separator();
        for (key, name, color) in &keys {
            let mut visible = !hidden.contains(key);
            let (rect, _) = ui.allocate_exact_size(Vec2::splat(10.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, series_color(*color));
            if ui.checkbox(&mut visible, name.as_str()).changed() {
                let mut next = hidden.clone();
                if visible {
                    next.remove(key);
                } else {
                    next.insert(key.clone());
                }
                action = Some(ToggleAction::SetHidden(next));
            }
            if keys.len() > 1
                && ui
                    .small_button(tr(lang, "仅此", "only"))
                    .on_hover_text(tr(lang, "只显示这一项", "Show only this one"))
                    .clicked()
            {
                action = Some(ToggleAction::SetHidden(
                    keys.iter()
                        .filter(|k| &k.0 != key)
                        .map(|k| k.0.clone())
                        .collect(),
                ));
            }
        }
    });
    action
}

/// Height of a plot area for a chart of `width` points.
pub fn plot_height(width: f32) -> f32 {
    (width * 0.5).clamp(220.0, 420.0)
}

/// The plot itself, with legend and value labels. Returns a new hidden set when the user clicked
/// the legend.
pub fn plot_ui(
    ui: &mut Ui,
    spec: &ChartSpec,
    hidden: &BTreeSet<String>,
    size: Vec2,
    mode: Mode,
) -> (Option<ToggleAction>, egui::Response) {
    let id = plot_id(&spec.id);
    let ctx = ui.ctx().clone();
    let hidden_ids: egui_plot::ItemIdSet = hidden.iter().map(|k| item_id(k)).collect();
    // One source of truth: the app's hidden set drives the plot's memory before it draws, so a
    // check box takes effect in the same frame.
    match PlotMemory::load(&ctx, id) {
        Some(mut mem) if mem.hidden_items != hidden_ids => {
            mem.hidden_items = hidden_ids.clone();
            mem.store(&ctx, id);
        }
        // A plot's first frame has no memory to hold the hidden set yet: draw once more when it has.
        None if !hidden_ids.is_empty() => ctx.request_repaint(),
        _ => {}
    }

    let lang = spec.lang;
    let font_px = ui
        .style()
        .text_styles
        .get(&egui::TextStyle::Body)
        .map_or(13.0, |f| f.size);
    let y_axis_px = 56.0;
    let n = spec.categories.len().max(1) as f32;
    let per_category = ((size.x - y_axis_px) / n).max(20.0);
    let max_units = ((per_category * 0.92) / (font_px * 0.5)).floor() as usize;
    let labels: Vec<(f64, String)> = spec
        .categories
        .iter()
        .map(|c| (c.x, wrap_label(&c.label, max_units, 3)))
        .collect();
    let lines = labels
        .iter()
        .map(|(_, l)| l.lines().count())
        .max()
        .unwrap_or(1) as f32;
    let x_marks: Vec<f64> = labels.iter().map(|(x, _)| *x).collect();

    let x_axis = AxisHints::new_x()
        .formatter(move |mark: GridMark, _| {
            labels
                .iter()
                .find(|(x, _)| (x - mark.value).abs() < 1e-6)
                .map(|(_, l)| l.clone())
                .unwrap_or_default()
        })
        .min_thickness(lines * (font_px + 3.0) + 6.0);
    let y_axis = AxisHints::new_y()
        .formatter(move |mark: GridMark, _| format::number(mark.value, lang))
        .min_thickness(y_axis_px - 8.0);

    let (x0, x1) = spec.x_range;
    let (mut y0, mut y1) = spec.y_range;
    // The legend sits in a right-hand corner of the plot, on the side away from the bars: leave it
    // room there (above positive bars; below when every visible value is negative).
    let entries = spec.series.len() + spec.references.len();
    let plot_px = (size.y - lines * (font_px + 3.0) - 6.0).max(60.0);
    let legend_share = f64::from(((entries as f32 * (font_px + 5.0) + 14.0) / plot_px).min(0.6));
    let all_negative = y1 <= 0.0 && y0 < 0.0;
    if all_negative {
        y0 = y1 - (y1 - y0) / (1.0 - legend_share);
    } else {
        y1 = y0 + (y1 - y0) / (1.0 - legend_share);
    }
    let corner = if all_negative {
        Corner::RightBottom
    } else {
        Corner::RightTop
    };
    let text_color = ui.visuals().text_color();
    let interactive = mode == Mode::Window;
    let legend = Legend::default()
        .position(corner)
        .follow_insertion_order(true)
        .color_conflict_handling(ColorConflictHandling::PickFirst)
        // One entry a series even when two display names coincide, so the legend's hidden set
        // always maps back to series keys.
        .grouping(egui_plot::LegendGrouping::ById)
        .hidden_items(hidden_ids.iter().copied());

    let response = Plot::new(id)
        .id(id)
        .width(size.x)
        .height(size.y)
        .legend(legend)
        .custom_x_axes(vec![x_axis])
        .custom_y_axes(vec![y_axis])
        .x_grid_spacer(move |_| {
            x_marks
                .iter()
                .map(|&value| GridMark {
                    value,
                    step_size: 1.0,
                })
                .collect()
        })
        .y_grid_spacer(|input| nice_grid(&input))
        .show_grid([false, true])
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .show(ui, |plot_ui| {
            plot_ui.set_plot_bounds(PlotBounds::from_min_max([x0, y0], [x1, y1]));
            let range = y1 - y0;
            // In an image the legend lists only what is visible; in the window it lists every
            // series so a hidden one can be switched back on.
            let drawn = |visible: bool| mode == Mode::Window || visible;
            for series in spec.series.iter().filter(|s| drawn(s.visible)) {
                let color = series_color(series.color);
                let sid = item_source(&series.id);
                if !series.bars.is_empty() {
                    let bars = series
                        .bars
                        .iter()
                        .map(|b| {
                            Bar::new(b.x, b.value)
                                .width(b.width)
                                .fill(bar_fill(color, b.kind))
                                .stroke(bar_stroke(color, b.kind))
                        })
                        .collect();
                    plot_ui.bar_chart(
                        BarChart::new(series.name.clone(), bars)
                            .id(sid)
                            .color(color)
                            .allow_hover(false),
                    );
                }
                if !series.line.is_empty() {
                    let pts: Vec<[f64; 2]> = series.line.iter().map(|p| [p.x, p.value]).collect();
                    plot_ui.line(
                        Line::new(series.name.clone(), PlotPoints::from(pts.clone()))
                            .id(sid)
                            .color(color)
                            .width(2.0)
                            .allow_hover(false),
                    );
                    plot_ui.points(
                        Points::new("", PlotPoints::from(pts))
                            .id(sid)
                            .color(color)
                            .radius(4.0)
                            .shape(MarkerShape::Circle)
                            .filled(true)
                            .allow_hover(false),
                    );
                }
                for b in series.bars.iter().chain(&series.line) {
                    let anchor = if b.value >= 0.0 {
                        Align2::CENTER_BOTTOM
                    } else {
                        Align2::CENTER_TOP
                    };
                    let lift = if series.line.is_empty() {
                        0.0
                    } else {
                        range * 0.03
                    };
                    let y = if b.value >= 0.0 {
                        b.value + lift
                    } else {
                        b.value - lift
                    };
                    plot_ui.text(
                        Text::new(
                            "",
                            PlotPoint::new(b.x, y),
                            RichText::new(&b.label).size(font_px - 1.0),
                        )
                        .id(sid)
                        .color(text_color)
                        .anchor(anchor)
                        .allow_hover(false),
                    );
                }
            }
            for gap in &spec.gaps {
                plot_ui.text(
                    Text::new(
                        "",
                        PlotPoint::new(gap.x, gap.y + range * 0.09),
                        RichText::new(&gap.text).size(font_px - 1.0).italics(),
                    )
                    .color(text_color.gamma_multiply(0.8))
                    .anchor(Align2::CENTER_BOTTOM)
                    .allow_hover(false),
                );
            }
            for r in spec.references.iter().filter(|r| drawn(r.visible)) {
                let color = series_color(r.color);
                let rid = item_source(&r.id);
                plot_ui.hline(
                    HLine::new(r.name.clone(), r.value)
                        .id(rid)
                        .color(color)
                        .width(1.5)
                        .style(LineStyle::dashed_loose())
                        .allow_hover(false),
                );
                plot_ui.text(
                    Text::new(
                        "",
                        PlotPoint::new(x0, r.value + (y1 - y0) * 0.012),
                        RichText::new(&r.name).size(font_px - 2.0),
                    )
                    .id(rid)
                    .color(color)
                    .anchor(Align2::LEFT_BOTTOM)
                    .allow_hover(false),
                );
            }
            if spec.y_range.0 < 0.0 {
                plot_ui.hline(
                    HLine::new("", 0.0)
                        .color(text_color.gamma_multiply(0.6))
                        .width(1.0)
                        .allow_hover(false),
                );
            }
            plot_ui.pointer_coordinate()
        });

    if interactive
        && let Some(pointer) = response.inner
        && response.response.hovered()
        && let Some(bar) = spec.hit(pointer.x, pointer.y)
    {
        let detail = bar.detail.clone();
        response
            .response
            .clone()
            .on_hover_ui_at_pointer(|ui| tooltip_ui(ui, &detail, lang));
    }

    // The legend may have changed the plot's hidden items: report them as the new truth.
    let plot_response = response.response;
    let Some(mem) = PlotMemory::load(&ctx, id) else {
        return (None, plot_response);
    };
    if mem.hidden_items == hidden_ids {
        return (None, plot_response);
    }
    let next: BTreeSet<String> = spec
        .toggle_keys()
        .filter(|k| mem.hidden_items.contains(&item_id(k)))
        .map(ToOwned::to_owned)
        .collect();
    (
        (next != *hidden).then_some(ToggleAction::SetHidden(next)),
        plot_response,
    )
}

/// About six value lines at round steps (1, 2 or 5 × 10^n), all of one weight: a chart people
/// read at a glance, not a ruler.
fn nice_grid(input: &egui_plot::GridInput) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    let span = hi - lo;
    if !(span.is_finite() && span > 0.0) {
        return Vec::new();
    }
    // The round step that gives closest to six intervals.
    let magnitude = 10f64.powf((span / 6.0).log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .min_by(|a, b| {
            ((span / a) - 6.0)
                .abs()
                .total_cmp(&((span / b) - 6.0).abs())
        })
        .unwrap_or(magnitude);
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    (first..=last)
        .map(|k| GridMark {
            value: k as f64 * step,
            step_size: step,
        })
        .collect()
}

/// A figure's tooltip: indicator, kind and year, value with unit and qualifier, basis, period, and
/// the sentence of the report.
pub fn tooltip_ui(ui: &mut Ui, detail: &crate::charts::PointDetail, lang: Lang) {
    ui.set_max_width(420.0);
    ui.label(RichText::new(&detail.title).strong());
    egui::Grid::new("planboard-tooltip")
        .num_columns(2)
        .show(ui, |ui| {
            for (label, value) in &detail.rows {
                ui.label(RichText::new(label).weak());
                ui.label(value);
                ui.end_row();
            }
        });
    ui.separator();
    ui.label(RichText::new(tr(lang, "报告原文：", "The report says:")).weak());
    ui.label(RichText::new(format!("“{}”", detail.quote)).italics());
}

/// One chart as shown in the window: header with save and copy buttons, toggles, plot, and a
/// context menu. Returns what the user asked, if anything, and the chart's rectangle (for the
/// keyboard shortcuts that act on the chart under the pointer).
pub fn chart_ui(
    ui: &mut Ui,
    spec: &ChartSpec,
    hidden: &BTreeSet<String>,
    width: f32,
) -> (Option<ToggleAction>, egui::Rect) {
    let lang = spec.lang;
    let width = width.max(240.0);
    let mut action = None;
    let frame = egui::Frame::group(ui.style())
        .fill(ui.visuals().extreme_bg_color)
        .inner_margin(10.0)
        .show(ui, |ui| {
            ui.set_width(width - 22.0);
            ui.vertical(|ui| {
                ui.horizontal(|ui| {
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
                        if ui
                            .small_button(tr(lang, "复制图片", "Copy image"))
                            .on_hover_text(tr(
                                lang,
                                "复制为图片，可直接粘贴到幻灯片或文档",
                                "Copy as an image to paste into a slide or document",
                            ))
                            .clicked()
                        {
                            action = Some(ToggleAction::CopyImage);
                        }
                        if ui
                            .small_button(tr(lang, "保存图片", "Save image"))
                            .on_hover_text(tr(lang, "保存为 PNG（Ctrl+S）", "Save as PNG (Ctrl+S)"))
                            .clicked()
                        {
                            action = Some(ToggleAction::SaveImage);
                        }
                        ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                            header_ui(ui, spec);
                        });
                    });
                });
                if let Some(a) = toggles_ui(ui, spec, hidden) {
                    action = Some(a);
                }
                if !spec.any_visible() {
                    ui.label(
                        RichText::new(tr(lang, "所有系列都已隐藏。", "Every series is hidden."))
                            .weak(),
                    );
                }
                let size = Vec2::new(width - 22.0, plot_height(width));
                let (a, plot) = plot_ui(ui, spec, hidden, size, Mode::Window);
                if a.is_some() {
                    action = a;
                }
                plot
            })
            .inner
        });
    let rect = frame.response.rect;
    // Right-click on the plot: the same actions as the buttons.
    frame.inner.context_menu(|ui| {
        if ui.button(tr(lang, "保存图片", "Save image")).clicked() {
            action = Some(ToggleAction::SaveImage);
            ui.close();
        }
        if ui.button(tr(lang, "复制图片", "Copy image")).clicked() {
            action = Some(ToggleAction::CopyImage);
            ui.close();
        }
    });
    (action, rect)
}
