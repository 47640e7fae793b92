//! Time as the reports and the monitoring records state it: a figure's year and the part of it the
//! figure covers (a half, a quarter, a month, 1-11月, a day, an hour), and the instants of a series,
//! all in China's time (UTC+8, no daylight saving), through `jiff`.
//!
//! An instant is a count of seconds since 1970-01-01 00:00 UTC: what a time axis measures. A
//! report's figures are China's calendar (its 2022年1-11月 is Beijing's); a record's calendar
//! questions (which day, which month a mean is of) are answered in its own zone
//! (`zone.rs`), China's unless its declaration names another.

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::Offset;
use serde::{Deserialize, Serialize};

use super::Lang;

/// China Standard Time: UTC+8 the whole year.
pub const CHINA: Offset = Offset::constant(8);

/// Seconds since 1970-01-01 00:00 UTC.
pub type Instant = i64;

pub const HOUR: i64 = 3600;
pub const DAY: i64 = 24 * HOUR;

/// The part of its year a figure covers, when it is not the whole year. Written in a data file as
/// `part: Months(1, 11)`, `part: Quarter(3)`, `part: Day(11, 30)` …
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum YearPart {
    /// 上半年 (1) or 下半年 (2).
    Half(u8),
    /// 第一季度 … 第四季度 (1–4).
    Quarter(u8),
    /// One month (1–12).
    Month(u8),
    /// From one month to another, both included: 1-11月 is `Months(1, 11)`.
    Months(u8, u8),
    /// One day: (month, day).
    Day(u8, u8),
    /// One hour: (month, day, hour 0–23), the hour starting then.
    Hour(u8, u8, u8),
}

/// What is wrong with a year part, in a reader's words.
pub fn part_problem(year: i32, part: YearPart) -> Option<(String, String)> {
    let bad = |en: String, zh: String| Some((en, zh));
    let month_ok = |m: u8| (1..=12).contains(&m);
    match part {
        YearPart::Half(h) if !(1..=2).contains(&h) => bad(
            format!("Half({h}): a half is 1 or 2"),
            format!("Half({h})：半年只能是 1 或 2"),
        ),
        YearPart::Quarter(q) if !(1..=4).contains(&q) => bad(
            format!("Quarter({q}): a quarter is 1 to 4"),
            format!("Quarter({q})：季度只能是 1 到 4"),
        ),
        YearPart::Month(m) if !month_ok(m) => bad(
            format!("Month({m}): a month is 1 to 12"),
            format!("Month({m})：月份只能是 1 到 12"),
        ),
        YearPart::Months(a, b) if !(month_ok(a) && month_ok(b) && a < b) => bad(
            format!(
                "Months({a}, {b}): expected two months from 1 to 12, the first before the second"
            ),
            format!("Months({a}, {b})：应为 1 到 12 之间的两个月份，前一个早于后一个"),
        ),
        YearPart::Day(m, d) | YearPart::Hour(m, d, _) if civil_date(year, m, d).is_none() => bad(
            format!("{year}-{m:02}-{d:02} is not a date"),
            format!("{year}年{m}月{d}日不是有效日期"),
        ),
        YearPart::Hour(_, _, h) if h > 23 => bad(
            format!("hour {h}: an hour is 0 to 23"),
            format!("{h} 时：小时只能是 0 到 23"),
        ),
        _ => None,
    }
}

fn civil_date(year: i32, month: u8, day: u8) -> Option<Date> {
    Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()
}

/// The instant a civil date and time in China's time is.
pub fn instant_of(dt: DateTime) -> Option<Instant> {
    CHINA.to_timestamp(dt).ok().map(jiff::Timestamp::as_second)
}

/// The civil date and time of an instant in China's time.
pub fn civil(t: Instant) -> DateTime {
    let ts = jiff::Timestamp::from_second(t).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    CHINA.to_datetime(ts)
}

/// The start of a month in China's time.
fn month_start(year: i32, month: u8) -> Option<Instant> {
    instant_of(civil_date(year, month, 1)?.to_datetime(Time::midnight()))
}

/// The first month after `month` of `year`, carried into the next year.
fn next_month(year: i32, month: u8) -> (i32, u8) {
    if month >= 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    }
}

/// Start (included) and end (excluded) of a year or a part of it, in China's time; `None` for a
/// part that is no time ([`part_problem`] says why).
pub fn span(year: i32, part: Option<YearPart>) -> Option<(Instant, Instant)> {
    let months = |a: u8, b: u8| {
        let (ny, nm) = next_month(year, b);
        Some((month_start(year, a)?, month_start(ny, nm)?))
    };
    if let Some(p) = part
        && part_problem(year, p).is_some()
    {
        return None;
    }
    match part {
        None => months(1, 12),
        Some(YearPart::Half(h)) => months(6 * h - 5, 6 * h),
        Some(YearPart::Quarter(q)) => months(3 * q - 2, 3 * q),
        Some(YearPart::Month(m)) => months(m, m),
        Some(YearPart::Months(a, b)) => months(a, b),
        Some(YearPart::Day(m, d)) => {
            let start = instant_of(civil_date(year, m, d)?.to_datetime(Time::midnight()))?;
            Some((start, start + DAY))
        }
        Some(YearPart::Hour(m, d, h)) => {
            let day = instant_of(civil_date(year, m, d)?.to_datetime(Time::midnight()))?;
            let start = day + i64::from(h) * HOUR;
            Some((start, start + HOUR))
        }
    }
}

/// The order of figures in time: by start, and of two starting together the shorter first
/// (1-11月 before the whole year).
pub fn order_key(year: i32, part: Option<YearPart>) -> (i32, Instant, Instant) {
    let (start, end) = span(year, part).unwrap_or((Instant::MAX, Instant::MAX));
    (year, start, end)
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The English name of a month (1–12).
pub fn month_name(month: u8) -> &'static str {
    MONTHS_EN
        .get(usize::from(month.clamp(1, 12)) - 1)
        .copied()
        .unwrap_or_default()
}

/// The short English name of a month: "Jan".
pub fn month_abbr(month: u8) -> &'static str {
    month_name(month).get(..3).unwrap_or_default()
}

/// A part of the year as a report writes it: "1-11月", "第三季度", "上半年" / "January–November",
/// "Q3", "first half".
pub fn part_label(part: YearPart, lang: Lang) -> String {
    const QUARTERS_ZH: [&str; 4] = ["一", "二", "三", "四"];
    match (part, lang) {
        (YearPart::Half(1), Lang::Zh) => "上半年".to_owned(),
        (YearPart::Half(_), Lang::Zh) => "下半年".to_owned(),
        (YearPart::Half(1), Lang::En) => "first half".to_owned(),
        (YearPart::Half(_), Lang::En) => "second half".to_owned(),
        (YearPart::Quarter(q), Lang::Zh) => format!(
            "第{}季度",
            QUARTERS_ZH
                .get(usize::from(q.clamp(1, 4)) - 1)
                .copied()
                .unwrap_or_default()
        ),
        (YearPart::Quarter(q), Lang::En) => format!("Q{q}"),
        (YearPart::Month(m), Lang::Zh) => format!("{m}月"),
        (YearPart::Month(m), Lang::En) => month_name(m).to_owned(),
        (YearPart::Months(a, b), Lang::Zh) => format!("{a}-{b}月"),
        (YearPart::Months(a, b), Lang::En) => format!("{}–{}", month_name(a), month_name(b)),
        (YearPart::Day(m, d), Lang::Zh) => format!("{m}月{d}日"),
        (YearPart::Day(m, d), Lang::En) => format!("{} {d}", month_name(m)),
        (YearPart::Hour(m, d, h), Lang::Zh) => format!("{m}月{d}日{h}时"),
        (YearPart::Hour(m, d, h), Lang::En) => format!("{} {d}, {h:02}:00", month_name(m)),
    }
}

/// A figure's time as the report writes it: "2022年", "2022年1-11月" / "2022", "2022, January–November".
pub fn time_label(year: i32, part: Option<YearPart>, lang: Lang) -> String {
    match (part, lang) {
        (None, Lang::Zh) => format!("{year}年"),
        (None, Lang::En) => year.to_string(),
        (Some(p), Lang::Zh) => format!("{year}年{}", part_label(p, lang)),
        (Some(p), Lang::En) => format!("{year}, {}", part_label(p, lang)),
    }
}

/// Read a part of the year from the words a report or an older data file uses for it: "1-11月",
/// "1-11月", "1至11月", "第三季度", "三季度", "上半年", "11月". `None` when the words are not one of these.
pub fn parse_part(text: &str) -> Option<YearPart> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    match t.as_str() {
        "上半年" => return Some(YearPart::Half(1)),
        "下半年" => return Some(YearPart::Half(2)),
        _ => {}
    }
    let quarter = t.strip_prefix('第').unwrap_or(&t);
    if let Some(q) = quarter.strip_suffix("季度") {
        let n = match q {
            "一" | "1" => 1,
            "二" | "2" => 2,
            "三" | "3" => 3,
            "四" | "4" => 4,
            _ => return None,
        };
        return Some(YearPart::Quarter(n));
    }
    let months = t.strip_suffix('月')?;
    let mut split = months.splitn(2, ['-', '—', '–', '~', '～', '至', '到']);
    let a: u8 = split.next()?.trim_end_matches('月').parse().ok()?;
    match split.next() {
        None => (1..=12).contains(&a).then_some(YearPart::Month(a)),
        Some(b) => {
            let b: u8 = b.parse().ok()?;
            let part = YearPart::Months(a, b);
            part_problem(2000, part).is_none().then_some(part)
        }
    }
}

/// How finely a series' times are written: what its hover and its footnote show of an instant.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Year,
    Month,
    Day,
    #[default]
    Minute,
    Second,
}

/// An instant as a monitoring record writes it, in China's time, to `precision`:
/// "2014-01-01 13:00" / "2014-01-01" / "2014-01". A record's own zone writes its times with
/// `Zone::format_instant` (`zone.rs`).
pub fn format_instant(t: Instant, precision: Precision) -> String {
    format_civil(civil(t), precision)
}

/// A civil time written to `precision`: "2014-01-01 13:00" / "2014-01-01" / "2014-01".
pub fn format_civil(dt: DateTime, precision: Precision) -> String {
    let (y, mo, d) = (dt.year(), dt.month(), dt.day());
    match precision {
        Precision::Year => format!("{y}"),
        Precision::Month => format!("{y}-{mo:02}"),
        Precision::Day => format!("{y}-{mo:02}-{d:02}"),
        Precision::Minute => format!("{y}-{mo:02}-{d:02} {:02}:{:02}", dt.hour(), dt.minute()),
        Precision::Second => format!(
            "{y}-{mo:02}-{d:02} {:02}:{:02}:{:02}",
            dt.hour(),
            dt.minute(),
            dt.second()
        ),
    }
}

/// A time written in ISO 8601 as a monitoring CSV has it: `2014`, `2014-01`, `2014-01-01`,
/// `2014-01-01T13:00` (or with a space), `…:05` seconds, with an optional `Z` or `±hh:mm` offset.
/// Without an offset the time is China's. Returns the instant and how finely it was written, or what
/// was expected.
pub fn parse_instant(text: &str) -> Result<(Instant, Precision), &'static str> {
    let iso = parse_iso(text)?;
    Ok((
        iso.local - i64::from(iso.offset.unwrap_or(CHINA.seconds())),
        iso.precision,
    ))
}

/// An ISO 8601 time as written, before a zone makes it an instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IsoTime {
    /// Seconds from 1970-01-01 00:00 to the civil time written, as if it were UTC.
    pub local: i64,
    /// The offset it states (`Z`, `+hh:mm`), in seconds east of UTC.
    pub offset: Option<i32>,
    pub precision: Precision,
}

impl IsoTime {
    /// The civil time written.
    pub fn civil(self) -> DateTime {
        let ts = jiff::Timestamp::from_second(self.local).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
        Offset::UTC.to_datetime(ts)
    }
}

/// [`parse_instant`]'s reading of the text, its offset kept apart.
pub fn parse_iso(text: &str) -> Result<IsoTime, &'static str> {
    const EXPECTED: &str =
        "an ISO 8601 time: 2014-01-01, 2014-01-01T13:00, 2014-01-01 13:00:00 or 2014-01";
    let b = text.trim().as_bytes();
    let digits = |s: &[u8]| -> Option<i32> {
        if s.is_empty() || !s.iter().all(u8::is_ascii_digit) {
            return None;
        }
        s.iter().try_fold(0i32, |n, d| {
            n.checked_mul(10)?.checked_add(i32::from(d - b'0'))
        })
    };
    let year = b.get(..4).and_then(digits).ok_or(EXPECTED)?;
    // Well inside what the calendar arithmetic represents.
    if !(1000..=9000).contains(&year) {
        return Err("a year from 1000 to 9000");
    }
    let field = |at: usize| -> Option<i32> { b.get(at..at + 2).and_then(digits) };
    let (month, day, precision, rest) = match b.len() {
        4 => (1, 1, Precision::Year, 4),
        7 if b[4] == b'-' => (field(5).ok_or(EXPECTED)?, 1, Precision::Month, 7),
        n if n >= 10 && b[4] == b'-' && b[7] == b'-' => (
            field(5).ok_or(EXPECTED)?,
            field(8).ok_or(EXPECTED)?,
            Precision::Day,
            10,
        ),
        _ => return Err(EXPECTED),
    };
    let mut at = rest;
    let (mut hour, mut minute, mut second, mut precision) = (0, 0, 0, precision);
    if at < b.len() && (b[at] == b'T' || b[at] == b' ') {
        hour = field(at + 1).ok_or(EXPECTED)?;
        if b.get(at + 3) != Some(&b':') {
            return Err(EXPECTED);
        }
        minute = field(at + 4).ok_or(EXPECTED)?;
        precision = Precision::Minute;
        at += 6;
        if b.get(at) == Some(&b':') {
            second = field(at + 1).ok_or(EXPECTED)?;
            precision = Precision::Second;
            at += 3;
        }
    }
    let offset = match &b[at..] {
        [] => None,
        [b'Z'] => Some(0),
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let h = digits(&[*h1, *h2]).ok_or(EXPECTED)?;
            let m = digits(&[*m1, *m2]).ok_or(EXPECTED)?;
            if h > 14 || m > 59 {
                return Err("an offset from UTC from -14:00 to +14:00");
            }
            let s = h * 3600 + m * 60;
            Some(if *sign == b'-' { -s } else { s })
        }
        _ => return Err(EXPECTED),
    };
    let date = civil_date(
        year,
        u8::try_from(month).map_err(|_| "a month from 01 to 12")?,
        u8::try_from(day).map_err(|_| "a day of the month")?,
    )
    .ok_or("a real date (the month from 01 to 12, the day within the month)")?;
    if hour > 23 || minute > 59 || second > 59 {
        return Err("a time of day from 00:00 to 23:59:59");
    }
    let local = date_seconds(date) + i64::from(hour * 3600 + minute * 60 + second);
    Ok(IsoTime {
        local,
        offset,
        precision,
    })
}

/// Seconds from 1970-01-01 00:00 UTC to a date's midnight in UTC (the offset is the caller's).
fn date_seconds(date: Date) -> i64 {
    date.duration_since(Date::constant(1970, 1, 1)).as_secs()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_span_their_months_in_china_time() {
        let (a, b) = span(2022, Some(YearPart::Months(1, 11))).unwrap_or_default();
        assert_eq!(format_instant(a, Precision::Minute), "2022-01-01 00:00");
        assert_eq!(format_instant(b, Precision::Minute), "2022-12-01 00:00");
        // 2022-01-01 00:00 in Beijing is 2021-12-31 16:00 UTC.
        assert_eq!(a, 1_640_966_400);
        let (q, _) = span(2022, Some(YearPart::Quarter(3))).unwrap_or_default();
        assert_eq!(format_instant(q, Precision::Day), "2022-07-01");
        assert!(span(2023, Some(YearPart::Day(2, 29))).is_none());
        assert!(span(2024, Some(YearPart::Day(2, 29))).is_some());
    }

    #[test]
    fn figures_order_by_start_then_length() {
        let mut keys = [
            order_key(2022, None),
            order_key(2022, Some(YearPart::Months(1, 11))),
            order_key(2022, Some(YearPart::Quarter(2))),
            order_key(2021, None),
        ];
        keys.sort_unstable();
        assert_eq!(keys[0], order_key(2021, None));
        assert_eq!(keys[1], order_key(2022, Some(YearPart::Months(1, 11))));
        assert_eq!(keys[2], order_key(2022, None));
        assert_eq!(keys[3], order_key(2022, Some(YearPart::Quarter(2))));
    }

    #[test]
    fn report_words_read_as_parts() {
        assert_eq!(parse_part("1-11月"), Some(YearPart::Months(1, 11)));
        assert_eq!(parse_part("1—11月"), Some(YearPart::Months(1, 11)));
        assert_eq!(parse_part("1月至11月"), Some(YearPart::Months(1, 11)));
        assert_eq!(parse_part("第三季度"), Some(YearPart::Quarter(3)));
        assert_eq!(parse_part("上半年"), Some(YearPart::Half(1)));
        assert_eq!(parse_part("11月"), Some(YearPart::Month(11)));
        assert_eq!(parse_part("11-1月"), None);
        assert_eq!(parse_part("按自然口径"), None);
        assert_eq!(part_label(YearPart::Months(1, 11), Lang::Zh), "1-11月");
        assert_eq!(
            part_label(YearPart::Months(1, 11), Lang::En),
            "January–November"
        );
    }

    #[test]
    fn iso_times_read_in_china_time_unless_they_say_otherwise() {
        let (t, p) = parse_instant("2014-01-01T13:00").unwrap_or_default();
        assert_eq!(p, Precision::Minute);
        assert_eq!(format_instant(t, p), "2014-01-01 13:00");
        assert_eq!(parse_instant("2014-01-01 13:00"), Ok((t, p)));
        assert_eq!(
            parse_instant("2014-01-01T05:00Z").map(|x| x.0),
            Ok(t),
            "05:00 UTC is 13:00 in Beijing"
        );
        assert_eq!(parse_instant("2014-01-01T13:00+08:00").map(|x| x.0), Ok(t));
        assert_eq!(parse_instant("2014-01").map(|x| x.1), Ok(Precision::Month));
        assert_eq!(parse_instant("2014-01-01").map(|x| x.1), Ok(Precision::Day));
        assert!(parse_instant("2014-02-30").is_err());
        assert!(parse_instant("2014-01-01T24:00").is_err());
        assert!(parse_instant("01/01/2014").is_err());
        assert!(parse_instant("2014-01-01T13:00+99:99").is_err());
        assert!(parse_instant("9999-12-31T07:00").is_err());
        assert!(parse_instant("").is_err());
    }
}
