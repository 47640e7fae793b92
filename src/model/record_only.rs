//! A data file of monitoring records alone: no report stands behind it, so it needs none of a
//! report's ceremony (issuer, a source's publication date, categories), and its years are the
//! records' own.

use super::{Report, YearRange};

impl Report {
    /// Whether every indicator is a record read from a table (and there is at least one).
    pub fn is_record_only(&self) -> bool {
        !self.indicators.is_empty() && self.indicators.iter().all(|i| i.series.is_some())
    }

    /// A file that left its years out takes them from its data: the years its records run over
    /// (in their own time zones), or its figures' years.
    pub fn follow_years(&mut self) {
        if !self.years.is_unset() {
            return;
        }
        let mut years: Option<(i32, i32)> = None;
        let mut widen = |y: i32| {
            years = Some(years.map_or((y, y), |(a, b)| (a.min(y), b.max(y))));
        };
        for ind in &self.indicators {
            if let Some(samples) = &ind.samples
                && let Some((first, last)) = samples.extent()
            {
                let zone = ind
                    .series
                    .as_ref()
                    .map(|s| s.layout().zone)
                    .unwrap_or_default();
                widen(i32::from(zone.civil(first).year()));
                widen(i32::from(zone.civil(last).year()));
            }
            for p in &ind.points {
                widen(p.year);
            }
        }
        if let Some((first, last)) = years {
            self.years = YearRange { first, last };
        }
    }
}
