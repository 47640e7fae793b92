//! The review page driven by keyboard, as a person reviews a draft: accept, reject, undo, redo,
//! save, reopen; the charts follow; snapshots of the page in both languages at the smallest window.

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::Harness;

use planboard::data_source::DataSource;
use planboard::draft::{self, Request};
use planboard::model::{Lang, Report, ReviewState};
use planboard::review::Review;
use planboard::ui::{PageRef, PlanboardApp, Settings};

use crate::support;

const REPORT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/source/longgang-2022-plan-report.txt"
);

/// The shipped report drafted into `dir`, its source text named by its full path.
fn drafted_file(dir: &Path) -> PathBuf {
    let text = std::fs::read(REPORT).unwrap();
    let decoded = draft::input::read(&text, "longgang.txt").unwrap();
    let req = Request {
        name: "longgang.txt",
        text_path: Some(REPORT.to_owned()),
        ..Request::default()
    };
    let drafted = draft::draft(&decoded, &req).unwrap();
    let path = dir.join("longgang.ron");
    std::fs::write(&path, drafted.ron).unwrap();
    path
}

fn app(path: &Path, lang: Lang) -> PlanboardApp {
    let settings = Settings {
        page: Some(PageRef::Review),
        lang,
        ..Settings::default()
    };
    let mut data = DataSource::open(&[path.to_owned()], None).unwrap();
    "2026-01-01 08:00:00".clone_into(&mut data.loaded_at);
    PlanboardApp::new(settings, data)
}

/// The window on the review page of the file at `path`, rendered by the CPU rasterizer, settled.
fn harness(path: &Path, lang: Lang, size: [f32; 2]) -> Harness<'static, PlanboardApp> {
    support::harness(app(path, lang), size)
}

fn states(report: &Report) -> (usize, usize, usize) {
    let mut c = (0, 0, 0);
    for p in report.indicators.iter().flat_map(|i| &i.points) {
        match p.review.as_ref().map(|r| r.state) {
            Some(ReviewState::Proposed) => c.0 += 1,
            Some(ReviewState::Accepted) => c.1 += 1,
            Some(ReviewState::Rejected) => c.2 += 1,
            None => {}
        }
    }
    c
}

#[test]
fn a_review_by_keyboard_saved_and_resumed() {
    let dir = tempfile::tempdir().unwrap();
    let path = drafted_file(dir.path());
    let mut h = harness(&path, Lang::Zh, [1400.0, 900.0]);
    let session = h
        .state()
        .review
        .as_ref()
        .expect("the review page started a review");
    let total = session.review.items.len();
    assert!(total > 150, "{total} figures under review");
    // The text is at hand: the first figure stands where its quote is.
    assert!(session.review.items[0].at.is_some());

    // A accepts the first and moves on; R rejects the second.
    h.key_press(Key::A);
    h.run_steps(2);
    h.key_press(Key::R);
    h.run_steps(2);
    let report = &h.state().review.as_ref().unwrap().report;
    assert_eq!(states(report), (total - 2, 1, 1));
    // The rejected figure left the charts at once; the accepted one is still drawn.
    let rejected = {
        let s = h.state().review.as_ref().unwrap();
        let it = &s.review.items[1];
        (it.indicator, it.point)
    };
    let merged = h.state().data.report.clone();
    let file_report = &h.state().review.as_ref().unwrap().report;
    let ind = &file_report.indicators[rejected.0];
    let shown = merged.indicator(&ind.id).unwrap();
    assert!(
        shown
            .current_points(None)
            .all(|p| p.quote != ind.points[rejected.1].quote
                || p.value != ind.points[rejected.1].value),
        "a rejected figure is not drawn"
    );

    // Ctrl+Z undoes the rejection, Ctrl+Shift+Z redoes it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(
        states(&h.state().review.as_ref().unwrap().report),
        (total - 1, 1, 0)
    );
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run_steps(2);
    assert_eq!(
        states(&h.state().review.as_ref().unwrap().report),
        (total - 2, 1, 1)
    );
    assert!(h.state().review.as_ref().unwrap().review.unsaved);

    // Ctrl+S writes the file; it loads, and reopened the review resumes where it stopped.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    assert!(!h.state().review.as_ref().unwrap().review.unsaved);
    let reopened = DataSource::open(std::slice::from_ref(&path), None).unwrap();
    assert_eq!(states(&reopened.files[0].report), (total - 2, 1, 1));
    let again = Review::of(&reopened.files[0].report, None).unwrap();
    assert_eq!(
        again.items.len(),
        total,
        "rejected figures are kept in the file"
    );
    // `planboard check` tells a reviewed file from a draft.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_planboard"))
        .args(["check", &path.display().to_string()])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("1 accepted, 1 rejected"), "{stdout}");
    // Drafting the same text again with the reviewed file does not bring the rejected figure back.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_planboard"))
        .args(["draft", REPORT, "--with", &path.display().to_string()])
        .output()
        .unwrap();
    assert!(out.status.success());
    let redrafted = String::from_utf8_lossy(&out.stdout);
    let reviewed = std::fs::read_to_string(&path).unwrap();
    let proposals = |ron: &str| ron.matches("state: Proposed").count();
    assert_eq!(
        proposals(&redrafted),
        total - 1,
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(reviewed.contains("state: Rejected"));
}

#[test]
fn the_review_page_in_both_languages_at_the_smallest_window() {
    let dir = tempfile::tempdir().unwrap();
    let path = drafted_file(dir.path());
    let mut results = egui_kittest::SnapshotResults::new();
    for (lang, name) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let mut h = harness(&path, lang, [720.0, 480.0]);
        // Accept one, reject one, open the form on the third: every state and the form on screen.
        h.key_press(Key::A);
        h.run_steps(2);
        h.key_press(Key::R);
        h.run_steps(2);
        h.key_press(Key::E);
        h.run_steps(4);
        h.snapshot(format!("small/review_{name}"));
        results.extend_harness(&mut h);
    }
}

#[test]
fn a_figure_fixed_in_the_form_and_moved_to_a_new_indicator() {
    use egui::accesskit::Role;
    use egui_kittest::kittest::Queryable as _;
    let dir = tempfile::tempdir().unwrap();
    let path = drafted_file(dir.path());
    let mut h = harness(&path, Lang::Zh, [1400.0, 900.0]);
    let indicators = h.state().review.as_ref().unwrap().report.indicators.len();
    // E opens the form on the selected figure.
    h.key_press(Key::E);
    h.run_steps(2);
    h.get_by_role_and_label(Role::SpinButton, "年份")
        .set_value_accesskit(2021.0);
    h.run_steps(2);
    // The indicator: a new one, named in both languages.
    h.get_by_role_and_label(Role::ComboBox, "指标").click();
    h.run_steps(2);
    h.get_by_label("新建指标…").click();
    h.run_steps(2);
    for (field, text) in [
        ("中文", "年度主要经济指标分解"),
        ("English", "Targets split by sector"),
    ] {
        h.get_by_role_and_label(Role::TextInput, field).focus();
        h.run_steps(1);
        h.get_by_role_and_label(Role::TextInput, field)
            .type_text(text);
        h.run_steps(1);
    }
    h.get_by_label("应用修改").click();
    h.run_steps(3);
    let s = h.state().review.as_ref().unwrap();
    // (The figure was its indicator's only one: that indicator went, the new one came.)
    assert_eq!(s.report.indicators.len(), indicators);
    let p = s.review.point(&s.report, s.review.selected).unwrap();
    assert_eq!(p.year, 2021);
    assert_eq!(
        p.review.as_ref().map(|r| r.state),
        Some(ReviewState::Accepted)
    );
    let ind = &s.report.indicators[s.review.items[s.review.selected].indicator];
    assert_eq!(ind.name.zh, "年度主要经济指标分解");
    assert_eq!(ind.name.en, "Targets split by sector");
    // The charts have it, and Ctrl+Z twice takes both steps back.
    assert!(h.state().data.report.indicator(&ind.id.clone()).is_some());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    let s = h.state().review.as_ref().unwrap();
    assert_eq!(s.report.indicators.len(), indicators);
    assert_eq!(
        s.review.point(&s.report, s.review.selected).map(|p| p.year),
        Some(2023)
    );
}
