//! The key's samples of how a kind of figure is drawn, shared by the kinds' drawings
//! ([`super::KindDrawing::swatch`]): a bar's fill, a line, a dashed line.

use egui::{Color32, Painter, Rect, Stroke, pos2};

use super::palette::{bar_fill, bar_stroke};
use crate::charts::Look;

/// A bar's fill and stroke for `look`.
pub(super) fn bar(painter: &Painter, rect: Rect, look: Look) {
    painter.rect(
        rect,
        1.0,
        bar_fill(look),
        bar_stroke(look),
        egui::StrokeKind::Inside,
    );
}

/// A solid line across the middle, `width` points thick.
pub(super) fn line(painter: &Painter, rect: Rect, color: Color32, width: f32) {
    let y = rect.center().y;
    painter.line_segment(
        [pos2(rect.left(), y), pos2(rect.right(), y)],
        Stroke::new(width, color),
    );
}

/// A dashed line across the middle: a target on a line chart.
pub(super) fn dashed(painter: &Painter, rect: Rect, color: Color32) {
    let y = rect.center().y;
    painter.extend(egui::Shape::dashed_line(
        &[pos2(rect.left(), y), pos2(rect.right(), y)],
        Stroke::new(2.0, color),
        3.0,
        2.0,
    ));
}
