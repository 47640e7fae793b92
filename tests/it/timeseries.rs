//! Monitoring records end to end: the Beijing PM2.5 example (UCI, CC BY 4.0) loads, its counts of
//! days over China's and the WHO's limits match counts made apart from planboard (a Python script
//! over the same CSV: docs/time-series.md), its images carry the range and the counts, a bad CSV is
//! refused with its place, and the window zooms, pans and fits as a person drives it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use planboard::charts::time::{TimeView, decimate};
use planboard::data_source::DataSource;
use planboard::export::{ImageFormat, ImageOptions, ImageRequest};
use planboard::model::series::{Averaging, exceedance};
use planboard::model::time::parse_instant;
use planboard::model::{Lang, LoadError};
use planboard::ui::{PageRef, PlanboardApp, Settings};

use crate::support;

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/examples/beijing-pm25/beijing-pm25.ron")
}

fn at(s: &str) -> i64 {
    parse_instant(s).unwrap().0
}

#[test]
fn beijing_record_loads_with_every_hour() {
    let report = planboard::model::load_file(&example()).expect("the example loads");
    let samples = report
        .indicator("pm25_hourly")
        .and_then(|i| i.samples.clone())
        .expect("the record is read");
    assert_eq!(samples.len(), 43_824);
    let all = samples.extremes(0..samples.len());
    assert_eq!(all.count, 41_757, "2,067 hours have no value");
    assert_eq!((all.min, all.max), (0.0, 994.0));
    assert!((all.mean().unwrap() - 98.6132).abs() < 1e-4);
    assert_eq!(
        samples.extent(),
        Some((at("2010-01-01T00:00"), at("2014-12-31T23:00")))
    );
}

/// Counted apart from planboard (pandas over the same CSV, days in Beijing time, a day's mean valid
/// with at least 20 hours as GB 3095-2012 requires).
#[test]
fn days_over_the_limits_match_an_independent_count() {
    let report = planboard::model::load_file(&example()).unwrap();
    let samples = report
        .indicator("pm25_hourly")
        .unwrap()
        .samples
        .clone()
        .unwrap();
    let (a, b) = (at("2010-01-01"), at("2015-01-01"));
    let over_75 = exceedance(&samples, Averaging::Day, 75.0, a, b);
    assert_eq!(
        (over_75.over, over_75.valid, over_75.with_values),
        (896, 1711, 1789)
    );
    assert_eq!(exceedance(&samples, Averaging::Day, 15.0, a, b).over, 1644);
    // Per year: (valid days, over 75).
    for (year, valid, over) in [
        (2010, 330, 191),
        (2011, 324, 166),
        (2012, 340, 170),
        (2013, 360, 184),
        (2014, 357, 185),
    ] {
        let c = exceedance(
            &samples,
            Averaging::Day,
            75.0,
            at(&format!("{year}-01-01")),
            at(&format!("{}-01-01", year + 1)),
        );
        assert_eq!((c.valid, c.over), (valid, over), "{year}");
    }
}

#[test]
fn the_chart_counts_what_is_visible_and_draws_the_highest_hour() {
    let report = planboard::model::load_file(&example()).unwrap();
    let chart = report.chart("beijing-pm25").unwrap();
    let view = TimeView {
        window: Some((at("2013-01-01"), at("2014-01-01"))),
        ..TimeView::default()
    };
    let spec = planboard::charts::build_in(&report, chart, Lang::En, &BTreeSet::new(), &view);
    let time = spec.time().expect("a time chart");
    let gb = time
        .counts
        .iter()
        .find(|c| c.line == "ref:gb-24h-ii")
        .expect("days over grade II are counted");
    assert_eq!((gb.count.over, gb.count.valid), (184, 360));
    assert!(
        gb.text.contains("184 of 360 valid days over 75 μg/m³"),
        "{}",
        gb.text
    );
    assert!(
        time.footnote(Lang::En)
            .contains("2013-01-01 00:00 — 2014-01-01 00:00")
    );
    // The whole record drawn 300 pixels wide still reaches the highest hour, 994 on 2012-01-23.
    let full = planboard::charts::build(&report, chart, Lang::Zh, &BTreeSet::new());
    let t = full.time().unwrap();
    let samples = t.drawn_samples(0).unwrap();
    let runs = decimate(&samples, t.view.0 as f64, t.view.1 as f64, 300);
    let top = runs.iter().flatten().map(|p| p[1]).fold(0.0, f64::max);
    assert_eq!(top, 994.0);
    // The value axis follows the window: 2013 alone peaks lower than the record.
    assert!(spec.value_range.1 < full.value_range.1);
}

#[test]
fn images_state_the_range_and_the_counts() {
    let report = planboard::model::load_file(&example()).unwrap();
    let chart = report.chart("beijing-pm25").unwrap();
    let request = |format, lang| ImageRequest {
        report: &report,
        chart,
        hidden: BTreeSet::new(),
        view: TimeView {
            window: None,
            means: Some(Averaging::Day),
            zero: false,
        },
        data_label: "beijing-pm25.ron".into(),
        options: ImageOptions {
            format,
            lang,
            ..ImageOptions::default()
        },
    };
    let svg =
        String::from_utf8(planboard::export::bytes(&request(ImageFormat::Svg, Lang::Zh)).unwrap())
            .unwrap();
    assert!(
        svg.len() < 1024 * 1024,
        "an SVG of the whole record is {} bytes",
        svg.len()
    );
    let squashed: String = svg.split_whitespace().collect();
    for words in [
        "2010-01-0100:00—2014-12-3123:00",
        "896天日均值超过75微克/立方米",
        "线为日均值",
    ] {
        assert!(squashed.contains(words), "the footnote says `{words}`");
    }
    let png = planboard::export::bytes(&request(ImageFormat::Png, Lang::En)).unwrap();
    let image = image::load_from_memory(&png).unwrap();
    assert_eq!((image.width(), image.height()), (1800, 1000));
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_bad_csv_is_refused_with_its_place_and_nothing_is_loaded() {
    let dir = tempfile::tempdir().unwrap();
    let ron = std::fs::read_to_string(example()).unwrap();
    let data = write(dir.path(), "beijing-pm25.ron", &ron);
    write(
        dir.path(),
        "beijing-pm25-hourly.csv",
        "time,pm2.5\n2014-01-01T00:00,12\n2014-01-01T01:00,twelve\n2014-01-01T01:00,13\n",
    );
    let err = planboard::model::load_file(&data).unwrap_err();
    let LoadError::Invalid(problems) = err else {
        panic!("expected problems, got {err}");
    };
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(lines.len(), 2, "{lines:#?}");
    assert!(
        lines[0]
            .contains("beijing-pm25-hourly.csv:3:18: `twelve` in column `pm2.5` is not a number"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].contains(
            "beijing-pm25-hourly.csv:4:1: the time 2014-01-01 01:00:00 is also on line 3"
        ),
        "{}",
        lines[1]
    );
    // A missing file is reported at the data file's `file:` field.
    std::fs::remove_file(dir.path().join("beijing-pm25-hourly.csv")).unwrap();
    let err = planboard::model::load_file(&data).unwrap_err().to_string();
    assert!(err.contains("beijing-pm25.ron:"), "{err}");
    assert!(
        err.contains("series file `beijing-pm25-hourly.csv` is not found"),
        "{err}"
    );
}

fn app(lang: Lang) -> PlanboardApp {
    let settings = Settings {
        page: Some(PageRef::Page("beijing-pm25".into())),
        lang,
        ..Settings::default()
    };
    let mut data = DataSource::open(&[example()], None).expect("the example opens");
    "2026-01-01 08:00:00".clone_into(&mut data.loaded_at);
    PlanboardApp::new(settings, data)
}

fn harness(app: PlanboardApp) -> Harness<'static, PlanboardApp> {
    support::harness(app, [1200.0, 800.0])
}

fn window(h: &Harness<'_, PlanboardApp>) -> Option<(i64, i64)> {
    h.state()
        .time_views
        .get("beijing-pm25")
        .and_then(|v| v.window)
}

#[test]
fn the_window_zooms_pans_and_fits() {
    let mut h = harness(app(Lang::Zh));
    // The wheel over the plot zooms in about the pointer.
    let over_plot = egui::pos2(700.0, 400.0);
    h.hover_at(over_plot);
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, 240.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: egui::Modifiers::NONE,
    });
    h.run_steps(6);
    let (a, b) = window(&h).expect("the wheel zoomed in");
    assert!(
        b - a < at("2015-01-01") - at("2010-01-01"),
        "narrower than the record"
    );
    // A drag pans: the window keeps its width and moves.
    h.drag_at(over_plot);
    h.hover_at(over_plot + egui::vec2(-200.0, 0.0));
    h.run_steps(2);
    h.drop_at(over_plot + egui::vec2(-200.0, 0.0));
    h.run_steps(3);
    let (c, d) = window(&h).expect("still zoomed");
    assert_eq!(d - c, b - a, "panning keeps the width");
    assert!(c > a, "dragging left moves later in time");
    // The means choice keeps the window.
    h.get_by_label("日均值").click();
    h.run_steps(3);
    let view = h.state().time_views.get("beijing-pm25").copied().unwrap();
    assert_eq!(view.means, Some(Averaging::Day));
    assert_eq!(view.window, Some((c, d)));
    // 全部时段 shows the whole record again.
    h.get_by_label("全部时段").click();
    h.run_steps(3);
    assert_eq!(window(&h), None);
}

/// The record's page in both languages at the smallest window the app allows (720×480), and at
/// the default size with daily means over a month: kept as snapshots to look at and to compare.
#[test]
fn the_record_page_at_the_smallest_window_and_zoomed_with_means() {
    let mut results = egui_kittest::SnapshotResults::new();
    for lang in [Lang::Zh, Lang::En] {
        let name = match lang {
            Lang::Zh => "zh",
            Lang::En => "en",
        };
        let mut h = support::harness(app(lang), [720.0, 480.0]);
        h.snapshot(format!("small/pm25_{name}"));
        results.extend_harness(&mut h);
    }
    let mut zoomed = app(Lang::Zh);
    zoomed.time_views.insert(
        "beijing-pm25".into(),
        TimeView {
            window: Some((at("2013-01-01"), at("2013-02-01"))),
            means: Some(Averaging::Day),
            zero: false,
        },
    );
    let mut h = harness(zoomed);
    h.snapshot("pm25_january_2013_daily_zh");
    results.extend_harness(&mut h);
}

#[test]
fn hovering_gives_the_exact_value_and_hour() {
    let mut zoomed = app(Lang::Zh);
    zoomed.time_views.insert(
        "beijing-pm25".into(),
        TimeView {
            window: Some((at("2013-01-12T00:00"), at("2013-01-12T06:00"))),
            ..TimeView::default()
        },
    );
    let mut h = harness(zoomed);
    let mem = egui_plot::PlotMemory::load(&h.ctx, planboard::draw::plot_id("beijing-pm25"))
        .expect("plot memory");
    // A little after 03:00 and well above the line: the nearest hour's value, read from the CSV.
    let pos = mem
        .transform()
        .position_from_point(&egui_plot::PlotPoint::new(
            (at("2013-01-12T03:00") + 600) as f64,
            300.0,
        ));
    h.hover_at(pos);
    h.run_steps(6);
    assert!(
        h.query_by_label("425微克/立方米").is_some(),
        "the exact value"
    );
    assert!(h.query_by_label("2013-01-12 03:00").is_some(), "its hour");
}

/// Data files that break the rules of records and time, each refused with its place.
#[test]
fn records_and_parts_of_years_break_rules_with_a_place() {
    let dir = tempfile::tempdir().unwrap();
    let ron = std::fs::read_to_string(example()).unwrap();
    write(
        dir.path(),
        "beijing-pm25-hourly.csv",
        "time,pm2.5\n2014-01-01T00:00,1\n",
    );
    let cases = [
        (
            ron.replace("kind: TimeSeries", "kind: Lines"),
            "a monitoring record read from a CSV file; expected such records in a chart of kind TimeSeries",
        ),
        (
            ron.replace(
                "source: \"uci-beijing-pm25\",\n            ),",
                "source: \"nowhere\",\n            ),",
            ),
            "names source `nowhere`, which is not declared",
        ),
        (
            ron.replace("file: \"beijing-pm25-hourly.csv\"", "file: \"/tmp/x.csv\""),
            "is an absolute path",
        ),
        (
            ron.replace("value: \"pm2.5\"", "value: \"pm10\""),
            "no column is headed `pm10`; the header names: time, pm2.5",
        ),
    ];
    for (text, expected) in cases {
        let path = write(dir.path(), "case.ron", &text);
        let err = planboard::model::load_file(&path).unwrap_err().to_string();
        assert!(err.contains(expected), "expected `{expected}` in:\n{err}");
    }
    // A part of the year that is no part.
    let minimal = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/minimal.ron"),
    )
    .unwrap();
    assert!(minimal.contains("Point("), "the minimal file has figures");
    let with_part = minimal.replacen("Point(", "Point(\n part: Months(11, 1),", 1);
    let path = write(dir.path(), "part.ron", &with_part);
    let err = planboard::model::load_file(&path).unwrap_err().to_string();
    assert!(
        err.contains(
            "Months(11, 1): expected two months from 1 to 12, the first before the second"
        ),
        "{err}"
    );
}

/// A report's yearly figure on the same chart as the record it summarises: drawn across its year,
/// with its sentence on hover.
#[test]
fn a_reports_figure_is_drawn_across_the_time_it_covers() {
    let dir = tempfile::tempdir().unwrap();
    let ron = std::fs::read_to_string(example()).unwrap();
    let with_figure = ron
        .replacen(
            "\n    charts: [\n",
            r#"
    charts: [
        (
            id: "with-figure",
            title: (zh: "记录与年度数字", en: "Record and yearly figure"),
            kind: TimeSeries,
            series: ["pm25_hourly", "pm25_annual"],
        ),
"#,
            1,
        )
        .replace(
            "    ],
    charts:",
            r#"        (
            id: "pm25_annual",
            name: (zh: "PM2.5 年均浓度", en: "PM2.5, annual mean"),
            category: "air",
            unit: "ugm3",
            better: Lower,
            points: [
                Point(year: 2013, kind: Actual, value: 101.7, qualifier: About, basis: Level,
                    quote: "2013年PM2.5年均浓度约101.7微克/立方米"),
                Point(year: 2014, part: Months(1, 6), kind: Actual, value: 98.0, qualifier: Exact, basis: Level,
                    quote: "2014年上半年PM2.5平均浓度98.0微克/立方米"),
            ],
        ),
    ],
    charts:"#,
        );
    let with_figure = with_figure.replace(
        r#"charts: ["beijing-pm25"]"#,
        r#"charts: ["beijing-pm25", "with-figure"]"#,
    );
    let data = write(dir.path(), "with-figure.ron", &with_figure);
    std::fs::copy(
        example().with_file_name("beijing-pm25-hourly.csv"),
        dir.path().join("beijing-pm25-hourly.csv"),
    )
    .unwrap();
    let report = planboard::model::load_file(&data).expect("a record and figures in one chart");
    let chart = report.chart("with-figure").unwrap();
    let spec = planboard::charts::build(&report, chart, Lang::Zh, &BTreeSet::new());
    let time = spec.time().unwrap();
    let spans = &time.series[1].figures.spans;
    assert_eq!(spans.len(), 2);
    assert_eq!(
        (spans[0].start, spans[0].end),
        (at("2013-01-01"), at("2014-01-01"))
    );
    assert_eq!(spans[0].label, "≈101.7");
    assert_eq!(
        (spans[1].start, spans[1].end),
        (at("2014-01-01"), at("2014-07-01"))
    );
    assert!(
        spans[1].detail.rows.iter().any(|(_, v)| v == "1-6月"),
        "{:?}",
        spans[1].detail.rows
    );
    let over = time
        .span_at((at("2013-06-01")) as f64, 101.0, 5.0)
        .expect("the figure under the pointer");
    assert_eq!(over.detail.quote, "2013年PM2.5年均浓度约101.7微克/立方米");
}

/// Records at the edges: one row (a single instant), and a daily record whose last day's mean sits
/// past its last row.
#[test]
fn one_row_and_the_last_day_of_a_daily_record() {
    let dir = tempfile::tempdir().unwrap();
    let ron = std::fs::read_to_string(example())
        .unwrap()
        .replace("averaging: Year", "averaging: Month");
    let data = write(dir.path(), "edge.ron", &ron);
    write(
        dir.path(),
        "beijing-pm25-hourly.csv",
        "time,pm2.5\n2014-01-01T00:00,80\n",
    );
    let report = planboard::model::load_file(&data).expect("one row is a record");
    let chart = report.chart("beijing-pm25").unwrap();
    for view in [
        TimeView::default(),
        TimeView {
            window: Some((0, 10)),
            means: Some(Averaging::Month),
            zero: false,
        },
    ] {
        let spec = planboard::charts::build_in(&report, chart, Lang::Zh, &BTreeSet::new(), &view);
        assert!(spec.time().is_some(), "a chart of one instant builds");
        planboard::export::bytes(&ImageRequest {
            report: &report,
            chart,
            hidden: BTreeSet::new(),
            view,
            data_label: "edge.ron".into(),
            options: ImageOptions::default(),
        })
        .expect("and draws");
    }
    // Daily values for all of 2014, every one over 75 but February with 25 days: a daily record's
    // months follow GB 3095-2012 (27 days, 25 in February).
    let mut csv = String::from("time,pm2.5\n");
    let mut day = jiff::civil::date(2014, 1, 1);
    while day.year() == 2014 {
        if !(day.month() == 2 && day.day() > 25) {
            csv.push_str(&format!("{day},80\n"));
        }
        day = day.tomorrow().unwrap();
    }
    write(dir.path(), "beijing-pm25-hourly.csv", &csv);
    let report = planboard::model::load_file(&data).unwrap();
    let chart = report.chart("beijing-pm25").unwrap();
    let spec = planboard::charts::build(&report, chart, Lang::En, &BTreeSet::new());
    let counts = &spec.time().unwrap().counts;
    let days = counts.iter().find(|c| c.line == "ref:gb-24h-ii").unwrap();
    assert_eq!(
        (days.count.over, days.count.valid),
        (362, 362),
        "every day, the last included"
    );
    let months = counts
        .iter()
        .find(|c| c.line == "ref:gb-annual-ii")
        .unwrap();
    assert_eq!(
        (months.count.over, months.count.valid),
        (12, 12),
        "February's 25 days suffice"
    );
}

/// A watched record: editing its CSV (not the data file) reads it again.
#[test]
fn an_edited_csv_is_read_again() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(
        dir.path(),
        "r.ron",
        &std::fs::read_to_string(example()).unwrap(),
    );
    let csv = write(
        dir.path(),
        "beijing-pm25-hourly.csv",
        "time,pm2.5\n2014-01-01T00:00,80\n2014-01-01T01:00,81\n",
    );
    let ctx = egui::Context::default();
    let mut source = DataSource::open(std::slice::from_ref(&data), Some(&ctx)).unwrap();
    assert!(source.is_watched());
    let rows = |s: &DataSource| s.report.record_count().1;
    assert_eq!(rows(&source), 2);
    std::fs::write(
        &csv,
        "time,pm2.5\n2014-01-01T00:00,80\n2014-01-01T01:00,81\n2014-01-01T02:00,82\n",
    )
    .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while rows(&source) != 3 {
        assert!(std::time::Instant::now() < deadline, "never read again");
        let _ = source.poll();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

/// Two records from columns of one CSV: read together, each its own values.
#[test]
fn two_columns_of_one_file_are_two_records() {
    let dir = tempfile::tempdir().unwrap();
    let ron = std::fs::read_to_string(example()).unwrap().replace(
        "\n    ],\n    charts:",
        r#"
        (
            id: "dew_point",
            name: (zh: "露点", en: "Dew point"),
            category: "air",
            unit: "c",
            series: (file: "beijing-pm25-hourly.csv", time: "time", value: "DEWP", source: "uci-beijing-pm25"),
        ),
    ],
    charts:"#,
    );
    let ron = ron.replace(
        r#"(id: "ugm3", zh: "微克/立方米", en: "μg/m³"),"#,
        r#"(id: "ugm3", zh: "微克/立方米", en: "μg/m³"), (id: "c", zh: "℃", en: "°C"),"#,
    );
    let data = write(dir.path(), "two.ron", &ron);
    std::fs::copy(
        example().with_file_name("beijing-pm25-hourly.csv"),
        dir.path().join("beijing-pm25-hourly.csv"),
    )
    .unwrap();
    let report = planboard::model::load_file(&data).expect("two records of one file");
    let record = |id: &str| report.indicator(id).unwrap().samples.clone().unwrap();
    let (dew, pm) = (record("dew_point"), record("pm25_hourly"));
    assert_eq!((dew.len(), pm.len()), (43_824, 43_824));
    assert_eq!(dew.value(0), -21.0, "2010-01-01 00:00's dew point");
    assert!(pm.value(0).is_nan(), "its PM2.5 is missing");
    assert_eq!(dew.time(100), pm.time(100));
    assert_eq!(
        report.record_count(),
        (2, 43_824),
        "one time column, counted once"
    );
}
