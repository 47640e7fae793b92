//! Series colors and the fills that tell results, targets and starting levels apart.

use egui::{Color32, Stroke};

use crate::charts::Look;
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

/// The colour of results: solid bars.
pub const RESULT: Color32 = Color32::from_rgb(0x3a, 0x5f, 0xb0);
/// The colour of targets: outlined bars, a colour apart from results, readable in both themes.
pub const TARGET: Color32 = Color32::from_rgb(0xd9, 0x74, 0x1c);
/// The colour of starting levels: a neutral grey.
pub const BASELINE: Color32 = Color32::from_rgb(0x8c, 0x96, 0xa3);

/// In bar charts colour says what a bar is (result, target, starting level), since the axis says
/// which indicator: results solid, targets outlined with a faint fill, starting levels solid grey.
/// The styles differ in shape, not only in hue, so they hold in print and in both themes. One kind
/// in several years takes a lighter shade for each year back (see [`Look`]), so 2021 and 2022
/// results are two blues the key names.
pub fn bar_fill(look: Look) -> Color32 {
    match look.kind {
        PointKind::Actual => shaded(RESULT, look.shade),
        PointKind::Target => shaded(TARGET, look.shade).gamma_multiply(0.14),
        PointKind::Baseline => shaded(BASELINE, look.shade),
    }
}

pub fn bar_stroke(look: Look) -> Stroke {
    match look.kind {
        PointKind::Actual | PointKind::Baseline => Stroke::NONE,
        PointKind::Target => Stroke::new(2.0, shaded(TARGET, look.shade)),
    }
}

/// `color` lightened toward white, `shade` steps: 0 is the colour itself; each step keeps 60% of
/// what is left of it, never less than a quarter, so the first steps are far apart and the
/// lightest still stands out from a white page.
fn shaded(color: Color32, shade: usize) -> Color32 {
    if shade == 0 {
        return color;
    }
    let keep = 0.6_f32
        .powi(i32::try_from(shade.min(3)).unwrap_or(3))
        .max(0.25);
    let mix = |c: u8| (f32::from(c) * keep + 255.0 * (1.0 - keep)).round() as u8;
    Color32::from_rgb(mix(color.r()), mix(color.g()), mix(color.b()))
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

/// Data that loaded and validated, and quotes found in their source: the series green of
/// [`PALETTE`], a word of good news in the side panel.
pub const VALID: Color32 = Color32::from_rgb(0x3b, 0xa2, 0x72);

/// A reviewed figure accepted: the green of a met target.
pub const ACCEPTED: Color32 = Color32::from_rgb(0x2e, 0x8b, 0x57);

/// A reviewed figure rejected, in the list of figures: grey, as it is out of every chart.
pub const REJECTED: Color32 = Color32::GRAY;

/// A rejected figure's highlight in the report's text: a darker grey, which stays visible behind
/// the text once faded.
pub const REJECTED_IN_TEXT: Color32 = Color32::from_gray(128);

/// The veil over the time outside a time chart's window, in the range strip: it darkens the dark
/// theme and lightens the light one, so the window stands out in both.
pub fn outside_window(dark_mode: bool) -> Color32 {
    if dark_mode {
        Color32::from_black_alpha(140)
    } else {
        Color32::from_white_alpha(170)
    }
}

/// The window icon's square behind its three bars: white, like the page an image is printed on.
pub const ICON_PAGE: Color32 = Color32::WHITE;
