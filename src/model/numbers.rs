//! The numbers a sentence states, as a reader of Chinese reads them: Arabic numerals with their
//! scale words (1.3万 = 13000, 1391亿 = 1.391e11), Chinese numerals (一万余 = 10000, 千亿 = 10^11,
//! 三万 = 30000), 半数 (a half: 50%), a fall (下降 9.9% = −9.9), the unit printed after the number,
//! the words that qualify it (约, 超, 左右, 以上 …), and lists after one verb (分别下降 8.2%、4.8%:
//! both falls).
//!
//! One reader for the provenance check (`states_value`) and for `planboard draft` ([`read`]). Plain
//! functions on text; the words come from the [`Lexicon`].

use std::ops::Range;

use super::Qualifier;
use super::lexicon::{Lexicon, ends_with, starts_with};

mod numerals;
use numerals::{arabic, chinese, chinese_digit, chinese_unit};

/// One number in a text, with everything the words around it say about it. Positions are indices
/// into the text's chars.
// Each flag is one fact the words say of the number, read apart from the others: not states of
// one thing that an enum would name.
#[allow(clippy::struct_excessive_bools)]
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// The number itself, with its scale word (1.3万).
    pub number: Range<usize>,
    /// From the first word before the number that qualifies it or gives its sign, to the end of
    /// its unit and the qualifier after it: what a quote must hold.
    pub span: Range<usize>,
    /// The value in the unit itself: scale applied, a fall negative.
    pub value: f64,
    /// Index into [`Lexicon::units`] of the unit printed after the number (or shared by its list).
    pub unit: Option<usize>,
    pub qualifier: Qualifier,
    /// A range's high end (增长4.5%—5%: 5), its low end `value`, with `qualifier: Range`.
    pub high: Option<f64>,
    /// The word that made the number a fall (下降), if any.
    pub fall: Option<String>,
    /// Index of the list this number belongs to (a、b和c after one verb), if it is in one.
    pub list: Option<usize>,
    /// Written in Chinese numerals (三万余).
    pub chinese: bool,
    /// One end of a range (1-11月, 3—5年): not a figure by itself.
    pub in_range: bool,
    /// Touches Latin letters or a dot (5G, PM2.5, G20): part of a name.
    pub in_name: bool,
    /// A part of a ratio (三次产业结构 9.7:47.3:43): a share with no unit of its own.
    pub ratio: bool,
}

/// Every number `text` states, with scale words applied and falls made negative.
pub fn stated_values(text: &str) -> Vec<f64> {
    let chars: Vec<char> = text.chars().collect();
    read(&chars, Lexicon::embedded())
        .into_iter()
        .map(|m| m.value)
        .collect()
}

/// Whether `text` states `value` (to a relative precision of 1e-9). Whitespace is ignored, as page
/// breaks and extraction put spaces inside numbers ("263. 18 亿元").
pub fn states_value(text: &str, value: f64) -> bool {
    let squashed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    stated_values(&squashed).into_iter().any(|v| same(v, value))
}

/// The scale a unit printed with a scale word names: 亿元 → 10^8, 万头 → 10^4, 千万元 → 10^7,
/// % → 1.
pub fn scale_of(unit: &str) -> f64 {
    let chars: Vec<char> = unit.trim().chars().collect();
    let mut scale = 1.0;
    let mut k = 0;
    if let Some(small @ ('千' | '百')) = chars.first().copied()
        && matches!(chars.get(1), Some('万' | '亿'))
    {
        scale = if small == '千' { 1e3 } else { 1e2 };
        k = 1;
    }
    match (chars.get(k), chars.get(k + 1)) {
        (Some('万'), Some('亿')) => scale * 1e12,
        (Some('万'), _) => scale * 1e4,
        (Some('亿'), _) => scale * 1e8,
        _ => 1.0,
    }
}

/// Whether a figure's words state its value: its quote does, or — for a table cell whose unit is in
/// the table's header — the quote states the value in the header's unit.
pub fn quote_states(quote: &str, value: f64, header_unit: Option<&str>) -> bool {
    states_value(quote, value)
        || header_unit.is_some_and(|unit| states_value(quote, value / scale_of(unit)))
}

/// Whether two values are the same number (to a relative precision of 1e-9).
pub fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Read every number of `chars` with its unit, qualifier and sign.
pub fn read(chars: &[char], lex: &Lexicon) -> Vec<Mention> {
    // Full-width digits, traditional characters, footnote marks: read as the lexicon says;
    // positions stay the same.
    let normal = lex.normalize(chars);
    let chars = &normal[..];
    let mut out: Vec<Mention> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let found = if c.is_ascii_digit() {
            Some((arabic(chars, i), false))
        } else if chinese_digit(c).is_some() || chinese_unit(c).is_some() {
            chinese(chars, i, lex).map(|f| (f, true))
        } else if c == '半' && chars.get(i + 1) == Some(&'数') {
            Some(((50.0, i + 2), true))
        } else {
            None
        };
        let Some(((magnitude, end), is_chinese)) = found else {
            // A numeral run that is no number (十四五) is skipped whole, not read from its middle.
            i += 1;
            if chinese_digit(c).is_some() || chinese_unit(c).is_some() {
                while chars
                    .get(i)
                    .is_some_and(|&c| chinese_digit(c).is_some() || chinese_unit(c).is_some())
                {
                    i += 1;
                }
            }
            continue;
        };
        out.push(mention(chars, i, end, magnitude, is_chinese, lex));
        i = end.max(i + 1);
    }
    merge_ranges(chars, &mut out, lex);
    link_lists(chars, &mut out, lex);
    out
}

/// Two numbers joined by a range mark into one figure that is a range (增长4.5%—5%, 5%到5.5%,
/// 4.5-5%, 下降3%—5%): the low end its value, the high end `high`, the unit the second's (the first
/// may leave it out). Not a range of times (2021—2025年, 1-11月, 3—5年): those stay ends of a
/// range, which are no figures.
fn merge_ranges(chars: &[char], mentions: &mut Vec<Mention>, lex: &Lexicon) {
    let mut i = 0;
    while i + 1 < mentions.len() {
        let (a, b) = (&mentions[i], &mentions[i + 1]);
        let k = skip_space(chars, a.span.end);
        let mark = chars.get(k).is_some_and(|c| is_dash(*c));
        let mut n = k + 1;
        while chars.get(n).is_some_and(|c| *c == '—') {
            n += 1;
        }
        let n = skip_space(chars, n);
        // The second number right after the mark (its minus sign, when the mark is "-", is the mark).
        let joined = mark && (b.number.start == n || b.span.start == k && chars[k] == '-');
        let units_agree = b.unit.is_some() && a.unit.is_none_or(|u| Some(u) == b.unit);
        let time = b
            .unit
            .is_some_and(|u| lex.range_excluded_units.contains(&lex.units[u].zh));
        let plain = !a.chinese && !b.chinese && a.qualifier == Qualifier::Exact;
        if !(joined && units_agree && !time && plain) {
            i += 1;
            continue;
        }
        // 下降3%—5%: both ends are falls.
        let sign = if a.value < 0.0 { -1.0 } else { 1.0 };
        let (x, y) = (a.value, sign * b.value.abs());
        if !(x.is_finite() && y.is_finite()) || x == y {
            i += 1;
            continue;
        }
        let b = mentions.remove(i + 1);
        let a = &mut mentions[i];
        a.number = a.number.start..b.number.end;
        a.span = a.span.start..b.span.end;
        a.value = x.min(y);
        a.high = Some(x.max(y));
        a.unit = b.unit;
        a.qualifier = Qualifier::Range;
        a.in_range = false;
        i += 1;
    }
}

/// The words around one number: unit, qualifiers, sign. Read outward from the number: the words
/// after it (余/多, a scale word, the unit, 左右), then those before it (a sign, 约, 下降), then
/// what the two sides say together.
fn mention(
    chars: &[char],
    start: usize,
    end: usize,
    magnitude: f64,
    chinese: bool,
    lex: &Lexicon,
) -> Mention {
    let after = words_after(chars, end, magnitude, lex);
    let before = words_before(chars, start, after.magnitude, after.qualifier, lex);
    let mut qualifier = before.qualifier;
    // 近 8000 余家次: hedged both ways, about.
    if qualifier == Qualifier::AtLeast
        && lex.qualifiers_before.iter().any(|q| {
            q.qualifier == Qualifier::Nearly
                && ends_with(chars, back_space(chars, start), &q.word).is_some()
        })
    {
        qualifier = Qualifier::About;
    }
    // 半数: a half, in percent.
    let unit = after.unit.or_else(|| {
        (chars.get(start) == Some(&'半'))
            .then(|| lex.units.iter().position(|u| u.zh == "%"))
            .flatten()
    });
    Mention {
        number: start..end,
        span: before.span_start..after.span_end.max(end),
        value: before.value,
        unit,
        qualifier,
        high: None,
        fall: before.fall,
        list: None,
        chinese,
        in_range: in_range(chars, start, end),
        in_name: in_name(chars, start, end, unit, lex),
        ratio: false,
    }
}

/// What the words after a number say.
struct After {
    qualifier: Qualifier,
    /// The number's value with a scale word after 余 or 多 applied.
    magnitude: f64,
    unit: Option<usize>,
    span_end: usize,
}

/// The words after the number ending at `end`: 余 or 多 and a scale word, the unit, then a
/// qualifier (左右, 以上, 以内).
fn words_after(chars: &[char], end: usize, magnitude: f64, lex: &Lexicon) -> After {
    let mut qualifier = Qualifier::Exact;
    // 余 or 多 between the number and its unit: 一万余家, 20多个.
    let mut k = skip_space(chars, end);
    let mut magnitude = magnitude;
    if let Some(q) = lex
        .qualifiers_after
        .iter()
        .filter(|q| q.word == "余" || q.word == "多")
        .find(|q| starts_with(chars, k, &q.word).is_some())
    {
        qualifier = q.qualifier;
        k += q.word.chars().count();
        // 5000多亿元, 300余万元: the scale word after 余 or 多 (when the number had none).
        if end > 0 && chars[end - 1].is_ascii_digit() {
            let scale = [
                ("万亿", 1e12),
                ("千万", 1e7),
                ("百万", 1e6),
                ("万", 1e4),
                ("亿", 1e8),
            ]
            .iter()
            .find_map(|(w, f)| starts_with(chars, k, w).map(|n| (n, *f)));
            if let Some((n, f)) = scale {
                magnitude *= f;
                k += n;
            }
        }
    }
    let mut span_end = end;
    let at_unit = skip_space(chars, k);
    let unit = lex.unit_at(chars, at_unit).map(|(u, n)| {
        span_end = at_unit + n;
        u
    });
    if unit.is_none() && qualifier != Qualifier::Exact {
        span_end = k;
    }
    // 左右, 以上, 以内 after the unit.
    let after = skip_space(chars, span_end);
    if let Some(q) = lex
        .qualifiers_after
        .iter()
        .filter(|q| q.word != "余" && q.word != "多")
        .find(|q| starts_with(chars, after, &q.word).is_some())
    {
        qualifier = q.qualifier;
        span_end = after + q.word.chars().count();
    }
    After {
        qualifier,
        magnitude,
        unit,
        span_end,
    }
}

/// What the words before a number say.
struct Before {
    qualifier: Qualifier,
    /// The value with its sign: negative after a minus or a fall word.
    value: f64,
    fall: Option<String>,
    span_start: usize,
}

/// The words before the number starting at `start`: a minus sign, a qualifier (约, 超), a fall
/// (下降), in that order going back. A qualifier after the number wins over one before it.
fn words_before(
    chars: &[char],
    start: usize,
    magnitude: f64,
    qualifier: Qualifier,
    lex: &Lexicon,
) -> Before {
    let mut qualifier = qualifier;
    let mut span_start = start;
    let mut value = magnitude;
    let minus = start > 0
        && matches!(chars[start - 1], '-' | '−' | '－')
        && !(start > 1 && chars[start - 2].is_ascii_digit());
    if minus {
        value = -value;
        span_start = start - 1;
    }
    let mut b = back_space(chars, span_start);
    if let Some(q) = lex
        .qualifiers_before
        .iter()
        .find(|q| ends_with(chars, b, &q.word).is_some())
    {
        if qualifier == Qualifier::Exact {
            qualifier = q.qualifier;
        }
        b -= q.word.chars().count();
        span_start = b;
        b = back_space(chars, b);
    }
    // 下降了 9.9%, 减少约 3 个: the fall word, then perhaps 了.
    let mut f = b;
    if f > 0 && chars[f - 1] == '了' {
        f -= 1;
    }
    let mut fall = None;
    if !minus
        && let Some(word) = lex
            .fall_words
            .iter()
            .find(|w| ends_with(chars, f, w).is_some())
    {
        fall = Some(word.clone());
        value = -value;
        span_start = f - word.chars().count();
    }
    Before {
        qualifier,
        value,
        fall,
        span_start,
    }
}

/// One end of a range (1-11月, 3—5年): a dash after the number, or a dash before it that follows a
/// digit.
fn in_range(chars: &[char], start: usize, end: usize) -> bool {
    range_dash(chars, end)
        || (start > 1 && is_dash(chars[start - 1]) && {
            let p = back_space(chars, start - 1);
            p > 0 && (chars[p - 1].is_ascii_digit() || chinese_digit(chars[p - 1]).is_some())
        })
}

/// Part of a name (5G, PM2.5, G20): Latin letters, a dot, `+` or `×` touching the number. Latin
/// letters right after the number are a name unless they are its unit (105.5km).
fn in_name(chars: &[char], start: usize, end: usize, unit: Option<usize>, lex: &Lexicon) -> bool {
    let before_letter =
        start > 0 && (chars[start - 1].is_ascii_alphabetic() || chars[start - 1] == '.');
    let ascii_unit = unit.is_some_and(|u| {
        lex.units[u]
            .zh
            .starts_with(|c: char| c.is_ascii_alphabetic())
    });
    let after_letter = (chars.get(end).is_some_and(char::is_ascii_alphabetic) && !ascii_unit)
        || chars.get(end).is_some_and(|c| matches!(c, '+' | '×'))
        || (start > 0 && matches!(chars[start - 1], '+' | '×'));
    before_letter || after_letter
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '—' | '–' | '~' | '～' | '至' | '到')
}

/// Whether a range dash and another number follow `end` (1-11月).
fn range_dash(chars: &[char], end: usize) -> bool {
    let k = skip_space(chars, end);
    let Some(&c) = chars.get(k) else {
        return false;
    };
    if !matches!(c, '-' | '—' | '–' | '~' | '～') {
        return false;
    }
    let mut n = k + 1;
    while chars.get(n) == Some(&'—') {
        n += 1;
    }
    let n = skip_space(chars, n);
    chars
        .get(n)
        .is_some_and(|c| c.is_ascii_digit() || chinese_digit(*c).is_some())
}

fn skip_space(chars: &[char], mut i: usize) -> usize {
    while chars.get(i).is_some_and(|c| c.is_whitespace()) {
        i += 1;
    }
    i
}

fn back_space(chars: &[char], mut i: usize) -> usize {
    while i > 0 && chars[i - 1].is_whitespace() {
        i -= 1;
    }
    i
}

/// Join numbers separated only by a list joiner (、 和 及 :) into lists: a number without a unit
/// takes the unit of the list's last member (65、45、80 个工作日); members after the first take its
/// fall (分别下降 8.2%、4.8%); after 分别, the last member's trailing qualifier is every member's
/// (分别增长 5.5%、6%以上).
fn link_lists(chars: &[char], mentions: &mut [Mention], lex: &Lexicon) {
    let mut lists = 0;
    let mut i = 0;
    while i < mentions.len() {
        let mut j = i;
        while j + 1 < mentions.len() && joined(chars, &mentions[j], &mentions[j + 1], lex) {
            j += 1;
        }
        if j > i {
            let ratio = {
                let (a, b) = (&mentions[i], &mentions[i + 1]);
                let between: String = chars[a.span.end..b.span.start]
                    .iter()
                    .filter(|c| !c.is_whitespace())
                    .collect();
                // Three parts or a decimal one: 9.7:47.3:43, 2.5:1 (15:19 is a time of day).
                let decimal = mentions[i..=j]
                    .iter()
                    .any(|m| chars[m.number.clone()].contains(&'.'));
                (between == ":" || between == "：") && a.unit.is_none() && (j > i + 1 || decimal)
            };
            let group = &mut mentions[i..=j];
            for m in group.iter_mut() {
                m.list = Some(lists);
                m.ratio = ratio;
            }
            lists += 1;
            share(chars, group);
        }
        i = j + 1;
    }
}

/// Whether `b` follows `a` with only a list joiner between them.
fn joined(chars: &[char], a: &Mention, b: &Mention, lex: &Lexicon) -> bool {
    if a.in_range || b.in_range || b.span.start < a.span.end {
        return false;
    }
    let between: String = chars[a.span.end..b.span.start]
        .iter()
        .filter(|c| !c.is_whitespace())
        .collect();
    lex.list_joiners.contains(&between) || between == ":" || between == "："
}

fn share(chars: &[char], group: &mut [Mention]) {
    let Some(last) = group.last().cloned() else {
        return;
    };
    let first = group[0].clone();
    let respectively = {
        let b = back_space(chars, first.span.start);
        let from = b.saturating_sub(8);
        chars[from..b].iter().collect::<String>().contains("分别")
    };
    let last_trailing = last.qualifier != Qualifier::Exact
        && last.span.end > last.number.end
        && !matches!(last.qualifier, Qualifier::Nearly);
    for m in group.iter_mut() {
        if m.unit.is_none() && last.unit.is_some() {
            m.unit = last.unit;
        }
        if m.fall.is_none() && first.fall.is_some() && m.value > 0.0 {
            m.value = -m.value;
            m.fall.clone_from(&first.fall);
        }
        if respectively && last_trailing && m.qualifier == Qualifier::Exact {
            m.qualifier = last.qualifier;
        }
    }
}

#[cfg(test)]
mod tests;
