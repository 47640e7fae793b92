//! Spreadsheets as bureaus publish them (.xlsx, .xls, .ods): drafted in one command into a data file
//! that checks, every sheet with a table a page, counts and means the same as computed apart from
//! planboard (tests/data/sheets/README.md); and the workbooks that cannot give a table refused with
//! the reason, the sheet and the cell, nothing written.

use std::path::{Path, PathBuf};

use crate::support::run;

const SHEETS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/sheets");

/// A copy of the fixture `name` in a fresh folder, where the draft is written beside it.
fn copy(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let to = dir.path().join(name);
    std::fs::copy(Path::new(SHEETS).join(name), &to).unwrap();
    (dir, to)
}

/// Draft `name` with `flags`, check it passes, and return the data file and the `table --records`
/// rows, each split into its cells.
fn drafted(name: &str, flags: &[&str]) -> (String, Vec<Vec<String>>) {
    let (dir, table) = copy(name);
    let out = dir.path().join("draft.ron");
    let (t, o) = (table.display().to_string(), out.display().to_string());
    let mut args = vec!["draft", t.as_str(), "--out", o.as_str()];
    args.extend_from_slice(flags);
    let (code, _, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("it passes `planboard check`"), "{err}");
    let (code, stdout, err) = run(&["check", &o]);
    assert_eq!(code, 0, "{stdout}{err}");
    let (code, tsv, err) = run(&["table", &o, "--records"]);
    assert_eq!(code, 0, "{err}");
    let rows = tsv
        .lines()
        .map(|l| l.split('\t').map(str::to_owned).collect())
        .collect();
    (std::fs::read_to_string(&out).unwrap(), rows)
}

/// The row of `table --records` for the column headed `column` (and `category`).
fn record<'a>(rows: &'a [Vec<String>], column: &str, category: &str) -> &'a [String] {
    rows.iter()
        .find(|r| r[1] == column && r[2] == category)
        .unwrap_or_else(|| panic!("no record of `{column}` `{category}` in {rows:?}"))
}

fn number(cell: &str) -> f64 {
    cell.parse().unwrap()
}

#[test]
fn a_bureaus_workbook_drafts_a_page_a_sheet_with_its_title_row_and_notes_left_out() {
    let (ron, rows) = drafted("seattle-weather-and-co2.xlsx", &[]);
    // Headers on row 3 below a title; the notes sheet named as left out; a page a sheet.
    assert!(
        ron.contains("sheet: \"逐日天气\"") && ron.contains("header_line: 3"),
        "{ron}"
    );
    assert!(ron.contains("sheet: \"CO2\"") && ron.contains("header_line: 2"));
    assert!(
        ron.contains("// Not drawn: ") && ron.contains("说明!A1"),
        "{ron}"
    );
    assert!(
        ron.contains("(id: \"逐日天气\", title: (zh: \"逐日天气\""),
        "{ron}"
    );
    // Units from the headers, one chart a unit: the two temperatures together.
    assert!(ron.contains("(id: \"c\", zh: \"°C\", en: \"°C\")"), "{ron}");
    assert!(
        ron.contains("series: [\"最高气温\", \"最低气温\"]"),
        "{ron}"
    );
    // Excel's dates read as days, every row, values as Python counted them.
    let t = record(&rows, "最高气温(°C)", "");
    assert_eq!((t[4].as_str(), t[5].as_str()), ("1461", "0"));
    assert_eq!((t[6].as_str(), t[7].as_str()), ("2012-01-01", "2015-12-31"));
    assert!(
        (number(&t[8]) - 16.439_082_819_986_28).abs() < 1e-6,
        "{t:?}"
    );
    let p = record(&rows, "降水量(mm)", "");
    assert!(
        (number(&p[8]) - 3.029_431_895_961_675_7).abs() < 1e-6,
        "{p:?}"
    );
    let c = record(&rows, "CO2 (ppm)", "");
    assert_eq!((c[4].as_str(), c[6].as_str()), ("741", "1958-03-01"));
    assert!(
        (number(&c[8]) - 355.310_931_174_088_5).abs() < 1e-6,
        "{c:?}"
    );
}

#[test]
fn an_old_xls_and_an_opendocument_long_table_read_as_their_csv_does() {
    let (_, rows) = drafted("co2-concentration.xls", &[]);
    let c = record(&rows, "CO2", "");
    assert_eq!((c[4].as_str(), c[7].as_str()), ("741", "2020-04-01"));
    assert!((number(&c[8]) - 355.310_931_174_088_5).abs() < 1e-6);
    assert_eq!((c[9].as_str(), c[10].as_str()), ("313.21", "416.18"));
    // A long table: a record a source.
    let (ron, rows) = drafted("iowa-electricity.ods", &[]);
    assert!(ron.contains("by: \"source\""), "{ron}");
    let n = record(&rows, "net_generation", "Nuclear Energy");
    assert_eq!((n[4].as_str(), n[6].as_str()), ("17", "2001-01-01"));
    assert!(
        (number(&n[8]) - 4_711.941_176_470_588).abs() < 1e-6,
        "{n:?}"
    );
}

#[test]
fn a_date_and_a_time_of_day_in_two_columns_with_gaps_as_empty_cells_and_na() {
    let (ron, rows) = drafted("beijing-pm25-hourly.xlsx", &[]);
    assert!(ron.contains("time: [\"Date\", \"Time\"]"), "{ron}");
    assert!(
        ron.contains("\"#N/A\""),
        "Excel's #N/A is a missing mark: {ron}"
    );
    let pm = record(&rows, "PM2.5 (μg/m³)", "");
    assert_eq!((pm[4].as_str(), pm[5].as_str()), ("1905", "95"));
    assert_eq!(
        (pm[6].as_str(), pm[7].as_str()),
        ("2010-01-01 00:00:00", "2010-03-25 07:00:00")
    );
    assert!(
        (number(&pm[8]) - 93.202_099_737_532_8).abs() < 1e-4,
        "{pm:?}"
    );
    assert_eq!((pm[9].as_str(), pm[10].as_str()), ("5", "980"));
}

#[test]
fn one_sheet_is_drafted_when_named_and_an_unknown_one_is_refused_with_the_list() {
    let (ron, _) = drafted("seattle-weather-and-co2.xlsx", &["--sheet", "CO2"]);
    assert!(!ron.contains("逐日天气"), "{ron}");
    let (dir, table) = copy("seattle-weather-and-co2.xlsx");
    let out = dir.path().join("d.ron").display().to_string();
    let t = table.display().to_string();
    let (code, _, err) = run(&["draft", &t, "--out", &out, "--sheet", "PM10"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("no sheet named `PM10`") && err.contains("逐日天气, 说明, CO2"),
        "{err}"
    );
    let (code, _, err) = run(&["draft", &t, "--out", &out, "--sheet", "说明"]);
    assert_eq!(code, 1);
    assert!(err.contains("说明!A1: the sheet holds no table"), "{err}");
    assert!(!Path::new(&out).exists());
}

#[test]
fn protected_corrupt_and_empty_workbooks_are_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let whole = std::fs::read(Path::new(SHEETS).join("bad-cell.xlsx")).unwrap();
    std::fs::write(dir.path().join("cut.xlsx"), &whole[..whole.len() / 2]).unwrap();
    std::fs::write(dir.path().join("text.xls"), "date,value\n2024-01-01,3\n").unwrap();
    for name in [
        "pass_protected.xlsx",
        "pass_protected.ods",
        "empty_sheet.xlsx",
    ] {
        std::fs::copy(Path::new(SHEETS).join(name), dir.path().join(name)).unwrap();
    }
    let cases = [
        ("pass_protected.xlsx", "protected by a password"),
        ("pass_protected.ods", "protected by a password"),
        ("cut.xlsx", "cannot be read as a spreadsheet"),
        ("text.xls", "cannot be read as a spreadsheet"),
        ("empty_sheet.xlsx", "every sheet is empty (Sheet1)"),
    ];
    for (name, expected) in cases {
        let table = dir.path().join(name).display().to_string();
        let out = dir.path().join(format!("{name}.ron"));
        let o = out.display().to_string();
        let (code, stdout, err) = run(&["draft", &table, "--out", &o]);
        assert_eq!(code, 1, "{name}: {stdout}{err}");
        assert!(err.contains(expected), "{name}: {err}");
        assert!(!out.exists(), "{name}: nothing is written");
    }
}

#[test]
fn a_cell_that_is_not_a_number_is_named_as_the_spreadsheet_names_it() {
    let (dir, _) = copy("bad-cell.xlsx");
    let ron = dir.path().join("bad.ron");
    std::fs::write(
        &ron,
        r#"#![enable(implicit_some)]
Report(
    title: (zh: "坏单元格", en: "A bad cell"),
    sources: [(id: "s", title: (zh: "来源", en: "Source"), issuer: (zh: "某站", en: "A station"), kind: Other)],
    units: [(id: "u", zh: "微克/立方米", en: "μg/m³")],
    indicators: [(id: "x", name: (zh: "x", en: "x"), unit: "u",
        series: (file: "bad-cell.xlsx", sheet: "Sheet1", time: "time", value: "v", source: "s"))],
    charts: [],
    pages: [],
)"#,
    )
    .unwrap();
    let (code, stdout, err) = run(&["check", &ron.display().to_string()]);
    assert_eq!(code, 1);
    let all = format!("{stdout}{err}");
    assert!(
        all.contains("bad-cell.xlsx:Sheet1!B5: `abc` in column `v` is not a number"),
        "{all}"
    );
}

#[test]
fn a_chart_sheet_is_passed_over_and_whole_years_read_as_years_over_175_years() {
    let (ron, rows) = drafted("chartsheet-and-years.xlsx", &[]);
    assert!(
        ron.contains("sheet: \"anomaly\"") && ron.contains("time: \"Year\""),
        "{ron}"
    );
    let a = record(&rows, "Anomaly (°C)", "");
    assert_eq!((a[4].as_str(), a[6].as_str()), ("175", "1850"));
    assert_eq!((a[7].as_str(), a[10].as_str()), ("2024", "1.74"));
}

/// A bureau's header over two rows of merged cells (`PM2.5` over `浓度(μg/m³)`, `气象` over
/// `温度(°C)` and `露点(°C)`, `监测时间` down both): each column named by both rows, its unit read
/// from the lower; counts and means against openpyxl's reading (tests/data/sheets/README.md).
#[test]
fn a_header_over_two_rows_of_merged_cells_names_each_column_by_both() {
    let (ron, rows) = drafted("merged-header.xlsx", &[]);
    assert!(ron.contains("header_rows: 2"), "{ron}");
    assert!(ron.contains("time: \"监测时间\""), "{ron}");
    let pm = record(&rows, "PM2.5 浓度(μg/m³)", "");
    assert_eq!((pm[4].as_str(), pm[5].as_str()), ("2871", "129"), "{pm:?}");
    assert!(
        (number(&pm[8]) - 90.895_855_102_751_65).abs() < 1e-4,
        "{pm:?}"
    );
    let dew = record(&rows, "气象 露点(°C)", "");
    assert_eq!(
        (dew[4].as_str(), dew[9].as_str(), dew[10].as_str()),
        ("3000", "-27", "18"),
        "{dew:?}"
    );
    assert!(
        (number(&dew[8]) + 9.739_666_666_666_666).abs() < 1e-4,
        "{dew:?}"
    );
}
