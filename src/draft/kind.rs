//! Kind, year and period, in one place: which year a report gives results for and which it sets
//! targets for; what a heading says of the figures under it; and for each figure whether it is a
//! result, a target or a starting level, for which year and which part of it — each decision with
//! the words that made it.

use std::collections::HashMap;
use std::ops::Range;

use super::shape::{Heading, Outline};
/// How far back a figure's sentence is read.
pub(crate) const MAX_SENTENCE: usize = 300;

use crate::model::PointKind;
use crate::model::lexicon::{Lexicon, ends_with, starts_with, starts_with_any};

/// The first year (2000–2099) a text names as "2022年" or "2022 年".
pub fn year_in(text: &str) -> Option<i32> {
    let chars: Vec<char> = text.chars().collect();
    years_at(&chars, 0, chars.len()).next().map(|(_, y)| y)
}

/// Every "20xx年" in `chars[from..to]`: its char index and year.
pub fn years_at(chars: &[char], from: usize, to: usize) -> impl Iterator<Item = (usize, i32)> + '_ {
    (from..to.saturating_sub(3)).filter_map(move |i| {
        let d = |k: usize| chars.get(i + k).and_then(|c| c.to_digit(10));
        if chars[i] != '2' || d(1) != Some(0) || i > 0 && chars[i - 1].is_ascii_digit() {
            return None;
        }
        let year = 2000 + d(2)? as i32 * 10 + d(3)? as i32;
        let mut k = i + 4;
        while chars.get(k) == Some(&' ') {
            k += 1;
        }
        (chars.get(k) == Some(&'年')).then_some((i, year))
    })
}

/// What a heading's words say of the figures under it: results (完成情况) or targets (预期目标).
pub fn heading_kind(name: &str, lex: &Lexicon) -> Option<PointKind> {
    let has = |words: &[String]| words.iter().any(|w| name.contains(w.as_str()));
    if has(&lex.target_headings) {
        Some(PointKind::Target)
    } else if has(&lex.results_headings) {
        Some(PointKind::Actual)
    } else {
        None
    }
}

/// The results year and the target year: votes from headings and the title (strong) and from
/// years followed by results or target words in the text; the most named year otherwise. A
/// report's delivery year (`anchor`) decides: its targets' year, the year before its results'.
pub fn report_years(
    chars: &[char],
    headings: &[Heading],
    title: Option<&str>,
    lex: &Lexicon,
    anchor: Option<i32>,
) -> (i32, i32) {
    if let Some(year) = anchor {
        return (year - 1, year);
    }
    let mut results: HashMap<i32, u32> = HashMap::new();
    let mut targets: HashMap<i32, u32> = HashMap::new();
    let mut named: HashMap<i32, u32> = HashMap::new();
    let any = |words: &[String], text: &str| words.iter().any(|w| text.contains(w.as_str()));
    for h in headings {
        if let Some(y) = h.year {
            match h.kind {
                Some(PointKind::Target) => *targets.entry(y).or_default() += 3,
                Some(_) => *results.entry(y).or_default() += 3,
                None => {}
            }
        }
    }
    if let Some(title) = title {
        let tc: Vec<char> = title.chars().collect();
        for (i, y) in years_at(&tc, 0, tc.len()) {
            let after: String = tc[i..].iter().take(30).collect();
            if any(&lex.target_headings, &after) || any(&lex.title_target_words, &after) {
                *targets.entry(y).or_default() += 3;
            } else if any(&lex.results_headings, &after) || any(&lex.title_result_words, &after) {
                *results.entry(y).or_default() += 3;
            }
        }
    }
    for (i, y) in years_at(chars, 0, chars.len()) {
        *named.entry(y).or_default() += 1;
        // The words after the year, on its own line.
        let after: String = chars[(i + 5).min(chars.len())..(i + 22).min(chars.len())]
            .iter()
            .take_while(|c| **c != '\n')
            .collect();
        let target_word = any(&lex.year_target_words, &after);
        let result_word = any(&lex.year_result_words, &after);
        if target_word && !result_word {
            *targets.entry(y).or_default() += 1;
        } else if result_word && !target_word {
            *results.entry(y).or_default() += 1;
        }
    }
    let best = |votes: &HashMap<i32, u32>| {
        votes
            .iter()
            .max_by_key(|(y, n)| (**n, **y))
            .map(|(y, _)| *y)
    };
    match (best(&results), best(&targets)) {
        (Some(r), Some(t)) if t > r => (r, t),
        (Some(r), _) => (r, r + 1),
        (None, Some(t)) => (t - 1, t),
        (None, None) => {
            if let Some(y) = best(&named) {
                (y, y + 1)
            } else {
                // A text that names no year at all (a news item on "今年"'s targets): this year.
                let y = this_year();
                (y - 1, y)
            }
        }
    }
}

/// The calendar year now, in China's time (as the reports are dated).
fn this_year() -> i32 {
    let now = jiff::Timestamp::now().as_second();
    i32::from(crate::model::time::civil(now).year())
}

/// A figure as its kind and year are read: the text around it and where it stands.
pub struct Place<'a> {
    pub chars: &'a [char],
    /// For each char, whether it is inside quotation or title marks.
    pub quoted: &'a [bool],
    pub sentence_start: usize,
    /// The number's chars.
    pub number: Range<usize>,
    /// The number with its qualifiers and unit.
    pub span: Range<usize>,
}

/// Kind and year: 预计 makes an estimated result; a target word in the sentence makes a target;
/// otherwise the heading decides, then the report's own years. Each step says why in `why`, the
/// kind's reason before the year's.
pub fn kind_and_year(
    p: &Place,
    outline: &Outline,
    lex: &Lexicon,
    why: &mut Vec<String>,
) -> (PointKind, i32) {
    let chain: Vec<&Heading> = outline.chain(outline.heading_at(p.number.start)).collect();
    let adjacent = target_beside(p, lex);
    let kind = kind_of(p, outline, lex, &chain, adjacent, why);
    let year = year_of(p, outline, lex, &chain, (kind, adjacent), why);
    (kind, year)
}

/// A target named right beside the number: 年初目标（6.5%）, 5.0%的控制目标.
fn target_beside(p: &Place, lex: &Lexicon) -> bool {
    let chars = p.chars;
    let mut b = p.span.start;
    while b > 0 && (chars[b - 1].is_whitespace() || matches!(chars[b - 1], '(' | '（')) {
        b -= 1;
    }
    ends_with(chars, b, &lex.target_beside.before).is_some()
        || lex
            .target_beside
            .after
            .iter()
            .any(|w| starts_with(chars, p.span.end, w).is_some())
}

/// The figure's kind, from the strongest sign to the weakest: a target beside the number, an
/// estimate word, a target word, a year still to come, the headings; else a result.
fn kind_of(
    p: &Place,
    outline: &Outline,
    lex: &Lexicon,
    chain: &[&Heading],
    adjacent: bool,
    why: &mut Vec<String>,
) -> PointKind {
    let chars = p.chars;
    let heading_kind = chain.iter().find_map(|h| h.kind.map(|k| (k, h)));
    let range = p.sentence_start..p.number.start;
    // A bulleted line takes its words from the line that introduces the list
    // ("今年的主要预期目标是：" then "◆地区生产总值增长5%；").
    let lead_in = lead_in(chars, p.sentence_start);
    let ranges = [Some(range), lead_in];
    let estimate = ranges
        .iter()
        .flatten()
        .find_map(|rg| word_in(p, rg.clone(), &lex.estimate_words, |_| true));
    // A target word counts outside quotation marks (“灯塔计划” names a programme) and not shortly
    // after 完成, 实现 or 超额 (实现倍增目标 reports a result).
    // A sentence that opens on the year or years past (一年来, 过去五年) reviews: a target word in
    // it names what was aimed at (聚焦…目标任务体系), not a figure to reach.
    let review = starts_with_any(chars, p.sentence_start, &lex.review_openers).is_some();
    let target_word = ranges.iter().flatten().filter(|_| !review).find_map(|rg| {
        word_in(p, rg.clone(), &lex.strong_target_words, |at| {
            let before: String = chars[at.saturating_sub(5)..at].iter().collect();
            !lex.results_before_target
                .iter()
                .any(|w| before.contains(w.as_str()))
                && starts_with_any(chars, at, &lex.target_word_exceptions).is_none()
        })
    });
    // 到2025年, 至2027年: a year still to come is a target's.
    let by_year = years_at(chars, p.sentence_start, p.number.start)
        .filter(|(i, y)| {
            *y > outline.results_year
                && lex
                    .by_year_words
                    .iter()
                    .any(|w| ends_with(chars, *i, w).is_some())
        })
        .last();
    if adjacent {
        why.push(format!(
            "kind target: “{}” beside the number",
            lex.target_beside.before
        ));
        PointKind::Target
    } else if let Some(w) = estimate {
        why.push(format!("kind actual (estimate): “{w}”"));
        PointKind::Actual
    } else if let Some(w) = target_word {
        why.push(format!("kind target: “{w}”"));
        PointKind::Target
    } else if let Some((i, y)) = by_year {
        why.push(format!("kind target: “{}{y}年”", chars[i - 1]));
        PointKind::Target
    } else if let Some((k, h)) = heading_kind {
        why.push(format!("kind {}: heading “{}”", k.id(), h.text));
        k
    } else {
        why.push("kind actual: no target word in the sentence or its headings".to_owned());
        PointKind::Actual
    }
}

/// A year the sentence names before the number (where it starts), unless it is a comparison's
/// base (较2021年) or a range's end.
pub fn named_year(p: &Place, lex: &Lexicon) -> Option<(usize, i32)> {
    let chars = p.chars;
    years_at(chars, p.sentence_start, p.number.start)
        .filter(|(i, _)| {
            let base = lex
                .comparison_bases
                .iter()
                .any(|w| ends_with(chars, *i, w).is_some());
            let mark = |at: Option<usize>| {
                at.is_some_and(|at| {
                    lex.year_range_marks
                        .iter()
                        .any(|w| starts_with(chars, at, w).is_some())
                })
            };
            !base && !mark(Some(i + 5)) && !mark(i.checked_sub(1))
        })
        .last()
}

/// The figure's year: the one its sentence names, else its heading's, else the report's own
/// year for its kind. `kind` is the figure's, with whether a target was named beside it.
fn year_of(
    p: &Place,
    outline: &Outline,
    lex: &Lexicon,
    chain: &[&Heading],
    (kind, adjacent): (PointKind, bool),
    why: &mut Vec<String>,
) -> i32 {
    let chars = p.chars;
    if let Some((i, y)) = named_year(p, lex) {
        let w: String = chars[i..i + 5]
            .iter()
            .filter(|c| !c.is_whitespace())
            .collect();
        why.push(format!("year {y}: “{w}”"));
        y
    } else if let Some(h) = chain.iter().find(|h| h.year.is_some()) {
        let y = h.year.unwrap_or(outline.results_year);
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
            PointKind::Target => outline.target_year,
            _ => outline.results_year,
        };
        why.push(if outline.years_from_clock {
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
    }
}

/// The year of a table's cells: its heading's, else the report's results year.
pub fn table_year(outline: &Outline, heading: Option<usize>) -> i32 {
    outline
        .chain(heading)
        .find_map(|h| h.year)
        .unwrap_or(outline.results_year)
}

/// The year of a starting level ("从A提升至B": A's): B's, or the year before when B is a target
/// or the text says 上年 (`last_year`).
pub fn baseline_year(level_kind: PointKind, level_year: i32, last_year: bool) -> i32 {
    if last_year || level_kind == PointKind::Target {
        level_year - 1
    } else {
        level_year
    }
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

/// Where the line holding `at` starts, looking back no further than a sentence: `None` when no
/// line break is that near (and the text does not start there).
fn line_start_before(chars: &[char], at: usize) -> Option<usize> {
    let from = at.saturating_sub(MAX_SENTENCE);
    chars[from..at]
        .iter()
        .rposition(|c| *c == '\n')
        .map(|p| from + p + 1)
        .or((from == 0).then_some(0))
}

/// The line introducing the bulleted list the sentence at `start` is in: the nearest line before,
/// past other bulleted lines, that ends with a colon.
fn lead_in(chars: &[char], start: usize) -> Option<Range<usize>> {
    // A bulleted line is short: look back no further than a sentence.
    let line_start = line_start_before(chars, start)?;
    let first = chars[line_start..].iter().find(|c| !c.is_whitespace())?;
    if !bulleted(*first) {
        return None;
    }
    let mut end = line_start.checked_sub(1)?;
    for _ in 0..40 {
        let begin = line_start_before(chars, end)?;
        let line: String = chars[begin..end].iter().collect();
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
    p: &Place,
    range: Range<usize>,
    words: &'w [String],
    ok: impl Fn(usize) -> bool,
) -> Option<&'w String> {
    range.into_iter().find_map(|at| {
        if p.quoted[at] {
            return None;
        }
        words
            .iter()
            .find(|w| starts_with(p.chars, at, w).is_some() && ok(at))
    })
}

/// A part-year period named in `text` (the words before a figure, white space taken out):
/// 1-11月, 1—11 月, 上半年; as printed and in English.
pub fn period_in(text: &str, lex: &Lexicon) -> Option<(String, String)> {
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
        while let Some(n) = starts_with_any(&chars, k2, &lex.month_range_marks) {
            k2 += n;
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
    lex.periods
        .iter()
        .find(|p| text.contains(p.zh.as_str()))
        .map(|p| (p.zh.clone(), p.en.clone()))
}
