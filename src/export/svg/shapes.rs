//! egui's shapes as SVG elements, one function a kind of shape.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use egui::epaint::{CircleShape, EllipseShape, Mesh, PathShape, RectShape, Shape, Stroke};
use egui::{Color32, Pos2, StrokeKind};

use super::{Fonts, curve, num, paint_attrs, path_data, solid, write_text};

/// One shape (a list of shapes, each in turn) as SVG elements; the characters of its text are
/// noted in `used`, by font, for the fonts to embed.
pub(super) fn write_shape(
    out: &mut String,
    shape: &Shape,
    fonts: &Fonts,
    used: &mut BTreeMap<usize, BTreeSet<char>>,
) {
    match shape {
        // Charts never draw bands (their lines set `allow_band(false)`), nor paint callbacks.
        Shape::Noop | Shape::Callback(_) | Shape::Band(_) => {}
        Shape::Vec(shapes) => {
            for s in shapes {
                write_shape(out, s, fonts, used);
            }
        }
        Shape::Rect(r) => write_rect(out, r),
        Shape::Circle(c) => write_circle(out, c),
        Shape::Ellipse(e) => write_ellipse(out, e),
        Shape::LineSegment { points, stroke } => write_segment(out, *points, *stroke),
        Shape::Path(p) => write_path(out, p),
        Shape::QuadraticBezier(b) => {
            let [start, c, end] = b.points;
            curve(out, 'Q', start, &[c, end], b.closed);
            paint_attrs(out, b.fill, b.stroke.width, solid(&b.stroke.color));
            out.push_str("/>\n");
        }
        Shape::CubicBezier(b) => {
            let [start, c1, c2, end] = b.points;
            curve(out, 'C', start, &[c1, c2, end], b.closed);
            paint_attrs(out, b.fill, b.stroke.width, solid(&b.stroke.color));
            out.push_str("/>\n");
        }
        Shape::Mesh(mesh) => write_mesh(out, mesh),
        Shape::Text(text) => write_text(out, text, fonts, used),
    }
}

/// A rectangle, its stroke inside, outside or centred on its edge as egui strokes it.
fn write_rect(out: &mut String, r: &RectShape) {
    let half = r.stroke.width / 2.0;
    let rect = match (r.stroke.is_empty(), r.stroke_kind) {
        (true, _) | (false, StrokeKind::Middle) => r.rect,
        (false, StrokeKind::Inside) => r.rect.shrink(half),
        (false, StrokeKind::Outside) => r.rect.expand(half),
    };
    let radius = f32::from(r.corner_radius.nw.max(r.corner_radius.se));
    let _ = write!(
        out,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"",
        num(rect.min.x),
        num(rect.min.y),
        num(rect.width().max(0.0)),
        num(rect.height().max(0.0))
    );
    if radius > 0.0 {
        let _ = write!(out, " rx=\"{}\"", num(radius));
    }
    paint_attrs(out, r.fill, r.stroke.width, r.stroke.color);
    out.push_str("/>\n");
}

fn write_circle(out: &mut String, c: &CircleShape) {
    let _ = write!(
        out,
        "<circle cx=\"{}\" cy=\"{}\" r=\"{}\"",
        num(c.center.x),
        num(c.center.y),
        num(c.radius)
    );
    paint_attrs(out, c.fill, c.stroke.width, c.stroke.color);
    out.push_str("/>\n");
}

fn write_ellipse(out: &mut String, e: &EllipseShape) {
    let _ = write!(
        out,
        "<ellipse cx=\"{}\" cy=\"{}\" rx=\"{}\" ry=\"{}\"",
        num(e.center.x),
        num(e.center.y),
        num(e.radius.x),
        num(e.radius.y)
    );
    paint_attrs(out, e.fill, e.stroke.width, e.stroke.color);
    out.push_str("/>\n");
}

/// A line segment; one with no stroke is nothing.
fn write_segment(out: &mut String, points: [Pos2; 2], stroke: Stroke) {
    if stroke.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"",
        num(points[0].x),
        num(points[0].y),
        num(points[1].x),
        num(points[1].y)
    );
    paint_attrs(out, Color32::TRANSPARENT, stroke.width, stroke.color);
    out.push_str("/>\n");
}

/// A path of two points or more; only a closed one is filled.
fn write_path(out: &mut String, p: &PathShape) {
    if p.points.len() < 2 {
        return;
    }
    let stroke_color = solid(&p.stroke.color);
    let fill = if p.closed {
        p.fill
    } else {
        Color32::TRANSPARENT
    };
    out.push_str("<path d=\"");
    path_data(out, &p.points, p.closed);
    out.push('"');
    paint_attrs(out, fill, p.stroke.width, stroke_color);
    out.push_str(" stroke-linejoin=\"round\"/>\n");
}

/// Untextured triangles only (images never appear in a chart), each a filled path.
fn write_mesh(out: &mut String, mesh: &Mesh) {
    for tri in mesh.indices.chunks_exact(3) {
        let v = |i: u32| mesh.vertices.get(i as usize);
        let (Some(a), Some(b), Some(c)) = (v(tri[0]), v(tri[1]), v(tri[2])) else {
            continue;
        };
        out.push_str("<path d=\"");
        path_data(out, &[a.pos, b.pos, c.pos], true);
        out.push('"');
        paint_attrs(out, a.color, 0.0, Color32::TRANSPARENT);
        out.push_str("/>\n");
    }
}
