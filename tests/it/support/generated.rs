//! Large data files made up for tests and benches: a first draft or a long series, with thousands of
//! figures that may each have one problem, and where each problem must be reported.
//!
//! Shared by `tests/` (through `support`) and `benches/check.rs` (through `#[path]`), so the file the
//! benchmark times is the one whose positions the tests check.

#![allow(dead_code)]

use std::fmt::Write as _;

use planboard::model::{
    Basis, Better, Chart, ChartKind, DataPoint, Indicator, PointKind, Qualifier, Report, Text,
};

/// What is wrong with every figure of a generated file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flaw {
    /// Nothing: the file is valid and its quotes state their values.
    None,
    /// Each quote states another number than its figure's value: found by the provenance check,
    /// reported at the value.
    QuoteWithoutValue,
    /// Each figure's year is outside the file's years: found by validation, reported at the year.
    YearOutOfRange,
}

/// A generated data file and where its problems must be reported.
#[derive(Debug)]
pub struct Generated {
    pub text: String,
    /// 1-based (line, column in characters) of each figure's flaw, in document order; empty for
    /// [`Flaw::None`].
    pub flaws: Vec<(usize, usize)>,
}

/// A valid report header: one source whose text is not at hand, one category, one unit.
const HEAD: &str = r#"// Generated: many figures, to time loading and checking.
#![enable(implicit_some)]
Report(
    title: (zh: "生成的报告", en: "Generated report"),
    issuer: (zh: "测试机关", en: "Test office"),
    years: (first: 2014, last: 2023),
    sources: [(id: "gen", title: (zh: "生成", en: "Generated"), issuer: (zh: "测试机关", en: "Test office"), kind: PlanReport, published: "2024-01-10", text: "generated-source-not-at-hand.txt")],
    categories: [(id: "economy", zh: "经济", en: "Economy")],
    units: [(id: "pct", zh: "%", en: "%", percent: true)],
    indicators: [
"#;

/// `figures` figures, `per_indicator` to an indicator (at most 10: one a year), each with `flaw`.
/// Every figure sits on its own line behind Chinese text, so columns count characters, not bytes.
/// About 260 bytes a figure, as the report that hung the program.
pub fn report(figures: usize, per_indicator: usize, flaw: Flaw) -> Generated {
    let per_indicator = per_indicator.clamp(1, 10);
    let mut text = String::with_capacity(figures * 300 + 2048);
    text.push_str(HEAD);
    let mut line = HEAD.lines().count() + 1;
    let mut flaws = Vec::new();
    let indicators = figures.div_ceil(per_indicator);
    for i in 0..indicators {
        let _ = writeln!(
            text,
            "        Indicator(id: \"i{i:05}\", name: (zh: \"第{i}项指标\", en: \"Indicator {i}\"), category: \"economy\", unit: \"pct\", points: ["
        );
        line += 1;
        let count = per_indicator.min(figures - i * per_indicator);
        for p in 0..count {
            let year = if flaw == Flaw::YearOutOfRange {
                2030 + p
            } else {
                2014 + p
            };
            let stated = (i % 90 + p) as f64 / 10.0 + 1.0;
            let value = if flaw == Flaw::QuoteWithoutValue {
                stated + 100.0
            } else {
                stated
            };
            let head = format!(
                "            Point(note: (zh: \"第{i}项、第{p}年的说明\", en: \"note\"), year: "
            );
            let middle =
                format!("{year}, kind: Actual, qualifier: Exact, basis: YearOnYear, value: ");
            let chars = |s: &str| s.chars().count();
            match flaw {
                Flaw::None => {}
                Flaw::QuoteWithoutValue => flaws.push((line, chars(&head) + chars(&middle) + 1)),
                Flaw::YearOutOfRange => flaws.push((line, chars(&head) + 1)),
            }
            let _ = writeln!(
                text,
                "{head}{middle}{value:?},\n                  quote: \"{year}年第{i}项指标同比增长{stated}%，较上年提高，主要得益于各项措施落实到位\"),"
            );
            line += 2;
        }
        text.push_str("        ]),\n");
        line += 1;
    }
    let shown: Vec<String> = (0..indicators.min(3))
        .map(|i| format!("\"i{i:05}\""))
        .collect();
    let _ = write!(
        text,
        r#"    ],
    charts: [(id: "generated", title: (zh: "生成的图表", en: "Generated chart"), kind: Lines, series: [{}])],
    pages: [(id: "generated", title: (zh: "生成", en: "Generated"), charts: ["generated"])],
)
"#,
        shown.join(", ")
    );
    Generated { text, flaws }
}

fn text(zh: &str, en: &str) -> Text {
    Text {
        zh: zh.to_owned(),
        en: en.to_owned(),
    }
}

/// A figure of `year`: a `kind` of `value`, exact, a year-on-year change, with no source, quote or
/// review: the one `DataPoint` the tests build by hand; change a field with `..point(…)`.
pub fn point(year: i32, kind: PointKind, value: f64) -> DataPoint {
    DataPoint {
        year,
        kind,
        value,
        qualifier: Qualifier::Exact,
        high: None,
        span: None,
        basis: Basis::YearOnYear,
        part: None,
        period: None,
        note: None,
        measure: None,
        source: None,
        quote: String::new(),
        header_unit: None,
        review: None,
        revised_by: None,
        file: 0,
    }
}

/// The value of series `s` in the `y`-th year: close to every other series' in most years
/// (10.2, 10.1, 10.0 …), negative every third year, far apart every fifth.
fn crowded_value(s: usize, y: usize) -> f64 {
    let s = s as f64;
    match y % 5 {
        1 => -(3.0 + 0.1 * s),
        4 => 2.0 + 4.0 * s,
        _ if y % 3 == 2 => -0.4 - 0.1 * s,
        _ => 10.2 - 0.1 * s,
    }
}

/// A report whose only indicators and chart are generated: `series` indicators, `years` years
/// from 1990 (a target beside the result every other year), drawn as `kind`.
/// Generated data for the legibility walk: `series` indicators over `years` years, with long names
/// in both languages, values that crowd each other (10.2 and 10.1 in one year on two series),
/// negative values, and targets beside results.
pub fn crowded(base: &Report, kind: ChartKind, series: usize, years: usize) -> Report {
    let indicators: Vec<Indicator> = (0..series)
        .map(|s| Indicator {
            id: format!("gen{s}"),
            name: text(
                &format!("规模以上工业战略性新兴产业增加值占地区生产总值比重（第{s}项）"),
                &format!("Value added of strategic emerging industries above designated size as a share of GDP ({s})"),
            ),
            category: "economy".to_owned(),
            unit: "pct".to_owned(),
            measures: Vec::new(),
            better: Better::Higher,
            series: None,
            samples: None,
            points: (0..years)
                .flat_map(|y| {
                    let year = 1990 + y as i32;
                    let result = point(year, PointKind::Actual, crowded_value(s, y));
                    let target = (y % 2 == 1).then(|| {
                        DataPoint {
                        qualifier: Qualifier::About,
                        ..point(year, PointKind::Target, crowded_value(s, y) + 0.3)
                    }
                    });
                    std::iter::once(result).chain(target)
                })
                .collect(),
        })
        .collect();
    let chart = Chart {
        id: format!("gen_{kind:?}_{series}x{years}"),
        title: text("生成的数据", "Generated data"),
        kind,
        series: indicators.iter().map(|i| i.id.clone()).collect(),
        measure: None,
        kinds: Vec::new(),
        sources: Vec::new(),
        reference_lines: Vec::new(),
        year: None,
        from: None,
    };
    Report {
        indicators,
        charts: vec![chart],
        pages: Vec::new(),
        ..base.clone()
    }
}
