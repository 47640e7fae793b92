//! A chart as an image: the same egui/egui_plot code that draws it in the window, run in an
//! offscreen `egui::Context` at the requested size and scale, tessellated and rasterized on the CPU
//! ([`crate::raster`]).
//!
//! Every image is drawn in a fresh context, so the same request gives the same bytes whether it is
//! saved from the window or exported from the command line, alone or in a batch.

use std::collections::BTreeSet;
use std::path::Path;

use egui::{Color32, ColorImage, Vec2, ViewportId};

use super::offscreen::Drawn;
use super::{ExportError, ImageFormat};
use crate::charts;
use crate::draw::{self, Theme};
use crate::model::{Chart, Lang, Report};
use crate::raster::{Canvas, Textures};

/// How an image is made, whatever the chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ImageOptions {
    /// Pixels per point, one of [`super::IMAGE_SCALES`], like ECharts' `pixelRatio`.
    pub scale: f32,
    pub lang: Lang,
    pub theme: Theme,
    /// Size in points of a chart's image (a card's is [`draw::CARD_SIZE`]); the image is
    /// `size × scale` pixels.
    pub size: Vec2,
    /// PNG or SVG.
    pub format: ImageFormat,
}

impl Default for ImageOptions {
    fn default() -> Self {
        Self {
            scale: 2.0,
            lang: Lang::Zh,
            theme: Theme::Light,
            size: Vec2::new(900.0, 500.0),
            format: ImageFormat::Png,
        }
    }
}

/// One image to make: a chart of a report, the series switched off, how the footnote names the
/// data, and how the image is made. The window and `planboard export` both ask with one of these.
#[derive(Clone, Debug)]
pub struct ImageRequest<'a> {
    pub report: &'a Report,
    pub chart: &'a Chart,
    /// The toggle keys switched off (series ids, `ref:` reference lines).
    pub hidden: BTreeSet<String>,
    /// For a time chart: the window of time and the means shown (the whole record when default).
    pub view: crate::charts::time::TimeView,
    /// How the footnote names the data files: [`data_label`].
    pub data_label: String,
    pub options: ImageOptions,
}

/// How images name the data: the files' names alone (a full path would leak a person's folders),
/// the same from the window and the command line; the embedded default's name when there are none.
pub fn data_label(paths: &[std::path::PathBuf]) -> String {
    let names: Vec<String> = paths
        .iter()
        .filter_map(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .collect();
    if names.is_empty() {
        crate::model::DEFAULT_DATA
            .iter()
            .map(|(name, _)| name.rsplit('/').next().unwrap_or(name))
            .collect::<Vec<_>>()
            .join(", ")
    } else {
        names.join(", ")
    }
}

/// Draw one chart in a fresh offscreen context: two passes, so text and axes are laid out before
/// the second draws with the sizes settled.
pub fn draw_offscreen(request: &ImageRequest<'_>) -> Drawn {
    let opts = &request.options;
    let spec = charts::build_in(
        request.report,
        request.chart,
        opts.lang,
        &request.hidden,
        &request.view,
    );
    let note = draw::footnote(&spec, &request.data_label, opts.lang);
    let size = draw::image_size(&spec, opts.size);
    let ctx = egui::Context::default();
    draw::fonts::install(&ctx);
    opts.theme.apply(&ctx);
    ctx.all_styles_mut(|style| style.animation_time = 0.0);
    if opts.theme == Theme::Light {
        // A light image is white, so it sits on a white slide or page without a grey frame.
        ctx.style_mut_of(egui::Theme::Light, |style| {
            style.visuals.panel_fill = Color32::WHITE;
            style.visuals.extreme_bg_color = Color32::WHITE;
        });
    }
    let mut input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, size)),
        ..Default::default()
    };
    if let Some(viewport) = input.viewports.get_mut(&ViewportId::ROOT) {
        viewport.native_pixels_per_point = Some(opts.scale);
    }
    let mut textures = Textures::default();
    let mut background = Color32::WHITE;
    let mut run = || {
        let mut out = ctx.run_ui(input.clone(), |ui| {
            background = ui.visuals().panel_fill;
            draw::image_ui(ui, &spec, &note);
        });
        textures.apply(&mut out.textures_delta);
        out
    };
    let _ = run();
    let output = run();
    Drawn {
        ctx,
        output,
        background,
        textures,
        size,
        scale: opts.scale,
    }
}

/// The image's pixels (what the clipboard takes, whatever the format asked for).
pub fn image(request: &ImageRequest<'_>) -> ColorImage {
    let drawn = draw_offscreen(request);
    let size = drawn.pixel_size();
    Canvas::render(
        &drawn.ctx,
        drawn.output.shapes,
        drawn.output.pixels_per_point,
        &drawn.textures,
        size,
        drawn.background,
    )
    .into_color_image()
}

/// The image as a file's bytes, in the format the request asks for: PNG or SVG.
pub fn bytes(request: &ImageRequest<'_>) -> Result<Vec<u8>, ExportError> {
    match request.options.format {
        ImageFormat::Png => super::encode_png(&image(request)),
        ImageFormat::Svg => super::svg::to_svg(&draw_offscreen(request)),
    }
}

/// The image written to `path`, atomically: on failure nothing is left and an existing file is kept.
pub fn write(request: &ImageRequest<'_>, path: &Path) -> Result<(), ExportError> {
    let bytes = bytes(request)?;
    crate::files::write_atomic(path, &bytes)?;
    Ok(())
}
