//! The time zone a record's times are written in: an IANA name (`Europe/London`, with its daylight
//! saving) or a fixed offset (`+01:00`, `UTC`, `Z`), China's (`Asia/Shanghai`, UTC+8) when the data
//! file names none. A time without an offset is read in it; one with an offset keeps its own.

use jiff::civil::DateTime;
use jiff::tz::{Offset, TimeZone};

use super::time::Instant;

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
}
