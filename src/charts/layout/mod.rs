//! Where a chart's parts go, decided once: the value range with room for labels, the category
//! labels wrapped to their measured room, which year labels show, whether value labels stagger,
//! and how far labels sit from what they name.
//!
//! Everything here is plain arithmetic on the spec and a plot's size in points, so the drawing step
//! (`draw`) places what it is told and a test can check a layout without a window.

pub mod fit;
mod labels;

pub use labels::{BarLabel, PointLabel, TargetLabel, key_names};
pub(in crate::charts) use labels::{
    PlotScale, place_bar_labels, place_point_labels, place_targets_texts,
};

pub use super::wrap::wrap_to_width;
use super::{ChartSpec, Figure, SeriesView};

/// Width of the value axis, in points.
const Y_AXIS_PX: f32 = 56.0;

/// A chart laid out in a plot of a given size.
#[derive(Clone, Debug, PartialEq)]
pub struct PlotLayout {
    /// The x range drawn.
    pub x_bounds: (f64, f64),
    /// The value range drawn: the spec's value range (room for labels included). No legend sits
    /// in the plot, so no room is taken from the data for one.
    pub y_bounds: (f64, f64),
    /// Category labels at their x, wrapped to the room each category has (shortened with "…" past
    /// four lines; the tooltip has the full name).
    pub category_labels: Vec<(f64, String)>,
    /// Height of the category axis, in points (room for the tallest wrapped label).
    pub x_axis_px: f32,
    /// Width of the value axis, in points.
    pub y_axis_px: f32,
    /// Font size of the plot's text, in points.
    pub font_px: f32,
    /// How far above a line's point its value label sits, in value units.
    pub point_label_lift: f64,
    /// Whether every point of a line gets its value label (they fit side by side), or only the
    /// last (the rest show on hover).
    pub label_every_point: bool,
    /// A line chart's value labels that are drawn, each where it sits: those that would cover
    /// another's text move to the other side of their point, or are left out (the tooltip has
    /// every value). Empty for other kinds.
    pub point_labels: Vec<PointLabel>,
    /// A bar chart's value labels that are drawn, each at its lift: staggered, or left out (the
    /// tooltip has every value) where they would cover each other. Empty for other kinds.
    pub bar_labels: Vec<BarLabel>,
    /// Whether neighbouring bars' value labels are too wide to sit side by side: then every second
    /// bar of a group lifts its label by [`Self::stagger_lift`].
    pub stagger_labels: bool,
    /// How far a staggered label lifts: as many lines as the tallest value label has, in value
    /// units (a label that says its year is two lines).
    pub stagger_lift: f64,
    /// One line of label text, in value units.
    pub label_line: f64,
    /// How far above the taller bar of a pair its gap label sits, in value units.
    pub gap_label_lift: f64,
    /// The gap labels' texts (in the spec's order), wrapped to the room of their category.
    pub gap_texts: Vec<String>,
    /// Whether each gap label is drawn: a targets chart's verdict that would cover another text is
    /// left to the tooltip.
    pub gap_shown: Vec<bool>,
    /// A targets chart's target labels that are drawn, each at its height; the results' values
    /// are in [`Self::bar_labels`]. Empty for other kinds.
    pub target_labels: Vec<TargetLabel>,
    /// How far above its line a reference line's label sits, in value units.
    pub reference_label_lift: f64,
}

/// What a kind of chart asks of the layout ([`super::Kind::layout_needs`]).
#[derive(Clone, Debug, Default)]
pub struct KindLayout<'a> {
    /// Years on the category axis, one x unit apart: thinned when they do not fit, and a category
    /// gets exactly its share of the width.
    pub years_on_axis: bool,
    /// Lines of text between the figures and the gap labels for a target's wording and arrow.
    pub marker_lines: f64,
    /// The share of the values' span kept above them for gap labels in [`value_range`]: more
    /// where a target's label and arrow sit between the figures and the verdict.
    pub gap_share: f64,
    /// How far above a point its label sits, in lines of label text.
    pub point_label_lift: f64,
    /// The bars of each visible series, which stand side by side on the category axis (a bar
    /// chart's bars, a targets chart's results): their labels stagger when too wide.
    pub bars: Vec<&'a [Figure]>,
    /// Chinese names on the axis may stand one character a line, as Chinese is written down a
    /// column, where side by side they would be thinned: every place keeps its name.
    pub stacked_names: bool,
}

impl KindLayout<'_> {
    /// Names on the axis, no markers, no lifted labels, no bars: what a kind asks by default.
    pub fn plain() -> Self {
        Self {
            gap_share: 0.14,
            ..Self::default()
        }
    }
}

/// What a kind's value labels are placed in: the plot's scale, the lifts the layout decided, and
/// the gap labels already written.
pub struct LabelRoom<'a> {
    pub(in crate::charts) scale: PlotScale,
    /// Whether neighbouring bars' labels stagger, and by how much (value units).
    pub stagger: bool,
    pub stagger_lift: f64,
    /// Whether every point of a line gets its label, and how far above its point it sits.
    pub every_point: bool,
    pub point_lift: f64,
    /// One line of label text, in value units.
    pub label_line: f64,
    /// The drawn value range's height, in value units.
    pub y_span: f64,
    /// The gap labels: their x, their bottom edge (value units) and their wrapped text.
    pub gaps: Vec<(f64, f64, &'a str)>,
    pub measure: &'a dyn Fn(&str) -> f32,
}

/// The value labels a kind placed: see the fields of the same names in [`PlotLayout`].
#[derive(Clone, Debug, Default)]
pub struct PlacedLabels {
    pub point_labels: Vec<PointLabel>,
    pub bar_labels: Vec<BarLabel>,
    pub target_labels: Vec<TargetLabel>,
    pub gap_shown: Vec<bool>,
}

impl PlacedLabels {
    /// No value label placed, each of `gaps` gap labels shown.
    pub fn none(gaps: usize) -> Self {
        Self {
            gap_shown: vec![true; gaps],
            ..Self::default()
        }
    }
}

/// Lay `spec` out in a plot of `width` × `height` points whose body text is `font_px` high;
/// `measure` gives the width of a line of text in points (the drawing step's fonts).
pub fn plot_layout(
    spec: &ChartSpec,
    width: f32,
    height: f32,
    font_px: f32,
    measure: &dyn Fn(&str) -> f32,
) -> PlotLayout {
    let kind = spec.body.kind().layout_needs();
    let span_x = (spec.x_range.1 - spec.x_range.0).max(1.0);
    let px_per_x = f64::from(width - Y_AXIS_PX) / span_x;
    let axis = x_axis(spec, &kind, px_per_x, font_px, measure);
    let plot_px = f64::from((height - axis.height_px).max(60.0));
    let stagger_labels = stagger_needed(&kind.bars, px_per_x, measure);
    let gap_texts = wrap_gap_texts(spec, axis.per_category, measure);
    let YBounds {
        y0,
        y1,
        label_line,
        value_lines,
    } = y_bounds(spec, &kind, stagger_labels, &gap_texts, plot_px, font_px);
    let category_labels = axis.category_labels;
    let x_axis_px = axis.height_px;

    // A value label ("1,234.5 billion") is about ten characters wide.
    let value_label_px = f64::from(measure("1,234.5 billion"));
    let label_every_point = px_per_x >= value_label_px;
    let point_label_lift = label_line * kind.point_label_lift;
    let scale = PlotScale {
        x0: spec.x_range.0,
        y0,
        px_per_x,
        px_per_y: plot_px / (y1 - y0).max(f64::EPSILON),
        width_px: (spec.x_range.1 - spec.x_range.0) * px_per_x,
        height_px: plot_px,
        line_px: f64::from(font_px + 2.0),
    };
    let stagger_lift = label_line * value_lines;
    let gap_label_lift = label_line
        * (value_lines + if stagger_labels { value_lines } else { 0.0 } + kind.marker_lines + 0.2);
    let room = LabelRoom {
        scale,
        stagger: stagger_labels,
        stagger_lift,
        every_point: label_every_point,
        point_lift: point_label_lift,
        label_line,
        y_span: y1 - y0,
        gaps: spec
            .gaps
            .iter()
            .zip(&gap_texts)
            .map(|(g, text)| (g.x, g.y + gap_label_lift, text.as_str()))
            .collect(),
        measure,
    };
    let PlacedLabels {
        point_labels,
        bar_labels,
        target_labels,
        gap_shown,
    } = spec.body.kind().place_labels(&room);
    PlotLayout {
        x_bounds: spec.x_range,
        y_bounds: (y0, y1),
        category_labels,
        x_axis_px,
        y_axis_px: Y_AXIS_PX - 8.0,
        font_px,
        point_label_lift,
        label_every_point,
        point_labels,
        stagger_labels,
        stagger_lift,
        bar_labels,
        label_line,
        gap_label_lift,
        reference_label_lift: label_line * 0.1,
        gap_texts,
        gap_shown,
        target_labels,
    }
}

/// The x axis: its category labels, thinned and wrapped, and the height they take.
struct XAxis {
    category_labels: Vec<(f64, String)>,
    /// The height the labels take, in points.
    height_px: f32,
    /// The width between two labelled categories, in points.
    per_category: f32,
}

/// Every category's label when they fit side by side, else every second, third … evenly, the
/// first kept (the tooltip names the rest).
fn x_axis(
    spec: &ChartSpec,
    kind: &KindLayout<'_>,
    px_per_x: f64,
    font_px: f32,
    measure: &dyn Fn(&str) -> f32,
) -> XAxis {
    let (step, label_px) = category_step(spec, kind.years_on_axis, px_per_x, measure);
    let chinese = || {
        spec.categories
            .iter()
            .all(|c| !c.label.chars().any(|ch| ch.is_ascii_alphanumeric()))
    };
    // Thinned names that fit a character wide: each stands down its own column instead.
    if kind.stacked_names && step > 1 && px_per_x >= f64::from(measure("国")) + 2.0 && chinese() {
        let category_labels: Vec<(f64, String)> = spec
            .categories
            .iter()
            .map(|c| {
                (
                    c.x,
                    c.label
                        .chars()
                        .map(String::from)
                        .collect::<Vec<_>>()
                        .join("\n"),
                )
            })
            .collect();
        let lines = category_labels.iter().map(|(_, l)| l.lines().count()).max();
        return XAxis {
            height_px: lines.unwrap_or(1) as f32 * (font_px + 3.0) + 6.0,
            category_labels,
            per_category: px_per_x as f32,
        };
    }
    let category_labels: Vec<(f64, String)> = spec
        .categories
        .iter()
        .step_by(step)
        .map(|c| (c.x, wrap_to_width(&c.label, label_px, 4, measure)))
        .collect();
    let per_category = (step as f64 * px_per_x) as f32;
    let per_category = if kind.years_on_axis {
        per_category
    } else {
        per_category.max(20.0)
    };
    let lines = category_labels
        .iter()
        .map(|(_, l)| l.lines().count())
        .max()
        .unwrap_or(1) as f32;
    XAxis {
        category_labels,
        height_px: lines * (font_px + 3.0) + 6.0,
        per_category,
    }
}

/// Value labels of neighbouring bars stagger unless the widest fits between bar centres.
fn stagger_needed(bars: &[&[Figure]], px_per_x: f64, measure: &dyn Fn(&str) -> f32) -> bool {
    let pitch_px = bars
        .iter()
        .flat_map(|s| s.windows(2).map(|w| (w[1].x - w[0].x).abs()))
        .fold(f64::INFINITY, f64::min)
        * px_per_x;
    let widest = bars
        .iter()
        .flat_map(|s| s.iter())
        .flat_map(|b| b.label.lines())
        .map(|l| f64::from(measure(l)))
        .fold(0.0, f64::max);
    pitch_px.is_finite() && widest + 4.0 > pitch_px
}

/// Each gap's words wrapped to the width of a category.
fn wrap_gap_texts(
    spec: &ChartSpec,
    per_category: f32,
    measure: &dyn Fn(&str) -> f32,
) -> Vec<String> {
    spec.gaps
        .iter()
        .map(|g| {
            g.text
                .lines()
                .map(|line| wrap_to_width(line, per_category - 6.0, 3, measure))
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect()
}

/// The value axis's bounds and the height of a line of label text in values.
struct YBounds {
    y0: f64,
    y1: f64,
    label_line: f64,
    /// The most lines a value label has.
    value_lines: f64,
}

/// The value range: every visible figure and reference line, zero, and room measured in lines of
/// text for the labels above (value, staggered value, target wording, gap or verdict) and below
/// (the value of a negative bar).
fn y_bounds(
    spec: &ChartSpec,
    kind: &KindLayout<'_>,
    stagger_labels: bool,
    gap_texts: &[String],
    plot_px: f64,
    font_px: f32,
) -> YBounds {
    let (lo, hi) = visible_extent(spec);
    let gap_lines = gap_texts
        .iter()
        .map(|t| t.lines().count())
        .max()
        .unwrap_or(0) as f64;
    let value_lines = spec
        .body
        .series()
        .iter()
        .flat_map(SeriesView::figures)
        .map(|b| b.label.lines().count())
        .max()
        .unwrap_or(1) as f64;
    let above = value_lines
        + if stagger_labels { value_lines } else { 0.0 }
        + kind.marker_lines
        + if gap_lines > 0.0 {
            gap_lines + 0.4
        } else {
            0.0
        }
        + 0.5;
    let below = if lo < 0.0 { value_lines + 0.5 } else { 0.0 };
    let line_share = f64::from(font_px + 2.0) / plot_px;
    let data_span = (hi - lo).max(f64::EPSILON);
    let range = data_span / (1.0 - (above + below) * line_share).max(0.3);
    let label_line = range * line_share;
    let (y0, y1) = if hi - lo < 1e-9 {
        (0.0, 1.0)
    } else {
        (
            if lo < 0.0 {
                lo - below * label_line
            } else {
                0.0
            },
            hi + above * label_line,
        )
    };
    YBounds {
        y0,
        y1,
        label_line,
        value_lines,
    }
}

/// How many categories apart the axis labels are, and how wide one may be, in points. A label needs
/// the room of its widest year as the fonts measure it, or, for names, which wrap, of two
/// characters and "…" (and of their widest word, once they are thinned), with a margin each side. The first and last labels are
/// kept within the plot (the drawing moves them in), so one wider than twice its room to the edge
/// moves toward its neighbour: the width allowed leaves room for that move.
fn category_step(
    spec: &ChartSpec,
    years_on_axis: bool,
    px_per_x: f64,
    measure: &dyn Fn(&str) -> f32,
) -> (usize, f32) {
    let count = spec.categories.len().max(1);
    if years_on_axis {
        let step = (1..=count)
            .find(|&step| years_fit(spec, step, px_per_x, measure))
            .unwrap_or(count);
        return (step, (step as f64 * px_per_x - 6.0) as f32);
    }
    let (need, margin) = (f64::from(measure("龙岗…")), 6.0);
    let edge = match (spec.categories.first(), spec.categories.last()) {
        (Some(first), Some(last)) => {
            (first.x - spec.x_range.0).min(spec.x_range.1 - last.x) * px_per_x
        }
        _ => 0.0,
    };
    let allowed = |step: usize| {
        let apart = step as f64 * px_per_x - margin;
        apart.min((apart + edge) / 1.5)
    };
    let first_step = |need: f64| (1..=count).find(|&s| allowed(s) >= need).unwrap_or(count);
    let mut step = first_step(need);
    // Names too many for their room are thinned until their widest word fits too: a long word
    // is never cut, and would reach into its neighbour's.
    if step > 1 {
        let words = spec
            .categories
            .iter()
            .flat_map(|c| super::wrap::tokens(&c.label));
        let widest = words.map(|w| f64::from(measure(&w))).fold(need, f64::max);
        step = first_step(widest);
    }
    (step, allowed(step).max(14.0) as f32)
}

/// Whether every `step`-th year fits: twelve points between neighbouring labels, or four where a
/// label at the plot's edge was moved in to stay within it.
fn years_fit(spec: &ChartSpec, step: usize, px_per_x: f64, measure: &dyn Fn(&str) -> f32) -> bool {
    let frame = (spec.x_range.1 - spec.x_range.0) * px_per_x;
    let shown: Vec<(f64, f64, bool)> = spec
        .categories
        .iter()
        .step_by(step)
        .map(|c| {
            let width = c
                .label
                .lines()
                .map(|l| f64::from(measure(l)))
                .fold(f64::from(measure("2024")), f64::max);
            let at = (c.x - spec.x_range.0) * px_per_x;
            let kept = if frame > width {
                at.clamp(width / 2.0, frame - width / 2.0)
            } else {
                frame / 2.0
            };
            (kept, width, (kept - at).abs() > 0.01)
        })
        .collect();
    shown.windows(2).all(|pair| {
        let [(a, wa, moved_a), (b, wb, moved_b)] = [pair[0], pair[1]];
        let gap = b - a - f64::midpoint(wa, wb);
        gap >= if moved_a || moved_b { 4.0 } else { 12.0 }
    })
}

/// The lowest and highest of zero, every visible figure and every visible reference line.
fn visible_extent(spec: &ChartSpec) -> (f64, f64) {
    spec.body
        .series()
        .iter()
        .filter(|s| s.visible)
        .flat_map(|s| s.figures().map(|b| b.value))
        .chain(
            spec.references
                .iter()
                .filter(|r| r.visible)
                .map(|r| r.value),
        )
        .fold((0.0_f64, 0.0_f64), |(lo, hi), v| (lo.min(v), hi.max(v)))
}

/// The value axis range: zero, every visible value and reference line, and room above (and below,
/// for negative values) for the value labels.
pub(in crate::charts) fn value_range(spec: &ChartSpec) -> (f64, f64) {
    let (lo, hi) = visible_extent(spec);
    let span = (hi - lo).max(f64::EPSILON);
    let pad = span * 0.16;
    let lo = if lo < 0.0 { lo - pad } else { 0.0 };
    // Differences are written above the bars: give them a line of their own.
    let gap_room = if spec.gaps.is_empty() {
        0.0
    } else {
        span * spec.body.kind().layout_needs().gap_share
    };
    let hi = if hi > 0.0 || lo == 0.0 {
        hi + pad + gap_room
    } else {
        gap_room
    };
    if hi - lo < 1e-9 { (0.0, 1.0) } else { (lo, hi) }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::model::{Lang, load_default};

    fn spec(id: &str, hidden: &[&str]) -> ChartSpec {
        let report = load_default().expect("default");
        let chart = report.chart(id).expect("chart");
        let hidden: BTreeSet<String> = hidden.iter().map(|s| (*s).to_owned()).collect();
        super::super::build(&report, chart, Lang::Zh, &hidden)
    }

    /// Text width as a reader's font gives it, roughly: CJK a square, Latin half of one.
    pub(crate) fn estimate(text: &str) -> f32 {
        text.chars()
            .map(|c| if c.is_ascii() { 7.0 } else { 13.0 })
            .sum()
    }

    #[test]
    fn the_drawn_range_is_the_value_range_with_no_room_taken_for_a_legend() {
        let s = spec("headline", &[]);
        let l = plot_layout(&s, 900.0, 400.0, 13.0, &estimate);
        // Every figure (−9.9 … 17) and lines of text above and below for labels; no more.
        assert!(
            l.y_bounds.0 < -9.9 && l.y_bounds.0 > -9.9 - 4.0 * l.label_line,
            "{l:?}"
        );
        assert!(
            l.y_bounds.1 > 17.0 && l.y_bounds.1 < 17.0 + 6.0 * l.label_line,
            "{l:?}"
        );
        assert_eq!(l.category_labels.len(), s.categories.len());
    }

    #[test]
    fn labels_wrap_to_their_measured_width() {
        let cut = wrap_to_width(
            "Municipal culture and sports facility projects",
            90.0,
            6,
            &estimate,
        );
        assert!(cut.lines().all(|l| estimate(l) <= 90.0), "{cut}");
        assert_eq!(
            cut.replace('\n', " "),
            "Municipal culture and sports facility projects"
        );
        let short = wrap_to_width("规模以上工业增加值规模以上工业增加值", 40.0, 2, &estimate);
        assert_eq!(short.lines().count(), 2);
        assert!(short.ends_with('…'));
    }

    #[test]
    fn narrow_plots_wrap_labels_and_grow_the_axis() {
        let s = spec("headline", &[]);
        let wide = plot_layout(&s, 1400.0, 400.0, 13.0, &estimate);
        let narrow = plot_layout(&s, 300.0, 400.0, 13.0, &estimate);
        assert!(narrow.x_axis_px > wide.x_axis_px);
        assert!(narrow.category_labels.iter().any(|(_, l)| l.contains('\n')));
    }
}
