//! What an offscreen run of egui leaves: the painted output, its textures and size, from which the
//! PNG is rasterized (`render.rs`) and the SVG written (`svg.rs`). Its own module so that neither
//! of those two uses the other.

use egui::{Color32, Vec2};

use crate::raster::Textures;

/// The pixel size of an image of `size` points at `scale` pixels a point: the one rule, for PNG
/// and SVG alike.
pub fn pixel_size(size: Vec2, scale: f32) -> [usize; 2] {
    [
        (size.x * scale).round() as usize,
        (size.y * scale).round() as usize,
    ]
}

/// One chart drawn offscreen: what egui painted, before tessellation, with what it needs.
pub struct Drawn {
    pub ctx: egui::Context,
    pub output: egui::FullOutput,
    /// The image's background (the panel fill of the theme).
    pub background: Color32,
    pub textures: Textures,
    /// The image's size in points.
    pub size: Vec2,
    /// Pixels per point.
    pub scale: f32,
}

impl Drawn {
    /// The image's size in pixels.
    pub fn pixel_size(&self) -> [usize; 2] {
        pixel_size(self.size, self.scale)
    }
}
