//! A single figure shown as a card, not as a one-bar chart: the number large with its unit, what
//! it is (kind and year, qualifier, period, basis), the change from its starting level when the
//! report gives one, the indicator's other figures (the next year's target), and the sentence it
//! comes from.
//!
//! Which charts become cards follows from the data: a chart that draws exactly one figure and no
//! reference line is a card.

use super::{ChartSpec, Input};
use crate::format;
use crate::i18n::{basis_label, kind_label, tr};
use crate::model::{Chart, DataPoint, Indicator, Lang, PointKind, Unit};

/// What a card shows, in one language.
#[derive(Clone, Debug, PartialEq)]
pub struct CardSpec {
    /// The indicator's name.
    pub name: String,
    /// The number as a reader writes it: "90.1", "1.3万", "-9.9".
    pub number: String,
    /// "%", "吨/日", "t/d".
    pub unit: String,
    /// The qualifier in words when there is one: "左右" / "about".
    pub qualifier: Option<String>,
    /// "2022年完成" / "2022 result".
    pub kind: String,
    /// "1-11月", when the figure covers part of the year.
    pub period: Option<String>,
    /// "同比增长" / "year-on-year change".
    pub basis: String,
    /// "较起点36%高15个百分点" / "15 pp higher than the starting 36%".
    pub change: Option<String>,
    /// How the source qualifies the figure: "按自然口径计算".
    pub note: Option<String>,
    /// The indicator's other figures in the chart's sources: "2023年目标：7%左右".
    pub companions: Vec<String>,
    /// The sentence of the source, as a reader reads it.
    pub quote: String,
    /// The source cited.
    pub source: String,
}

impl CardSpec {
    /// The card as plain text, for copying: name, figure, what it is, and its source sentence.
    pub fn to_text(&self, lang: Lang) -> String {
        let mut out = format!(
            "{}{}{}{}{}",
            self.name,
            tr(lang, "：", ": "),
            self.number,
            if lang == Lang::En && !self.unit.starts_with('%') {
                " "
            } else {
                ""
            },
            self.unit
        );
        if let Some(q) = &self.qualifier {
            out.push_str(&format!("（{q}）"));
        }
        out.push_str(&format!("\n{} · {}", self.kind, self.basis));
        if let Some(p) = &self.period {
            out.push_str(&format!(" · {p}"));
        }
        for line in self.change.iter().chain(&self.note).chain(&self.companions) {
            out.push('\n');
            out.push_str(line);
        }
        out.push_str(&format!("\n“{}”\n{}", self.quote, self.source));
        out
    }
}

/// The card of the chart `spec` was built for, when it draws exactly one visible figure and no
/// reference line.
pub(super) fn build_card(spec: &ChartSpec, input: &Input<'_>) -> Option<CardSpec> {
    if !spec.references.is_empty() {
        return None;
    }
    let series = spec.body.series();
    let mut figures = series
        .iter()
        .filter(|s| s.visible)
        .flat_map(|s| s.figures().map(move |_| s.id));
    let id = figures.next()?;
    if figures.next().is_some() {
        return None;
    }
    let (report, chart) = (input.report, input.chart);
    let ind = input.indicators.iter().find(|i| i.id == id)?;
    let point = *chart.drawn_points(ind).first()?;
    let lang = spec.lang;
    let unit = &spec.unit;
    Some(CardSpec {
        name: ind.name.get(lang).to_owned(),
        number: format::number_in(point.value, unit, lang),
        unit: unit.symbol(lang).to_owned(),
        qualifier: qualifier_words(point, lang),
        kind: kind_label(point.kind, point.year, lang),
        period: point.period_label(lang),
        basis: basis_label(point.basis, lang).to_owned(),
        change: change_from_baseline(chart, ind, point, unit, lang),
        note: point.note.as_ref().map(|n| n.get(lang).to_owned()),
        companions: companions(chart, ind, point, unit, lang),
        quote: format::readable_quote(&point.quote),
        source: report
            .source(point.source_id())
            .map(|s| crate::i18n::source_citation(s, lang))
            .unwrap_or_default(),
    })
}

fn qualifier_words(point: &DataPoint, lang: Lang) -> Option<String> {
    use crate::model::Qualifier;
    let words = match point.qualifier {
        Qualifier::Exact => return None,
        Qualifier::About => tr(lang, "左右", "about"),
        Qualifier::AtLeast => tr(lang, "以上", "at least"),
        Qualifier::AtMost => tr(lang, "不超过", "at most"),
        Qualifier::Nearly => tr(lang, "近", "nearly"),
        Qualifier::Range => tr(lang, "区间", "a range"),
    };
    Some(words.to_owned())
}

/// The change from the starting level the report states for the same measure, in points for
/// percentages.
fn change_from_baseline(
    chart: &Chart,
    ind: &Indicator,
    point: &DataPoint,
    unit: &Unit,
    lang: Lang,
) -> Option<String> {
    if point.kind == PointKind::Baseline {
        return None;
    }
    // The starting level the same text states: the chart's sources, the same basis and period.
    let base = ind.current_points(point.measure.as_deref()).find(|p| {
        p.kind == PointKind::Baseline
            && p.basis == point.basis
            && p.period == point.period
            && p.part == point.part
            && chart.cites(p)
    })?;
    let diff = point.value - base.value;
    let from = format::figure_with_unit(base, unit, lang);
    if unit.percent {
        // A change in points, in the one wording of a difference: "较起点36%高15个百分点" /
        // "15 pp higher than the starting 36%".
        let start = format!("the starting {from}");
        return Some(match lang {
            Lang::Zh => format!(
                "较起点{from}{}",
                format::points_difference(diff, "", None, lang)
            ),
            Lang::En => format::points_difference(diff, "", Some(("起点", &start)), lang),
        });
    }
    let size = format::value_with_unit(diff.abs(), crate::model::Qualifier::Exact, unit, lang);
    Some(match (lang, diff >= 0.0) {
        (Lang::Zh, true) => format!("较起点{from}提升{size}"),
        (Lang::Zh, false) => format!("较起点{from}下降{size}"),
        (Lang::En, true) => format!("up {size} from {from}"),
        (Lang::En, false) => format!("down {size} from {from}"),
    })
}

/// The indicator's other figures of the same measure in the chart's sources (its target, its
/// result), each in words: "2023年目标：7%左右".
fn companions(
    chart: &Chart,
    ind: &Indicator,
    point: &DataPoint,
    unit: &Unit,
    lang: Lang,
) -> Vec<String> {
    ind.current_points(point.measure.as_deref())
        .filter(|p| !std::ptr::eq(*p, point) && p.kind != PointKind::Baseline)
        .filter(|p| chart.cites(p))
        .take(2)
        .map(|p| {
            format!(
                "{}{}{}",
                kind_label(p.kind, p.year, lang),
                tr(lang, "：", ": "),
                format::figure_in_words(p, unit, lang)
            )
        })
        .collect()
}
