//! A figure's basis — growth, change in points, rate, new in the year, cumulative or a level —
//! from its unit and the words right before its number, with the words that made it.

use super::{Context, Reader};
use crate::model::Basis;
use crate::model::numbers::Mention;

/// Basis from the unit and the words before the number.
pub(super) fn basis_of(
    r: &Reader,
    c: &Context,
    m: &Mention,
    unit: usize,
    name: &str,
    why: &mut Vec<String>,
) -> Basis {
    let lex = r.lex;
    let u = &lex.units[unit];
    if u.zh.is_empty() {
        why.push("basis rate: a part of a ratio".to_owned());
        return Basis::Rate;
    }
    if lex.points_change_units.contains(&u.id) {
        why.push(format!("basis points_change: “{}”", u.zh));
        return Basis::PointsChange;
    }
    // Names that hold a word of change (工业增加值 holds 增加) are no change: blanked first.
    let blank = |text: String| {
        lex.not_change_words.iter().fold(text, |t, w| {
            t.replace(w.as_str(), &"、".repeat(w.chars().count()))
        })
    };
    let lead = blank(r.text(c.lead.start..m.number.start));
    let clause = blank(r.text(c.clause.start..m.number.start));
    // A year's amount (地区生产总值完成602.5亿元, 社会消费品零售总额) is a level, whatever verb
    // states it: only the words of a total make it another basis.
    let amount = lex.amount_names.iter().any(|w| name.ends_with(w.as_str()));
    // 增长至, 下降到: the level reached, not a change.
    let mut bare = lead.as_str();
    while let Some(rest) = lex
        .reached_fillers
        .iter()
        .find_map(|f| bare.strip_suffix(f.as_str()))
    {
        bare = rest;
    }
    let reached = lex.level_reached.iter().any(|w| bare.ends_with(w.as_str()));
    let find = |words: &[String], text: &str| -> Option<String> {
        words.iter().find(|w| text.contains(w.as_str())).cloned()
    };
    if u.percent {
        if let Some(w) = find(&lex.year_on_year_words, &lead).filter(|_| !reached) {
            why.push(format!("basis year_on_year: “{w}”"));
            return Basis::YearOnYear;
        }
        why.push(
            match lex.rate_names.iter().find(|w| name.ends_with(w.as_str())) {
                Some(w) => format!("basis rate: the name ends in “{w}”"),
                None => "basis rate: a percentage with no word of change".to_owned(),
            },
        );
        return Basis::Rate;
    }
    // 比上年减少0.1万吨: a change, right before the number.
    if let Some(w) = lex.change_words.iter().find(|w| lead.ends_with(w.as_str())) {
        why.push(format!("basis change: “{w}”"));
        return Basis::Change;
    }
    for text in [&lead, &clause] {
        if let Some(w) = find(&lex.cumulative_words, text) {
            why.push(format!("basis cumulative: “{w}”"));
            return Basis::Cumulative;
        }
        if let Some(w) = find(&lex.new_in_year_words, text).filter(|_| !amount) {
            why.push(format!("basis new_in_year: “{w}”"));
            return Basis::NewInYear;
        }
    }
    why.push(if amount {
        "basis level: the amount of a year".to_owned()
    } else {
        "basis level: no word of change or total".to_owned()
    });
    Basis::Level
}
