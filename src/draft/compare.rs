//! The comparison page `planboard draft A B C … --out DIR` proposes beside the drafts: for every
//! indicator the lexicon knows that two or more places state for the same kind and the same year or
//! span (the 2026 GDP growth targets of 31 provinces, their 2025 growth, their 十四五 averages), one
//! chart of kind `Places`. It lives in a file of its own (`comparison.ron`) that declares no figure:
//! the figures stay in each place's draft, where they are reviewed.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::lexicon::Lexicon;
use crate::model::{Chart, ChartKind, Indicator, Lang, Page, PointKind, Report, Text, YearRange};

/// The file name the comparison is written to, beside the drafts.
pub const FILE_NAME: &str = "comparison.ron";

/// What one chart compares: an indicator, a kind, a year and the span it ends (if any).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    /// One year's figures before a span's.
    span: bool,
    /// Targets first, then results; the latest year first.
    kind_order: u8,
    year_order: std::cmp::Reverse<i32>,
    /// Single years before spans.
    from: Option<i32>,
    /// The indicator's place in the lexicon's list, then in the drafts.
    indicator: usize,
}

/// The comparison of `drafts` (each one place's report), or none when no known indicator is
/// stated by two places for the same kind and period.
pub fn comparison(drafts: &[&Report], lex: &Lexicon) -> Option<Report> {
    let known = &lex.known_category.id;
    // Every known indicator once, in the lexicon's order where it has one.
    let mut indicators: Vec<&Indicator> = Vec::new();
    for r in drafts {
        for ind in r.indicators.iter().filter(|i| &i.category == known) {
            if !indicators.iter().any(|i| i.id == ind.id) {
                indicators.push(ind);
            }
        }
    }
    let order = |ind: &Indicator| {
        lex.indicators
            .iter()
            .position(|k| ind.id.starts_with(&format!("{}_", k.id)))
            .unwrap_or(usize::MAX)
    };
    indicators.sort_by_key(|i| order(i));
    // Per (indicator, kind, year, span): the sources (places) that state it.
    let mut groups: BTreeMap<Key, BTreeSet<String>> = BTreeMap::new();
    for r in drafts {
        for (n, ind) in indicators.iter().enumerate() {
            let Some(own) = r.indicator(&ind.id) else {
                continue;
            };
            for p in own.points.iter().filter(|p| p.measure.is_none()) {
                let kind_order = match p.kind {
                    PointKind::Target => 0,
                    PointKind::Actual => 1,
                    PointKind::Baseline => continue,
                };
                let key = Key {
                    span: p.span.is_some(),
                    kind_order,
                    year_order: std::cmp::Reverse(p.year),
                    from: p.span.map(|s| s.from),
                    indicator: n,
                };
                groups
                    .entry(key)
                    .or_default()
                    .insert(p.source_id().to_owned());
            }
        }
    }
    let charts: Vec<Chart> = groups
        .into_iter()
        .filter(|(_, sources)| sources.len() >= 2)
        .map(|(key, _)| chart(indicators[key.indicator], key, drafts))
        .collect();
    if charts.is_empty() {
        return None;
    }
    let places = drafts.len();
    let (first, last) = drafts.iter().fold((i32::MAX, i32::MIN), |(a, b), r| {
        (a.min(r.years.first), b.max(r.years.last))
    });
    let page = Page {
        id: "comparison".to_owned(),
        title: Text {
            zh: "各地比较".to_owned(),
            en: "Places compared".to_owned(),
        },
        charts: charts.iter().map(|c| c.id.clone()).collect(),
    };
    Some(Report {
        title: Text {
            zh: format!("{places} 份报告的比较"),
            en: format!("{places} reports compared"),
        },
        issuer: Text {
            zh: "planboard draft 提议".to_owned(),
            en: "proposed by planboard draft".to_owned(),
        },
        years: YearRange { first, last },
        // The drafts' own sources, declared alike, so the file stands with them.
        sources: drafts.iter().flat_map(|r| r.sources.clone()).collect(),
        categories: Vec::new(),
        units: Vec::new(),
        indicators: Vec::new(),
        charts,
        pages: vec![page],
    })
}

/// One chart: "地区生产总值 增速 · 2026年 目标（各地）".
fn chart(ind: &Indicator, key: Key, drafts: &[&Report]) -> Chart {
    let kind = if key.kind_order == 0 {
        PointKind::Target
    } else {
        PointKind::Actual
    };
    let year = key.year_order.0;
    let basis = drafts
        .iter()
        .filter_map(|r| r.indicator(&ind.id))
        .flat_map(|i| &i.points)
        .find(|p| p.measure.is_none())
        .map(|p| p.basis.names());
    let span = drafts
        .iter()
        .filter_map(|r| r.indicator(&ind.id))
        .flat_map(|i| &i.points)
        .find_map(|p| {
            p.span
                .filter(|s| Some(s.from) == key.from && p.year == year)
        });
    let period = |lang: Lang| match span {
        Some(s) => s.label(year, lang),
        None => match lang {
            Lang::Zh => format!("{year}年"),
            Lang::En => year.to_string(),
        },
    };
    let (kind_zh, kind_en) = match kind {
        PointKind::Target => ("目标", "targets"),
        _ => ("完成", "results"),
    };
    // Growth and changes say so (增速); a level or a rate is what the name says.
    let (basis_zh, basis_en) = basis
        .filter(|b| matches!(b.id, "year_on_year" | "points_change" | "new_in_year"))
        .map_or(("", ""), |b| (b.short_zh, b.short_en));
    let id = match key.from {
        Some(from) => format!("compare-{}-{}-{from}-{year}", ind.id, kind.id()),
        None => format!("compare-{}-{}-{year}", ind.id, kind.id()),
    };
    Chart {
        id,
        title: Text {
            zh: format!(
                "{}{basis_zh}：{}{kind_zh}（各地）",
                ind.name.zh,
                period(Lang::Zh)
            ),
            en: format!(
                "{}{}{basis_en}: {} {kind_en} by place",
                ind.name.en,
                if basis_en.is_empty() { "" } else { " " },
                period(Lang::En)
            ),
        },
        kind: ChartKind::Places,
        series: vec![ind.id.clone()],
        measure: None,
        kinds: vec![kind],
        sources: Vec::new(),
        reference_lines: Vec::new(),
        year: Some(year),
        from: key.from,
    }
}
