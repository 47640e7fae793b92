//! SVG images: well-formed, every label a `<text>` with its words, hidden series absent, the same
//! bytes twice, and, rendered by resvg, close to the PNG of the same chart.

use std::collections::BTreeSet;

use planboard::charts;
use planboard::export::ImageFormat;
use planboard::export::{ImageOptions, ImageRequest};
use planboard::model::{Lang, Report, load_default};

fn report() -> Report {
    load_default().expect("the embedded data")
}

fn svg_options(lang: Lang) -> ImageOptions {
    ImageOptions {
        lang,
        format: ImageFormat::Svg,
        ..ImageOptions::default()
    }
}

/// The request for an image of `chart`, its footnote naming `test.ron`.
fn request<'a>(
    report: &'a Report,
    chart: &'a planboard::model::Chart,
    hidden: &BTreeSet<String>,
    options: ImageOptions,
) -> ImageRequest<'a> {
    ImageRequest {
        report,
        chart,
        hidden: hidden.clone(),
        view: planboard::charts::time::TimeView::default(),
        data_label: "test.ron".to_owned(),
        options,
    }
}

fn svg_of(report: &Report, id: &str, hidden: &BTreeSet<String>, lang: Lang) -> String {
    let chart = report.chart(id).expect("chart");
    let bytes =
        planboard::export::bytes(&request(report, chart, hidden, svg_options(lang))).expect("svg");
    String::from_utf8(bytes).expect("UTF-8")
}

/// The text of every `<text>` element.
fn texts(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).expect("well-formed XML");
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn every_chart_is_well_formed_svg_with_its_labels_as_text() {
    let report = report();
    for lang in [Lang::Zh, Lang::En] {
        for chart in &report.charts {
            let svg = svg_of(&report, &chart.id, &BTreeSet::new(), lang);
            let texts = texts(&svg);
            let joined = texts.join("\n");
            let spec = charts::build(&report, chart, lang, &BTreeSet::new());
            // Labels are laid out in rows: each row of a label is a text element with its words.
            let mut words: Vec<&str> = vec![spec.title.as_str()];
            words.extend(
                spec.body
                    .series()
                    .into_iter()
                    .flat_map(|s| s.figures())
                    .flat_map(|b| b.label.lines()),
            );
            words.extend(spec.gaps.iter().flat_map(|g| g.text.lines()));
            words.extend(spec.card().map(|card| card.number.as_str()));
            for word in words {
                let squashed: String = word.split_whitespace().collect();
                let found = texts.iter().any(|t| {
                    let t: String = t.split_whitespace().collect();
                    t.contains(&squashed) || squashed.contains(&t) && !t.is_empty()
                });
                assert!(
                    found,
                    "{} ({lang:?}): `{word}` not in any <text>:\n{joined}",
                    chart.id
                );
            }
            assert!(svg.contains("@font-face"), "{}: fonts embedded", chart.id);
        }
    }
}

#[test]
fn the_headline_svg_is_small_and_the_same_twice() {
    let report = report();
    let a = svg_of(&report, "headline", &BTreeSet::new(), Lang::Zh);
    let b = svg_of(&report, "headline", &BTreeSet::new(), Lang::Zh);
    assert_eq!(a, b, "the same input gives the same bytes");
    assert!(a.len() < 200 * 1024, "headline.svg is {} bytes", a.len());
    // Shapes, not triangles.
    assert!(a.contains("<rect ") && a.contains("<text "));
    assert!(!a.contains("<path d=\"M") || a.matches("<path").count() < 100);
}

#[test]
fn hidden_series_are_absent() {
    let report = report();
    let hidden: BTreeSet<String> = ["general_budget_revenue".to_owned()].into();
    let svg = svg_of(&report, "headline", &hidden, Lang::Zh);
    let texts = texts(&svg).join("\n");
    assert!(!texts.contains("一般公共预算收入"), "{texts}");
    assert!(!texts.contains("-9.9%"));
    assert!(texts.contains("地区生产总值"));
}

/// resvg renders what the SVG says; the fonts it needs are the app's, given to it directly (resvg
/// does not read embedded @font-face data).
fn render_svg(svg: &str) -> image::RgbaImage {
    let mut db = resvg::usvg::fontdb::Database::new();
    let defs = planboard::draw::fonts::definitions();
    for data in defs.font_data.values() {
        let bytes: &[u8] = data.font.as_ref().as_ref();
        db.load_font_data(bytes.to_vec());
    }
    let latin = db
        .faces()
        .find(|f| f.families.iter().any(|(n, _)| n.starts_with("Ubuntu")))
        .map(|f| f.families[0].0.clone())
        .expect("egui's Latin font");
    db.set_sans_serif_family(latin);
    let options = resvg::usvg::Options {
        fontdb: std::sync::Arc::new(db),
        ..Default::default()
    };
    let tree = resvg::usvg::Tree::from_str(svg, &options).expect("usvg parses it");
    // The SVG's width and height are the PNG's pixels; its viewBox is in points.
    let size = tree.size().to_int_size();
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height()).expect("pixmap");
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::identity(),
        &mut pixmap.as_mut(),
    );
    let (w, h) = (pixmap.width(), pixmap.height());
    image::RgbaImage::from_raw(w, h, pixmap.take_demultiplied()).expect("image")
}

#[test]
fn rendered_svg_matches_the_png() {
    let report = report();
    let mut worst = 0.0_f64;
    for id in ["headline", "record_gdp", "pm25", "waste_rates"] {
        let chart = report.chart(id).expect("chart");
        let opts = ImageOptions::default();
        let png = planboard::export::image(&request(&report, chart, &BTreeSet::new(), opts));
        let svg = svg_of(&report, id, &BTreeSet::new(), Lang::Zh);
        let rendered = render_svg(&svg);
        assert_eq!(
            (rendered.width() as usize, rendered.height() as usize),
            (png.size[0], png.size[1])
        );
        if let Ok(dir) = std::env::var("PLANBOARD_SVG_OUT") {
            rendered.save(format!("{dir}/{id}.svg.png")).expect("save");
        }
        let mut sum = 0u64;
        for (a, b) in rendered.pixels().zip(png.pixels.iter()) {
            let b = b.to_srgba_unmultiplied();
            for (x, y) in a.0.iter().zip(b).take(3) {
                sum += u64::from(x.abs_diff(y));
            }
        }
        let mean = sum as f64 / (png.pixels.len() * 3) as f64;
        eprintln!("{id}: mean |Δ| = {mean:.3} levels a channel");
        worst = worst.max(mean);
    }
    // Measured: 1.1–1.8 levels a channel (glyph edges, and egui's slanted italics, which an SVG
    // viewer draws upright without an italic face).
    assert!(worst <= 3.0, "mean difference {worst:.3} levels a channel");
}

/// Standard base64 back to bytes, for reading the embedded fonts.
fn unbase64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let clean: Vec<u8> = text.bytes().filter(|c| *c != b'=').collect();
    let mut out = Vec::new();
    for chunk in clean.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, c)| n | u32::from(value(*c)) << (18 - 6 * i));
        for k in 0..chunk.len().saturating_sub(1) {
            out.push((n >> (16 - 8 * k)) as u8);
        }
    }
    out
}

#[test]
fn the_embedded_fonts_map_every_character_of_the_text() {
    let report = report();
    for lang in [Lang::Zh, Lang::En] {
        let svg = svg_of(&report, "headline", &BTreeSet::new(), lang);
        let fonts: Vec<Vec<u8>> = svg
            .split("base64,")
            .skip(1)
            .map(|rest| unbase64(rest.split('"').next().unwrap_or_default()))
            .collect();
        assert!(!fonts.is_empty());
        let faces: Vec<ttf_parser::Face<'_>> = fonts
            .iter()
            .map(|f| ttf_parser::Face::parse(f, 0).expect("an embedded font parses"))
            .collect();
        for text in texts(&svg) {
            for c in text.chars().filter(|c| !c.is_whitespace()) {
                assert!(
                    faces.iter().any(|f| f.glyph_index(c).is_some()),
                    "{lang:?}: `{c}` has no glyph in the embedded fonts"
                );
            }
        }
        // Cut to what the image uses: far smaller than the 3 MB CJK font.
        let total: usize = fonts.iter().map(Vec::len).sum();
        assert!(total < 100 * 1024, "{total} bytes of fonts");
    }
}
