//! Bar charts: grouped bars (indicators side by side, each with its figures as a group), before-after
//! bars (a starting level and the level reached) and single values against reference lines. One
//! bar a figure, filled by its kind; for percentages, the difference of a pair above it.

use std::collections::{BTreeMap, BTreeSet};

use super::detail::detail;
use super::hit::{HitProbe, visible};
use super::layout::{KindLayout, LabelRoom, PlacedLabels, place_bar_labels};
use super::{CategoryLabel, ChartSpec, Figure, GapLabel, Input, Kind, Look, Series, SeriesView};
use crate::format;
use crate::i18n::{kind_label, kind_name};
use crate::model::{DataPoint, Lang, PointKind, Qualifier};

/// Total width of the bars of one category, in x units (categories are 1 apart).
const GROUP_WIDTH: f64 = 0.72;

series_body! {
    /// A bar chart's body: its series, each a group of bars, one a figure.
    Bars(Vec<Figure>)
}

impl Kind for Bars {
    fn series(&self) -> Vec<SeriesView<'_>> {
        self.0.iter().map(|s| s.view([&s.figures, &[]])).collect()
    }

    fn colours_name_series(&self) -> bool {
        false
    }

    fn layout_needs(&self) -> KindLayout<'_> {
        KindLayout {
            bars: visible(&self.0).map(|s| &s.figures[..]).collect(),
            ..KindLayout::plain()
        }
    }

    fn place_labels(&self, room: &LabelRoom<'_>) -> PlacedLabels {
        PlacedLabels {
            bar_labels: place_bar_labels(
                &self.0,
                &room.scale,
                room.stagger,
                room.stagger_lift,
                room.measure,
            ),
            ..PlacedLabels::none(room.gaps.len())
        }
    }

    fn hit(&self, probe: &HitProbe) -> Option<&Figure> {
        visible(&self.0)
            .flat_map(|s| &s.figures)
            .find(|b| probe.on_bar(b))
    }
}

pub(super) fn build_bars(spec: &mut ChartSpec, input: &Input<'_>) -> Bars {
    let lang = spec.lang;
    let chart = input.chart;
    let drawn: Vec<Vec<&DataPoint>> = input
        .indicators
        .iter()
        .map(|i| chart.drawn_points(i))
        .collect();
    let per_group = drawn.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let width = GROUP_WIDTH / per_group as f64;
    // When one kind of figure spans several years, bars of that kind would look alike: each bar
    // then says its year.
    let mut years_of_kind: BTreeMap<PointKind, BTreeSet<i32>> = BTreeMap::new();
    for p in drawn.iter().flatten() {
        years_of_kind.entry(p.kind).or_default().insert(p.year);
    }
    let several_years = years_of_kind
        .iter()
        .any(|(k, y)| *k != PointKind::Baseline && y.len() > 1);
    let mut kinds = BTreeSet::new();
    let mut slot = 0usize;
    let mut all_series = Vec::new();
    for (color, (ind, points)) in input.indicators.iter().zip(&drawn).enumerate() {
        let visible = input.visible(ind);
        // Hidden series are laid out past the end: they are never drawn, and take no slot.
        let center = if visible { slot as f64 } else { -10.0 };
        let n = points.len() as f64;
        let bars: Vec<Figure> = points
            .iter()
            .enumerate()
            .map(|(k, p)| {
                kinds.insert(p.kind);
                Figure {
                    x: center + (k as f64 - (n - 1.0) / 2.0) * width,
                    width: width * 0.92,
                    value: p.value,
                    low: None,
                    kind: p.kind,
                    shade: shade(&years_of_kind, p),
                    qualifier: p.qualifier,
                    label_base: p.value,
                    label: {
                        // The axis states the unit: the label is the number alone.
                        let value = format::figure_label(p, &spec.unit, lang);
                        if several_years {
                            // A span's figure says its span (2021—2025年累计), not its last year.
                            let time = if p.span.is_some() {
                                p.time_label(lang)
                            } else {
                                year_tag(p.year, lang)
                            };
                            format!("{time}\n{value}")
                        } else {
                            value
                        }
                    },
                    detail: detail(input.report, ind, p, &spec.unit, lang),
                }
            })
            .collect();
        if visible {
            spec.categories.push(CategoryLabel {
                x: center,
                label: ind.name.get(lang).to_owned(),
            });
            if let Some(gap) = gap_label(spec, points, center) {
                spec.gaps.push(gap);
            }
            slot += 1;
        }
        all_series.push(Series {
            id: ind.id.clone(),
            name: ind.name.get(lang).to_owned(),
            color,
            visible,
            figures: bars,
        });
    }
    // Fewer than three categories still get the room of three, so one bar is not a wall.
    let pad = (3.0 - slot as f64).max(0.0) / 2.0;
    spec.x_range = (-0.5 - pad, slot.max(1) as f64 - 0.5 + pad);
    // The key says what each fill means: a kind, or a kind in one year when it spans several.
    if kinds.len() > 1 || years_of_kind.values().any(|y| y.len() > 1) {
        let drawn = &drawn;
        spec.key = years_of_kind
            .iter()
            .flat_map(|(&kind, years)| {
                let shaded = years.len() > 1;
                years
                    .iter()
                    .rev()
                    .enumerate()
                    .rev()
                    .map(move |(shade, &year)| {
                        let label = if shaded {
                            time_kind_label(drawn, kind, year, lang)
                        } else {
                            key_label(drawn, kind, lang)
                        };
                        (Look { kind, shade }, label)
                    })
            })
            .collect();
    }
    Bars(all_series)
}

/// A bar's shade: how many years of its kind in the chart come after its own (0 for the latest).
fn shade(years_of_kind: &BTreeMap<PointKind, BTreeSet<i32>>, p: &DataPoint) -> usize {
    years_of_kind
        .get(&p.kind)
        .map_or(0, |years| years.range(p.year + 1..).count())
}

/// "2022年" / "2022": a bar's year, when its chart shows one kind in several years.
fn year_tag(year: i32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{year}年"),
        Lang::En => year.to_string(),
    }
}

/// "2022年完成", or "2021—2025年累计完成" when every figure of that kind and year is one span's.
fn time_kind_label(drawn: &[Vec<&DataPoint>], kind: PointKind, year: i32, lang: Lang) -> String {
    let mut of_year = drawn
        .iter()
        .flatten()
        .filter(|p| p.kind == kind && p.year == year);
    let first = of_year.next();
    match first.and_then(|f| f.span) {
        Some(span) if of_year.all(|p| p.span == Some(span)) => {
            let time = span.label(year, lang);
            match lang {
                Lang::Zh => format!("{time}{}", kind_name(kind, lang)),
                Lang::En => format!("{} {time}", kind_name(kind, lang)),
            }
        }
        _ => kind_label(kind, year, lang),
    }
}

/// "2022年完成", or the kind alone when its points span several years.
fn key_label(drawn: &[Vec<&DataPoint>], kind: PointKind, lang: Lang) -> String {
    let years: BTreeSet<i32> = drawn
        .iter()
        .flatten()
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
        text: format::points_difference(
            diff,
            gap_qualifier(first.qualifier, last.qualifier),
            None,
            spec.lang,
        ),
        status: None,
    })
}

/// What a chart's gap labels compare, when every pair compares the same two kinds of figure:
/// "差值：2023年目标比2022年完成" / "Gaps: 2023 target against 2022 result".
pub(super) fn gap_note(input: &Input<'_>, lang: Lang) -> Option<String> {
    let drawn = input.indicators.iter().map(|i| input.chart.drawn_points(i));
    let mut pairs = drawn.filter_map(|points| match points[..] {
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
pub(super) fn gap_qualifier(first: Qualifier, last: Qualifier) -> &'static str {
    use Qualifier::{AtLeast, AtMost, Exact};
    match (first, last) {
        (Exact, Exact) => "",
        (Exact | AtMost, AtLeast) | (AtMost, Exact) => "≥",
        (Exact | AtLeast, AtMost) | (AtLeast, Exact) => "≤",
        _ => "≈",
    }
}
