//! A small CPU rasterizer for egui's tessellated output: egui shapes → pixels without a GPU. It
//! makes the images (`export`), draws the CPU window (`ui::cpu_window`), renders the UI tests'
//! snapshots and the benches' frames, and knows nothing of charts, files or the window.
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

mod damage;
pub use damage::LastFrame;

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
                                texels: image.pixels.iter().map(egui::Color32::to_array).collect(),
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
            return self.texel(floor(u * w), floor(v * h));
        }
        let px = u * w - 0.5;
        let py = v * h - 0.5;
        let (x0, y0) = (floor(px), floor(py));
        let (tx, ty) = (px - x0 as f32, py - y0 as f32);
        let tl = self.texel(x0, y0);
        if tx == 0.0 && ty == 0.0 {
            // On a texel center (glyphs drawn at whole pixels): the mix is that texel alone.
            return tl;
        }
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
    pub pixels: Vec<Color32>,
}

impl Canvas {
    /// Fill a pixel rectangle with `color`, clipped to the canvas.
    pub fn fill_rect(&mut self, rect: egui::Rect, color: Color32) {
        let x0 = (rect.min.x.max(0.0) as usize).min(self.width);
        let x1 = (rect.max.x.max(0.0) as usize).min(self.width);
        let y0 = (rect.min.y.max(0.0) as usize).min(self.height);
        let y1 = (rect.max.y.max(0.0) as usize).min(self.height);
        for y in y0..y1 {
            self.pixels[y * self.width + x0..y * self.width + x1].fill(color);
        }
    }

    /// egui's shapes of one pass as pixels: tessellated by `ctx` at `pixels_per_point`, painted on
    /// a canvas of `size` pixels filled with `background`. What an image, the test renderer and a
    /// whole window frame do; the CPU window repaints only what changed with [`Self::paint`].
    pub fn render(
        ctx: &egui::Context,
        shapes: Vec<egui::epaint::ClippedShape>,
        pixels_per_point: f32,
        textures: &Textures,
        [width, height]: [usize; 2],
        background: Color32,
    ) -> Self {
        let primitives = ctx.tessellate(shapes, pixels_per_point);
        let mut canvas = Self::new(width, height, background);
        canvas.paint(&primitives, textures, pixels_per_point);
        canvas
    }

    /// A canvas filled with `background` (premultiplied).
    pub fn new(width: usize, height: usize, background: Color32) -> Self {
        Self {
            width,
            height,
            pixels: vec![background; width * height],
        }
    }

    /// The image as egui's `ColorImage` (its pixels are premultiplied too).
    pub fn into_color_image(self) -> ColorImage {
        ColorImage::new([self.width, self.height], self.pixels)
    }

    /// Rasterize egui's tessellated output, as a GPU would, in order.
    pub fn paint(
        &mut self,
        primitives: &[ClippedPrimitive],
        textures: &Textures,
        pixels_per_point: f32,
    ) {
        // Work that a later opaque rectangle covers entirely (the panel and frame backgrounds
        // under the chart's own) is never seen: start from the last such rectangle.
        let start = self.last_full_cover(primitives, textures, pixels_per_point);
        for (p, prim) in primitives.iter().enumerate() {
            let Primitive::Mesh(mesh) = &prim.primitive else {
                continue; // Paint callbacks draw with a GPU API of their own; charts use none.
            };
            let first_triangle = match start {
                Some((sp, _, _)) if p < sp => continue,
                Some((sp, st, color)) if p == sp => {
                    self.pixels.fill(color);
                    st + 2
                }
                _ => 0,
            };
            let Some(clip) = self.clip(prim.clip_rect, pixels_per_point) else {
                continue;
            };
            let texture = textures.map.get(&mesh.texture_id);
            // The clip in points, a pixel wider: a triangle wholly outside it is skipped before
            // any set-up (a long line crossing a small repainted area has thousands of these).
            let margin = 1.0 / pixels_per_point;
            let [cx0, cy0, cx1, cy1] = clip.map(|c| c as f32 / pixels_per_point);
            let (cx0, cy0, cx1, cy1) = (cx0 - margin, cy0 - margin, cx1 + margin, cy1 + margin);
            for tri in mesh.indices.chunks_exact(3).skip(first_triangle) {
                let v = |i: u32| mesh.vertices.get(i as usize);
                if let (Some(a), Some(b), Some(c)) = (v(tri[0]), v(tri[1]), v(tri[2])) {
                    let (xs, ys) = ([a.pos.x, b.pos.x, c.pos.x], [a.pos.y, b.pos.y, c.pos.y]);
                    if xs.iter().all(|&x| x < cx0)
                        || xs.iter().all(|&x| x > cx1)
                        || ys.iter().all(|&y| y < cy0)
                        || ys.iter().all(|&y| y > cy1)
                    {
                        continue;
                    }
                    self.triangle(clip, [a, b, c], texture, pixels_per_point);
                }
            }
        }
    }

    /// The last pair of triangles that fills the whole canvas with one opaque color, as
    /// (primitive, triangle index, color): everything drawn before it is hidden.
    fn last_full_cover(
        &self,
        primitives: &[ClippedPrimitive],
        textures: &Textures,
        ppp: f32,
    ) -> Option<(usize, usize, Color32)> {
        let (w, h) = (self.width as f32, self.height as f32);
        for (p, prim) in primitives.iter().enumerate().rev() {
            let Primitive::Mesh(mesh) = &prim.primitive else {
                continue;
            };
            let clip = prim.clip_rect;
            let clip_covers = clip.min.x * ppp <= 0.0
                && clip.min.y * ppp <= 0.0
                && clip.max.x * ppp >= w
                && clip.max.y * ppp >= h;
            if !clip_covers {
                continue;
            }
            let texture = textures.map.get(&mesh.texture_id);
            let triangles = mesh.indices.len() / 3;
            for t in (0..triangles.saturating_sub(1)).rev() {
                let ids = &mesh.indices[t * 3..t * 3 + 6];
                let Some(verts) = ids
                    .iter()
                    .map(|&i| mesh.vertices.get(i as usize))
                    .collect::<Option<Vec<_>>>()
                else {
                    continue;
                };
                let (color, uv) = (verts[0].color, verts[0].uv);
                if color.a() != 255 || verts.iter().any(|v| v.color != color || v.uv != uv) {
                    continue;
                }
                if texture.is_some_and(|t| t.sample(uv.x, uv.y) != [255.0; 4]) {
                    continue;
                }
                let (mut x0, mut x1, mut y0, mut y1) = (f32::MAX, f32::MIN, f32::MAX, f32::MIN);
                for v in &verts {
                    x0 = x0.min(v.pos.x * ppp);
                    x1 = x1.max(v.pos.x * ppp);
                    y0 = y0.min(v.pos.y * ppp);
                    y1 = y1.max(v.pos.y * ppp);
                }
                let corners_only = verts.iter().all(|v| {
                    let (x, y) = (v.pos.x * ppp, v.pos.y * ppp);
                    (x == x0 || x == x1) && (y == y0 || y == y1)
                });
                let mut distinct = ids.to_vec();
                distinct.sort_unstable();
                distinct.dedup();
                // The two triangles share an edge, and it is the rectangle's diagonal.
                let shared: Vec<&Vertex> = ids[..3]
                    .iter()
                    .filter(|i| ids[3..].contains(i))
                    .filter_map(|&i| mesh.vertices.get(i as usize))
                    .collect();
                let diagonal = shared.len() == 2
                    && shared[0].pos.x != shared[1].pos.x
                    && shared[0].pos.y != shared[1].pos.y;
                // Two triangles on the four corners of a rectangle around every pixel center.
                if corners_only
                    && diagonal
                    && distinct.len() == 4
                    && x0 <= 0.0
                    && y0 <= 0.0
                    && x1 >= w
                    && y1 >= h
                {
                    return Some((p, t, color));
                }
            }
        }
        None
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

    // The per-pixel loop of every frame the CPU window draws: split into steps it measured slower
    // (benches/timeseries, a repaint of what changed: 2.60 ms split, 1.45 ms whole), so it stays
    // one body.
    #[allow(clippy::too_many_lines)]
    fn triangle(&mut self, clip: [i64; 4], v: [&Vertex; 3], texture: Option<&Texture>, ppp: f32) {
        // Far outside any image (or not a number): skip, so fixed-point products cannot overflow.
        const GUARD: f32 = 1.0e6;
        if v.iter()
            .any(|v| !(v.pos.x * ppp).is_finite() || !(v.pos.y * ppp).is_finite())
            || v.iter()
                .any(|v| (v.pos.x * ppp).abs() > GUARD || (v.pos.y * ppp).abs() > GUARD)
        {
            return;
        }
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
        // One texture coordinate for the whole triangle: one sample for every pixel.
        let flat_tex =
            flat_uv.then(|| texture.map_or([255.0; 4], |t| t.sample(uvs[0].0, uvs[0].1)));
        let constant = match flat_tex {
            Some(tex) if flat_color => Some(modulate(colors[0], tex)),
            _ => None,
        };
        if constant.is_some_and(|c| c[3] <= 0.0 && c[0] <= 0.0 && c[1] <= 0.0 && c[2] <= 0.0) {
            return; // Fully transparent: nothing to blend.
        }
        let inv_area = 1.0 / area as f64;
        let bbox_pixels = ((max_x - min_x + 1) * (max_y - min_y + 1)) as usize;
        let fill = constant.map(|src| Fill::new(src, bbox_pixels / 2));

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
            if let Some(fill) = &fill {
                fill.span(span);
                continue;
            }
            // Barycentric weights at the span's first pixel, then stepped pixel by pixel.
            let px = (2 * lo + 1) * SUB / 2;
            let mut w = edges.map(|e| e.eval(px, py) as f64 * inv_area);
            let step = edges.map(|e| -(SUB * e.dy) as f64 * inv_area);
            for dst in span.iter_mut() {
                let (w0, w1, w2) = (w[0] as f32, w[1] as f32, w[2] as f32);
                for i in 0..3 {
                    w[i] += step[i];
                }
                let color: [f32; 4] = std::array::from_fn(|c| {
                    colors[0][c] * w0 + colors[1][c] * w1 + colors[2][c] * w2
                });
                let tex = match (flat_tex, texture) {
                    (Some(tex), _) => tex,
                    (None, Some(t)) => t.sample(
                        uvs[0].0 * w0 + uvs[1].0 * w1 + uvs[2].0 * w2,
                        uvs[0].1 * w0 + uvs[1].1 * w1 + uvs[2].1 * w2,
                    ),
                    (None, None) => [255.0; 4],
                };
                let src = modulate(color, tex);
                if src == [0.0; 4] {
                    continue; // Transparent (most of a glyph's box): blending changes nothing.
                }
                blend(dst, src);
            }
        }
    }
}

/// Vertex color times texture, both 0–255 premultiplied gamma.
fn modulate(color: [f32; 4], tex: [f32; 4]) -> [f32; 4] {
    std::array::from_fn(|c| color[c] * tex[c] / 255.0)
}

/// `f32::floor` without the library call (baseline x86-64 has no rounding instruction).
#[inline(always)]
fn floor(v: f32) -> i64 {
    let t = v as i64; // truncates toward zero
    if (t as f32) > v { t - 1 } else { t }
}

/// Round a 0–255 value to 8 bits, nearest (halves up), as a unorm framebuffer stores it.
/// (`f32::round` is a library call on baseline x86-64; this is two instructions.)
#[inline(always)]
fn unorm8(v: f32) -> u8 {
    (v.clamp(0.0, 255.0) + 0.5) as u8
}

/// `dst = src + dst × (1 − src.a)`, rounded to 8 bits like a unorm framebuffer.
#[inline(always)]
fn blend(dst: &mut Color32, src: [f32; 4]) {
    let keep = 1.0 - src[3] / 255.0;
    let d = dst.to_array();
    let out: [u8; 4] = std::array::from_fn(|c| unorm8(src[c] + f32::from(d[c]) * keep));
    *dst = Color32::from_rgba_premultiplied(out[0], out[1], out[2], out[3]);
}

/// A constant color over many pixels: a copy when opaque, else a lookup table per channel (every
/// destination value maps the same way), built once per triangle.
enum Fill {
    Opaque(Color32),
    Blend([f32; 4]),
    Table(Box<[[u8; 256]; 4]>),
}

impl Fill {
    fn new(src: [f32; 4], pixels: usize) -> Self {
        if src[3] >= 255.0 {
            let c = src.map(unorm8);
            Self::Opaque(Color32::from_rgba_premultiplied(c[0], c[1], c[2], c[3]))
        } else if pixels < 2048 {
            Self::Blend(src)
        } else {
            let keep = 1.0 - src[3] / 255.0;
            Self::Table(Box::new(std::array::from_fn(|c| {
                std::array::from_fn(|d| unorm8(src[c] + d as f32 * keep))
            })))
        }
    }

    fn span(&self, span: &mut [Color32]) {
        match self {
            Self::Opaque(c) => span.fill(*c),
            Self::Blend(src) => span.iter_mut().for_each(|d| blend(d, *src)),
            Self::Table(lut) => {
                for d in span {
                    let [r, g, b, a] = d.to_array();
                    *d = Color32::from_rgba_premultiplied(
                        lut[0][r as usize],
                        lut[1][g as usize],
                        lut[2][b as usize],
                        lut[3][a as usize],
                    );
                }
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
