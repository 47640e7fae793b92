//! The real window on the CPU path against the same page rendered by egui_kittest with the
//! project's renderer: the same pixels, within a measured bound.
//!
//! Opt-in, because it needs a display (X11 or Wayland) that `cargo test` must not need:
//! `xvfb-run -a cargo test --features window-tests --test it window::`. Asked for without a display, it
//! fails.
#![cfg(feature = "window-tests")]

use planboard::data_source::DataSource;
use planboard::ui::{PageRef, PlanboardApp, Settings};

use crate::support;

#[test]
fn the_cpu_window_draws_what_the_test_renderer_draws() {
    assert!(
        std::env::var_os("DISPLAY").is_some() || std::env::var_os("WAYLAND_DISPLAY").is_some(),
        "the window test was asked for (--features window-tests) but there is no display; run it under xvfb-run"
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let shot = dir.path().join("window.png");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_planboard"))
        .args(["--renderer", "cpu", "--page", "headline", "--screenshot"])
        .arg(&shot)
        .output()
        .expect("run planboard");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let window = image::open(&shot).expect("a PNG").to_rgba8();

    let settings = Settings {
        page: Some(PageRef::Page("headline".into())),
        ..Settings::default()
    };
    let mut data = DataSource::embedded().expect("data");
    data.loaded_at = String::new();
    let app = PlanboardApp::new(settings, data);
    // egui_kittest puts an 8-point margin around the UI: a harness 16 points larger holds the
    // window's exact area, cut out below.
    let mut h = support::harness(
        app,
        [window.width() as f32 + 16.0, window.height() as f32 + 16.0],
    );
    h.run_steps(2);
    let test = image::imageops::crop_imm(
        &h.render().expect("render"),
        8,
        8,
        window.width(),
        window.height(),
    )
    .to_image();
    assert_eq!(
        (test.width(), test.height()),
        (window.width(), window.height())
    );
    if let Ok(dir) = std::env::var("PLANBOARD_WINDOW_OUT") {
        window.save(format!("{dir}/window.png")).expect("save");
        test.save(format!("{dir}/test.png")).expect("save");
    }
    let (mean, within) = support::compare(&window, &test, 3);
    eprintln!(
        "window vs test renderer: mean |Δ| = {mean:.3} levels a channel, {:.2}% of pixels within 3 levels",
        within * 100.0
    );
    // Measured: a mean of 0.10 levels a channel and 99.69% of pixels within 3 levels; the only
    // differences are the load time in the side panel and the notice saying the window is drawn
    // on the CPU.
    assert!(mean <= 0.5, "mean difference {mean:.3} levels a channel");
    assert!(
        within >= 0.99,
        "only {:.2}% of pixels within 3 levels",
        within * 100.0
    );
}
