//! What a chart shows, computed from the report by plain functions: bars, labels, ranges and
//! tooltips, in one language, for the series that are visible. Drawing a [`ChartSpec`] is a separate,
//! thin step (`draw`), shared by the window and the image export.

pub mod accountability;
mod card;
pub mod layout;
mod lines;
mod targets;
mod wrap;

pub use accountability::Status;
pub use card::CardSpec;

pub use wrap::wrap_label;

use std::collections::{BTreeMap, BTreeSet};

use crate::format;
use crate::i18n::{basis_label, kind_label, kind_name, tr};
use crate::model::{
    Chart, ChartKind, DataPoint, Indicator, Lang, PointKind, Qualifier, Report, Unit,
};

/// Everything needed to draw one chart, already in the chosen language.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    pub id: String,
    pub title: String,
    pub kind: ChartKind,
    /// "单位：%" / "Unit: %".
    pub axis_label: String,
    pub unit: Unit,
    pub lang: Lang,
    /// Labels under the bars (indicator names) or years on a line chart, at their x.
    pub categories: Vec<CategoryLabel>,
    /// Every series of the chart, visible or not (the legend lists them all).
    pub series: Vec<SeriesSpec>,
    pub references: Vec<ReferenceSpec>,
    /// Differences written above a pair of bars: "+4个百分点".
    pub gaps: Vec<GapLabel>,
    /// What the bar fills mean (result, target, starting level), when a chart has several kinds.
    pub key: Vec<(PointKind, String)>,
    /// The documents the visible figures come from, cited in a reader's words, in order of first
    /// use: what an image's footnote names.
    pub sources: Vec<String>,
    /// What the gap labels compare ("差值：2023年目标比2022年完成"), shown with the key.
    pub gap_note: Option<String>,
    /// Set when the chart draws one figure: it is shown as a card, not as a one-bar chart.
    pub card: Option<CardSpec>,
    pub x_range: (f64, f64),
    /// The values' range with room for their labels; always includes zero, so negative values
    /// read as negative. The range drawn adds the legend's room: see [`layout::plot_layout`].
    pub y_range: (f64, f64),
}

#[derive(Clone, Debug, PartialEq)]
pub struct CategoryLabel {
    pub x: f64,
    pub label: String,
}

/// One toggleable series: an indicator's bars (or line) in one color.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesSpec {
    /// The indicator id: the key of the toggles.
    pub id: String,
    pub name: String,
    /// Index into the palette: the series' position in the chart declaration, stable across
    /// toggles.
    pub color: usize,
    pub visible: bool,
    pub bars: Vec<BarSpec>,
    /// For line charts: the results (and starting levels) in x order, drawn solid.
    pub line: Vec<BarSpec>,
    /// For line charts: the targets in x order, drawn dashed, never joined to the results.
    pub target_line: Vec<BarSpec>,
    /// For target-and-result charts: each year's target, drawn as a marker beside its result.
    pub targets: Vec<BarSpec>,
}

impl SeriesSpec {
    /// Every figure the series draws.
    pub fn figures(&self) -> impl Iterator<Item = &BarSpec> {
        self.bars
            .iter()
            .chain(&self.line)
            .chain(&self.target_line)
            .chain(&self.targets)
    }
}

/// One drawn figure: a bar, or a point of a line.
#[derive(Clone, Debug, PartialEq)]
pub struct BarSpec {
    pub x: f64,
    pub width: f64,
    pub value: f64,
    pub kind: PointKind,
    /// How exactly the figure is stated: a target "左右" is drawn dashed, "以上" as a floor.
    pub qualifier: Qualifier,
    /// The height its label sits above: its own value, or, for a target beside its result, the
    /// higher of the two so the two labels never meet.
    pub label_base: f64,
    /// The value label on the bar: "≈7%".
    pub label: String,
    pub detail: PointDetail,
}

/// What a tooltip says about a figure.
#[derive(Clone, Debug, PartialEq)]
pub struct PointDetail {
    /// The indicator's name.
    pub title: String,
    /// (label, value) rows: year and kind, value, basis, period, note.
    pub rows: Vec<(String, String)>,
    /// The report's own words.
    pub quote: String,
}

/// A horizontal reference line, toggleable like a series.
#[derive(Clone, Debug, PartialEq)]
pub struct ReferenceSpec {
    /// Toggle key: `ref:` and the line's id, so it never collides with an indicator id.
    pub id: String,
    /// "国家二级标准 35微克/立方米".
    pub name: String,
    pub value: f64,
    pub source: String,
    pub color: usize,
    pub visible: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GapLabel {
    pub x: f64,
    pub y: f64,
    pub text: String,
    /// For a target against its result: met, near or missed; `None` when one of the two is missing
    /// or the label compares two figures without judging.
    pub status: Option<Status>,
}

/// The toggle key of a reference line.
pub fn reference_key(line_id: &str) -> String {
    format!("ref:{line_id}")
}

/// Total width of the bars of one category, in x units (categories are 1 apart).
const GROUP_WIDTH: f64 = 0.72;

/// Build the spec of `chart` in `lang`, with the series whose ids are in `hidden` switched off.
/// Hidden series keep their entry (for the legend and the check boxes) but take no room: the
/// visible ones close up, and the value range follows only what is visible.
pub fn build(report: &Report, chart: &Chart, lang: Lang, hidden: &BTreeSet<String>) -> ChartSpec {
    let indicators: Vec<&Indicator> = chart
        .series
        .iter()
        .filter_map(|id| report.indicator(id))
        .collect();
    let unit = indicators
        .first()
        .and_then(|i| report.unit_of_measure(i, chart.measure.as_deref()))
        .cloned()
        .unwrap_or_else(|| Unit {
            id: String::new(),
            zh: String::new(),
            en: String::new(),
            percent: false,
        });
    let axis_label = format!("{}{}", tr(lang, "单位：", "Unit: "), unit.symbol(lang));

    let mut spec = ChartSpec {
        id: chart.id.clone(),
        title: chart.title.get(lang).to_owned(),
        kind: chart.kind,
        axis_label,
        unit,
        lang,
        categories: Vec::new(),
        series: Vec::new(),
        references: Vec::new(),
        gaps: Vec::new(),
        key: Vec::new(),
        sources: Vec::new(),
        gap_note: None,
        card: None,
        x_range: (-0.5, 0.5),
        y_range: (0.0, 1.0),
    };

    match chart.kind {
        ChartKind::Lines => lines::layout_lines(&mut spec, report, chart, &indicators, hidden),
        ChartKind::TargetsAndResults => {
            targets::layout_targets(&mut spec, report, chart, &indicators, hidden);
        }
        ChartKind::GroupedBars | ChartKind::BeforeAfter | ChartKind::ReferenceLines => {
            layout_bars(&mut spec, report, chart, &indicators, hidden);
        }
    }
    spec.sources = drawn_sources(report, chart, &indicators, hidden, lang);
    if !spec.gaps.is_empty() {
        spec.gap_note = gap_note(chart, &indicators, lang);
    }

    for (r, line) in chart.reference_lines.iter().enumerate() {
        let id = reference_key(&line.id);
        spec.references.push(ReferenceSpec {
            visible: !hidden.contains(&id),
            id,
            name: format!(
                "{} {}",
                line.label.get(lang),
                format::value_with_unit(
                    line.value,
                    crate::model::Qualifier::Exact,
                    &spec.unit,
                    lang
                )
            ),
            value: line.value,
            source: line.source.get(lang).to_owned(),
            color: chart.series.len() + r,
        });
    }

    spec.y_range = layout::value_range(&spec);
    spec.card = card::card(&spec, report, chart, &indicators);
    spec
}

/// Points of `ind` that `chart` draws, in reading order: starting level, result, target. Only the
/// chart's measure, and never a figure a later publication revised.
pub(super) fn drawn_points<'a>(chart: &'a Chart, ind: &'a Indicator) -> Vec<&'a DataPoint> {
    let listed = |p: &DataPoint| chart.sources.iter().any(|s| s == p.source_id());
    let mut points: Vec<&DataPoint> = ind
        .current_points(chart.measure.as_deref())
        .filter(|p| chart.draws(p.kind))
        .filter(|p| {
            chart.sources.is_empty()
                || listed(p)
                // The revision of a listed source's figure stands in for it.
                || ind.points.iter().any(|q| {
                    listed(q)
                        && q.revised_by.as_deref() == Some(p.source_id())
                        && q.same_figure(p)
                })
        })
        .collect();
    points.sort_by_key(|p| (p.year, p.kind));
    points
}

/// Citations of the sources of the visible series' figures, in order of first use.
fn drawn_sources(
    report: &Report,
    chart: &Chart,
    indicators: &[&Indicator],
    hidden: &BTreeSet<String>,
    lang: Lang,
) -> Vec<String> {
    let mut ids: Vec<&str> = Vec::new();
    for ind in indicators.iter().filter(|i| !hidden.contains(&i.id)) {
        for p in drawn_points(chart, ind) {
            if !ids.contains(&p.source_id()) {
                ids.push(p.source_id());
            }
        }
    }
    ids.into_iter()
        .filter_map(|id| report.source(id))
        .map(|s| crate::i18n::source_citation(s, lang))
        .collect()
}

fn layout_bars(
    spec: &mut ChartSpec,
    report: &Report,
    chart: &Chart,
    indicators: &[&Indicator],
    hidden: &BTreeSet<String>,
) {
    let lang = spec.lang;
    let per_group = indicators
        .iter()
        .map(|i| drawn_points(chart, i).len())
        .max()
        .unwrap_or(1)
        .max(1);
    let width = GROUP_WIDTH / per_group as f64;
    // When one kind of figure spans several years, bars of that kind would look alike: each bar
    // then says its year.
    let mut years_of_kind: BTreeMap<PointKind, BTreeSet<i32>> = BTreeMap::new();
    for p in indicators.iter().flat_map(|i| drawn_points(chart, i)) {
        years_of_kind.entry(p.kind).or_default().insert(p.year);
    }
    let several_years = years_of_kind
        .iter()
        .any(|(k, y)| *k != PointKind::Baseline && y.len() > 1);
    let mut kinds = BTreeSet::new();
    let mut slot = 0usize;
    for (color, ind) in indicators.iter().enumerate() {
        let visible = !hidden.contains(&ind.id);
        let points = drawn_points(chart, ind);
        // Hidden series are laid out past the end: they are never drawn, and take no slot.
        let center = if visible { slot as f64 } else { -10.0 };
        let n = points.len() as f64;
        let bars: Vec<BarSpec> = points
            .iter()
            .enumerate()
            .map(|(k, p)| {
                kinds.insert(p.kind);
                BarSpec {
                    x: center + (k as f64 - (n - 1.0) / 2.0) * width,
                    width: width * 0.92,
                    value: p.value,
                    kind: p.kind,
                    qualifier: p.qualifier,
                    label_base: p.value,
                    label: {
                        // The axis states the unit: the label is the number alone.
                        let value = format::value_label(p.value, p.qualifier, lang);
                        if several_years {
                            format!("{}\n{value}", year_tag(p.year, lang))
                        } else {
                            value
                        }
                    },
                    detail: detail(report, ind, p, &spec.unit, lang),
                }
            })
            .collect();
        if visible {
            spec.categories.push(CategoryLabel {
                x: center,
                label: ind.name.get(lang).to_owned(),
            });
            if let Some(gap) = gap_label(spec, &points, center) {
                spec.gaps.push(gap);
            }
            slot += 1;
        }
        spec.series.push(SeriesSpec {
            id: ind.id.clone(),
            name: ind.name.get(lang).to_owned(),
            color,
            visible,
            bars,
            line: Vec::new(),
            target_line: Vec::new(),
            targets: Vec::new(),
        });
    }
    // Fewer than three categories still get the room of three, so one bar is not a wall.
    let pad = (3.0 - slot as f64).max(0.0) / 2.0;
    spec.x_range = (-0.5 - pad, slot.max(1) as f64 - 0.5 + pad);
    if kinds.len() > 1 {
        spec.key = kinds
            .into_iter()
            .map(|k| (k, key_label(chart, indicators, k, lang)))
            .collect();
    }
}

/// "2022年" / "2022": a bar's year, when its chart shows one kind in several years.
fn year_tag(year: i32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{year}年"),
        Lang::En => year.to_string(),
    }
}

/// "2022年完成", or the kind alone when its points span several years.
fn key_label(chart: &Chart, indicators: &[&Indicator], kind: PointKind, lang: Lang) -> String {
    let years: BTreeSet<i32> = indicators
        .iter()
        .flat_map(|i| drawn_points(chart, i))
        .filter(|p| p.kind == kind)
        .map(|p| p.year)
        .collect();
    match (kind, years.len()) {
        (PointKind::Baseline, _) => kind_name(kind, lang).to_owned(),
        (_, 1) => kind_label(kind, years.into_iter().next().unwrap_or_default(), lang),
        _ => kind_name(kind, lang).to_owned(),
    }
}

/// For percentages, how much the second bar of a pair is above or below the first, in words and
/// percentage points ("高约4个百分点"); the chart's key says which two figures the pair compares.
/// A group of more than two bars gets none: a label pairs only what the chart says it pairs.
fn gap_label(spec: &ChartSpec, points: &[&DataPoint], x: f64) -> Option<GapLabel> {
    let [first, last] = points else {
        return None;
    };
    if !spec.unit.percent {
        return None;
    }
    let diff = last.value - first.value;
    let top = points.iter().map(|p| p.value).fold(0.0_f64, f64::max);
    Some(GapLabel {
        x,
        y: top,
        text: gap_words(
            diff,
            gap_qualifier(first.qualifier, last.qualifier),
            spec.lang,
        ),
        status: None,
    })
}

/// "高约4个百分点" / "≈4 pp higher"; "持平" / "the same".
fn gap_words(diff: f64, approx: &str, lang: Lang) -> String {
    let size = format::plain((diff.abs() * 100.0).round() / 100.0);
    let zh_approx = match approx {
        "≈" => "约",
        "≥" => "至少",
        "≤" => "至多",
        _ => "",
    };
    match (lang, diff.total_cmp(&0.0)) {
        (_, std::cmp::Ordering::Equal) => tr(lang, "持平", "the same").to_owned(),
        (Lang::Zh, std::cmp::Ordering::Greater) => format!("高{zh_approx}{size}个百分点"),
        (Lang::Zh, std::cmp::Ordering::Less) => format!("低{zh_approx}{size}个百分点"),
        (Lang::En, std::cmp::Ordering::Greater) => format!("{approx}{size} pp higher"),
        (Lang::En, std::cmp::Ordering::Less) => format!("{approx}{size} pp lower"),
    }
}

/// What a chart's gap labels compare, when every pair compares the same two kinds of figure:
/// "柱上差值：2023年目标比2022年完成" / "Gaps: 2023 target against 2022 result".
fn gap_note(chart: &Chart, indicators: &[&Indicator], lang: Lang) -> Option<String> {
    let mut pairs = indicators
        .iter()
        .filter_map(|i| match drawn_points(chart, i)[..] {
            [a, b] => Some(((a.kind, a.year), (b.kind, b.year))),
            _ => None,
        });
    let first = pairs.next()?;
    if pairs.any(|p| p != first) {
        return None;
    }
    let ((k0, y0), (k1, y1)) = first;
    Some(match lang {
        Lang::Zh => format!(
            "差值：{}比{}",
            kind_label(k1, y1, lang),
            kind_label(k0, y0, lang)
        ),
        Lang::En => format!(
            "Gaps: {} against {}",
            kind_label(k1, y1, lang),
            kind_label(k0, y0, lang)
        ),
    })
}

/// How exact the change from `first` to `last` is: a target of "≥30" from an exact 20 is a rise of
/// at least 10; anything approximate on either side makes the change approximate.
fn gap_qualifier(first: crate::model::Qualifier, last: crate::model::Qualifier) -> &'static str {
    use crate::model::Qualifier::{AtLeast, AtMost, Exact};
    match (first, last) {
        (Exact, Exact) => "",
        (Exact, AtLeast) | (AtMost, Exact) | (AtMost, AtLeast) => "≥",
        (Exact, AtMost) | (AtLeast, Exact) | (AtLeast, AtMost) => "≤",
        _ => "≈",
    }
}

pub(super) fn detail(
    report: &Report,
    ind: &Indicator,
    p: &DataPoint,
    unit: &Unit,
    lang: Lang,
) -> PointDetail {
    let mut rows = vec![
        (
            tr(lang, "类型", "Kind").to_owned(),
            kind_label(p.kind, p.year, lang),
        ),
        (
            tr(lang, "数值", "Value").to_owned(),
            // The value as the report words it: "7%左右", "at least 4,100 t/d".
            format::value_in_words(p.value, p.qualifier, unit, lang),
        ),
        (
            tr(lang, "口径", "Basis").to_owned(),
            basis_label(p.basis, lang).to_owned(),
        ),
        (
            tr(lang, "时期", "Period").to_owned(),
            p.period.as_ref().map_or_else(
                || tr(lang, "全年", "whole year").to_owned(),
                |t| t.get(lang).to_owned(),
            ),
        ),
    ];
    if let Some(measure) = p
        .measure
        .as_deref()
        .and_then(|m| ind.measures.iter().find(|x| x.id == m))
    {
        rows.push((
            tr(lang, "度量", "Measure").to_owned(),
            measure.name.get(lang).to_owned(),
        ));
    }
    if let Some(note) = &p.note {
        rows.push((
            tr(lang, "说明", "Note").to_owned(),
            note.get(lang).to_owned(),
        ));
    }
    if let Some(source) = report.source(p.source_id()) {
        rows.push((
            tr(lang, "来源", "Source").to_owned(),
            crate::i18n::source_citation(source, lang),
        ));
    }
    // What this figure revised: the same figure as an earlier publication stated it.
    for earlier in ind
        .points
        .iter()
        .filter(|e| e.revised_by.as_deref() == Some(p.source_id()) && e.same_figure(p))
    {
        let from = report.source(earlier.source_id()).map_or_else(
            || earlier.source_id().to_owned(),
            |s| s.title.get(lang).to_owned(),
        );
        rows.push((
            tr(lang, "修订前", "Earlier figure").to_owned(),
            format!(
                "{}{}{from}",
                format::value_with_unit(earlier.value, earlier.qualifier, unit, lang),
                tr(lang, "，见", ", in ")
            ),
        ));
    }
    PointDetail {
        title: ind.name.get(lang).to_owned(),
        rows,
        quote: format::readable_quote(&p.quote),
    }
}

impl ChartSpec {
    /// The figure under a point in plot coordinates: a bar whose column holds `x` and whose extent
    /// (from zero to its value, with a little slack for short bars) holds `y`; or the nearest
    /// point of a line.
    pub fn hit(&self, x: f64, y: f64) -> Option<&BarSpec> {
        let slack = (self.y_range.1 - self.y_range.0) * 0.04;
        let bars = self
            .series
            .iter()
            .filter(|s| s.visible)
            .flat_map(|s| &s.bars)
            .find(|b| {
                (x - b.x).abs() <= b.width / 2.0
                    && y >= b.value.min(0.0) - slack
                    && y <= b.value.max(0.0) + slack
            });
        let visible = || self.series.iter().filter(|s| s.visible);
        // A target marker: its width, a little above and below its line.
        let marker = || {
            visible()
                .flat_map(|s| &s.targets)
                .find(|t| (x - t.x).abs() <= t.width / 2.0 && (y - t.value).abs() <= slack * 1.5)
        };
        bars.or_else(marker).or_else(|| {
            let x_slack = (self.x_range.1 - self.x_range.0) * 0.04;
            visible()
                .flat_map(|s| s.line.iter().chain(&s.target_line))
                .filter(|p| (x - p.x).abs() <= x_slack && (y - p.value).abs() <= slack * 2.0)
                .min_by(|a, b| {
                    let d = |p: &BarSpec| (p.x - x).abs() + (p.value - y).abs() / slack.max(1e-9);
                    d(a).total_cmp(&d(b))
                })
        })
    }

    /// Whether anything is visible at all.
    pub fn any_visible(&self) -> bool {
        self.series.iter().any(|s| s.visible) || self.references.iter().any(|r| r.visible)
    }

    /// Every toggle key of the chart, series then reference lines.
    pub fn toggle_keys(&self) -> impl Iterator<Item = &str> {
        self.series
            .iter()
            .map(|s| s.id.as_str())
            .chain(self.references.iter().map(|r| r.id.as_str()))
    }
}

/// Every toggle key a chart declares, without building it.
pub fn toggle_keys(chart: &Chart) -> Vec<String> {
    chart
        .series
        .iter()
        .cloned()
        .chain(chart.reference_lines.iter().map(|r| reference_key(&r.id)))
        .collect()
}

#[cfg(test)]
mod tests;
