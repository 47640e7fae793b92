//! The window with the drafted work reports of the 31 provinces open, as `cargo bench --bench
//! places` measures it (release build, one core, planboard's CPU rasterizer at 1600×1000): the
//! generated drafts of `tests/it/support/places.rs`, 80 indicators each (320 figures a report, about
//! 10,000 in all, each proposed for review), the same indicators under the same ids.
//!
//! - the first frame: the 31 files read, validated and merged, and the page comparing the places
//!   drawn from nothing (egui, every chart's spec, tessellation, every pixel);
//! - a frame of that page with nothing changed, and one after the pointer moved over a chart;
//! - the same for a province's own page, the data table and the review page.
//!
//! Goal (issue 25): the first frame in under 1 s, a frame in under 16 ms.
//! `cargo bench --bench places -- 40` times reports of another number of indicators.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)] // a measuring program

#[path = "../tests/it/support/places.rs"]
mod places;

use std::time::{Duration, Instant};

use planboard::data_source::DataSource;
use planboard::model::load_dataset;
use planboard::raster::{Canvas, Textures};
use planboard::ui::{PageRef, PlanboardApp, Settings};

const SIZE: (usize, usize) = (1600, 1000);

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// One frame of `app` in `ctx`: egui, tessellation and, when `paint`, every pixel.
fn frame(
    ctx: &egui::Context,
    app: &mut PlanboardApp,
    textures: &mut Textures,
    pointer: Option<egui::Pos2>,
    paint: bool,
) {
    let size = egui::vec2(SIZE.0 as f32, SIZE.1 as f32);
    let mut input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, size)),
        ..Default::default()
    };
    if let Some(p) = pointer {
        input.events.push(egui::Event::PointerMoved(p));
    }
    let mut out = ctx.run_ui(input, |ui| app.ui(ui));
    textures.apply(&mut out.textures_delta);
    let prims = ctx.tessellate(out.shapes, out.pixels_per_point);
    if paint {
        let mut canvas = Canvas::new(SIZE.0, SIZE.1, egui::Color32::from_gray(248));
        canvas.paint(&prims, textures, 1.0);
        std::hint::black_box(&canvas);
    }
}

/// The window on `page` from the files at `paths`: the time to its first frame (files read and
/// merged included), then the median of a frame with nothing changed and of one with the
/// pointer moving.
fn measure(paths: &[std::path::PathBuf], page: PageRef) -> (Duration, Duration, Duration) {
    let ctx = egui::Context::default();
    planboard::draw::fonts::install(&ctx);
    let mut textures = Textures::default();
    let t = Instant::now();
    let dataset = load_dataset(paths).expect("the drafts open together with no problem");
    let data = DataSource::from_dataset(dataset, Vec::new(), None);
    let settings = Settings {
        page: Some(page),
        ..Settings::default()
    };
    let mut app = PlanboardApp::new(settings, data);
    frame(&ctx, &mut app, &mut textures, None, true);
    let first = t.elapsed();
    for _ in 0..3 {
        frame(&ctx, &mut app, &mut textures, None, false);
    }
    let unchanged = (0..20)
        .map(|_| {
            let t = Instant::now();
            frame(&ctx, &mut app, &mut textures, None, false);
            t.elapsed()
        })
        .collect();
    let moving = (0..20)
        .map(|i| {
            let at = egui::pos2(500.0 + 20.0 * i as f32, 300.0);
            let t = Instant::now();
            frame(&ctx, &mut app, &mut textures, Some(at), true);
            t.elapsed()
        })
        .collect();
    (first, median(unchanged), median(moving))
}

fn main() {
    let indicators: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(80);
    let dir = std::env::temp_dir().join(format!("planboard-bench-places-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a folder for the drafts");
    let paths = places::write_provinces(&dir, 31, indicators);
    let bytes: u64 = paths
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    println!(
        "31 drafted reports, {indicators} indicators ({} figures) each, {:.1} MB; 1600×1000, one core:",
        indicators * 4,
        bytes as f64 / 1e6
    );
    for (name, page) in [
        ("the places compared", PageRef::Page("compare".into())),
        ("a province's page", PageRef::Page("main_440000".into())),
        ("the data table", PageRef::Table),
        ("the review page", PageRef::Review),
    ] {
        let (first, unchanged, moving) = measure(&paths, page);
        println!(
            "  {name:<20} first frame (load, merge, draw every pixel) {:7.1} ms   goal < 1000 ms",
            ms(first)
        );
        println!(
            "  {:<20} a frame, nothing changed {:6.2} ms; the pointer moving (every pixel) {:6.2} ms   goal < 16 ms",
            "",
            ms(unchanged),
            ms(moving)
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
