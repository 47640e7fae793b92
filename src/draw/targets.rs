//! Targets against results: the result a solid bar, the target a line beside it — dashed for an
//! "about" (左右) target, with an arrow for an "at least" (以上) floor — and the verdict above.

use egui::{Align2, Color32, Painter, Rect, Ui, Vec2};
use egui_plot::{Bar, BarChart, Line, LineStyle, MarkerShape, PlotPoints, PlotUi, Points};

use super::ids::item_source;
use super::palette::series_color;
use super::plot::still_chart_ui;
use super::value_labels::{figure_label, value_label_ui};
use super::{KindDrawing, Mode, swatch};
use crate::charts::Targets;
use crate::charts::layout::PlotLayout;
use crate::charts::{ChartSpec, Figure, Look, ResultsAndTargets, Series};
use crate::model::{PointKind, Qualifier};

impl KindDrawing for Targets {
    fn plot_ui(&self, ui: &mut Ui, spec: &ChartSpec, size: Vec2, mode: Mode) -> egui::Response {
        still_chart_ui(ui, spec, size, mode, &|plot_ui, layout, text_color| {
            targets_ui(plot_ui, self, layout, text_color);
        })
    }

    /// A result the first series' bar, a target a thick line (its marker), a starting level a
    /// bar's fill.
    fn swatch(&self, painter: &Painter, rect: Rect, base: Color32, look: Look) {
        match look.kind {
            PointKind::Actual => {
                painter.rect_filled(rect, 1.0, series_color(0));
            }
            PointKind::Target => swatch::line(painter, rect, base, 3.0),
            PointKind::Baseline => swatch::bar(painter, rect, look),
        }
    }
}

fn targets_ui(
    plot_ui: &mut PlotUi<'_>,
    series: &[Series<ResultsAndTargets>],
    layout: &PlotLayout,
    text_color: Color32,
) {
    for (s, series) in series.iter().enumerate().filter(|(_, s)| s.visible) {
        let color = series_color(series.color);
        let sid = item_source(&series.id);
        let bars = series
            .figures
            .results
            .iter()
            .map(|b| Bar::new(b.x, b.value).width(b.width).fill(color))
            .collect();
        plot_ui.bar_chart(
            BarChart::new(series.name.clone(), bars)
                .id(sid)
                .color(color)
                .allow_hover(false),
        );
        for place in layout.bar_labels.iter().filter(|l| l.series == s) {
            if let Some(b) = series.figures.results.get(place.index) {
                value_label_ui(plot_ui, b, place.lift, layout, text_color, sid);
            }
        }
        targets_run_ui(
            plot_ui,
            (s, &series.id),
            &series.figures.targets,
            layout,
            text_color,
        );
    }
}

/// The targets of series `s`: each its marker, and its label where the layout put it (the
/// tooltip has it otherwise).
pub(super) fn targets_run_ui(
    plot_ui: &mut PlotUi<'_>,
    (s, id): (usize, &str),
    targets: &[Figure],
    layout: &PlotLayout,
    text_color: Color32,
) {
    let sid = item_source(id);
    let lift = layout
        .point_label_lift
        .max((layout.y_bounds.1 - layout.y_bounds.0) * 0.02);
    for (index, t) in targets.iter().enumerate() {
        target_marker_ui(plot_ui, t, lift, text_color, sid);
        let Some(place) = layout
            .target_labels
            .iter()
            .find(|l| l.series == s && l.index == index)
        else {
            continue;
        };
        let label = figure_label(t, place.y, Align2::CENTER_BOTTOM, layout, sid);
        plot_ui.text(label.color(text_color));
    }
}

/// A target's marker: a thick line at its value — dashed for an "about" (左右) target, with an
/// arrow for a floor (以上) or a ceiling (不超过) `lift` away — or, for a range, a hatched band
/// from its low end to its high end with both ends drawn.
pub(super) fn target_marker_ui(
    plot_ui: &mut PlotUi<'_>,
    t: &Figure,
    lift: f64,
    text_color: Color32,
    sid: (&'static str, &str),
) {
    let qualifier = t.qualifier;
    let half = t.width / 2.0;
    let style = if matches!(qualifier, Qualifier::About | Qualifier::Nearly) {
        LineStyle::dashed_dense()
    } else {
        LineStyle::Solid
    };
    let ends = t.low.map_or(vec![t.value], |low| vec![low, t.value]);
    if let Some(low) = t.low {
        plot_ui.bar_chart(
            BarChart::new(
                "",
                vec![
                    Bar::new(t.x, t.value - low)
                        .base_offset(low)
                        .width(t.width)
                        .fill(text_color.gamma_multiply(0.25))
                        .stroke(egui::Stroke::NONE),
                ],
            )
            .id(sid)
            .allow_hover(false),
        );
    }
    for y in ends {
        plot_ui.line(
            Line::new("", PlotPoints::from(vec![[t.x - half, y], [t.x + half, y]]))
                .id(sid)
                .color(text_color)
                .width(if t.low.is_some() { 2.0 } else { 3.0 })
                .style(style)
                .allow_band(false)
                .allow_hover(false),
        );
    }
    // A floor points up, a ceiling down.
    let arrow = match qualifier {
        Qualifier::AtLeast => Some((MarkerShape::Up, lift)),
        Qualifier::AtMost => Some((MarkerShape::Down, -lift)),
        _ => None,
    };
    if let Some((shape, dy)) = arrow {
        plot_ui.points(
            Points::new("", PlotPoints::from(vec![[t.x, t.value + dy]]))
                .id(sid)
                .color(text_color)
                .shape(shape)
                .radius(4.0)
                .filled(true)
                .allow_hover(false),
        );
    }
}
