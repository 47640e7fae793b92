//! Figures over a span of years: the five-year plans' figures (十四五 2021–2025, 十五五 2026–2030,
//! 过去五年, 到2030年), which are neither one year's result nor one year's target.

use serde::{Deserialize, Serialize};

use super::Lang;

/// A span of years a figure covers, ending in the figure's `year`. Written `span: (from: 2021,
/// over: PerYear)` beside `year: 2025`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Span {
    /// The span's first year; the figure's `year` is its last.
    pub from: i32,
    /// How the figure reads the span.
    pub over: SpanRead,
}

/// How a figure reads its span of years.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SpanRead {
    /// 年均: an average per year over the span (年均增长5%).
    PerYear,
    /// 累计, 五年共: a total over the span (五年累计新增就业300万人).
    Total,
    /// 到2030年达到: the level at the span's end.
    End,
}

impl SpanRead {
    pub fn id(self) -> &'static str {
        match self {
            Self::PerYear => "per_year",
            Self::Total => "total",
            Self::End => "end",
        }
    }

    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::PerYear, Lang::Zh) => "年均",
            (Self::PerYear, Lang::En) => "a year on average",
            (Self::Total, Lang::Zh) => "累计",
            (Self::Total, Lang::En) => "in total",
            (Self::End, Lang::Zh) => "末",
            (Self::End, Lang::En) => "by the end",
        }
    }
}

/// The longest span a figure may cover: a plan's five years, or a decade's review.
pub const MAX_SPAN_YEARS: i32 = 15;

impl Span {
    /// The span's years as a table writes them: `2021-2025`.
    pub fn years(self, last: i32) -> String {
        format!("{}-{last}", self.from)
    }

    /// The span in words: "2021—2025年年均" / "2021–2025, a year on average".
    pub fn label(self, last: i32, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("{}—{last}年{}", self.from, self.over.name(lang)),
            Lang::En => format!("{}–{last}, {}", self.from, self.over.name(lang)),
        }
    }

    /// What is wrong with the span as a figure of `year` writes it, in both languages.
    pub fn problem(self, year: i32) -> Option<(String, String)> {
        if self.from >= year || year - self.from > MAX_SPAN_YEARS {
            return Some((
                format!(
                    "span from {} to {year}: expected a first year before the figure's year and at most {MAX_SPAN_YEARS} years before it",
                    self.from
                ),
                format!(
                    "时段 {}—{year}：起始年应早于数字的年份，且最多早 {MAX_SPAN_YEARS} 年",
                    self.from
                ),
            ));
        }
        None
    }
}
