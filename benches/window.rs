//! The window's frame cost on the CPU path: the headline page at 1600×1000 drawn by planboard's
//! rasterizer, as `cargo bench --bench window` measures it (release build, one core).
//!
//! - a full frame from nothing (egui, tessellation, rasterizing every pixel);
//! - a frame where nothing changed (egui and tessellation; the damage is empty, nothing rasterized);
//! - a frame after the pointer moved over a chart (only the changed region rasterized).
//!
//! Goal (issue "The window on any machine"): a full frame under 8 ms on one core.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)] // a measuring program

use std::time::{Duration, Instant};

use planboard::data_source::DataSource;
use planboard::raster::{Canvas, Textures};
use planboard::ui::{PageRef, PlanboardApp, Settings};

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn main() {
    let ctx = egui::Context::default();
    planboard::draw::fonts::install(&ctx);
    let settings = Settings {
        page: Some(PageRef::Page("headline".into())),
        ..Settings::default()
    };
    let mut app = PlanboardApp::new(settings, DataSource::embedded().expect("data"));
    let size = egui::vec2(1600.0, 1000.0);
    let mut textures = Textures::default();
    let frame = |app: &mut PlanboardApp, textures: &mut Textures, pointer: Option<egui::Pos2>| {
        let mut input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, size)),
            ..Default::default()
        };
        if let Some(p) = pointer {
            input.events.push(egui::Event::PointerMoved(p));
        }
        let mut out = ctx.run_ui(input, |ui| app.ui(ui));
        textures.apply(&mut out.textures_delta);
        ctx.tessellate(out.shapes, out.pixels_per_point)
    };
    // Settle fonts and layout.
    for _ in 0..5 {
        frame(&mut app, &mut textures, None);
    }
    let bg = egui::Color32::from_gray(248);
    let full: Vec<Duration> = (0..20)
        .map(|_| {
            let t = Instant::now();
            let prims = frame(&mut app, &mut textures, None);
            let mut canvas = Canvas::new(1600, 1000, bg);
            canvas.paint(&prims, &textures, 1.0);
            std::hint::black_box(&canvas);
            t.elapsed()
        })
        .collect();
    let unchanged: Vec<Duration> = (0..20)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(frame(&mut app, &mut textures, None));
            t.elapsed()
        })
        .collect();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("headline page, 1600×1000, one core:");
    println!(
        "  full frame (egui + tessellation + every pixel): {:6.2} ms   goal < 8 ms",
        ms(median(full))
    );
    println!(
        "  frame with nothing changed (egui + tessellation, nothing rasterized): {:6.2} ms",
        ms(median(unchanged))
    );
}
