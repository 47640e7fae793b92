//! Images out of the app. One request value, [`ImageRequest`] (chart, hidden series, language,
//! theme, scale, format, data label), and one function an output: [`image`] (pixels, for the
//! clipboard), [`bytes`] (PNG or SVG), [`write`] (a file, atomically) and [`write_all`] (a batch on
//! every core, with progress).

mod batch;
mod file;
mod offscreen;
mod render;
mod svg;

pub use batch::{image_path, write_all};
pub use file::{ExportError, safe_file_name};
pub use offscreen::{Drawn, pixel_size};
pub use render::{ImageOptions, ImageRequest, bytes, data_label, draw_offscreen, image, write};

/// The image scales (pixels per point) people can choose: the window offers exactly these, saved
/// settings keep only these, and `planboard export --scale` accepts only these.
pub const IMAGE_SCALES: [f32; 4] = [1.0, 2.0, 3.0, 4.0];

/// The file formats of images: PNG pixels, or SVG shapes with text kept as text.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum ImageFormat {
    #[default]
    Png,
    Svg,
}

impl ImageFormat {
    pub const ALL: [Self; 2] = [Self::Png, Self::Svg];

    /// The file name extension, lower case: `png`, `svg`.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Png => "png",
            Self::Svg => "svg",
        }
    }

    /// "PNG" / "SVG".
    pub fn name(self) -> &'static str {
        match self {
            Self::Png => "PNG",
            Self::Svg => "SVG",
        }
    }

    /// The format a file name asks for by its extension, if it names one.
    pub fn from_path(path: &std::path::Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Self::ALL.into_iter().find(|f| f.extension() == ext)
    }
}

/// `1, 2, 3, 4`: the scales as a person types them, for messages.
pub fn image_scales_list() -> String {
    IMAGE_SCALES
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Encode RGBA pixels (egui's `ColorImage`, unmultiplied sRGB) as PNG.
pub fn encode_png(image: &egui::ColorImage) -> Result<Vec<u8>, ExportError> {
    let [w, h] = image.size;
    let mut out = Vec::with_capacity(w * h);
    {
        let mut enc = png::Encoder::new(
            &mut out,
            u32::try_from(w).map_err(|_| ExportError::TooLarge)?,
            u32::try_from(h).map_err(|_| ExportError::TooLarge)?,
        );
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        enc.set_compression(png::Compression::Fast);
        enc.set_source_srgb(png::SrgbRenderingIntent::Perceptual);
        let mut writer = enc.write_header().map_err(ExportError::Png)?;
        writer
            .write_image_data(image.as_raw())
            .map_err(ExportError::Png)?;
        writer.finish().map_err(ExportError::Png)?;
    }
    Ok(out)
}
