//! Which figure is under the pointer, in plot coordinates: what the window's tooltip shows.

use super::{ChartBody, ChartSpec, Figure, Series};

impl ChartSpec {
    /// The figure under a point in plot coordinates: a bar whose column holds `x` and whose extent
    /// (from zero to its value, with a little slack for short bars) holds `y`; a target marker
    /// within its width, a little above or below its line; or the nearest point of a line.
    pub fn hit(&self, x: f64, y: f64) -> Option<&Figure> {
        let slack = (self.value_range.1 - self.value_range.0) * 0.04;
        let bar = |b: &&Figure| {
            (x - b.x).abs() <= b.width / 2.0
                && y >= b.value.min(0.0) - slack
                && y <= b.value.max(0.0) + slack
        };
        match &self.body {
            ChartBody::Bars(series) => visible(series).flat_map(|s| &s.figures).find(bar),
            ChartBody::Targets(series) => visible(series)
                .flat_map(|s| &s.figures.results)
                .find(bar)
                .or_else(|| {
                    visible(series).flat_map(|s| &s.figures.targets).find(|t| {
                        (x - t.x).abs() <= t.width / 2.0 && (y - t.value).abs() <= slack * 1.5
                    })
                }),
            ChartBody::Lines(series) => {
                let x_slack = (self.x_range.1 - self.x_range.0) * 0.04;
                visible(series)
                    .flat_map(|s| s.figures.iter())
                    .filter(|p| (x - p.x).abs() <= x_slack && (y - p.value).abs() <= slack * 2.0)
                    .min_by(|a, b| {
                        let d =
                            |p: &Figure| (p.x - x).abs() + (p.value - y).abs() / slack.max(1e-9);
                        d(a).total_cmp(&d(b))
                    })
            }
            // A time chart's hover is the record's nearest value (`TimeChart::hover`).
            ChartBody::Card(_) | ChartBody::Time(_) => None,
        }
    }
}

fn visible<F>(series: &[Series<F>]) -> impl Iterator<Item = &Series<F>> {
    series.iter().filter(|s| s.visible)
}
