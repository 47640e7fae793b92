//! One triangle into pixels, as the GPU fills it: fixed-point edge functions with a fill rule,
//! colour and texture interpolated across it, blended as a unorm framebuffer does.

use egui::Color32;
use egui::epaint::Vertex;

use super::{Canvas, SUB, Texture};

impl Canvas {
    /// Fill one triangle inside `clip` (whole pixels): its corners in fixed point, its box of
    /// pixels, what it paints, then row by row the pixels inside it.
    pub(super) fn triangle(
        &mut self,
        clip: [i64; 4],
        v: [&Vertex; 3],
        texture: Option<&Texture>,
        ppp: f32,
    ) {
        let Some((p, v, area)) = fixed_corners(v, ppp) else {
            return;
        };
        let Some([min_x, min_y, max_x, max_y]) = pixel_box(&p, clip) else {
            return;
        };
        // Edge i runs opposite vertex i: from p[(i+1)%3] to p[(i+2)%3].
        let edges: [Edge; 3] = std::array::from_fn(|i| Edge::new(p[(i + 1) % 3], p[(i + 2) % 3]));
        let paint = Paint::new(v, texture);
        if paint
            .constant
            .is_some_and(|c| c[3] <= 0.0 && c[0] <= 0.0 && c[1] <= 0.0 && c[2] <= 0.0)
        {
            return; // Fully transparent: nothing to blend.
        }
        let inv_area = 1.0 / area as f64;
        let bbox_pixels = ((max_x - min_x + 1) * (max_y - min_y + 1)) as usize;
        let fill = paint.constant.map(|src| Fill::new(src, bbox_pixels / 2));

        for y in min_y..=max_y {
            let py = (2 * y + 1) * SUB / 2;
            let Some((lo, hi)) = row_span(&edges, py, min_x, max_x) else {
                continue;
            };
            let row = (y as usize) * self.width;
            let span = &mut self.pixels[row + lo as usize..=row + hi as usize];
            if let Some(fill) = &fill {
                fill.span(span);
                continue;
            }
            // Barycentric weights at the span's first pixel, then stepped pixel by pixel.
            let px = (2 * lo + 1) * SUB / 2;
            let w = edges.map(|e| e.eval(px, py) as f64 * inv_area);
            let step = edges.map(|e| -(SUB * e.dy) as f64 * inv_area);
            paint.shade(span, w, step, texture);
        }
    }
}

/// A triangle's corners in fixed point, its vertices in the same order, and twice its area.
type Corners<'v> = ([(i64, i64); 3], [&'v Vertex; 3], i64);

/// The corners in fixed point (1/`SUB` pixel), turned counter-clockwise, with twice the area;
/// `None` for a triangle of no area, or far outside any image (or not a number), where the
/// fixed-point products could overflow.
fn fixed_corners(v: [&Vertex; 3], ppp: f32) -> Option<Corners<'_>> {
    const GUARD: f32 = 1.0e6;
    if v.iter()
        .any(|v| !(v.pos.x * ppp).is_finite() || !(v.pos.y * ppp).is_finite())
        || v.iter()
            .any(|v| (v.pos.x * ppp).abs() > GUARD || (v.pos.y * ppp).abs() > GUARD)
    {
        return None;
    }
    let fixed = |p: f32| (f64::from(p) * f64::from(ppp) * SUB as f64).round() as i64;
    let mut p = v.map(|v| (fixed(v.pos.x), fixed(v.pos.y)));
    let mut v = v;
    let mut area = (p[1].0 - p[0].0) * (p[2].1 - p[0].1) - (p[1].1 - p[0].1) * (p[2].0 - p[0].0);
    if area == 0 {
        return None;
    }
    if area < 0 {
        p.swap(1, 2);
        v.swap(1, 2);
        area = -area;
    }
    Some((p, v, area))
}

/// The bounding box in pixels, inside the clip rectangle, as [min x, min y, max x, max y]
/// (inclusive); `None` when nothing of it is inside.
fn pixel_box(p: &[(i64, i64); 3], clip: [i64; 4]) -> Option<[i64; 4]> {
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
    (min_x <= max_x && min_y <= max_y).then_some([min_x, min_y, max_x, max_y])
}

/// The pixels of the row at `py` inside all three edges, within `min_x..=max_x`.
#[inline(always)]
fn row_span(edges: &[Edge; 3], py: i64, min_x: i64, max_x: i64) -> Option<(i64, i64)> {
    let mut lo = min_x;
    let mut hi = max_x;
    for e in edges {
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
    (lo <= hi).then_some((lo, hi))
}

/// What a triangle paints: its corners' colours and texture coordinates, and when both are the
/// same at every corner, the one colour of every pixel.
struct Paint {
    colors: [[f32; 4]; 3],
    uvs: [(f32, f32); 3],
    /// One texture coordinate for the whole triangle: one sample for every pixel.
    flat_tex: Option<[f32; 4]>,
    constant: Option<[f32; 4]>,
}

impl Paint {
    fn new(v: [&Vertex; 3], texture: Option<&Texture>) -> Self {
        let colors = v.map(|v| v.color.to_array().map(f32::from));
        let uvs = v.map(|v| (v.uv.x, v.uv.y));
        let flat_color = v[0].color == v[1].color && v[1].color == v[2].color;
        let flat_uv = uvs[0] == uvs[1] && uvs[1] == uvs[2];
        let flat_tex =
            flat_uv.then(|| texture.map_or([255.0; 4], |t| t.sample(uvs[0].0, uvs[0].1)));
        let constant = match flat_tex {
            Some(tex) if flat_color => Some(modulate(colors[0], tex)),
            _ => None,
        };
        Self {
            colors,
            uvs,
            flat_tex,
            constant,
        }
    }

    /// A row's pixels with colour and texture interpolated: weights `w` at the first pixel,
    /// `step` to the next.
    #[inline(always)]
    fn shade(
        &self,
        span: &mut [Color32],
        mut w: [f64; 3],
        step: [f64; 3],
        texture: Option<&Texture>,
    ) {
        let (colors, uvs) = (&self.colors, &self.uvs);
        for dst in span.iter_mut() {
            let (w0, w1, w2) = (w[0] as f32, w[1] as f32, w[2] as f32);
            for i in 0..3 {
                w[i] += step[i];
            }
            let color: [f32; 4] =
                std::array::from_fn(|c| colors[0][c] * w0 + colors[1][c] * w1 + colors[2][c] * w2);
            let tex = match (self.flat_tex, texture) {
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

/// Vertex color times texture, both 0–255 premultiplied gamma.
fn modulate(color: [f32; 4], tex: [f32; 4]) -> [f32; 4] {
    std::array::from_fn(|c| color[c] * tex[c] / 255.0)
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
