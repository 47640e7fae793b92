//! A row's time read from its cells as people write them: one ISO 8601 column (the fast path, a
//! date's midnight worked out once for all its rows), one column in a strptime format
//! (`%Y%m%d`, `%d/%m/%Y %H:%M`, `%Y年%m月%d日`, through jiff), or several columns — year, month, day,
//! hour … named so, or joined with a space and read in the format — in the record's time zone.

use jiff::civil::{Date, DateTime, Time};
use jiff::fmt::strtime;

use crate::model::time::{self, Instant, Precision};
use crate::model::zone::Zone;

/// What a column of a several-column time holds, from its header.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    Year,
    Month,
    Day,
    Hour,
    Minute,
    Second,
}

impl Part {
    /// The part a header names: `year`, `Month`, `hr`, `日`, `小时` … `None` for any other header.
    pub fn of_header(header: &str) -> Option<Self> {
        let h = header.trim().to_lowercase();
        Some(match h.as_str() {
            "year" | "yr" | "yyyy" | "年" | "年份" => Self::Year,
            "month" | "mon" | "mo" | "mm" | "月" | "月份" => Self::Month,
            "day" | "dd" | "日" | "日期" => Self::Day,
            "hour" | "hr" | "hh" | "时" | "小时" => Self::Hour,
            "minute" | "min" | "分" | "分钟" => Self::Minute,
            "second" | "sec" | "秒" => Self::Second,
            _ => return None,
        })
    }

    fn precision(self) -> Precision {
        match self {
            Self::Year => Precision::Year,
            Self::Month => Precision::Month,
            Self::Day => Precision::Day,
            Self::Hour | Self::Minute => Precision::Minute,
            Self::Second => Precision::Second,
        }
    }
}

/// How a row's time is read.
#[derive(Clone, Debug)]
enum Mode {
    /// One ISO 8601 text (one column, or several joined with a space).
    Iso,
    /// A strptime format over one column, or several joined with a space.
    Format(String, Precision),
    /// One number a column, each a part of the time.
    Parts(Vec<Part>, Precision),
}

/// Reads a row's time from its time cells; built once a file.
#[derive(Debug)]
pub struct TimeReader {
    mode: Mode,
    zone: Zone,
    /// The last date read on the fast path and its midnight (local seconds).
    day_cache: Option<([u8; 10], i64)>,
    joined: String,
}

/// A row's time cells that are not a time of this reader: what a time was expected to be.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{expected}")]
pub struct NotATime {
    pub expected: String,
}

impl From<&str> for NotATime {
    fn from(expected: &str) -> Self {
        Self {
            expected: expected.to_owned(),
        }
    }
}

impl From<String> for NotATime {
    fn from(expected: String) -> Self {
        Self { expected }
    }
}

/// A format that is no strptime format, or one that cannot give a date.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{0}` is not a time format that gives a date; expected strptime fields such as %Y%m%d, %d/%m/%Y %H:%M or %Y年%m月%d日 (a year, and a month and day unless the time is a year or a month)"
)]
pub struct BadFormat(pub String);

impl TimeReader {
    /// A reader for the time columns headed `headers` (one or several), in `format` when given,
    /// in `zone`.
    pub fn new(headers: &[&str], format: Option<&str>, zone: Zone) -> Result<Self, BadFormat> {
        let mode = match format {
            Some(f) => Mode::Format(f.to_owned(), format_precision(f)?),
            None if headers.len() > 1 => {
                let parts: Option<Vec<Part>> = headers.iter().map(|h| Part::of_header(h)).collect();
                match parts {
                    Some(parts) => {
                        let precision = parts
                            .iter()
                            .map(|p| p.precision())
                            .max()
                            .unwrap_or(Precision::Year);
                        Mode::Parts(parts, precision)
                    }
                    None => Mode::Iso,
                }
            }
            None => Mode::Iso,
        };
        Ok(Self {
            mode,
            zone,
            day_cache: None,
            joined: String::new(),
        })
    }

    /// What a time of this reader looks like, for a message: "a time in the format %Y%m%d".
    pub fn expected(&self) -> String {
        match &self.mode {
            Mode::Iso => {
                "an ISO 8601 time (2014-01-01, 2014-01-01T13:00, 2014-01-01 13:00:00), or give the time's `format`".to_owned()
            }
            Mode::Format(f, _) => format!("a time in the format `{f}` (the data file's `format`)"),
            Mode::Parts(..) => "a whole number in each time column (year, month, day, hour …)".to_owned(),
        }
    }

    /// The instant of a row whose time cells are `cells` (trimmed), and how finely it is written.
    pub fn read(&mut self, cells: &[&str]) -> Result<(Instant, Precision), NotATime> {
        match &self.mode {
            Mode::Iso if cells.len() == 1 => self.iso(cells[0]),
            Mode::Iso => {
                let joined = std::mem::take(&mut self.joined);
                let joined = join(joined, cells);
                let out = self.iso(&joined);
                self.joined = joined;
                out
            }
            Mode::Format(format, precision) => {
                let precision = *precision;
                let parsed = if cells.len() == 1 {
                    strtime::parse(format, cells[0])
                } else {
                    let joined = join(std::mem::take(&mut self.joined), cells);
                    let parsed = strtime::parse(format, &joined);
                    self.joined = joined;
                    parsed
                };
                let (dt, offset) = match parsed {
                    Ok(tm) => {
                        let date = date_of(&tm).ok_or_else(|| NotATime::from(self.expected()))?;
                        let time = tm.to_time().map_err(|_| NotATime::from(self.expected()))?;
                        (DateTime::from_parts(date, time), tm.offset())
                    }
                    // Hour 24, the end of a day (ISO 8601's 24:00; hourly data that numbers its
                    // hours 1 to 24): the next day's midnight.
                    Err(_) => {
                        day_end(format, cells).ok_or_else(|| NotATime::from(self.expected()))?
                    }
                };
                let t = match offset {
                    Some(o) => o.to_timestamp(dt).ok().map(jiff::Timestamp::as_second),
                    None => self.zone.instant(dt),
                };
                t.map(|t| (t, precision))
                    .ok_or_else(|| NotATime::from(self.expected()))
            }
            Mode::Parts(parts, precision) => {
                let precision = *precision;
                let mut f = [1i64, 1, 1, 0, 0, 0];
                for (part, text) in parts.iter().zip(cells) {
                    let n: i64 = text.parse().map_err(|_| NotATime::from(self.expected()))?;
                    f[*part as usize] = n;
                }
                // Hour 24 with no minutes or seconds: the next day's midnight.
                let day_end = f[3] == 24 && f[4] == 0 && f[5] == 0;
                if day_end {
                    f[3] = 0;
                }
                let dt = (|| {
                    let date = Date::new(
                        i16::try_from(f[0]).ok()?,
                        i8::try_from(f[1]).ok()?,
                        i8::try_from(f[2]).ok()?,
                    )
                    .ok()?;
                    let time = Time::new(
                        i8::try_from(f[3]).ok()?,
                        i8::try_from(f[4]).ok()?,
                        i8::try_from(f[5]).ok()?,
                        0,
                    )
                    .ok()?;
                    let date = if day_end { date.tomorrow().ok()? } else { date };
                    Some(DateTime::from_parts(date, time))
                })()
                .ok_or_else(|| {
                    NotATime::from(
                        "a real date and time of day (month 1–12, a day of the month, hour 0–23, or 24 with no minutes)",
                    )
                })?;
                let t = self
                    .zone
                    .instant(dt)
                    .ok_or_else(|| NotATime::from(self.expected()))?;
                Ok((t, precision))
            }
        }
    }

    /// An ISO 8601 time; on a zone with a fixed offset, a date's midnight is worked out once for
    /// the rows that share it (ten million hourly rows have ~420,000 dates).
    fn iso(&mut self, text: &str) -> Result<(Instant, Precision), NotATime> {
        let b = text.as_bytes();
        if let Some(offset) = self.zone.fixed_offset() {
            // Fast path: `YYYY-MM-DDTHH:MM` or `YYYY-MM-DD HH:MM` with no offset, on a cached date.
            if b.len() == 16
                && (b[10] == b'T' || b[10] == b' ')
                && b[13] == b':'
                && let Some((date, midnight)) = &self.day_cache
                && b[..10] == date[..]
            {
                let two = |i: usize| -> Option<i64> {
                    let (x, y) = (b[i], b[i + 1]);
                    (x.is_ascii_digit() && y.is_ascii_digit())
                        .then(|| i64::from(x - b'0') * 10 + i64::from(y - b'0'))
                };
                if let (Some(h), Some(m)) = (two(11), two(14))
                    && h < 24
                    && m < 60
                {
                    return Ok((
                        *midnight + h * 3600 + m * 60 - i64::from(offset),
                        Precision::Minute,
                    ));
                }
            }
            let iso = time::parse_iso(text).map_err(NotATime::from)?;
            if b.len() >= 10
                && let Ok(date) = <[u8; 10]>::try_from(&b[..10])
                && let Ok(day) = time::parse_iso(&text[..10])
            {
                self.day_cache = Some((date, day.local));
            }
            return Ok((
                iso.local - i64::from(iso.offset.unwrap_or(offset)),
                iso.precision,
            ));
        }
        let iso = time::parse_iso(text).map_err(NotATime::from)?;
        let t = match iso.offset {
            Some(o) => Some(iso.local - i64::from(o)),
            None => self.zone.instant(iso.civil()),
        };
        t.map(|t| (t, iso.precision))
            .ok_or_else(|| NotATime::from("a time that exists in the record's time zone"))
    }
}

fn join(mut buf: String, cells: &[&str]) -> String {
    buf.clear();
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            buf.push(' ');
        }
        buf.push_str(c);
    }
    buf
}

/// The date a parsed time names: a year alone is its first of January, a month its first day.
fn date_of(tm: &strtime::BrokenDownTime) -> Option<Date> {
    if let Ok(d) = tm.to_date() {
        return Some(d);
    }
    let year = tm.year()?;
    Date::new(year, tm.month().unwrap_or(1), tm.day().unwrap_or(1)).ok()
}

/// How finely a format writes its times, from its fields; an error when it has no year.
pub fn format_precision(format: &str) -> Result<Precision, BadFormat> {
    let mut fields = Vec::new();
    let mut chars = format.chars();
    while let Some(c) = chars.next() {
        if c == '%' {
            // Flags and widths (`%-d`, `%_H`, `%02d`) come before the field's letter.
            for f in chars.by_ref() {
                if f.is_ascii_alphabetic() || f == '%' {
                    fields.push(f);
                    break;
                }
            }
        }
    }
    let has = |set: &str| fields.iter().any(|f| set.contains(*f));
    if !has("YyFDGgs") {
        return Err(BadFormat(format.to_owned()));
    }
    Ok(if has("STs") {
        Precision::Second
    } else if has("HIklMRc") {
        Precision::Minute
    } else if has("dejFDUWVa") {
        Precision::Day
    } else if has("mbBh") {
        Precision::Month
    } else {
        Precision::Year
    })
}

/// A time written with hour 24 in `format`'s `%H` (`20240101 24`), minutes and seconds 0 if
/// written: the next day's midnight, and the offset written with it; `None` when it is not that.
fn day_end(format: &str, cells: &[&str]) -> Option<(DateTime, Option<jiff::tz::Offset>)> {
    if !format.contains("%H") {
        return None;
    }
    let literal = format.replace("%H", "24");
    let text = cells.join(" ");
    let tm = strtime::parse(&literal, &text).ok()?;
    if tm.minute().unwrap_or(0) != 0
        || tm.second().unwrap_or(0) != 0
        || tm.subsec_nanosecond().unwrap_or(0) != 0
    {
        return None;
    }
    let date = date_of(&tm)?.tomorrow().ok()?;
    Some((DateTime::from_parts(date, Time::midnight()), tm.offset()))
}
#[cfg(test)]
mod tests {
    use super::*;

    fn read(headers: &[&str], format: Option<&str>, cells: &[&str]) -> Option<String> {
        let mut r = TimeReader::new(headers, format, Zone::china()).ok()?;
        let (t, p) = r.read(cells).ok()?;
        Some(time::format_instant(t, p))
    }

    #[test]
    fn hour_24_is_the_next_days_midnight() {
        let fmt = Some("%Y%m%d %H");
        assert_eq!(
            read(&["date", "hour"], fmt, &["20240131", "24"]).as_deref(),
            Some("2024-02-01 00:00")
        );
        assert_eq!(
            read(&["date", "hour"], fmt, &["20240131", "1"]).as_deref(),
            Some("2024-01-31 01:00")
        );
        assert_eq!(read(&["date", "hour"], fmt, &["20240131", "25"]), None);
        assert_eq!(
            read(&["t"], Some("%Y-%m-%d %H:%M"), &["2023-12-31 24:00"]).as_deref(),
            Some("2024-01-01 00:00")
        );
        assert_eq!(
            read(&["t"], Some("%Y-%m-%d %H:%M"), &["2023-12-31 24:30"]),
            None
        );
        assert_eq!(
            read(
                &["year", "month", "day", "hour"],
                None,
                &["2024", "2", "29", "24"]
            )
            .as_deref(),
            Some("2024-03-01 00:00")
        );
    }

    #[test]
    fn times_read_as_people_write_them() {
        assert_eq!(
            read(&["d"], Some("%Y%m%d"), &["19580329"]).as_deref(),
            Some("1958-03-29")
        );
        assert_eq!(
            read(&["d"], Some("%d/%m/%Y"), &["16/12/2006"]).as_deref(),
            Some("2006-12-16")
        );
        assert_eq!(
            read(&["d"], Some("%Y/%m/%d"), &["2012/1/1"]).as_deref(),
            Some("2012-01-01")
        );
        assert_eq!(
            read(&["d"], Some("%Y年%m月%d日"), &["2012年1月1日"]).as_deref(),
            Some("2012-01-01")
        );
        assert_eq!(
            read(
                &["Date", "Time"],
                Some("%d/%m/%Y %H:%M:%S"),
                &["16/12/2006", "17:24:00"]
            )
            .as_deref(),
            Some("2006-12-16 17:24:00")
        );
        assert_eq!(
            read(
                &["year", "month", "day", "hour"],
                None,
                &["2010", "1", "2", "23"]
            )
            .as_deref(),
            Some("2010-01-02 23:00")
        );
        assert_eq!(
            read(&["date", "time"], None, &["2014-01-01", "13:00"]).as_deref(),
            Some("2014-01-01 13:00")
        );
        assert_eq!(
            read(&["m"], Some("%Y-%m"), &["1958-03"]).as_deref(),
            Some("1958-03")
        );
        assert_eq!(read(&["d"], Some("%Y%m%d"), &["2012-01-01"]), None);
        assert_eq!(read(&["year", "month"], None, &["2010", "13"]), None);
        assert!(TimeReader::new(&["d"], Some("%d/%m"), Zone::china()).is_err());
    }

    #[test]
    fn times_without_an_offset_are_the_zones_and_with_one_their_own() {
        let utc = Zone::parse("UTC").unwrap_or_default();
        let mut r = TimeReader::new(&["t"], None, utc).ok();
        let a = r.as_mut().and_then(|r| r.read(&["2014-01-01T05:00"]).ok());
        let b = time::parse_instant("2014-01-01T13:00").ok();
        assert_eq!(a, b, "05:00 UTC is 13:00 in Beijing");
        // The cached midnight is the zone's too.
        let c = r.as_mut().and_then(|r| r.read(&["2014-01-01T06:00"]).ok());
        assert_eq!(c.map(|c| c.0), b.map(|b| b.0 + 3600));
        let d = r
            .as_mut()
            .and_then(|r| r.read(&["2014-01-01T13:00+08:00"]).ok());
        assert_eq!(d.map(|d| d.0), b.map(|b| b.0));
    }
}
