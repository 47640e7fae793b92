//! The shape of a report: its title, its numbered headings (一、 （一） 1.), which years it reports
//! results for and sets targets for, and which stretches hold no figures (a glossary).
//!
//! Headings decide a figure's kind and year when its sentence does not: "一、2022年主要指标完成情况"
//! opens results for 2022, "四、2023年主要经济指标发展目标" targets for 2023.

use super::kind::{heading_kind, report_years, year_in, years_at};
pub use super::shape::{Heading, Outline};
use crate::model::lexicon::{Lexicon, is_cjk};

/// Read the outline of `chars`.
/// `anchor`: the year the report was delivered or given in (see [`super::dated`]), which makes it
/// the target year and the year before the results year.
pub fn outline(chars: &[char], lex: &Lexicon, anchor: Option<i32>) -> Outline {
    let lines = lines(chars);
    let mut headings: Vec<Heading> = Vec::new();
    let mut figures_end = chars.len();
    let mut title = None;
    let mut title_text = None;
    let mut published = None;
    let mut last_numbered = 0;
    for (n, line) in lines.iter().enumerate() {
        let text: String = chars[line.clone()].iter().collect();
        let trimmed = text.trim();
        if title.is_none() && n < 3 && is_title(trimmed) {
            let lead = text.len() - text.trim_start().len();
            let start = line.start + text[..lead].chars().count();
            title = Some(start..start + trimmed.chars().count());
            title_text = Some(trimmed.to_owned());
        }
        if published.is_none() && line.start < 1500 {
            published = date_in(trimmed);
        }
        if trimmed.chars().count() <= 12
            && lex
                .skip_headings
                .iter()
                .any(|w| trimmed.contains(w.as_str()))
        {
            figures_end = figures_end.min(line.start);
        }
        let Some((level, body)) = heading_level(trimmed, lex) else {
            continue;
        };
        // A list numbered from 1 again under the same heading, of terms and their definitions
        // (1. **双区**：指…), is a glossary.
        if level == 3 {
            let number: u32 = trimmed
                .chars()
                .take_while(char::is_ascii_digit)
                .filter_map(|c| c.to_digit(10))
                .fold(0, |n, d| n * 10 + d);
            let restarts = number == 1 && last_numbered > 1;
            if restarts && (trimmed.contains('：') || trimmed.contains("**")) {
                figures_end = figures_end.min(line.start);
            }
            last_numbered = number;
        } else {
            last_numbered = 0;
        }
        // A numbered paragraph's heading is its first sentence ("1. “双区”建设扎实开展。成立…").
        let name: String = body
            .split(['。', '：', ':'])
            .next()
            .unwrap_or_default()
            .trim()
            .to_owned();
        let name_len = name.chars().count();
        if name_len == 0 || name_len > 40 || (level < 3 && trimmed.chars().count() > 60) {
            continue;
        }
        if lex.skip_headings.iter().any(|w| name.contains(w.as_str())) {
            figures_end = figures_end.min(line.start);
        }
        let parent = headings.iter().rposition(|h| h.level < level);
        let prefix_len = trimmed.chars().count() - body.chars().count();
        let shown: String = trimmed
            .chars()
            .take(prefix_len + name_len)
            .collect::<String>();
        headings.push(Heading {
            level,
            text: shown,
            year: year_in(&name),
            kind: heading_kind(&name, lex),
            name,
            start: line.start,
            parent,
        });
    }
    drop_contents_lists(chars, &mut headings);
    let (results_year, target_year) =
        report_years(chars, &headings, title_text.as_deref(), lex, anchor);
    let years_from_clock = anchor.is_none() && years_at(chars, 0, chars.len()).next().is_none();
    let periods = super::span::period_marks(chars, &headings, lex, (results_year, target_year));
    Outline {
        headings,
        title,
        title_text,
        results_year,
        target_year,
        years_from_clock,
        figures_end,
        periods,
        published,
    }
}

/// Headings listed one after another with nothing between them ("报告分为两大部分：一、2023年工作
///回顾 二、2024年目标任务") are a list of contents, not the sections the text is under: they go.
fn drop_contents_lists(chars: &[char], headings: &mut Vec<Heading>) {
    let line_end = |start: usize| {
        chars[start..]
            .iter()
            .position(|c| *c == '\n')
            .map_or(chars.len(), |p| start + p)
    };
    let mut listed = vec![false; headings.len()];
    for i in 0..headings.len().saturating_sub(1) {
        let (a, b) = (&headings[i], &headings[i + 1]);
        let between = &chars[line_end(a.start).min(b.start)..b.start];
        if a.level == b.level && between.iter().all(|c| c.is_whitespace()) {
            listed[i] = true;
            listed[i + 1] = true;
        }
    }
    if listed.iter().any(|l| *l) {
        let mut k = 0;
        headings.retain(|_| {
            k += 1;
            !listed[k - 1]
        });
        // Parents point into the list as it was: find them again.
        for i in 0..headings.len() {
            let level = headings[i].level;
            headings[i].parent = headings[..i].iter().rposition(|h| h.level < level);
        }
    }
}

/// Char ranges of the lines of `chars`.
fn lines(chars: &[char]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in chars.iter().enumerate() {
        if *c == '\n' {
            out.push(start..i);
            start = i + 1;
        }
    }
    out.push(start..chars.len());
    out
}

/// A first line that names the document: short, no sentence end, some Chinese.
fn is_title(line: &str) -> bool {
    let n = line.chars().count();
    let cjk = line.chars().filter(|c| is_cjk(*c)).count();
    (6..=80).contains(&n) && cjk >= 6 && !line.contains('。') && !line.starts_with("——")
}

/// The numbering level of a heading line and the words after the numbering.
fn heading_level<'l>(line: &'l str, lex: &Lexicon) -> Option<(u8, &'l str)> {
    let mut chars = line.char_indices();
    let (_, first) = chars.next()?;
    if chinese_numeral(first) {
        let end = line.find(|c: char| !chinese_numeral(c))?;
        let rest = &line[end..];
        return rest.strip_prefix('、').map(|body| (1, body.trim_start()));
    }
    if let Some(rest) = line.strip_prefix('第') {
        let end = rest.find(|c: char| !chinese_numeral(c))?;
        let rest = &rest[end..];
        for mark in &lex.part_marks {
            if let Some(body) = rest.strip_prefix(mark.as_str()) {
                return Some((1, body.trim_start()));
            }
        }
        return None;
    }
    if first == '（' || first == '(' {
        let rest = &line[first.len_utf8()..];
        let end = rest.find(|c: char| !chinese_numeral(c))?;
        if end == 0 {
            return None;
        }
        let rest = &rest[end..];
        return rest
            .strip_prefix('）')
            .or_else(|| rest.strip_prefix(')'))
            .map(|body| (2, body.trim_start()));
    }
    if first.is_ascii_digit() {
        let end = line.find(|c: char| !c.is_ascii_digit())?;
        let rest = &line[end..];
        let body = rest
            .strip_prefix(". ")
            .or_else(|| rest.strip_prefix('．'))
            .or_else(|| rest.strip_prefix('、'))
            .or_else(|| {
                rest.strip_prefix('.')
                    .filter(|b| !b.starts_with(|c: char| c.is_ascii_digit()))
            })?;
        return Some((3, body.trim_start()));
    }
    None
}

/// A date near the top of a report: 2023年4月26日 or 2023-04-03, as YYYY-MM-DD.
fn date_in(line: &str) -> Option<String> {
    let chars: Vec<char> = line.chars().collect();
    for i in 0..chars.len() {
        let num = |from: usize, max: usize| -> Option<(u32, usize)> {
            let mut k = from;
            let mut v = 0;
            while k < chars.len() && k - from < max && chars[k].is_ascii_digit() {
                v = v * 10 + chars[k].to_digit(10)?;
                k += 1;
            }
            (k > from).then_some((v, k))
        };
        if i > 0 && chars[i - 1].is_ascii_digit() {
            continue;
        }
        let Some((y, k)) = num(i, 4) else { continue };
        if !(2000..2100).contains(&y) || k - i != 4 {
            continue;
        }
        let (sep1, sep2, end) = match chars.get(k) {
            Some('年') => ('年', '月', Some('日')),
            Some('-') => ('-', '-', None),
            _ => continue,
        };
        let _ = sep1;
        let Some((m, k2)) = num(k + 1, 2) else {
            continue;
        };
        if chars.get(k2) != Some(&sep2) {
            continue;
        }
        let Some((d, k3)) = num(k2 + 1, 2) else {
            continue;
        };
        if end.is_some_and(|e| chars.get(k3) != Some(&e)) {
            continue;
        }
        if (1..=12).contains(&m) && (1..=31).contains(&d) {
            return Some(format!("{y}-{m:02}-{d:02}"));
        }
    }
    None
}

/// A numeral of a heading's or a list's numbering (一、 （三） 第十章): notation, like a digit.
pub fn chinese_numeral(c: char) -> bool {
    "一二三四五六七八九十".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PointKind;

    #[test]
    fn headings_years_and_dates() {
        let text = "关于某区2022年国民经济和社会发展计划执行情况与2023年计划草案的报告\n\
                    一、2022年主要指标完成情况\n地区生产总值同比增长 3%。\n\
                    （一）改革攻坚系统推进\n1. 改革工作成效明显。谋划推进 23 个事项。\n\
                    四、2023 年主要经济指标发展目标\n增长 7%左右。\n名词解释\n1. 双区：指 2 个区";
        let chars: Vec<char> = text.chars().collect();
        let o = outline(&chars, Lexicon::embedded(), None);
        assert_eq!((o.results_year, o.target_year), (2022, 2023));
        let levels: Vec<u8> = o.headings.iter().map(|h| h.level).collect();
        assert_eq!(levels, [1, 2, 3, 1, 3]);
        assert_eq!(o.headings[2].name, "改革工作成效明显");
        assert_eq!(o.headings[2].parent, Some(1));
        assert_eq!(o.headings[0].kind, Some(PointKind::Actual));
        assert_eq!(o.headings[3].kind, Some(PointKind::Target));
        assert_eq!(o.headings[3].year, Some(2023));
        assert!(o.figures_end < chars.len());
        assert!(o.title.is_some());
        assert_eq!(
            date_in("——2023年4月26日在长治市"),
            Some("2023-04-26".into())
        );
        assert_eq!(
            date_in("发布时间:2023-04-03 16:12"),
            Some("2023-04-03".into())
        );
    }
}
