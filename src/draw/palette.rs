//! Series colors and the fills that tell results, targets and starting levels apart.

use egui::{Color32, Stroke};

use crate::model::PointKind;

/// Distinct, print-friendly colors (ECharts' default palette), one per series in declaration order.
const PALETTE: [Color32; 9] = [
    Color32::from_rgb(0x54, 0x70, 0xc6),
    Color32::from_rgb(0x91, 0xcc, 0x75),
    Color32::from_rgb(0xfa, 0xc8, 0x58),
    Color32::from_rgb(0xee, 0x66, 0x66),
    Color32::from_rgb(0x73, 0xc0, 0xde),
    Color32::from_rgb(0x3b, 0xa2, 0x72),
    Color32::from_rgb(0xfc, 0x84, 0x52),
    Color32::from_rgb(0x9a, 0x60, 0xb4),
    Color32::from_rgb(0xea, 0x7c, 0xcc),
];

pub fn series_color(index: usize) -> Color32 {
    PALETTE[index % PALETTE.len()]
}

/// Result bars are solid; target bars lighter with a solid outline; starting levels paler still.
pub fn bar_fill(color: Color32, kind: PointKind) -> Color32 {
    match kind {
        PointKind::Actual => color,
        PointKind::Target => color.gamma_multiply(0.45),
        PointKind::Baseline => color.gamma_multiply(0.2),
    }
}

pub fn bar_stroke(color: Color32, kind: PointKind) -> Stroke {
    match kind {
        PointKind::Actual => Stroke::NONE,
        PointKind::Target => Stroke::new(1.5, color),
        PointKind::Baseline => Stroke::new(1.0, color.gamma_multiply(0.8)),
    }
}

/// A target's verdict: green met, amber near, red missed; dark enough to read on white and on the
/// dark theme's panels.
pub fn status_color(status: crate::charts::Status) -> Color32 {
    match status {
        crate::charts::Status::Met => Color32::from_rgb(0x2e, 0x8b, 0x57),
        crate::charts::Status::Near => Color32::from_rgb(0xc7, 0x7c, 0x0e),
        crate::charts::Status::Missed => Color32::from_rgb(0xd1, 0x3f, 0x3f),
    }
}
