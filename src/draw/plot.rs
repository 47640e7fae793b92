//! The plot of a chart: axes, grid and legend, shared by every chart kind, with the kind's own items
//! drawn by [`super::bars`] or [`super::lines`] and reference lines by [`super::references`].

use std::collections::BTreeSet;

use egui::{Ui, Vec2};
use egui_plot::{
    AxisHints, ColorConflictHandling, Corner, GridMark, HLine, ItemId, Legend, Plot, PlotBounds,
    PlotMemory,
};

use crate::charts::ChartSpec;
use crate::charts::layout::{LegendCorner, PlotLayout, plot_layout};
use crate::format;
use crate::model::ChartKind;

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
pub(super) fn item_source(key: &str) -> (&'static str, &str) {
    ("series", key)
}

/// How a chart is drawn: in the window, with toggles and tooltips, or as a still image.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Window,
    Image,
}

impl Mode {
    /// Whether a series or reference line is drawn: in an image the legend lists only what is
    /// visible; in the window it lists every series so a hidden one can be switched back on.
    pub(super) fn draws(self, visible: bool) -> bool {
        self == Self::Window || visible
    }
}

/// Height of a plot area for a chart of `width` points.
pub fn plot_height(width: f32) -> f32 {
    (width * 0.5).clamp(220.0, 420.0)
}

/// The plot itself, with legend and value labels. Returns the new hidden set when the user clicked
/// the legend, and the plot's response.
pub fn plot_ui(
    ui: &mut Ui,
    spec: &ChartSpec,
    hidden: &BTreeSet<String>,
    size: Vec2,
    mode: Mode,
) -> (Option<BTreeSet<String>>, egui::Response) {
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
    let layout = plot_layout(spec, size.x, size.y, font_px);
    let labels = layout.category_labels.clone();
    let x_marks: Vec<f64> = labels.iter().map(|(x, _)| *x).collect();
    let x_axis = AxisHints::new_x()
        .formatter(move |mark: GridMark, _| {
            labels
                .iter()
                .find(|(x, _)| (x - mark.value).abs() < 1e-6)
                .map(|(_, l)| l.clone())
                .unwrap_or_default()
        })
        .min_thickness(layout.x_axis_px);
    let y_axis = AxisHints::new_y()
        .formatter(move |mark: GridMark, _| format::number(mark.value, lang))
        .min_thickness(layout.y_axis_px);
    let legend = Legend::default()
        .position(match layout.legend {
            LegendCorner::Top => Corner::RightTop,
            LegendCorner::Bottom => Corner::RightBottom,
        })
        .follow_insertion_order(true)
        .color_conflict_handling(ColorConflictHandling::PickFirst)
        // One entry a series even when two display names coincide, so the legend's hidden set
        // always maps back to series keys.
        .grouping(egui_plot::LegendGrouping::ById)
        .hidden_items(hidden_ids.iter().copied());
    let text_color = ui.visuals().text_color();

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
            let PlotLayout {
                x_bounds: (x0, x1),
                y_bounds: (y0, y1),
                ..
            } = layout;
            plot_ui.set_plot_bounds(PlotBounds::from_min_max([x0, y0], [x1, y1]));
            match spec.kind {
                ChartKind::Lines => {
                    super::lines::lines_ui(plot_ui, spec, &layout, mode, text_color);
                }
                ChartKind::TargetsAndResults => {
                    super::targets::targets_ui(plot_ui, spec, &layout, mode, text_color);
                }
                ChartKind::GroupedBars | ChartKind::BeforeAfter | ChartKind::ReferenceLines => {
                    super::bars::bars_ui(plot_ui, spec, &layout, mode, text_color);
                }
            }
            super::references::references_ui(plot_ui, spec, &layout, mode);
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

    if mode == Mode::Window
        && let Some(pointer) = response.inner
        && response.response.hovered()
        && let Some(bar) = spec.hit(pointer.x, pointer.y)
    {
        let detail = bar.detail.clone();
        response
            .response
            .clone()
            .on_hover_ui_at_pointer(|ui| super::tooltip_ui(ui, &detail, lang));
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
    ((next != *hidden).then_some(next), plot_response)
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
