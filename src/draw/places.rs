//! One indicator across places: a bar a place filled by its kind — from a range's low end to its
//! high end for a range — its value above it; with results and targets both, each target's marker
//! beside its result (as the targets chart draws them) and the verdict above.

use egui::{Color32, Painter, Rect, Ui, Vec2};
use egui_plot::PlotUi;

use super::bars::bar_run_ui;
use super::plot::still_chart_ui;
use super::targets::targets_run_ui;
use super::{KindDrawing, Mode, swatch};
use crate::charts::layout::PlotLayout;
use crate::charts::{ChartSpec, Look, Places, ResultsAndTargets, Series};
use crate::model::PointKind;

impl KindDrawing for Places {
    fn plot_ui(&self, ui: &mut Ui, spec: &ChartSpec, size: Vec2, mode: Mode) -> egui::Response {
        still_chart_ui(ui, spec, size, mode, &|plot_ui, layout, text_color| {
            places_ui(plot_ui, self, layout, text_color);
        })
    }

    /// A bar's fill; where targets stand beside results, a target is a marker's thick line.
    fn swatch(&self, painter: &Painter, rect: Rect, base: Color32, look: Look) {
        let markers = self.iter().any(|s| !s.figures.targets.is_empty());
        if markers && look.kind == PointKind::Target {
            swatch::line(painter, rect, base, 3.0);
        } else {
            swatch::bar(painter, rect, look);
        }
    }
}

fn places_ui(
    plot_ui: &mut PlotUi<'_>,
    series: &[Series<ResultsAndTargets>],
    layout: &PlotLayout,
    text_color: Color32,
) {
    for (s, series) in series.iter().enumerate().filter(|(_, s)| s.visible) {
        bar_run_ui(
            plot_ui,
            (s, series),
            &series.figures.results,
            layout,
            text_color,
        );
        targets_run_ui(
            plot_ui,
            (s, &series.id),
            &series.figures.targets,
            layout,
            text_color,
        );
    }
}
