//! The CPU rasterizer against egui-wgpu (Mesa's llvmpipe here): the same charts, the same egui
//! output, two renderers. Bounds measured, then set: see the assertion messages.
//!
//! Opt-in, because it needs a GPU driver (or Mesa's software one) that `cargo test` must not need:
//! `cargo test --features wgpu-compare --test it raster_vs_wgpu::`. Asked for without an adapter, it fails.
#![cfg(feature = "wgpu-compare")]

use std::collections::BTreeSet;

use egui_kittest::Harness;
use planboard::charts;
use planboard::draw::{footnote, image_ui};
use planboard::model::{Lang, load_default};

use crate::support;

fn harness_for(chart_id: &str, cpu: bool) -> Harness<'static, ()> {
    let report = load_default().expect("default report");
    let chart = report.chart(chart_id).expect("chart").clone();
    let spec = charts::build(&report, &chart, Lang::Zh, &BTreeSet::new());
    let note = footnote(&spec, "longgang-2022-2023.ron", Lang::Zh);
    let builder = Harness::builder()
        .with_size([900.0, 500.0])
        .with_pixels_per_point(2.0)
        .with_context_setup(planboard::draw::fonts::install);
    let builder = if cpu {
        builder.renderer(support::CpuRenderer::default())
    } else {
        builder.wgpu()
    };
    let mut h = builder.build_ui_state(
        move |ui, ()| {
            egui::CentralPanel::default().show(ui, |ui| image_ui(ui, &spec, &note));
        },
        (),
    );
    h.run_steps(3);
    h
}

#[test]
fn cpu_and_wgpu_agree() {
    for chart in ["headline", "pm25", "waste_rates", "school_places"] {
        // Needs a wgpu adapter: Mesa's llvmpipe/lavapipe (`.ci/run` installs mesa-vulkan-drivers).
        let wgpu = harness_for(chart, false).render().unwrap_or_else(|err| {
            panic!(
                "the wgpu comparison was asked for (--features wgpu-compare) but wgpu cannot render: {err}; install a Vulkan or GL driver (Debian: mesa-vulkan-drivers) or leave the feature off"
            )
        });
        let cpu = harness_for(chart, true).render().expect("cpu render");
        let (mean, within) = support::compare(&cpu, &wgpu, 3);
        eprintln!(
            "{chart}: mean |Δ| = {mean:.4} levels/channel, {:.3}% of pixels within 3 levels",
            within * 100.0
        );
        // Measured on llvmpipe: a mean of 0.002–0.005 levels a channel and every pixel within 3
        // levels (the differences are rounding at glyph and shape edges).
        assert!(
            mean <= 0.05,
            "{chart}: mean difference {mean:.4} levels a channel, expected ≤ 0.05"
        );
        assert!(
            within >= 0.9999,
            "{chart}: only {:.4}% of pixels within 3 levels",
            within * 100.0
        );
    }
}
