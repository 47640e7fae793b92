//! A record's time zone is its calendar: its daily means are cut at its midnight, its axis, hover,
//! footnote, `table --records` and `export --from/--to` write and read its times. Records in UTC,
//! at a fixed offset and in a zone with daylight saving, every mean worked out by hand; a record
//! that names no zone stays in China's time.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use planboard::charts::time::axis;
use planboard::model::series::Averaging;
use planboard::model::time::parse_instant;
use planboard::model::{Lang, Report};

use crate::support::run;

fn at(s: &str) -> i64 {
    parse_instant(s).unwrap().0
}

/// A data file of one hourly record `r` (`time_zone` as given) and its chart `c`, with a daily
/// limit of 30 to count days over.
fn data_file(zone: Option<&str>) -> String {
    let zone = zone.map_or(String::new(), |z| format!("time_zone: \"{z}\","));
    format!(
        r#"#![enable(implicit_some)]
Report(
    title: (zh: "时区测试", en: "Zone test"),
    sources: [(id: "s", title: (zh: "来源", en: "Source"), issuer: (zh: "某站", en: "A station"), kind: Other)],
    units: [(id: "u", zh: "微克/立方米", en: "μg/m³")],
    indicators: [(id: "r", name: (zh: "记录", en: "Record"), unit: "u",
                  series: (file: "r.csv", time: "time", value: "v", source: "s", {zone}))],
    charts: [(id: "c", title: (zh: "记录", en: "Record"), kind: TimeSeries, series: ["r"],
              reference_lines: [(id: "limit", value: 30, label: (zh: "限值", en: "limit"),
                                 source: (zh: "测试", en: "test"), averaging: Day)])],
    pages: [(id: "p", title: (zh: "记录", en: "Record"), charts: ["c"])],
)"#
    )
}

/// An hourly CSV of `hours` values 0, 1, 2 … from `first` (an instant), its times written as
/// `write` has them.
fn hourly_csv(first: i64, hours: i64, write: impl Fn(i64) -> String) -> String {
    let mut csv = String::from("time,v\n");
    for i in 0..hours {
        csv.push_str(&format!("{},{i}\n", write(first + i * 3600)));
    }
    csv
}

/// An instant in UTC with a `Z`: what a file with offsets writes.
fn utc(t: i64) -> String {
    let dt = jiff::tz::Offset::UTC.to_datetime(jiff::Timestamp::from_second(t).unwrap());
    format!("{}Z", dt.strftime("%Y-%m-%dT%H:%M"))
}

/// An instant at a fixed offset, written without it: what a file kept in one zone writes.
fn local(offset_hours: i8) -> impl Fn(i64) -> String {
    move |t| {
        let offset = jiff::tz::Offset::constant(offset_hours);
        let dt = offset.to_datetime(jiff::Timestamp::from_second(t).unwrap());
        dt.strftime("%Y-%m-%dT%H:%M").to_string()
    }
}

fn load(dir: &Path, zone: Option<&str>, csv: &str) -> (PathBuf, Report) {
    std::fs::write(dir.join("r.csv"), csv).unwrap();
    let ron = dir.join("r.ron");
    std::fs::write(&ron, data_file(zone)).unwrap();
    let report = planboard::model::load_file(&ron).unwrap();
    (ron, report)
}

/// The daily means of `r`: (the instant each sits at, its value or NaN, how many values).
fn daily(report: &Report) -> Vec<(i64, f64, u32)> {
    let samples = report.indicator("r").unwrap().samples.clone().unwrap();
    let means = samples.means(Averaging::Day);
    (0..means.len())
        .map(|i| (means.time(i), means.value(i), means.count(i).unwrap()))
        .collect()
}

/// Two values are the same mean, NaN (no valid mean) included.
fn same(a: f64, b: f64) -> bool {
    (a.is_nan() && b.is_nan()) || (a - b).abs() < 1e-9
}

fn assert_means(got: &[(i64, f64, u32)], want: &[(i64, f64, u32)]) {
    assert_eq!(got.len(), want.len(), "{got:?}");
    for (g, w) in got.iter().zip(want) {
        assert!(
            g.0 == w.0 && same(g.1, w.1) && g.2 == w.2,
            "{got:?} != {want:?}"
        );
    }
}

/// A stand-in for the font: a CJK character 14 points, anything else 7.5.
fn measure(s: &str) -> f32 {
    s.chars()
        .map(|c| if c.is_ascii() { 7.5 } else { 14.0 })
        .sum()
}

#[test]
fn a_record_in_utc_has_its_days_from_utc_midnight_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    // 48 hours from 2014-01-01 00:00 UTC, values 0 … 47, written without an offset.
    let start = at("2014-01-01T00:00Z");
    let (ron, report) = load(dir.path(), Some("UTC"), &hourly_csv(start, 48, local(0)));
    // By hand: day one holds 0 … 23 (mean 11.5), day two 24 … 47 (mean 35.5), each at its noon.
    assert_means(
        &daily(&report),
        &[
            (at("2014-01-01T12:00Z"), 11.5, 24),
            (at("2014-01-02T12:00Z"), 35.5, 24),
        ],
    );
    // The same instants in a record that names no zone are cut at Beijing's midnight (16:00
    // UTC): 0 … 15 (16 values, too few for a mean), 16 … 39 (mean 27.5), 40 … 47 (too few).
    let other = tempfile::tempdir().unwrap();
    let (_, china) = load(other.path(), None, &hourly_csv(start, 48, utc));
    assert_means(
        &daily(&china),
        &[
            (at("2014-01-01T00:00+08:00") + 12 * 3600, f64::NAN, 16),
            (at("2014-01-02T00:00+08:00") + 12 * 3600, 27.5, 24),
            (at("2014-01-03T00:00+08:00") + 12 * 3600, f64::NAN, 8),
        ],
    );

    let chart = report.chart("c").unwrap();
    for lang in [Lang::Zh, Lang::En] {
        let spec = planboard::charts::build(&report, chart, lang, &BTreeSet::new());
        let time = spec.time().unwrap();
        // The axis: midnight of the second day is UTC's, labelled with its date.
        let ticks = axis::ticks(
            time.view.0 as f64,
            time.view.1 as f64,
            900.0,
            (lang, &time.zone),
            &measure,
        );
        let second = ticks
            .iter()
            .find(|t| t.label == planboard::i18n::tr(lang, "1月2日", "Jan 2"))
            .unwrap_or_else(|| panic!("{ticks:?}"));
        assert_eq!(second.t, at("2014-01-02T00:00Z"));
        // The hover: the hour as UTC writes it, and named.
        let t = at("2014-01-01T13:00Z");
        let hover = time.hover((t + 600) as f64, 13.0, &spec).unwrap();
        assert_eq!((hover.t, hover.value), (t, 13.0));
        assert_eq!(hover.time, "2014-01-01 13:00 UTC");
        // The footnote: the range in UTC, named; one day of two over 30.
        let footnote = time.footnote(lang);
        let range = planboard::i18n::tr(
            lang,
            "2014-01-01 00:00 — 2014-01-02 23:00（UTC）",
            "2014-01-01 00:00 — 2014-01-02 23:00 (UTC)",
        );
        assert!(footnote.contains(range), "{footnote}");
        let count = &time.counts[0].count;
        assert_eq!((count.over, count.valid), (1, 2), "{footnote}");
    }
    // Daily means over a window: the window's days are UTC's.
    let spec = planboard::charts::build_in(
        &report,
        chart,
        Lang::En,
        &BTreeSet::new(),
        &planboard::charts::time::TimeView {
            window: Some((at("2014-01-02T00:00Z"), at("2014-01-03T00:00Z"))),
            means: Some(Averaging::Day),
            zero: false,
        },
    );
    let time = spec.time().unwrap();
    assert_eq!(
        (time.counts[0].count.over, time.counts[0].count.valid),
        (1, 1)
    );

    // `table --records`: first and last in UTC, named.
    let tsv = planboard::table::records::records_tsv(&report);
    let row: Vec<&str> = tsv.lines().nth(1).unwrap().split('\t').collect();
    assert_eq!(
        (row[6], row[7]),
        ("2014-01-01 00:00 UTC", "2014-01-02 23:00 UTC")
    );

    // `export --from 2014-01-03`: UTC's midnight, after the record's last hour (23:00 UTC).
    // In China's time it would be 16:00 UTC of the 2nd, inside the record.
    let out = tempfile::tempdir().unwrap();
    let ron = ron.to_str().unwrap();
    let out_dir = out.path().to_str().unwrap();
    let (code, _, err) = run(&[
        "export",
        "--data",
        ron,
        "--out",
        out_dir,
        "--from",
        "2014-01-03",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("has data from 2014-01-01 00:00 UTC to 2014-01-02 23:00 UTC"),
        "{err}"
    );
    let (code, stdout, err) = run(&[
        "export",
        "--data",
        ron,
        "--out",
        out_dir,
        "--from",
        "2014-01-02T20:00",
        "--to",
        "2014-01-03",
        "--means",
        "day",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("c.png"), "{stdout}");
}

#[test]
fn a_record_at_a_fixed_offset_has_its_days_at_that_offset() {
    let dir = tempfile::tempdir().unwrap();
    // 48 hours from 2014-01-01 00:00 UTC written with `Z`, in a record kept at UTC-05:00: its
    // days start at 05:00 UTC. By hand: 2013-12-31 holds 0 … 4 (5 values, no valid mean),
    // 2014-01-01 holds 5 … 28 (mean 16.5), 2014-01-02 holds 29 … 47 (19 values, no valid mean).
    let start = at("2014-01-01T00:00Z");
    let (_, report) = load(dir.path(), Some("-05:00"), &hourly_csv(start, 48, utc));
    assert_means(
        &daily(&report),
        &[
            (at("2013-12-31T12:00-05:00"), f64::NAN, 5),
            (at("2014-01-01T12:00-05:00"), 16.5, 24),
            (at("2014-01-02T12:00-05:00"), f64::NAN, 19),
        ],
    );
    let chart = report.chart("c").unwrap();
    let spec = planboard::charts::build(&report, chart, Lang::En, &BTreeSet::new());
    let time = spec.time().unwrap();
    let hover = time
        .hover(at("2014-01-01T13:00Z") as f64, 13.0, &spec)
        .unwrap();
    assert_eq!(hover.time, "2014-01-01 08:00 UTC-05:00");
    assert!(
        time.footnote(Lang::En)
            .contains("2013-12-31 19:00 — 2014-01-02 18:00 (UTC-05:00)"),
        "{}",
        time.footnote(Lang::En)
    );
    let ticks = axis::ticks(
        time.view.0 as f64,
        time.view.1 as f64,
        900.0,
        (Lang::En, &time.zone),
        &measure,
    );
    let jan_2 = ticks.iter().find(|t| t.label == "Jan 2").unwrap();
    assert_eq!(jan_2.t, at("2014-01-02T05:00Z"));
    // The whole window counts whole days only: 2014-01-01 alone is valid, and over 16.5 > 30 no.
    let count = &time.counts[0].count;
    assert_eq!((count.over, count.valid), (0, 1));
}

#[test]
fn a_day_of_a_change_of_clocks_has_the_hours_it_has() {
    let dir = tempfile::tempdir().unwrap();
    // New York, 2020-03-07 00:00 EST (05:00 UTC), 71 hours to 2020-03-09 23:00 EDT: on March 8
    // the clocks skip 02:00, so that day has 23 hours. By hand: 0 … 23 (mean 11.5), 24 … 46
    // (23 values, mean 35), 47 … 70 (mean 58.5).
    let start = at("2020-03-07T05:00Z");
    let (_, report) = load(
        dir.path(),
        Some("America/New_York"),
        &hourly_csv(start, 71, utc),
    );
    let days = daily(&report);
    assert_means(
        &days,
        &[
            (at("2020-03-07T12:00-05:00"), 11.5, 24),
            // Midway through a 23-hour day: 11.5 hours after its midnight.
            (at("2020-03-08T00:00-05:00") + 23 * 1800, 35.0, 23),
            (at("2020-03-09T12:00-04:00"), 58.5, 24),
        ],
    );
    let chart = report.chart("c").unwrap();
    let spec = planboard::charts::build(&report, chart, Lang::En, &BTreeSet::new());
    let time = spec.time().unwrap();
    let hover = |t: &str, v: f64| time.hover(at(t) as f64, v, &spec).unwrap().time;
    assert_eq!(hover("2020-03-07T05:00Z", 0.0), "2020-03-07 00:00 EST");
    assert_eq!(hover("2020-03-08T11:00Z", 30.0), "2020-03-08 07:00 EDT");
    assert!(
        time.footnote(Lang::En).contains("(America/New_York)"),
        "{}",
        time.footnote(Lang::En)
    );
    // The axis over the morning of the change: hours of the local clock, 02:00 never shown.
    let ticks = axis::ticks(
        at("2020-03-08T05:00Z") as f64,
        at("2020-03-08T11:00Z") as f64,
        600.0,
        (Lang::En, &time.zone),
        &measure,
    );
    let labels: Vec<&str> = ticks.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Mar 8", "01:00", "03:00", "04:00", "05:00", "06:00", "07:00"
        ],
        "{ticks:?}"
    );
    assert_eq!(ticks[2].t, at("2020-03-08T07:00Z"), "03:00 EDT");

    // The autumn change: 2020-11-01 has 25 hours, 01:00 twice (EDT, then EST).
    let autumn = tempfile::tempdir().unwrap();
    let start = at("2020-11-01T04:00Z");
    let (_, report) = load(
        autumn.path(),
        Some("America/New_York"),
        &hourly_csv(start, 25, utc),
    );
    // By hand: 0 … 24, mean 12, the whole day.
    assert_means(&daily(&report), &[(start + 25 * 1800, 12.0, 25)]);
    let chart = report.chart("c").unwrap();
    let spec = planboard::charts::build(&report, chart, Lang::Zh, &BTreeSet::new());
    let time = spec.time().unwrap();
    let hover = |t: &str, v: f64| time.hover(at(t) as f64, v, &spec).unwrap().time;
    assert_eq!(hover("2020-11-01T05:00Z", 1.0), "2020-11-01 01:00 EDT");
    assert_eq!(hover("2020-11-01T06:00Z", 2.0), "2020-11-01 01:00 EST");
}

#[test]
fn a_record_that_names_no_zone_is_shown_in_china_time_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let start = at("2014-01-01T00:00");
    let (_, report) = load(dir.path(), None, &hourly_csv(start, 48, local(8)));
    assert_means(
        &daily(&report),
        &[
            (at("2014-01-01T12:00"), 11.5, 24),
            (at("2014-01-02T12:00"), 35.5, 24),
        ],
    );
    let chart = report.chart("c").unwrap();
    let spec = planboard::charts::build(&report, chart, Lang::Zh, &BTreeSet::new());
    let time = spec.time().unwrap();
    let hover = time
        .hover(at("2014-01-01T13:00") as f64, 13.0, &spec)
        .unwrap();
    assert_eq!(hover.time, "2014-01-01 13:00", "no zone named");
    let footnote = time.footnote(Lang::Zh);
    assert!(
        footnote.contains("时段：2014-01-01 00:00 — 2014-01-02 23:00；"),
        "{footnote}"
    );
    let tsv = planboard::table::records::records_tsv(&report);
    assert!(
        tsv.contains("\t2014-01-01 00:00\t2014-01-02 23:00\t"),
        "{tsv}"
    );
}
