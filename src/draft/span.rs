//! Figures over a span of years: the five-year plans' review (十四五, 2021–2025: 年均增长, 五年累计,
//! the level reached by its end) and goals (十五五, 2026–2030, 到2030年), which a whole report mixes
//! with one year's results and the next year's targets.
//!
//! A figure's span comes from its own sentence (十四五以来, 过去五年, 年均 under a plan's heading, 到
//! 2030年), else from the period its section or paragraph opens with ("“十四五”时期工作回顾",
//! "过去的五年极不寻常", "“十五五”时期，要努力实现以下目标"); a year its sentence names, or a
//! paragraph that opens on one year (刚刚过去的2025年), keeps it a single year's.

use super::kind::years_at;
use super::shape::{Heading, PeriodMark};
use crate::model::lexicon::{Lexicon, ends_with};
use crate::model::{Basis, PointKind, Span, SpanRead};

/// How far into a paragraph its opening words are read for the period it opens.
const OPENING_CHARS: usize = 60;

/// The period marks of a text: every heading, and every paragraph whose opening words name a
/// plan, five years or a year. In text order.
pub fn period_marks(
    chars: &[char],
    headings: &[Heading],
    lex: &Lexicon,
    years: (i32, i32),
) -> Vec<PeriodMark> {
    let mut marks: Vec<PeriodMark> = headings
        .iter()
        .map(|h| {
            let text: Vec<char> = h.name.chars().collect();
            let (spans, year) = periods_in(&text, lex, years);
            PeriodMark {
                at: h.start,
                spans,
                year,
                heading: Some(h.level),
            }
        })
        .collect();
    let mut start = 0;
    for line in chars.split(|c| *c == '\n') {
        let at = start;
        start += line.len() + 1;
        let opening: Vec<char> = line
            .iter()
            .copied()
            .take_while(|c| !matches!(c, '。' | '：' | ':' | '，'))
            .take(OPENING_CHARS)
            .collect();
        // A short line without a full stop is a heading, numbered or not ("“十四五”时期工作回顾").
        let bare_heading = line.len() <= 40 && !line.contains(&'。') && !line.contains(&'，');
        let (spans, year) = periods_in(&opening, lex, years);
        if (spans.is_empty() && year.is_none()) || headings.iter().any(|h| h.start == at) {
            continue;
        }
        marks.push(PeriodMark {
            at,
            spans,
            year,
            heading: bare_heading.then_some(1),
        });
    }
    marks.sort_by_key(|m| m.at);
    marks
}

/// The spans (from, to) and the single year that words name: a plan (十四五), past or coming five
/// years, a year (2025年) that is not a plan's end (到2030年 is a span's end, read apart).
fn periods_in(
    text: &[char],
    lex: &Lexicon,
    (results, target): (i32, i32),
) -> (Vec<(i32, i32)>, Option<i32>) {
    let s: String = text.iter().collect();
    let mut spans = Vec::new();
    for plan in &lex.plan_periods {
        if plan.words.iter().any(|w| s.contains(w.as_str())) {
            spans.push((plan.from, plan.to));
        }
    }
    if lex.coming_span_words.iter().any(|w| s.contains(w.as_str())) {
        spans.push((target, target + 4));
    } else if lex.past_span_words.iter().any(|w| s.contains(w.as_str())) {
        spans.push((results - 4, results));
    }
    spans.dedup();
    // 今年, 去年: the report's own years, even where a plan starts or ends (今年是“十五五”开局之年).
    let relative = if lex.this_year_words.iter().any(|w| s.contains(w.as_str())) {
        Some(target)
    } else if lex.last_year_words.iter().any(|w| s.contains(w.as_str())) {
        Some(results)
    } else {
        None
    };
    let year = relative.or_else(|| {
        // Not a span's end written out (2021—2025年).
        years_at(text, 0, text.len())
            .find(|(i, _)| {
                *i == 0
                    || !lex
                        .year_range_marks
                        .iter()
                        .any(|m| m.starts_with(text[i - 1]))
            })
            .map(|(_, y)| y)
    });
    (spans, year)
}

/// What decides a figure's span, gathered by the reader.
pub struct Figure<'a> {
    pub chars: &'a [char],
    pub sentence_start: usize,
    pub number_start: usize,
    pub kind: PointKind,
    pub basis: Basis,
    /// The year its sentence names, if any (2025年, not 较2020年).
    pub named_year: Option<i32>,
}

/// The figure's span, the year it ends in, its kind when the span decides it, and why.
pub fn span_of(
    f: &Figure,
    marks: &[PeriodMark],
    lex: &Lexicon,
    years: (i32, i32),
) -> Option<(Span, i32, PointKind, String)> {
    // Names that hold span words (年均浓度) are blanked out first.
    let mut blanked: String = f.chars[f.sentence_start..f.number_start].iter().collect();
    for name in &lex.per_year_names {
        blanked = blanked.replace(name.as_str(), &"、".repeat(name.chars().count()));
    }
    let blanked: Vec<char> = blanked.chars().collect();
    let sentence = &blanked[..];
    let (own, _) = periods_in(sentence, lex, years);
    let by_year = by_year(f, lex, years.1);
    let level = !matches!(
        f.basis,
        Basis::YearOnYear | Basis::NewInYear | Basis::PointsChange | Basis::Change
    );
    let (from, to, why) = if let Some((y, w)) = by_year {
        (years.1, y, w)
    } else if let Some(&(a, b)) = own.first() {
        (a, b, "its sentence names the period".to_owned())
    } else if let Some(y) = f
        .named_year
        .filter(|y| *y > years.1 && f.kind == PointKind::Target)
    {
        // 2030年达到300亿立方米: a goal for a year past the target year, by the end of a span.
        (years.1, y, format!("a goal for {y}"))
    } else if let Some(y) = f.named_year {
        // 提高到2025年的7.4万元 in a plan's review: the level at the span's end.
        let (a, b) = context_span(f, marks, years)?;
        if y != b || !level {
            return None;
        }
        (
            a,
            b,
            "the level at the end of the period its section opens with".to_owned(),
        )
    } else {
        // The nearest mark that names a period; a top heading that names none ends the search.
        let mark = marks
            .iter()
            .rev()
            .filter(|m| m.at <= f.sentence_start)
            .find(|m| !m.spans.is_empty() || m.year.is_some() || m.heading == Some(1))?;
        if mark.year.is_some() && mark.spans.is_empty() {
            return None;
        }
        // A section of both the review and the goals (“十四五”发展成就和“十五五”目标任务): the
        // figure's kind says which; with a year too ("“十四五”时期和2025年工作回顾"), only words of a
        // span (年均, 累计, 五年) make it the plan's.
        let past = f.kind != PointKind::Target;
        let fits = mark
            .spans
            .iter()
            .find(|(a, b)| if past { *b <= years.0 } else { *a >= years.1 })
            .or_else(|| (mark.spans.len() == 1).then(|| &mark.spans[0]))?;
        let span_words = [&lex.per_year_words, &lex.span_total_words]
            .iter()
            .any(|ws| ws.iter().any(|w| sentence_has(sentence, w)));
        if mark.year.is_some() && !span_words {
            return None;
        }
        (
            fits.0,
            fits.1,
            "the period its section or paragraph opens with".to_owned(),
        )
    };
    let kind = if to <= years.0 {
        PointKind::Actual
    } else {
        PointKind::Target
    };
    let kind = if f.kind == PointKind::Baseline {
        f.kind
    } else {
        kind
    };
    let over = if lex
        .per_year_words
        .iter()
        .chain(&lex.span_bound_words)
        .any(|w| sentence_has(sentence, w))
    {
        SpanRead::PerYear
    } else if lex
        .span_total_words
        .iter()
        .any(|w| sentence_has(sentence, w))
        || matches!(
            f.basis,
            Basis::YearOnYear | Basis::NewInYear | Basis::PointsChange | Basis::Change
        )
    {
        SpanRead::Total
    } else {
        SpanRead::End
    };
    let span = Span { from, over };
    Some((span, to, kind, format!("span {}: {why}", span.years(to))))
}

/// The span of the nearest mark naming a period, when it names one and no single year.
fn context_span(f: &Figure, marks: &[PeriodMark], years: (i32, i32)) -> Option<(i32, i32)> {
    let mark = marks
        .iter()
        .rev()
        .filter(|m| m.at <= f.sentence_start)
        .find(|m| !m.spans.is_empty() || m.year.is_some() || m.heading == Some(1))?;
    if mark.year.is_some() {
        return None;
    }
    let past = f.kind != PointKind::Target;
    mark.spans
        .iter()
        .copied()
        .find(|(a, b)| if past { *b <= years.0 } else { *a >= years.1 })
}

/// 到2030年, 至2030年: a year past the target year, ending a span that starts with it.
fn by_year(f: &Figure, lex: &Lexicon, target: i32) -> Option<(i32, String)> {
    years_at(f.chars, f.sentence_start, f.number_start)
        .filter(|(i, y)| {
            *y > target
                && lex
                    .by_year_words
                    .iter()
                    .any(|w| ends_with(f.chars, *i, w).is_some())
        })
        .last()
        .map(|(_, y)| (y, format!("“到{y}年”")))
}

fn sentence_has(sentence: &[char], word: &str) -> bool {
    let w: Vec<char> = word.chars().collect();
    sentence.windows(w.len()).any(|x| x == w.as_slice())
}
