//! Where value labels go: each on its usual side of its figure, moved when it would cover a label
//! already placed, or left out (the tooltip has every value). Plain arithmetic in the plot's
//! points, from the layout's scale.

use super::super::{Figure, ResultsAndTargets, Series};

/// Where one value label of a line chart sits.
#[derive(Clone, Debug, PartialEq)]
pub struct PointLabel {
    /// The series, as an index into the chart's series (hidden ones included).
    pub series: usize,
    /// Which of the series' runs: its results (`false`) or its targets (`true`).
    pub target: bool,
    /// The figure's index in its run.
    pub index: usize,
    /// Where the label's anchor is, in value units: its bottom edge when `above`, else its top.
    pub y: f64,
    /// Whether the label sits above its point (else below).
    pub above: bool,
}

/// How value units map to the plot's points: x from the left of the x range, y up from the bottom
/// of the drawn value range.
pub(in crate::charts) struct PlotScale {
    pub x0: f64,
    pub y0: f64,
    pub px_per_x: f64,
    pub px_per_y: f64,
    /// The plot's width and height, in points.
    pub width_px: f64,
    pub height_px: f64,
    /// One line of label text, in points.
    pub line_px: f64,
}

impl PlotScale {
    /// The box of `figure`'s label with its anchor at `y` (its bottom edge when `above`, else its
    /// top), or `None` when it would stick out of the plot.
    fn label_box(
        &self,
        figure: &Figure,
        y: f64,
        above: bool,
        measure: &dyn Fn(&str) -> f32,
    ) -> Option<LabelBox> {
        self.text_box(figure.x, &figure.label, y, above, measure)
    }

    /// The box of `text` centred at `x` with its anchor at `y`, as [`Self::label_box`].
    fn text_box(
        &self,
        x: f64,
        text: &str,
        y: f64,
        above: bool,
        measure: &dyn Fn(&str) -> f32,
    ) -> Option<LabelBox> {
        let width = text
            .lines()
            .map(|l| f64::from(measure(l)))
            .fold(0.0, f64::max);
        let height = text.lines().count().max(1) as f64 * self.line_px;
        let centre = (x - self.x0) * self.px_per_x;
        let edge = (y - self.y0) * self.px_per_y;
        let (bottom, top) = if above {
            (edge, edge + height)
        } else {
            (edge - height, edge)
        };
        let (left, right) = (centre - width / 2.0, centre + width / 2.0);
        // Two points of slack: the scale is the layout's estimate of the plot's. A label the
        // plot's edge would cut is no better than one left out.
        let inside = bottom >= -2.0
            && top <= self.height_px + 2.0
            && left >= -2.0
            && right <= self.width_px + 2.0;
        inside.then_some(LabelBox([left, right, bottom, top]))
    }
}

/// Where one target's label sits in a targets chart.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetLabel {
    /// The series, as an index into the chart's series (hidden ones included).
    pub series: usize,
    /// The target's index in the series' targets.
    pub index: usize,
    /// The label's bottom edge, in value units.
    pub y: f64,
}

/// The texts of a targets chart that are drawn, each where it always sits: every result's value
/// on its bar, every target's wording above its marker, every verdict above its pair, in that
/// order of precedence; one that would cover a text already placed is left out (the tooltip has
/// the value and the verdict).
pub(in crate::charts) struct TargetsTexts {
    pub results: Vec<BarLabel>,
    pub targets: Vec<TargetLabel>,
    pub gaps: Vec<bool>,
}

/// Where a targets chart's texts go (see [`TargetsTexts`]). `target_y` is where a target's label
/// sits; `gaps` are the verdicts' texts at their x and bottom edge.
pub(in crate::charts) fn place_targets_texts(
    series: &[Series<ResultsAndTargets>],
    scale: &PlotScale,
    target_y: &dyn Fn(&Figure) -> f64,
    gaps: &[(f64, f64, &str)],
    measure: &dyn Fn(&str) -> f32,
) -> TargetsTexts {
    let mut placed: Vec<LabelBox> = Vec::new();
    let mut fits = |found: Option<LabelBox>| match found {
        Some(label) if !placed.iter().any(|p| p.meets(label)) => {
            placed.push(label);
            true
        }
        _ => false,
    };
    let mut out = TargetsTexts {
        results: Vec::new(),
        targets: Vec::new(),
        gaps: Vec::new(),
    };
    let visible = || series.iter().enumerate().filter(|(_, s)| s.visible);
    for (s, series) in visible() {
        for (index, bar) in series.figures.results.iter().enumerate() {
            if fits(scale.label_box(bar, bar.value, bar.value >= 0.0, measure)) {
                out.results.push(BarLabel {
                    series: s,
                    index,
                    lift: 0.0,
                });
            }
        }
    }
    for (s, series) in visible() {
        for (index, target) in series.figures.targets.iter().enumerate() {
            let y = target_y(target);
            if fits(scale.label_box(target, y, true, measure)) {
                out.targets.push(TargetLabel {
                    series: s,
                    index,
                    y,
                });
            }
        }
    }
    for &(x, y, text) in gaps {
        let shown = fits(scale.text_box(x, text, y, true, measure));
        out.gaps.push(shown);
    }
    out
}

/// Where one value label of a bar chart sits.
#[derive(Clone, Debug, PartialEq)]
pub struct BarLabel {
    /// The series, as an index into the chart's series (hidden ones included).
    pub series: usize,
    /// The bar's index in its series.
    pub index: usize,
    /// How far past the bar's end the label sits, in value units.
    pub lift: f64,
}

/// Where each bar's value label goes: just past the bar's end, or `stagger_lift` further out
/// (every second bar of a group first, when neighbouring labels are too wide to sit side by
/// side), whichever covers no label already placed and stays in the plot; else it is left out
/// (the tooltip has the value). Series in the chart's order, bars in theirs.
pub(in crate::charts) fn place_bar_labels(
    series: &[Series<Vec<Figure>>],
    scale: &PlotScale,
    stagger: bool,
    stagger_lift: f64,
    measure: &dyn Fn(&str) -> f32,
) -> Vec<BarLabel> {
    let mut placed: Vec<LabelBox> = Vec::new();
    let mut out = Vec::new();
    for (s, series) in series.iter().enumerate().filter(|(_, s)| s.visible) {
        for (index, bar) in series.figures.iter().enumerate() {
            let lifts = if stagger && index % 2 == 1 {
                [stagger_lift, 0.0]
            } else {
                [0.0, stagger_lift]
            };
            let above = bar.value >= 0.0;
            let spot = lifts.into_iter().find_map(|lift| {
                let y = if above {
                    bar.value + lift
                } else {
                    bar.value - lift
                };
                let label = scale.label_box(bar, y, above, measure)?;
                (!placed.iter().any(|p| p.meets(label))).then_some((lift, label))
            });
            if let Some((lift, label)) = spot {
                placed.push(label);
                out.push(BarLabel {
                    series: s,
                    index,
                    lift,
                });
            }
        }
    }
    out
}

/// A label's box in the plot's points: left, right, bottom, top.
#[derive(Clone, Copy)]
struct LabelBox([f64; 4]);

impl LabelBox {
    /// Whether two boxes come closer than a point and a half.
    fn meets(self, other: Self) -> bool {
        const PAD: f64 = 1.5;
        let ([l0, r0, b0, t0], [l1, r1, b1, t1]) = (self.0, other.0);
        l0 < r1 + PAD && l1 < r0 + PAD && b0 < t1 + PAD && b1 < t0 + PAD
    }
}

/// Where each line's value labels go. Every point when they fit side by side, else the last of
/// each line, as candidates; each sits on its usual side of its point (above, below a negative
/// value), or on the other side when that would cover a label already placed, or is left out
/// (its value is on hover). Lines are taken in the chart's order, each from its last point back,
/// so the most recent figures keep their labels.
pub(in crate::charts) fn place_point_labels(
    series: &[Series<ResultsAndTargets>],
    scale: &PlotScale,
    every: bool,
    lift: f64,
    measure: &dyn Fn(&str) -> f32,
) -> Vec<PointLabel> {
    let mut placed: Vec<LabelBox> = Vec::new();
    let mut out = Vec::new();
    for (s, series) in series.iter().enumerate().filter(|(_, s)| s.visible) {
        for (target, run) in [
            (false, &series.figures.results),
            (true, &series.figures.targets),
        ] {
            let first = if every {
                0
            } else {
                run.len().saturating_sub(1)
            };
            for (index, figure) in run.iter().enumerate().skip(first).rev() {
                let sides = if figure.value >= 0.0 {
                    [true, false]
                } else {
                    [false, true]
                };
                let spot = sides.into_iter().find_map(|above| {
                    let y = if above {
                        figure.value + lift
                    } else {
                        figure.value - lift
                    };
                    let label = scale.label_box(figure, y, above, measure)?;
                    (!placed.iter().any(|p| p.meets(label))).then_some((y, above, label))
                });
                if let Some((y, above, label)) = spot {
                    placed.push(label);
                    out.push(PointLabel {
                        series: s,
                        target,
                        index,
                        y,
                        above,
                    });
                }
            }
        }
    }
    out
}

/// The series' names as a key of colours shows them in `width` points: whole while the key takes at
/// most three lines; else without the words they all share ("Station A", "Station B" for
/// "Temperature, Station A (°C)" …), and only if that is still too wide each cut to one line with
/// "…" — unless cutting would make two alike, when they stay uncut: a key that names two series
/// the same says nothing. The check boxes and the tooltip have the whole names. An entry is its
/// name and 32 points for its swatch and spacing, and is never split across lines.
pub fn key_names(names: &[&str], width: f32, measure: &dyn Fn(&str) -> f32) -> Vec<String> {
    const ENTRY_PX: f32 = 32.0;
    // Entries laid out a line at a time as the key lays them out: at most three lines.
    let fits = |names: &[&str]| {
        let mut lines = 1;
        let mut used = 0.0;
        for n in names {
            let entry = measure(n) + ENTRY_PX;
            // A name wider than the key would run past its edge.
            if entry > width {
                return false;
            }
            if used > 0.0 && used + entry > width {
                lines += 1;
                used = 0.0;
            }
            used += entry;
        }
        lines <= 3
    };
    if names.is_empty() || fits(names) {
        return names.iter().map(|n| (*n).to_owned()).collect();
    }
    let short = crate::charts::short_names::distinct_short_names(names);
    let short_refs: Vec<&str> = short.iter().map(String::as_str).collect();
    if fits(&short_refs) {
        return short;
    }
    let each = (3.0 * width / names.len() as f32 - ENTRY_PX).max(40.0);
    let cut: Vec<String> = short
        .iter()
        .map(|n| super::wrap_to_width(n, each, 1, measure))
        .collect();
    let distinct: std::collections::BTreeSet<&String> = cut.iter().collect();
    if distinct.len() == cut.len() {
        cut
    } else {
        short
    }
}

#[cfg(test)]
mod tests {
    use super::key_names;

    use crate::charts::measure_stand_in as measure;

    #[test]
    fn a_key_too_narrow_for_nine_columns_keeps_them_apart() {
        let names: Vec<String> = ('A'..='I')
            .map(|s| format!("Temperature, Station {s} (°C)"))
            .collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        // Wide enough: whole.
        assert_eq!(key_names(&names, 2000.0, &measure), names);
        // Too narrow for whole names: what differs, whole.
        let key = key_names(&names, 300.0, &measure);
        assert_eq!(key.first().map(String::as_str), Some("Station A"));
        // Too narrow even for those: cut, but never alike.
        for width in [60.0, 120.0, 200.0] {
            let key = key_names(&names, width, &measure);
            let apart: std::collections::BTreeSet<&String> = key.iter().collect();
            assert_eq!(apart.len(), names.len(), "{width}: {key:?}");
        }
        let stations = ["龙岗站PM2.5浓度", "横岗站PM2.5浓度", "南湾站PM2.5浓度"];
        assert_eq!(
            key_names(&stations, 80.0, &measure),
            ["龙岗", "横岗", "南湾"]
        );
    }
}
