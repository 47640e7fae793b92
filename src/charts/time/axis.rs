//! A calendar axis: ticks at minutes, hours, days, months, quarters or years as the visible span
//! asks, in the chart's zone (its records', China's by default), with labels a reader of either language expects ("13:00", "3月2日",
//! "4月", "2014年" / "13:00", "Mar 2", "Apr", "2014"). The step is the finest whose widest label
//! still leaves room between neighbours, measured in the drawing's own font: labels never collide.

use crate::model::Lang;
use crate::model::time::{self, DAY, HOUR, Instant};
use crate::model::zone::Zone;

/// A tick of the time axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub t: Instant,
    pub label: String,
}

/// The room kept between two neighbouring labels, in points.
pub const LABEL_GAP: f32 = 14.0;

/// A step of the axis: seconds, or months (which differ in length).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Seconds(i64),
    Months(i32),
}

const STEPS: [Step; 24] = [
    Step::Seconds(60),
    Step::Seconds(5 * 60),
    Step::Seconds(10 * 60),
    Step::Seconds(15 * 60),
    Step::Seconds(30 * 60),
    Step::Seconds(HOUR),
    Step::Seconds(2 * HOUR),
    Step::Seconds(3 * HOUR),
    Step::Seconds(6 * HOUR),
    Step::Seconds(12 * HOUR),
    Step::Seconds(DAY),
    Step::Seconds(2 * DAY),
    Step::Seconds(5 * DAY),
    Step::Seconds(10 * DAY),
    Step::Months(1),
    Step::Months(2),
    Step::Months(3),
    Step::Months(6),
    Step::Months(12),
    Step::Months(24),
    Step::Months(60),
    Step::Months(120),
    Step::Months(240),
    Step::Months(600),
];

impl Step {
    /// The shortest distance between two ticks, in seconds.
    fn min_seconds(self) -> i64 {
        match self {
            Self::Seconds(s) => s,
            Self::Months(m) => i64::from(m) * 28 * DAY,
        }
    }
}

/// The ticks of a time axis from `t0` to `t1` (instants) drawn `width` points wide, on `zone`'s
/// calendar. `measure` gives a label's width in points.
pub fn ticks(
    t0: f64,
    t1: f64,
    width: f32,
    (lang, zone): (Lang, &Zone),
    measure: &dyn Fn(&str) -> f32,
) -> Vec<Tick> {
    if t1.partial_cmp(&t0) != Some(std::cmp::Ordering::Greater) || width <= 0.0 {
        return Vec::new();
    }
    let px_per_s = f64::from(width) / (t1 - t0);
    for step in STEPS {
        let min_px = step.min_seconds() as f64 * px_per_s;
        // Too dense to label whatever the text: skip without laying out any.
        if min_px < 24.0 {
            continue;
        }
        let ticks = ticks_at(step, t0, t1, lang, zone);
        if ticks.is_empty() {
            continue;
        }
        if ticks.len() < 2 || fits(&ticks, t0, px_per_s, f64::from(width), measure) {
            return ticks;
        }
    }
    // Too narrow for any step: the year of the start, at the start.
    let t = t0.ceil() as Instant;
    vec![Tick {
        t,
        label: year_label(i32::from(zone.civil(t).year()), lang),
    }]
}

/// Where a tick's label is drawn: centred on its tick, moved in to stay within the plot's
/// `width`. Returns its left and right edge in points from the plot's left.
pub fn label_span(t: Instant, t0: f64, px_per_s: f64, label_width: f64, width: f64) -> (f64, f64) {
    let half = label_width / 2.0;
    let x = (t as f64 - t0) * px_per_s;
    let centre = if width > label_width {
        x.clamp(half, width - half)
    } else {
        width / 2.0
    };
    (centre - half, centre + half)
}

/// Whether the labels, where they are drawn ([`label_span`]), leave [`LABEL_GAP`] between
/// neighbours.
fn fits(ticks: &[Tick], t0: f64, px_per_s: f64, width: f64, measure: &dyn Fn(&str) -> f32) -> bool {
    let spans: Vec<(f64, f64)> = ticks
        .iter()
        .map(|t| label_span(t.t, t0, px_per_s, f64::from(measure(&t.label)), width))
        .collect();
    spans
        .windows(2)
        .all(|w| w[1].0 - w[0].1 >= f64::from(LABEL_GAP) - 1e-6)
}

/// Every tick of `step` from `t0` to `t1`, with its label.
fn ticks_at(step: Step, t0: f64, t1: f64, lang: Lang, zone: &Zone) -> Vec<Tick> {
    let (lo, hi) = (t0.ceil() as Instant, t1.floor() as Instant);
    let times = match step {
        Step::Seconds(s) if s >= DAY => day_ticks(s / DAY, lo, hi, zone),
        Step::Seconds(s) => clock_ticks(s, lo, hi, zone),
        Step::Months(m) => month_ticks(m, lo, hi, zone),
    };
    times
        .into_iter()
        .map(|t| Tick {
            t,
            label: match step {
                Step::Seconds(s) => seconds_label(t, s, lang, zone),
                Step::Months(m) => month_label(t, m, lang, zone),
            },
        })
        .collect()
}

/// The most ticks a step is laid out with: past it the step is far too fine to be chosen.
const MOST_TICKS: usize = 2000;

/// Ticks every `s` seconds (a step that divides a day) on the zone's clock: 00:00, 06:00, 12:00 …
/// of local time, again after a change of clocks.
fn clock_ticks(s: i64, lo: Instant, hi: Instant, zone: &Zone) -> Vec<Instant> {
    // The instant at or before `t` whose local time is a multiple of the step.
    let aligned = |t: Instant| {
        let offset = i64::from(zone.offset_at(t));
        (t + offset).div_euclid(s) * s - offset
    };
    let mut out = Vec::new();
    let mut t = aligned(lo);
    while t < lo {
        t = aligned(t + s).max(t + 1);
    }
    while t <= hi && out.len() < MOST_TICKS {
        out.push(t);
        // Across a change of clocks the next multiple of the step moves; never backwards.
        let next = aligned(t + s);
        t = if next > t { next } else { t + s };
    }
    out
}

/// Ticks every `k` days at the zone's midnight; days counted from the epoch, so the spacing stays
/// even (days 1, 1+k, 1+2k … of each month would drift).
fn day_ticks(k: i64, lo: Instant, hi: Instant, zone: &Zone) -> Vec<Instant> {
    if let Some(offset) = zone.fixed_offset() {
        // A fixed offset: plain arithmetic, as China's time always had.
        let offset = i64::from(offset);
        let days = (lo + offset).div_euclid(DAY);
        let mut t = days.div_euclid(k) * k * DAY - offset;
        while t < lo {
            t += k * DAY;
        }
        let mut out = Vec::new();
        while t <= hi && out.len() < MOST_TICKS {
            out.push(t);
            t += k * DAY;
        }
        return out;
    }
    let first = zone.civil(lo).date();
    let days = first
        .duration_since(jiff::civil::Date::constant(1970, 1, 1))
        .as_secs()
        .div_euclid(DAY);
    let back = i32::try_from(days.rem_euclid(k)).unwrap_or(0);
    let mut date = first
        .checked_sub(jiff::Span::new().days(back))
        .unwrap_or(first);
    let mut out = Vec::new();
    while out.len() < MOST_TICKS {
        let t = zone.start_of_date(date);
        if t > hi {
            break;
        }
        if t >= lo {
            out.push(t);
        }
        match date.checked_add(jiff::Span::new().days(k)) {
            Ok(next) => date = next,
            Err(_) => break,
        }
    }
    out
}

/// Ticks at month starts every `m` months, on multiples of the step: quarters on Jan/Apr/Jul/Oct,
/// decades on 2010 …
fn month_ticks(m: i32, lo: Instant, hi: Instant, zone: &Zone) -> Vec<Instant> {
    let first = zone.month_start_of(lo);
    let dt = zone.civil(first);
    let index = i32::from(dt.year()) * 12 + i32::from(dt.month()) - 1;
    let aligned = index.div_euclid(m) * m;
    let base = zone.add_months(first, aligned - index);
    let mut out = Vec::new();
    let mut k = 0;
    let mut last = None;
    loop {
        let t = zone.add_months(base, k * m);
        // Past the end, or past what the calendar can count (the same instant again).
        if t > hi || out.len() >= MOST_TICKS || last.is_some_and(|l| t <= l) {
            break;
        }
        last = Some(t);
        if t >= lo {
            out.push(t);
        }
        k += 1;
    }
    out
}

/// A tick under a day apart: its time, or its date at midnight; whole-day steps: the date.
fn seconds_label(t: Instant, step: i64, lang: Lang, zone: &Zone) -> String {
    let dt = zone.civil(t);
    let (m, d) = (dt.month().unsigned_abs(), dt.day());
    let date = || match lang {
        Lang::Zh => format!("{m}月{d}日"),
        Lang::En => format!("{} {d}", time::month_abbr(m)),
    };
    if step >= DAY || (dt.hour() == 0 && dt.minute() == 0) {
        if m == 1 && d == 1 {
            return year_label(i32::from(dt.year()), lang);
        }
        date()
    } else {
        format!("{:02}:{:02}", dt.hour(), dt.minute())
    }
}

/// A tick at a month's start: the month, or the year at January (and for steps of a year or more).
fn month_label(t: Instant, step: i32, lang: Lang, zone: &Zone) -> String {
    let dt = zone.civil(t);
    let m = dt.month().unsigned_abs();
    if m == 1 || step >= 12 {
        return year_label(i32::from(dt.year()), lang);
    }
    match lang {
        Lang::Zh => format!("{m}月"),
        Lang::En => time::month_abbr(m).to_owned(),
    }
}

fn year_label(year: i32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{year}年"),
        Lang::En => year.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::time::parse_instant;

    use crate::charts::measure_stand_in as measure;

    fn at(s: &str) -> f64 {
        parse_instant(s).map(|x| x.0).unwrap_or_default() as f64
    }

    #[test]
    fn labels_never_collide_from_an_hour_to_thirty_years() {
        let china = Zone::china();
        let start = at("1995-03-17T05:20");
        let spans = [
            3600.0,
            3.0 * 3600.0,
            86_400.0,
            3.0 * 86_400.0,
            10.0 * 86_400.0,
            45.0 * 86_400.0,
            120.0 * 86_400.0,
            365.0 * 86_400.0,
            3.0 * 365.0 * 86_400.0,
            10.0 * 365.0 * 86_400.0,
            30.0 * 365.25 * 86_400.0,
        ];
        for lang in [Lang::Zh, Lang::En] {
            for &span in &spans {
                for width in [260.0f32, 480.0, 900.0, 1800.0] {
                    let ticks = ticks(start, start + span, width, (lang, &china), &measure);
                    assert!(
                        !ticks.is_empty(),
                        "{lang:?} span {span} width {width}: at least one label"
                    );
                    let px_per_s = f64::from(width) / span;
                    let spans: Vec<(f64, f64)> = ticks
                        .iter()
                        .map(|t| {
                            let w = f64::from(measure(&t.label));
                            label_span(t.t, start, px_per_s, w, f64::from(width))
                        })
                        .collect();
                    for (k, w) in spans.windows(2).enumerate() {
                        assert!(
                            w[1].0 - w[0].1 >= f64::from(LABEL_GAP) - 0.01,
                            "{lang:?} span {span} width {width}: `{}` and `{}` collide where drawn",
                            ticks[k].label,
                            ticks[k + 1].label
                        );
                    }
                    for t in &ticks {
                        assert!((start..=start + span).contains(&(t.t as f64)));
                    }
                }
            }
        }
    }

    #[test]
    fn ticks_fall_on_calendar_boundaries_in_china_time() {
        let china = Zone::china();
        let months = ticks(
            at("2014-01-01"),
            at("2015-01-01"),
            900.0,
            (Lang::Zh, &china),
            &measure,
        );
        let labels: Vec<&str> = months.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels.first(), Some(&"2014年"));
        assert!(labels.contains(&"7月"), "{labels:?}");
        for t in &months {
            let dt = china.civil(t.t);
            assert_eq!((dt.day(), dt.hour()), (1, 0), "month starts in Beijing");
        }
        let hours = ticks(
            at("2014-01-01T10:00"),
            at("2014-01-01T16:00"),
            900.0,
            (Lang::En, &china),
            &measure,
        );
        assert!(hours.iter().any(|t| t.label == "12:00"), "{hours:?}");
        let days = ticks(
            at("2014-01-30"),
            at("2014-02-03"),
            900.0,
            (Lang::Zh, &china),
            &measure,
        );
        assert!(days.iter().any(|t| t.label == "2月1日"), "{days:?}");
    }
}
