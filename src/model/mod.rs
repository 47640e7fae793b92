//! The report as data: serde types for a plan report, its indicators, data points and the charts
//! declared over them, plus loading and validation.
//!
//! Nothing here knows about the UI. Everything the app shows comes from these types, which come from
//! a RON file; the code holds no indicator names or numbers.

mod error;
mod load;
mod locate;
mod validate;

pub use error::{LoadError, Location, Problem};
pub use load::{DEFAULT_DATA, DEFAULT_DATA_NAME, MAX_FILE_BYTES, load_default, load_file, parse};
pub use locate::SourceMap;

/// The id of the window's data-table page (`--page table`), which no data page may take.
pub const TABLE_PAGE_ID: &str = "table";

/// Page ids the app uses for its own pages.
pub const RESERVED_PAGE_IDS: [&str; 1] = [TABLE_PAGE_ID];

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
    /// Who issued the report.
    pub issuer: Text,
    /// The years the report covers (results of the first, targets of the last).
    pub years: YearRange,
    /// The source document the quotes are copied from.
    pub source: Source,
    pub units: Vec<Unit>,
    pub indicators: Vec<Indicator>,
    pub charts: Vec<Chart>,
    /// Pages group charts for the window's side panel, in display order.
    pub pages: Vec<Page>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearRange {
    pub first: i32,
    pub last: i32,
}

impl YearRange {
    pub fn contains(self, year: i32) -> bool {
        (self.first..=self.last).contains(&year)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The document's file name, as shipped beside the project.
    pub file: String,
    pub name: Text,
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

/// The themes of the report; each indicator belongs to one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Category {
    Economy,
    Reform,
    Innovation,
    Industry,
    Urban,
    CultureSport,
    Livelihood,
    Safety,
    Environment,
    LowCarbon,
}

impl Category {
    /// The stable machine name, as written in the data file and in `table` output.
    pub fn id(self) -> &'static str {
        match self {
            Self::Economy => "economy",
            Self::Reform => "reform",
            Self::Innovation => "innovation",
            Self::Industry => "industry",
            Self::Urban => "urban",
            Self::CultureSport => "culture_sport",
            Self::Livelihood => "livelihood",
            Self::Safety => "safety",
            Self::Environment => "environment",
            Self::LowCarbon => "low_carbon",
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
    pub category: Category,
    /// Id of a [`Unit`] declared in the report.
    pub unit: String,
    pub points: Vec<DataPoint>,
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
    pub basis: Basis,
    /// Set when the figure covers only part of the year (the river figures are 1–11月).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Text>,
    /// How the report qualifies the figure, when it does (e.g. 按自然口径计算).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// The words of the report the figure comes from, copied exactly.
    pub quote: String,
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
}

impl Qualifier {
    pub fn id(self) -> &'static str {
        match self {
            Self::Exact => "exact",
            Self::About => "about",
            Self::AtLeast => "at_least",
            Self::AtMost => "at_most",
            Self::Nearly => "nearly",
        }
    }
}

/// What a figure measures over time. Figures of different bases are never compared in one chart:
/// a cumulative total next to a yearly increment would mislead.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Basis {
    /// 同比增长: change against the previous year, in percent.
    YearOnYear,
    /// 新增: new in the year.
    NewInYear,
    /// 累计, 总量: a running total.
    Cumulative,
    /// A rate or share.
    Rate,
    /// A level at a time: a capacity, a concentration, a count of projects under way.
    Level,
}

impl Basis {
    pub fn id(self) -> &'static str {
        match self {
            Self::YearOnYear => "year_on_year",
            Self::NewInYear => "new_in_year",
            Self::Cumulative => "cumulative",
            Self::Rate => "rate",
            Self::Level => "level",
        }
    }
}

/// A chart declared in the data file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chart {
    pub id: String,
    pub title: Text,
    pub kind: ChartKind,
    /// The indicators drawn, by id, in display order. They share one unit.
    pub series: Vec<String>,
    /// Which kinds of point the chart draws; all when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<PointKind>,
    /// Horizontal reference lines in the chart's unit (limits, guidelines), with their sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reference_lines: Vec<ReferenceLine>,
}

impl Chart {
    /// Whether this chart draws points of `kind`.
    pub fn draws(&self, kind: PointKind) -> bool {
        self.kinds.is_empty() || self.kinds.contains(&kind)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChartKind {
    /// Indicators side by side, each with its points (result, target) as a group of bars.
    GroupedBars,
    /// A starting level and the level reached, per indicator.
    BeforeAfter,
    /// Single values against reference lines (limits, guidelines).
    ReferenceLines,
    /// Lines over the years, for series with several years.
    Lines,
}

/// A horizontal line for comparison, which is not a figure of the report and so says where it is from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferenceLine {
    pub id: String,
    pub value: f64,
    pub label: Text,
    pub source: Text,
}

/// A page of the window: a titled group of charts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    pub id: String,
    pub title: Text,
    pub charts: Vec<String>,
}

impl Report {
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    pub fn chart(&self, id: &str) -> Option<&Chart> {
        self.charts.iter().find(|c| c.id == id)
    }

    /// The unit of an indicator. Validation guarantees it exists for a loaded report.
    pub fn unit_of(&self, indicator: &Indicator) -> Option<&Unit> {
        self.unit(&indicator.unit)
    }

    /// Number of data points over all indicators.
    pub fn point_count(&self) -> usize {
        self.indicators.iter().map(|i| i.points.len()).sum()
    }
}
