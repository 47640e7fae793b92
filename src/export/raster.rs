//! A small CPU rasterizer for egui's tessellated output, so charts become images without a GPU.
//!
//! It does the arithmetic of egui-wgpu's shader (`egui.wgsl`, `fs_main_gamma_framebuffer` with
//! `RendererOptions::PREDICTABLE`): vertex colors are premultiplied sRGB ("gamma") values, multiplied
//! by a bilinearly sampled texture that is also premultiplied gamma, then blended "over" the target
//! in gamma space (`One, OneMinusSrcAlpha`), and stored as 8-bit values. Triangles are rasterized at
//! pixel centers with 1/256-pixel fixed-point edge functions and a consistent tie rule, so two
//! triangles that share an edge never both cover a pixel on it.
//!
//! Fast paths: a triangle whose vertices share one color and one texture coordinate (all solid
//! shapes: backgrounds, bars, grid lines) is a constant-color span fill, a plain copy when opaque;
//! nothing is sampled or interpolated for it.

use std::collections::HashMap;

use egui::epaint::{ClippedPrimitive, Primitive, Vertex};
use egui::{Color32, ColorImage, TextureFilter, TextureId, TextureWrapMode, TexturesDelta};

/// Fixed-point subpixel precision: vertex positions are snapped to 1/256 pixel.
const SUB: i64 = 256;

/// One texture as egui asked for it: premultiplied sRGB texels and how to sample them.
#[derive(Clone, Debug)]
struct Texture {
    width: usize,
    height: usize,
    texels: Vec<[u8; 4]>,
    nearest: bool,
    wrap: TextureWrapMode,
}

/// The textures egui manages (font atlas, images), kept up to date from each pass's
/// [`TexturesDelta`].
#[derive(Clone, Debug, Default)]
pub struct Textures {
    map: HashMap<TextureId, Texture>,
}

impl Textures {
    /// Apply a pass's texture changes, then clear the delta (egui requires deltas to be handled).
    pub fn apply(&mut self, delta: &mut TexturesDelta) {
        // Within one delta, each texture's updates are applied in order; textures are independent.
        for (id, updates) in &delta.set {
            for update in updates {
                let egui::ImageData::Color(image) = &update.image;
                let [w, h] = image.size;
                let nearest = update.options.magnification == TextureFilter::Nearest;
                let wrap = update.options.wrap_mode;
                match update.pos {
                    None => {
                        self.map.insert(
                            *id,
                            Texture {
                                width: w,
                                height: h,
                                texels: image.pixels.iter().map(|c| c.to_array()).collect(),
                                nearest,
                                wrap,
                            },
                        );
                    }
                    Some([x0, y0]) => {
                        let Some(tex) = self.map.get_mut(id) else {
                            continue;
                        };
                        for y in 0..h {
                            let ty = y0 + y;
                            if ty >= tex.height {
                                break;
                            }
                            for x in 0..w {
                                let tx = x0 + x;
                                if tx >= tex.width {
                                    break;
                                }
                                tex.texels[ty * tex.width + tx] =
                                    image.pixels[y * w + x].to_array();
                            }
                        }
                    }
                }
            }
        }
        for id in &delta.free {
            self.map.remove(id);
        }
        delta.clear();
    }
}

impl Texture {
    fn texel(&self, x: i64, y: i64) -> [f32; 4] {
        let (w, h) = (self.width as i64, self.height as i64);
        let wrap = |c: i64, n: i64| match self.wrap {
            TextureWrapMode::Repeat => c.rem_euclid(n),
            TextureWrapMode::MirroredRepeat => {
                let p = c.rem_euclid(2 * n);
                p.min(2 * n - 1 - p)
            }
            TextureWrapMode::ClampToEdge => c.clamp(0, n - 1),
        };
        let t = self.texels[(wrap(y, h) * w + wrap(x, w)) as usize];
        [
            f32::from(t[0]),
            f32::from(t[1]),
            f32::from(t[2]),
            f32::from(t[3]),
        ]
    }

    /// Sample at normalized coordinates, as the shader's predictable filtering does: texel centers,
    /// four taps, linear mix. Values are 0–255.
    fn sample(&self, u: f32, v: f32) -> [f32; 4] {
        if self.width == 0 || self.height == 0 {
            return [255.0; 4];
        }
        let (w, h) = (self.width as f32, self.height as f32);
        if self.nearest {
            return self.texel((u * w).floor() as i64, (v * h).floor() as i64);
        }
        let px = u * w - 0.5;
        let py = v * h - 0.5;
        let (fx, fy) = (px.floor(), py.floor());
        let (tx, ty) = (px - fx, py - fy);
        let (x0, y0) = (fx as i64, fy as i64);
        let tl = self.texel(x0, y0);
        let tr = self.texel(x0 + 1, y0);
        let bl = self.texel(x0, y0 + 1);
        let br = self.texel(x0 + 1, y0 + 1);
        let mut out = [0.0; 4];
        for c in 0..4 {
            let top = tl[c] + (tr[c] - tl[c]) * tx;
            let bottom = bl[c] + (br[c] - bl[c]) * tx;
            out[c] = top + (bottom - top) * ty;
        }
        out
    }
}

/// An RGBA image being drawn: premultiplied sRGB, 8 bits a channel, row-major.
#[derive(Clone, Debug)]
pub struct Canvas {
    pub width: usize,
    pub height: usize,
    pub pixels: Vec<[u8; 4]>,
}

impl Canvas {
    /// A canvas filled with `background` (premultiplied).
    pub fn new(width: usize, height: usize, background: Color32) -> Self {
        Self {
            width,
            height,
            pixels: vec![background.to_array(); width * height],
        }
    }

    /// The image as egui's `ColorImage` (its pixels are premultiplied too).
    pub fn into_color_image(self) -> ColorImage {
        let pixels = self
            .pixels
            .into_iter()
            .map(|[r, g, b, a]| Color32::from_rgba_premultiplied(r, g, b, a))
            .collect();
        ColorImage::new([self.width, self.height], pixels)
    }

    /// Rasterize egui's tessellated output, as a GPU would, in order.
    pub fn paint(
        &mut self,
        primitives: &[ClippedPrimitive],
        textures: &Textures,
        pixels_per_point: f32,
    ) {
        for prim in primitives {
            let Primitive::Mesh(mesh) = &prim.primitive else {
                continue; // Paint callbacks draw with a GPU API of their own; charts use none.
            };
            let Some(clip) = self.clip(prim.clip_rect, pixels_per_point) else {
                continue;
            };
            let texture = textures.map.get(&mesh.texture_id);
            for tri in mesh.indices.chunks_exact(3) {
                let v = |i: u32| mesh.vertices.get(i as usize);
                if let (Some(a), Some(b), Some(c)) = (v(tri[0]), v(tri[1]), v(tri[2])) {
                    self.triangle(clip, [a, b, c], texture, pixels_per_point);
                }
            }
        }
    }

    /// The clip rectangle in whole pixels, rounded and clamped as egui-wgpu's scissor is.
    fn clip(&self, rect: egui::Rect, ppp: f32) -> Option<[i64; 4]> {
        let round = |v: f32, max: usize| (v * ppp).round().clamp(0.0, max as f32) as i64;
        let x0 = round(rect.min.x, self.width);
        let y0 = round(rect.min.y, self.height);
        let x1 = round(rect.max.x, self.width).max(x0);
        let y1 = round(rect.max.y, self.height).max(y0);
        (x1 > x0 && y1 > y0).then_some([x0, y0, x1, y1])
    }

    fn triangle(&mut self, clip: [i64; 4], v: [&Vertex; 3], texture: Option<&Texture>, ppp: f32) {
        let fixed = |p: f32| (f64::from(p) * f64::from(ppp) * SUB as f64).round() as i64;
        let mut p = v.map(|v| (fixed(v.pos.x), fixed(v.pos.y)));
        let mut v = v;
        let mut area =
            (p[1].0 - p[0].0) * (p[2].1 - p[0].1) - (p[1].1 - p[0].1) * (p[2].0 - p[0].0);
        if area == 0 {
            return;
        }
        if area < 0 {
            p.swap(1, 2);
            v.swap(1, 2);
            area = -area;
        }

        // Bounding box in pixels, inside the clip rectangle.
        let min_x = p
            .iter()
            .map(|q| q.0)
            .min()
            .unwrap_or(0)
            .div_euclid(SUB)
            .max(clip[0]);
        let max_x = (p.iter().map(|q| q.0).max().unwrap_or(0).div_euclid(SUB) + 1).min(clip[2] - 1);
        let min_y = p
            .iter()
            .map(|q| q.1)
            .min()
            .unwrap_or(0)
            .div_euclid(SUB)
            .max(clip[1]);
        let max_y = (p.iter().map(|q| q.1).max().unwrap_or(0).div_euclid(SUB) + 1).min(clip[3] - 1);
        if min_x > max_x || min_y > max_y {
            return;
        }

        // Edge i runs opposite vertex i: from p[(i+1)%3] to p[(i+2)%3].
        let edges: [Edge; 3] = std::array::from_fn(|i| Edge::new(p[(i + 1) % 3], p[(i + 2) % 3]));

        let colors = v.map(|v| v.color.to_array().map(f32::from));
        let uvs = v.map(|v| (v.uv.x, v.uv.y));
        let flat_color = v[0].color == v[1].color && v[1].color == v[2].color;
        let flat_uv = uvs[0] == uvs[1] && uvs[1] == uvs[2];
        let constant = if flat_color && flat_uv {
            let tex = texture.map_or([255.0; 4], |t| t.sample(uvs[0].0, uvs[0].1));
            Some(modulate(colors[0], tex))
        } else {
            None
        };
        if constant.is_some_and(|c| c[3] <= 0.0 && c[0] <= 0.0 && c[1] <= 0.0 && c[2] <= 0.0) {
            return; // Fully transparent: nothing to blend.
        }
        let inv_area = 1.0 / area as f64;

        for y in min_y..=max_y {
            let py = (2 * y + 1) * SUB / 2;
            let mut lo = min_x;
            let mut hi = max_x;
            for e in &edges {
                match e.span(py) {
                    Span::All => {}
                    Span::None => {
                        lo = 1;
                        hi = 0;
                    }
                    Span::From(x) => lo = lo.max(x),
                    Span::To(x) => hi = hi.min(x),
                }
            }
            if lo > hi {
                continue;
            }
            let row = (y as usize) * self.width;
            let span = &mut self.pixels[row + lo as usize..=row + hi as usize];
            if let Some(src) = constant {
                fill_span(span, src);
                continue;
            }
            for (k, dst) in span.iter_mut().enumerate() {
                let px = (2 * (lo + k as i64) + 1) * SUB / 2;
                let w = edges.map(|e| e.eval(px, py) as f64 * inv_area);
                let (w0, w1, w2) = (w[0] as f32, w[1] as f32, w[2] as f32);
                let color: [f32; 4] = std::array::from_fn(|c| {
                    colors[0][c] * w0 + colors[1][c] * w1 + colors[2][c] * w2
                });
                let tex = match texture {
                    Some(t) if flat_uv => t.sample(uvs[0].0, uvs[0].1),
                    Some(t) => t.sample(
                        uvs[0].0 * w0 + uvs[1].0 * w1 + uvs[2].0 * w2,
                        uvs[0].1 * w0 + uvs[1].1 * w1 + uvs[2].1 * w2,
                    ),
                    None => [255.0; 4],
                };
                blend(dst, modulate(color, tex));
            }
        }
    }
}

/// Vertex color times texture, both 0–255 premultiplied gamma.
fn modulate(color: [f32; 4], tex: [f32; 4]) -> [f32; 4] {
    std::array::from_fn(|c| color[c] * tex[c] / 255.0)
}

/// `dst = src + dst × (1 − src.a)`, rounded to 8 bits like a unorm framebuffer.
fn blend(dst: &mut [u8; 4], src: [f32; 4]) {
    let keep = 1.0 - src[3] / 255.0;
    for c in 0..4 {
        let v = src[c] + f32::from(dst[c]) * keep;
        dst[c] = v.round().clamp(0.0, 255.0) as u8;
    }
}

fn fill_span(span: &mut [[u8; 4]], src: [f32; 4]) {
    if src[3] >= 255.0 {
        let px = src.map(|v| v.round().clamp(0.0, 255.0) as u8);
        span.fill(px);
    } else {
        // Every destination value maps the same way: a table per channel avoids float work.
        let keep = 1.0 - src[3] / 255.0;
        let lut: [[u8; 256]; 4] = std::array::from_fn(|c| {
            std::array::from_fn(|d| (src[c] + d as f32 * keep).round().clamp(0.0, 255.0) as u8)
        });
        if span.len() < 64 {
            for dst in span {
                blend(dst, src);
            }
        } else {
            for dst in span {
                *dst = std::array::from_fn(|c| lut[c][dst[c] as usize]);
            }
        }
    }
}

/// A triangle edge as an edge function in fixed point, oriented so the inside is positive.
#[derive(Clone, Copy, Debug)]
struct Edge {
    ax: i64,
    ay: i64,
    dx: i64,
    dy: i64,
    /// 0 when pixels exactly on the edge belong to this triangle, −1 when they belong to the
    /// neighbour across it. The same edge walked the other way gets the other value.
    bias: i64,
}

enum Span {
    All,
    None,
    /// Pixels from this x on.
    From(i64),
    /// Pixels up to and including this x.
    To(i64),
}

impl Edge {
    fn new(a: (i64, i64), b: (i64, i64)) -> Self {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let owner = dy < 0 || (dy == 0 && dx > 0);
        Self {
            ax: a.0,
            ay: a.1,
            dx,
            dy,
            bias: if owner { 0 } else { -1 },
        }
    }

    /// E(p) = dx·(py − ay) − dy·(px − ax): positive inside for a positively oriented triangle.
    fn eval(self, px: i64, py: i64) -> i64 {
        self.dx * (py - self.ay) - self.dy * (px - self.ax)
    }

    /// Which pixel centers of the row at `py` satisfy E + bias ≥ 0.
    fn span(self, py: i64) -> Span {
        // At pixel x the center is px = SUB·x + SUB/2, so E(x) = c − SUB·dy·x.
        let c = self.dx * (py - self.ay) - self.dy * (SUB / 2 - self.ax) + self.bias;
        let k = SUB * self.dy;
        if k == 0 {
            return if c >= 0 { Span::All } else { Span::None };
        }
        if k > 0 {
            Span::To(c.div_euclid(k)) // c − k·x ≥ 0  ⇔  x ≤ c / k
        } else {
            let k = -k;
            Span::From((-c + k - 1).div_euclid(k)) // c + k·x ≥ 0  ⇔  x ≥ ceil(−c / k)
        }
    }
}

#[cfg(test)]
mod tests;
