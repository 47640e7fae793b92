//! What a chart shows, computed from the report by plain functions: figures, labels, ranges and
//! tooltips, in one language, for the series that are visible. Drawing a [`ChartSpec`] is a separate,
//! thin step (`draw`), shared by the window and the image export.
//!
//! What a chart shows is a [`ChartBody`]: one arm a kind, each kind one file (`bars.rs`,
//! `lines.rs`, `targets.rs`, `places.rs`, `time/`) that builds its body and implements [`Kind`] (what its layout
//! needs, its labels, what is under the pointer), and one file in `draw/` that draws it. A chart
//! of one figure is shown as a card (`card.rs`), whatever its kind. A new kind is one file here,
//! one in `draw/`, an arm in each registry and its validation rule.

/// A kind's body that is its series: the newtype, and the slice of series it reads as.
macro_rules! series_body {
    ($(#[$doc:meta])* $name:ident($figures:ty)) => {
        $(#[$doc])*
        #[derive(Clone, Debug, Default, PartialEq)]
        pub struct $name(pub Vec<$crate::charts::Series<$figures>>);

        impl std::ops::Deref for $name {
            type Target = [$crate::charts::Series<$figures>];

            fn deref(&self) -> &Self::Target {
                &self.0
            }
        }
    };
}

pub mod accountability;
mod bars;
mod card;
mod detail;
mod hit;
pub mod layout;
mod lines;
mod places;
pub mod short_names;
mod targets;
pub mod time;
mod wrap;

/// For tests of layout without a font: a CJK character 14 points wide, anything else 7.5.
#[cfg(test)]
pub(crate) fn measure_stand_in(s: &str) -> f32 {
    s.chars()
        .map(|c| if c.is_ascii() { 7.5 } else { 14.0 })
        .sum()
}

pub use accountability::Status;
pub use bars::Bars;
pub use card::CardSpec;
pub use lines::Lines;
pub use places::{Places, place_name};
pub use targets::Targets;

pub use wrap::wrap_label;

use std::collections::BTreeSet;

use crate::format;
use crate::i18n::tr;
use crate::model::{Chart, ChartKind, Indicator, Lang, PointKind, Qualifier, Report, Unit};

/// Everything needed to draw one chart, already in the chosen language.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    pub id: String,
    pub title: String,
    /// "单位：%" / "Unit: %".
    pub axis_label: String,
    pub unit: Unit,
    pub lang: Lang,
    /// What the chart shows: its kind's figures.
    pub body: ChartBody,
    /// When the chart draws exactly one figure and no reference line: that figure as a card,
    /// shown instead of the body (decided once the body is built, whatever its kind).
    pub card: Option<Box<CardSpec>>,
    /// Labels under the bars (indicator names) or years on a line chart, at their x.
    pub categories: Vec<CategoryLabel>,
    pub references: Vec<ReferenceSpec>,
    /// Differences written above a pair of bars: "高约4个百分点".
    pub gaps: Vec<GapLabel>,
    /// What the fills and strokes mean (result, target, starting level), when a chart has several
    /// kinds of figure, or one kind in several years (a shade a year: "2021年完成", "2022年完成").
    pub key: Vec<(Look, String)>,
    /// The documents the visible figures come from, cited in a reader's words, in order of first
    /// use: what an image's footnote names.
    pub sources: Vec<String>,
    /// What the gap labels compare ("差值：2023年目标比2022年完成"), shown with the key.
    pub gap_note: Option<String>,
    pub x_range: (f64, f64),
    /// The values' range, zero included (so negative values read as negative), with a share of
    /// room for labels: the scale hit-testing measures its slack in. It is not what is drawn:
    /// [`layout::plot_layout`] gives the drawn range (`y_bounds`), with the labels' room measured
    /// in lines of text at the plot's size.
    pub value_range: (f64, f64),
}

/// What a chart shows: one arm a kind of chart, each arm a type of its kind's own file. This enum
/// and [`ChartBody::kind`] are the registry of kinds in `charts/` (the drawing's is
/// `draw::kind_drawing`): a new kind is its file, an arm here and one there, and the compiler names
/// every other place. Every series keeps its entry when hidden (for the check boxes), but only
/// visible ones take room or are drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum ChartBody {
    /// Grouped bars, before-after bars and single values against reference lines: one bar a
    /// figure, filled by its kind.
    Bars(bars::Bars),
    /// Years on the axis: results (and starting levels) a solid line, targets a dashed one.
    Lines(lines::Lines),
    /// Years on the axis: each result a bar, each target a marker beside it, and the verdict.
    Targets(targets::Targets),
    /// Records on a calendar axis, decimated to the pixels when drawn.
    Time(Box<time::TimeChart>),
    /// One indicator across places: a bar (or a range) a place, highest first; or each place's
    /// target beside its result.
    Places(places::Places),
}

impl ChartBody {
    /// The kind behind the body: the one place `charts/` matches on kinds.
    pub fn kind(&self) -> &dyn Kind {
        match self {
            Self::Bars(bars) => bars,
            Self::Lines(lines) => lines,
            Self::Targets(targets) => targets,
            Self::Time(time) => time.as_ref(),
            Self::Places(places) => places,
        }
    }

    /// The body a declared kind is built as: the one place a declared kind meets its builder.
    fn build(spec: &mut ChartSpec, input: &Input<'_>, view: &time::TimeView) -> Self {
        match input.chart.kind {
            ChartKind::GroupedBars | ChartKind::BeforeAfter | ChartKind::ReferenceLines => {
                Self::Bars(bars::build_bars(spec, input))
            }
            ChartKind::Lines => Self::Lines(lines::build_lines(spec, input)),
            ChartKind::TargetsAndResults => Self::Targets(targets::build_targets(spec, input)),
            ChartKind::TimeSeries => Self::Time(Box::new(time::build_time(spec, input, view))),
            ChartKind::Places => Self::Places(places::build_places(spec, input)),
        }
    }

    /// Every series with what it draws, visible or not, whatever the kind.
    pub fn series(&self) -> Vec<SeriesView<'_>> {
        self.kind().series()
    }

    /// Whether a series' colour says which series it is (see [`Kind::colours_name_series`]).
    pub fn colours_name_series(&self) -> bool {
        self.kind().colours_name_series()
    }
}

/// One kind of chart as the layout, the pointer and the check boxes see it. Each kind's file
/// implements it for its body type; the layout and the hit test ask it and never match on kinds.
pub trait Kind {
    /// Every series with what it draws, visible or not.
    fn series(&self) -> Vec<SeriesView<'_>>;

    /// Whether a series' colour says which series it is (line charts, and targets charts of
    /// several indicators): then the header names the series by colour and their check boxes
    /// carry a swatch. In bar charts colour says what a bar is (result, target, starting level)
    /// and the axis names the series.
    fn colours_name_series(&self) -> bool;

    /// What the kind asks of the layout: years or names on the axis, room for markers and gap
    /// labels, the bars that stand side by side.
    fn layout_needs(&self) -> layout::KindLayout<'_> {
        layout::KindLayout::plain()
    }

    /// The value labels the kind places in a laid-out plot; by default none, every gap label shown.
    fn place_labels(&self, room: &layout::LabelRoom<'_>) -> layout::PlacedLabels {
        layout::PlacedLabels::none(room.gaps.len())
    }

    /// The figure under a point in plot coordinates, if the kind has figures the pointer can
    /// name (a time chart's hover is the record's nearest value, `TimeChart::hover`).
    fn hit(&self, _at: &hit::HitProbe) -> Option<&Figure> {
        None
    }

    /// The value axis' range: by default every visible figure, zero and the room labels need; a
    /// kind that fits its own range when built keeps `built`.
    fn value_range(&self, spec: &ChartSpec, built: (f64, f64)) -> (f64, f64) {
        let _ = built;
        layout::value_range(spec)
    }
}

/// One toggleable series: an indicator's figures in one colour.
#[derive(Clone, Debug, PartialEq)]
pub struct Series<F> {
    /// The indicator id: the key of the toggles.
    pub id: String,
    pub name: String,
    /// Index into the palette: the series' position in the chart declaration, stable across
    /// toggles.
    pub color: usize,
    pub visible: bool,
    pub figures: F,
}

/// A series' results and its targets, kept apart: a line chart never joins them into one line, a
/// targets chart draws them as bars and markers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ResultsAndTargets {
    /// Results (and, on a line, starting levels), in x order.
    pub results: Vec<Figure>,
    /// Targets, in x order.
    pub targets: Vec<Figure>,
}

impl ResultsAndTargets {
    /// Every figure: results, then targets.
    pub fn iter(&self) -> impl Iterator<Item = &Figure> {
        self.results.iter().chain(&self.targets)
    }
}

/// A series or a reference line as its check box shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Toggle<'a> {
    pub id: &'a str,
    pub name: &'a str,
    /// The palette index, when the colour names the series (see [`ChartBody::colours_name_series`]).
    pub color: Option<usize>,
}

/// How a kind of figure looks: its kind, and its shade. Bars of one kind in several years would
/// look alike, told apart only by small year labels: each year back from the latest of its kind in
/// the chart is a lighter shade of the kind's colour, and the key names each year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Look {
    pub kind: PointKind,
    /// 0 for the latest year of its kind in the chart (the kind's own colour), 1 for the year
    /// before, and so on; always 0 where colour names a series.
    pub shade: usize,
}

impl Look {
    /// The kind's own colour, unshaded.
    pub fn of(kind: PointKind) -> Self {
        Self { kind, shade: 0 }
    }
}

/// One drawn figure: a bar, a point of a line or a target marker.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub x: f64,
    pub width: f64,
    /// Where the figure ends: its value, or a range's high end.
    pub value: f64,
    /// A range's low end (4.5 of 4.5%—5%), where its bar starts: the figure runs from here up
    /// to `value`. `None`: a bar from zero.
    pub low: Option<f64>,
    pub kind: PointKind,
    /// Its shade of its kind's colour (see [`Look`]).
    pub shade: usize,
    /// How exactly the figure is stated: a target "左右" is drawn dashed, "以上" as a floor.
    pub qualifier: Qualifier,
    /// The height its label sits above: its own value, or, for a target beside its result, the
    /// higher of the two so the two labels never meet.
    pub label_base: f64,
    /// The value label on the bar: "≈7%".
    pub label: String,
    pub detail: PointDetail,
}

impl Figure {
    /// How it looks: its kind and shade.
    pub fn look(&self) -> Look {
        Look {
            kind: self.kind,
            shade: self.shade,
        }
    }
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

#[derive(Clone, Debug, PartialEq)]
pub struct CategoryLabel {
    pub x: f64,
    pub label: String,
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

/// Build the spec of `chart` in `lang`, with the series whose ids are in `hidden` switched off.
/// Hidden series keep their entry (for the check boxes) but take no room: the visible ones close
/// up, and the value range follows only what is visible.
pub fn build(report: &Report, chart: &Chart, lang: Lang, hidden: &BTreeSet<String>) -> ChartSpec {
    build_in(report, chart, lang, hidden, &time::TimeView::default())
}

/// [`build`] for a view of a time chart: its visible window and whether means are drawn. Other
/// kinds ignore the view.
pub fn build_in(
    report: &Report,
    chart: &Chart,
    lang: Lang,
    hidden: &BTreeSet<String>,
    view: &time::TimeView,
) -> ChartSpec {
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
        axis_label,
        unit,
        lang,
        body: ChartBody::Bars(bars::Bars::default()),
        card: None,
        categories: Vec::new(),
        references: Vec::new(),
        gaps: Vec::new(),
        key: Vec::new(),
        sources: Vec::new(),
        gap_note: None,
        x_range: (-0.5, 0.5),
        value_range: (0.0, 1.0),
    };
    let input = Input {
        report,
        chart,
        indicators: &indicators,
        hidden,
    };
    spec.body = ChartBody::build(&mut spec, &input, view);
    let mut sources = drawn_sources(&input, lang);
    for citation in std::mem::take(&mut spec.sources) {
        if !sources.contains(&citation) {
            sources.push(citation);
        }
    }
    spec.sources = sources;
    if !spec.gaps.is_empty() {
        spec.gap_note = bars::gap_note(&input, lang);
    }
    spec.references = chart
        .reference_lines
        .iter()
        .enumerate()
        .map(|(r, line)| {
            let id = reference_key(&line.id);
            ReferenceSpec {
                visible: !hidden.contains(&id),
                id,
                name: format!(
                    "{} {}",
                    line.label.get(lang),
                    format::value_with_unit(line.value, Qualifier::Exact, &spec.unit, lang)
                ),
                value: line.value,
                source: line.source.get(lang).to_owned(),
                color: chart.series.len() + r,
            }
        })
        .collect();
    spec.value_range = spec.body.kind().value_range(&spec, spec.value_range);
    // Whether the chart is a card is decided here, from what the body draws, not by any kind.
    spec.card = card::build_card(&spec, &input).map(Box::new);
    spec
}

/// What every kind's builder reads: the report, the chart, its indicators in order, and the
/// hidden series.
pub(super) struct Input<'a> {
    pub report: &'a Report,
    pub chart: &'a Chart,
    pub indicators: &'a [&'a Indicator],
    pub hidden: &'a BTreeSet<String>,
}

impl Input<'_> {
    fn visible(&self, ind: &Indicator) -> bool {
        !self.hidden.contains(&ind.id)
    }
}

/// Citations of the sources of the visible series' figures, in order of first use.
fn drawn_sources(input: &Input<'_>, lang: Lang) -> Vec<String> {
    let mut ids: Vec<&str> = Vec::new();
    for ind in input.indicators.iter().filter(|i| input.visible(i)) {
        for p in input.chart.drawn_points(ind) {
            if !ids.contains(&p.source_id()) {
                ids.push(p.source_id());
            }
        }
    }
    ids.into_iter()
        .filter_map(|id| input.report.source(id))
        .map(|s| crate::i18n::source_citation(s, lang))
        .collect()
}

/// A series whatever its kind: what it is, and every figure it draws.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SeriesView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub color: usize,
    pub visible: bool,
    /// Its figures, in one or two runs (results, then targets).
    runs: [&'a [Figure]; 2],
}

impl<'a> SeriesView<'a> {
    /// Every figure the series draws.
    pub fn figures(&self) -> impl Iterator<Item = &'a Figure> + use<'a> {
        self.runs.into_iter().flatten()
    }
}

/// Every series of a kind whose series hold results and targets, with both runs.
fn results_and_targets_views(series: &[Series<ResultsAndTargets>]) -> Vec<SeriesView<'_>> {
    series
        .iter()
        .map(|s| s.view([&s.figures.results, &s.figures.targets]))
        .collect()
}

impl<F> Series<F> {
    fn view<'a>(&'a self, runs: [&'a [Figure]; 2]) -> SeriesView<'a> {
        SeriesView {
            id: &self.id,
            name: &self.name,
            color: self.color,
            visible: self.visible,
            runs,
        }
    }
}

impl ChartSpec {
    /// Whether anything is visible at all.
    pub fn any_visible(&self) -> bool {
        // A card is one visible figure.
        self.card.is_some()
            || self.body.series().iter().any(|s| s.visible)
            || self.references.iter().any(|r| r.visible)
    }

    /// The check boxes of the chart: its series, then its reference lines.
    pub fn toggles(&self) -> Vec<Toggle<'_>> {
        // A card is one figure: nothing to switch.
        if self.card.is_some() {
            return Vec::new();
        }
        let coloured = self.body.colours_name_series();
        self.body
            .series()
            .into_iter()
            .map(|s| Toggle {
                id: s.id,
                name: s.name,
                color: coloured.then_some(s.color),
            })
            .chain(self.references.iter().map(|r| Toggle {
                id: &r.id,
                name: &r.name,
                color: Some(r.color),
            }))
            .collect()
    }

    /// The card, when the chart is one figure.
    pub fn card(&self) -> Option<&CardSpec> {
        self.card.as_deref()
    }

    /// The time chart, when the chart is one.
    pub fn time(&self) -> Option<&time::TimeChart> {
        if let ChartBody::Time(chart) = &self.body {
            Some(chart)
        } else {
            None
        }
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
