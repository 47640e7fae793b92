//! Large data files made up for tests and benches: a first draft or a long series, with thousands of
//! figures that may each have one problem, and where each problem must be reported.
//!
//! Shared by `tests/` (through `support`) and `benches/check.rs` (through `#[path]`), so the file the
//! benchmark times is the one whose positions the tests check.

#![allow(dead_code)]

use std::fmt::Write as _;

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
