//! Nothing a reader needs is hidden: in every chart of the shipped data, in both languages and at
//! 1× and 2×, no two pieces of text overlap and every visible category has its label.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may stop at the first surprise

use std::collections::BTreeSet;

use planboard::charts::ChartBody;
use planboard::export::{ImageOptions, ImageRequest, draw_offscreen};
use planboard::model::{Lang, load_default};

/// Every text the image paints: (its words, its rectangle in points).
fn texts(shapes: &[egui::epaint::ClippedShape]) -> Vec<(String, egui::Rect)> {
    fn walk(shape: &egui::Shape, clip: egui::Rect, out: &mut Vec<(String, egui::Rect)>) {
        match shape {
            egui::Shape::Vec(v) => v.iter().for_each(|s| walk(s, clip, out)),
            egui::Shape::Text(t) if !t.galley.job.text.trim().is_empty() => {
                // Each row's ink, without the leading space a label continuing a line starts with.
                for row in t.galley.rows.iter().filter(|r| !r.row.glyphs.is_empty()) {
                    let rect = row.rect_without_leading_space().translate(t.pos.to_vec2());
                    // Text wholly clipped away is not seen, and cannot collide.
                    if rect.is_positive() && clip.intersects(rect) {
                        out.push((t.galley.job.text.clone(), rect.intersect(clip)));
                    }
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for c in shapes {
        walk(&c.shape, c.clip_rect, &mut out);
    }
    out
}

#[test]
fn no_text_overlaps_and_no_category_loses_its_label() {
    let report = load_default().expect("the embedded data");
    let mut failures = Vec::new();
    // Images, and the widths a chart card has in the window: two columns of a 1440-point window,
    // one column of the smallest window (720×480).
    let sizes = [
        egui::vec2(900.0, 500.0),
        egui::vec2(560.0, 400.0),
        egui::vec2(440.0, 340.0),
    ];
    for lang in [Lang::Zh, Lang::En] {
        for (scale, size) in [1.0, 2.0]
            .into_iter()
            .flat_map(|s| sizes.iter().map(move |z| (s, *z)))
        {
            let opts = ImageOptions {
                lang,
                scale,
                size,
                ..ImageOptions::default()
            };
            for chart in &report.charts {
                let drawn = draw_offscreen(&ImageRequest {
                    report: &report,
                    chart,
                    hidden: BTreeSet::new(),
                    data_label: "test.ron".to_owned(),
                    options: opts,
                });
                let texts = texts(&drawn.output.shapes);
                for (i, (a, ra)) in texts.iter().enumerate() {
                    for (b, rb) in &texts[i + 1..] {
                        if a == b && ra.min.y != rb.min.y {
                            continue; // two rows of one text
                        }
                        // Half a point of slack: glyph boxes touch without ink overlapping.
                        if ra.shrink(0.5).intersects(rb.shrink(0.5)) {
                            failures.push(format!(
                                "{} {lang:?} {scale}× {}: `{}` overlaps `{}`",
                                chart.id,
                                size.x,
                                a.replace('\n', "⏎"),
                                b.replace('\n', "⏎")
                            ));
                        }
                    }
                }
                let spec = planboard::charts::build(&report, chart, lang, &BTreeSet::new());
                let squash = |t: &str| t.split_whitespace().collect::<String>();
                let painted: Vec<String> = texts.iter().map(|(t, _)| squash(t)).collect();
                // Year axes may thin their labels evenly; the first year always shows.
                let categories = match spec.body {
                    // A card has no axis: its figure's name is its title.
                    ChartBody::Card(_) => &spec.categories[..0],
                    ChartBody::Lines(_) | ChartBody::Targets(_) => &spec.categories[..1],
                    ChartBody::Bars(_) => &spec.categories[..],
                };
                for category in categories {
                    let want = squash(&category.label);
                    // Whole, or shortened with "…" (the tooltip has the full name).
                    let shown = painted.iter().any(|t| {
                        *t == want
                            || t.strip_suffix('…')
                                .is_some_and(|head| !head.is_empty() && want.starts_with(head))
                    });
                    if !shown {
                        failures.push(format!(
                            "{} {lang:?} {scale}× {}: category `{}` has no label",
                            chart.id, size.x, category.label
                        ));
                    }
                }
            }
        }
    }
    failures.dedup();
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
