//! planboard: charts from a government's annual development-plan report.
//!
//! Data flows one way: a RON file → [`model`] (validated report) → [`charts`] (what each chart
//! shows, computed without a window) → pixels, in the window ([`ui`]) or as images ([`export`]).

pub mod charts;
pub mod export;
pub mod format;
pub mod i18n;
pub mod model;
pub mod table;
pub mod ui;
