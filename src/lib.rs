//! planboard: charts from a government's annual development-plan report.
//!
//! Data flows one way: a RON file → [`model`] (validated report) → [`charts`] (what each chart
//! shows, computed without a window) → [`draw`] (egui shapes) → the window ([`ui`]) or images
//! ([`export`], through [`raster`]); files are read and watched for the window by [`data_source`],
//! and a draft is reviewed by [`review`]. Nothing below `ui` imports it; `charts` and `model` know
//! nothing of egui: the modules that draw are behind the `gui` feature (on by default), so
//! `cargo check --lib --no-default-features` proves the rest never reaches for it.
//! ARCHITECTURE.md has the layers and which may import which.

pub mod charts;
pub mod data_source;
pub mod draft;
#[cfg(feature = "gui")]
pub mod draw;
#[cfg(feature = "gui")]
pub mod export;
pub mod files;
pub mod format;
pub mod i18n;
pub mod model;
#[cfg(feature = "gui")]
pub mod raster;
pub mod record_draft;
pub mod review;
pub mod table;
#[cfg(feature = "gui")]
pub mod ui;
