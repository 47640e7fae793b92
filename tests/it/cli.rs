//! The `check` and `table` commands: exit codes and output.

use std::process::Command;

use crate::support::BIN;
const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");

use crate::support::run;

#[test]
fn check_default_succeeds_with_a_summary() {
    let (code, out, _) = run(&["check"]);
    assert_eq!(code, 0);
    assert!(out.contains("(embedded): valid:"), "{out}");
    assert!(out.contains("indicators") && out.contains("data points") && out.contains("charts"));
}

#[test]
fn check_a_valid_file() {
    let (code, out, _) = run(&["check", &format!("{DIR}/minimal.ron")]);
    assert_eq!(code, 0);
    let first = out.lines().next().unwrap_or_default();
    assert!(
        first.ends_with("valid: 3 indicators, 4 data points, 2 charts, 1 page"),
        "{out}"
    );
    // The source's text is not beside the file: not verified, and not an error.
    assert!(
        out.contains("source `test`") && out.contains("not verified"),
        "{out}"
    );
}

#[test]
fn check_a_broken_file_fails_with_the_location() {
    let file = format!("{DIR}/broken/missing_indicator.ron");
    let (code, out, err) = run(&["check", &file]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(
        err.starts_with(&format!("{file}:51:29: chart `headline`")),
        "{err}"
    );
}

#[test]
fn table_prints_every_point_with_the_header() {
    let (code, out, _) = run(&["table"]);
    assert_eq!(code, 0);
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some(
            "indicator_id\tname_zh\tname_en\tcategory\tunit\tyear\tkind\tvalue\tqualifier\tbasis\tperiod\tquote\tsource\tplace\tplace_code\tlow\thigh"
        )
    );
    let report = planboard::model::load_default().expect("default");
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), report.point_count());
    assert!(rows.iter().all(|r| r.split('\t').count() == 17));
    assert!(rows.contains(
        &"general_budget_revenue\t一般公共预算收入\tGeneral public budget revenue\teconomy\t%\t2022\tactual\t-9.9\texact\tyear_on_year\t\t一般公共预算收入按自然口径计算同比下降 9.9%\tlg-plan-2022\t\t\t\t"
    ), "{}", rows.iter().find(|r| r.starts_with("general_budget_revenue")).unwrap_or(&""));
    assert!(
        rows.iter()
            .any(|r| r.starts_with("good_river_share\t") && r.contains("\t1-11月\t"))
    );
    assert!(
        rows.iter()
            .any(|r| r.starts_with("public_housing_raised\t") && r.contains("\t23500\t"))
    );
}

#[test]
fn table_of_a_broken_file_fails() {
    let (code, out, err) = run(&["table", &format!("{DIR}/broken/nan_value.ron")]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(
        err.contains(":31:56: value of `revenue` 2022 is NaN"),
        "{err}"
    );
}

#[test]
fn opening_a_broken_file_fails_before_any_window() {
    let file = format!("{DIR}/broken/duplicate_id.ron");
    let out = Command::new(BIN)
        .arg(&file)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("run planboard");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with(&format!("planboard: {file}:36:17: duplicate indicator id")),
        "{err}"
    );
}
