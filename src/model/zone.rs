//! The time zone a record's times are written in: an IANA name (`Europe/London`, with its daylight
//! saving) or a fixed offset (`+01:00`, `UTC`, `Z`), China's (`Asia/Shanghai`, UTC+8) when the data
//! file names none. A time without an offset is read in it; one with an offset keeps its own.
//!
//! The zone is also the record's calendar: its days, months and years (what its means are of), the
//! ticks of its time axis and the times its tooltips and footnotes write are the zone's, so a record
//! kept in UTC has its days from UTC midnight, and a day of New York's spring change has 23 hours.

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::{Offset, TimeZone};

use super::time::{DAY, HOUR, Instant, IsoTime, Precision, format_civil};

/// The zone a file names none: China's, as the reports are.
pub const DEFAULT_ZONE: &str = "Asia/Shanghai";

/// A time zone as a data file names it.
#[derive(Clone, Debug)]
pub struct Zone {
    /// As written: what messages and the table show.
    pub name: String,
    tz: TimeZone,
    /// The offset in seconds when the zone never changes it (China's, `+01:00`, UTC): then a civil
    /// time is a sum, with no look-up.
    fixed: Option<i32>,
}

impl PartialEq for Zone {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl Default for Zone {
    fn default() -> Self {
        Self::china()
    }
}

/// A zone name that is neither an IANA name nor an offset.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{0}` is not a time zone; expected an IANA name such as Asia/Shanghai or Europe/London, or an offset such as +08:00, -05:00 or UTC"
)]
pub struct BadZone(pub String);

impl Zone {
    /// China's time, UTC+8 with no daylight saving: a fixed offset, whatever the system's tzdb.
    pub fn china() -> Self {
        Self {
            name: DEFAULT_ZONE.to_owned(),
            tz: TimeZone::fixed(Offset::constant(8)),
            fixed: Some(8 * 3600),
        }
    }

    /// A zone from its name: `Asia/Shanghai`, `Europe/London`, `UTC`, `Z`, `+08:00`, `-0500`,
    /// `UTC+8`.
    pub fn parse(name: &str) -> Result<Self, BadZone> {
        let text = name.trim();
        if text == DEFAULT_ZONE || text == "Asia/Chongqing" || text == "PRC" {
            return Ok(Self {
                name: text.to_owned(),
                ..Self::china()
            });
        }
        if let Some(seconds) = parse_offset(text) {
            let offset = Offset::from_seconds(seconds).map_err(|_| BadZone(name.to_owned()))?;
            return Ok(Self {
                name: text.to_owned(),
                tz: TimeZone::fixed(offset),
                fixed: Some(seconds),
            });
        }
        let tz = TimeZone::get(text).map_err(|_| BadZone(name.to_owned()))?;
        let fixed = tz.to_fixed_offset().ok().map(Offset::seconds);
        Ok(Self {
            name: text.to_owned(),
            tz,
            fixed,
        })
    }

    /// The offset in seconds when the zone has one the whole year.
    pub fn fixed_offset(&self) -> Option<i32> {
        self.fixed
    }

    /// The instant a civil time in this zone is. A time skipped by a change of clocks is read
    /// as the clocks before it would have it; a repeated one as its first (jiff's "compatible").
    pub fn instant(&self, dt: DateTime) -> Option<Instant> {
        self.tz
            .to_timestamp(dt)
            .ok()
            .map(jiff::Timestamp::as_second)
    }

    /// The civil time of an instant in this zone.
    pub fn civil(&self, t: Instant) -> DateTime {
        let ts = jiff::Timestamp::from_second(t).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
        self.tz.to_datetime(ts)
    }

    /// The offset from UTC in seconds at an instant.
    pub fn offset_at(&self, t: Instant) -> i32 {
        if let Some(s) = self.fixed {
            return s;
        }
        let ts = jiff::Timestamp::from_second(t).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
        self.tz.to_offset(ts).seconds()
    }

    /// Whether the zone is China's time the whole year (the default, or `+08:00` written out):
    /// such a record is shown as records always were, with no zone named beside its times.
    pub fn is_china_time(&self) -> bool {
        self.fixed == Some(8 * 3600)
    }

    /// The zone as a range of times names it, when it is not China's: "UTC", "UTC-05:00",
    /// "America/New_York". A reader of a Chinese page otherwise takes every time for Beijing's.
    pub fn note(&self) -> Option<String> {
        if self.is_china_time() {
            return None;
        }
        Some(match self.fixed {
            Some(seconds) => offset_name(seconds),
            None => self.name.clone(),
        })
    }

    /// The zone as one instant's time names it, when it is not China's: "UTC", "UTC-05:00", or
    /// for a zone that changes its clocks the abbreviation then in force ("EDT", "EST"), so the
    /// hour the clocks repeat reads as two different hours.
    pub fn label_at(&self, t: Instant) -> Option<String> {
        (!self.is_china_time()).then(|| self.name_at(t))
    }

    /// [`Self::label_at`] for any zone, China's too ("UTC+08:00"): beside a time on an axis of
    /// another zone.
    pub fn name_at(&self, t: Instant) -> String {
        if let Some(seconds) = self.fixed {
            return offset_name(seconds);
        }
        let ts = jiff::Timestamp::from_second(t).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
        let info = self.tz.to_offset_info(ts);
        let abbreviation = info.abbreviation();
        if abbreviation.chars().any(|c| c.is_ascii_alphabetic()) {
            abbreviation.to_owned()
        } else {
            offset_name(info.offset().seconds())
        }
    }

    /// An instant as a record writes it, in this zone, to `precision`: "2014-01-01 13:00".
    pub fn format_instant(&self, t: Instant, precision: Precision) -> String {
        format_civil(self.civil(t), precision)
    }

    /// [`Self::format_instant`] with the zone named after it when it is not China's:
    /// "2014-01-01 13:00 UTC", "2020-11-01 01:00 EST"; a China record's time as it always was.
    pub fn format_labelled(&self, t: Instant, precision: Precision) -> String {
        let time = self.format_instant(t, precision);
        match self.label_at(t) {
            Some(label) if precision >= Precision::Minute => format!("{time} {label}"),
            _ => time,
        }
    }

    /// The instant an ISO time as written (`--from 2013-01-01`) is: its own offset if it states
    /// one, else this zone's civil time.
    pub fn instant_of_iso(&self, iso: IsoTime) -> Option<Instant> {
        match iso.offset {
            Some(offset) => Some(iso.local - i64::from(offset)),
            None => self.instant(iso.civil()),
        }
    }

    /// The first instant of a local date: its midnight, or where the clocks skip midnight, the
    /// first time the day has. Out of the calendar's range, UTC's midnight.
    pub fn start_of_date(&self, date: Date) -> Instant {
        self.instant(date.to_datetime(Time::midnight()))
            .unwrap_or_else(|| date.duration_since(Date::constant(1970, 1, 1)).as_secs())
    }

    /// The start of the local hour an instant falls in (an offset of half an hour moves it).
    pub fn hour_start(&self, t: Instant) -> Instant {
        let offset = i64::from(self.offset_at(t));
        (t + offset).div_euclid(HOUR) * HOUR - offset
    }

    /// The start of the local day an instant falls in.
    pub fn day_start(&self, t: Instant) -> Instant {
        if let Some(offset) = self.fixed {
            let offset = i64::from(offset);
            return (t + offset).div_euclid(DAY) * DAY - offset;
        }
        self.start_of_date(self.civil(t).date())
    }

    /// The start of the local day after the one starting at `start`: 23 or 25 hours later on a
    /// day the clocks change.
    pub fn next_day(&self, start: Instant) -> Instant {
        if self.fixed.is_some() {
            return start + DAY;
        }
        match self.civil(start).date().tomorrow() {
            Ok(date) => self.start_of_date(date),
            Err(_) => start + DAY,
        }
    }

    /// The start of the local month an instant falls in.
    pub fn month_start_of(&self, t: Instant) -> Instant {
        let date = self.civil(t).date();
        self.start_of_date(date.first_of_month())
    }

    /// The start of the local year an instant falls in.
    pub fn year_start_of(&self, t: Instant) -> Instant {
        let date = self.civil(t).date();
        self.start_of_date(date.first_of_year())
    }

    /// The start of the month `months` after the one starting at `start` (a month start).
    pub fn add_months(&self, start: Instant, months: i32) -> Instant {
        let dt = self.civil(start);
        let index = i32::from(dt.year()) * 12 + i32::from(dt.month()) - 1 + months;
        let (y, m) = (index.div_euclid(12), index.rem_euclid(12) + 1);
        let date = i16::try_from(y)
            .ok()
            .zip(i8::try_from(m).ok())
            .and_then(|(y, m)| Date::new(y, m, 1).ok());
        date.map_or(start, |d| self.start_of_date(d))
    }
}

/// A fixed offset as a reader names it: "UTC", "UTC+05:30", "UTC-05:00".
fn offset_name(seconds: i32) -> String {
    if seconds == 0 {
        return "UTC".to_owned();
    }
    let sign = if seconds < 0 { '-' } else { '+' };
    let abs = seconds.unsigned_abs();
    format!("UTC{sign}{:02}:{:02}", abs / 3600, abs % 3600 / 60)
}

/// `Z`, `UTC`, `GMT`, `+08:00`, `+0800`, `+08`, `UTC+8`, `UTC-05:30` as seconds east of UTC.
fn parse_offset(text: &str) -> Option<i32> {
    let upper = text.to_ascii_uppercase();
    if matches!(upper.as_str(), "Z" | "UTC" | "GMT") {
        return Some(0);
    }
    let rest = upper
        .strip_prefix("UTC")
        .or_else(|| upper.strip_prefix("GMT"))
        .unwrap_or(&upper);
    let (sign, digits) = match rest.as_bytes().first()? {
        b'+' => (1, &rest[1..]),
        b'-' => (-1, &rest[1..]),
        _ => return None,
    };
    let (h, m) = match digits.split_once(':') {
        Some((h, m)) => (h, m),
        None if digits.len() == 4 => digits.split_at(2),
        None => (digits, "0"),
    };
    if h.is_empty() || h.len() > 2 || m.len() > 2 {
        return None;
    }
    let h: i32 = h.parse().ok()?;
    let m: i32 = m.parse().ok()?;
    (h <= 14 && m < 60).then_some(sign * (h * 3600 + m * 60))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zones_read_as_names_or_offsets() {
        assert_eq!(Zone::parse("UTC").map(|z| z.fixed_offset()), Ok(Some(0)));
        assert_eq!(
            Zone::parse("+05:30").map(|z| z.fixed_offset()),
            Ok(Some(19_800))
        );
        assert_eq!(
            Zone::parse("UTC-5").map(|z| z.fixed_offset()),
            Ok(Some(-18_000))
        );
        assert_eq!(
            Zone::parse("Asia/Shanghai").map(|z| z.fixed_offset()),
            Ok(Some(28_800))
        );
        assert!(Zone::parse("Mars/Olympus").is_err());
        assert!(Zone::parse("+25:00").is_err());
    }

    #[test]
    fn a_zone_with_daylight_saving_reads_summer_and_winter_apart() {
        let london = Zone::parse("Europe/London");
        assert!(london.is_ok(), "the system's tzdb knows Europe/London");
        let london = london.unwrap_or_default();
        assert_eq!(london.fixed_offset(), None);
        let winter = london.instant(jiff::civil::date(2020, 1, 1).at(12, 0, 0, 0));
        let summer = london.instant(jiff::civil::date(2020, 7, 1).at(12, 0, 0, 0));
        assert_eq!(winter, Some(1_577_880_000));
        assert_eq!(summer, Some(1_593_601_200));
    }

    #[test]
    fn a_zones_calendar_has_its_own_days_months_and_names() {
        let utc = Zone::parse("UTC").unwrap_or_default();
        let t = 1_388_579_400; // 2014-01-01 12:30 UTC
        assert_eq!(utc.day_start(t), 1_388_534_400);
        assert_eq!(utc.next_day(1_388_534_400), 1_388_620_800);
        assert_eq!(
            utc.format_labelled(t, Precision::Minute),
            "2014-01-01 12:30 UTC"
        );
        assert_eq!(utc.format_labelled(t, Precision::Day), "2014-01-01");
        let china = Zone::china();
        assert_eq!(
            china.format_labelled(t, Precision::Minute),
            "2014-01-01 20:30"
        );
        assert_eq!(china.note(), None);
        assert_eq!(
            Zone::parse("+05:30").ok().and_then(|z| z.note()).as_deref(),
            Some("UTC+05:30")
        );
        // India's half hour: its hours start at :30 UTC.
        let india = Zone::parse("+05:30").unwrap_or_default();
        assert_eq!(india.hour_start(t), t);
        assert_eq!(india.hour_start(t - 60), t - 3600);

        let new_york = Zone::parse("America/New_York").unwrap_or_default();
        // 2020-03-08 00:00 EST is 05:00 UTC; the next day starts 23 hours later.
        let spring = 1_583_643_600;
        assert_eq!(new_york.day_start(spring + 10 * 3600), spring);
        assert_eq!(new_york.next_day(spring) - spring, 23 * 3600);
        // 2020-11-01 00:00 EDT is 04:00 UTC; that day has 25 hours.
        let autumn = 1_604_203_200;
        assert_eq!(new_york.next_day(autumn) - autumn, 25 * 3600);
        // March starts at 05:00 UTC (EST), April at 04:00 UTC (EDT).
        let march = new_york.month_start_of(spring);
        assert_eq!(march, 1_583_038_800);
        assert_eq!(new_york.add_months(march, 1), 1_585_713_600);
        assert_eq!(new_york.year_start_of(spring), 1_577_854_800);
        assert_eq!(new_york.name_at(spring), "EST");
        assert_eq!(new_york.name_at(spring + 6 * 3600), "EDT");
        assert_eq!(new_york.note().as_deref(), Some("America/New_York"));
    }
}
