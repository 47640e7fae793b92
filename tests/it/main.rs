//! planboard's integration tests, one crate: each file of this folder is a module, linked once
//! against planboard and egui instead of once a file (docs/testing.md has the measurement).
//! `support/` holds what the tests share: the one harness builder, `run()` of the binary, the
//! `DataPoint` builder, the generated data and the CPU renderer snapshots are drawn with.
//!
//! Two modules are opt-in, behind features, because they need what `cargo test` must not:
//! `raster_vs_wgpu` (a wgpu adapter) and `window` (a display); see their docs.

#![allow(clippy::unwrap_used, clippy::expect_used)]
// tests may stop at the first surprise
// A test reads top to bottom as the list of what it expects of one thing: split, it would read
// worse.
#![allow(clippy::too_many_lines)]

mod support;

mod broken_files;
mod cli;
mod data_file;
mod dataset;
mod draft;
mod draft_cli;
mod export;
mod fonts;
mod fuzz_regressions;
mod legible;
mod loading;
mod places;
mod provinces;
mod raster_vs_wgpu;
mod records;
mod review;
mod sheets;
mod svg;
mod timeseries;
mod ui;
mod window;
mod years;
mod zones;
