//! Test helpers shared by the integration tests.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

use egui::{Color32, TexturesDelta};
use egui_kittest::Harness;
use planboard::draw::fonts;
use planboard::raster::{Canvas, Textures};
use planboard::ui::PlanboardApp;

/// The planboard binary cargo built for these tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_planboard");

/// The window on `app`, `size` points large, with the bundled fonts, drawn by planboard's CPU
/// rasterizer and settled after four frames: the one harness builder of the window's tests.
pub fn harness(app: PlanboardApp, size: [f32; 2]) -> Harness<'static, PlanboardApp> {
    let mut h = Harness::builder()
        .with_size(size)
        .with_context_setup(fonts::install)
        .renderer(CpuRenderer::default())
        .build_ui_state(|ui, app: &mut PlanboardApp| app.ui(ui), app);
    h.run_steps(4);
    h
}

/// The binary run with `args` as a person runs it: its exit code, its output and its errors.
pub fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(BIN)
        .args(args)
        .output()
        .expect("run planboard");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// egui_kittest's renderer, done by planboard's CPU rasterizer: snapshots render the same on every
/// machine, with or without a GPU driver.
#[derive(Default)]
pub struct CpuRenderer {
    textures: Textures,
}

impl egui_kittest::TestRenderer for CpuRenderer {
    fn handle_delta(&mut self, delta: &mut TexturesDelta) {
        self.textures.apply(delta);
    }

    fn render(
        &mut self,
        ctx: &egui::Context,
        output: &egui::FullOutput,
    ) -> Result<image::RgbaImage, String> {
        let ppp = ctx.pixels_per_point();
        let size = ctx.content_rect().size() * ppp;
        let (w, h) = (size.x.round() as usize, size.y.round() as usize);
        let canvas = Canvas::render(
            ctx,
            output.shapes.clone(),
            ppp,
            &self.textures,
            [w, h],
            Color32::TRANSPARENT,
        );
        // Like a GPU readback: the framebuffer's premultiplied bytes as they are.
        let bytes: Vec<u8> = canvas
            .pixels
            .iter()
            .flat_map(egui::Color32::to_array)
            .collect();
        image::RgbaImage::from_raw(w as u32, h as u32, bytes)
            .ok_or_else(|| "bad image size".to_owned())
    }
}

/// Mean absolute difference per channel (0–255) and the share of pixels whose channels all
/// differ by at most `levels`.
pub fn compare(a: &image::RgbaImage, b: &image::RgbaImage, levels: u8) -> (f64, f64) {
    assert_eq!(a.dimensions(), b.dimensions());
    let mut sum = 0u64;
    let mut close = 0u64;
    for (p, q) in a.pixels().zip(b.pixels()) {
        let mut worst = 0u8;
        for c in 0..4 {
            let d = p.0[c].abs_diff(q.0[c]);
            sum += u64::from(d);
            worst = worst.max(d);
        }
        if worst <= levels {
            close += 1;
        }
    }
    let n = u64::from(a.width()) * u64::from(a.height());
    (sum as f64 / (n * 4) as f64, close as f64 / n as f64)
}

/// A file dropped on the window, as the native integration hands it over.
#[derive(Debug)]
pub struct Dropped(pub std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

pub mod generated;
pub mod places;
