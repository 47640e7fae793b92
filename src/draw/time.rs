//! A time chart drawn: records a pixel column at a time ([`decimate`]), the report's figures across
//! the time they cover, reference lines, a calendar axis whose labels never meet, and in the window
//! the exact value under the pointer, zoom (wheel), pan (drag) and fit (double-click).
//!
//! The view a person asks for is not kept here: it is left in the context's memory under
//! [`view_request_id`] for the chart's panel to turn into an action, like every other change.

use egui::{Align, Align2, Color32, Painter, Rect, RichText, Stroke, Ui, Vec2};
use egui_plot::{HLine, Line, LineStyle, PlotBounds, PlotPoint, PlotPoints, Points, Text};

use super::ids::{item_source, plot_id};
use super::palette::series_color;
use super::plot::{body_font, still_plot};
use super::{KindDrawing, Mode, swatch};
use crate::charts::time::{HoverPoint, TimeChart, TimeView, axis, clamp_window};
use crate::charts::{ChartSpec, Look};
use crate::format;
use crate::model::time::Instant;

/// Where the window leaves the view a person asked for, under the chart's plot id.
pub fn view_request_id(chart_id: &str) -> egui::Id {
    plot_id(chart_id).with("view-request")
}

impl KindDrawing for TimeChart {
    fn plot_ui(&self, ui: &mut Ui, spec: &ChartSpec, size: Vec2, mode: Mode) -> egui::Response {
        time_plot_ui(ui, spec, self, size, mode)
    }

    /// Every record is a line.
    fn swatch(&self, painter: &Painter, rect: Rect, base: Color32, _look: Look) {
        swatch::line(painter, rect, base, 2.0);
    }
}

/// The plot of a time chart, `size` points large: the axes' room measured, the plot's items
/// drawn, then what egui_plot does not draw itself (the time labels, the reference lines' names)
/// and, in the window, the value under the pointer and the view asked for.
fn time_plot_ui(
    ui: &mut Ui,
    spec: &ChartSpec,
    chart: &TimeChart,
    size: Vec2,
    mode: Mode,
) -> egui::Response {
    let id = plot_id(&spec.id);
    let lang = spec.lang;
    let font = body_font(ui);
    let ctx = ui.ctx().clone();
    let measure = |text: &str| {
        ctx.fonts_mut(|f| {
            f.layout_no_wrap(text.to_owned(), font.clone(), Color32::WHITE)
                .size()
                .x
        })
    };
    let (y0, y1) = spec.value_range;
    let y_axis_px = [y0, y1, f64::midpoint(y0, y1)]
        .iter()
        .map(|v| measure(&format::number_in(*v, &spec.unit, lang)))
        .fold(0.0, f32::max)
        + 12.0;
    let x_axis_px = font.size + 10.0;
    let (t0, t1) = (chart.view.0 as f64, chart.view.1 as f64);
    // A little less than the plot will have, so the spacing rule is never generous.
    let plot_width = (size.x - y_axis_px - 8.0).max(40.0);
    let ticks = axis::ticks(t0, t1, plot_width, (lang, &chart.zone), &measure);
    let marks: Vec<f64> = ticks.iter().map(|t| t.t as f64).collect();
    let drawn = Drawn {
        spec,
        chart,
        t0,
        t1,
        text_color: ui.visuals().text_color(),
        font,
    };
    let pixels_per_point = ctx.pixels_per_point();

    let response = still_plot(
        id,
        size,
        marks,
        (x_axis_px, y_axis_px),
        (lang, spec.unit.clone()),
    )
    .show_grid([true, true])
    .show(ui, |plot_ui| {
        plot_ui.set_plot_bounds(PlotBounds::from_min_max([t0, y0], [t1, y1]));
        let columns = (plot_ui.transform().frame().width() * pixels_per_point)
            .round()
            .max(1.0) as usize;
        drawn.items(plot_ui, columns);
        // The exact value under the pointer (marked below, on the tooltip's layer).
        (mode == Mode::Window)
            .then(|| plot_ui.pointer_coordinate())
            .flatten()
            .filter(|_| plot_ui.response().hovered())
            .and_then(|p| chart.hover(p.x, p.y, spec).map(|h| (p, h)))
    });

    drawn.time_labels(ui.painter(), &ticks, &response);
    drawn.reference_labels(ui, &response);
    if mode == Mode::Window {
        drawn.pointer_ui(ui, &response, id);
        if let Some(view) = interaction(ui, &response.response, &response.transform, chart) {
            ui.data_mut(|d| d.insert_temp(view_request_id(&spec.id), view));
        }
    }
    response.response
}

/// What the drawing steps share: the chart, the window of time shown, the font and text colour.
struct Drawn<'a> {
    spec: &'a ChartSpec,
    chart: &'a TimeChart,
    t0: f64,
    t1: f64,
    font: egui::FontId,
    text_color: Color32,
}

/// The plot's response, with the value under the pointer if any.
type TimePlotResponse = egui_plot::PlotResponse<Option<(PlotPoint, HoverPoint)>>;

impl Drawn<'_> {
    /// The plot's items: each visible series' record and figures, the reference lines, and zero
    /// when the values go below it.
    fn items(&self, plot_ui: &mut egui_plot::PlotUi<'_>, columns: usize) {
        for (k, s) in self
            .chart
            .series
            .iter()
            .enumerate()
            .filter(|(_, s)| s.visible)
        {
            if s.figures.samples.is_some() {
                self.record(plot_ui, k, columns);
            }
            self.figure_spans(plot_ui, k);
        }
        for r in self.spec.references.iter().filter(|r| r.visible) {
            plot_ui.hline(super::references::reference_hline(r));
        }
        if self.spec.value_range.0 < 0.0 {
            plot_ui.hline(
                HLine::new("", 0.0)
                    .color(self.text_color.gamma_multiply(0.6))
                    .width(1.0)
                    .allow_hover(false),
            );
        }
    }

    /// Series `k`'s record a pixel column at a time; with means drawn, the raw values stay
    /// beneath, faint, and a mean alone in its run is a dot.
    fn record(&self, plot_ui: &mut egui_plot::PlotUi<'_>, k: usize, columns: usize) {
        let (chart, t0, t1) = (self.chart, self.t0, self.t1);
        let Some(s) = chart.series.get(k) else {
            return;
        };
        let color = series_color(s.color);
        let sid = item_source(&s.id);
        let raw_color = if chart.means.is_some() {
            color.gamma_multiply(0.3)
        } else {
            color
        };

        for run in chart.decimated(k, false, t0, t1, columns).iter() {
            plot_ui.line(line(&s.name, run.clone(), raw_color, 1.2).id(sid));
        }
        if chart.means.is_some() {
            for run in chart.decimated(k, true, t0, t1, columns).iter().cloned() {
                if run.len() == 1 {
                    plot_ui.points(
                        Points::new("", PlotPoints::from(run))
                            .id(sid)
                            .color(color)
                            .radius(2.5)
                            .allow_hover(false),
                    );
                } else {
                    plot_ui.line(line(&s.name, run, color, 2.0).id(sid));
                }
            }
        }
    }

    /// Series `k`'s figures from the report: a thick line across the time each covers (within
    /// the window), its value above.
    fn figure_spans(&self, plot_ui: &mut egui_plot::PlotUi<'_>, k: usize) {
        let Some(s) = self.chart.series.get(k) else {
            return;
        };
        let color = series_color(s.color);
        let sid = item_source(&s.id);
        for f in &s.figures.spans {
            let (a, b) = ((f.start as f64).max(self.t0), (f.end as f64).min(self.t1));
            if b <= a {
                continue;
            }
            plot_ui.line(
                line(&s.name, vec![[a, f.value], [b, f.value]], color, 3.0)
                    .id(sid)
                    .style(LineStyle::Solid),
            );
            plot_ui.text(
                Text::new(
                    "",
                    PlotPoint::new(f64::midpoint(a, b), f.value),
                    RichText::new(&f.label).size(self.font.size - 1.0),
                )
                .id(sid)
                .color(self.text_color)
                .anchor(Align2::CENTER_BOTTOM)
                .allow_hover(false),
            );
        }
    }

    /// The time labels: centred under their ticks, kept inside the plot's width.
    fn time_labels(&self, painter: &Painter, ticks: &[axis::Tick], response: &TimePlotResponse) {
        let (t0, t1, text_color) = (self.t0, self.t1, self.text_color);
        let frame = response.response.rect;
        let plot_rect = response.transform.frame();
        // The plot's response covers its frame; the time axis' room is just below it.
        let top = frame.bottom() + 3.0;
        let px_per_s = f64::from(plot_rect.width()) / (t1 - t0).max(1.0);
        for tick in ticks {
            let mut job = egui::text::LayoutJob::simple(
                tick.label.clone(),
                self.font.clone(),
                text_color,
                f32::INFINITY,
            );
            job.halign = Align::Center;
            let galley = painter.layout_job(job);
            // Where the axis' spacing rule placed it: centred, moved in at the plot's edges.
            let (left, right) = axis::label_span(
                tick.t,
                t0,
                px_per_s,
                f64::from(galley.size().x),
                f64::from(plot_rect.width()),
            );
            let x = plot_rect.left() + f64::midpoint(left, right) as f32;
            painter.galley(egui::pos2(x, top), galley, text_color);
        }
    }

    /// Reference lines' labels over the record, on a backing so a dense record does not hide
    /// them, stacked upwards where two lines are close.
    fn reference_labels(&self, ui: &Ui, response: &TimePlotResponse) {
        let painter = ui.painter();
        let text_color = self.text_color;
        let plot_rect = response.transform.frame();
        let small = egui::FontId::proportional(self.font.size - 2.0);
        let mut refs: Vec<_> = self.spec.references.iter().filter(|r| r.visible).collect();
        refs.sort_by(|a, b| a.value.total_cmp(&b.value));
        let mut floor = f32::INFINITY;
        let backing = ui.visuals().extreme_bg_color.gamma_multiply(0.85);
        for r in refs {
            let y = response
                .transform
                .position_from_point(&PlotPoint::new(self.t0, r.value))
                .y;
            // Text in the text colour (a pale line colour would not read on the backing), after a
            // short stroke in the line's colour and dash.
            let galley = painter.layout_no_wrap(r.name.clone(), small.clone(), text_color);
            let mark = 16.0;
            let bottom = (y - 2.0).min(floor - 2.0);
            let rect = egui::Rect::from_min_size(
                egui::pos2(plot_rect.left() + 4.0, bottom - galley.size().y),
                galley.size() + Vec2::new(mark + 4.0, 0.0),
            );
            if rect.top() < plot_rect.top() {
                break;
            }
            painter.rect_filled(rect.expand(1.0), 2.0, backing);
            let mid = rect.center().y;
            painter.extend(egui::Shape::dashed_line(
                &[
                    egui::pos2(rect.left() + 1.0, mid),
                    egui::pos2(rect.left() + mark, mid),
                ],
                Stroke::new(2.0, series_color(r.color)),
                4.0,
                2.0,
            ));
            painter.galley(
                egui::pos2(rect.left() + mark + 4.0, rect.top()),
                galley,
                text_color,
            );
            floor = rect.top();
        }
    }

    /// In the window: the record's value under the pointer, ringed, with its tooltip; else a
    /// report's figure under the pointer, with its sentence.
    fn pointer_ui(&self, ui: &Ui, response: &TimePlotResponse, id: egui::Id) {
        let (chart, lang) = (self.chart, self.spec.lang);
        let plot_rect = response.transform.frame();
        if let Some((_, h)) = &response.inner {
            // The ring on the value, on the tooltip's layer: the plot's own shapes stay the same
            // while the pointer moves, so the CPU window repaints only around the ring and tip.
            if let Some(s) = chart.series.get(h.series) {
                let at = response
                    .transform
                    .position_from_point(&PlotPoint::new(h.t as f64, h.value));
                ui.ctx()
                    .layer_painter(egui::LayerId::new(egui::Order::Tooltip, id.with("ring")))
                    .with_clip_rect(*plot_rect)
                    .circle_stroke(at, 4.5, Stroke::new(1.5, series_color(s.color)));
            }
            let h = h.clone();
            response.response.clone().on_hover_ui_at_pointer(|ui| {
                ui.strong(&h.value_text);
                ui.label(&h.time);
                if let Some(note) = &h.note {
                    ui.label(RichText::new(note).weak());
                }
            });
        } else if let Some(p) = response.response.hover_pos() {
            // A report's figure under the pointer: its tooltip with the sentence.
            let point = response.transform.value_from_position(p);
            let (y0, y1) = self.spec.value_range;
            let slack = (y1 - y0) * 0.03;
            if let Some(f) = chart.span_at(point.x, point.y, slack) {
                let detail = f.detail.clone();
                response
                    .response
                    .clone()
                    .on_hover_ui_at_pointer(|ui| super::tooltip_ui(ui, &detail, lang));
            }
        }
    }
}

fn line(name: &str, points: Vec<[f64; 2]>, color: Color32, width: f32) -> Line<'static> {
    Line::new(name.to_owned(), PlotPoints::from(points))
        .color(color)
        .width(width)
        .allow_band(false)
        .allow_hover(false)
}

/// Zoom (wheel or pinch, about the pointer), pan (drag) and fit (double-click) of the time axis:
/// the view asked for, if any.
fn interaction(
    ui: &Ui,
    response: &egui::Response,
    transform: &egui_plot::PlotTransform,
    chart: &TimeChart,
) -> Option<TimeView> {
    let (v0, v1) = chart.view;
    let span = (v1 - v0) as f64;
    let width = f64::from(transform.frame().width().max(1.0));
    let means = chart.means;
    let window = |a: f64, b: f64| {
        Some(TimeView {
            window: Some(clamp_window(
                (a.round() as Instant, b.round() as Instant),
                chart.extent,
            )),
            means,
            zero: chart.zero,
        })
    };
    if response.double_clicked() {
        return Some(TimeView {
            window: None,
            means,
            zero: chart.zero,
        });
    }
    if response.dragged() {
        let dx = f64::from(response.drag_delta().x);
        if dx != 0.0 {
            let dt = -dx / width * span;
            return window(v0 as f64 + dt, v1 as f64 + dt);
        }
    }
    if response.hovered() {
        let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
        // One frame's zoom stays within a thousandfold either way, however hard the wheel spins.
        let factor = (f64::from(zoom) * (f64::from(scroll) * 0.003).exp()).clamp(1e-3, 1e3);
        if (factor - 1.0).abs() > 1e-4
            && let Some(p) = response.hover_pos()
        {
            // The wheel is the chart's while the pointer is on it, not the page's.
            ui.ctx().input_mut(|i| {
                i.smooth_scroll_delta = Vec2::ZERO;
            });
            let at = transform.value_from_position(p).x;
            let a = at - (at - v0 as f64) / factor;
            let b = at + (v1 as f64 - at) / factor;
            return window(a, b);
        }
    }
    None
}
