//! Which figure is under the pointer, in plot coordinates: what the window's tooltip shows. The
//! spec measures the slack once; each kind says which of its figures the probe touches
//! ([`super::Kind::hit`]).

use super::{ChartSpec, Figure, Series};

/// A point in plot coordinates and how near a figure must be to count as under it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HitProbe {
    pub x: f64,
    pub y: f64,
    /// Slack in value units: a share of the value range, so short bars can be hit too.
    pub slack: f64,
    /// Slack in x units, for the points of a line.
    pub x_slack: f64,
}

impl HitProbe {
    /// Whether the probe is on `bar`: within its column, and within its extent from zero to its
    /// value, with the slack.
    pub fn on_bar(&self, bar: &Figure) -> bool {
        (self.x - bar.x).abs() <= bar.width / 2.0
            && self.y >= bar.value.min(0.0) - self.slack
            && self.y <= bar.value.max(0.0) + self.slack
    }

    /// Whether the probe is on a target marker: within its width, a little above or below it.
    pub fn on_marker(&self, marker: &Figure) -> bool {
        (self.x - marker.x).abs() <= marker.width / 2.0
            && (self.y - marker.value).abs() <= self.slack * 1.5
    }

    /// The nearest of `points` near the probe, if any: a line's point.
    pub fn nearest<'a>(&self, points: impl Iterator<Item = &'a Figure>) -> Option<&'a Figure> {
        let d = |p: &Figure| (p.x - self.x).abs() + (p.value - self.y).abs() / self.slack.max(1e-9);
        points
            .filter(|p| {
                (self.x - p.x).abs() <= self.x_slack && (self.y - p.value).abs() <= self.slack * 2.0
            })
            .min_by(|a, b| d(a).total_cmp(&d(b)))
    }
}

impl ChartSpec {
    /// The figure under a point in plot coordinates: a bar whose column holds `x` and whose extent
    /// (from zero to its value, with a little slack for short bars) holds `y`; a target marker
    /// within its width, a little above or below its line; or the nearest point of a line.
    pub fn hit(&self, x: f64, y: f64) -> Option<&Figure> {
        let probe = HitProbe {
            x,
            y,
            slack: (self.value_range.1 - self.value_range.0) * 0.04,
            x_slack: (self.x_range.1 - self.x_range.0) * 0.04,
        };
        self.body.kind().hit(&probe)
    }
}

/// The visible series of a kind's body.
pub(super) fn visible<F>(series: &[Series<F>]) -> impl Iterator<Item = &Series<F>> {
    series.iter().filter(|s| s.visible)
}
