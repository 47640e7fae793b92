//! Several files shown together: merges by indicator, revisions by later publications, clashes
//! named with both files' lines, provenance checked against source texts, the unit rules, and
//! errors that say what changed in the format.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use planboard::model::provenance::{self, TextState};
use planboard::model::{self, Lang, LoadError, PointKind};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");

fn multi() -> PathBuf {
    PathBuf::from(DIR).join("multi")
}

fn texts() -> PathBuf {
    PathBuf::from(DIR).join("multi-texts")
}

/// The three test files copied into a temporary folder, with their texts beside them.
fn copy_dataset() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    for entry in std::fs::read_dir(multi())
        .expect("multi")
        .chain(std::fs::read_dir(texts()).expect("texts"))
    {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, dir.path().join(path.file_name().expect("name"))).expect("copy");
    }
    let root = dir.path().to_owned();
    (dir, root)
}

fn problems(err: &LoadError) -> String {
    err.lines().join("\n")
}

#[test]
fn a_folder_stands_for_its_files_and_indicators_merge_by_id() {
    let dataset = model::load_dataset(&[multi()]).expect("three valid files");
    assert_eq!(dataset.files.len(), 3);
    let report = &dataset.report;
    assert_eq!(report.indicators.len(), 1, "one `gdp` across three files");
    assert_eq!(report.sources.len(), 3);
    let gdp = report.indicator("gdp").expect("gdp");
    assert_eq!(gdp.points.len(), 4);
    // Each figure remembers its file and its source.
    let files: BTreeSet<usize> = gdp.points.iter().map(|p| p.file).collect();
    assert_eq!(files, [0, 1, 2].into());
    assert!(
        gdp.points
            .iter()
            .all(|p| report.source(p.source_id()).is_some())
    );
    // The same list as naming the three files one by one.
    let mut paths: Vec<PathBuf> = model::data_files_in(&multi()).expect("list");
    paths.reverse();
    let again = model::load_dataset(&paths).expect("valid");
    assert_eq!(again.report.point_count(), report.point_count());
}

#[test]
fn the_later_publication_stands_and_the_earlier_is_kept_as_revised() {
    let report = model::load_dataset(&[multi()]).expect("valid").report;
    let gdp = report.indicator("gdp").expect("gdp");
    let level_2022: Vec<_> = gdp
        .points
        .iter()
        .filter(|p| p.measure.as_deref() == Some("level") && p.year == 2022)
        .collect();
    assert_eq!(level_2022.len(), 2, "both kept");
    let earlier = level_2022
        .iter()
        .find(|p| p.value == 4759e8)
        .expect("4759亿");
    let later = level_2022
        .iter()
        .find(|p| p.value == 4759.06e8)
        .expect("4759.06亿");
    assert_eq!(earlier.revised_by.as_deref(), Some("sz-bulletin-2022"));
    assert_eq!(later.revised_by, None);
    // The plan report (2023) is revised by the work report of 2023-01-12 for 2022 growth.
    let growth_2022: Vec<_> = gdp
        .current_points(None)
        .filter(|p| p.year == 2022 && p.kind == PointKind::Actual)
        .collect();
    assert_eq!(growth_2022.len(), 1);
    assert_eq!(growth_2022[0].source_id(), "lg-plan-2022");

    // The same figure from "2023" (a year alone) and from 2023-01-12 cannot be ordered: an error
    // that says so, not a silent choice.
    let (_dir, root) = copy_dataset();
    let b = root.join("b-work-report-2023.ron");
    let text = std::fs::read_to_string(&b).expect("read");
    let again = "            points: [\n                Point(year: 2022, kind: Actual, value: 3.0, qualifier: Exact, basis: YearOnYear,\n                      quote: \"实现地区生产总值4759亿元,增长3%\"),\n";
    std::fs::write(&b, text.replacen("            points: [\n", again, 1)).expect("write");
    let err = model::load_dataset(&[root]).expect_err("unordered dates");
    assert!(
        problems(&err).contains("cannot be ordered"),
        "{}",
        problems(&err)
    );

    // Charts draw only what stands; the tooltip names the earlier figure; the table keeps both.
    // The chart draws one figure, so it is a card; beside a reference line, it is a line chart
    // whose point has a tooltip.
    let chart = report.chart("gdp_level").expect("chart");
    let card = planboard::charts::build(&report, chart, Lang::Zh, &BTreeSet::new());
    assert_eq!(card.card().map(|c| c.number.as_str()), Some("4759.06亿"));
    let text = |s: &str| model::Text {
        zh: s.into(),
        en: s.into(),
    };
    let mut chart = chart.clone();
    chart.reference_lines.push(model::ReferenceLine {
        id: "zero".into(),
        value: 0.0,
        label: text("零"),
        source: text("测试"),
        averaging: None,
    });
    let spec = planboard::charts::build(&report, &chart, Lang::Zh, &BTreeSet::new());
    let planboard::charts::ChartBody::Lines(series) = &spec.body else {
        panic!("gdp_level is a line chart")
    };
    let values: Vec<f64> = series[0].figures.results.iter().map(|p| p.value).collect();
    assert_eq!(values, [4759.06e8]);
    let rows = &series[0].figures.results[0].detail.rows;
    assert!(
        rows.iter()
            .any(|(k, v)| k == "修订前" && v.contains("4759亿")),
        "{rows:?}"
    );
    assert!(
        rows.iter()
            .any(|(k, v)| k == "来源" && v.contains("深圳市统计局"))
    );
    assert!(rows.iter().any(|(k, v)| k == "度量" && v == "总量"));
    let table = planboard::table::rows(&report);
    assert!(
        table
            .iter()
            .any(|r| r.cells[12] == "lg-work-2023 (revised by sz-bulletin-2022)")
    );
    // The footnote names the sources of what is drawn, and only those.
    assert_eq!(spec.sources.len(), 1);
    assert!(spec.sources[0].contains("深圳市2022年国民经济和社会发展统计公报"));
}

#[test]
fn provenance_is_verified_when_the_texts_are_at_hand() {
    let dataset = model::load_dataset(&[multi()]).expect("valid");
    // Not beside the files, not given: not verified, and no error.
    let none = provenance::check(&dataset, &[]);
    assert!(none.problems.is_empty());
    assert!(
        none.sources
            .iter()
            .all(|s| matches!(s.state, TextState::NotAtHand { .. }))
    );
    assert_eq!(none.file_verified(0), Some(false));
    // Given with --sources: every quote found and every value stated.
    let all = provenance::check(&dataset, &[texts()]);
    assert!(all.problems.is_empty(), "{:#?}", all.problems);
    assert!((0..3).all(|f| all.file_verified(f) == Some(true)));
    // Beside the data files, as their `text` paths say: found without --sources.
    let (_dir, root) = copy_dataset();
    let beside = model::load_dataset(std::slice::from_ref(&root)).expect("valid");
    let found = provenance::check(&beside, &[]);
    assert!(
        (0..3).all(|f| found.file_verified(f) == Some(true)),
        "{found:#?}"
    );
}

/// Rewrite one file of a copied dataset and check it with the texts beside it.
fn check_altered(file: &str, from: &str, to: &str) -> provenance::Provenance {
    let (dir, root) = copy_dataset();
    let path = root.join(file);
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains(from), "{from}");
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
    let dataset = model::load_dataset(&[root]).expect("still valid");
    let out = provenance::check(&dataset, &[]);
    drop(dir);
    out
}

#[test]
fn an_altered_quote_is_reported_at_the_quote() {
    let out = check_altered("a-plan-2022.ron", "同比增长 7%左右", "同比增长 9%左右");
    assert_eq!(out.problems.len(), 1, "{:#?}", out.problems);
    let p = &out.problems[0];
    assert!(p.location.file.ends_with("a-plan-2022.ron"));
    assert_eq!((p.location.line, p.location.column), (33, 30));
    assert!(p.message.contains("is not in"), "{}", p.message);
    assert_eq!(out.file_verified(0), Some(false));
}

#[test]
fn an_altered_value_is_reported_at_the_value() {
    let out = check_altered("a-plan-2022.ron", "value: 7.0", "value: 27.6");
    assert_eq!(out.problems.len(), 1, "{:#?}", out.problems);
    let p = &out.problems[0];
    assert_eq!((p.location.line, p.location.column), (32, 56));
    assert!(
        p.message
            .contains("is 27.6, which its quote does not state"),
        "{}",
        p.message
    );
    // A fall stated as a rise is a wrong value too.
    let out = check_altered("a-plan-2022.ron", "value: 3.0", "value: -3.0");
    assert_eq!(out.problems.len(), 1, "{:#?}", out.problems);
}

#[test]
fn source_texts_that_cannot_be_used_say_why() {
    let (_dir, root) = copy_dataset();
    // Not UTF-8.
    std::fs::write(root.join("a-plan-2022.txt"), [0x66, 0xff, 0xfe]).expect("write");
    // A folder where the text should be.
    std::fs::remove_file(root.join("b-work-report-2023.txt")).expect("rm");
    std::fs::create_dir(root.join("b-work-report-2023.txt")).expect("mkdir");
    // Over the size limit.
    let big = std::fs::File::create(root.join("c-bulletin-2022.txt")).expect("create");
    big.set_len(model::MAX_FILE_BYTES + 1).expect("grow");
    let dataset = model::load_dataset(std::slice::from_ref(&root)).expect("valid");
    let out = provenance::check(&dataset, &[]);
    let states: Vec<String> = out
        .sources
        .iter()
        .map(|s| match &s.state {
            TextState::Unreadable(e) => e.to_string(),
            other => format!("{other:?}"),
        })
        .collect();
    assert!(states[0].contains("not valid UTF-8"), "{states:?}");
    assert!(states[1].contains("is a folder"), "{states:?}");
    assert!(states[2].contains("over the limit"), "{states:?}");
}

#[test]
fn the_same_id_meaning_two_things_names_both_files() {
    let (_dir, root) = copy_dataset();
    let c = root.join("c-bulletin-2022.ron");
    let text = std::fs::read_to_string(&c).expect("read");
    std::fs::write(&c, text.replace("unit: \"pct\",\n", "unit: \"yuan\",\n")).expect("write");
    let err = model::load_dataset(std::slice::from_ref(&root)).expect_err("clash");
    let all = problems(&err);
    assert!(
        all.contains("c-bulletin-2022.ron:27:19: indicator `gdp` has another unit at "),
        "{all}"
    );
    assert!(all.contains("a-plan-2022.ron:23:9"), "{all}");

    // Two files with one chart id.
    let (_dir2, root2) = copy_dataset();
    let b = root2.join("b-work-report-2023.ron");
    let text = std::fs::read_to_string(&b).expect("read");
    std::fs::write(
        &b,
        text.replace(
            "    charts: [],",
            "    charts: [(id: \"gdp_growth\", title: (zh: \"增速\", en: \"Growth\"), kind: Lines, series: [\"gdp\"])],",
        )
        .replace(
            "    pages: [],",
            "    pages: [(id: \"more\", title: (zh: \"更多\", en: \"More\"), charts: [\"gdp_growth\"])],",
        ),
    )
    .expect("write");
    let err = model::load_dataset(&[root2]).expect_err("clash");
    let all = problems(&err);
    assert!(
        all.contains("b-work-report-2023.ron:36:19: chart id `gdp_growth` is also used at")
            && all.contains("a-plan-2022.ron:38:14"),
        "{all}"
    );
}

#[test]
fn growth_must_be_in_a_percent_unit() {
    // The work report's file, with its 2022 growth beside the level (it has no chart to mix them).
    let text = std::fs::read_to_string(multi().join("b-work-report-2023.ron"))
        .expect("read")
        .replacen(
            "            points: [\n",
            "            points: [\n                Point(year: 2022, kind: Actual, value: 3.0, qualifier: Exact, basis: YearOnYear,\n                      quote: \"实现地区生产总值4759亿元,增长3%\"),\n",
            1,
        );
    // A year-on-year growth stored in 元.
    let wrong = text.replacen(
        "Point(year: 2022, kind: Actual, value: 3.0, qualifier: Exact, basis: YearOnYear,\n",
        "Point(year: 2022, kind: Actual, value: 3.0, qualifier: Exact, basis: YearOnYear, measure: \"level\",\n",
        1,
    );
    let err = model::parse("growth.ron", wrong.as_bytes()).expect_err("growth in 元");
    assert!(
        problems(&err).contains("is a year_on_year in 元 (yuan); expected a percent unit"),
        "{}",
        problems(&err)
    );
    // A change in percentage points in a percent unit is fine.
    let fine = text.replacen("basis: YearOnYear", "basis: PointsChange", 1);
    model::parse("points.ron", fine.as_bytes()).expect("points change in %");
}

#[test]
fn an_unknown_source_names_the_declared_ones() {
    let text = std::fs::read_to_string(multi().join("c-bulletin-2022.ron")).expect("read");
    let wrong = text.replace(
        "measure: \"level\",",
        "measure: \"level\", source: \"sz-bulletin-2021\",",
    );
    let err = model::parse("unknown.ron", wrong.as_bytes()).expect_err("unknown source");
    assert!(
        problems(&err).contains(
            "names source `sz-bulletin-2021`, which is not declared; expected one of: `sz-bulletin-2022`"
        ),
        "{}",
        problems(&err)
    );
}

fn syntax_error(text: &str) -> String {
    let err = model::parse("t.ron", text.as_bytes()).expect_err("syntax");
    problems(&err)
}

#[test]
fn syntax_errors_say_what_to_write() {
    let good = std::fs::read_to_string(multi().join("a-plan-2022.ron")).expect("read");
    // No implicit_some.
    let e = syntax_error(&good.replace("#![enable(implicit_some)]\n", ""));
    assert!(e.contains("`#![enable(implicit_some)]`"), "{e}");
    // A unit after the number.
    let e = syntax_error(&good.replace("value: 3.0,", "value: 3.0%,"));
    assert!(
        e.contains("a value is a plain number without its unit"),
        "{e}"
    );
    assert!(e.contains("write `value: 3.0`"), "{e}");
    // A fractional year.
    let e = syntax_error(&good.replace("year: 2022,", "year: 2022.5,"));
    assert!(e.contains("a year is a whole number"), "{e}");
}

#[test]
fn a_file_in_the_old_form_is_told_what_changed() {
    let old = r#"#![enable(implicit_some)]
Report(
    title: (zh: "旧", en: "Old"),
    issuer: (zh: "旧", en: "Old"),
    years: (first: 2022, last: 2023),
    source: (file: "x.txt", name: (zh: "旧", en: "Old")),
    units: [],
    indicators: [],
    charts: [],
    pages: [],
)"#;
    let e = syntax_error(old);
    assert!(e.starts_with("t.ron:6:5: "), "{e}");
    assert!(e.contains("this file is in the old form"), "{e}");
    assert!(e.contains("Moving a file from the old form"), "{e}");
}

#[test]
fn the_cli_checks_several_files_and_folders() {
    let bin = env!("CARGO_BIN_EXE_planboard");
    let out = std::process::Command::new(bin)
        .args(["check"])
        .arg(multi())
        .arg("--sources")
        .arg(texts())
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("valid: 1 indicator, 4 data points"),
        "{stdout}"
    );
    assert!(stdout.contains("1 revised by a later source"), "{stdout}");
    assert_eq!(stdout.matches(": verified:").count(), 3, "{stdout}");
    // Without the texts: not verified, still a success.
    let out = std::process::Command::new(bin)
        .args(["check"])
        .arg(multi())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout)
            .matches("not verified")
            .count(),
        3
    );
    // `table` over the folder: every figure, with its source.
    let out = std::process::Command::new(bin)
        .args(["table"])
        .arg(multi())
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().count(), 1 + 4);
    assert!(stdout.lines().skip(1).all(|l| l.split('\t').count() == 17));
    // An empty folder is an error that says so.
    let empty = tempfile::tempdir().expect("tempdir");
    let out = std::process::Command::new(bin)
        .args(["check"])
        .arg(empty.path())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("holds no .ron data file"));
}

#[test]
fn the_shipped_data_is_verified_by_the_cli_against_the_report() {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/source");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_planboard"))
        .args(["check", "--sources"])
        .arg(&source)
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("source `lg-plan-2022`"), "{stdout}");
    assert!(stdout.contains(": verified:"), "{stdout}");
}
