use super::*;
use egui::epaint::{Mesh, Vertex};
use egui::{Pos2, Rect, pos2};

const RED: Color32 = Color32::from_rgb(255, 0, 0);

fn vertex(x: f32, y: f32, color: Color32) -> Vertex {
    Vertex {
        pos: pos2(x, y),
        uv: egui::epaint::WHITE_UV,
        color,
    }
}

/// Textures with a 1×1 opaque white texel at uv (0, 0), like egui's font atlas corner.
fn white() -> Textures {
    let mut delta = TexturesDelta::default();
    delta.set.insert(
        TextureId::default(),
        [egui::epaint::ImageDelta::full(
            ColorImage::new([1, 1], vec![Color32::WHITE]),
            egui::TextureOptions::LINEAR,
        )]
        .into(),
    );
    let mut t = Textures::default();
    t.apply(&mut delta);
    t
}

fn mesh(vertices: Vec<Vertex>, indices: Vec<u32>, texture_id: TextureId) -> ClippedPrimitive {
    ClippedPrimitive {
        clip_rect: Rect::EVERYTHING,
        primitive: Primitive::Mesh(Mesh {
            indices,
            vertices,
            texture_id,
        }),
    }
}

fn quad(min: Pos2, max: Pos2, color: Color32) -> ClippedPrimitive {
    mesh(
        vec![
            vertex(min.x, min.y, color),
            vertex(max.x, min.y, color),
            vertex(max.x, max.y, color),
            vertex(min.x, max.y, color),
        ],
        vec![0, 1, 2, 0, 2, 3],
        TextureId::default(),
    )
}

fn alpha_map(c: &Canvas) -> Vec<String> {
    (0..c.height)
        .map(|y| {
            (0..c.width)
                .map(|x| {
                    if c.pixels[y * c.width + x].a() > 0 {
                        '#'
                    } else {
                        '.'
                    }
                })
                .collect()
        })
        .collect()
}

#[test]
fn a_triangle_covers_the_pixel_centers_inside_it() {
    let mut c = Canvas::new(4, 4, Color32::TRANSPARENT);
    let tri = mesh(
        vec![
            vertex(0.0, 0.0, RED),
            vertex(4.0, 0.0, RED),
            vertex(0.0, 4.0, RED),
        ],
        vec![0, 1, 2],
        TextureId::default(),
    );
    c.paint(&[tri], &white(), 1.0);
    // Centers with x + y < 3 are inside; those exactly on the long edge (x + y = 3) belong to the
    // neighbour across it.
    assert_eq!(alpha_map(&c), ["###.", "##..", "#...", "...."]);
    assert_eq!(c.pixels[0].to_array(), [255, 0, 0, 255]);
}

#[test]
fn a_quad_of_two_triangles_blends_each_pixel_once() {
    let mut c = Canvas::new(5, 3, Color32::TRANSPARENT);
    let half = Color32::from_rgba_premultiplied(100, 0, 0, 128);
    c.paint(&[quad(pos2(0.0, 0.0), pos2(5.0, 3.0), half)], &white(), 1.0);
    assert!(
        c.pixels.iter().all(|p| p.to_array() == [100, 0, 0, 128]),
        "{:?}",
        c.pixels
    );
}

#[test]
fn the_clip_rectangle_is_honoured() {
    let mut c = Canvas::new(8, 8, Color32::TRANSPARENT);
    let mut q = quad(pos2(0.0, 0.0), pos2(8.0, 8.0), RED);
    q.clip_rect = Rect::from_min_max(pos2(1.0, 1.0), pos2(3.0, 3.0));
    // At 2 pixels per point the clip is pixels 2..6.
    let mut c2 = Canvas::new(8, 8, Color32::TRANSPARENT);
    c2.paint(std::slice::from_ref(&q), &white(), 1.0);
    assert_eq!(alpha_map(&c2)[0], "........");
    assert_eq!(alpha_map(&c2)[1], ".##.....");
    q.primitive = match q.primitive {
        Primitive::Mesh(mut m) => {
            for v in &mut m.vertices {
                v.pos = pos2(v.pos.x / 2.0, v.pos.y / 2.0);
            }
            Primitive::Mesh(m)
        }
        other @ Primitive::Callback(_) => other,
    };
    c.paint(&[q], &white(), 2.0);
    assert_eq!(
        alpha_map(&c),
        [
            "........", "........", "..####..", "..####..", "..####..", "..####..", "........",
            "........"
        ]
    );
}

#[test]
fn a_textured_quad_samples_texel_centers_exactly() {
    let texels = vec![
        Color32::from_rgb(10, 20, 30),
        Color32::from_rgb(40, 50, 60),
        Color32::from_rgba_premultiplied(70, 80, 90, 200),
        Color32::from_rgb(100, 110, 120),
    ];
    let id = TextureId::Managed(7);
    let mut delta = TexturesDelta::default();
    delta.set.insert(
        id,
        [egui::epaint::ImageDelta::full(
            ColorImage::new([2, 2], texels.clone()),
            egui::TextureOptions::LINEAR,
        )]
        .into(),
    );
    let mut textures = Textures::default();
    textures.apply(&mut delta);
    assert!(delta.set.is_empty(), "the delta is consumed");
    let v = |x: f32, y: f32| Vertex {
        pos: pos2(x, y),
        uv: pos2(x / 2.0, y / 2.0),
        color: Color32::WHITE,
    };
    let q = mesh(
        vec![v(0.0, 0.0), v(2.0, 0.0), v(2.0, 2.0), v(0.0, 2.0)],
        vec![0, 1, 2, 0, 2, 3],
        id,
    );
    let mut c = Canvas::new(2, 2, Color32::TRANSPARENT);
    c.paint(&[q], &textures, 1.0);
    let expected = texels.clone();
    assert_eq!(c.pixels, expected);

    // Halfway between texel centers the sample is their mean: (10+40)/2 = 25, (20+50)/2 = 35 …
    let t = textures.map.get(&id).expect("texture");
    assert_eq!(t.sample(0.5, 0.25), [25.0, 35.0, 45.0, 255.0]);
}

#[test]
fn alpha_over_alpha_follows_the_premultiplied_over_operator() {
    let gray = Color32::from_rgba_premultiplied(128, 128, 128, 128);
    let mut c = Canvas::new(1, 1, Color32::TRANSPARENT);
    c.paint(&[quad(pos2(0.0, 0.0), pos2(1.0, 1.0), gray)], &white(), 1.0);
    assert_eq!(c.pixels[0].to_array(), [128, 128, 128, 128]);
    c.paint(&[quad(pos2(0.0, 0.0), pos2(1.0, 1.0), gray)], &white(), 1.0);
    // 128 + 128 × (1 − 128/255) = 191.75
    assert_eq!(c.pixels[0].to_array(), [192, 192, 192, 192]);
    // Over an opaque background the result stays opaque.
    let mut c = Canvas::new(1, 1, Color32::WHITE);
    c.paint(&[quad(pos2(0.0, 0.0), pos2(1.0, 1.0), gray)], &white(), 1.0);
    // 128 + 255 × (127/255) = 255
    assert_eq!(c.pixels[0].to_array(), [255, 255, 255, 255]);
}

#[test]
fn colors_are_interpolated_across_a_triangle() {
    let mut c = Canvas::new(4, 1, Color32::TRANSPARENT);
    let black = Color32::BLACK;
    let white = Color32::WHITE;
    let q = mesh(
        vec![
            vertex(0.0, 0.0, black),
            vertex(4.0, 0.0, white),
            vertex(4.0, 1.0, white),
            vertex(0.0, 1.0, black),
        ],
        vec![0, 1, 2, 0, 2, 3],
        TextureId::default(),
    );
    c.paint(&[q], &super::tests::white(), 1.0);
    // Centers at x = 0.5, 1.5, 2.5, 3.5: 255 × x / 4.
    let reds: Vec<u8> = c.pixels.iter().map(egui::Color32::r).collect();
    assert_eq!(reds, vec![32, 96, 159, 223]);
}

#[test]
fn a_later_full_cover_hides_earlier_work_but_a_wedge_does_not() {
    let blue = Color32::from_rgb(0, 0, 255);
    let mut c = Canvas::new(6, 4, Color32::TRANSPARENT);
    c.paint(
        &[
            quad(pos2(0.0, 0.0), pos2(6.0, 4.0), RED),
            quad(pos2(0.0, 0.0), pos2(6.0, 4.0), blue),
        ],
        &white(),
        1.0,
    );
    assert!(c.pixels.iter().all(|p| *p == blue));

    // Two triangles over the four corners that share a side, not the diagonal, leave a wedge.
    let mut c = Canvas::new(6, 4, Color32::TRANSPARENT);
    let wedge = mesh(
        vec![
            vertex(0.0, 0.0, blue),
            vertex(6.0, 0.0, blue),
            vertex(6.0, 4.0, blue),
            vertex(0.0, 4.0, blue),
        ],
        vec![0, 1, 2, 1, 2, 3],
        TextureId::default(),
    );
    c.paint(
        &[quad(pos2(0.0, 0.0), pos2(6.0, 4.0), RED), wedge],
        &white(),
        1.0,
    );
    assert!(
        c.pixels.contains(&RED),
        "the uncovered wedge keeps the earlier red"
    );
}
