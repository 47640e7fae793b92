//! Targets and results across the years: lines that never join a target to a result, years on
//! the axis and in the key, gap labels that say what they compare, and the verdicts of the
//! targets-and-results chart.

use std::collections::BTreeSet;

use planboard::charts::{self, ChartBody, ChartSpec, Status, layout::plot_layout};
use planboard::draw::{footnote, image_ui};
use planboard::model::{Chart, ChartKind, Lang, PointKind, Report, Text, load_default};

/// Text width roughly as the app's fonts give it: CJK a square, Latin about half.
fn estimate(text: &str) -> f32 {
    text.chars()
        .map(|c| if c.is_ascii() { 7.0 } else { 13.0 })
        .sum()
}

fn report() -> Report {
    load_default().expect("the embedded data")
}

fn chart(id: &str, kind: ChartKind, series: &[&str], kinds: Vec<PointKind>) -> Chart {
    Chart {
        id: id.into(),
        title: Text {
            zh: "测试".into(),
            en: "Test".into(),
        },
        kind,
        series: series.iter().map(|s| (*s).to_owned()).collect(),
        measure: None,
        kinds,
        sources: Vec::new(),
        reference_lines: Vec::new(),
        year: None,
        from: None,
    }
}

/// The first series' figures of a line or targets chart.
fn first_results_and_targets(spec: &ChartSpec) -> &charts::ResultsAndTargets {
    match &spec.body {
        ChartBody::Lines(series) => &series[0].figures,
        ChartBody::Targets(series) => &series[0].figures,
        other => panic!(
            "{}: a line or targets chart expected, not {other:?}",
            spec.id
        ),
    }
}

/// Every shape an image of `spec` paints, flattened.
fn painted(spec: &charts::ChartSpec) -> Vec<egui::epaint::ClippedShape> {
    let ctx = egui::Context::default();
    planboard::draw::fonts::install(&ctx);
    let note = footnote(spec, "test.ron", spec.lang);
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(900.0, 500.0),
        )),
        ..Default::default()
    };
    let mut out = None;
    for _ in 0..2 {
        let mut pass = ctx.run_ui(input.clone(), |ui| {
            image_ui(ui, spec, &note);
        });
        pass.textures_delta.clear();
        out = Some(pass);
    }
    out.expect("a pass").shapes
}

fn flatten(shape: &egui::Shape, out: &mut Vec<egui::Shape>) {
    match shape {
        egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| flatten(s, out)),
        other => out.push(other.clone()),
    }
}

#[test]
fn a_target_and_a_result_of_one_year_are_two_lines_never_a_band() {
    let report = report();
    // GDP growth has a 2022 target (6%左右) and a 2022 result (3%): the case egui_plot would merge.
    let c = chart("gdp_years", ChartKind::Lines, &["gdp"], Vec::new());
    let spec = charts::build(&report, &c, Lang::Zh, &BTreeSet::new());
    let gdp = first_results_and_targets(&spec);
    assert!(matches!(spec.body, ChartBody::Lines(_)));
    assert!(gdp.results.iter().all(|p| p.kind != PointKind::Target));
    assert!(gdp.targets.iter().all(|p| p.kind == PointKind::Target));
    assert!(gdp.results.iter().any(|p| p.x == 2022.0) && gdp.targets.iter().any(|p| p.x == 2022.0));
    for line in [&gdp.results, &gdp.targets] {
        let xs: BTreeSet<i64> = line.iter().map(|p| p.x as i64).collect();
        assert_eq!(xs.len(), line.len(), "one point a year in each line");
    }
    // The key says which line is which.
    let key: Vec<&str> = spec.key.iter().map(|(_, l)| l.as_str()).collect();
    assert_eq!(key, ["完成（实线）", "目标（虚线）"]);

    // Drawn: no filled shape at all (bars and bands would be the only fills in a line chart).
    let mut shapes = Vec::new();
    for clipped in painted(&spec) {
        flatten(&clipped.shape, &mut shapes);
    }
    let filled = shapes.iter().filter(|s| match s {
        egui::Shape::Path(p) => {
            p.closed && p.fill != egui::Color32::TRANSPARENT && p.points.len() > 3
        }
        egui::Shape::Mesh(m) => m.texture_id == egui::TextureId::default() && m.indices.len() > 6,
        _ => false,
    });
    assert_eq!(filled.count(), 0, "no band between a target and a result");
}

#[test]
fn many_years_are_labelled_evenly_and_value_labels_thin_out() {
    let report = report();
    let c = chart("gdp_level", ChartKind::Lines, &["gdp"], Vec::new());
    let mut c = c;
    c.measure = Some("level".into());
    let spec = charts::build(&report, &c, Lang::Zh, &BTreeSet::new());
    let years: Vec<&str> = spec.categories.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(years, ["2018", "2020", "2022", "2023", "2024"]);
    // Wide: every year and every value.
    let wide = plot_layout(&spec, 900.0, 400.0, 13.0, &estimate);
    assert_eq!(wide.category_labels.len(), 5);
    assert!(wide.label_every_point);
    // Narrow: every second year, evenly, the first kept; only the last value labelled.
    let narrow = plot_layout(&spec, 200.0, 300.0, 13.0, &estimate);
    let kept: Vec<&str> = narrow
        .category_labels
        .iter()
        .map(|(_, l)| l.as_str())
        .collect();
    assert_eq!(kept, ["2018", "2022", "2024"]);
    assert!(!narrow.label_every_point);
}

#[test]
fn bars_over_several_years_say_their_year_and_gaps_pair_only_two() {
    let report = report();
    // Results and targets of 2022 and 2023 for GDP growth: four bars in one group.
    let c = chart(
        "gdp_bars",
        ChartKind::GroupedBars,
        &["gdp", "industrial_value_added"],
        Vec::new(),
    );
    let spec = charts::build(&report, &c, Lang::Zh, &BTreeSet::new());
    let ChartBody::Bars(series) = &spec.body else {
        panic!("a bar chart")
    };
    let gdp = &series[0].figures;
    assert!(gdp.len() > 2);
    assert!(
        gdp.iter().all(|b| b.label.starts_with("2022年\n")
            || b.label.starts_with("2023年\n")
            || b.label.starts_with("2024年\n")),
        "{:?}",
        gdp.iter().map(|b| &b.label).collect::<Vec<_>>()
    );
    // Told apart by shade too: the latest year of a kind in its own colour, each year back a
    // lighter shade, and the key naming each year with its shade.
    for b in gdp {
        let later = gdp.iter().filter(|o| o.kind == b.kind && o.x > b.x).count();
        assert_eq!(b.shade, later, "{}", b.label);
    }
    let key: Vec<(PointKind, usize, &str)> = spec
        .key
        .iter()
        .map(|(look, l)| (look.kind, look.shade, l.as_str()))
        .collect();
    assert_eq!(
        key,
        [
            (PointKind::Actual, 3, "2018年完成"),
            (PointKind::Actual, 2, "2022年完成"),
            (PointKind::Actual, 1, "2023年完成"),
            (PointKind::Actual, 0, "2024年完成"),
            (PointKind::Target, 1, "2022年目标"),
            (PointKind::Target, 0, "2023年目标"),
        ]
    );
    // In year order, each year's result before its target.
    let order: Vec<(f64, PointKind)> = gdp.iter().map(|b| (b.x, b.kind)).collect();
    assert!(order.windows(2).all(|w| w[0].0 < w[1].0));
    assert!(
        spec.gaps.is_empty(),
        "no gap label for a group of more than two"
    );

    // The headline chart pairs a 2022 result with a 2023 target, and says so.
    let headline = report.chart("headline").expect("headline");
    let spec = charts::build(&report, headline, Lang::Zh, &BTreeSet::new());
    assert_eq!(
        spec.gap_note.as_deref(),
        Some("差值：2023年目标比2022年完成")
    );
    let texts: Vec<&str> = spec.gaps.iter().map(|g| g.text.as_str()).collect();
    assert!(texts.contains(&"高约4个百分点"), "{texts:?}");
    assert!(texts.contains(&"高26.9个百分点"), "{texts:?}");
    let en = charts::build(&report, headline, Lang::En, &BTreeSet::new());
    assert_eq!(
        en.gap_note.as_deref(),
        Some("Gaps: 2023 target against 2022 result")
    );
    assert!(en.gaps.iter().any(|g| g.text == "≈4 pp higher"));
}

#[test]
fn the_targets_chart_judges_each_year_and_says_what_is_missing() {
    let report = report();
    let c = report.chart("record_gdp").expect("record_gdp");
    let spec = charts::build(&report, c, Lang::Zh, &BTreeSet::new());
    let years: Vec<&str> = spec.categories.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(years, ["2022", "2023", "2024"]);
    let verdicts: Vec<(&str, Option<Status>)> = spec
        .gaps
        .iter()
        .map(|g| (g.text.as_str(), g.status))
        .collect();
    assert_eq!(
        verdicts,
        [
            ("未达标\n低3个百分点", Some(Status::Missed)),
            ("未达标\n低0.7个百分点", Some(Status::Missed)),
            ("无目标数据", None),
        ]
    );
    assert!(matches!(spec.body, ChartBody::Targets(_)));
    let gdp = first_results_and_targets(&spec);
    let labels: Vec<&str> = gdp.targets.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(
        labels,
        ["目标6左右", "目标7左右"],
        "the axis states the unit"
    );
    // The tooltip of a result states the comparison and the rule.
    let row = gdp.results[0]
        .detail
        .rows
        .iter()
        .find(|(k, _)| k == "对照目标")
        .expect("against target");
    assert!(row.1.starts_with("低于目标3个百分点，未达标"), "{}", row.1);
    assert!(row.1.contains("判定规则"));
    // The key names result and target.
    assert_eq!(spec.key.len(), 2);

    // An amount target: completion ratio, met at 103.6%.
    let c = report
        .chart("record_investment_amount")
        .expect("amount chart");
    let spec = charts::build(&report, c, Lang::En, &BTreeSet::new());
    let met = spec
        .gaps
        .iter()
        .find(|g| g.status == Some(Status::Met))
        .expect("2022 met");
    assert_eq!(met.text, "met\n103.6% of target");
    // A target with no result on record says so.
    let c = report.chart("record_revenue").expect("revenue chart");
    let spec = charts::build(&report, c, Lang::Zh, &BTreeSet::new());
    assert_eq!(
        spec.gaps.last().map(|g| g.text.as_str()),
        Some("无结果数据")
    );
}

#[test]
fn the_default_view_opens_on_targets_and_results() {
    let report = report();
    assert_eq!(report.pages[0].id, "targets");
    assert_eq!(report.pages[0].title.zh, "目标与完成");
}

/// A line chart of `series` indicators over `years` years from 2000, each value `value(s, y)`.
fn generated_lines(series: usize, years: usize, value: fn(usize, usize) -> f64) -> ChartSpec {
    use crate::support::generated::point;
    use planboard::model::{Basis, Better, DataPoint, Indicator};
    let mut report = report();
    report.indicators = (0..series)
        .map(|s| Indicator {
            id: format!("s{s}"),
            name: Text {
                zh: format!("指标{s}"),
                en: format!("Indicator {s}"),
            },
            category: "economy".into(),
            unit: "pct".into(),
            measures: Vec::new(),
            better: Better::Higher,
            series: None,
            samples: None,
            points: (0..years)
                .map(|y| DataPoint {
                    basis: Basis::Rate,
                    ..point(2000 + y as i32, PointKind::Actual, value(s, y))
                })
                .collect(),
        })
        .collect();
    let ids: Vec<String> = report.indicators.iter().map(|i| i.id.clone()).collect();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let c = chart("generated", ChartKind::Lines, &ids, Vec::new());
    charts::build(&report, &c, Lang::Zh, &BTreeSet::new())
}

#[test]
fn close_values_of_two_lines_get_their_labels_apart() {
    // 10.2 and 10.1 in every year: one label above its point, the other below, never both above.
    let spec = generated_lines(2, 3, |s, _| 10.2 - 0.1 * s as f64);
    let layout = plot_layout(&spec, 900.0, 400.0, 13.0, &estimate);
    for year in 0..3 {
        let at: Vec<bool> = layout
            .point_labels
            .iter()
            .filter(|l| l.index == year)
            .map(|l| l.above)
            .collect();
        assert_eq!(
            at.len(),
            2,
            "both values labelled in year {year}: {layout:?}"
        );
        assert_ne!(at[0], at[1], "one above, one below: {layout:?}");
    }
    // A third line at 10.0 has no side left: its labels are left to the tooltip.
    let spec = generated_lines(3, 3, |s, _| 10.2 - 0.1 * s as f64);
    let layout = plot_layout(&spec, 900.0, 400.0, 13.0, &estimate);
    assert!(
        layout.point_labels.iter().all(|l| l.series < 2),
        "{layout:?}"
    );
}

#[test]
fn sixty_years_are_labelled_evenly_by_their_measured_width() {
    let spec = generated_lines(1, 60, |_, y| y as f64);
    for width in [300.0, 440.0, 900.0, 1400.0] {
        let layout = plot_layout(&spec, width, 400.0, 13.0, &estimate);
        let xs: Vec<f64> = layout.category_labels.iter().map(|(x, _)| *x).collect();
        assert_eq!(xs.first(), Some(&2000.0), "the first year is kept");
        let steps: BTreeSet<i64> = xs.windows(2).map(|w| (w[1] - w[0]) as i64).collect();
        assert_eq!(steps.len(), 1, "evenly: {xs:?}");
        // Neighbouring labels are at least a year's label and a margin apart.
        let step = *steps.iter().next().expect("a step") as f32;
        let px_per_year = (width - 56.0) / 60.0;
        assert!(
            step * px_per_year >= estimate("2024") + 4.0,
            "{width}: {xs:?}"
        );
    }
}
