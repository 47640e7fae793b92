//! Line charts: results as a solid line, targets as a separate dashed line, a marker on each
//! figure, and value labels where the layout placed them (apart from each other's; hovering shows
//! the rest).

use egui::{Align2, Color32, Painter, Rect, Ui, Vec2};
use egui_plot::{Line, LineStyle, MarkerShape, PlotPoints, PlotUi, Points};

use super::ids::item_source;
use super::palette::series_color;
use super::plot::still_chart_ui;
use super::value_labels::figure_label;
use super::{KindDrawing, Mode, swatch};
use crate::charts::Lines;
use crate::charts::layout::{PlotLayout, PointLabel};
use crate::charts::{ChartSpec, Look, ResultsAndTargets, Series};
use crate::model::PointKind;

impl KindDrawing for Lines {
    fn plot_ui(&self, ui: &mut Ui, spec: &ChartSpec, size: Vec2, mode: Mode) -> egui::Response {
        still_chart_ui(ui, spec, size, mode, &|plot_ui, layout, text_color| {
            lines_ui(plot_ui, self, layout, text_color);
        })
    }

    /// Targets a dashed line, results and starting levels a solid one.
    fn swatch(&self, painter: &Painter, rect: Rect, base: Color32, look: Look) {
        if look.kind == PointKind::Target {
            swatch::dashed(painter, rect, base);
        } else {
            swatch::line(painter, rect, base, 2.0);
        }
    }
}

fn lines_ui(
    plot_ui: &mut PlotUi<'_>,
    series: &[Series<ResultsAndTargets>],
    layout: &PlotLayout,
    text_color: Color32,
) {
    for (s, series) in series.iter().enumerate().filter(|(_, s)| s.visible) {
        let color = series_color(series.color);
        let sid = item_source(&series.id);
        let figures = &series.figures;
        for (figures, dashed) in [(&figures.results, false), (&figures.targets, true)] {
            if figures.is_empty() {
                continue;
            }
            let pts: Vec<[f64; 2]> = figures.iter().map(|p| [p.x, p.value]).collect();
            // Each line is its own item: egui_plot never joins a target and a result into a band.
            let style = if dashed {
                LineStyle::dashed_dense()
            } else {
                LineStyle::Solid
            };
            // Years with no figure break the line: a segment across them would look like data.
            for run in pts.chunk_by(|a, b| b[0] - a[0] <= 1.0 + 1e-9) {
                plot_ui.line(
                    Line::new(series.name.clone(), PlotPoints::from(run.to_vec()))
                        .id(sid)
                        .color(color)
                        .width(2.0)
                        .style(style)
                        // Never a filled band, whatever the points.
                        .allow_band(false)
                        .allow_hover(false),
                );
            }
            plot_ui.points(
                Points::new("", PlotPoints::from(pts))
                    .id(sid)
                    .color(color)
                    .radius(if dashed { 3.5 } else { 4.0 })
                    .shape(if dashed {
                        MarkerShape::Diamond
                    } else {
                        MarkerShape::Circle
                    })
                    .filled(!dashed)
                    .allow_hover(false),
            );
            // Value labels where the layout placed them: apart from each other's, the rest on
            // hover.
            let mut places: Vec<&PointLabel> = layout
                .point_labels
                .iter()
                .filter(|l| l.series == s && l.target == dashed)
                .collect();
            places.sort_by_key(|l| l.index);
            for place in places {
                let Some(p) = figures.get(place.index) else {
                    continue;
                };
                let anchor = if place.above {
                    Align2::CENTER_BOTTOM
                } else {
                    Align2::CENTER_TOP
                };
                plot_ui.text(figure_label(p, place.y, anchor, layout, sid).color(text_color));
            }
        }
    }
}
