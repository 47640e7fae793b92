//! Which column (or columns) hold a table's time and how they are written, from the values: ISO
//! 8601, a compact or slashed date, a Chinese date, a date and a time of day in two columns, or a
//! year, month, day and hour in columns of their own. Day-first or month-first is decided by a
//! value that only one of them reads (16/12/2006); when none does, the draft asks.

use jiff::fmt::strtime;

use crate::model::series::{Part, format_precision};
use crate::model::time::{self, Precision};

use super::sniff::Sniffed;
use super::{Origin, RecordDraftError};

/// The time as found, and why.
#[derive(Debug)]
pub struct TimeGuess {
    pub columns: Vec<String>,
    pub format: Option<String>,
    pub why: String,
    pub precision: Precision,
}

/// What the person asked for on the command line.
#[derive(Clone, Debug, Default)]
pub struct TimeAsked {
    pub columns: Option<Vec<String>>,
    pub format: Option<String>,
    /// `Some(true)`: day first; `Some(false)`: month first.
    pub day_first: Option<bool>,
}

/// Date forms tried on a column, in order; `{D}`/`{M}` stand for day and month in either order.
const DATES: [&str; 12] = [
    "%Y%m%d%H%M",
    "%Y%m%d",
    "%Y%m",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%Y年%m月%d日",
    "%Y年%m月",
    "{D}/{M}/%Y",
    "{D}.{M}.%Y",
    "{D}-{M}-%Y",
    "{D}/{M}/%y",
    "%Y-%m-%d",
];

/// Times of day that may follow a date in its cell or stand in a column of their own.
const CLOCKS: [&str; 4] = [" %H:%M:%S", " %H:%M", "T%H:%M:%S", " %H时"];

/// The time of a table.
pub fn guess(s: &Sniffed, file: &Origin, asked: &TimeAsked) -> Result<TimeGuess, RecordDraftError> {
    let column_values = |i: usize| column_values(s, i);
    if let Some(found) = asked_time(s, file, asked)? {
        return Ok(found);
    }
    // Year, month, day, hour … in columns of their own.
    let parts: Vec<(usize, Part)> = s
        .names
        .iter()
        .enumerate()
        .filter_map(|(i, n)| Part::of_header(n).map(|p| (i, p)))
        .filter(|(i, _)| {
            column_values(*i)
                .iter()
                .all(|(_, v)| v.parse::<u32>().is_ok())
        })
        .collect();
    if parts.iter().any(|(_, p)| *p == Part::Year) && parts.len() > 1 {
        let columns: Vec<String> = parts.iter().map(|(i, _)| s.names[*i].clone()).collect();
        let precision = parts
            .iter()
            .map(|(_, p)| match p {
                Part::Year => Precision::Year,
                Part::Month => Precision::Month,
                Part::Day => Precision::Day,
                Part::Hour | Part::Minute => Precision::Minute,
                Part::Second => Precision::Second,
            })
            .max()
            .unwrap_or(Precision::Year);
        return Ok(TimeGuess {
            why: format!(
                "the time is in the columns {}, whose headers name its parts",
                columns.join(", ")
            ),
            columns,
            format: None,
            precision,
        });
    }
    // A year alone in a column of its own.
    if let [(i, Part::Year)] = parts[..] {
        return Ok(TimeGuess {
            columns: vec![s.names[i].clone()],
            format: None,
            why: format!("`{}` holds years", s.names[i]),
            precision: Precision::Year,
        });
    }
    // One column that reads as times, perhaps with a time of day in the next.
    for i in 0..s.names.len() {
        let values = column_values(i);
        if values.is_empty()
            || values
                .iter()
                .all(|(_, v)| v.parse::<f64>().is_ok() && v.len() < 6)
        {
            continue;
        }
        let Some(mut found) = one_column(&s.names[i], i, &values, file, asked)? else {
            continue;
        };
        if found.precision == Precision::Day {
            found = with_time_of_day(s, &parts, i, found);
        }
        return Ok(found);
    }
    Err(RecordDraftError::NoTime {
        at: file.at(s.header_line, None),
        names: s.names.join(", "),
    })
}

/// A date's column `i` joined with the time of day beside it: an hour (0–23) in a column headed as
/// A date's column `i` joined with the time of day beside it: an hour (0–24) in a column headed as
/// one where a date repeats (a row an hour; the hour of a daily peak beside daily values stays a
/// value), or a clock time (`17:24:00`) in the next column.
fn with_time_of_day(s: &Sniffed, parts: &[(usize, Part)], i: usize, found: TimeGuess) -> TimeGuess {
    let dates = column_values(s, i);
    let distinct: std::collections::HashSet<&str> = dates.iter().map(|(_, d)| *d).collect();
    let hourly = distinct.len() < dates.len();
    let hour = parts.iter().filter(|(h, p)| {
        hourly && *p == Part::Hour && clock_of(&column_values(s, *h)) == Some(" %H")
    });
    if let Some(&(h, _)) = hour.into_iter().next() {
        return join_clock(s, found, h, " %H", "");
    }
    match (i + 1 < s.names.len())
        .then(|| clock_of(&column_values(s, i + 1)))
        .flatten()
    {
        Some(clock) if clock != " %H" => join_clock(s, found, i + 1, clock, ""),
        _ => found,
    }
}

/// How a column of times of day is written: an hour alone (0–24), or a clock time.
fn clock_of(values: &[(usize, &str)]) -> Option<&'static str> {
    if values.is_empty() {
        return None;
    }
    if values
        .iter()
        .all(|(_, v)| v.parse::<u32>().is_ok_and(|n| n <= 24))
    {
        return Some(" %H");
    }
    [" %H:%M:%S", " %H:%M"]
        .into_iter()
        .find(|c| all_read(c.trim_start(), values))
}

/// `found`, a date, joined with the time of day in column `k` written as `clock`; `given` ends
/// the why.
fn join_clock(s: &Sniffed, mut found: TimeGuess, k: usize, clock: &str, given: &str) -> TimeGuess {
    let date = found
        .format
        .clone()
        .unwrap_or_else(|| "%Y-%m-%d".to_owned());
    let name = &s.names[k];
    let how = if clock != " %H" {
        format!("as {}", clock.trim_start())
    } else if column_values(s, k).iter().any(|(_, v)| *v == "24") {
        "hours 1 to 24: hour 24 is the day's end, the next day's 0:00".to_owned()
    } else {
        "hours 0 to 23".to_owned()
    };
    found.format = Some(format!("{date}{clock}"));
    found.columns.push(name.clone());
    found.why = format!(
        "{}; the time of day is in `{name}` ({how}), joined to the date with a space{given}",
        found.why
    );
    found.precision = format_precision(clock).unwrap_or(Precision::Minute);
    found
}

/// The time the command line named, when it named one.
fn asked_time(
    s: &Sniffed,
    file: &Origin,
    asked: &TimeAsked,
) -> Result<Option<TimeGuess>, RecordDraftError> {
    let column_values = |i: usize| column_values(s, i);
    if let Some(columns) = &asked.columns {
        let mut idx = Vec::new();
        for c in columns {
            let Some(i) = s.names.iter().position(|n| n == c) else {
                return Err(RecordDraftError::NoColumn {
                    at: file.at(s.header_line, None),
                    column: c.clone(),
                    names: s.names.join(", "),
                });
            };
            idx.push(i);
        }
        if let Some(format) = &asked.format {
            return Ok(Some(TimeGuess {
                columns: columns.clone(),
                format: Some(format.clone()),
                why: "the time columns and format given with --time and --format".to_owned(),
                precision: format_precision(format).unwrap_or(Precision::Day),
            }));
        }
        if let [i] = idx[..] {
            return one_column(&s.names[i], i, &column_values(i), file, asked)?
                .ok_or_else(|| not_a_time(file, s, i, &column_values(i)))
                .map(Some);
        }
        if idx.len() > 1 {
            return several_asked(s, file, asked, columns, &idx).map(Some);
        }
    }
    Ok(None)
}

/// Several time columns given with --time and no --format: parts named by their headers (a year,
/// month, day, hour …), or a date and its hour (0–24) or time of day.
fn several_asked(
    s: &Sniffed,
    file: &Origin,
    asked: &TimeAsked,
    columns: &[String],
    idx: &[usize],
) -> Result<TimeGuess, RecordDraftError> {
    let parts: Vec<Option<Part>> = columns.iter().map(|c| Part::of_header(c)).collect();
    if let Some(parts) = parts.into_iter().collect::<Option<Vec<Part>>>()
        && parts.contains(&Part::Year)
    {
        let precision = if parts.iter().any(|p| matches!(p, Part::Second)) {
            Precision::Second
        } else if parts.iter().any(|p| matches!(p, Part::Hour | Part::Minute)) {
            Precision::Minute
        } else if parts.contains(&Part::Day) {
            Precision::Day
        } else {
            Precision::Month
        };
        return Ok(TimeGuess {
            columns: columns.to_vec(),
            format: None,
            why: "the time columns given with --time, whose headers name their parts".to_owned(),
            precision,
        });
    }
    let [first, second] = idx[..] else {
        let i = idx.first().copied().unwrap_or_default();
        return Err(not_a_time(file, s, i, &column_values(s, i)));
    };
    let mut found = one_column(
        &s.names[first],
        first,
        &column_values(s, first),
        file,
        asked,
    )?
    .ok_or_else(|| not_a_time(file, s, first, &column_values(s, first)))?;
    let values = column_values(s, second);
    // Only a date takes a time of day from another column (a time in it would be lost).
    let clock = clock_of(&values).filter(|_| found.precision == Precision::Day);
    let Some(clock) = clock else {
        return Err(not_a_time(file, s, second, &values));
    };
    found.columns.truncate(1);
    Ok(join_clock(
        s,
        found,
        second,
        clock,
        ", as given with --time",
    ))
}

/// The cells of column `i` that are not empty, with their line numbers.
fn column_values(s: &Sniffed, i: usize) -> Vec<(usize, &str)> {
    s.rows
        .iter()
        .filter_map(|(n, r)| r.get(i).map(|c| (*n, c.as_str())))
        .filter(|(_, c)| !c.is_empty())
        .collect()
}

/// Whether every value reads in `format`.
fn all_read(format: &str, values: &[(usize, &str)]) -> bool {
    values.iter().all(|(_, v)| reads(format, v))
}

fn reads(format: &str, value: &str) -> bool {
    strtime::parse(format, value).is_ok_and(|tm| tm.year().is_some() || tm.hour().is_some())
}

/// The formats a column might be in, day-first and month-first both, with the times of day.
fn candidates() -> Vec<(String, Option<bool>)> {
    let mut out = Vec::new();
    for date in DATES {
        let orders: Vec<(String, Option<bool>)> = if date.contains("{D}") {
            vec![
                (date.replace("{D}", "%d").replace("{M}", "%m"), Some(true)),
                (date.replace("{D}", "%m").replace("{M}", "%d"), Some(false)),
            ]
        } else {
            vec![(date.to_owned(), None)]
        };
        for (d, order) in orders {
            for clock in CLOCKS {
                out.push((format!("{d}{clock}"), order));
            }
            out.push((d, order));
        }
    }
    out
}

/// The time of one column, `None` when its values are not times.
fn one_column(
    name: &str,
    col: usize,
    values: &[(usize, &str)],
    file: &Origin,
    asked: &TimeAsked,
) -> Result<Option<TimeGuess>, RecordDraftError> {
    let sample = values.first().map_or("", |(_, v)| *v);
    let guess = |format: Option<String>, precision: Precision, why: String| TimeGuess {
        columns: vec![name.to_owned()],
        format,
        why,
        precision,
    };
    if values.iter().all(|(_, v)| time::parse_iso(v).is_ok()) {
        let precision = values
            .iter()
            .filter_map(|(_, v)| time::parse_iso(v).ok().map(|t| t.precision))
            .max()
            .unwrap_or_default();
        return Ok(Some(guess(
            None,
            precision,
            format!("`{name}` holds ISO 8601 times such as {sample}"),
        )));
    }
    let all = candidates();
    let fitting: Vec<&(String, Option<bool>)> =
        all.iter().filter(|(f, _)| all_read(f, values)).collect();
    let pick = match fitting.as_slice() {
        [] => {
            // Most values read in one format and some not: mixed formats, named where they change.
            let best = all
                .iter()
                .map(|(f, _)| (values.iter().filter(|(_, v)| reads(f, v)).count(), f))
                .max_by_key(|(n, _)| *n);
            if let Some((n, f)) = best
                && n * 2 > values.len()
                && let Some((line, text)) = values.iter().find(|(_, v)| !reads(f, v))
            {
                return Err(RecordDraftError::MixedFormats {
                    at: file.at(*line, Some(col)),
                    column: name.to_owned(),
                    text: (*text).to_owned(),
                    format: f.clone(),
                    count: n,
                });
            }
            return Ok(None);
        }
        [one, ..] if fitting.iter().all(|(_, o)| o.is_none() || *o == one.1) => (*one).clone(),
        _ => {
            // Both orders read every value: the person decides.
            let want = asked
                .day_first
                .ok_or_else(|| RecordDraftError::AmbiguousDayMonth {
                    at: file.at(values.first().map_or(0, |(l, _)| *l), Some(col)),
                    column: name.to_owned(),
                    text: sample.to_owned(),
                })?;
            fitting
                .iter()
                .find(|(_, o)| *o == Some(want))
                .map_or_else(|| fitting[0].clone(), |c| (*c).clone())
        }
    };
    let (format, order) = pick;
    let decided = order_why(&format, order, values);
    let precision = format_precision(&format).unwrap_or(Precision::Day);
    Ok(Some(guess(
        Some(format.clone()),
        precision,
        format!(
            "`{name}` holds times written {format}, such as {sample}: all {} values seen read so{decided}",
            values.len()
        ),
    )))
}

/// Why a date is day-first or month-first: a value the other order cannot read, or the flag.
fn order_why(format: &str, order: Option<bool>, values: &[(usize, &str)]) -> String {
    let Some(day_first) = order else {
        return String::new();
    };
    let swapped = format
        .replace("%d", "%X")
        .replace("%m", "%d")
        .replace("%X", "%m");
    let (this, other, flag) = if day_first {
        ("day first", "month-first", "--day-first")
    } else {
        ("month first", "day-first", "--month-first")
    };
    values
        .iter()
        .find(|(_, v)| !reads(&swapped, v))
        .map_or_else(
            || format!(" ({this}, as {flag} asked)"),
            |(l, v)| format!(" ({this}: `{v}` on line {l} has no {other} reading)"),
        )
}

fn not_a_time(file: &Origin, s: &Sniffed, i: usize, values: &[(usize, &str)]) -> RecordDraftError {
    let (line, text) = values
        .first()
        .map_or((s.header_line, ""), |(l, v)| (*l, *v));
    RecordDraftError::NotATime {
        at: file.at(line, Some(i)),
        column: s.names[i].clone(),
        text: text.to_owned(),
    }
}
