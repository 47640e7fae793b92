//! A chart as an image: the same egui/egui_plot code that draws it in the window, run in an
//! offscreen `egui::Context` at the requested size and scale, tessellated and rasterized on the CPU.
//!
//! Every image is drawn in a fresh context, so the same chart with the same options gives the same
//! bytes whether it is saved from the window or exported from the command line, alone or in a batch.

use std::collections::BTreeSet;

use egui::{Color32, ColorImage, RichText, Vec2, ViewportId};

use crate::charts;
use crate::draw::{self, Mode, Theme};
use crate::export::raster::{Canvas, Textures};
use crate::model::{Chart, Lang, Report};

/// How an image is made.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ImageOptions {
    /// Pixels per point, one of [`super::IMAGE_SCALES`], like ECharts' `pixelRatio`.
    pub scale: f32,
    pub lang: Lang,
    pub theme: Theme,
    /// Size in points; the image is `size × scale` pixels.
    pub size: Vec2,
    /// PNG or SVG.
    pub format: super::ImageFormat,
}

impl Default for ImageOptions {
    fn default() -> Self {
        Self {
            scale: 2.0,
            lang: Lang::Zh,
            theme: Theme::Light,
            size: Vec2::new(900.0, 500.0),
            format: super::ImageFormat::Png,
        }
    }
}

impl ImageOptions {
    pub fn pixel_size(&self) -> [usize; 2] {
        [
            (self.size.x * self.scale).round() as usize,
            (self.size.y * self.scale).round() as usize,
        ]
    }
}

/// The footnote naming the documents the drawn figures come from, and the data file.
pub fn footnote(spec: &charts::ChartSpec, data_name: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "来源：{} · 数据：{data_name} · planboard",
            spec.sources.join("；")
        ),
        Lang::En => format!(
            "Source: {} · Data: {data_name} · planboard",
            spec.sources.join("; ")
        ),
    }
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

/// One chart drawn offscreen: what egui painted, before tessellation, with what it needs.
pub struct Drawn {
    pub ctx: egui::Context,
    pub output: egui::FullOutput,
    /// The image's background (the panel fill of the theme).
    pub background: Color32,
    pub textures: Textures,
    /// The image's size in points.
    pub size: Vec2,
}

/// Draw one chart in a fresh offscreen context: two passes, so text and axes are laid out before
/// the second draws with the sizes settled.
pub fn draw_offscreen(
    report: &Report,
    chart: &Chart,
    hidden: &BTreeSet<String>,
    data_name: &str,
    opts: &ImageOptions,
) -> Drawn {
    let spec = charts::build(report, chart, opts.lang, hidden);
    let note = footnote(&spec, data_name, opts.lang);
    let size = image_size(&spec, opts);
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
            image_ui(ui, &spec, &note);
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
    }
}

/// A card is smaller than a chart: half the width, the same proportions.
pub const CARD_SIZE: Vec2 = Vec2::new(480.0, 270.0);

/// The size in points of a chart's image: the options' size, or a card's.
pub fn image_size(spec: &charts::ChartSpec, opts: &ImageOptions) -> Vec2 {
    if spec.card().is_some() {
        CARD_SIZE
    } else {
        opts.size
    }
}

/// Draw one chart offscreen and rasterize it.
pub fn chart_image(
    report: &Report,
    chart: &Chart,
    hidden: &BTreeSet<String>,
    data_name: &str,
    opts: &ImageOptions,
) -> ColorImage {
    let drawn = draw_offscreen(report, chart, hidden, data_name, opts);
    let primitives = drawn
        .ctx
        .tessellate(drawn.output.shapes, drawn.output.pixels_per_point);
    let w = (drawn.size.x * opts.scale).round() as usize;
    let h = (drawn.size.y * opts.scale).round() as usize;
    let mut canvas = Canvas::new(w, h, drawn.background);
    canvas.paint(&primitives, &drawn.textures, drawn.output.pixels_per_point);
    canvas.into_color_image()
}

/// What an image holds: title, unit and key, the plot, and the footnote citing the sources (in
/// the text colour, small but dark enough to read in print).
pub fn image_ui(ui: &mut egui::Ui, spec: &charts::ChartSpec, note: &str) {
    let frame = egui::Frame::new()
        .fill(ui.visuals().panel_fill)
        .inner_margin(16.0);
    frame.show(ui, |ui| {
        let full = ui.available_size();
        ui.set_min_size(full);
        if let Some(card) = spec.card() {
            // One figure: a card, with the sentence it comes from, not a one-bar chart.
            ui.label(RichText::new(&spec.title).size(16.0).strong());
            ui.add_space(6.0);
            draw::card_body_ui(ui, card);
            ui.add_space(6.0);
            draw::card_quote_ui(ui, card);
            ui.add_space(6.0);
            ui.label(RichText::new(note).small().color(ui.visuals().text_color()));
            return;
        }
        draw::header_ui(ui, spec);
        ui.add_space(4.0);
        let color = ui.visuals().text_color();
        let note_font = egui::TextStyle::Small.resolve(ui.style());
        let note_galley = ui
            .ctx()
            .fonts_mut(|f| f.layout(note.to_owned(), note_font, color, full.x));
        let plot = Vec2::new(
            full.x,
            (ui.available_height() - note_galley.size().y - 8.0).max(80.0),
        );
        let _ = draw::plot_ui(ui, spec, plot, Mode::Image);
        ui.add_space(4.0);
        ui.label(RichText::new(note).small().color(color));
    });
}

/// The chart as a file in the format `opts` asks for: PNG or SVG.
pub fn chart_file(
    report: &Report,
    chart: &Chart,
    hidden: &BTreeSet<String>,
    data_name: &str,
    opts: &ImageOptions,
) -> Result<Vec<u8>, super::ExportError> {
    match opts.format {
        super::ImageFormat::Png => chart_png(report, chart, hidden, data_name, opts),
        super::ImageFormat::Svg => super::svg::chart_svg(report, chart, hidden, data_name, opts),
    }
}

/// [`chart_image`] encoded as PNG.
pub fn chart_png(
    report: &Report,
    chart: &Chart,
    hidden: &BTreeSet<String>,
    data_name: &str,
    opts: &ImageOptions,
) -> Result<Vec<u8>, super::ExportError> {
    super::encode_png(&chart_image(report, chart, hidden, data_name, opts))
}
