//! Figures read from a report's text as a reader reads them: every number with a unit that is not
//! a date, an ordinal, a name or a class; what it measures (the words before it, or the thing
//! counted after it); whether it is a result, a target or a starting level, for which year, and on
//! which basis — each decided by words of the text, which the figure keeps as its "why".

use std::ops::Range;

use super::kind::{MAX_SENTENCE, Place, kind_and_year, named_year, period_in};
use super::outline::{Outline, chinese_numeral};

mod basis;
mod levels;
mod names;

pub use super::proposed::Proposed;
use crate::model::lexicon::{Lexicon, ends_with, starts_with, starts_with_any};
use crate::model::numbers::{self, Mention};
use basis::basis_of;
use levels::{dedupe, starting_levels};
use names::{clean_name, money_units, names_for};

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
                    n == '—' || n == '（' || n == '(' || chinese_numeral(n)
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

/// Read every figure of `chars`: the prose's figures, list by list in the text's order, then the
/// starting levels they restate, then the tables' figures; sorted by where they are quoted, the
/// same figure kept once.
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
    let mentions = prose_mentions(&reader, &in_tables);
    let mut prose = Prose::new(&reader);
    let mut k = 0;
    while k < mentions.len() {
        let end = list_end(&mentions, k);
        prose.group(&mentions[k..end]);
        k = end;
    }
    let mut out = prose.out;
    starting_levels(&reader, &mut out);
    out.extend(tables);
    out.sort_by_key(|f| f.quote.start);
    dedupe(&mut out);
    out
}

/// The numbers of the prose, with their units: those inside a table are the table's to read;
/// money's units are settled from the words around; a ratio with no unit is a share (the unit
/// with no Chinese name).
fn prose_mentions(reader: &Reader, in_tables: &[Range<usize>]) -> Vec<Mention> {
    let mut mentions = numbers::read(reader.chars, reader.lex);
    mentions.retain(|m| !in_tables.iter().any(|t| t.contains(&m.number.start)));
    money_units(reader, &mut mentions);
    if let Some(part) = reader.lex.units.iter().position(|u| u.zh.is_empty()) {
        for m in mentions.iter_mut().filter(|m| m.ratio && m.unit.is_none()) {
            m.unit = Some(part);
        }
    }
    mentions
}

/// Where the group starting at `k` ends: a list after one verb is read together, its members
/// sharing the words before the first; any other number is a group of its own.
fn list_end(mentions: &[Mention], k: usize) -> usize {
    let mut end = k + 1;
    if let Some(list) = mentions[k].list {
        while end < mentions.len() && mentions[end].list == Some(list) {
            end += 1;
        }
    }
    end
}

/// The prose read group by group, with what one group leaves the next.
struct Prose<'r, 'a> {
    reader: &'r Reader<'a>,
    /// Where the words of the last figure end: its unit, or the thing it counts (37 个重点改革项目).
    last_end: usize,
    /// The last name given in the current sentence, for figures whose clause names nothing
    /// ("地区生产总值完成602.5亿元，同比增长5.5%").
    last_name: Option<(usize, String)>,
    out: Vec<Proposed>,
}

impl<'r, 'a> Prose<'r, 'a> {
    fn new(reader: &'r Reader<'a>) -> Self {
        Self {
            reader,
            last_end: 0,
            last_name: None,
            out: Vec::new(),
        }
    }

    /// One group's figures (its numbers that are figures at all), named from the words before
    /// the list, split when it names as many things as it has members.
    fn group(&mut self, group: &[Mention]) {
        let reader = self.reader;
        let members: Vec<&Mention> = group.iter().filter(|m| is_figure(reader, m)).collect();
        let Some(first) = members.first().copied() else {
            return;
        };
        let sentence_start = reader.start_of(first.span.start, &reader.sentence);
        if self
            .last_name
            .as_ref()
            .is_some_and(|(s, _)| *s != sentence_start)
        {
            self.last_name = None;
        }
        let clause_start = reader.start_of(first.span.start, &reader.clause);
        let prev_end = self.last_end.max(clause_start).min(first.span.start);
        let quote_end = members.last().map_or(first.span.end, |m| m.span.end);
        let quote = quote_start(reader.chars, clause_start, first.span.start)..quote_end;
        let context = Context::new(
            reader,
            sentence_start,
            first.span.start,
            prev_end,
            clause_start,
        );
        let subject = context.subject.clone();
        let names = names_for(
            reader,
            &subject,
            &members,
            self.last_name.as_ref().map(|(_, n)| n.as_str()),
        );
        for (m, (name, name_end)) in members.iter().zip(names) {
            self.last_end = self.last_end.max(name_end).max(m.span.end);
            let Some(unit) = m.unit else { continue };
            self.out
                .push(proposed(reader, &context, m, unit, &name, quote.clone()));
            self.last_name = Some((sentence_start, name));
        }
    }
}

/// Where a figure's quote starts: at most 40 characters before its number, within its clause,
/// without the spaces and punctuation that end the clause before.
fn quote_start(chars: &[char], clause_start: usize, number_start: usize) -> usize {
    let mut quote_start = clause_start.max(number_start.saturating_sub(40));
    while quote_start < number_start
        && (chars[quote_start].is_whitespace()
            || matches!(chars[quote_start], '，' | '、' | '—' | '；'))
    {
        quote_start += 1;
    }
    quote_start
}

/// One figure: its kind and year, its basis, and why a reviewer should look twice (a comparison
/// with other places or a rank is not the place's own figure).
fn proposed(
    reader: &Reader,
    context: &Context,
    m: &Mention,
    unit: usize,
    name: &str,
    quote: Range<usize>,
) -> Proposed {
    let mut why = Vec::new();
    let place = Place {
        chars: reader.chars,
        quoted: &reader.quoted,
        sentence_start: context.sentence.start,
        number: m.number.clone(),
        span: m.span.clone(),
    };
    let (kind, year) = kind_and_year(&place, reader.outline, reader.lex, &mut why);
    let basis = basis_of(reader, context, m, unit, name, &mut why);
    let clause = reader.text(context.clause.start..m.number.start);
    if let Some(w) = reader
        .lex
        .comparison_words
        .iter()
        .find(|w| clause.contains(w.as_str()))
    {
        why.push(format!(
            "marked: a comparison with other places or a rank, “{w}”"
        ));
    }
    // A five-year plan's figure: its span decides its year (the span's end) and its kind.
    let outline = reader.outline;
    let figure = super::span::Figure {
        chars: reader.chars,
        sentence_start: context.sentence.start,
        number_start: m.number.start,
        kind,
        basis,
        named_year: named_year(&place, reader.lex).map(|(_, y)| y),
    };
    let years = (outline.results_year, outline.target_year);
    let (kind, year, span) =
        match super::span::span_of(&figure, &outline.periods, reader.lex, years) {
            Some((span, to, kind, w)) => {
                why.push(w);
                (kind, to, Some(span))
            }
            None => (kind, year, None),
        };
    Proposed {
        name: name.to_owned(),
        value: m.value,
        unit,
        qualifier: m.qualifier,
        high: m.high,
        kind,
        year,
        span,
        basis,
        period: context.period.clone(),
        quote,
        why,
        heading: reader.outline.heading_at(m.number.start),
        header_unit: None,
    }
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
    if lex.class_bounds.iter().any(|w| tail.ends_with(w.as_str()))
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
        let period = period_in(&r.text(sentence_start..at), r.lex);
        Self {
            sentence: sentence_start..at,
            clause: clause_start..at,
            lead,
            subject,
            period,
        }
    }
}
