//! Records: CSV problems at their place, gaps, means with GB 3095-2012's validity rules, and
//! counts over a limit against a set worked out by hand.

use super::csv::read_csv_from as read;
use super::*;
use crate::model::time::{DAY, HOUR, parse_instant};

fn at(s: &str) -> Instant {
    parse_instant(s).map(|x| x.0).unwrap_or_default()
}

fn problems_of(csv: &str, columns: &[&str]) -> Vec<String> {
    match read(csv.as_bytes(), "x.csv", "time", columns) {
        Ok(_) => Vec::new(),
        Err(ps) => ps.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn every_csv_problem_is_reported_at_its_line_and_column() {
    let csv = "time,pm2.5,no2\n\
               2014-01-01T00:00,12,30\n\
               2014-01-01T01:00,12 μg,31\n\
               2014-01-01T02:00,,32\n\
               2014/01/01 03:00,14,33\n\
               2014-01-01T04:00,15\n\
               2014-01-01T05:00,16,34\n\
               2014-01-01T05:00,16,34\n\
               2014-01-01T03:30,17,35\n";
    let problems = problems_of(csv, &["pm2.5", "no2"]);
    assert_eq!(problems.len(), 5, "{problems:#?}");
    assert!(problems[0].starts_with("x.csv:3:18: `12 μg` in column `pm2.5` is not a number"));
    assert!(problems[1].starts_with(
        "x.csv:5:1: `2014/01/01 03:00` in column `time` is not a time; expected an ISO 8601 time"
    ));
    assert!(
        problems[2].starts_with("x.csv:6:20: the row has 2 cells; expected 3"),
        "{}",
        problems[2]
    );
    assert!(problems[3].starts_with("x.csv:8:1: the time 2014-01-01 05:00:00 is also on line 7"));
    assert!(
        problems[4].starts_with("x.csv:9:1: the time 2014-01-01 03:30:00 is earlier than line 7's")
    );
}

#[test]
fn a_missing_column_names_the_columns_there_are() {
    let problems = problems_of("time,pm25\n2014-01-01,1\n", &["pm2.5"]);
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0]
            .starts_with("x.csv:1:1: no column is headed `pm2.5`; the header names: time, pm25"),
        "{}",
        problems[0]
    );
    assert!(problems_of("", &["v"])[0].contains("empty"));
    assert!(problems_of("time,v\n", &["v"])[0].contains("no rows"));
    assert!(
        problems_of("time,v\n\"2014-01-01,1\n", &["v"])[0].starts_with("x.csv:2:1: a quoted cell")
    );
    let after = problems_of("time,v\n2014-01-01,\"12\"5\n", &["v"]);
    assert!(
        after[0].starts_with("x.csv:2:16: text follows"),
        "{after:?}"
    );
    // A cell's column is where its text starts, after its spaces.
    let spaced = problems_of("time,v\n2014-01-01,  abc\n", &["v"]);
    assert!(spaced[0].starts_with("x.csv:2:14: `abc`"), "{spaced:?}");
}

#[test]
fn thousands_of_problems_are_counted_not_all_listed() {
    let mut csv = String::from("time,v\n");
    for i in 0..5000 {
        csv.push_str(&format!("2014-01-01T00:{:02},x{i}\n", i % 60));
    }
    let problems = problems_of(&csv, &["v"]);
    assert_eq!(problems.len(), 101);
    assert!(problems[100].contains("more problems"), "{}", problems[100]);
}

#[test]
fn quotes_bom_crlf_gap_marks_and_other_separators_read() {
    let csv = "\u{feff}\"time\";\"v\"\r\n2014-01-01T00:00;1.5\r\n2014-01-01T01:00;NA\r\n\r\n2014-01-01T02:00;\"2\"\r\n";
    let read = read(csv.as_bytes(), "x.csv", "time", &["v"]).unwrap_or_default();
    assert_eq!(read.offsets, vec![0, 3600, 7200]);
    let v = &read.values[0];
    assert_eq!((v[0], v[1].is_nan(), v[2]), (1.5, true, 2.0));
    assert_eq!(read.start, at("2014-01-01T00:00"));
}

/// Hourly values of a few days, with the daily means worked out by hand:
/// - 2014-01-01: 24 hours of 80 → mean 80, valid, over 75;
/// - 2014-01-02: 20 hours of 76 and 4 gaps → 20 hours is enough: mean 76, over 75;
/// - 2014-01-03: 19 hours of 200 → too few hours: no mean, not counted;
/// - 2014-01-04: 12 hours of 50 then 12 of 100 → mean 75, equal to the limit: not over;
/// - 2014-01-05: 24 hours of 10 → mean 10, under 15 and 75.
fn hand_set() -> Samples {
    let start = at("2014-01-01T00:00");
    let mut times = Vec::new();
    let mut values = Vec::new();
    for day in 0..5i64 {
        for hour in 0..24i64 {
            let v = match day {
                0 => 80.0,
                1 if hour < 20 => 76.0,
                2 if hour < 19 => 200.0,
                3 if hour < 12 => 50.0,
                3 => 100.0,
                4 => 10.0,
                _ => f64::NAN,
            };
            times.push(start + day * DAY + hour * HOUR);
            values.push(v);
        }
    }
    Samples::new(&times, values, Precision::Minute).unwrap_or_else(|| unreachable!())
}

#[test]
fn days_over_a_limit_match_the_hand_computed_set() {
    let s = hand_set();
    let (a, b) = (at("2014-01-01"), at("2014-01-06"));
    let daily = s.means(Averaging::Day);
    assert_eq!(daily.len(), 5);
    assert_eq!(daily.value(0), 80.0);
    assert_eq!(daily.value(1), 76.0);
    assert!(daily.value(2).is_nan(), "19 hours make no daily mean");
    assert_eq!(daily.value(3), 75.0);
    assert_eq!(daily.count(1), Some(20));
    let over_75 = exceedance(&s, Averaging::Day, 75.0, a, b);
    assert_eq!(
        over_75,
        Exceedance {
            over: 2,
            valid: 4,
            with_values: 5
        }
    );
    assert_eq!(exceedance(&s, Averaging::Day, 15.0, a, b).over, 3);
    // Only the days the range holds.
    assert_eq!(
        exceedance(&s, Averaging::Day, 75.0, at("2014-01-02"), at("2014-01-04")).over,
        1
    );
    // A day the window holds only part of is not counted.
    let part = exceedance(&s, Averaging::Day, 75.0, at("2014-01-01T06:00"), b);
    assert_eq!((part.over, part.with_values), (1, 4));
    // Hours over 75: 24 + 20 + 19 + 12.
    assert_eq!(exceedance(&s, Averaging::Hour, 75.0, a, b).over, 75);
    // Five days are too few for a month's mean (27 daily means).
    assert!(s.means(Averaging::Month).value(0).is_nan());
}

#[test]
fn days_are_china_days() {
    // 23:00 and 00:00 in Beijing are two days, though both are 15:00–16:00 UTC on one UTC day.
    let times = [at("2014-01-01T23:00"), at("2014-01-02T00:00")];
    let s =
        Samples::new(&times, vec![1.0, 2.0], Precision::Minute).unwrap_or_else(|| unreachable!());
    let daily = s.means(Averaging::Day);
    assert_eq!(daily.len(), 2);
    // Each day's mean sits at its noon.
    assert_eq!(daily.time(1), at("2014-01-02T12:00"));
}

#[test]
fn extremes_and_mean_of_any_range() {
    let s = hand_set();
    let e = s.extremes(s.range(at("2014-01-03"), at("2014-01-04")));
    assert_eq!((e.min, e.max, e.count), (200.0, 200.0, 19));
    let all = s.extremes(0..s.len());
    assert_eq!(all.count, 24 + 20 + 19 + 24 + 24);
    let nearest = s.nearest(at("2014-01-02T21:20")).unwrap_or_default();
    assert_eq!(
        s.time(nearest),
        at("2014-01-02T19:00"),
        "the nearest hour with a value"
    );
}

#[test]
fn an_index_found_near_a_hint_is_the_one_a_search_finds() {
    // Irregular times: a gap, a burst, and steps of several sizes.
    let mut times: Vec<Instant> = (0..500).map(|i| i * 60).collect();
    times.extend((0..300).map(|i| 100_000 + i * 7));
    times.extend((0..400).map(|i| 200_000 + i * 3600));
    let s = Samples::new(&times, vec![1.0; times.len()], Precision::Minute)
        .unwrap_or_else(|| unreachable!());
    for from in [0usize, 1, 250, 499, 500, 650, 799, 800, 1199] {
        for t in [
            -5, 0, 59, 60, 61, 29_000, 99_999, 100_000, 100_003, 102_000, 150_000, 200_000,
            1_000_000, 9_999_999,
        ] {
            if t < s.time(from) {
                continue;
            }
            assert_eq!(
                s.index_at_from(from, t),
                s.index_at(t),
                "from {from}, t {t}"
            );
        }
    }
}

#[test]
fn a_header_over_rows_joins_merged_names_with_their_parts() {
    let row = |cells: &[&str]| cells.iter().map(|&c| c.to_owned()).collect::<Vec<_>>();
    assert_eq!(
        joined_header(&[
            row(&["站点", "日期", "PM2.5", "", "PM10", "", "备注"]),
            row(&["", "", "浓度", "指数", "浓度", "指数", ""]),
        ]),
        row(&[
            "站点",
            "日期",
            "PM2.5 浓度",
            "PM2.5 指数",
            "PM10 浓度",
            "PM10 指数",
            "备注"
        ])
    );
    // A header of one row is its names, trimmed.
    assert_eq!(joined_header(&[row(&[" t ", "v"])]), row(&["t", "v"]));
    // Three rows: a group over two quantities over their statistics.
    assert_eq!(
        joined_header(&[
            row(&["时间", "空气", "", ""]),
            row(&["", "PM2.5", "", "O3"]),
            row(&["", "均值", "最大", "均值"]),
        ]),
        row(&["时间", "空气 PM2.5 均值", "空气 PM2.5 最大", "空气 O3 均值"])
    );
}
