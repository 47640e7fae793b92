//! What a figure measures over time, and the names of each basis.

use serde::{Deserialize, Serialize};

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
    /// A change in percentage points (提升2个百分点).
    PointsChange,
    /// A change on the year in the figure's own unit (比上年减少0.1万吨, 下降0.3个千分点): never a
    /// level, so a fall is not drawn as a negative amount.
    Change,
}

/// A basis's names, every one of them in one place: what a data file writes, what the window and
/// the messages call it, and the short name of a drafted chart's title.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BasisNames {
    /// As a data file and a figure's why write it: `year_on_year`.
    pub id: &'static str,
    /// As the window and the messages name it: 同比增长 / year-on-year change.
    pub zh: &'static str,
    pub en: &'static str,
    /// As a drafted chart's title names a group of figures: 增速 / growth.
    pub short_zh: &'static str,
    pub short_en: &'static str,
}

impl Basis {
    /// The basis's names: the one table of them.
    pub fn names(self) -> BasisNames {
        let (id, zh, en, short_zh, short_en) = match self {
            Self::YearOnYear => (
                "year_on_year",
                "同比增长",
                "year-on-year change",
                "增速",
                "growth",
            ),
            Self::NewInYear => (
                "new_in_year",
                "当年新增",
                "new in the year",
                "当年新增",
                "new in the year",
            ),
            Self::Cumulative => (
                "cumulative",
                "累计总量",
                "cumulative total",
                "累计",
                "cumulative",
            ),
            Self::Rate => ("rate", "比率或占比", "rate or share", "比率", "rate"),
            Self::Level => ("level", "水平", "level", "总量", "level"),
            Self::PointsChange => (
                "points_change",
                "百分点变化",
                "change in percentage points",
                "百分点变化",
                "change in points",
            ),
            Self::Change => (
                "change",
                "比上年增减",
                "change on the year",
                "增减",
                "change",
            ),
        };
        BasisNames {
            id,
            zh,
            en,
            short_zh,
            short_en,
        }
    }

    pub fn id(self) -> &'static str {
        self.names().id
    }

    /// Whether figures on this basis are percentages by nature (a growth rate, a change in
    /// percentage points), and so must be in a percent unit.
    pub fn needs_percent(self) -> bool {
        matches!(self, Self::YearOnYear | Self::PointsChange)
    }
}
