//! Means per hour, day, month and year of a record, and the count of periods whose mean is over a
//! limit, with the data-validity rules of GB 3095-2012 (table 4): an hour's mean needs 45 minutes of
//! values, a day's 20 hours, a month's 27 daily means (25 in February), a year's 324. A period
//! without enough values has no mean (a gap), and is not counted either way.
//!
//! Periods are the record's zone's calendar: China's (UTC+8) unless its declaration names another,
//! so the day 2014-01-01 is 2014-01-01 00:00 to 24:00 in Beijing, or from UTC midnight for a record
//! kept in UTC, and a day of New York's spring change has 23 hours.

use serde::{Deserialize, Serialize};

use super::Samples;
use crate::model::time::{DAY, HOUR, Instant, Precision};
use crate::model::zone::Zone;

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
    let zone = raw.zone();
    let period = |t: Instant| period_of(zone, per, t);
    let mut out = match per {
        Averaging::Hour => bucket(raw, period, |_| required(raw.step, HOUR, 45, 60)),
        Averaging::Day => bucket(raw, period, |_| required(raw.step, DAY, 20, 24)),
        Averaging::Month if fine => {
            let days = raw.means(Averaging::Day);
            bucket(&days, period, |start| {
                if zone.civil(start).month() == 2 {
                    25
                } else {
                    27
                }
            })
        }
        Averaging::Year if fine => {
            let days = raw.means(Averaging::Day);
            bucket(&days, period, |_| 324)
        }
        Averaging::Month => bucket(raw, period, |_| required(raw.step, 31 * DAY, 27, 31)),
        Averaging::Year => bucket(raw, period, |_| required(raw.step, 365 * DAY, 324, 365)),
    };
    out.precision = per.precision();
    out
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

/// The mean of the values (gaps left out) of each period `period` puts them in (its start and
/// end), placed at the period's middle, where a line through the means belongs; a period whose
/// count is under `needs(start)` gets NaN. The means keep the record's zone.
fn bucket(
    values: &Samples,
    period: impl Fn(Instant) -> (Instant, Instant),
    needs: impl Fn(Instant) -> u32,
) -> Samples {
    let mut times: Vec<Instant> = Vec::new();
    let mut means: Vec<f64> = Vec::new();
    let mut counts: Vec<u32> = Vec::new();
    let (mut sum, mut count) = (0.0, 0u32);
    let mut current: Option<(Instant, Instant)> = None;
    let mut close = |(start, end): (Instant, Instant), sum: f64, count: u32| {
        if count > 0 {
            times.push(start + (end - start) / 2);
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
        let t = values.time(i);
        // Values ascend: the period is looked up only when one ends (a zone with daylight
        // saving asks its rules once a period, not once a value).
        if current.is_none_or(|(start, end)| t < start || t >= end) {
            if let Some(c) = current {
                close(c, sum, count);
            }
            current = Some(period(t));
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
    out.zone = values.zone().clone();
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
        zone: Zone::china(),
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
        let (start, end) = period_of(raw.zone(), per, means.time(i));
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

/// The period of `per` (the zone's calendar) an instant falls in: its start and end.
pub fn period_of(zone: &Zone, per: Averaging, t: Instant) -> (Instant, Instant) {
    match per {
        Averaging::Hour => {
            let start = zone.hour_start(t);
            (start, start + HOUR)
        }
        Averaging::Day => {
            let start = zone.day_start(t);
            (start, zone.next_day(start))
        }
        Averaging::Month => {
            let start = zone.month_start_of(t);
            (start, zone.add_months(start, 1))
        }
        Averaging::Year => {
            let start = zone.year_start_of(t);
            (start, zone.add_months(start, 12))
        }
    }
}
