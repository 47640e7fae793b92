//! Figures read from a report's text as a reader reads them: every number with a unit that is not
//! a date, an ordinal, a name or a class; what it measures (the words before it, or the thing
//! counted after it); whether it is a result, a target or a starting level, for which year, and on
//! which basis — each decided by words of the text, which the figure keeps as its "why".

use std::ops::Range;

use super::outline::{Outline, starts_with_any, years_at};
use crate::model::lexicon::{Lexicon, ends_with, starts_with};
use crate::model::numbers::{self, Mention};
use crate::model::{Basis, PointKind, Qualifier};

/// A figure the draft proposes.
#[derive(Clone, Debug, PartialEq)]
pub struct Proposed {
    /// What it measures, in the report's words.
    pub name: String,
    pub value: f64,
    /// Index into [`Lexicon::units`].
    pub unit: usize,
    pub qualifier: Qualifier,
    pub kind: PointKind,
    pub year: i32,
    pub basis: Basis,
    /// The part of the year it covers, when the text names one: (zh as printed, en).
    pub period: Option<(String, String)>,
    /// Char range of its quote in the text: from the start of its clause to the end of its unit
    /// and qualifier.
    pub quote: Range<usize>,
    /// The words that decided its kind, year and basis.
    pub why: Vec<String>,
    /// The innermost heading it stands under.
    pub heading: Option<usize>,
    /// For a table cell: the unit printed in the table's header, which scaled its value.
    pub header_unit: Option<String>,
}

/// Characters that end a sentence.
/// (A semicolon does not: "主要预期目标是：地区生产总值增长5.5%左右；规上工业增加值增长6.5%" is one
/// sentence, and its target word governs every figure in it.)
fn sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?')
}

/// Characters that end a clause.
fn clause_end(c: char) -> bool {
    sentence_end(c) || matches!(c, '，' | ',' | '：' | ':' | '；' | ';')
}

/// Where each hard break is: sentence ends, and line breaks that end a paragraph (not the page
/// breaks a PDF's extraction leaves inside sentences).
fn breaks(chars: &[char]) -> (Vec<bool>, Vec<bool>) {
    let mut sentence = vec![false; chars.len()];
    let mut clause = vec![false; chars.len()];
    for (i, &c) in chars.iter().enumerate() {
        if c == '\n' {
            let before = chars[..i].iter().rev().find(|c| !c.is_whitespace());
            let after_at = chars[i..].iter().position(|c| !c.is_whitespace());
            let line_start = chars[..i]
                .iter()
                .rposition(|c| *c == '\n')
                .map_or(0, |p| p + 1);
            // A short line without clause punctuation is a title or heading; a short line with it
            // is a sentence a page break cut.
            // (A heading's own numbering, 一、 or （一）, is not clause punctuation.)
            let short_line = i - line_start < 50
                && !chars[(line_start + 4).min(i)..i]
                    .iter()
                    .any(|c| matches!(c, '，' | '；' | '、' | ',' | ';'));
            let paragraph = before
                .is_none_or(|c| sentence_end(*c) || matches!(c, '：' | ':' | '；' | ';'))
                || short_line
                || after_at.is_some_and(|a| {
                    let n = chars[i + a];
                    n == '—' || n == '（' || n == '(' || "一二三四五六七八九十".contains(n)
                });
            sentence[i] = paragraph;
            clause[i] = paragraph;
        } else {
            sentence[i] = sentence_end(c);
            clause[i] = clause_end(c);
        }
    }
    (sentence, clause)
}

/// For each char, whether it is inside quotation marks or title marks (“…”, 《…》, 「…」),
/// where numbers are names and slogans (“30 条”, 《十四五规划》).
fn quoted(chars: &[char]) -> Vec<bool> {
    let mut out = vec![false; chars.len()];
    let mut depth = 0_i32;
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '“' | '《' | '「' | '〈' => depth += 1,
            '”' | '》' | '」' | '〉' => depth = (depth - 1).max(0),
            '\n' => depth = 0,
            _ => {}
        }
        out[i] = depth > 0;
    }
    out
}

/// Everything the reading of one text needs at hand.
struct Reader<'a> {
    chars: &'a [char],
    lex: &'a Lexicon,
    outline: &'a Outline,
    sentence: Vec<bool>,
    clause: Vec<bool>,
    quoted: Vec<bool>,
}

impl Reader<'_> {
    fn text(&self, r: Range<usize>) -> String {
        self.chars[r]
            .iter()
            .filter(|c| !c.is_whitespace())
            .collect()
    }

    /// Start of the sentence (or clause) holding char `at`.
    /// A sentence is read back at most [`MAX_SENTENCE`] characters, so a text with no full stops
    /// (a table dump, a list of thousands of numbers) costs what its figures cost, not their square.
    fn start_of(&self, at: usize, marks: &[bool]) -> usize {
        let mut i = at;
        while i > 0 && !marks[i - 1] && at - i < MAX_SENTENCE {
            i -= 1;
        }
        while i < at && (self.chars[i].is_whitespace() || matches!(self.chars[i], '—' | '-')) {
            i += 1;
        }
        i
    }
}

/// How far back a figure's sentence is read.
const MAX_SENTENCE: usize = 300;

/// Read every figure of `chars`.
pub fn read(chars: &[char], outline: &Outline, lex: &Lexicon) -> Vec<Proposed> {
    let (sentence, clause) = breaks(chars);
    let reader = Reader {
        chars,
        lex,
        outline,
        sentence,
        clause,
        quoted: quoted(chars),
    };
    let (tables, in_tables) = super::tables::read(chars, outline, lex);
    let mut mentions = numbers::read(chars, lex);
    mentions.retain(|m| !in_tables.iter().any(|t| t.contains(&m.number.start)));
    money_units(&reader, &mut mentions);
    if let Some(part) = lex.units.iter().position(|u| u.zh.is_empty()) {
        for m in mentions.iter_mut().filter(|m| m.ratio && m.unit.is_none()) {
            m.unit = Some(part);
        }
    }
    let mut out: Vec<Proposed> = Vec::new();
    // Where the words of the last figure end: its unit, or the thing it counts (37 个重点改革项目).
    let mut last_end = 0;
    // The last name given in the current sentence, for figures whose clause names nothing
    // ("地区生产总值完成602.5亿元，同比增长5.5%").
    let mut last_name: Option<(usize, String)> = None;
    let mut k = 0;
    while k < mentions.len() {
        // A list after one verb is read together: its members share the words before the first.
        let mut end = k + 1;
        if let Some(list) = mentions[k].list {
            while end < mentions.len() && mentions[end].list == Some(list) {
                end += 1;
            }
        }
        let group: Vec<&Mention> = mentions[k..end].iter().collect();
        k = end;
        let members: Vec<&Mention> = group
            .iter()
            .copied()
            .filter(|m| is_figure(&reader, m))
            .collect();
        if members.is_empty() {
            continue;
        }
        let first = members[0];
        let sentence_start = reader.start_of(first.span.start, &reader.sentence);
        if last_name
            .as_ref()
            .is_some_and(|(s, _)| *s != sentence_start)
        {
            last_name = None;
        }
        let clause_start = reader.start_of(first.span.start, &reader.clause);
        let prev_end = last_end.max(clause_start).min(first.span.start);
        let quote_end = members.last().map_or(first.span.end, |m| m.span.end);
        let mut quote_start = clause_start.max(first.span.start.saturating_sub(40));
        while quote_start < first.span.start
            && (chars[quote_start].is_whitespace()
                || matches!(chars[quote_start], '，' | '、' | '—' | '；'))
        {
            quote_start += 1;
        }
        let context = Context::new(
            &reader,
            sentence_start,
            first.span.start,
            prev_end,
            clause_start,
        );
        // Names: the words before the list, split when it names as many things as it has members.
        let subject = context.subject.clone();
        let names = names_for(
            &reader,
            &subject,
            &members,
            last_name.as_ref().map(|(_, n)| n.as_str()),
        );
        for (m, (name, name_end)) in members.iter().zip(names) {
            last_end = last_end.max(name_end).max(m.span.end);
            let Some(unit) = m.unit else { continue };
            let mut why = Vec::new();
            let (kind, year) = kind_and_year(&reader, &context, m, &mut why);
            let basis = basis_of(&reader, &context, m, unit, &name, &mut why);
            let clause = reader.text(context.clause.start..m.number.start);
            if let Some(w) = lex
                .comparison_words
                .iter()
                .find(|w| clause.contains(w.as_str()))
            {
                why.push(format!(
                    "marked: a comparison with other places or a rank, “{w}”"
                ));
            }
            out.push(Proposed {
                name: name.clone(),
                value: m.value,
                unit,
                qualifier: m.qualifier,
                kind,
                year,
                basis,
                period: context.period.clone(),
                quote: quote_start..quote_end,
                why,
                heading: outline.heading_at(m.number.start),
                header_unit: None,
            });
            last_name = Some((sentence_start, name));
        }
    }
    starting_levels(&reader, &mut out);
    out.extend(tables);
    out.sort_by_key(|f| f.quote.start);
    dedupe(&mut out);
    out
}

/// Whether a number is a figure of the report: a unit, not a date, ordinal, name or class.
fn is_figure(r: &Reader, m: &Mention) -> bool {
    let lex = r.lex;
    if m.in_name || m.in_range || m.unit.is_none() || !m.value.is_finite() {
        return false;
    }
    if m.number.start >= r.outline.figures_end || r.quoted[m.number.start] {
        return false;
    }
    if r.outline
        .title
        .as_ref()
        .is_some_and(|t| t.contains(&m.number.start))
    {
        return false;
    }
    // 一个, 两件, 一批: "one" and "two" in words are rarely figures (两个确保, 办好两件大事).
    if m.chinese && m.value.abs() <= 2.0 {
        return false;
    }
    let mut after = m.number.end;
    while r.chars.get(after).is_some_and(|c| c.is_whitespace()) {
        after += 1;
    }
    if starts_with_any(r.chars, after, &lex.not_figure_after).is_some() {
        // A unit that starts the same way wins (3个月 is a duration, not 月).
        let unit_len = m.unit.map_or(0, |u| lex.units[u].zh.chars().count());
        let word_len = starts_with_any(r.chars, after, &lex.not_figure_after).unwrap_or(0);
        if word_len >= unit_len || m.unit.is_none() {
            return false;
        }
    }
    let mut before = m.span.start;
    while before > 0 && r.chars[before - 1].is_whitespace() {
        before -= 1;
    }
    if lex
        .not_figure_before
        .iter()
        .any(|w| ends_with(r.chars, before, w).is_some())
    {
        return false;
    }
    // 5000万元以上项目, 亿元以上企业: a class of things.
    let tail: String = r.chars[m.number.end..m.span.end].iter().collect();
    if (tail.ends_with("以上") || tail.ends_with("以下"))
        && lex
            .class_nouns
            .iter()
            .any(|w| starts_with(r.chars, m.span.end, w).is_some())
    {
        return false;
    }
    true
}

/// The words before a figure: its sentence, the stretch after the last figure of its clause,
/// and what they name.
struct Context {
    /// From the start of the sentence to the number.
    sentence: Range<usize>,
    /// From the start of the clause to the number.
    clause: Range<usize>,
    /// From the end of the previous figure in the clause (or the clause start) to the number.
    lead: Range<usize>,
    subject: String,
    period: Option<(String, String)>,
}

impl Context {
    fn new(
        r: &Reader,
        sentence_start: usize,
        at: usize,
        prev_end: usize,
        clause_start: usize,
    ) -> Self {
        let lead = prev_end.max(clause_start)..at;
        let subject = clean_name(r, lead.clone());
        let period = period_in(r, sentence_start..at);
        Self {
            sentence: sentence_start..at,
            clause: clause_start..at,
            lead,
            subject,
            period,
        }
    }
}

/// A part-year period named before a figure: 1-11月, 1—11 月, 上半年.
fn period_in(r: &Reader, range: Range<usize>) -> Option<(String, String)> {
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
            let month = |m: u32| {
                [
                    "January",
                    "February",
                    "March",
                    "April",
                    "May",
                    "June",
                    "July",
                    "August",
                    "September",
                    "October",
                    "November",
                    "December",
                ][(m - 1) as usize]
            };
            return Some((zh, format!("{}–{}", month(a), month(b))));
        }
    }
    r.lex
        .periods
        .iter()
        .find(|p| text.contains(p.zh.as_str()))
        .map(|p| (p.zh.clone(), p.en.clone()))
}

/// A figure's name from the words before it: when and where cut from the front, the verb that
/// leads to the number cut from the end.
fn clean_name(r: &Reader, range: Range<usize>) -> String {
    let lex = r.lex;
    let mut s: Vec<char> = r.chars[range]
        .iter()
        .copied()
        .filter(|c| !c.is_whitespace())
        .collect();
    loop {
        let before = s.len();
        // Leading punctuation, joiners, years and months.
        while let Some(&c) = s.first() {
            if matches!(
                c,
                '，' | '、'
                    | '；'
                    | '：'
                    | ','
                    | ';'
                    | ':'
                    | '—'
                    | '-'
                    | '和'
                    | '及'
                    | '与'
                    | '）'
                    | ')'
                    | '。'
            ) {
                s.remove(0);
            } else {
                break;
            }
        }
        if let Some(n) = year_prefix(&s) {
            s.drain(..n);
        }
        if let Some(n) = lex
            .name_lead_words
            .iter()
            .find_map(|w| starts_with(&s, 0, w))
        {
            s.drain(..n);
        }
        if let Some(p) = lex.periods.iter().find_map(|p| starts_with(&s, 0, &p.zh)) {
            s.drain(..p);
        }
        // Trailing verbs, qualifiers, 了 and 的.
        while let Some(&c) = s.last() {
            if matches!(
                c,
                '了' | '的' | '，' | '、' | '：' | ':' | '由' | '从' | '（' | '('
            ) {
                s.pop();
            } else {
                break;
            }
        }
        let end = s.len();
        if let Some(n) = lex
            .name_tail_words
            .iter()
            .find_map(|w| ends_with(&s, end, w))
        {
            s.truncate(end - n);
        } else if let Some(n) = lex
            .qualifiers_before
            .iter()
            .find_map(|q| ends_with(&s, end, &q.word))
        {
            s.truncate(end - n);
        } else if let Some(n) = lex.fall_words.iter().find_map(|w| ends_with(&s, end, w)) {
            s.truncate(end - n);
        } else if let Some(n) = ends_with(&s, end, "上年") {
            s.truncate(end - n);
        }
        if s.len() == before {
            break;
        }
    }
    // 按自然口径计算, 按可比价格计算: how the figure is counted, not what it is.
    let mut name: String = s.into_iter().collect();
    while let Some(a) = name.find('按') {
        match name[a..].find("计算") {
            Some(b) if b <= 24 => name.replace_range(a..a + b + "计算".len(), ""),
            _ => break,
        }
    }
    name
}

/// "2022年", "1-11月", "2022年1-11月" at the start of a name: their length.
fn year_prefix(s: &[char]) -> Option<usize> {
    let mut k = 0;
    while k < s.len() && (s[k].is_ascii_digit() || matches!(s[k], '-' | '—' | '–' | '～')) {
        k += 1;
    }
    (k > 0 && matches!(s.get(k), Some('年' | '月'))).then_some(k + 1)
}

/// Names for the members of a list: split the subject on 、 和 及 when it names as many things;
/// a count's name is the thing counted after it when the words before are only a verb
/// (新增 9 家“小巨人”企业); a figure whose clause names nothing takes the sentence's last name.
fn names_for(
    r: &Reader,
    subject: &str,
    members: &[&Mention],
    last: Option<&str>,
) -> Vec<(String, usize)> {
    let n = members.len();
    if n > 1 {
        let parts: Vec<&str> = subject
            .split(['、', '和', '及', '与'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        if parts.len() == n {
            return parts
                .into_iter()
                .zip(members)
                .map(|(p, m)| (short(p), m.span.end))
                .collect();
        }
    }
    members
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let counted = counted_after(r, m);
            let end = counted.as_ref().map_or(m.span.end, |(_, e)| *e);
            let object = counted.map(|(o, _)| o);
            let only_verb = subject.is_empty()
                || r.lex.new_in_year_words.iter().any(|w| {
                    subject.ends_with(w.as_str())
                        && subject.chars().count() <= w.chars().count() + 2
                });
            let base = match (object, only_verb || i > 0) {
                (Some(o), true) => o,
                _ if !subject.is_empty() => subject.to_owned(),
                _ => last.unwrap_or_default().to_owned(),
            };
            let base = short(&base);
            if n > 1 && i > 0 && base == short(subject) {
                (format!("{base}（{}）", i + 1), end)
            } else {
                (base, end)
            }
        })
        .collect()
}

/// A name of at most 24 characters: a long run keeps its end, the words nearest the number.
fn short(name: &str) -> String {
    let n = name.chars().count();
    name.chars().skip(n.saturating_sub(24)).collect()
}

/// A number with 亿 and no unit in a clause about money (实现产值破千亿) is in 元.
fn money_units(r: &Reader, mentions: &mut [Mention]) {
    let Some(yuan) = r.lex.units.iter().position(|u| u.zh == "元") else {
        return;
    };
    for m in mentions.iter_mut().filter(|m| m.unit.is_none()) {
        if !r.chars[m.number.clone()].contains(&'亿') {
            continue;
        }
        let clause = r.start_of(m.number.start, &r.clause);
        let words = r.text(clause..m.number.start);
        if r.lex.money_words.iter().any(|w| words.contains(w.as_str())) {
            m.unit = Some(yuan);
        }
    }
}

/// The thing a count counts, written right after its measure word: 23 个综合改革试点事项.
fn counted_after(r: &Reader, m: &Mention) -> Option<(String, usize)> {
    let unit = &r.lex.units[m.unit?];
    if unit.percent || unit.zh.chars().count() > 1 && !unit.zh.starts_with('个') {
        return None;
    }
    let mut k = m.span.end;
    let mut out = String::new();
    while let Some(&c) = r.chars.get(k) {
        if clause_end(c) || matches!(c, '、' | '和' | '及' | '与' | '（' | '(' | '\n') {
            break;
        }
        if starts_with_any(r.chars, k, &r.lex.object_stops).is_some() && !out.is_empty() {
            break;
        }
        if c.is_ascii_digit() {
            return None;
        }
        if !c.is_whitespace() {
            out.push(c);
        }
        k += 1;
        if out.chars().count() > 20 {
            return None;
        }
    }
    (out.chars().count() >= 2).then_some((out, k))
}

/// Kind and year: 预计 makes an estimated result; a target word in the sentence makes a target;
/// otherwise the heading decides, then the report's own years.
fn kind_and_year(r: &Reader, c: &Context, m: &Mention, why: &mut Vec<String>) -> (PointKind, i32) {
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
fn basis_of(
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

/// "从A提升至B": A is the starting level of B — same name, unit and basis; its year is B's, or
/// the year before a target's (or before B's when the text says 上年).
fn starting_levels(r: &Reader, figures: &mut [Proposed]) {
    for i in 0..figures.len() {
        // The k-th member of a list pairs with the k-th of the next (由上年的 a:b:c 调整为 d:e:f).
        let member = (0..i)
            .rev()
            .take_while(|&p| figures[p].quote == figures[i].quote)
            .count();
        let Some(j) = (i + 1..figures.len())
            .find(|&j| figures[j].quote.end > figures[i].quote.end)
            .map(|j| j + member)
            .filter(|&j| j < figures.len())
        else {
            continue;
        };
        let (a, b) = (&figures[i], &figures[j]);
        // A ends where the transition starts; B's number follows it.
        let a_end = a.quote.end;
        let mut k = a_end;
        while r.chars.get(k).is_some_and(|c| c.is_whitespace()) {
            k += 1;
        }
        let Some(n) = starts_with_any(r.chars, k, &r.lex.transitions) else {
            continue;
        };
        if b.quote.end <= k + n || a.unit != b.unit {
            continue;
        }
        // 从 or 由 before A, in its clause.
        let lead: String = r.chars[a.quote.start..a_end].iter().collect();
        let Some(at) = lead.rfind(['从', '由']) else {
            continue;
        };
        if lead[at..].starts_with("由于") {
            continue;
        }
        let last_year = lead[at..].contains("上年") || lead[at..].contains("去年");
        let (b_kind, b_year, b_basis, b_name) = (b.kind, b.year, b.basis, b.name.clone());
        let a = &mut figures[i];
        a.kind = PointKind::Baseline;
        a.year = if last_year || b_kind == PointKind::Target {
            b_year - 1
        } else {
            b_year
        };
        a.basis = b_basis;
        a.why = vec![
            format!(
                "kind baseline: “{}” before it, the level reached after",
                lead[at..].chars().next().unwrap_or('从')
            ),
            format!(
                "year {}: {}",
                a.year,
                if last_year {
                    "上年"
                } else {
                    "the year of the level reached"
                }
            ),
            format!("basis {}: as the level reached", b_basis.id()),
        ];
        if a.name.is_empty() || a.name != b_name {
            a.name = b_name.clone();
        }
        let b = &mut figures[j];
        b.name = b_name;
    }
}

/// A figure stated twice in the same words (a summary, then the text) is proposed once.
fn dedupe(figures: &mut Vec<Proposed>) {
    let mut seen = std::collections::HashSet::new();
    figures.retain(|f| {
        seen.insert((
            f.name.clone(),
            f.value.to_bits(),
            f.unit,
            f.kind,
            f.year,
            f.basis,
        ))
    });
}
