//! The report as data: serde types for a plan report, its indicators, data points and the charts
//! declared over them, plus loading and validation.
//!
//! Nothing here knows about the UI. Everything the app shows comes from these types, which come from
//! a RON file; the code holds no indicator names or numbers.

mod basis;
mod chart;
mod data_file;
mod dataset;
pub mod divisions;
mod error;
mod hints;
pub mod lexicon;
mod load;
mod locate;
pub mod numbers;
mod place;
pub mod provenance;
mod record_only;
pub mod series;
mod span;
pub mod time;
mod validate;
pub use validate::invalid_points;
pub mod write;
pub mod zone;

pub use basis::{Basis, BasisNames};
pub use chart::{Chart, ChartKind, Page, ReferenceLine};
pub use data_file::DataFile;
pub use dataset::{Dataset, data_files_in, load_dataset, merge, reread};
pub use error::{LoadError, Location, Msg, Problem, cell_name, column_letters};
pub use load::{
    DEFAULT_DATA, DEFAULT_DATA_NAME, MAX_FILE_BYTES, default_data_files, load_default, load_file,
    parse, parse_data_file, read_data_file,
};
pub use locate::SourceMap;
pub use place::{Place, PlaceLevel};
pub use span::{MAX_SPAN_YEARS, Span, SpanRead};

/// The id of the window's data-table page (`--page table`), which no data page may take.
pub const TABLE_PAGE_ID: &str = "table";

/// The id of the window's review page for drafted files (`--page review`).
pub const REVIEW_PAGE_ID: &str = "review";

/// Page ids the app uses for its own pages.
pub const RESERVED_PAGE_IDS: [&str; 2] = [TABLE_PAGE_ID, REVIEW_PAGE_ID];

use serde::{Deserialize, Serialize};

/// A text in both of the app's languages: Chinese first, English second.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

/// The languages the app speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Text {
    /// No text in either language: what a record-only file's missing issuer reads as.
    pub fn empty() -> Self {
        Self {
            zh: String::new(),
            en: String::new(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// A whole report: what it is, the units it uses, its indicators, and the charts and pages that
/// present them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    pub title: Text,
    /// Who issued the report. A data file of monitoring records alone may leave it out.
    #[serde(default = "Text::empty")]
    pub issuer: Text,
    /// The years the report covers (results of the first, targets of the last). Left out, the
    /// years follow the records (or the figures) the file holds.
    #[serde(default)]
    pub years: YearRange,
    /// The documents the figures come from. A figure names its source; with one source, it is
    /// the default.
    pub sources: Vec<Source>,
    /// The themes indicators belong to, in display order; a file of records alone may have none.
    #[serde(default)]
    pub categories: Vec<Category>,
    pub units: Vec<Unit>,
    pub indicators: Vec<Indicator>,
    pub charts: Vec<Chart>,
    /// Pages group charts for the window's side panel, in display order.
    pub pages: Vec<Page>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearRange {
    pub first: i32,
    pub last: i32,
}

impl YearRange {
    /// Whether the file left its years out (0 to 0): they follow its data.
    pub fn is_unset(self) -> bool {
        self == Self::default()
    }

    pub fn contains(self, year: i32) -> bool {
        (self.first..=self.last).contains(&year)
    }
}

/// A published document figures are taken from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Short stable id that figures name (`source: "lg-plan-2022"`).
    pub id: String,
    pub title: Text,
    /// Who published it.
    pub issuer: Text,
    pub kind: SourceKind,
    /// The place the document is for: its figures are that place's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    /// Where the report's own year was read from, when it was drafted: relative words (今年,
    /// 去年) in its text count from that year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dated_by: Option<DatedBy>,
    /// Publication date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. When two sources state the same figure,
    /// the later publication stands and the earlier is shown as revised.
    #[serde(default)]
    pub published: String,
    /// Where the document can be read, when it is public.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The document's text, for checking quotes: a path relative to the data file, or a file name
    /// looked up in the folders given with `--sources`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// Where a drafted report's own year was read from, so a reader knows whether to check it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DatedBy {
    /// Its title or its first lines (2026年政府工作报告).
    Title,
    /// The line that says when it was delivered (2026年1月25日在…会议上, 二〇二六年一月).
    Delivered,
    /// Its file's name.
    FileName,
    /// `--year`.
    Given,
    /// The years its title, headings and sentences name (2022年主要指标完成情况).
    Text,
    /// None of these: the computer's clock.
    Clock,
}

/// What kind of document a source is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SourceKind {
    /// 国民经济和社会发展计划执行情况与计划草案的报告
    PlanReport,
    /// 政府工作报告
    WorkReport,
    /// 统计公报
    StatisticsBulletin,
    /// 统计分析, 经济运行情况
    StatisticsAnalysis,
    /// A news report that quotes a document.
    NewsReport,
    Other,
}

impl SourceKind {
    pub fn id(self) -> &'static str {
        match self {
            Self::PlanReport => "plan_report",
            Self::WorkReport => "work_report",
            Self::StatisticsBulletin => "statistics_bulletin",
            Self::StatisticsAnalysis => "statistics_analysis",
            Self::NewsReport => "news_report",
            Self::Other => "other",
        }
    }
}

/// A unit of measure. Values are stored in the unit itself, never with a scale word (万, 亿):
/// "1.3 万座" is stored as 13000 in 座, and the display puts the scale word back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    pub id: String,
    pub zh: String,
    pub en: String,
    /// A percentage: rates and shares in this unit must lie within 0–100.
    #[serde(default)]
    pub percent: bool,
}

impl Unit {
    pub fn symbol(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// A theme of the report, declared in the data file; each indicator belongs to one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: String,
    pub zh: String,
    pub en: String,
}

impl Category {
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// One measured or targeted quantity, such as GDP growth or incineration capacity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Stable id used by charts, toggles and exports.
    pub id: String,
    pub name: Text,
    /// Id of a [`Category`] declared in the report; left out in a file that declares none.
    #[serde(default)]
    pub category: String,
    /// Id of a [`Unit`] declared in the report: the unit of the indicator's main measure.
    pub unit: String,
    /// Further measures of the same quantity (GDP's level beside its growth), each with its unit.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<Measure>,
    /// Which way is good: more (growth, capacity) or less (PM2.5, approval days). Decides whether
    /// a result beyond its target met it.
    #[serde(default, skip_serializing_if = "Better::is_higher")]
    pub better: Better,
    /// The figures the reports state. An indicator has these or a `series`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<DataPoint>,
    /// A monitoring record read from a CSV file beside the data file, in place of `points`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<series::SeriesRef>,
    /// Set when loading: the record `series` names.
    #[serde(skip)]
    pub samples: Option<std::sync::Arc<series::Samples>>,
}

/// Which way an indicator's figures are better.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Better {
    #[default]
    Higher,
    Lower,
}

impl Better {
    pub fn is_higher(&self) -> bool {
        *self == Self::Higher
    }
}

/// A further measure of an indicator: its level, its growth, its share …
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// Named by figures (`measure: "level"`) and charts.
    pub id: String,
    /// "总量" / "level".
    pub name: Text,
    /// Id of a [`Unit`] declared in the report.
    pub unit: String,
}

impl Indicator {
    /// The unit id of a measure: the indicator's own for the main measure (`None`).
    pub fn unit_id_of(&self, measure: Option<&str>) -> Option<&str> {
        match measure {
            None => Some(&self.unit),
            Some(id) => self
                .measures
                .iter()
                .find(|m| m.id == id)
                .map(|m| m.unit.as_str()),
        }
    }

    /// Whether the indicator has this measure (`None`: the main one, which every indicator has).
    pub fn has_measure(&self, measure: Option<&str>) -> bool {
        self.unit_id_of(measure).is_some()
    }

    /// The figures of one measure that are not revised by a later source nor rejected in review.
    pub fn current_points<'a>(
        &'a self,
        measure: Option<&'a str>,
    ) -> impl Iterator<Item = &'a DataPoint> + 'a {
        // A figure its review rejected is in the file but nowhere on screen.
        self.points.iter().filter(move |p| {
            p.measure.as_deref() == measure
                && p.revised_by.is_none()
                && p.review
                    .as_ref()
                    .is_none_or(|r| r.state != ReviewState::Rejected)
        })
    }
}

/// One figure the report states. Written `Point(...)` in the data file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Point")]
pub struct DataPoint {
    pub year: i32,
    pub kind: PointKind,
    /// The plain number in the indicator's unit, without scale words.
    pub value: f64,
    pub qualifier: Qualifier,
    /// A range's high end (增长5%—5.5%: 5.5), with `qualifier: Range` and `value` its low end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
    pub basis: Basis,
    /// The span of years the figure covers when it is no single year's (十四五 年均增长6%: from
    /// 2021, per year), ending in `year`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// The part of the year the figure covers, when not all of it (the river figures are
    /// `Months(1, 11)`, 1-11月): placed on a time axis and ordered by it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<time::YearPart>,
    /// A period in the report's words that is no part of a calendar year ("截至11月底" …). Older
    /// files wrote parts here as text; loading reads those as [`Self::part`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Text>,
    /// How the report qualifies the figure, when it does (e.g. 按自然口径计算).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// Which of the indicator's measures the figure is; its main measure when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    /// Id of the [`Source`] the figure comes from; the file's only source when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The words of the source the figure comes from, copied exactly.
    pub quote: String,
    /// For a figure read from a table cell whose unit is printed in the table's header (单位：亿元,
    /// 产量（万吨）): the header's unit as printed. The value is the cell's number in that unit,
    /// scaled to the plain unit (11.1 under 亿元 is 1110000000 in 元).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header_unit: Option<String>,
    /// Set on figures that `planboard draft` read from a report's text: whether a person has
    /// accepted or rejected the proposal yet, and why the program proposed it so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Review>,
    /// Set when loading: the source stating the same figure in a later publication, which stands
    /// instead of this one.
    #[serde(skip)]
    pub revised_by: Option<String>,
    /// Set when loading: the data file the figure was read from (an index into the dataset's files).
    #[serde(skip)]
    pub file: usize,
}

impl DataPoint {
    /// Whether two figures state the same thing — measure, year, part, kind, basis and period — so
    /// one can revise the other.
    pub fn same_figure(&self, other: &Self) -> bool {
        (
            self.measure.as_deref(),
            self.year,
            self.span,
            self.part,
            self.kind,
            self.basis,
            self.period.as_ref(),
        ) == (
            other.measure.as_deref(),
            other.year,
            other.span,
            other.part,
            other.kind,
            other.basis,
            other.period.as_ref(),
        )
    }

    /// The part of the year the figure covers in words ("1-11月" / "January–November"), or its
    /// period's words; `None` for a whole year.
    pub fn period_label(&self, lang: Lang) -> Option<String> {
        match (&self.part, &self.period) {
            (Some(part), _) => Some(time::part_label(*part, lang)),
            (None, Some(text)) => Some(text.get(lang).to_owned()),
            (None, None) => None,
        }
    }

    /// Where the figure sits in time: by year, then by the start and length of its part.
    pub fn time_key(&self) -> (i32, time::Instant, time::Instant) {
        time::order_key(self.year, self.part)
    }

    /// The figure's time as the report writes it: "2022年1-11月" / "2022, January–November",
    /// "2021—2025年年均" / "2021–2025, a year on average".
    pub fn time_label(&self, lang: Lang) -> String {
        if let Some(span) = self.span {
            return span.label(self.year, lang);
        }
        let mut label = time::time_label(self.year, self.part, lang);
        if self.part.is_none()
            && let Some(period) = &self.period
        {
            label.push_str(match lang {
                Lang::Zh => "",
                Lang::En => ", ",
            });
            label.push_str(period.get(lang));
        }
        label
    }

    /// The id of the figure's source, once loading has filled in the default.
    pub fn source_id(&self) -> &str {
        self.source.as_deref().unwrap_or_default()
    }
}

/// A drafted figure's review: `planboard draft` writes every figure as proposed; the review
/// accepts or rejects it. Rejected figures stay in the file, so drafting the same text again does not
/// bring them back, but nothing shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub state: ReviewState,
    /// The words that decided the figure's kind, year and basis, as the draft read them.
    pub why: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReviewState {
    /// Read by the program; nobody has looked at it yet.
    Proposed,
    Accepted,
    Rejected,
}

impl ReviewState {
    pub fn id(self) -> &'static str {
        match self {
            Self::Proposed => "proposed",
            Self::Accepted => "accepted",
            Self::Rejected => "rejected",
        }
    }
}

/// Whether a figure is a result, a target, or the starting level the text compares with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PointKind {
    /// The starting level the text states ("回收利用率从36%提升至51%": 36%).
    Baseline,
    /// A result of the year (2022 results).
    Actual,
    /// A target for the year (2023 plan).
    Target,
}

impl PointKind {
    pub fn id(self) -> &'static str {
        match self {
            Self::Baseline => "baseline",
            Self::Actual => "actual",
            Self::Target => "target",
        }
    }
}

/// How exactly the report states a figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Qualifier {
    Exact,
    /// 左右, 约
    About,
    /// 以上, 超, 超过, 不少于, 余
    AtLeast,
    /// 不超过, 以内
    AtMost,
    /// 近: just under
    Nearly,
    /// From `value` to the figure's `high`: 4.5%—5%, 5%到5.5%.
    Range,
}

impl Qualifier {
    pub fn id(self) -> &'static str {
        match self {
            Self::Exact => "exact",
            Self::About => "about",
            Self::AtLeast => "at_least",
            Self::AtMost => "at_most",
            Self::Nearly => "nearly",
            Self::Range => "range",
        }
    }
}

impl Report {
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    /// The unit a figure of `indicator` is in: its measure's, or the indicator's own.
    pub fn unit_of_point(&self, indicator: &Indicator, point: &DataPoint) -> Option<&Unit> {
        self.unit(indicator.unit_id_of(point.measure.as_deref())?)
    }

    /// The unit of an indicator's measure.
    pub fn unit_of_measure(&self, indicator: &Indicator, measure: Option<&str>) -> Option<&Unit> {
        self.unit(indicator.unit_id_of(measure)?)
    }

    pub fn chart(&self, id: &str) -> Option<&Chart> {
        self.charts.iter().find(|c| c.id == id)
    }

    /// Number of data points over all indicators.
    pub fn point_count(&self) -> usize {
        self.indicators.iter().map(|i| i.points.len()).sum()
    }

    /// Monitoring records read from tables, and their rows: the columns of one table share their
    /// times, and are counted once (five columns of a million times are a million rows).
    pub fn record_count(&self) -> (usize, usize) {
        let mut seen = std::collections::HashSet::new();
        let records = self.indicators.iter().filter_map(|i| i.samples.as_ref());
        records.fold((0, 0), |(n, rows), s| {
            let more = if seen.insert(s.times_id()) {
                s.len()
            } else {
                0
            };
            (n + 1, rows + more)
        })
    }
}
