//! A chart as SVG: the shapes of the same offscreen egui run as the PNG, written as SVG shapes
//! (rectangles, lines, paths, circles) and text as `<text>` (selectable and searchable), with the
//! fonts the image uses cut to its glyphs and embedded, so the file looks the same on a machine
//! without them.
//!
//! Text keeps egui's layout: each run of a row is placed at its baseline and given `textLength`,
//! the width egui laid it out to, so every viewer keeps the positions. Characters are assigned to
//! fonts the way egui's fallback chain does, and the SVG lists the embedded fonts in that order.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use egui::epaint::{ClippedShape, ColorMode, TextShape};
use egui::{Color32, FontFamily, Pos2, Rect};

use super::ExportError;
use super::offscreen::Drawn;

mod shapes;
use shapes::write_shape;

/// The shapes of an offscreen run as an SVG document: its width and height are the PNG's pixels,
/// its view box in points.
pub(super) fn to_svg(drawn: &Drawn) -> Result<Vec<u8>, ExportError> {
    let size = drawn.size;
    let [w, h] = drawn.pixel_size();
    let fonts = Fonts::new();
    let mut body = String::new();
    let mut used: BTreeMap<usize, BTreeSet<char>> = BTreeMap::new();
    let mut clips: Vec<Rect> = Vec::new();
    let full = Rect::from_min_size(Pos2::ZERO, size);
    let mut open_clip: Option<usize> = None;
    for ClippedShape {
        clip_rect,
        shape,
        transform_after_tessellation: transform,
    } in &drawn.output.shapes
    {
        // Consecutive shapes with one clip share a group; a clip that holds the image needs none.
        let clip = if clip_rect.contains_rect(full) {
            None
        } else {
            Some(if let Some(i) = clips.iter().position(|c| c == clip_rect) {
                i
            } else {
                clips.push(*clip_rect);
                clips.len() - 1
            })
        };
        if clip != open_clip {
            if open_clip.is_some() {
                body.push_str("</g>\n");
            }
            if let Some(i) = clip {
                let _ = writeln!(body, "<g clip-path=\"url(#c{i})\">");
            }
            open_clip = clip;
        }
        let moved = *transform != egui::emath::TSTransform::IDENTITY;
        if moved {
            let _ = writeln!(
                body,
                "<g transform=\"translate({} {}) scale({})\">",
                num(transform.translation.x),
                num(transform.translation.y),
                num(transform.scaling)
            );
        }
        write_shape(&mut body, shape, &fonts, &mut used);
        if moved {
            body.push_str("</g>\n");
        }
    }
    if open_clip.is_some() {
        body.push_str("</g>\n");
    }

    let mut out = String::with_capacity(body.len() + 64 * 1024);
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {} {}\">",
        num(size.x),
        num(size.y)
    );
    out.push_str("<defs>\n<style>\n");
    for (&font, chars) in &used {
        let data = fonts.subset(font, chars)?;
        let _ = writeln!(
            out,
            "@font-face {{ font-family: \"{}\"; src: url(\"data:{};base64,{}\") format(\"{}\"); }}",
            fonts.css_name(font),
            fonts.mime(font),
            base64(&data),
            fonts.format(font)
        );
    }
    out.push_str("text { white-space: pre; }\n</style>\n");
    for (i, c) in clips.iter().enumerate() {
        let _ = writeln!(
            out,
            "<clipPath id=\"c{i}\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/></clipPath>",
            num(c.min.x),
            num(c.min.y),
            num(c.width()),
            num(c.height())
        );
    }
    out.push_str("</defs>\n");
    let _ = writeln!(
        out,
        "<rect width=\"100%\" height=\"100%\" fill=\"{}\"/>",
        hex(drawn.background)
    );
    out.push_str(&body);
    out.push_str("</svg>\n");
    Ok(out.into_bytes())
}

/// Each row of a galley, cut into runs of one font and one colour, as `<text>` at its baseline
/// with the width egui gave it.
fn write_text(
    out: &mut String,
    text: &TextShape,
    fonts: &Fonts,
    used: &mut BTreeMap<usize, BTreeSet<char>>,
) {
    let galley = &text.galley;
    let job = &galley.job;
    // Glyphs follow the job's characters, line breaks aside: that gives each glyph its section.
    let mut sections = job
        .text
        .char_indices()
        .filter(|(_, c)| *c != '\n')
        .map(|(i, _)| {
            job.sections
                .iter()
                .position(|s| s.byte_range.contains(&egui::epaint::text::ByteIndex(i)))
                .unwrap_or(0)
        });
    let rotate = (text.angle != 0.0).then(|| text.angle.to_degrees());
    for placed in &galley.rows {
        let mut runs: Vec<(usize, Vec<&egui::epaint::text::Glyph>)> = Vec::new();
        for glyph in &placed.row.glyphs {
            let section = sections.next().unwrap_or(0);
            match runs.last_mut() {
                Some((s, glyphs)) if *s == section => glyphs.push(glyph),
                _ => runs.push((section, vec![glyph])),
            }
        }
        for (section, glyphs) in runs {
            let Some(format) = job.sections.get(section).map(|s| &s.format) else {
                continue;
            };
            let string: String = glyphs.iter().map(|g| g.chr).collect();
            if string.trim().is_empty() {
                continue;
            }
            let family = &format.font_id.family;
            for g in &glyphs {
                if let Some(font) = fonts.font_for(family, g.chr) {
                    used.entry(font).or_default().insert(g.chr);
                }
            }
            let mut color = if format.color == Color32::PLACEHOLDER {
                text.fallback_color
            } else {
                format.color
            };
            if let Some(over) = text.override_text_color {
                color = over;
            }
            if text.opacity_factor < 1.0 {
                color = color.gamma_multiply(text.opacity_factor);
            }
            let first = glyphs[0];
            let last = glyphs[glyphs.len() - 1];
            let x = text.pos.x + placed.pos.x + first.pos.x;
            let y = text.pos.y + placed.pos.y + first.pos.y;
            let length = last.pos.x + last.advance_width - first.pos.x;
            let _ = write!(
                out,
                "<text x=\"{}\" y=\"{}\" font-family=\"{}\" font-size=\"{}\" textLength=\"{}\" lengthAdjust=\"spacingAndGlyphs\"",
                num(x),
                num(y),
                fonts.family_list(family),
                num(format.font_id.size),
                num(length)
            );
            if format.italics {
                out.push_str(" font-style=\"italic\"");
            }
            if let Some(deg) = rotate {
                let _ = write!(
                    out,
                    " transform=\"rotate({} {} {})\"",
                    num(deg),
                    num(text.pos.x),
                    num(text.pos.y)
                );
            }
            paint_attrs(out, color, 0.0, Color32::TRANSPARENT);
            out.push('>');
            escape(out, &string);
            out.push_str("</text>\n");
        }
    }
}

/// A stroke's colour when it has one; a colour by position (never in a chart) is left out.
fn solid(color: &ColorMode) -> Color32 {
    match color {
        ColorMode::Solid(c) => *c,
        ColorMode::UV(_) => Color32::TRANSPARENT,
    }
}

/// `<path d="M… Q… Z"`: a Bézier curve (`Q` quadratic, `C` cubic) from `start` through `points`.
fn curve(out: &mut String, letter: char, start: Pos2, points: &[Pos2], closed: bool) {
    let _ = write!(out, "<path d=\"M{} {}{letter}", num(start.x), num(start.y));
    for (i, p) in points.iter().enumerate() {
        let sep = if i == 0 { "" } else { " " };
        let _ = write!(out, "{sep}{} {}", num(p.x), num(p.y));
    }
    if closed {
        out.push('Z');
    }
    out.push('"');
}

/// `fill`, `stroke` and their opacities; `none` for what is transparent.
fn paint_attrs(out: &mut String, fill: Color32, stroke_width: f32, stroke: Color32) {
    if fill.a() == 0 {
        out.push_str(" fill=\"none\"");
    } else {
        let _ = write!(out, " fill=\"{}\"", hex(fill));
        opacity(out, "fill-opacity", fill);
    }
    if stroke_width > 0.0 && stroke.a() > 0 {
        let _ = write!(
            out,
            " stroke=\"{}\" stroke-width=\"{}\"",
            hex(stroke),
            num(stroke_width)
        );
        opacity(out, "stroke-opacity", stroke);
    }
}

fn opacity(out: &mut String, attr: &str, color: Color32) {
    if color.a() < 255 {
        let _ = write!(out, " {attr}=\"{}\"", num(f32::from(color.a()) / 255.0));
    }
}

/// `#rrggbb` of a colour's unmultiplied components.
fn hex(color: Color32) -> String {
    let [r, g, b, _] = color.to_srgba_unmultiplied();
    format!("#{r:02x}{g:02x}{b:02x}")
}

fn path_data(out: &mut String, points: &[Pos2], closed: bool) {
    for (i, p) in points.iter().enumerate() {
        let _ = write!(
            out,
            "{}{} {}",
            if i == 0 { "M" } else { "L" },
            num(p.x),
            num(p.y)
        );
    }
    if closed {
        out.push('Z');
    }
}

/// A coordinate with at most two decimals: exact enough for print, small, and the same bytes for
/// the same input.
fn num(v: f32) -> String {
    let rounded = (v * 100.0).round() / 100.0;
    let s = format!("{rounded}");
    if s == "-0" { "0".to_owned() } else { s }
}

fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// Standard base64 with padding.
fn base64(data: &[u8]) -> String {
    const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(char::from(TABLE[(n >> (18 - 6 * k)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The fonts egui draws with, in its fallback order per family, to embed the ones an image uses.
struct Fonts {
    /// (name, bytes, face index) of every font.
    fonts: Vec<(String, std::sync::Arc<egui::FontData>)>,
    families: BTreeMap<FontFamily, Vec<usize>>,
}

impl Fonts {
    fn new() -> Self {
        let defs = crate::draw::fonts::definitions();
        let fonts: Vec<(String, std::sync::Arc<egui::FontData>)> =
            defs.font_data.into_iter().collect();
        let families = defs
            .families
            .into_iter()
            .map(|(family, names)| {
                let order = names
                    .iter()
                    .filter_map(|n| fonts.iter().position(|(name, _)| name == n))
                    .collect();
                (family, order)
            })
            .collect();
        Self { fonts, families }
    }

    fn bytes(&self, font: usize) -> &[u8] {
        self.fonts[font].1.font.as_ref().as_ref()
    }

    fn face(&self, font: usize) -> Option<ttf_parser::Face<'_>> {
        ttf_parser::Face::parse(self.bytes(font), self.fonts[font].1.index).ok()
    }

    /// The first font of the family's chain that has the character, as egui picks it.
    fn font_for(&self, family: &FontFamily, c: char) -> Option<usize> {
        self.families.get(family)?.iter().copied().find(|&f| {
            self.face(f)
                .is_some_and(|face| face.glyph_index(c).is_some())
        })
    }

    /// The CSS font-family list of a family: its embedded fonts in egui's order, then a generic.
    fn family_list(&self, family: &FontFamily) -> String {
        let mut names: Vec<String> = self
            .families
            .get(family)
            .map(|order| {
                order
                    .iter()
                    .map(|&f| format!("'{}'", self.css_name(f)))
                    .collect()
            })
            .unwrap_or_default();
        names.push(
            match family {
                FontFamily::Monospace => "monospace",
                _ => "sans-serif",
            }
            .to_owned(),
        );
        names.join(", ")
    }

    fn css_name(&self, font: usize) -> String {
        format!("pb-{}", self.fonts[font].0)
    }

    fn is_cff(&self, font: usize) -> bool {
        self.bytes(font).starts_with(b"OTTO")
    }

    fn mime(&self, font: usize) -> &'static str {
        if self.is_cff(font) {
            "font/otf"
        } else {
            "font/ttf"
        }
    }

    fn format(&self, font: usize) -> &'static str {
        if self.is_cff(font) {
            "opentype"
        } else {
            "truetype"
        }
    }

    /// The font cut to the glyphs of `chars`, with a Unicode cmap so viewers map text to them.
    fn subset(&self, font: usize, chars: &BTreeSet<char>) -> Result<Vec<u8>, ExportError> {
        let fail =
            |e: &dyn std::fmt::Display| ExportError::Font(format!("{}: {e}", self.fonts[font].0));
        let face = self
            .face(font)
            .ok_or_else(|| fail(&"cannot read the font"))?;
        let mut glyphs: Vec<u16> = vec![0];
        glyphs.extend(
            chars
                .iter()
                .filter_map(|&c| face.glyph_index(c))
                .map(|g| g.0),
        );
        glyphs[1..].sort_unstable();
        glyphs.dedup();
        let scope = allsorts::binary::read::ReadScope::new(self.bytes(font));
        let file = scope
            .read::<allsorts::font_data::FontData<'_>>()
            .map_err(|e| fail(&e))?;
        let provider = file
            .table_provider(self.fonts[font].1.index as usize)
            .map_err(|e| fail(&e))?;
        allsorts::subset::subset(
            &provider,
            &glyphs,
            &allsorts::subset::SubsetProfile::Minimal,
            allsorts::subset::CmapTarget::Unicode,
        )
        .map_err(|e| fail(&e))
    }
}

#[cfg(test)]
mod tests {
    use super::{base64, num};

    #[test]
    fn base64_pads_like_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(1.23456), "1.23");
        assert_eq!(num(-0.001), "0");
    }
}
