//! The window, driven like a person would: toggles from the legend and the check boxes, "only
//! this", the language switch, a tooltip, a broken file, and one snapshot image per page.

use std::collections::BTreeSet;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use egui_plot::{PlotMemory, PlotPoint};

use planboard::data_source::DataSource;
use planboard::model::Lang;
use planboard::ui::{PageRef, PlanboardApp, Settings};

use crate::support;

fn app_on(page: &str) -> PlanboardApp {
    let settings = Settings {
        page: Some(if page == "table" {
            PageRef::Table
        } else {
            PageRef::Page(page.to_owned())
        }),
        ..Settings::default()
    };
    let mut data = DataSource::embedded().expect("default data");
    // The side panel shows when the data was loaded: fix it so snapshots compare.
    "2026-01-01 08:00:00".clone_into(&mut data.loaded_at);
    let mut app = PlanboardApp::new(settings, data);
    // The test's own dialogs answer at once, whatever the machine has.
    app.dialogs.available = true;
    app
}

fn harness(app: PlanboardApp) -> Harness<'static, PlanboardApp> {
    support::harness(app, [1400.0, 900.0])
}

/// Run frames until the dialog opened by the last click has answered and its answer is carried
/// out (dialogs run on their own thread), and the files it opened are loaded (on theirs).
fn settle(h: &mut Harness<'_, PlanboardApp>) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    h.run_steps(1);
    while (h.state().dialog_open() || h.state().loading().is_some())
        && std::time::Instant::now() < deadline
    {
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.run_steps(1);
    }
    h.run_steps(1);
}

fn hidden(h: &Harness<'_, PlanboardApp>, chart: &str) -> BTreeSet<String> {
    h.state().settings.hidden_in(chart)
}

/// The GDP check box above the headline chart, and whether it is ticked.
fn gdp_boxes(h: &Harness<'_, PlanboardApp>) -> Vec<(f32, Option<bool>)> {
    let mut boxes: Vec<(f32, Option<bool>)> = h
        .get_all_by_role_and_label(Role::CheckBox, "地区生产总值")
        .map(|n| {
            let toggled = n
                .accesskit_node()
                .toggled()
                .map(|t| t == egui::accesskit::Toggled::True);
            (n.rect().min.y, toggled)
        })
        .collect();
    boxes.sort_by(|a, b| a.0.total_cmp(&b.0));
    boxes
}

#[test]
fn one_toggle_a_series_and_no_legend_over_the_data() {
    let h = harness(app_on("headline"));
    // The bars are named on the axis and the key says what the fills mean: no legend repeats them.
    assert_eq!(gdp_boxes(&h).len(), 1, "the check box alone");
}

#[test]
fn unticking_a_check_box_hides_the_series_in_both_places() {
    let mut h = harness(app_on("headline"));
    let list_box = {
        let mut all: Vec<_> = h
            .get_all_by_role_and_label(Role::CheckBox, "地区生产总值")
            .collect();
        all.sort_by(|a, b| a.rect().min.y.total_cmp(&b.rect().min.y));
        all.remove(0)
    };
    list_box.click();
    h.run_steps(4);
    assert_eq!(hidden(&h, "headline"), BTreeSet::from(["gdp".to_owned()]));
    let boxes = gdp_boxes(&h);
    assert!(boxes.iter().all(|(_, t)| *t == Some(false)), "{boxes:?}");

    // And back on.
    let mut all: Vec<_> = h
        .get_all_by_role_and_label(Role::CheckBox, "地区生产总值")
        .collect();
    all.sort_by(|a, b| a.rect().min.y.total_cmp(&b.rect().min.y));
    all.remove(0).click();
    h.run_steps(4);
    assert!(hidden(&h, "headline").is_empty());
    assert!(gdp_boxes(&h).iter().all(|(_, t)| *t == Some(true)));
}

#[test]
fn only_this_leaves_one_and_all_restores() {
    let mut h = harness(app_on("headline"));
    h.get_all_by_label("仅此")
        .next()
        .expect("only-this button")
        .click();
    h.run_steps(4);
    let expected: BTreeSet<String> = [
        "industrial_value_added",
        "fixed_asset_investment",
        "retail_sales",
        "general_budget_revenue",
    ]
    .map(str::to_owned)
    .into();
    assert_eq!(hidden(&h, "headline"), expected);
    assert!(gdp_boxes(&h).iter().all(|(_, t)| *t == Some(true)));
    h.get_by_label("全部").click();
    h.run_steps(4);
    assert!(hidden(&h, "headline").is_empty());
    h.get_by_label("全不选").click();
    h.run_steps(4);
    assert_eq!(hidden(&h, "headline").len(), 5);
}

#[test]
fn language_switch_changes_titles() {
    let mut h = harness(app_on("headline"));
    assert!(
        h.query_by_label("主要指标：2022年完成与2023年目标（同比增长）")
            .is_some()
    );
    h.get_by_label("English").click();
    h.run_steps(4);
    assert_eq!(h.state().settings.lang, Lang::En);
    assert!(
        h.query_by_label(
            "Headline indicators: 2022 results and 2023 targets (year-on-year growth)"
        )
        .is_some()
    );
    assert!(h.query_by_label("Pages").is_some());
}

#[test]
fn hovering_a_bar_shows_the_reports_sentence() {
    let mut h = harness(app_on("headline"));
    let spec = h.state_mut().spec("headline").expect("spec").clone();
    let planboard::charts::ChartBody::Bars(series) = &spec.body else {
        panic!("the headline chart is a bar chart")
    };
    let bar = &series[4].figures[1]; // general budget revenue, 2023 target
    let mem = PlotMemory::load(&h.ctx, planboard::draw::plot_id("headline")).expect("plot memory");
    let pos = mem
        .transform()
        .position_from_point(&PlotPoint::new(bar.x, bar.value / 2.0));
    h.hover_at(pos);
    h.run_steps(6);
    assert!(
        h.query_by_label_contains("一般公共预算收入同比增长 17%")
            .is_some(),
        "the quote"
    );
    // The tooltip's rows add to what the chart already shows.
    assert!(
        h.query_all_by_label("2023年目标").count() >= 2,
        "kind and year"
    );
    assert!(h.query_by_label("17%").is_some(), "value with its unit");
    assert!(h.query_by_label("同比增长").is_some(), "basis");
}

/// A copy of `tests/data/minimal.ron` in a fresh folder: (folder, file, text).
fn minimal_report_in_temp_dir() -> (tempfile::TempDir, std::path::PathBuf, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("report.ron");
    let good = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/minimal.ron"
    ))
    .expect("minimal");
    std::fs::write(&path, &good).expect("write");
    (dir, path, good)
}

#[test]
fn a_broken_file_shows_the_error_bar_and_keeps_the_charts() {
    let (_dir, path, good) = minimal_report_in_temp_dir();
    let data = DataSource::open(std::slice::from_ref(&path), None).expect("valid file");
    let settings = Settings {
        page: Some(PageRef::Page("main".to_owned())),
        ..Settings::default()
    };
    let mut h = harness(PlanboardApp::new(settings, data));
    assert!(h.query_by_label("垃圾处理").is_some());

    std::fs::write(&path, good.replace("value: 6700.0", "value: NaN")).expect("write broken");
    h.state_mut().data.reload();
    h.run_steps(4);
    // In the UI's language, at the file's line and column.
    let zh = h.state().data.error.clone().expect("an error")[0]
        .zh
        .clone();
    assert!(
        zh.starts_with(&format!("{}:41:56: ", path.display())),
        "{zh}"
    );
    assert!(
        zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "in Chinese: {zh}"
    );
    let line = zh;
    assert!(
        h.query_by_label(&line).is_some(),
        "error bar with file:line:column"
    );
    assert!(
        h.query_by_label("垃圾处理").is_some(),
        "the last good charts stay"
    );
    assert_eq!(h.state().data.report.indicators.len(), 3);

    // Fixing the file clears the bar.
    std::fs::write(&path, &good).expect("write good");
    h.state_mut().data.reload();
    h.run_steps(4);
    assert!(h.query_by_label(&line).is_none());
}

#[test]
fn a_watched_file_reloads_when_it_changes() {
    let (_dir, path, good) = minimal_report_in_temp_dir();
    let ctx = egui::Context::default();
    let mut data = DataSource::open(std::slice::from_ref(&path), Some(&ctx)).expect("valid file");
    assert!(data.is_watched());
    std::fs::write(&path, good.replace("测试报告", "改过的报告")).expect("rewrite");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while data.report.title.zh != "改过的报告" && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
        data.poll().expect("the files are watched");
    }
    assert_eq!(data.report.title.zh, "改过的报告");
}

/// Every page of the embedded data, and the data table.
fn all_pages() -> Vec<String> {
    planboard::model::load_default()
        .expect("default")
        .pages
        .iter()
        .map(|p| p.id.clone())
        .chain(["table".to_owned()])
        .collect()
}

#[test]
fn one_snapshot_per_page() {
    let pages = all_pages();
    let mut results = egui_kittest::SnapshotResults::new();
    for page in pages {
        let mut h = harness(app_on(&page));
        h.run_steps(2);
        h.snapshot(format!("page_{page}"));
        results.extend_harness(&mut h);
    }
}

/// Every page in both languages at the smallest window the app allows (720×480): what a person
/// on a small screen sees, kept as snapshots to look at and to compare.
#[test]
fn every_page_in_both_languages_at_the_smallest_window() {
    let pages = all_pages();
    let mut results = egui_kittest::SnapshotResults::new();
    for lang in [Lang::Zh, Lang::En] {
        for page in &pages {
            let mut app = app_on(page);
            app.settings.lang = lang;
            let mut h = support::harness(app, [720.0, 480.0]);
            let lang = match lang {
                Lang::Zh => "zh",
                Lang::En => "en",
            };
            h.snapshot(format!("small/{page}_{lang}"));
            results.extend_harness(&mut h);
        }
    }
}

#[test]
fn ctrl_s_saves_the_chart_under_the_pointer() {
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join("chosen.png");
    let mut app = app_on("environment");
    let proposed = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let (t, p) = (target.clone(), std::sync::Arc::clone(&proposed));
    app.dialogs.save_path = std::sync::Arc::new(move |name: &str| {
        *p.lock().expect("lock") = name.to_owned();
        Some(t.clone())
    });
    let mut h = harness(app);
    // Point at the second chart of the page (PM2.5), then Ctrl+S.
    let title = h
        .get_by_label("PM2.5累计平均浓度与年均标准（2022年）")
        .rect()
        .center();
    h.hover_at(title);
    h.run_steps(2);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    settle(&mut h);
    assert_eq!(
        *proposed.lock().expect("lock"),
        "pm25.png",
        "the dialog proposes {{chart_id}}.png"
    );
    let saved = std::fs::read(&target).expect("saved file");
    assert_eq!(
        saved,
        h.state().chart_png("pm25").expect("png"),
        "the same image as export"
    );
    assert!(
        h.state()
            .notices
            .iter()
            .any(|n| n.text.contains("chosen.png")),
        "a notice says where"
    );
}

#[test]
fn save_image_button_and_export_all_write_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = app_on("headline");
    let (d, f) = (
        dir.path().to_owned(),
        dir.path().join("headline-from-button.png"),
    );
    app.dialogs.folder = std::sync::Arc::new(move || Some(d.clone()));
    app.dialogs.save_path = std::sync::Arc::new(move |_| Some(f.clone()));
    let mut h = harness(app);
    h.get_all_by_label("保存图片")
        .last()
        .expect("the chart's save button")
        .click();
    settle(&mut h);
    assert!(dir.path().join("headline-from-button.png").is_file());
    h.get_by_label("导出全部图表…").click();
    settle(&mut h);
    let report = planboard::model::load_default().expect("default");
    for chart in &report.charts {
        assert!(
            dir.path().join(format!("{}.png", chart.id)).is_file(),
            "{}",
            chart.id
        );
    }
    assert!(h.state().notices.iter().any(|n| {
        n.text
            .starts_with(&format!("{} 张图已导出", report.charts.len()))
    }));
}

#[test]
fn a_save_that_cannot_be_written_says_why() {
    let mut app = app_on("headline");
    app.dialogs.save_path =
        std::sync::Arc::new(|_| Some(std::path::PathBuf::from("/proc/planboard-cannot-write.png")));
    let mut h = harness(app);
    h.get_all_by_label("保存图片")
        .last()
        .expect("the chart's save button")
        .click();
    settle(&mut h);
    let notice = h
        .state()
        .notices
        .iter()
        .find(|n| n.error)
        .expect("an error notice");
    assert!(notice.text.starts_with("无法保存图片："), "{}", notice.text);
    // The reason in the window's language too (the system's own words stay as they are).
    assert!(notice.text.contains("无法写入此处"), "{}", notice.text);
    assert!(!std::path::Path::new("/proc/planboard-cannot-write.png").exists());
}

/// What the app asked to put on the clipboard in the last frame.
fn clipboard(h: &Harness<'_, PlanboardApp>) -> Vec<egui::OutputCommand> {
    h.output().platform_output.commands.clone()
}

#[test]
fn the_copy_shortcut_copies_the_table_as_tsv() {
    let mut h = harness(app_on("table"));
    // The window's integration turns Ctrl+C into a Copy event.
    h.event(egui::Event::Copy);
    h.step();
    let copied = clipboard(&h).into_iter().find_map(|c| match c {
        egui::OutputCommand::CopyText(text) => Some(text),
        _ => None,
    });
    let text = copied.expect("TSV on the clipboard");
    assert!(text.starts_with("indicator_id\tname_zh\tname_en"));
    assert_eq!(
        text.lines().count(),
        1 + planboard::model::load_default()
            .expect("data")
            .point_count()
    );
}

#[test]
fn the_copy_shortcut_copies_the_chart_as_an_image() {
    let mut h = harness(app_on("headline"));
    h.event(egui::Event::Copy);
    h.step();
    let image = clipboard(&h).into_iter().find_map(|c| match c {
        egui::OutputCommand::CopyImage(image) => Some(image),
        _ => None,
    });
    // No pointer over a chart: the page's first, GDP's card (480×270 points at 2×).
    assert_eq!(image.expect("an image on the clipboard").size, [960, 540]);
}

#[test]
fn the_open_dialog_is_injected_and_opens_what_it_answers() {
    let (_dir, path, _) = minimal_report_in_temp_dir();
    let mut app = app_on("headline");
    let asked = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let (count, answer) = (std::sync::Arc::clone(&asked), path.clone());
    app.dialogs.open_files = std::sync::Arc::new(move || {
        count.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        vec![answer.clone()]
    });
    let mut h = harness(app);
    h.get_by_label("打开…").click();
    settle(&mut h);
    assert_eq!(asked.load(std::sync::atomic::Ordering::Relaxed), 1);
    assert_eq!(h.state().report().title.zh, "测试报告");
    assert_eq!(h.state().settings.data_files, std::slice::from_ref(&path));
    assert!(
        h.query_by_label("垃圾处理").is_some(),
        "the new file's charts"
    );

    // A dialog that is cancelled changes nothing.
    h.state_mut().dialogs.open_files = std::sync::Arc::new(Vec::new);
    h.get_by_label("打开…").click();
    settle(&mut h);
    assert_eq!(h.state().report().title.zh, "测试报告");
}

#[test]
fn several_files_show_together_and_a_broken_one_keeps_its_last_good_state() {
    let dir = tempfile::tempdir().expect("tempdir");
    let multi = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/multi");
    let mut paths = Vec::new();
    for name in [
        "a-plan-2022.ron",
        "b-work-report-2023.ron",
        "c-bulletin-2022.ron",
    ] {
        let to = dir.path().join(name);
        std::fs::copy(multi.join(name), &to).expect("copy");
        paths.push(to);
    }
    // Dropped on the window together.
    let mut h = harness(app_on("headline"));
    h.input_mut().dropped_files = paths
        .iter()
        .map(|p| std::sync::Arc::new(support::Dropped(p.clone())) as egui::DroppedFileHandle)
        .collect();
    h.run_steps(3);
    settle(&mut h);
    assert_eq!(h.state().data.files.len(), 3);
    assert_eq!(h.state().report().point_count(), 4);
    assert!(
        h.query_by_label("地区生产总值总量").is_some(),
        "a chart of the files"
    );
    assert!(
        h.query_all_by_label("引文未核对：原文不在手边").count() == 3,
        "each file says its quotes were not verified"
    );

    // One file turns invalid: the others and its last good state stay; its problem is shown.
    let broken = &paths[2];
    let text = std::fs::read_to_string(broken).expect("read");
    std::fs::write(broken, text.replace("value: 475906000000.0", "value: NaN")).expect("write");
    h.state_mut().data.reload();
    h.run_steps(3);
    assert_eq!(
        h.state().report().point_count(),
        4,
        "the last good state of every file"
    );
    let error = h.state().data.error.clone().expect("an error");
    assert!(
        error[0].en.contains("c-bulletin-2022.ron:30:56:") && error[0].zh.contains("NaN"),
        "{error:?}"
    );
    // Mended, it reloads.
    std::fs::write(broken, text).expect("write");
    h.state_mut().data.reload();
    h.run_steps(3);
    assert!(h.state().data.error.is_none());
}

#[test]
fn saving_as_svg_follows_the_file_name_and_export_all_the_chosen_format() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = app_on("headline");
    let (d, f) = (dir.path().to_owned(), dir.path().join("chosen.svg"));
    app.dialogs.folder = std::sync::Arc::new(move || Some(d.clone()));
    app.dialogs.save_path = std::sync::Arc::new(move |_| Some(f.clone()));
    let mut h = harness(app);
    h.get_all_by_label("保存图片")
        .last()
        .expect("the chart's save button")
        .click();
    settle(&mut h);
    let svg = std::fs::read_to_string(dir.path().join("chosen.svg")).expect("an SVG was written");
    assert!(svg.starts_with("<svg ") && svg.contains("<text "));
    // Export-all in the format chosen in the side panel.
    h.get_by_label("SVG").click();
    h.run_steps(1);
    h.get_by_label("导出全部图表…").click();
    settle(&mut h);
    let report = planboard::model::load_default().expect("default");
    for chart in &report.charts {
        assert!(
            dir.path().join(format!("{}.svg", chart.id)).is_file(),
            "{}",
            chart.id
        );
    }
}

#[test]
fn without_a_dialog_helper_saving_says_why_and_what_to_do_instead() {
    let mut app = app_on("headline");
    app.dialogs.available = false;
    let mut h = harness(app);
    h.get_all_by_label("保存图片")
        .last()
        .expect("the chart's save button")
        .click();
    h.run_steps(2);
    let notice = h
        .state()
        .notices
        .iter()
        .find(|n| n.error)
        .expect("a notice");
    assert!(notice.text.contains("zenity"), "{}", notice.text);
    assert!(
        notice.text.contains("planboard export --out"),
        "{}",
        notice.text
    );
    assert!(!h.state().dialog_open());
    // Ctrl+S and export-all say the same.
    h.state_mut().notices.clear();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run_steps(2);
    assert!(h.state().notices.iter().any(|n| n.text.contains("zenity")));
    h.state_mut().notices.clear();
    h.get_by_label("导出全部图表…").click();
    h.run_steps(2);
    assert!(h.state().notices.iter().any(|n| n.text.contains("zenity")));
}
