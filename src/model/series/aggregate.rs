//! Means per hour, day, month and year of a record, and the count of periods whose mean is over a
//! limit, with the data-validity rules of GB 3095-2012 (table 4): an hour's mean needs 45 minutes of
//! values, a day's 20 hours, a month's 27 daily means (25 in February), a year's 324. A period
//! without enough values has no mean (a gap), and is not counted either way.
//!
//! Periods are China's calendar (UTC+8): the day 2014-01-01 is 2014-01-01 00:00 to 24:00 in Beijing.

use serde::{Deserialize, Serialize};

use super::Samples;
use crate::model::time::{self, DAY, HOUR, Instant, Precision};

/// The period a limit is a mean over: GB 3095-2012 gives PM2.5 a 24-hour and a yearly limit,
/// SO₂ also an hourly one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Averaging {
    Hour,
    Day,
    Month,
    Year,
}

impl Averaging {
    pub const ALL: [Self; 4] = [Self::Hour, Self::Day, Self::Month, Self::Year];

    pub fn id(self) -> &'static str {
        match self {
            Self::Hour => "hour",
            Self::Day => "day",
            Self::Month => "month",
            Self::Year => "year",
        }
    }

    /// How a period's time is shown: a day as its date, a month as `2014-01` …
    pub fn precision(self) -> Precision {
        match self {
            Self::Hour => Precision::Minute,
            Self::Day => Precision::Day,
            Self::Month => Precision::Month,
            Self::Year => Precision::Year,
        }
    }
}

/// A record's means per period: one value a period that has any value, NaN where the period has
/// too few for a valid mean, with how many values each mean is of.
pub(super) fn means(raw: &Samples, per: Averaging) -> Samples {
    // Records of a day or finer: months and years are means of daily means, as GB 3095 counts.
    let fine = raw.step <= DAY;
    let hour = |t: Instant| t.div_euclid(HOUR) * HOUR;
    let mut out = match per {
        Averaging::Hour => bucket(
            raw,
            hour,
            |t| t + HOUR,
            |_| required(raw.step, HOUR, 45, 60),
        ),
        Averaging::Day => bucket(
            raw,
            time::day_start,
            |t| t + DAY,
            |_| required(raw.step, DAY, 20, 24),
        ),
        Averaging::Month if fine => {
            let days = raw.means(Averaging::Day);
            bucket(&days, time::month_start_of, next_month, |start| {
                if time::civil(start).month() == 2 {
                    25
                } else {
                    27
                }
            })
        }
        Averaging::Year if fine => {
            let days = raw.means(Averaging::Day);
            bucket(&days, time::year_start_of, next_year, |_| 324)
        }
        Averaging::Month => bucket(raw, time::month_start_of, next_month, |_| {
            required(raw.step, 31 * DAY, 27, 31)
        }),
        Averaging::Year => bucket(raw, time::year_start_of, next_year, |_| {
            required(raw.step, 365 * DAY, 324, 365)
        }),
    };
    out.precision = per.precision();
    out
}

fn next_month(start: Instant) -> Instant {
    time::add_months(start, 1)
}

fn next_year(start: Instant) -> Instant {
    time::add_months(start, 12)
}

/// How many values a period of `period` seconds needs for a mean, when a record has one every
/// `step` seconds: `num/den` of those it could have, at least one.
fn required(step: i64, period: i64, num: i64, den: i64) -> u32 {
    if step >= period || step <= 0 {
        return 1;
    }
    let expected = period / step;
    u32::try_from((expected * num + den - 1) / den)
        .unwrap_or(u32::MAX)
        .max(1)
}

/// The mean of the values (gaps left out) of each period `start_of` puts them in, placed at the
/// period's middle (`end_of` gives its end), where a line through the means belongs; a period whose
/// count is under `needs(start)` gets NaN.
fn bucket(
    values: &Samples,
    start_of: impl Fn(Instant) -> Instant,
    end_of: impl Fn(Instant) -> Instant,
    needs: impl Fn(Instant) -> u32,
) -> Samples {
    let mut times: Vec<Instant> = Vec::new();
    let mut means: Vec<f64> = Vec::new();
    let mut counts: Vec<u32> = Vec::new();
    let (mut sum, mut count) = (0.0, 0u32);
    let mut current: Option<Instant> = None;
    let mut close = |start: Instant, sum: f64, count: u32| {
        if count > 0 {
            times.push(start + (end_of(start) - start) / 2);
            means.push(if count >= needs(start) {
                sum / f64::from(count)
            } else {
                f64::NAN
            });
            counts.push(count);
        }
    };
    for i in 0..values.len() {
        let v = values.value(i);
        if v.is_nan() {
            continue;
        }
        let start = start_of(values.time(i));
        if current != Some(start) {
            if let Some(c) = current {
                close(c, sum, count);
            }
            current = Some(start);
            (sum, count) = (0.0, 0);
        }
        sum += v;
        count += 1;
    }
    if let Some(c) = current {
        close(c, sum, count);
    }
    let precision = Precision::Day;
    let mut out = Samples::new(&times, means, precision).unwrap_or_else(|| {
        // Periods ascend by construction; an empty record stays empty.
        Samples::from_offsets(0, std::sync::Arc::default(), 1, Vec::new(), precision)
            .unwrap_or_else(empty)
    });
    out.counts = Some(counts);
    out
}

fn empty() -> Samples {
    Samples {
        start: 0,
        offsets: std::sync::Arc::default(),
        unit: 1,
        values: Vec::new(),
        precision: Precision::Day,
        step: HOUR,
        pyramid: super::Pyramid::default(),
        means: Default::default(),
        counts: None,
    }
}

/// How often a record's mean over a period was over a limit, in a time range.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Exceedance {
    /// Periods whose valid mean is over the limit.
    pub over: usize,
    /// Periods with a valid mean.
    pub valid: usize,
    /// Periods with any value, valid or not.
    pub with_values: usize,
}

/// The periods of `per` wholly from `t0` to `t1` whose mean is over `limit` (strictly: a mean
/// equal to the limit meets it). A window of nine months holds no year; a caller that means "to the
/// record's end" passes an end beyond it.
pub fn exceedance(
    raw: &Samples,
    per: Averaging,
    limit: f64,
    t0: Instant,
    t1: Instant,
) -> Exceedance {
    let means = raw.means(per);
    // Means sit at their period's middle: look half a period (at most) beyond each end.
    let reach = match per {
        Averaging::Hour => HOUR,
        Averaging::Day => DAY,
        Averaging::Month => 31 * DAY,
        Averaging::Year => 366 * DAY,
    };
    let range = means.range(t0.saturating_sub(reach), t1.saturating_add(reach));
    let mut out = Exceedance::default();
    for i in range {
        let (start, end) = period_of(per, means.time(i));
        if start < t0 || end > t1 {
            continue;
        }
        out.with_values += 1;
        let v = means.value(i);
        if !v.is_nan() {
            out.valid += 1;
            if v > limit {
                out.over += 1;
            }
        }
    }
    out
}

/// The period of `per` (China's calendar) an instant falls in: its start and end.
pub fn period_of(per: Averaging, t: Instant) -> (Instant, Instant) {
    match per {
        Averaging::Hour => {
            let start = t.div_euclid(HOUR) * HOUR;
            (start, start + HOUR)
        }
        Averaging::Day => {
            let start = time::day_start(t);
            (start, start + DAY)
        }
        Averaging::Month => {
            let start = time::month_start_of(t);
            (start, next_month(start))
        }
        Averaging::Year => {
            let start = time::year_start_of(t);
            (start, next_year(start))
        }
    }
}
