//! Monitoring tables as people publish them, declared by hand: the time in several columns or in a
//! format of its own, the file's own missing-value marks, a time zone, a long table read as one
//! record per category, and a data file of records alone with no report's ceremony.

use std::path::Path;

use planboard::model::time::parse_instant;
use planboard::model::{LoadError, Report};

/// A data file of records alone: one source, one unit, the indicators given.
fn record_file(indicators: &str) -> String {
    format!(
        r#"#![enable(implicit_some)]
Report(
    title: (zh: "测试记录", en: "Test record"),
    sources: [(id: "s", title: (zh: "来源", en: "Source"), issuer: (zh: "某站", en: "A station"), kind: Other)],
    units: [(id: "u", zh: "微克/立方米", en: "μg/m³")],
    indicators: [{indicators}],
    charts: [],
    pages: [],
)"#
    )
}

fn load(dir: &Path, csv_name: &str, csv: &str, indicators: &str) -> Result<Report, LoadError> {
    std::fs::write(dir.join(csv_name), csv).unwrap();
    let ron = dir.join("r.ron");
    std::fs::write(&ron, record_file(indicators)).unwrap();
    planboard::model::load_file(&ron)
}

/// The problems of a record of `x.csv` holding `csv`, declared with the `extra` fields.
fn problems(dir: &Path, csv: &str, extra: &str) -> String {
    let ind = format!(
        r#"(id: "x", name: (zh: "x", en: "x"), unit: "u",
            series: (file: "x.csv", time: "t", value: "v", source: "s", {extra})),"#
    );
    load(dir, "x.csv", csv, &ind).unwrap_err().to_string()
}

fn at(s: &str) -> i64 {
    parse_instant(s).unwrap().0
}

#[test]
fn a_long_table_with_its_time_in_four_columns_reads_as_one_record_a_station() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "No,year,month,day,hour,NO2,station\n\
               1,2013,3,1,0,12,Dongsi\n\
               2,2013,3,1,0,20,Tiantan\n\
               3,2013,3,1,1,?,Dongsi\n\
               4,2013,3,1,1,22,Tiantan\n\
               5,2013,3,1,2,14,Dongsi\n\
               6,2013,3,1,2,NA,Tiantan\n";
    let ind = |id: &str, station: &str| {
        format!(
            r#"(id: "{id}", name: (zh: "{station}", en: "{station}"), unit: "u",
                series: (file: "no2.csv", time: ["year", "month", "day", "hour"], value: "NO2",
                         source: "s", missing: ["?"], by: "station", category: "{station}")),"#
        )
    };
    let report = load(
        dir.path(),
        "no2.csv",
        csv,
        &(ind("dongsi", "Dongsi") + &ind("tiantan", "Tiantan")),
    )
    .unwrap();
    assert_eq!(report.years.first, 2013, "the years follow the record");
    assert_eq!(report.years.last, 2013);
    let d = report.indicator("dongsi").unwrap().samples.clone().unwrap();
    let t = report
        .indicator("tiantan")
        .unwrap()
        .samples
        .clone()
        .unwrap();
    assert_eq!((d.len(), t.len()), (3, 3));
    let (de, te) = (d.extremes(0..3), t.extremes(0..3));
    assert_eq!((de.count, de.mean()), (2, Some(13.0)), "`?` is a gap");
    assert_eq!((te.count, te.mean()), (2, Some(21.0)), "`NA` is a gap");
    assert_eq!(d.time(2), at("2013-03-01T02:00"));
}

#[test]
fn times_in_a_format_of_their_own_and_a_zone_of_their_own() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "Date;Time;Power\n\
               16/12/2006;17:24:00;4,216\n\
               16/12/2006;17:25:00;5,360\n\
               16/12/2006;17:26:00;?\n";
    let report = load(
        dir.path(),
        "power.txt",
        csv,
        r#"(id: "p", name: (zh: "功率", en: "Power"), unit: "u",
            series: (file: "power.txt", time: ["Date", "Time"], format: "%d/%m/%Y %H:%M:%S",
                     time_zone: "Europe/Paris", value: "Power", source: "s", missing: ["?"],
                     decimal_comma: true)),"#,
    )
    .unwrap();
    let p = report.indicator("p").unwrap().samples.clone().unwrap();
    assert_eq!(p.len(), 3);
    assert_eq!(p.value(0), 4.216);
    assert!(p.value(2).is_nan());
    // 17:24 in Paris in December is 16:24 UTC.
    assert_eq!(p.time(0), at("2006-12-16T16:24:00Z"));
}

#[test]
fn a_compact_date_reads_with_its_format() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "# weekly CO2, Mauna Loa\n\
               date,co2\n\
               19580329,316.19\n\
               19580405,317.31\n";
    let report = load(
        dir.path(),
        "co2.csv",
        csv,
        r#"(id: "co2", name: (zh: "二氧化碳", en: "CO2"), unit: "u",
            series: (file: "co2.csv", time: "date", format: "%Y%m%d", header_line: 2,
                     value: "co2", source: "s")),"#,
    )
    .unwrap();
    let c = report.indicator("co2").unwrap().samples.clone().unwrap();
    assert_eq!(c.time(1) - c.time(0), 7 * 86_400);
    assert_eq!(report.years.first, 1958);
}

#[test]
fn a_wrong_zone_format_or_category_is_named_at_its_field() {
    let dir = tempfile::tempdir().unwrap();
    let err = problems(
        dir.path(),
        "t,v\n2014-01-01,1\n",
        r#"time_zone: "Mars/Base", format: "%H:%M", by: "station""#,
    );
    assert!(err.contains("`Mars/Base` is not a time zone"), "{err}");
    assert!(
        err.contains("`%H:%M` is not a time format that gives a date"),
        "{err}"
    );
    assert!(
        err.contains("names a category column (`by`) but no `category`"),
        "{err}"
    );
    let err = problems(
        dir.path(),
        "t,station,v\n2014-01-01,A,1\n2014-01-02,B,1\n",
        r#"by: "station", category: "C""#,
    );
    assert!(
        err.contains("x.csv:2:1: no row has `C` in column `station`; the column holds: A, B"),
        "{err}"
    );
}

#[test]
fn a_repeated_time_in_an_undeclared_long_table_names_by() {
    let dir = tempfile::tempdir().unwrap();
    let err = problems(
        dir.path(),
        "t,station,v\n2014-01-01,A,1\n2014-01-01,B,1\n",
        "",
    );
    assert!(
        err.contains("x.csv:3:1: the time 2014-01-01 00:00:00 is also on line 2"),
        "{err}"
    );
    assert!(
        err.contains("declares its category column with `by`"),
        "{err}"
    );
}

/// Draft a data file for a real table with the binary, as a person would, and load what it wrote.
fn draft_real(table: &str, extra: &[&str]) -> (tempfile::TempDir, Report) {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/records")
        .join(table);
    std::fs::copy(&src, dir.path().join(table)).unwrap();
    let out = dir.path().join("draft.ron");
    let table_path = dir.path().join(table);
    let mut args = vec![
        "draft",
        table_path.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend(extra);
    let (code, _, stderr) = crate::support::run(&args);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("it passes `planboard check`"), "{stderr}");
    let (code, stdout, stderr) = crate::support::run(&["check", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let report = planboard::model::load_file(&out).unwrap();
    (dir, report)
}

/// (rows, values, mean, min, max) of a record.
fn stats(report: &Report, id: &str) -> (usize, usize, f64, f64, f64) {
    let s = report
        .indicator(id)
        .and_then(|i| i.samples.clone())
        .unwrap();
    let e = s.extremes(0..s.len());
    (
        s.len(),
        usize::try_from(e.count).unwrap(),
        e.mean().unwrap(),
        e.min,
        e.max,
    )
}

fn close(a: (usize, usize, f64, f64, f64), b: (usize, usize, f64, f64, f64)) -> bool {
    a.0 == b.0 && a.1 == b.1 && (a.2 - b.2).abs() < 1e-9 && a.3 == b.3 && a.4 == b.4
}

/// Counts and means against Python's (tests/data/records/README.md).
#[test]
fn real_tables_draft_and_read_with_counts_and_means_computed_apart() {
    let (_d, seattle) = draft_real("seattle-weather.csv", &[]);
    let got = stats(&seattle, "temp_max");
    assert!(
        close(got, (1461, 1461, 16.439_082_819_986_28, -1.6, 35.6)),
        "{got:?}"
    );
    assert!(
        seattle.indicator("weather").is_none(),
        "the text column is not drawn"
    );
    assert_eq!((seattle.years.first, seattle.years.last), (2012, 2015));

    let (_d, co2) = draft_real("co2-concentration.csv", &[]);
    let got = stats(&co2, "co2");
    assert!(
        close(got, (741, 741, 355.310_931_174_088_5, 313.21, 416.18)),
        "{got:?}"
    );

    let (_d, iowa) = draft_real("iowa-electricity.csv", &[]);
    let got = stats(&iowa, "net_generation_nuclear_energy");
    assert!(
        close(got, (17, 17, 4_711.941_176_470_588, 3853.0, 5321.0)),
        "{got:?}"
    );
    assert_eq!(
        iowa.indicators.len(),
        3,
        "one record a source of the long table"
    );
}

/// `table --records`: a row a record, its counts and mean against Python's.
#[test]
fn table_records_describes_each_record_and_category() {
    let (dir, _) = draft_real("iowa-electricity.csv", &[]);
    let ron = dir.path().join("draft.ron");
    let (code, stdout, stderr) =
        crate::support::run(&["table", ron.to_str().unwrap(), "--records"]);
    assert_eq!(code, 0, "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines[0],
        "indicator_id\tcolumn\tcategory\tunit\tvalues\tgaps\tfirst\tlast\tmean\tmin\tmax"
    );
    assert_eq!(lines.len(), 4, "{stdout}");
    assert!(
        lines.contains(
            &"net_generation_nuclear_energy\tnet_generation\tNuclear Energy\tvalue\t17\t0\t2001-01-01\t2017-01-01\t4711.941176\t3853\t5321"
        ),
        "{stdout}"
    );
}

/// Bad tables: a clear message at file:line:column, exit 1, and no data file written.
#[test]
fn a_bad_table_is_refused_with_its_place_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.ron");
    let cases = [
        (
            "none.csv",
            "a,b\nx,1\ny,2\n",
            "none.csv:1:1: no column holds times",
        ),
        (
            "order.csv",
            "t,v\n2012-01-02,1\n2012-01-01,2\n",
            "order.csv:3:1: the time 2012-01-01 00:00:00 is earlier than line 2's",
        ),
        (
            "mixed.csv",
            "t,v\n2012-01-01,1\n2012/01/02,2\n2012-01-03,3\n",
            "mixed.csv:3:1: `2012/01/02` in column `t` is written differently",
        ),
        (
            "ambiguous.csv",
            "t,v\n01/02/2012,1\n02/03/2012,2\n",
            "--day-first or --month-first",
        ),
    ];
    for (name, csv, expected) in cases {
        let table = dir.path().join(name);
        std::fs::write(&table, csv).unwrap();
        let (code, _, stderr) = crate::support::run(&[
            "draft",
            table.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]);
        assert_eq!(code, 1, "{name}: {stderr}");
        assert!(stderr.contains(expected), "{name}: {stderr}");
        assert!(!out.exists(), "{name}: nothing is written");
    }
    // The flag the message names decides.
    let table = dir.path().join("ambiguous.csv");
    let (code, _, stderr) = crate::support::run(&[
        "draft",
        table.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--day-first",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let ron = std::fs::read_to_string(&out).unwrap();
    assert!(ron.contains("format: \"%d/%m/%Y\""), "{ron}");
}

/// A window [from, to) leaves out the value at `to`: a day of hourly values is 24 of them, and the
/// mean is theirs; the whole record keeps its last value.
#[test]
fn a_window_is_half_open_in_its_mean() {
    let dir = tempfile::tempdir().unwrap();
    let mut csv = "t,v\n".to_owned();
    for h in 0..48 {
        csv.push_str(&format!("2014-01-0{} {:02}:00,{h}\n", 1 + h / 24, h % 24));
    }
    std::fs::write(dir.path().join("x.csv"), csv).unwrap();
    let ron = record_file(
        r#"(id: "x", name: (zh: "x", en: "x"), unit: "u",
            series: (file: "x.csv", time: "t", value: "v", source: "s")),"#,
    )
    .replace(
        "charts: [],",
        r#"charts: [(id: "c", title: (zh: "c", en: "c"), kind: TimeSeries, series: ["x"])],"#,
    )
    .replace(
        "pages: [],",
        r#"pages: [(id: "p", title: (zh: "p", en: "p"), charts: ["c"])],"#,
    );
    std::fs::write(dir.path().join("r.ron"), ron).unwrap();
    let report = planboard::model::load_file(&dir.path().join("r.ron")).unwrap();
    let chart = report.chart("c").unwrap();
    let summary = |window| {
        let view = planboard::charts::time::TimeView {
            window,
            ..Default::default()
        };
        let spec = planboard::charts::build_in(
            &report,
            chart,
            planboard::model::Lang::En,
            &std::collections::BTreeSet::new(),
            &view,
        );
        spec.time().unwrap().summary.join(" ")
    };
    let day = summary(Some((at("2014-01-01"), at("2014-01-02"))));
    assert!(
        day.contains("mean 11.5") && day.contains("of 24 values"),
        "{day}"
    );
    let all = summary(None);
    assert!(
        all.contains("mean 23.5") && all.contains("of 48 values"),
        "{all}"
    );
}

#[test]
fn a_record_longer_than_136_years_keeps_its_times_to_the_minute() {
    // Yearly values 1850–2024 (175 years): past 32 bits of seconds, kept in minutes.
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("year,anomaly\n");
    for y in 1850..=2024 {
        csv.push_str(&format!("{y},{}\n", f64::from(y - 1850) / 100.0));
    }
    let report = load(
        dir.path(),
        "t.csv",
        &csv,
        r#"(id: "t", name: (zh: "气温距平", en: "Anomaly"), unit: "u",
            series: (file: "t.csv", time: "year", value: "anomaly", source: "s")),"#,
    )
    .unwrap();
    let t = report.indicator("t").unwrap().samples.clone().unwrap();
    assert_eq!(t.len(), 175);
    assert_eq!((report.years.first, report.years.last), (1850, 2024));
    assert_eq!(t.time(0), at("1850-01-01"));
    assert_eq!(t.time(174), at("2024-01-01"));
    assert_eq!(t.value(174), 1.74);
    assert_eq!(t.range(at("2000-01-01"), at("2010-01-01")), 150..160);
    assert_eq!(
        t.index_at(at("2000-06-01")),
        151,
        "the first value after mid-2000"
    );
    let all = t.extremes(0..t.len());
    assert_eq!((all.count, all.min, all.max), (175, 0.0, 1.74));
    // Yearly means still count every year.
    let yearly = t.means(planboard::model::series::Averaging::Year);
    assert_eq!(yearly.len(), 175);

    // Times written to the second over more than 136 years are refused with the reason.
    let err = problems(
        dir.path(),
        "t,v\n1850-01-01T00:00:01,1\n2000-01-01T00:00:01,2\n",
        "",
    );
    assert!(
        err.contains("more than 136 years") && err.contains("to the minute"),
        "{err}"
    );
}

/// The record whose Chinese name holds `name`, as (rows, values, mean, min, max).
fn stats_named(report: &Report, name: &str) -> (usize, usize, f64, f64, f64) {
    let id = report
        .indicators
        .iter()
        .find(|i| i.name.zh.contains(name))
        .map_or_else(|| panic!("no record named {name}"), |i| i.id.clone());
    stats(report, &id)
}

/// Tables as Excel on Chinese Windows saves them (the Seattle weather, its numbers unchanged, by
/// tests/data/records/make_encoded.py): "CSV (逗号分隔)" in GBK and "Unicode 文本" in UTF-16 with
/// tabs, Chinese headers, and a note column whose quoted cells hold commas and line breaks. Counts
/// and means against Python's reading of the same bytes.
#[test]
fn tables_saved_in_gbk_and_in_utf16_draft_and_read_as_python_reads_them() {
    let (dir, gbk) = draft_real("seattle-weather-gbk.csv", &[]);
    let ron = std::fs::read_to_string(dir.path().join("draft.ron")).unwrap();
    assert!(ron.contains("encoding: \"GB18030\""), "{ron}");
    let got = stats_named(&gbk, "最高气温");
    assert!(
        close(got, (1461, 1461, 16.439_082_819_986_28, -1.6, 35.6)),
        "{got:?}"
    );
    assert!(
        gbk.indicators.iter().all(|i| !i.name.zh.contains("备注")),
        "the note column is text, not drawn"
    );

    let (dir, utf16) = draft_real("seattle-weather-utf16.txt", &[]);
    let ron = std::fs::read_to_string(dir.path().join("draft.ron")).unwrap();
    assert!(
        !ron.contains("encoding:"),
        "its byte-order mark says it: {ron}"
    );
    let got = stats_named(&utf16, "降水量");
    assert!(
        close(got, (1461, 1461, 3.029_431_895_961_675_7, 0.0, 55.9)),
        "{got:?}"
    );
}

/// A GBK table whose record names no encoding: each line says what to write.
#[test]
fn a_gbk_table_read_as_utf8_says_to_name_its_encoding() {
    let dir = tempfile::tempdir().unwrap();
    // 2024-01-01,35,龙岗 in GBK.
    let csv: &[u8] = b"t,v,station\n2024-01-01,35,\xc1\xfa\xb8\xda\n";
    std::fs::write(dir.path().join("x.csv"), csv).unwrap();
    let ind = r#"(id: "x", name: (zh: "x", en: "x"), unit: "u",
            series: (file: "x.csv", time: "t", value: "v", source: "s")),"#;
    let ron = dir.path().join("r.ron");
    std::fs::write(&ron, record_file(ind)).unwrap();
    let err = planboard::model::load_file(&ron).unwrap_err().to_string();
    assert!(
        err.contains("x.csv:2:1: the line is not UTF-8 text"),
        "{err}"
    );
    assert!(err.contains("encoding: \"GB18030\""), "{err}");
    let ind = ind.replace(r#"source: "s")"#, r#"source: "s", encoding: "GBK")"#);
    std::fs::write(&ron, record_file(&ind)).unwrap();
    assert!(planboard::model::load_file(&ron).is_ok());
    let ind = ind.replace("GBK", "Big5");
    std::fs::write(&ron, record_file(&ind)).unwrap();
    let err = planboard::model::load_file(&ron).unwrap_err().to_string();
    assert!(err.contains("names encoding `Big5`"), "{err}");
}

/// Quoted cells with separators and line breaks read whole, and a problem after them is placed
/// on its own line and column.
#[test]
fn quoted_cells_over_several_lines_keep_later_problems_on_their_lines() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "t,note,v\n2024-01-01,\"风向多变，\n阵风\",1\n2024-01-02,, \"2\" \n2024-01-03,\"长\n文本\",abc\n";
    let err = problems(dir.path(), csv, "");
    assert!(
        err.contains("x.csv:6:5: `abc` in column `v` is not a number"),
        "{err}"
    );
    assert_eq!(err.matches("x.csv:").count(), 1, "{err}");
    let csv = "t,note,v\n2024-01-01,\"a\",1\n2024-01-02,\"b\"c,2\n";
    let err = problems(dir.path(), csv, "");
    assert!(
        err.contains("x.csv:3:15: text follows a quoted cell's closing"),
        "{err}"
    );
}
