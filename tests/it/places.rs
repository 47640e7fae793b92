//! Reports of many places open together: the chart comparing places, the pages and the window's
//! title saying whose they are, the review of every drafted file, and the table's place columns.
//! The 31 provinces' drafts are generated (`support::places`); the six provinces' figures of
//! `tests/data/places/provinces-2026.ron` are the reports' own.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use planboard::data_source::DataSource;
use planboard::model::{Lang, load_dataset};
use planboard::ui::{PageRef, PlanboardApp, Settings};

use crate::support::{self, places};

/// The window on the 31 provinces' drafts (`indicators` indicators each), written into `dir`,
/// on `page`, `size` points large.
fn provinces_window(
    dir: &std::path::Path,
    indicators: usize,
    page: PageRef,
    lang: Lang,
    size: [f32; 2],
) -> Harness<'static, PlanboardApp> {
    let paths = places::write_provinces(dir, 31, indicators);
    let dataset = load_dataset(&paths).expect("31 drafts open together with no problem");
    let mut data = DataSource::from_dataset(dataset, Vec::new(), None);
    // The side panel shows when the data was loaded: fix it so snapshots compare.
    "2026-01-01 08:00:00".clone_into(&mut data.loaded_at);
    let settings = Settings {
        page: Some(page),
        lang,
        ..Settings::default()
    };
    support::harness(PlanboardApp::new(settings, data), size)
}

#[test]
fn thirty_one_places_name_their_pages_and_no_file_names_the_window() {
    let dir = tempfile::tempdir().expect("tempdir");
    let h = provinces_window(
        dir.path(),
        6,
        PageRef::Page("compare".into()),
        Lang::Zh,
        [1400.0, 900.0],
    );
    let data = &h.state().data;
    assert_eq!(data.files.len(), 31);
    assert_eq!(data.place_count(), 31);
    assert_eq!(
        data.window_title(Lang::Zh),
        "planboard · 31 个文件，31 个地区"
    );
    assert_eq!(
        data.window_title(Lang::En),
        "planboard · 31 files, 31 places"
    );
    // Each province's page says whose it is; the page comparing them is everyone's.
    assert!(h.query_by_label("广东省 · 主要指标").is_some());
    assert!(h.query_by_label("新疆维吾尔自治区 · 主要指标").is_some());
    assert!(h.query_all_by_label("各省比较").count() >= 1);
    assert!(h.query_by_label_contains("北京市 · 各省比较").is_none());
    // The comparison: every province a bar, highest first.
    let spec = h
        .state()
        .data
        .report
        .chart("compare_0_2026")
        .map(|c| {
            planboard::charts::build(
                &data.report,
                c,
                Lang::Zh,
                &std::collections::BTreeSet::new(),
            )
        })
        .expect("the chart comparing GDP growth targets");
    assert_eq!(spec.categories.len(), 31);
    let planboard::charts::ChartBody::Places(body) = &spec.body else {
        panic!("a places chart")
    };
    let tops: Vec<f64> = body[0].figures.results.iter().map(|b| b.value).collect();
    assert!(tops.windows(2).all(|w| w[0] >= w[1]), "{tops:?}");

    // One place's report alone keeps its own title.
    let one = DataSource::from_dataset(
        load_dataset(&[dir.path().join("440000-2026.ron")]).expect("one draft"),
        Vec::new(),
        None,
    );
    assert_eq!(
        one.window_title(Lang::Zh),
        "planboard · 2026年广东省政府工作报告"
    );
    assert_eq!(one.page_name(&one.report.pages[0], Lang::Zh), "主要指标");
}

#[test]
fn the_review_page_offers_every_drafted_file_with_its_counts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = provinces_window(dir.path(), 3, PageRef::Review, Lang::Zh, [1400.0, 900.0]);
    h.run_steps(2);
    let session = h.state().review.as_ref().expect("a review");
    assert_eq!(session.file, 0, "the first drafted file");
    // The choice names the file under review and how far it is: 3 indicators × 4 figures open.
    let choice = h.get_by_label("待审阅的文件（共 31 个）");
    assert_eq!(
        choice.value().as_deref(),
        Some("北京市 · 110000-2026.ron — 待审 12 · 已接受 0 · 已拒绝 0")
    );
    choice.click();
    h.run_steps(2);
    h.get_by_label("天津市 · 120000-2026.ron — 待审 12 · 已接受 0 · 已拒绝 0")
        .click();
    h.run_steps(3);
    let session = h.state().review.as_ref().expect("a review");
    let file = &h.state().data.files[session.file];
    assert!(file.name.ends_with("120000-2026.ron"), "{}", file.name);
    // Accepting a figure counts in the choice at once.
    h.key_press(egui::Key::A);
    h.run_steps(3);
    assert_eq!(
        h.get_by_label("待审阅的文件（共 31 个）")
            .value()
            .as_deref(),
        Some("天津市 · 120000-2026.ron — 待审 11 · 已接受 1 · 已拒绝 0")
    );
}

#[test]
fn the_table_says_whose_each_figure_is() {
    let dir = tempfile::tempdir().expect("tempdir");
    let h = provinces_window(dir.path(), 2, PageRef::Table, Lang::Zh, [1400.0, 900.0]);
    assert!(
        h.query_by_label("地区").is_some() || h.query_by_label_contains("地区").is_some(),
        "a place column"
    );
    assert!(
        h.query_all_by_label("2021-2025").count() > 1,
        "a span's years"
    );
    let (code, out, err) = support::run(&[
        "table",
        &dir.path().join("330000-2026.ron").display().to_string(),
    ]);
    assert_eq!(code, 0, "{err}");
    let rows: Vec<Vec<&str>> = out
        .lines()
        .skip(1)
        .map(|l| l.split('\t').collect())
        .collect();
    assert_eq!(rows.len(), 8);
    // 浙江 is the 11th province: its 2026 target is "左右", its 2025 average a span.
    let span = rows
        .iter()
        .find(|r| r[5] == "2021-2025")
        .expect("a span's row");
    assert_eq!(
        (span[6], span[13], span[14]),
        ("actual", "浙江省", "330000")
    );
    // A range's two ends, in a province whose targets are ranges (every third).
    let (_, out, _) = support::run(&[
        "table",
        &dir.path().join("110000-2026.ron").display().to_string(),
    ]);
    let range = out
        .lines()
        .find(|l| l.contains("\trange\t"))
        .expect("a range");
    let cells: Vec<&str> = range.split('\t').collect();
    assert_eq!((cells[5], cells[6]), ("2026", "target"));
    assert_eq!((cells[15], cells[16]), (cells[7], "4.5"));
}

#[test]
fn the_comparison_page_in_both_languages_and_the_smallest_window() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut results = egui_kittest::SnapshotResults::new();
    for (lang, name) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        for (size, at) in [([1400.0, 900.0], "large"), ([720.0, 480.0], "small")] {
            let mut h =
                provinces_window(dir.path(), 3, PageRef::Page("compare".into()), lang, size);
            h.run_steps(2);
            h.snapshot(format!("places/compare_{at}_{name}"));
            results.extend_harness(&mut h);
        }
    }
}

/// The six provinces' own figures in English: the same order as in Chinese (equal figures by
/// their places' codes), each place by its English name (the legibility walk checks every name is
/// drawn and no label covers another, at every size).
#[test]
fn six_provinces_in_english_keep_their_order() {
    let report =
        planboard::model::load_file(std::path::Path::new("tests/data/places/provinces-2026.ron"))
            .expect("the six provinces");
    let chart = report.chart("targets_2026").expect("chart");
    let spec =
        planboard::charts::build(&report, chart, Lang::En, &std::collections::BTreeSet::new());
    let names: Vec<&str> = spec.categories.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(
        names,
        ["Tibet", "Gansu", "Zhejiang", "Beijing", "Henan", "Shanxi"]
    );
}
