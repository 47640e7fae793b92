//! A figure's kind, year, basis and period, from its sentence, its list's lead-in line, its
//! headings and the report's own years — each decision with the words that made it.

use std::ops::Range;

use super::{Context, MAX_SENTENCE, Reader};
use crate::draft::outline::{starts_with_any, years_at};
use crate::model::lexicon::{ends_with, starts_with};
use crate::model::numbers::Mention;
use crate::model::{Basis, PointKind};

/// Kind and year: 预计 makes an estimated result; a target word in the sentence makes a target;
/// otherwise the heading decides, then the report's own years.
pub(super) fn kind_and_year(
    r: &Reader,
    c: &Context,
    m: &Mention,
    why: &mut Vec<String>,
) -> (PointKind, i32) {
    let lex = r.lex;
    let chain: Vec<_> = r
        .outline
        .chain(r.outline.heading_at(m.number.start))
        .collect();
    let heading_kind = chain.iter().find_map(|h| h.kind.map(|k| (k, h)));
    let range = c.sentence.start..m.number.start;
    // A bulleted line takes its words from the line that introduces the list
    // ("今年的主要预期目标是：" then "◆地区生产总值增长5%；").
    let lead_in = lead_in(r, c.sentence.start);
    let ranges = [Some(range), lead_in];
    let estimate = ranges
        .iter()
        .flatten()
        .find_map(|rg| word_in(r, rg.clone(), &lex.estimate_words, |_| true));
    // A target word counts outside quotation marks (“灯塔计划” names a programme) and not shortly
    // after 完成, 实现 or 超额 (实现倍增目标 reports a result).
    let target_word = ranges.iter().flatten().find_map(|rg| {
        word_in(r, rg.clone(), &lex.strong_target_words, |at| {
            let before: String = r.chars[at.saturating_sub(5)..at].iter().collect();
            !["完成", "实现", "超额"].iter().any(|w| before.contains(w))
                && starts_with_any(r.chars, at, &lex.target_word_exceptions).is_none()
        })
    });
    // 到2025年, 至2027年: a year still to come is a target's.
    let by_year = years_at(r.chars, c.sentence.start, m.number.start)
        .filter(|(i, y)| {
            *y > r.outline.results_year
                && i.checked_sub(1)
                    .is_some_and(|p| matches!(r.chars[p], '到' | '至'))
        })
        .last();
    // A target named right beside the number: 年初目标（6.5%）, 5.0%的控制目标.
    let adjacent = {
        let mut b = m.span.start;
        while b > 0 && (r.chars[b - 1].is_whitespace() || matches!(r.chars[b - 1], '(' | '（')) {
            b -= 1;
        }
        let after: String = r.chars[m.span.end..(m.span.end + 6).min(r.chars.len())]
            .iter()
            .collect();
        ends_with(r.chars, b, "目标").is_some()
            || after.starts_with("的控制目标")
            || after.starts_with("的目标")
            || after.starts_with("的预期目标")
    };
    let kind = if adjacent {
        why.push("kind target: “目标” beside the number".to_owned());
        PointKind::Target
    } else if let Some(w) = estimate {
        why.push(format!("kind actual (estimate): “{w}”"));
        PointKind::Actual
    } else if let Some(w) = target_word {
        why.push(format!("kind target: “{w}”"));
        PointKind::Target
    } else if let Some((i, y)) = by_year {
        why.push(format!("kind target: “{}{y}年”", r.chars[i - 1]));
        PointKind::Target
    } else if let Some((k, h)) = heading_kind {
        why.push(format!("kind {}: heading “{}”", k.id(), h.text));
        k
    } else {
        why.push("kind actual: no target word in the sentence or its headings".to_owned());
        PointKind::Actual
    };
    // A year the sentence names, unless it is a comparison's base (较2021年).
    let named = years_at(r.chars, c.sentence.start, m.number.start)
        .filter(|(i, _)| {
            let b: String = r.chars[i.saturating_sub(2)..*i].iter().collect();
            let base =
                b.ends_with('较') || b.ends_with('比') || b.ends_with('与') || b.ends_with("相比");
            let range = r
                .chars
                .get(i + 5)
                .is_some_and(|c| matches!(c, '-' | '—' | '至'))
                || i.checked_sub(1)
                    .is_some_and(|p| matches!(r.chars[p], '-' | '—' | '至'));
            !base && !range
        })
        .last();
    let year = if let Some((i, y)) = named {
        let w: String = r.chars[i..i + 5]
            .iter()
            .filter(|c| !c.is_whitespace())
            .collect();
        why.push(format!("year {y}: “{w}”"));
        y
    } else if let Some(h) = chain.iter().find(|h| h.year.is_some()) {
        let y = h.year.unwrap_or(r.outline.results_year);
        // A target under a heading of results (力争 in a review) is for the year after.
        // (年初目标（6.5%） beside a result is that year's own target.)
        let y = if kind == PointKind::Target && h.kind == Some(PointKind::Actual) && !adjacent {
            y + 1
        } else {
            y
        };
        why.push(format!("year {y}: heading “{}”", h.text));
        y
    } else {
        let y = match kind {
            PointKind::Target => r.outline.target_year,
            _ => r.outline.results_year,
        };
        why.push(if r.outline.years_from_clock {
            format!("year {y}: the text names no year; this year's — check it")
        } else {
            format!(
                "year {y}: the report's {} year",
                if kind == PointKind::Target {
                    "target"
                } else {
                    "results"
                }
            )
        });
        y
    };
    (kind, year)
}

/// Whether a line starts with a list bullet.
fn bulleted(c: char) -> bool {
    matches!(
        c,
        '●' | '◆'
            | '■'
            | '▲'
            | '•'
            | '·'
            | '◇'
            | '○'
            | '□'
            | '★'
            | '☆'
            | '—'
            | '-'
            | '※'
    )
}

/// The line introducing the bulleted list the sentence at `start` is in: the nearest line before,
/// past other bulleted lines, that ends with a colon.
fn lead_in(r: &Reader, start: usize) -> Option<Range<usize>> {
    // A bulleted line is short: look back no further than a sentence.
    let from = start.saturating_sub(MAX_SENTENCE);
    let line_start = r.chars[from..start]
        .iter()
        .rposition(|c| *c == '\n')
        .map(|p| from + p + 1)
        .or((from == 0).then_some(0))?;
    let first = r.chars[line_start..].iter().find(|c| !c.is_whitespace())?;
    if !bulleted(*first) {
        return None;
    }
    let mut end = line_start.checked_sub(1)?;
    for _ in 0..40 {
        let from = end.saturating_sub(MAX_SENTENCE);
        let begin = r.chars[from..end]
            .iter()
            .rposition(|c| *c == '\n')
            .map(|p| from + p + 1)
            .or((from == 0).then_some(0))?;
        let line: String = r.chars[begin..end].iter().collect();
        let line = line.trim();
        if line.ends_with('：') || line.ends_with(':') {
            return Some(begin..end);
        }
        if !line.is_empty() && !line.starts_with(bulleted) {
            return None;
        }
        end = begin.checked_sub(1)?;
    }
    None
}

/// The first of `words` in `chars[range]`, outside quotation marks, where `ok` holds for its start.
fn word_in<'w>(
    r: &Reader,
    range: Range<usize>,
    words: &'w [String],
    ok: impl Fn(usize) -> bool,
) -> Option<&'w String> {
    range.into_iter().find_map(|at| {
        if r.quoted[at] {
            return None;
        }
        words
            .iter()
            .find(|w| starts_with(r.chars, at, w).is_some() && ok(at))
    })
}

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
    let lead = r.text(c.lead.start..m.number.start);
    let clause = r.text(c.clause.start..m.number.start);
    let reached = ["至", "到", "为"]
        .iter()
        .any(|w| lead.trim_end_matches(['约', '近', '超', '了']).ends_with(w));
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
    for text in [&lead, &clause] {
        if let Some(w) = find(&lex.cumulative_words, text) {
            why.push(format!("basis cumulative: “{w}”"));
            return Basis::Cumulative;
        }
        if let Some(w) = find(&lex.new_in_year_words, text) {
            why.push(format!("basis new_in_year: “{w}”"));
            return Basis::NewInYear;
        }
    }
    why.push("basis level: no word of change or total".to_owned());
    Basis::Level
}

/// A part-year period named before a figure: 1-11月, 1—11 月, 上半年.
pub(super) fn period_in(r: &Reader, range: Range<usize>) -> Option<(String, String)> {
    let text = r.text(range);
    let chars: Vec<char> = text.chars().collect();
    for i in 0..chars.len() {
        if !chars[i].is_ascii_digit() || i > 0 && chars[i - 1].is_ascii_digit() {
            continue;
        }
        let num = |from: usize| -> Option<(u32, usize)> {
            let mut k = from;
            let mut v = 0;
            while k < chars.len() && chars[k].is_ascii_digit() {
                v = v * 10 + chars[k].to_digit(10)?;
                k += 1;
            }
            (k > from).then_some((v, k))
        };
        let Some((a, k)) = num(i) else { continue };
        let mut k2 = k;
        while chars
            .get(k2)
            .is_some_and(|c| matches!(c, '-' | '—' | '–' | '~' | '～' | '至'))
        {
            k2 += 1;
        }
        if k2 == k {
            continue;
        }
        let Some((b, k3)) = num(k2) else { continue };
        if chars.get(k3) == Some(&'月') && (1..=12).contains(&a) && (a..=12).contains(&b) {
            let zh: String = chars[i..=k3].iter().collect();
            // u8 for months 1–12, which the test above ensured.
            let month = |m: u32| crate::model::time::month_name(u8::try_from(m).unwrap_or(1));
            return Some((zh, format!("{}–{}", month(a), month(b))));
        }
    }
    r.lex
        .periods
        .iter()
        .find(|p| text.contains(p.zh.as_str()))
        .map(|p| (p.zh.clone(), p.en.clone()))
}
