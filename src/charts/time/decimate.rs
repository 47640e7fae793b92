//! A record reduced to what a plot `columns` pixels wide can show: per pixel column its first and
//! last value and its extremes (M4), read from the record's pyramid, so a frame costs what the
//! pixels cost, not what the record costs. Every column's smallest and largest value is drawn
//! exactly: a single hour over the limit in ten years of data still reaches its height.

use crate::model::series::Samples;
use crate::model::time::Instant;

/// Runs of joined points `[instant, value]`: a run ends where the record has a gap.
pub type Runs = Vec<Vec<[f64; 2]>>;

/// The record between `t0` and `t1` (instants) as drawn `columns` wide. When the range holds
/// fewer than four values a column, every value is drawn as it is. One value beyond each end is
/// kept so the line runs to the plot's edge.
pub fn decimate(samples: &Samples, t0: f64, t1: f64, columns: usize) -> Runs {
    let mut out = Builder {
        samples,
        runs: Vec::new(),
        current: Vec::new(),
        last_t: None,
    };
    if samples.is_empty() || t1 <= t0 || columns == 0 {
        return out.runs;
    }
    let (lo, hi) = (t0.floor() as Instant, t1.ceil() as Instant);
    let range = samples.range(lo, hi.saturating_add(1));
    let first = range.start.saturating_sub(1);
    let last = (range.end + 1).min(samples.len());
    if last - first <= columns * 4 {
        for i in first..last {
            let v = samples.value(i);
            if v.is_nan() {
                out.break_line();
            } else {
                out.push(samples.time(i), v);
            }
        }
        return out.finish();
    }
    // The value before the view, so the line enters from the edge.
    if first < range.start && !samples.value(first).is_nan() {
        out.push(samples.time(first), samples.value(first));
    }
    let width = (t1 - t0) / columns as f64;
    let mut a = range.start;
    for c in 0..columns {
        let b = if c + 1 == columns {
            range.end
        } else {
            let end_t = t0 + width * (c + 1) as f64;
            samples
                .index_at_from(a, end_t.ceil() as Instant)
                .clamp(a, range.end)
        };
        if b > a {
            out.column(a..b);
        }
        a = b;
    }
    if last > range.end && !samples.value(range.end).is_nan() {
        out.push(samples.time(range.end), samples.value(range.end));
    }
    out.finish()
}

/// The runs being drawn, and where the last point was.
struct Builder<'a> {
    samples: &'a Samples,
    runs: Runs,
    current: Vec<[f64; 2]>,
    last_t: Option<Instant>,
}

impl Builder<'_> {
    /// A point, after a break when the record has a gap since the last one.
    fn push(&mut self, t: Instant, v: f64) {
        if let Some(prev) = self.last_t
            && self.samples.gap_between(prev, t)
        {
            self.break_line();
        }
        self.current.push([t as f64, v]);
        self.last_t = Some(t);
    }

    fn break_line(&mut self) {
        if !self.current.is_empty() {
            self.runs.push(std::mem::take(&mut self.current));
        }
    }

    /// One pixel column's values: its first, its extremes at the column's middle (a vertical
    /// stroke the column wide), its last.
    fn column(&mut self, range: std::ops::Range<usize>) {
        let s = self.samples;
        let e = s.extremes(range.clone());
        if e.count == 0 {
            return;
        }
        let Some(fi) = range.clone().find(|&i| !s.value(i).is_nan()) else {
            return;
        };
        let Some(li) = range.rev().find(|&i| !s.value(i).is_nan()) else {
            return;
        };
        let (ft, fv) = (s.time(fi), s.value(fi));
        self.push(ft, fv);
        if fi != li {
            let (lt, lv) = (s.time(li), s.value(li));
            let mid = i64::midpoint(ft, lt) as f64;
            let (x, y) = if (fv - e.min).abs() <= (fv - e.max).abs() {
                (e.min, e.max)
            } else {
                (e.max, e.min)
            };
            self.current.push([mid, x]);
            self.current.push([mid, y]);
            self.current.push([lt as f64, lv]);
            self.last_t = Some(lt);
        }
    }

    fn finish(mut self) -> Runs {
        self.break_line();
        self.runs
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::time::{HOUR, Precision};

    fn hourly(values: Vec<f64>) -> Samples {
        let times: Vec<i64> = (0..values.len() as i64)
            .map(|i| 1_388_505_600 + i * HOUR)
            .collect();
        Samples::new(&times, values, Precision::Minute).unwrap_or_else(|| unreachable!())
    }

    fn max_drawn(runs: &Runs) -> f64 {
        runs.iter()
            .flatten()
            .map(|p| p[1])
            .fold(f64::NEG_INFINITY, f64::max)
    }

    #[test]
    fn a_single_spike_in_a_million_values_is_drawn_at_every_zoom() {
        let n = 1_000_000usize;
        let spike_at = 654_321usize;
        let values: Vec<f64> = (0..n)
            .map(|i| {
                if i == spike_at {
                    999.0
                } else {
                    20.0 + ((i * 37) % 50) as f64
                }
            })
            .collect();
        let s = hourly(values);
        let spike_t = s.time(spike_at) as f64;
        let (start, end) = s.extent().unwrap_or_default();
        let mut span = (end - start) as f64;
        // From the whole record down to a few hours, centred off the spike.
        while span > 4.0 * HOUR as f64 {
            for columns in [200, 731, 1600] {
                let t0 = (spike_t - span * 0.37).max(start as f64);
                let runs = decimate(&s, t0, t0 + span, columns);
                assert_eq!(max_drawn(&runs), 999.0, "span {span} s, {columns} columns");
                let points: usize = runs.iter().map(Vec::len).sum();
                assert!(
                    points <= columns * 4 + 4,
                    "{points} points for {columns} columns"
                );
            }
            span /= 3.0;
        }
    }

    #[test]
    fn gaps_stay_gaps() {
        let mut values: Vec<f64> = (0..10_000).map(|i| f64::from(i % 24)).collect();
        for v in &mut values[5000..5200] {
            *v = f64::NAN;
        }
        let s = hourly(values);
        let (start, end) = s.extent().unwrap_or_default();
        for columns in [100, 1000, 20_000] {
            let runs = decimate(&s, start as f64, end as f64, columns);
            assert_eq!(runs.len(), 2, "{columns} columns: one break at the gap");
            let gap_from = s.time(5000) as f64;
            let gap_to = s.time(5199) as f64;
            for p in runs.iter().flatten() {
                assert!(
                    !(gap_from..=gap_to).contains(&p[0]),
                    "no point inside the gap"
                );
            }
        }
        // One missing row, seen close: the line breaks there too.
        let mut values: Vec<f64> = (0..100).map(f64::from).collect();
        values[50] = f64::NAN;
        let s = hourly(values);
        let (start, end) = s.extent().unwrap_or_default();
        assert_eq!(decimate(&s, start as f64, end as f64, 800).len(), 2);
    }

    #[test]
    fn a_missing_stretch_of_rows_is_a_gap() {
        // Rows every hour, then nothing for three days, then rows again.
        let mut times: Vec<i64> = (0..100).map(|i| i * HOUR).collect();
        times.extend((0..100).map(|i| (172 + i) * HOUR));
        let values = vec![1.0; times.len()];
        let s = Samples::new(&times, values, Precision::Minute).unwrap_or_else(|| unreachable!());
        assert_eq!(decimate(&s, 0.0, (272 * HOUR) as f64, 50).len(), 2);
        assert_eq!(decimate(&s, 0.0, (272 * HOUR) as f64, 5000).len(), 2);
    }
}
