//! The bundled Chinese font, so no machine shows boxes for 汉字.

use egui::{FontData, FontDefinitions, FontFamily};

/// Noto Sans CJK SC, cut to GB 2312 and every character of the data and the UI
/// (`assets/fonts/make_subset.py`). OFL 1.1, see `assets/fonts/OFL.txt`.
pub const CJK_FONT: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-planboard.otf");

const CJK_NAME: &str = "NotoSansSC-planboard";

/// egui's default fonts, with the CJK font as a fallback for proportional and monospace text.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        CJK_NAME.to_owned(),
        std::sync::Arc::new(FontData::from_static(CJK_FONT)),
    );
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push(CJK_NAME.to_owned());
    }
    fonts
}

/// Install [`definitions`] in a context.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}
