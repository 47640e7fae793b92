//! The `draft` command as a person runs it: a data file that `check` verifies, what it refuses and
//! why, encodings, HTML pages, and merging into existing data with `--with`.

use std::path::Path;

const REPORT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/source/longgang-2022-plan-report.txt"
);
const RECORD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/longgang-record.ron");

use crate::support::run;

fn path(dir: &Path, name: &str) -> String {
    dir.join(name).display().to_string()
}

#[test]
fn a_drafted_file_checks_and_is_never_overwritten_silently() {
    let dir = tempfile::tempdir().unwrap();
    let out = path(dir.path(), "r.ron");
    let (code, stdout, err) = run(&["draft", REPORT, "--out", &out]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.is_empty());
    assert!(err.contains("wrote") && err.contains("figures"), "{err}");
    // It loads, and every quote is found in the report and states its value.
    let (code, stdout, err) = run(&["check", &out]);
    assert_eq!(code, 0, "{stdout}{err}");
    assert!(stdout.contains("verified:"), "{stdout}");
    assert!(stdout.contains("proposed"), "{stdout}");
    // The table prints its figures; the drafted GDP growth is there with its quote.
    let (code, table, _) = run(&["table", &out]);
    assert_eq!(code, 0);
    assert!(table.contains("地区生产总值同比增长 3%"), "{table}");
    // A second run does not replace the file; --force does.
    let before = std::fs::read(&out).unwrap();
    let (code, _, err) = run(&["draft", REPORT, "--out", &out]);
    assert_eq!(code, 1);
    assert!(err.contains("exists") && err.contains("--force"), "{err}");
    let (code, _, err) = run(&["draft", REPORT, "--out", &out, "--force"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        std::fs::read(&out).unwrap(),
        before,
        "the same text drafts the same bytes"
    );
    // Without --out the data goes to standard output.
    let (code, stdout, _) = run(&["draft", REPORT]);
    assert_eq!(code, 0);
    assert!(stdout.starts_with("// Drafted by `planboard draft`"));
}

#[test]
fn bad_input_is_refused_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, Vec<u8>, &str); 5] = [
        ("empty.txt", Vec::new(), "empty"),
        ("report.pdf", b"%PDF-1.7\n%\xE2\xE3".to_vec(), "PDF"),
        (
            "noise.txt",
            vec![0x81, 0x20, 0x81, 0x20, 0xFF],
            "neither UTF-8 nor GB18030",
        ),
        (
            "menu.html",
            b"<html><body><nav><a>Home</a></nav><p>Hello</p></body></html>".to_vec(),
            "no article text",
        ),
        (
            "words.txt",
            "各位代表：现在，我代表区人民政府向大会报告工作，请予审议。"
                .as_bytes()
                .to_vec(),
            "no figures",
        ),
    ];
    for (name, bytes, says) in cases {
        let file = path(dir.path(), name);
        std::fs::write(&file, bytes).unwrap();
        let out = path(dir.path(), &format!("{name}.ron"));
        let (code, _, err) = run(&["draft", &file, "--out", &out]);
        assert_eq!(code, 1, "{name}: {err}");
        assert!(err.contains(says), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
        assert!(!Path::new(&out).exists(), "{name}: nothing is written");
    }
    // Enormous: over the limit, said before reading it.
    let big = path(dir.path(), "big.txt");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(planboard::draft::MAX_REPORT_BYTES + 1).unwrap();
    let (code, _, err) = run(&["draft", &big]);
    assert_eq!(code, 1);
    assert!(err.contains("limit"), "{err}");
    // A folder, a missing file.
    let (code, _, err) = run(&["draft", &dir.path().display().to_string()]);
    assert_eq!((code, err.contains("folder")), (1, true), "{err}");
    let (code, _, err) = run(&["draft", &path(dir.path(), "missing.txt")]);
    assert_eq!(code, 1, "{err}");
}

#[test]
fn gbk_text_and_html_pages_get_a_utf8_copy_to_check_against() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(REPORT).unwrap();
    let (gbk, _, lossy) = encoding_rs::GBK.encode(&text);
    assert!(!lossy);
    let file = path(dir.path(), "gbk.txt");
    std::fs::write(&file, &gbk).unwrap();
    let out = path(dir.path(), "gbk.ron");
    let (code, _, err) = run(&["draft", &file, "--out", &out]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("GB18030"), "{err}");
    assert!(dir.path().join("gbk.source.txt").is_file());
    let (code, stdout, err) = run(&["check", &out]);
    assert_eq!(code, 0, "{stdout}{err}");
    assert!(stdout.contains("verified:"), "{stdout}");

    // An HTML page: the article between a menu and a footer.
    let paragraphs: String = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(40)
        .map(|l| format!("<p>{}</p>\n", l.replace('&', "&amp;").replace('<', "&lt;")))
        .collect::<Vec<_>>()
        .concat();
    let html = format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>报告</title><script>var a = '增长 99%';</script></head>\
         <body><nav><ul><li><a href=\"/\">首页</a></li><li><a>政务公开</a></li></ul></nav>\
         <div class=\"article\">{paragraphs}</div><footer>网站标识码 4403070001 版权所有</footer></body></html>"
    );
    let file = path(dir.path(), "page.html");
    std::fs::write(&file, html).unwrap();
    let out = path(dir.path(), "page.ron");
    let (code, _, err) = run(&["draft", &file, "--out", &out]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("HTML"), "{err}");
    let copy = std::fs::read_to_string(dir.path().join("page.source.txt")).unwrap();
    assert!(!copy.contains("首页") && !copy.contains("99%") && !copy.contains("版权"));
    let (code, stdout, err) = run(&["check", &out]);
    assert_eq!(code, 0, "{stdout}{err}");
    let (_, table, _) = run(&["table", &out]);
    assert!(table.contains("规模以上工业增加值同比增长 1.7%"), "{table}");
}

#[test]
fn with_existing_data_a_draft_keeps_its_ids_and_merges() {
    let dir = tempfile::tempdir().unwrap();
    let out = path(dir.path(), "r.ron");
    let (code, _, err) = run(&["draft", REPORT, "--out", &out, "--with", RECORD]);
    assert_eq!(code, 0, "{err}");
    let (code, table, err) = run(&["table", &out]);
    assert_eq!(code, 0, "{err}");
    // GDP growth joins the record's indicator by name, unit and basis, with its English name.
    let gdp: Vec<&str> = table.lines().filter(|l| l.starts_with("gdp\t")).collect();
    assert!(!gdp.is_empty(), "{table}");
    assert!(
        gdp.iter().all(|l| l.contains("Gross domestic product")),
        "{gdp:?}"
    );
    // Shown together, the record and the draft load as one dataset.
    let (code, stdout, err) = run(&["check", RECORD, &out]);
    assert_eq!(code, 0, "{stdout}{err}");
}

#[test]
fn two_places_drafted_open_together() {
    let dir = tempfile::tempdir().unwrap();
    let passages = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/draft-dev/passages");
    let mut outs = Vec::new();
    for name in ["R1-luzhou-2023-gwr", "R2-jimei-2022-gwr"] {
        let out = path(dir.path(), &format!("{name}.ron"));
        let (code, _, err) = run(&["draft", &format!("{passages}/{name}.txt"), "--out", &out]);
        assert_eq!(code, 0, "{err}");
        outs.push(out);
    }
    // Two places' drafts open together with no problem, and the indicator the lexicon knows lines
    // up: GDP growth has one id, with each place's figures from its own source.
    let (code, stdout, err) = run(&["check", &outs[0], &outs[1]]);
    assert_eq!(code, 0, "{stdout}{err}");
    let (_, table, _) = run(&["table", &outs[0], &outs[1]]);
    let sources: std::collections::BTreeSet<&str> = table
        .lines()
        .filter(|l| l.starts_with("gdp_year_on_year\t"))
        .filter_map(|l| l.split('\t').nth(12))
        .collect();
    assert_eq!(
        sources.into_iter().collect::<Vec<_>>(),
        ["140403-2023-work-report", "350211-2022-work-report"],
        "{table}"
    );
    // Figures a place's draft does not know keep ids of their own source.
    let own: Vec<&str> = table
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').next())
        .filter(|id| id.contains("-f"))
        .collect();
    assert!(
        !own.is_empty() && own.iter().all(|id| id.contains("-20")),
        "{own:?}"
    );
}

const PROVINCES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/reports-dev/provinces-2026"
);

fn province_reports() -> Vec<String> {
    let mut reports: Vec<String> = std::fs::read_dir(PROVINCES)
        .expect("the provincial reports beside the repository")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("txt")))
        .map(|p| p.display().to_string())
        .collect();
    reports.sort();
    reports
}

/// Whole reports of six provinces drafted at once: one file each, named by place, year and kind,
/// and a comparison page; the folder opens with no problem, and the 2026 GDP growth targets of all
/// six stand in one chart.
#[test]
fn many_places_drafted_into_a_folder_open_together_with_a_comparison() {
    let dir = tempfile::tempdir().unwrap();
    let out = path(dir.path(), "drafts");
    let reports = province_reports();
    assert_eq!(reports.len(), 6);
    let mut args = vec!["draft"];
    args.extend(reports.iter().map(String::as_str));
    args.extend(["--out", &out]);
    let (code, _, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    for code in ["110000", "140000", "330000", "410000", "540000", "620000"] {
        assert!(
            Path::new(&out)
                .join(format!("{code}-2026-work-report.ron"))
                .exists(),
            "{code}: {err}"
        );
    }
    let (code, stdout, err) = run(&["check", &out]);
    assert_eq!(code, 0, "{stdout}{err}");
    let comparison = std::fs::read_to_string(Path::new(&out).join("comparison.ron")).unwrap();
    assert!(comparison.contains("kind: Places"), "{comparison}");
    let (_, table, _) = run(&["table", &out]);
    let gdp_targets = table
        .lines()
        .filter(|l| l.starts_with("gdp_year_on_year\t") && l.contains("\t2026\ttarget\t"))
        .count();
    assert_eq!(gdp_targets, 6, "{table}");
    // Drafting them again into the same folder refuses, and nothing is lost.
    let (code, _, err) = run(&args);
    assert_eq!(code, 1);
    assert!(err.contains("--force"), "{err}");
}

/// What `draft` refuses about place and year, before any file is written.
#[test]
fn an_unknown_place_a_year_out_of_range_and_one_place_twice_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = path(dir.path(), "x.ron");
    let (code, _, err) = run(&["draft", REPORT, "--place", "火星省", "--out", &out]);
    assert_eq!(code, 1);
    assert!(err.contains("火星省") && err.contains("GB/T 2260"), "{err}");
    let (code, _, err) = run(&["draft", REPORT, "--place", "鼓楼区", "--out", &out]);
    assert_eq!(code, 1);
    assert!(err.contains("南京市") && err.contains("350102"), "{err}");
    let (code, _, err) = run(&["draft", REPORT, "--year", "3026", "--out", &out]);
    assert_eq!(code, 1);
    assert!(err.contains("--year 3026"), "{err}");
    assert!(!Path::new(&out).exists());
    // --place and --year set what the text does not say.
    let (code, _, err) = run(&[
        "draft", REPORT, "--place", "440307", "--year", "2023", "--out", &out,
    ]);
    assert_eq!(code, 0, "{err}");
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.contains("id: \"440307-2023-"), "{written}");
    assert!(written.contains("dated_by: Given"), "{written}");
    // The same place's same report twice: refused, naming both, nothing written.
    let reports = province_reports();
    let folder = path(dir.path(), "twice");
    let (code, _, err) = run(&["draft", &reports[0], &reports[0], "--out", &folder]);
    assert_eq!(code, 1);
    assert!(err.contains("110000-2026-work-report"), "{err}");
    assert!(
        !Path::new(&folder)
            .join("110000-2026-work-report.ron")
            .exists()
    );
}
