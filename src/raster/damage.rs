//! Redrawing only what changed between two frames: each frame's clipped primitives are compared
//! with the last frame's by a fingerprint, and only the union of the rectangles that differ is
//! rasterized onto the kept canvas. The CPU window presents just that rectangle; nothing here knows
//! the window.

use std::num::NonZeroU32;

use egui::epaint::{ClippedPrimitive, Primitive};
use egui::{Color32, Rect};

use super::{Canvas, Textures};

/// The last frame: its pixels and its primitives, to redraw only what changed.
#[derive(Default)]
pub struct LastFrame {
    /// The pixels as last presented; `None` before the first frame.
    pub canvas: Option<Canvas>,
    /// A fingerprint and the pixel rectangle of each primitive, in paint order.
    prims: Vec<(u64, Rect)>,
    pixels_per_point: f32,
}

impl LastFrame {
    /// Rasterize the primitives that differ from the last frame's, within the union of their
    /// rectangles (old and new), onto the kept canvas. Returns the damaged pixel rectangle, or
    /// `None` when nothing changed.
    pub fn redraw(
        &mut self,
        prims: &[ClippedPrimitive],
        textures: &Textures,
        w: NonZeroU32,
        h: NonZeroU32,
        ppp: f32,
        background: Color32,
    ) -> Option<Rect> {
        let (w, h) = (w.get() as usize, h.get() as usize);
        let full = Rect::from_min_max(egui::Pos2::ZERO, egui::pos2(w as f32, h as f32));
        let fingerprints: Vec<(u64, Rect)> =
            prims.iter().map(|p| fingerprint(p, ppp, full)).collect();
        let fresh = self
            .canvas
            .as_ref()
            .is_none_or(|c| c.width != w || c.height != h)
            || self.pixels_per_point != ppp;
        let damage = if fresh {
            full
        } else {
            let mut damage = Rect::NOTHING;
            let longest = fingerprints.len().max(self.prims.len());
            for i in 0..longest {
                match (fingerprints.get(i), self.prims.get(i)) {
                    (Some(a), Some(b)) if a.0 == b.0 => {}
                    (a, b) => {
                        for r in a.iter().chain(b.iter()) {
                            damage = damage.union(r.1);
                        }
                    }
                }
            }
            damage.intersect(full)
        };
        self.prims = fingerprints;
        self.pixels_per_point = ppp;
        if !damage.is_positive() {
            return None;
        }
        let damage = Rect::from_min_max(damage.min.floor(), damage.max.ceil());
        let canvas = match &mut self.canvas {
            Some(c) if !fresh => c,
            _ => self.canvas.insert(Canvas::new(w, h, background)),
        };
        canvas.fill_rect(damage, background);
        let clipped: Vec<ClippedPrimitive> = prims
            .iter()
            .filter_map(|p| {
                let clip = (p.clip_rect * ppp).intersect(damage);
                clip.is_positive().then(|| ClippedPrimitive {
                    clip_rect: clip / ppp,
                    primitive: p.primitive.clone(),
                })
            })
            .collect();
        canvas.paint(&clipped, textures, ppp);
        Some(damage)
    }
}

/// What identifies a primitive's pixels: its clip, texture, vertices and indices; and the pixel
/// rectangle it can touch (its clip, cut to its mesh's bounds). A fast multiply-rotate hash: it
/// runs over every vertex of every frame.
fn fingerprint(p: &ClippedPrimitive, ppp: f32, full: Rect) -> (u64, Rect) {
    let mut h = Fx(0);
    let clip = p.clip_rect * ppp;
    for v in [clip.min.x, clip.min.y, clip.max.x, clip.max.y] {
        h.add(u64::from(v.to_bits()));
    }
    let mut bounds = Rect::NOTHING;
    if let Primitive::Mesh(mesh) = &p.primitive {
        h.add(match mesh.texture_id {
            egui::TextureId::Managed(id) => id,
            egui::TextureId::User(id) => id ^ (1 << 63),
        });
        for pair in mesh.indices.chunks(2) {
            h.add(u64::from(pair[0]) | (u64::from(pair.get(1).copied().unwrap_or(0)) << 32));
        }
        let (mut min, mut max) = (
            egui::pos2(f32::MAX, f32::MAX),
            egui::pos2(f32::MIN, f32::MIN),
        );
        for v in &mesh.vertices {
            h.add(u64::from(v.pos.x.to_bits()) | (u64::from(v.pos.y.to_bits()) << 32));
            h.add(u64::from(v.uv.x.to_bits()) | (u64::from(v.uv.y.to_bits()) << 32));
            h.add(u64::from(u32::from_le_bytes(v.color.to_array())));
            min = min.min(v.pos);
            max = max.max(v.pos);
        }
        if min.x <= max.x {
            bounds = Rect::from_min_max(min, max);
        }
    }
    let rect = (bounds * ppp).expand(1.0).intersect(clip).intersect(full);
    (h.0, rect)
}

/// FxHash's step (rustc's hasher): cheap, and good enough to tell frames apart.
struct Fx(u64);

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

#[cfg(test)]
mod tests {
    use std::num::NonZeroU32;

    use egui::epaint::{ClippedPrimitive, Mesh, Primitive};
    use egui::{Color32, Rect, pos2};

    use super::LastFrame;
    use crate::raster::Textures;

    fn square(x: f32, color: Color32) -> ClippedPrimitive {
        let mut mesh = Mesh::default();
        mesh.add_colored_rect(Rect::from_min_max(pos2(x, 2.0), pos2(x + 4.0, 6.0)), color);
        ClippedPrimitive {
            clip_rect: Rect::from_min_max(pos2(0.0, 0.0), pos2(32.0, 16.0)),
            primitive: Primitive::Mesh(mesh),
        }
    }

    /// The first frame is drawn whole; the same frame again draws nothing; a moved square damages
    /// where it was and where it is, and no more.
    #[test]
    fn only_what_changed_is_redrawn() {
        let (w, h) = (
            NonZeroU32::MIN.saturating_add(31),
            NonZeroU32::MIN.saturating_add(15),
        );
        let textures = Textures::default();
        let mut frame = LastFrame::default();
        let first = [square(2.0, Color32::RED)];
        let full = frame.redraw(&first, &textures, w, h, 1.0, Color32::WHITE);
        assert_eq!(
            full,
            Some(Rect::from_min_max(pos2(0.0, 0.0), pos2(32.0, 16.0)))
        );
        assert_eq!(
            frame.redraw(&first, &textures, w, h, 1.0, Color32::WHITE),
            None
        );
        let moved = [square(20.0, Color32::RED)];
        let damage = frame
            .redraw(&moved, &textures, w, h, 1.0, Color32::WHITE)
            .expect("damaged");
        assert!(damage.contains_rect(Rect::from_min_max(pos2(2.0, 2.0), pos2(24.0, 6.0))));
        assert!(
            damage.width() < 32.0 && damage.height() < 16.0,
            "{damage:?}"
        );
        assert!(frame.canvas.is_some());
    }
}
