//! The window while it loads a large file: data is read, validated and checked on its own thread,
//! so the window keeps drawing, says what it is loading, and keeps the last good data meanwhile.

use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use planboard::data_source::DataSource;
use planboard::ui::{PageRef, PlanboardApp, Settings};

use crate::support;

fn harness() -> Harness<'static, PlanboardApp> {
    let settings = Settings {
        page: Some(PageRef::Page("headline".to_owned())),
        ..Settings::default()
    };
    let app = PlanboardApp::new(settings, DataSource::embedded().expect("default data"));
    support::harness(app, [1400.0, 900.0])
}

/// A large file dropped on the window loads on its own thread: the window keeps drawing frames,
/// each quickly, says what it is loading, keeps the data it had meanwhile, then shows the new data.
#[test]
fn a_large_file_loads_while_the_window_keeps_drawing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("large.ron");
    // About 8 MB: long enough to load that the window must not wait for it.
    let generated = support::generated::report(20_000, 1, support::generated::Flaw::None);
    std::fs::write(&path, &generated.text).expect("write");
    let mut h = harness();
    let before = h.state().report().title.zh.clone();
    h.input_mut().dropped_files = vec![std::sync::Arc::new(support::Dropped(path.clone())) as _];

    let deadline = Instant::now() + Duration::from_mins(2);
    let (mut frames_while_loading, mut slowest) = (0, Duration::ZERO);
    let mut told = false;
    loop {
        let start = Instant::now();
        h.step();
        slowest = slowest.max(start.elapsed());
        if h.state().loading().is_none() {
            break;
        }
        frames_while_loading += 1;
        told |= h.query_by_label("正在载入 large.ron …").is_some();
        assert_eq!(
            h.state().report().title.zh,
            before,
            "the data on screen stays while the new one loads"
        );
        assert!(Instant::now() < deadline, "loading never ended");
        std::thread::sleep(Duration::from_millis(10));
    }
    h.run_steps(2);
    assert!(frames_while_loading > 0, "frames were drawn while loading");
    assert!(told, "the window said what it was loading");
    // A frame waits for a load at most `data_source::PATIENCE`; the rest of it is drawing.
    assert!(slowest < Duration::from_secs(2), "{slowest:?}");
    assert_eq!(h.state().report().title.zh, "生成的报告");
    assert_eq!(h.state().report().point_count(), 20_000);
    assert!(
        h.query_by_label("生成的图表").is_some(),
        "the new data's chart"
    );
    assert!(h.state().data.error.is_none());
    assert_eq!(h.state().settings.data_files, vec![path]);
}

/// A watched large file that changes is read again on its own thread: `poll`, called every frame,
/// returns at once while the reload runs, the last good data stays meanwhile, and the new data
/// comes in a later call.
#[test]
fn a_watched_large_file_reloads_without_holding_the_frame() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("large.ron");
    let generated = support::generated::report(20_000, 1, support::generated::Flaw::None);
    std::fs::write(&path, &generated.text).expect("write");
    let ctx = egui::Context::default();
    let mut data = DataSource::open(std::slice::from_ref(&path), Some(&ctx)).expect("valid");
    assert!(data.is_watched());
    let changed = generated.text.replace("生成的报告", "改过的报告");
    std::fs::write(&path, changed).expect("rewrite");

    let deadline = Instant::now() + Duration::from_mins(2);
    let (mut slowest, mut seen_loading) = (Duration::ZERO, false);
    while data.report.title.zh != "改过的报告" {
        assert!(Instant::now() < deadline, "never reloaded");
        let start = Instant::now();
        data.poll().expect("watched");
        slowest = slowest.max(start.elapsed());
        if data.reloading().is_some() {
            seen_loading = true;
            assert_eq!(
                data.report.title.zh, "生成的报告",
                "the last good data stays"
            );
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(seen_loading, "the reload ran on its own thread");
    assert!(slowest < Duration::from_secs(1), "{slowest:?}");
    assert!(data.error.is_none());
}

/// A dropped file with 10,000 problems: the data on screen stays, and the notice names the first
/// problems and counts the rest, so it does not cost every frame thousands of lines.
#[test]
fn a_file_with_thousands_of_problems_is_told_in_a_short_notice() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bad.ron");
    let flaw = support::generated::Flaw::YearOutOfRange;
    std::fs::write(&path, support::generated::report(10_000, 1, flaw).text).expect("write");
    let mut h = harness();
    let before = h.state().report().title.zh.clone();
    h.input_mut().dropped_files = vec![std::sync::Arc::new(support::Dropped(path)) as _];
    let deadline = Instant::now() + Duration::from_mins(2);
    h.step();
    while h.state().loading().is_some() {
        assert!(Instant::now() < deadline, "loading never ended");
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
    assert_eq!(h.state().report().title.zh, before);
    let [notice] = h.state().notices.as_slice() else {
        panic!("one notice: {:?}", h.state().notices);
    };
    assert!(notice.error);
    assert!(notice.text.lines().count() <= 22, "{}", notice.text);
    assert!(
        notice.text.contains("outside the report's years")
            || notice.text.contains("超出报告的年份范围")
    );
    assert!(notice.text.contains("9980"), "{}", notice.text);
}
