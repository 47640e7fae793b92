use std::collections::BTreeSet;

use super::*;
use crate::model::{ChartKind, load_default};

/// The series of a bar chart.
fn bars(s: &ChartSpec) -> &[Series<Vec<Figure>>] {
    match &s.body {
        ChartBody::Bars(series) => series,
        other => panic!("{}: a bar chart expected, not {other:?}", s.id),
    }
}

/// The series of a line chart.
fn lines(s: &ChartSpec) -> &[Series<ResultsAndTargets>] {
    match &s.body {
        ChartBody::Lines(series) => series,
        other => panic!("{}: a line chart expected, not {other:?}", s.id),
    }
}

fn spec(chart: &str, lang: Lang, hidden: &[&str]) -> ChartSpec {
    let report = load_default().expect("default report");
    let chart = report.chart(chart).expect("chart").clone();
    let hidden: BTreeSet<String> = hidden.iter().map(|s| (*s).to_owned()).collect();
    build(&report, &chart, lang, &hidden)
}

#[test]
fn headline_pairs_results_and_targets_with_zero_in_range() {
    let s = spec("headline", Lang::Zh, &[]);
    assert_eq!(bars(&s).len(), 5);
    assert!(bars(&s).iter().all(|x| x.figures.len() == 2));
    assert_eq!(s.categories.len(), 5);
    assert_eq!(s.categories[0].label, "地区生产总值");
    let gdp = &bars(&s)[0].figures;
    assert_eq!(
        (gdp[0].kind, gdp[0].label.as_str()),
        (PointKind::Actual, "3")
    );
    assert_eq!(
        (gdp[1].kind, gdp[1].label.as_str()),
        (PointKind::Target, "≈7")
    );
    assert!(
        s.value_range.0 < -9.9 && s.value_range.1 > 17.0,
        "{:?}",
        s.value_range
    );
    let texts: Vec<&str> = s.gaps.iter().map(|g| g.text.as_str()).collect();
    assert!(texts.contains(&"高约4个百分点"), "{texts:?}");
    assert!(texts.contains(&"高26.9个百分点"), "{texts:?}");
    assert_eq!(s.axis_label, "单位：%");
    assert_eq!(
        s.key,
        vec![
            (Look::of(PointKind::Actual), "2022年完成".to_owned()),
            (Look::of(PointKind::Target), "2023年目标".to_owned())
        ]
    );
}

#[test]
fn hiding_a_series_closes_up_and_the_range_follows() {
    let s = spec("headline", Lang::Zh, &["general_budget_revenue"]);
    assert_eq!(s.categories.len(), 4);
    assert!(!bars(&s)[4].visible);
    assert_eq!(s.value_range.0, 0.0, "no negative value is visible");
    assert_eq!(s.x_range, (-0.5, 3.5));
    let visible_x: Vec<f64> = s.categories.iter().map(|c| c.x).collect();
    assert_eq!(visible_x, vec![0.0, 1.0, 2.0, 3.0]);
}

#[test]
fn english_names_titles_and_units() {
    let s = spec("waste_capacity", Lang::En, &[]);
    assert_eq!(s.title, "Waste processing capacity (2022)");
    assert_eq!(s.axis_label, "Unit: t/d");
    // The axis says the unit; the label is the number.
    assert_eq!(bars(&s)[1].figures[0].label, "6,700");
    assert!(s.key.is_empty(), "one kind only: no key");
}

#[test]
fn before_after_shows_the_rise_in_points() {
    let s = spec("waste_rates", Lang::Zh, &[]);
    let rec = &bars(&s)[0].figures;
    assert_eq!((rec[0].kind, rec[0].value), (PointKind::Baseline, 36.0));
    assert_eq!((rec[1].kind, rec[1].value), (PointKind::Actual, 51.0));
    assert!(s.gaps.iter().any(|g| g.text == "高15个百分点"));
    assert_eq!(s.gap_note.as_deref(), Some("差值：2022年完成比起点"));
}

#[test]
fn reference_lines_are_toggleable_and_in_range() {
    let s = spec("pm25", Lang::Zh, &[]);
    assert_eq!(s.references.len(), 2);
    assert!(s.value_range.1 > 35.0);
    assert!(
        s.references[0].name.contains("35微克/立方米"),
        "{}",
        s.references[0].name
    );
    let s = spec("pm25", Lang::Zh, &["ref:gb3095_grade2"]);
    assert!(!s.references[0].visible);
    assert!(
        s.value_range.1 < 35.0,
        "the range follows the visible lines: {:?}",
        s.value_range
    );
}

#[test]
fn tooltip_detail_carries_quote_basis_and_period() {
    // The river share is one figure (a card in the window): its tooltip, as a bar's would be.
    let report = load_default().expect("default report");
    let chart = report.chart("river_share").expect("chart");
    let ind = report.indicator(&chart.series[0]).expect("indicator");
    let point = chart.drawn_points(ind)[0];
    let unit = report
        .unit_of_measure(ind, chart.measure.as_deref())
        .expect("unit");
    let detail = detail::detail(&report, ind, point, unit, Lang::Zh);
    assert_eq!(detail.quote, "总长度105.5km，优良率53.5%");
    let rows: Vec<(&str, &str)> = detail
        .rows
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    assert!(rows.contains(&("时期", "1-11月")), "{rows:?}");
    assert!(rows.contains(&("口径", "比率或占比")), "{rows:?}");
    assert!(rows.contains(&("类型", "2022年完成")), "{rows:?}");
}

#[test]
fn hit_finds_the_bar_under_the_pointer() {
    let s = spec("headline", Lang::Zh, &[]);
    let target = &bars(&s)[4].figures[1];
    let hit = s.hit(target.x, target.value / 2.0).expect("a bar");
    assert_eq!(hit.detail.quote, "一般公共预算收入同比增长 17%");
    let negative = &bars(&s)[4].figures[0];
    assert_eq!(s.hit(negative.x, -5.0).map(|b| b.value), Some(-9.9));
    assert!(s.hit(4.5, 10.0).is_none(), "between groups");
}

#[test]
fn every_declared_chart_builds_with_one_unit_and_visible_bars() {
    let report = load_default().expect("default report");
    for chart in &report.charts {
        let s = build(&report, chart, Lang::Zh, &BTreeSet::new());
        assert!(s.any_visible(), "{}", chart.id);
        match chart.kind {
            // Years on the axis; or places, at least one.
            ChartKind::Lines | ChartKind::TargetsAndResults | ChartKind::Places => {
                assert!(!s.categories.is_empty(), "{}", chart.id);
            }
            // One category a series.
            ChartKind::GroupedBars | ChartKind::BeforeAfter | ChartKind::ReferenceLines => {
                assert_eq!(s.categories.len(), chart.series.len(), "{}", chart.id);
            }
            // A calendar axis, no categories.
            ChartKind::TimeSeries => assert!(s.categories.is_empty(), "{}", chart.id),
        }
        // Zero is in range, so a fall reads as a fall (a chart of one fall ends at zero).
        assert!(
            s.value_range.0 <= 0.0 && s.value_range.1 >= 0.0 && s.value_range.0 < s.value_range.1,
            "{}",
            chart.id
        );
        for series in s.body.series() {
            for bar in series.figures() {
                assert!(
                    bar.value <= s.value_range.1 && bar.value >= s.value_range.0,
                    "{}",
                    chart.id
                );
            }
        }
    }
}

#[test]
fn a_line_chart_puts_years_on_the_x_axis() {
    let report = load_default().expect("default report");
    let chart = Chart {
        id: "gdp_line".into(),
        title: crate::model::Text {
            zh: "地区生产总值".into(),
            en: "GDP".into(),
        },
        kind: ChartKind::Lines,
        series: vec!["gdp".into(), "retail_sales".into()],
        measure: None,
        kinds: Vec::new(),
        // The plan report's own figures: its 2022 results and 2023 targets.
        sources: vec!["lg-plan-2022".into()],
        reference_lines: Vec::new(),
        year: None,
        from: None,
    };
    let s = build(&report, &chart, Lang::En, &BTreeSet::new());
    let years: Vec<&str> = s.categories.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(years, ["2022", "2023"]);
    assert_eq!(s.x_range, (2021.5, 2023.5));
    // The result and the target are two lines.
    let gdp = &lines(&s)[0].figures;
    let at = |run: &[Figure]| run.iter().map(|p| (p.x, p.value)).collect::<Vec<_>>();
    assert_eq!(at(&gdp.results), [(2022.0, 3.0)]);
    assert_eq!(at(&gdp.targets), [(2023.0, 7.0)]);
    assert_eq!(gdp.targets[0].label, "≈7");
    let hit = s.hit(2023.0, 7.0).expect("the 2023 point");
    assert_eq!(hit.detail.title, "Gross domestic product (GDP)");
}

#[test]
fn the_gap_qualifier_follows_both_figures() {
    use crate::model::Qualifier::*;
    assert_eq!(super::bars::gap_qualifier(Exact, Exact), "");
    assert_eq!(super::bars::gap_qualifier(Exact, AtLeast), "≥");
    assert_eq!(super::bars::gap_qualifier(Exact, AtMost), "≤");
    assert_eq!(super::bars::gap_qualifier(Exact, About), "≈");
    assert_eq!(super::bars::gap_qualifier(AtLeast, AtLeast), "≈");
}

#[test]
fn a_chart_of_one_figure_is_a_card_and_says_what_it_is() {
    let s = spec("card_general_budget_revenue", Lang::Zh, &[]);
    let card = s.card().expect("one figure: a card");
    assert_eq!((card.number.as_str(), card.unit.as_str()), ("-9.9", "%"));
    assert_eq!(card.kind, "2022年完成");
    assert_eq!(card.companions, ["2023年目标：17%"]);
    assert!(card.note.is_some(), "按自然口径");
    assert!(card.quote.contains("下降 9.9%"));
    // A starting level gives the change from it.
    let report = load_default().expect("default report");
    let mut chart = report.chart("waste_rates").expect("chart").clone();
    chart.series = vec!["recycling_rate".into()];
    chart.kinds = vec![PointKind::Actual];
    let s = build(&report, &chart, Lang::Zh, &BTreeSet::new());
    let card = s.card().expect("one figure");
    assert_eq!(card.change.as_deref(), Some("较起点36%高15个百分点"));
    // A figure against reference lines is a comparison: a chart.
    assert!(spec("pm25", Lang::Zh, &[]).card().is_none());
    assert!(spec("headline", Lang::Zh, &[]).card().is_none());
}
