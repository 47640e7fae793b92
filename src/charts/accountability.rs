//! Whether a year's target was met, and the difference in the right words.
//!
//! The rule, stated the same way in the README and in every tooltip:
//! - A rate or a growth (a percent unit) is compared in percentage points; an amount by its
//!   completion ratio (result ÷ target).
//! - **Met** when the result reaches the target in the good direction (for an "以上" target, equality
//!   meets it; for a "不超过" target, so does equality).
//! - A range target (4.5%—5%) is **met** by a result within it or beyond it in the good direction.
//! - **Near** only for a "左右" (about) or "近" target: a result short of it by at most half a
//!   percentage point (rates), or by at most 2% of the target (amounts).
//! - **Missed** otherwise.
//!
//! Which way is good comes from the indicator (`better: Lower` for PM2.5 and the like).

use crate::i18n::tr;
use crate::model::{Better, DataPoint, Lang, PointKind, Qualifier};

/// How far short an "about" target may fall and still be near: half a percentage point.
pub const NEAR_POINTS: f64 = 0.5;
/// The same for amounts: 2% of the target.
pub const NEAR_SHARE: f64 = 0.02;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Met,
    Near,
    Missed,
}

impl Status {
    /// "达标" / "met".
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Self::Met => tr(lang, "达标", "met"),
            Self::Near => tr(lang, "接近", "near"),
            Self::Missed => tr(lang, "未达标", "missed"),
        }
    }
}

/// A result against its target.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Comparison {
    pub result: f64,
    /// The target, or a range target's low end.
    pub target: f64,
    /// A range target's high end (with `qualifier: Range`).
    pub high: Option<f64>,
    pub qualifier: Qualifier,
    /// Rates and growth (compared in points) rather than amounts (compared by ratio).
    pub percent: bool,
    pub better: Better,
}

/// Whether `a` and `b` are a result and the target it is judged against, in either order: the
/// same measure, year (or span of years) and basis. The one rule of pairing, for the targets chart and the table.
pub fn paired(a: &DataPoint, b: &DataPoint) -> bool {
    matches!(
        (a.kind, b.kind),
        (PointKind::Actual, PointKind::Target) | (PointKind::Target, PointKind::Actual)
    ) && a.year == b.year
        && a.span == b.span
        && a.basis == b.basis
        && a.measure == b.measure
}

impl Comparison {
    /// `result` against `target`, in points when `percent`, with the indicator's good direction.
    pub fn of(result: &DataPoint, target: &DataPoint, percent: bool, better: Better) -> Self {
        Self {
            result: result.value,
            target: target.value,
            high: target.high.filter(|_| target.qualifier == Qualifier::Range),
            qualifier: target.qualifier,
            percent,
            better,
        }
    }

    /// The end of the target a result is measured from: a range's end nearer the result (its
    /// low end when the result is below it, its high end when above), else the target.
    fn nearest_end(&self) -> f64 {
        match self.high {
            Some(high) if self.result > high => high,
            _ => self.target,
        }
    }

    /// Whether the result lies within a range target, ends included.
    fn within_range(&self) -> bool {
        self.high
            .is_some_and(|high| (self.target..=high).contains(&self.result))
    }

    /// The result's lead over the target in the good direction: points for rates, a share of the
    /// target for amounts. Negative when short; a result within a range target leads by zero.
    fn lead(&self) -> f64 {
        if self.within_range() {
            return 0.0;
        }
        let end = self.nearest_end();
        let diff = match self.better {
            Better::Higher => self.result - end,
            Better::Lower => end - self.result,
        };
        if self.percent || end == 0.0 {
            diff
        } else {
            diff / end.abs()
        }
    }

    pub fn status(&self) -> Status {
        // Round away float noise (7.0 - 6.5 is not exactly 0.5).
        let lead = (self.lead() * 1e9).round() / 1e9;
        let near = if self.percent {
            NEAR_POINTS
        } else {
            NEAR_SHARE
        };
        match self.qualifier {
            // "不超过": the target is a ceiling whichever way is good.
            Qualifier::AtMost => {
                if self.result <= self.target {
                    Status::Met
                } else {
                    Status::Missed
                }
            }
            _ if lead >= 0.0 => Status::Met,
            Qualifier::About | Qualifier::Nearly if lead >= -near => Status::Near,
            _ => Status::Missed,
        }
    }

    /// The difference in a few words, for the chart: "低3个百分点", "完成103.6%" / "3 pp lower".
    pub fn short_words(&self, lang: Lang) -> String {
        if self.within_range() {
            return tr(lang, "在区间内", "within range").to_owned();
        }
        if !self.percent {
            if self.target == 0.0 {
                return "—".to_owned();
            }
            let r = round1(self.result / self.target * 100.0);
            return match lang {
                Lang::Zh => format!("完成{r}%"),
                Lang::En => format!("{r}% of target"),
            };
        }
        crate::format::points_difference(round2(self.result - self.nearest_end()), "", None, lang)
    }

    /// The difference in words: "低于目标3个百分点" / "3 pp lower than target" for rates,
    /// "完成目标的103.6%" for amounts.
    pub fn words(&self, lang: Lang) -> String {
        if self.within_range() {
            return tr(lang, "在目标区间内", "within the target range").to_owned();
        }
        if !self.percent {
            let ratio = if self.target == 0.0 {
                return tr(
                    lang,
                    "目标为零，无法计算完成率",
                    "target is zero: no completion ratio",
                )
                .to_owned();
            } else {
                self.result / self.target * 100.0
            };
            let r = round1(ratio);
            return match lang {
                Lang::Zh => format!("完成目标的{r}%"),
                Lang::En => format!("{r}% of target"),
            };
        }
        let than = if self.high.is_some() {
            ("目标区间", "the target range")
        } else {
            ("目标", "target")
        };
        crate::format::points_difference(
            round2(self.result - self.nearest_end()),
            "",
            Some(than),
            lang,
        )
    }
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// The rule in one sentence, for tooltips and the chart's key.
pub fn rule(lang: Lang) -> &'static str {
    tr(
        lang,
        "判定规则：完成值在好的方向上达到目标即为达标（“以上”目标相等即达标；区间目标落在区间内即达标；越低越好的指标以不高于目标为达标；“不超过”目标是上限）；“左右”或“近”目标差距不超过0.5个百分点（总量指标为目标的2%）为接近；否则未达标。比率按百分点比较，总量按完成率比较。",
        "Rule: met when the result reaches the target in the good direction (equal meets an \"at least\" target; a result within a range target meets it; for lower-is-better indicators, not above the target; an \"at most\" target is a ceiling); near when an \"about\" or \"nearly\" target is missed by at most 0.5 points (2% of the target for amounts); missed otherwise. Rates compare in points, amounts by completion ratio.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rate(result: f64, target: f64, qualifier: Qualifier) -> Comparison {
        Comparison {
            result,
            target,
            high: None,
            qualifier,
            percent: true,
            better: Better::Higher,
        }
    }

    #[test]
    fn exactly_on_target_is_met() {
        assert_eq!(rate(4.5, 4.5, Qualifier::Exact).status(), Status::Met);
        assert_eq!(
            rate(4.5, 4.5, Qualifier::Exact).words(Lang::Zh),
            "与目标持平"
        );
    }

    #[test]
    fn about_targets_have_a_half_point_band_below() {
        // 6.5 against about 7: short by exactly half a point, near.
        assert_eq!(rate(6.5, 7.0, Qualifier::About).status(), Status::Near);
        assert_eq!(rate(6.3, 7.0, Qualifier::About).status(), Status::Missed);
        assert_eq!(rate(7.2, 7.0, Qualifier::About).status(), Status::Met);
        assert_eq!(
            rate(6.3, 7.0, Qualifier::About).words(Lang::Zh),
            "低于目标0.7个百分点"
        );
        // An exact target has no band.
        assert_eq!(rate(6.9, 7.0, Qualifier::Exact).status(), Status::Missed);
    }

    #[test]
    fn at_least_is_met_at_equality() {
        assert_eq!(rate(5.0, 5.0, Qualifier::AtLeast).status(), Status::Met);
        assert_eq!(rate(4.99, 5.0, Qualifier::AtLeast).status(), Status::Missed);
    }

    #[test]
    fn negative_growth_is_compared_in_points() {
        let c = rate(-9.9, 17.0, Qualifier::Exact);
        assert_eq!(c.status(), Status::Missed);
        assert_eq!(c.words(Lang::Zh), "低于目标26.9个百分点");
        assert_eq!(c.words(Lang::En), "26.9 pp lower than target");
        assert_eq!(rate(-1.0, -2.0, Qualifier::Exact).status(), Status::Met);
    }

    #[test]
    fn amounts_compare_by_completion_ratio() {
        let c = Comparison {
            result: 1450e8,
            target: 1400e8,
            high: None,
            qualifier: Qualifier::AtLeast,
            percent: false,
            better: Better::Higher,
        };
        assert_eq!(c.status(), Status::Met);
        assert_eq!(c.words(Lang::Zh), "完成目标的103.6%");
        let short = Comparison {
            result: 99.0,
            qualifier: Qualifier::About,
            target: 100.0,
            ..c
        };
        assert_eq!(short.status(), Status::Near);
        assert_eq!(
            Comparison {
                result: 97.0,
                ..short
            }
            .status(),
            Status::Missed
        );
    }

    #[test]
    fn a_result_within_a_range_target_meets_it() {
        let range = |result: f64, better: Better| Comparison {
            result,
            target: 4.5,
            high: Some(5.0),
            qualifier: Qualifier::Range,
            percent: true,
            better,
        };
        for result in [4.5, 4.8, 5.0, 5.3] {
            assert_eq!(
                range(result, Better::Higher).status(),
                Status::Met,
                "{result}"
            );
        }
        assert_eq!(range(4.8, Better::Higher).words(Lang::Zh), "在目标区间内");
        // Below the range: short of its low end, and no band (a range is not "about").
        assert_eq!(range(4.3, Better::Higher).status(), Status::Missed);
        assert_eq!(
            range(4.3, Better::Higher).words(Lang::Zh),
            "低于目标区间0.2个百分点"
        );
        // Above it: measured from its high end.
        assert_eq!(
            range(5.3, Better::Higher).words(Lang::En),
            "0.3 pp higher than the target range"
        );
        // Lower is better: met up to the high end, missed above it.
        assert_eq!(range(4.9, Better::Lower).status(), Status::Met);
        assert_eq!(range(4.0, Better::Lower).status(), Status::Met);
        assert_eq!(range(5.2, Better::Lower).status(), Status::Missed);
    }

    #[test]
    fn lower_is_better_and_ceilings() {
        let pm = Comparison {
            result: 17.2,
            target: 20.0,
            high: None,
            qualifier: Qualifier::Exact,
            percent: false,
            better: Better::Lower,
        };
        assert_eq!(pm.status(), Status::Met);
        let ceiling = Comparison {
            result: 20.5,
            qualifier: Qualifier::AtMost,
            ..pm
        };
        assert_eq!(ceiling.status(), Status::Missed);
    }
}
