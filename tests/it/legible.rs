//! Nothing a reader needs is hidden: in every chart of the shipped data, in both languages and at
//! 1× and 2×, no two pieces of text overlap and every visible category has its label.

use std::collections::BTreeSet;

use planboard::charts::ChartBody;
use planboard::export::{ImageOptions, ImageRequest, draw_offscreen};
use planboard::model::{Lang, load_default};

/// One row of painted text: its words, its rectangle in points, and which text shape it is a row of.
type Painted = (String, egui::Rect, usize);

/// Every text the image paints, row by row.
fn texts(shapes: &[egui::epaint::ClippedShape]) -> Vec<Painted> {
    fn walk(shape: &egui::Shape, clip: egui::Rect, out: &mut Vec<Painted>) {
        match shape {
            egui::Shape::Vec(v) => v.iter().for_each(|s| walk(s, clip, out)),
            egui::Shape::Text(t) if !t.galley.job.text.trim().is_empty() => {
                let shape = out.last().map_or(0, |(_, _, n)| n + 1);
                // Each row's ink, without the leading space a label continuing a line starts with.
                for row in t.galley.rows.iter().filter(|r| !r.row.glyphs.is_empty()) {
                    let rect = row.rect_without_leading_space().translate(t.pos.to_vec2());
                    // Text wholly clipped away is not seen, and cannot collide.
                    if rect.is_positive() && clip.intersects(rect) {
                        out.push((t.galley.job.text.clone(), rect.intersect(clip), shape));
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

/// Every pair of texts whose ink overlaps, said with `at` (chart, language, scale, size).
fn overlaps(texts: &[Painted], at: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, (a, ra, sa)) in texts.iter().enumerate() {
        for (b, rb, sb) in &texts[i + 1..] {
            if sa == sb {
                continue; // two rows of one text
            }
            // Half a point of slack: glyph boxes touch without ink overlapping.
            if ra.shrink(0.5).intersects(rb.shrink(0.5)) {
                out.push(format!(
                    "{at}: `{}` overlaps `{}` {ra:?} {rb:?}",
                    a.replace('\n', "⏎"),
                    b.replace('\n', "⏎")
                ));
            }
        }
    }
    out
}

/// Fails with every problem found, each once.
fn none_found(mut failures: Vec<String>) {
    failures.dedup();
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn no_text_overlaps_and_no_category_loses_its_label() {
    let mut failures = Vec::new();
    legible(&load_default().expect("the embedded data"), &mut failures);
    // Six provinces side by side: every place named, no label over another.
    let places =
        planboard::model::load_file(std::path::Path::new("tests/data/places/provinces-2026.ron"))
            .expect("the six provinces");
    legible(&places, &mut failures);
    none_found(failures);
}

/// What [`no_text_overlaps_and_no_category_loses_its_label`] finds wrong in `report`'s charts.
fn legible(report: &planboard::model::Report, failures: &mut Vec<String>) {
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
                    report,
                    chart,
                    hidden: BTreeSet::new(),
                    view: planboard::charts::time::TimeView::default(),
                    data_label: "test.ron".to_owned(),
                    options: opts,
                });
                let texts = texts(&drawn.output.shapes);
                let at = format!("{} {lang:?} {scale}× {}", chart.id, size.x);
                failures.extend(overlaps(&texts, &at));
                let spec = planboard::charts::build(report, chart, lang, &BTreeSet::new());
                let squash = |t: &str| t.split_whitespace().collect::<String>();
                let painted: Vec<String> = texts.iter().map(|(t, _, _)| squash(t)).collect();
                // Year axes may thin their labels evenly; the first year always shows.
                // A card has no axis (its figure's name is its title), nor a time chart (its
                // axis is a calendar).
                let categories = if spec.card().is_some() {
                    &spec.categories[..0]
                } else {
                    match spec.body {
                        ChartBody::Time(_) => &spec.categories[..0],
                        ChartBody::Lines(_) | ChartBody::Targets(_) => &spec.categories[..1],
                        ChartBody::Bars(_) | ChartBody::Places(_) => &spec.categories[..],
                    }
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
}

use crate::support::generated;

#[test]
fn no_text_overlaps_in_charts_of_generated_data() {
    let base = load_default().expect("the embedded data");
    let mut failures = Vec::new();
    let sizes = [
        egui::vec2(900.0, 500.0),
        egui::vec2(560.0, 400.0),
        egui::vec2(440.0, 340.0),
    ];
    let mut cases = Vec::new();
    for kind in [
        planboard::model::ChartKind::Lines,
        planboard::model::ChartKind::TargetsAndResults,
    ] {
        for series in [1, 2, 3, 6, 12] {
            for years in [1, 2, 3, 5, 8, 13, 21, 34, 60] {
                cases.push((kind, series, years));
            }
        }
    }
    // Bars: one category an indicator, 1 to 60 of them, each with its figures of two years.
    for series in [1, 2, 3, 6, 12, 25, 60] {
        cases.push((planboard::model::ChartKind::GroupedBars, series, 2));
    }
    for (kind, series, years) in cases {
        let report = generated::crowded(&base, kind, series, years);
        let chart = &report.charts[0];
        for (lang, scale) in [
            (Lang::Zh, 1.0),
            (Lang::En, 1.0),
            (Lang::Zh, 2.0),
            (Lang::En, 2.0),
        ] {
            for size in sizes {
                let opts = ImageOptions {
                    lang,
                    scale,
                    size,
                    ..ImageOptions::default()
                };
                let drawn = draw_offscreen(&ImageRequest {
                    report: &report,
                    chart,
                    hidden: BTreeSet::new(),
                    view: planboard::charts::time::TimeView::default(),
                    data_label: "generated".to_owned(),
                    options: opts,
                });
                let at = format!("{} {lang:?} {scale}× {}", chart.id, size.x);
                let texts = texts(&drawn.output.shapes);
                failures.extend(overlaps(&texts, &at));
                // Thinned or not, the first category keeps its label (whole, or shortened with
                // "…"); a card has none.
                let spec = planboard::charts::build(&report, chart, lang, &BTreeSet::new());
                let squash = |t: &str| t.split_whitespace().collect::<String>();
                if let (Some(first), None) = (spec.categories.first(), spec.card()) {
                    let want = squash(&first.label);
                    let shown = texts.iter().any(|(t, _, _)| {
                        let t = squash(t);
                        t == want
                            || t.strip_suffix('…')
                                .is_some_and(|head| !head.is_empty() && want.starts_with(head))
                    });
                    if !shown {
                        failures.push(format!("{at}: the first category has no label"));
                    }
                }
            }
        }
    }
    none_found(failures);
}
