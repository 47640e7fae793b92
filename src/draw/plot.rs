//! The plot of a chart: axes and grid, shared by every still chart kind, with the kind's own items
//! drawn by its file (through [`super::KindDrawing`]), reference lines by [`super::references`],
//! and the category labels painted centred under their place.
//!
//! No legend sits in the plot: bar charts name their bars on the axis and say what the fills mean
//! in the header's key; line charts name their series in the header.

use egui::{Align, Ui, Vec2};
use egui_plot::{AxisHints, GridMark, HLine, Plot, PlotBounds, PlotPoint, PlotUi};

use super::ids::plot_id;
use crate::charts::ChartSpec;
use crate::charts::layout::{PlotLayout, plot_layout};
use crate::format;

/// How a chart is drawn: in the window, with tooltips, or as a still image.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Window,
    Image,
}

/// Height of a plot area for a chart of `width` points.
pub fn plot_height(width: f32) -> f32 {
    (width * 0.5).clamp(220.0, 420.0)
}

/// The font the plot's text uses, and a measure of text in it.
pub(super) fn body_font(ui: &Ui) -> egui::FontId {
    egui::TextStyle::Body.resolve(ui.style())
}

/// The plot itself: axes, the chart's items, value labels, and the tooltip of the figure under the
/// pointer in the window. Each kind draws its own ([`super::KindDrawing::plot_ui`]).
pub fn plot_ui(ui: &mut Ui, spec: &ChartSpec, size: Vec2, mode: Mode) -> egui::Response {
    super::kind_drawing(&spec.body).plot_ui(ui, spec, size, mode)
}

/// The items a kind draws in a still plot, where the layout placed them, in the text colour.
pub(super) type Items<'a> = &'a dyn Fn(&mut PlotUi<'_>, &PlotLayout, egui::Color32);

/// A still chart's plot (every kind but the time chart): axes and grid, the kind's `items`, gap
/// labels, reference lines, the zero line, the category labels centred under their place, and the
/// tooltip of the figure under the pointer in the window.
pub(super) fn still_chart_ui(
    ui: &mut Ui,
    spec: &ChartSpec,
    size: Vec2,
    mode: Mode,
    items: Items<'_>,
) -> egui::Response {
    let id = plot_id(&spec.id);
    let lang = spec.lang;
    let font = body_font(ui);
    let font_px = font.size;
    let ctx = ui.ctx().clone();
    let measure = |text: &str| {
        ctx.fonts_mut(|f| {
            f.layout_no_wrap(text.to_owned(), font.clone(), egui::Color32::WHITE)
                .size()
                .x
        })
    };
    let layout = plot_layout(spec, size.x, size.y, font_px, &measure);
    let x_marks: Vec<f64> = layout.category_labels.iter().map(|(x, _)| *x).collect();
    let text_color = ui.visuals().text_color();

    let response = still_plot(
        id,
        size,
        x_marks,
        (layout.x_axis_px, layout.y_axis_px),
        (lang, spec.unit.clone()),
    )
    .show_grid([false, true])
    .show(ui, |plot_ui| {
        let PlotLayout {
            x_bounds: (x0, x1),
            y_bounds: (y0, y1),
            ..
        } = layout;
        plot_ui.set_plot_bounds(PlotBounds::from_min_max([x0, y0], [x1, y1]));
        items(plot_ui, &layout, text_color);
        super::value_labels::gaps_ui(plot_ui, spec, &layout, text_color);
        super::references::references_ui(plot_ui, spec, &layout);
        if y0 < 0.0 {
            plot_ui.hline(
                HLine::new("", 0.0)
                    .color(text_color.gamma_multiply(0.6))
                    .width(1.0)
                    .allow_hover(false),
            );
        }
        plot_ui.pointer_coordinate()
    });

    // Category labels: centred under their place, each line centred, in the axis' room.
    let painter = ui.painter();
    // The plot's response covers its frame; the category axis' room is just below it.
    let top = response.response.rect.bottom() + 3.0;
    for (x, label) in &layout.category_labels {
        let at = response
            .transform
            .position_from_point(&PlotPoint::new(*x, 0.0));
        let mut job =
            egui::text::LayoutJob::simple(label.clone(), font.clone(), text_color, f32::INFINITY);
        job.halign = Align::Center;
        let galley = painter.layout_job(job);
        // Kept within the plot's width: a label at the edge of many years would otherwise reach
        // into the value axis' numbers.
        let frame = response.response.rect;
        let half = galley.size().x / 2.0;
        let x = if frame.width() > 2.0 * half {
            at.x.clamp(frame.left() + half, frame.right() - half)
        } else {
            frame.center().x
        };
        painter.galley(egui::pos2(x, top), galley, text_color);
    }

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
    response.response
}

/// A plot that stays as it is drawn: egui_plot's own zoom, drag and scroll off (a time chart
/// handles its own), x grid lines at `x_marks`, round value lines with their numbers, and the x
/// axis' labels left to the caller (painted centred, where the axis keeps `axes_px.0` of room).
/// The value axis' numbers are written for the chart's unit (`numbers`): no 万 before 万元.
pub(super) fn still_plot(
    id: egui::Id,
    size: Vec2,
    x_marks: Vec<f64>,
    axes_px: (f32, f32),
    numbers: (crate::model::Lang, crate::model::Unit),
) -> Plot<'static> {
    let (lang, unit) = numbers;
    Plot::new(id)
        .id(id)
        .width(size.x)
        .height(size.y)
        .custom_x_axes(vec![
            AxisHints::new_x()
                .formatter(|_, _| String::new())
                .min_thickness(axes_px.0),
        ])
        .custom_y_axes(vec![
            AxisHints::new_y()
                .formatter(move |mark: GridMark, _| format::number_in(mark.value, &unit, lang))
                .min_thickness(axes_px.1),
        ])
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
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
}

/// About six value lines at round steps (1, 2 or 5 × 10^n), all of one weight: a chart people
/// read at a glance, not a ruler.
pub(super) fn nice_grid(input: &egui_plot::GridInput) -> Vec<GridMark> {
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
