//! The window's controls of a time chart: what is drawn (raw values or means), a button to see the
//! whole record, the range strip under the plot (the whole record small, the visible window
//! marked: drag it, drag its edges, or click elsewhere to move there), and the visible range's
//! mean and counts in words. Each returns the view asked for; the panel turns it into an action.

use egui::{RichText, Sense, Stroke, Ui, Vec2};

use crate::charts::ChartSpec;
use crate::charts::time::{TimeChart, TimeView, clamp_window, means_name};
use crate::draw::palette::series_color;
use crate::i18n::tr;
use crate::model::series::Averaging;
use crate::model::time::Instant;

/// The row above the plot: what the line shows, and "whole record".
pub fn time_controls_ui(ui: &mut Ui, spec: &ChartSpec, chart: &TimeChart) -> Option<TimeView> {
    let lang = spec.lang;
    let mut asked = None;
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 6.0;
        ui.label(RichText::new(tr(lang, "显示：", "Show:")).weak());
        let window = Some(chart.view).filter(|v| *v != chart.extent);
        let mut choice = |ui: &mut Ui, means: Option<Averaging>, text: &str| {
            if ui.selectable_label(chart.means == means, text).clicked() && chart.means != means {
                asked = Some(TimeView {
                    window,
                    means,
                    zero: chart.zero,
                });
            }
        };
        choice(ui, None, tr(lang, "原始值", "raw values"));
        for per in [Averaging::Day, Averaging::Month, Averaging::Year] {
            choice(ui, Some(per), means_name(per, lang));
        }
        ui.separator();
        if ui
            .add_enabled(
                chart.view != chart.extent,
                egui::Button::new(tr(lang, "全部时段", "Whole record")).small(),
            )
            .on_hover_text(tr(
                lang,
                "显示全部时段（也可双击图表）",
                "Show the whole record (or double-click the chart)",
            ))
            .clicked()
        {
            asked = Some(TimeView {
                window: None,
                means: chart.means,
                zero: chart.zero,
            });
        }
        let mut zero = chart.zero;
        if ui
            .checkbox(&mut zero, tr(lang, "从零开始", "Start at zero"))
            .on_hover_text(tr(
                lang,
                "数值轴从零开始；不勾选时数值轴贴合数据（数据接近零时仍含零）",
                "The value axis starts at zero; unticked it fits the data (keeping zero when the data comes near it)",
            ))
            .changed()
        {
            asked = Some(TimeView {
                window: Some(chart.view).filter(|v| *v != chart.extent),
                means: chart.means,
                zero,
            });
        }
        ui.label(RichText::new(chart.range_text(lang)).weak());
    });
    asked
}

/// The visible range's mean and counts, a line each.
pub fn time_summary_ui(ui: &mut Ui, chart: &TimeChart) {
    for line in chart
        .summary
        .iter()
        .chain(chart.counts.iter().map(|c| &c.text))
    {
        ui.label(RichText::new(line).small());
    }
}

/// What a drag on the strip moves.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Grab {
    Window {
        from: Instant,
        window: (Instant, Instant),
    },
    Start,
    End,
}

/// The range strip: the whole record at the strip's width, the visible window marked. Returns
/// the view a drag or a click asks for.
pub fn range_strip_ui(
    ui: &mut Ui,
    spec: &ChartSpec,
    chart: &TimeChart,
    width: f32,
) -> Option<TimeView> {
    let height = 34.0;
    let (rect, response) =
        ui.allocate_exact_size(Vec2::new(width, height), Sense::click_and_drag());
    let response = response.on_hover_text(tr(
        spec.lang,
        "拖动窗口平移，拖动边缘缩放，单击跳转",
        "Drag the window to pan, its edges to zoom, click to jump",
    ));
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 2.0, ui.visuals().faint_bg_color);
    let strip = Strip::new(rect, chart.extent);
    let columns = (width * ui.ctx().pixels_per_point()).round().max(1.0) as usize;
    record_ui(&painter, &strip, spec, chart, columns);
    let window = window_ui(ui, &painter, &strip, chart.view);
    strip.asked(ui, &response, window, chart)
}

/// Where the strip is and the record's time extent it spans: turns a time into an x and back.
struct Strip {
    rect: egui::Rect,
    e0: Instant,
    span: f64,
}

impl Strip {
    fn new(rect: egui::Rect, (e0, e1): (Instant, Instant)) -> Self {
        Self {
            rect,
            e0,
            span: (e1 - e0).max(1) as f64,
        }
    }

    fn x_of(&self, t: Instant) -> f32 {
        self.rect.left() + ((t - self.e0) as f64 / self.span * f64::from(self.rect.width())) as f32
    }

    fn t_of(&self, x: f32) -> Instant {
        self.e0
            + (f64::from((x - self.rect.left()) / self.rect.width()) * self.span).round() as Instant
    }

    /// The view a drag or a click on the strip asks for. A drag that starts on an edge of the
    /// window moves that edge, one inside it moves the whole window; what was grabbed is kept in
    /// egui's memory for the frames the drag lasts. A click elsewhere centres the window there.
    fn asked(
        &self,
        ui: &Ui,
        response: &egui::Response,
        window: egui::Rect,
        chart: &TimeChart,
    ) -> Option<TimeView> {
        let rect = self.rect;
        let (v0, v1) = chart.view;
        let grab_id = response.id.with("grab");
        let edge = 6.0;
        if let Some(p) = response.hover_pos()
            && ((p.x - window.left()).abs() < edge || (p.x - window.right()).abs() < edge)
        {
            ui.ctx().set_cursor_icon(egui::CursorIcon::ResizeHorizontal);
        }
        let means = chart.means;
        let asked = |a: Instant, b: Instant| {
            Some(TimeView {
                window: Some(clamp_window((a.min(b), a.max(b)), chart.extent)),
                means,
                zero: chart.zero,
            })
        };
        if response.drag_started()
            && let Some(p) = response.interact_pointer_pos()
        {
            let grab = if (p.x - window.left()).abs() < edge {
                Grab::Start
            } else if (p.x - window.right()).abs() < edge {
                Grab::End
            } else {
                Grab::Window {
                    from: self.t_of(p.x),
                    window: chart.view,
                }
            };
            ui.data_mut(|d| d.insert_temp(grab_id, grab));
        }
        if response.dragged()
            && let Some(p) = response.interact_pointer_pos()
            && let Some(grab) = ui.data(|d| d.get_temp::<Grab>(grab_id))
        {
            let t = self.t_of(p.x.clamp(rect.left(), rect.right()));
            return match grab {
                Grab::Start => asked(t, v1),
                Grab::End => asked(v0, t),
                Grab::Window { from, window } => {
                    let dt = t - from;
                    asked(window.0 + dt, window.1 + dt)
                }
            };
        }
        if response.clicked()
            && let Some(p) = response.interact_pointer_pos()
        {
            let t = self.t_of(p.x);
            let half = (v1 - v0) / 2;
            return asked(t - half, t + half);
        }
        None
    }
}

/// The values' range the strip draws: the whole record's own, so the strip looks the same
/// whatever is visible (the chart's range when the record has none), from zero at most.
fn record_range(spec: &ChartSpec, chart: &TimeChart) -> (f64, f64) {
    let (lo, hi) = (spec.value_range.0, spec.value_range.1);
    let mut vlo = f64::INFINITY;
    let mut vhi = f64::NEG_INFINITY;
    for s in chart.series.iter().filter(|s| s.visible) {
        if let Some(samples) = &s.figures.samples {
            let e = samples.extremes(0..samples.len());
            if e.count > 0 {
                vlo = vlo.min(e.min);
                vhi = vhi.max(e.max);
            }
        }
    }
    if !(vlo.is_finite() && vhi > vlo) {
        (vlo, vhi) = (lo, hi);
    }
    (vlo.min(0.0), vhi)
}

/// The visible series, each decimated to one point a pixel column, faint.
fn record_ui(
    painter: &egui::Painter,
    strip: &Strip,
    spec: &ChartSpec,
    chart: &TimeChart,
    columns: usize,
) {
    let rect = strip.rect;
    let (e0, e1) = chart.extent;
    let (vlo, vhi) = record_range(spec, chart);
    let y_of = |v: f64| {
        rect.bottom()
            - 3.0
            - ((v - vlo) / (vhi - vlo).max(f64::EPSILON) * f64::from(rect.height() - 6.0)) as f32
    };
    for (k, s) in chart.series.iter().enumerate().filter(|(_, s)| s.visible) {
        if s.figures.samples.is_none() {
            continue;
        }
        let color = series_color(s.color).gamma_multiply(0.8);
        for run in chart
            .decimated(k, false, e0 as f64, e1 as f64, columns)
            .iter()
        {
            let points: Vec<egui::Pos2> = run
                .iter()
                .map(|p| egui::pos2(strip.x_of(p[0] as Instant), y_of(p[1])))
                .collect();
            painter.add(egui::Shape::line(points, Stroke::new(1.0, color)));
        }
    }
}

/// The visible window, framed, with what lies outside it shaded. Returns where it is, at least
/// two points wide so it can still be grabbed.
fn window_ui(
    ui: &Ui,
    painter: &egui::Painter,
    strip: &Strip,
    (v0, v1): (Instant, Instant),
) -> egui::Rect {
    let rect = strip.rect;
    let visuals = ui.visuals();
    let window = egui::Rect::from_x_y_ranges(
        strip.x_of(v0)..=strip.x_of(v1).max(strip.x_of(v0) + 2.0),
        rect.y_range(),
    );
    let shade = crate::draw::palette::outside_window(visuals.dark_mode);
    painter.rect_filled(
        egui::Rect::from_x_y_ranges(rect.left()..=window.left(), rect.y_range()),
        0.0,
        shade,
    );
    painter.rect_filled(
        egui::Rect::from_x_y_ranges(window.right()..=rect.right(), rect.y_range()),
        0.0,
        shade,
    );
    painter.rect_stroke(
        window,
        2.0,
        Stroke::new(1.5, visuals.selection.stroke.color),
        egui::StrokeKind::Inside,
    );
    window
}
