//! Monitoring records: an indicator's values over time read from a CSV file beside the data file
//! (hourly PM2.5, monthly river sections), in place of figures quoted from a report.
//!
//! A record is held as [`Samples`]: its instants and values in two flat arrays, and a min/max/sum
//! pyramid built once, so that the extremes, the mean and the count of any range take a few hundred
//! reads whatever the record's length. What a chart draws from it, a pixel column at a time, is
//! decided in `charts::time`.

mod aggregate;
mod cells;
mod csv;
mod encoding;
mod load;
mod pyramid;
mod rows;
mod sheet;
mod sheet_text;
mod table;
mod times;

use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};

pub use aggregate::{Averaging, Exceedance, exceedance, period_of};
pub use cells::{MAX_HEADER_ROWS, joined_header};
pub use csv::{
    CsvColumns, Layout, MAX_SERIES_BYTES, MAX_TIME_COLUMNS, read_csv, read_csv_from, read_table,
    read_table_from,
};
pub use encoding::TextEncoding;
pub use load::{SeriesProblems, load_series};
pub use pyramid::Extremes;
pub use sheet::{
    SPREADSHEET_EXTENSIONS, SheetError, SheetTable, is_spreadsheet, on_cells, read_sheets,
};
pub use times::{BadFormat, NotATime, Part, TimeReader, format_precision};

use super::time::{Instant, Precision};
use super::zone::Zone;
use pyramid::Pyramid;

/// Where an indicator's record is: a table beside the data file, its time column (or columns) and
/// its value column, and the source the whole record is cited to. Written `series: (file: "…",
/// time: "time", value: "pm2.5", source: "uci-beijing-pm25")` in place of `points: [...]`; the
/// other fields say how the table is written when it is not the plain form (ISO times in China's
/// time, a header on the first line, commas or tabs), each optional.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeriesRef {
    /// The CSV file, relative to the data file.
    pub file: String,
    /// The header of the time column, or the headers of its columns (`["year", "month", "day",
    /// "hour"]`, `["Date", "Time"]`).
    pub time: TimeColumns,
    /// The header of the value column, in the indicator's unit; empty cells are gaps.
    pub value: String,
    /// The id of the [`super::Source`] the record comes from.
    pub source: String,
    /// A strptime format when the time is not ISO 8601 (`%Y%m%d`, `%d/%m/%Y %H:%M`,
    /// `%Y年%m月%d日`); the cells of several time columns are joined with a space before it reads
    /// them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// The zone of times written without an offset: an IANA name or an offset. China's when none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    /// The file's own marks for no value (`["?", "-999"]`), beside empty cells, `NA`, `NaN`, `-`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
    /// A long table's category column (a station, a source): the record is the rows whose cell
    /// there is `category`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// The value of `by` this record reads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// The header's line (1-based) when notes come before it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header_line: Option<usize>,
    /// The rows the header is written over when more than one (merged cells: `PM2.5` over `浓度`
    /// and `指数`); each column is then named by its rows' names joined with a space
    /// (`PM2.5 浓度`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header_rows: Option<usize>,
    /// The separator, when the header does not show it: `","`, `";"`, `"\t"`, `"|"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub separator: Option<String>,
    /// Numbers written with a decimal comma (`12,5`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub decimal_comma: bool,
    /// The sheet of a spreadsheet (.xlsx, .xls, .ods) the table is on; the first when none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// The text's encoding when it is not UTF-8: `"GB18030"` (also read as `"GBK"`), as Excel
    /// on Chinese Windows saves a CSV. A UTF-16 file with its byte-order mark needs none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
}

/// A record's time columns: one, or several read together.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum TimeColumns {
    One(String),
    Several(Vec<String>),
}

impl TimeColumns {
    pub fn names(&self) -> Vec<String> {
        match self {
            Self::One(c) => vec![c.clone()],
            Self::Several(cs) => cs.clone(),
        }
    }
}

impl SeriesRef {
    /// A record of the plain form: ISO times in `time`, values in `value`.
    pub fn plain(file: &str, time: &str, value: &str, source: &str) -> Self {
        Self {
            file: file.to_owned(),
            time: TimeColumns::One(time.to_owned()),
            value: value.to_owned(),
            source: source.to_owned(),
            format: None,
            time_zone: None,
            missing: Vec::new(),
            by: None,
            category: None,
            header_line: None,
            header_rows: None,
            separator: None,
            decimal_comma: false,
            sheet: None,
            encoding: None,
        }
    }

    /// How the table is read; a zone or separator that is wrong is the declaration's problem
    /// ([`super::validate`] names it), and reads as the default here.
    pub fn layout(&self) -> Layout {
        Layout {
            time: self.time.names(),
            format: self.format.clone(),
            zone: self
                .time_zone
                .as_deref()
                .and_then(|z| super::zone::Zone::parse(z).ok())
                .unwrap_or_default(),
            missing: self.missing.clone(),
            by: self.by.clone(),
            header_line: self.header_line,
            header_rows: self.header_rows.unwrap_or(1),
            separator: self.separator.as_deref().and_then(separator_byte),
            decimal_comma: self.decimal_comma,
            encoding: self
                .encoding
                .as_deref()
                .and_then(TextEncoding::parse)
                .unwrap_or_default(),
        }
    }

    /// What makes two records read the same table the same way (one read for both).
    pub fn table_key(&self) -> String {
        format!(
            "{}\u{1f}{:?}\u{1f}{:?}\u{1f}{:?}\u{1f}{:?}\u{1f}{:?}\u{1f}{:?}\u{1f}{:?}\u{1f}{}\u{1f}{:?}\u{1f}{:?}",
            self.file,
            self.time,
            self.format,
            self.time_zone,
            self.missing,
            self.by,
            (self.header_line, self.header_rows),
            self.separator,
            self.decimal_comma,
            self.sheet,
            self.encoding
        )
    }
}

/// A separator as a data file writes it: one ASCII character, or `\t`.
pub fn separator_byte(text: &str) -> Option<u8> {
    match text {
        "\\t" | "tab" => Some(b'\t'),
        _ => match text.as_bytes() {
            [b] if b.is_ascii() && !b.is_ascii_alphanumeric() && *b != b'"' => Some(*b),
            _ => None,
        },
    }
}

/// A record's values in time order. Gaps (empty cells) are NaN. Instants are kept as seconds
/// from the first one in 32 bits: 12 bytes a value, 120 MB for ten million (8 more a value for
/// each further column of the same file, whose times are shared). A record longer than 32 bits
/// of seconds (136 years: yearly temperatures since 1850) keeps minutes instead, which reach
/// 8,000 years; its times are written to the minute or coarser.
#[derive(Debug)]
pub struct Samples {
    start: Instant,
    /// Shared by the columns of one file: one copy of the times however many values they time.
    offsets: Arc<Vec<u32>>,
    /// Seconds an offset counts: 1, or [`MINUTE_TICKS`] for a record longer than 136 years.
    unit: i64,
    values: Vec<f64>,
    /// How finely the file wrote its times, for showing one.
    pub precision: Precision,
    /// The usual time between two rows (the median interval): two values further apart than
    /// 1.5 steps have a gap between them, and the line breaks.
    pub step: i64,
    pyramid: Pyramid,
    /// Daily, monthly and yearly means, built the first time they are asked for.
    means: [OnceLock<Arc<Samples>>; 4],
    /// For means: how many values each mean is of, and whether it counts as a valid mean.
    counts: Option<Vec<u32>>,
    /// The zone the record's times are shown and its means taken in: its days are that zone's
    /// days. China's unless the declaration names another ([`zone_records`]).
    zone: Zone,
}

impl PartialEq for Samples {
    fn eq(&self, other: &Self) -> bool {
        self.start == other.start
            && self.unit == other.unit
            && self.offsets == other.offsets
            && self.values.len() == other.values.len()
            && self
                .values
                .iter()
                .zip(&other.values)
                .all(|(a, b)| a.to_bits() == b.to_bits())
    }
}

impl Samples {
    /// A record from instants in ascending order and their values (NaN for a gap). `None` when the
    /// instants are not ascending, or span more than 136 years written to the second, or more
    /// than 8,000 years.
    pub fn new(times: &[Instant], values: Vec<f64>, precision: Precision) -> Option<Self> {
        let start = times.first().copied().unwrap_or(0);
        let last = times.last().copied().unwrap_or(0);
        let unit = if u32::try_from(last - start).is_ok() {
            1
        } else if precision < Precision::Second {
            MINUTE_TICKS
        } else {
            return None;
        };
        let offsets = times
            .iter()
            .map(|t| u32::try_from(ticks(t - start, unit)).ok())
            .collect::<Option<Vec<u32>>>()?;
        Self::from_offsets(start, Arc::new(offsets), unit, values, precision)
    }

    /// [`Self::new`] from offsets after `start`, each `unit` seconds.
    pub(crate) fn from_offsets(
        start: Instant,
        offsets: Arc<Vec<u32>>,
        unit: i64,
        values: Vec<f64>,
        precision: Precision,
    ) -> Option<Self> {
        if offsets.len() != values.len() || offsets.windows(2).any(|w| w[0] >= w[1]) {
            return None;
        }
        let step = median_step(&offsets) * unit;
        let pyramid = Pyramid::build(&values);
        Some(Self {
            start,
            offsets,
            unit,
            values,
            precision,
            step,
            pyramid,
            means: Default::default(),
            counts: None,
            zone: Zone::china(),
        })
    }

    /// The zone the record is shown and averaged in.
    pub fn zone(&self) -> &Zone {
        &self.zone
    }

    /// Show and average the record in `zone`: means built in another zone are dropped, as their
    /// days were not this zone's days.
    pub fn set_zone(&mut self, zone: Zone) {
        if self.zone != zone {
            self.zone = zone;
            self.means = Default::default();
        }
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Which copy of times the record reads: the same for the columns of one table.
    pub fn times_id(&self) -> usize {
        Arc::as_ptr(&self.offsets) as usize
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The instant of value `i`.
    pub fn time(&self, i: usize) -> Instant {
        self.start + i64::from(self.offsets[i]) * self.unit
    }

    /// Value `i`: NaN for a gap.
    pub fn value(&self, i: usize) -> f64 {
        self.values[i]
    }

    /// The first and last instants.
    pub fn extent(&self) -> Option<(Instant, Instant)> {
        Some((self.start, self.time(self.len().checked_sub(1)?)))
    }

    /// The index of the first value at or after `t`.
    pub fn index_at(&self, t: Instant) -> usize {
        let Some(off) = t.checked_sub(self.start) else {
            return 0;
        };
        if off < 0 {
            return 0;
        }
        // The first offset at or after `t`: a part of a tick rounds up.
        match u32::try_from(off.saturating_add(self.unit - 1) / self.unit) {
            Ok(off) => self.offsets.partition_point(|&o| o < off),
            Err(_) => self.len(),
        }
    }

    /// [`Self::index_at`] for a `t` at or after value `from`'s time, found near where the record's
    /// step puts it and widened from there: a column's end costs a few reads close together, not a
    /// binary search over the whole record (a drawing asks this once a pixel column).
    pub fn index_at_from(&self, from: usize, t: Instant) -> usize {
        let n = self.len();
        if from >= n {
            return n;
        }
        let off = t.saturating_sub(self.start).max(0);
        let Ok(off) = u32::try_from(off.saturating_add(self.unit - 1) / self.unit) else {
            return n;
        };
        if self.offsets[from] >= off {
            return self.index_at(t);
        }
        // The guess from the usual step, then doubling until the answer is bracketed.
        let ahead = i64::from(off - self.offsets[from]) / (self.step / self.unit).max(1);
        let guess = from
            .saturating_add(usize::try_from(ahead).unwrap_or(n))
            .min(n - 1);
        let (mut lo, mut hi) = if self.offsets[guess] < off {
            let mut lo = guess;
            let mut width = 1usize;
            loop {
                let next = lo.saturating_add(width);
                if next >= n {
                    break (lo, n);
                }
                if self.offsets[next] >= off {
                    break (lo, next);
                }
                lo = next;
                width *= 2;
            }
        } else {
            let mut hi = guess;
            let mut width = 1usize;
            loop {
                let next = hi.saturating_sub(width).max(from);
                if self.offsets[next] < off {
                    break (next, hi);
                }
                hi = next;
                width *= 2;
            }
        };
        // offsets[lo] < off <= offsets[hi] (or hi == n): the first at or after `off` is in
        // (lo, hi].
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if self.offsets[mid] < off {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        hi
    }

    /// The indices of the values from `t0` (included) to `t1` (excluded).
    pub fn range(&self, t0: Instant, t1: Instant) -> std::ops::Range<usize> {
        self.index_at(t0)..self.index_at(t1).max(self.index_at(t0))
    }

    /// Smallest and largest value, their sum and how many values there are in the index range,
    /// gaps left out.
    pub fn extremes(&self, range: std::ops::Range<usize>) -> Extremes {
        self.pyramid.query(&self.values, range)
    }

    /// The value nearest in time to `t` that is not a gap, with its index.
    pub fn nearest(&self, t: Instant) -> Option<usize> {
        let i = self.index_at(t);
        let after = self.pyramid.next_valid(&self.values, i);
        let before = self.pyramid.prev_valid(&self.values, i);
        match (before, after) {
            (Some(b), Some(a)) => Some(if t - self.time(b) <= self.time(a) - t {
                b
            } else {
                a
            }),
            (b, a) => b.or(a),
        }
    }

    /// Whether two values, one after the other, have a gap between them: a value missing, or
    /// more time than 1.5 of the record's steps.
    pub fn gap_between(&self, earlier: Instant, later: Instant) -> bool {
        (later - earlier) * 2 > self.step * 3
    }

    /// How many values a mean is of (`None` for a raw record).
    pub fn count(&self, i: usize) -> Option<u32> {
        self.counts.as_ref().and_then(|c| c.get(i).copied())
    }

    /// The record's means per day, month or year (in its zone), built once.
    pub fn means(&self, per: Averaging) -> Arc<Samples> {
        let slot = &self.means[per as usize];
        slot.get_or_init(|| Arc::new(aggregate::means(self, per)))
            .clone()
    }
}

/// Seconds a tick of a record longer than 136 years counts: a minute.
pub(crate) const MINUTE_TICKS: i64 = 60;

/// `seconds` in ticks of `unit` seconds, to the nearest (a time zone's local mean time before
/// 1901, such as Shanghai's +08:05:43, puts a few seconds off the minute).
pub(crate) fn ticks(seconds: i64, unit: i64) -> i64 {
    if unit == 1 {
        seconds
    } else {
        (seconds + unit / 2).div_euclid(unit)
    }
}

/// The median time between rows, from up to 4096 intervals spread over the record; one hour
/// when there are fewer than two rows.
fn median_step(offsets: &[u32]) -> i64 {
    if offsets.len() < 2 {
        return super::time::HOUR;
    }
    let n = offsets.len() - 1;
    let stride = (n / 4096).max(1);
    let mut steps: Vec<u32> = (0..n)
        .step_by(stride)
        .map(|i| offsets[i + 1] - offsets[i])
        .collect();
    let mid = steps.len() / 2;
    let (_, median, _) = steps.select_nth_unstable(mid);
    i64::from(*median)
}

#[cfg(test)]
mod tests;

/// Give each record the zone its declaration names (`time_zone`), once its table is read: the
/// table's reader uses the zone to read times written without an offset, and from here on it is
/// also the record's calendar (its days, months and years, the times it shows). The daily means
/// the counts read are built again in the zone, as loading builds them in China's.
pub fn zone_records(indicators: &mut [super::Indicator]) {
    for ind in indicators {
        let Some(zone) = ind
            .series
            .as_ref()
            .and_then(|s| s.time_zone.as_deref())
            .and_then(|z| Zone::parse(z).ok())
        else {
            continue;
        };
        let Some(samples) = ind.samples.as_mut() else {
            continue;
        };
        if *samples.zone() == zone {
            continue;
        }
        // Two indicators reading the same column share one record, and the same declaration
        // (the zone is part of what makes them share it): the first gets a copy in the zone,
        // and the second, now the only holder of the original, takes it over.
        if let Some(unique) = Arc::get_mut(samples) {
            unique.set_zone(zone);
        } else if let Some(mut copy) = Samples::from_offsets(
            samples.start,
            Arc::clone(&samples.offsets),
            samples.unit,
            samples.values.clone(),
            samples.precision,
        ) {
            copy.set_zone(zone);
            *samples = Arc::new(copy);
        }
        let _ = samples.means(Averaging::Day);
    }
}

/// A line's cells as a record's table is read (quotes removed), for the draft's look at a file;
/// `None` when its quotes do not close.
pub fn split_cells(line: &str, sep: u8) -> Option<Vec<String>> {
    cells::split(line, sep)
        .ok()
        .map(|cells| cells.into_iter().map(|(_, c)| c).collect())
}

/// The separator a table's reader takes from its header when the data file names none.
pub fn header_separator(header: &str) -> u8 {
    cells::separator(header)
}
