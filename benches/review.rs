//! The review page's frame cost with a large draft: 2,000 proposed figures in 1 MB of report text,
//! as `cargo bench --bench review` measures it (release build, one core).
//!
//! - opening the review (the figures placed in the text);
//! - a frame of the page (egui and tessellation, no rasterizing: what the window's CPU path
//!   spends before drawing the changed pixels);
//! - a frame in which a figure is accepted (the change reaches the charts: the files merged again).
//!
//! Goal (issue "Reviewing a draft in the window"): the page stays responsive — a frame well under
//! 16 ms.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)] // a measuring program

use std::time::{Duration, Instant};

use planboard::data_source::DataSource;
use planboard::draft::{self, Request};
use planboard::ui::{PageRef, PlanboardApp, Settings};

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn main() {
    // 1 MB of prose holding 2,000 distinct figures.
    let mut text = String::from("一、2022年主要指标完成情况\n");
    let mut n = 0;
    while text.len() < 1_000_000 {
        if n < 2000 {
            text.push_str(&format!(
                "第{n}号工作指标全年完成{}.{}亿元。",
                n + 1,
                n % 10
            ));
        }
        text.push_str("全区上下坚持稳中求进工作总基调，统筹推进各项工作，经济社会发展取得新成效。");
        n += 1;
        if n % 20 == 0 {
            text.push('\n');
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("big.txt");
    std::fs::write(&report, &text).unwrap();
    let decoded = draft::input::read(text.as_bytes(), "big.txt").unwrap();
    let req = Request {
        name: "big.txt",
        text_path: Some(report.display().to_string()),
        ..Request::default()
    };
    let drafted = draft::draft(&decoded, &req).unwrap();
    let path = dir.path().join("big.ron");
    std::fs::write(&path, &drafted.ron).unwrap();
    let figures = drafted.report.point_count();

    let data = DataSource::open(&[path], None).unwrap();
    let settings = Settings {
        page: Some(PageRef::Review),
        ..Settings::default()
    };
    let mut app = PlanboardApp::new(settings, data);
    let ctx = egui::Context::default();
    planboard::draw::fonts::install(&ctx);
    let size = egui::vec2(1600.0, 1000.0);
    let frame = |app: &mut PlanboardApp, key: Option<egui::Key>| {
        let mut input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, size)),
            ..Default::default()
        };
        if let Some(key) = key {
            input.events.push(egui::Event::Key {
                key,
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers: egui::Modifiers::NONE,
            });
        }
        let out = ctx.run_ui(input, |ui| app.ui(ui));
        std::hint::black_box(ctx.tessellate(out.shapes, out.pixels_per_point));
    };
    let t = Instant::now();
    frame(&mut app, None);
    let open = t.elapsed();
    for _ in 0..4 {
        frame(&mut app, None);
    }
    let idle: Vec<Duration> = (0..20)
        .map(|_| {
            let t = Instant::now();
            frame(&mut app, None);
            t.elapsed()
        })
        .collect();
    let accept: Vec<Duration> = (0..10)
        .map(|_| {
            let t = Instant::now();
            frame(&mut app, Some(egui::Key::A));
            t.elapsed()
        })
        .collect();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "review page, {figures} proposed figures in {:.2} MB of text, 1600×1000, one core:",
        text.len() as f64 / 1e6
    );
    println!(
        "  first frame (the review opened, figures placed in the text): {:7.1} ms",
        ms(open)
    );
    println!(
        "  a frame (egui + tessellation):                               {:7.2} ms",
        ms(median(idle))
    );
    println!(
        "  a frame accepting a figure (charts merged again):            {:7.2} ms",
        ms(median(accept))
    );
}
