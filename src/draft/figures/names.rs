//! A figure's name: the words before it without when, where and the verb, the thing a count
//! counts, the members of a list; and money read into 元 when the clause is about money.

use std::ops::Range;

use super::{Reader, clause_end};
use crate::model::lexicon::{ends_with, starts_with, starts_with_any};
use crate::model::numbers::Mention;

/// A figure's name from the words before it: when and where cut from the front, the verb that
/// leads to the number cut from the end.
pub(super) fn clean_name(r: &Reader, range: Range<usize>) -> String {
    let lex = r.lex;
    let mut s: Vec<char> = r.chars[range]
        .iter()
        .copied()
        .filter(|c| !c.is_whitespace())
        .collect();
    loop {
        let before = s.len();
        // Leading punctuation, joiners, years and months.
        loop {
            if s.first().is_some_and(|c| {
                matches!(
                    c,
                    '，' | '、' | '；' | '：' | ',' | ';' | ':' | '—' | '-' | '）' | ')' | '。'
                )
            }) {
                s.remove(0);
            } else if let Some(n) = starts_with_any(&s, 0, &lex.name_joiners) {
                s.drain(..n);
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
        // A year at the end (人均预期寿命从2020年, 提高到2025年) is when, not what.
        let n = s.len();
        if n >= 5 && s[n - 1] == '年' && s[n - 5..n - 1].iter().all(char::is_ascii_digit) {
            s.truncate(n - 5);
        }
        // Trailing verbs, qualifiers, 了 and 的.
        loop {
            if s.last()
                .is_some_and(|c| matches!(c, '，' | '、' | '：' | ':' | '（' | '('))
            {
                s.pop();
            } else if let Some(n) = lex
                .name_trailing
                .iter()
                .find_map(|w| ends_with(&s, s.len(), w))
            {
                s.truncate(s.len() - n);
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
        } else if let Some(n) = lex
            .name_last_words
            .iter()
            .find_map(|w| ends_with(&s, end, w))
        {
            s.truncate(end - n);
        }
        if s.len() == before {
            break;
        }
    }
    // 按自然口径计算, 按可比价格计算: how the figure is counted, not what it is.
    let mut name: String = s.into_iter().collect();
    let (open, close) = (&lex.counting_note.0, &lex.counting_note.1);
    while let Some(a) = name.find(open.as_str()) {
        match name[a..].find(close.as_str()) {
            Some(b) if b <= 24 => name.replace_range(a..a + b + close.len(), ""),
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
pub(super) fn names_for(
    r: &Reader,
    subject: &str,
    members: &[&Mention],
    last: Option<&str>,
) -> Vec<(String, usize)> {
    let n = members.len();
    if n > 1 {
        let parts: Vec<&str> = split_any(subject, &r.lex.name_joiners)
            .into_iter()
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
            // 突破600亿元大关, 迈上新台阶: a milestone, not a thing counted; the figure is the
            // sentence's last named thing's.
            let milestone = object.as_deref().is_some_and(|o| {
                r.lex
                    .milestone_words
                    .iter()
                    .any(|w| o.ends_with(w.as_str()))
            });
            if milestone && let Some(last) = last.filter(|l| !l.is_empty()) {
                return (short(last), end);
            }
            let object = object.filter(|_| !milestone);
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

/// `text` split at every one of `words`.
fn split_any<'t>(text: &'t str, words: &[String]) -> Vec<&'t str> {
    let mut parts = Vec::new();
    let mut rest = text;
    while let Some((at, len)) = words
        .iter()
        .filter_map(|w| rest.find(w.as_str()).map(|at| (at, w.len())))
        .filter(|(_, len)| *len > 0)
        .min()
    {
        parts.push(&rest[..at]);
        rest = &rest[at + len..];
    }
    parts.push(rest);
    parts
}

/// A name of at most 24 characters: a long run keeps its end, the words nearest the number.
fn short(name: &str) -> String {
    let n = name.chars().count();
    name.chars().skip(n.saturating_sub(24)).collect()
}

/// A number with 亿 and no unit in a clause about money (实现产值破千亿) is in 元.
pub(super) fn money_units(r: &Reader, mentions: &mut [Mention]) {
    let Some(yuan) = r.lex.units.iter().position(|u| u.id == "yuan") else {
        return;
    };
    for m in mentions.iter_mut().filter(|m| m.unit.is_none()) {
        let number = &r.chars[m.number.clone()];
        if !(0..number.len()).any(|at| starts_with_any(number, at, &r.lex.money_scales).is_some()) {
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
        if clause_end(c)
            || matches!(c, '（' | '(' | '\n')
            || starts_with_any(r.chars, k, &r.lex.name_joiners).is_some()
        {
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
