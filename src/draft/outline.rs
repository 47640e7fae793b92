//! The shape of a report: its title, its numbered headings (一、 （一） 1.), which years it reports
//! results for and sets targets for, and which stretches hold no figures (a glossary).
//!
//! Headings decide a figure's kind and year when its sentence does not: "一、2022年主要指标完成情况"
//! opens results for 2022, "四、2023年主要经济指标发展目标" targets for 2023.

use std::collections::HashMap;

use crate::model::PointKind;
use crate::model::lexicon::{Lexicon, starts_with};

/// A numbered heading of the report.
#[derive(Clone, Debug, PartialEq)]
pub struct Heading {
    /// 1 for 一、, 2 for （一）, 3 for 1.
    pub level: u8,
    /// The heading's words as printed, numbering included.
    pub text: String,
    /// Its words without the numbering.
    pub name: String,
    /// Char index where the heading's line starts.
    pub start: usize,
    pub parent: Option<usize>,
    /// What the heading says of the figures under it, if anything.
    pub kind: Option<PointKind>,
    pub year: Option<i32>,
}

/// A report's outline.
#[derive(Clone, Debug, PartialEq)]
pub struct Outline {
    pub headings: Vec<Heading>,
    /// The document's title line, when it has one: its char range. Figures in a title restate the
    /// text's own and are not proposed twice.
    pub title: Option<std::ops::Range<usize>>,
    pub title_text: Option<String>,
    /// The year the report gives results for, and the year it sets targets for.
    pub results_year: i32,
    pub target_year: i32,
    /// The text names no year at all, so the years are this year's (a news item on "今年").
    pub years_from_clock: bool,
    /// Where a glossary or annex starts: no figures after it.
    pub figures_end: usize,
    /// A publication date found near the top (2023年4月26日, 发布时间:2023-04-03), as YYYY-MM-DD.
    pub published: Option<String>,
}

impl Outline {
    /// The innermost heading over char `at`.
    pub fn heading_at(&self, at: usize) -> Option<usize> {
        match self.headings.binary_search_by_key(&at, |h| h.start) {
            Ok(i) => Some(i),
            Err(0) => None,
            Err(i) => Some(i - 1),
        }
    }

    /// The headings from `h` up to the top.
    pub fn chain(&self, h: Option<usize>) -> impl Iterator<Item = &Heading> {
        std::iter::successors(h, |&i| self.headings[i].parent).map(|i| &self.headings[i])
    }
}

/// Read the outline of `chars`.
pub fn outline(chars: &[char], lex: &Lexicon) -> Outline {
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
        let Some((level, body)) = heading_level(trimmed) else {
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
            kind: kind_of(&name, lex),
            name,
            start: line.start,
            parent,
        });
    }
    drop_contents_lists(chars, &mut headings);
    let (results_year, target_year) = years(chars, &headings, title_text.as_deref(), lex);
    let years_from_clock = years_at(chars, 0, chars.len()).next().is_none();
    Outline {
        headings,
        title,
        title_text,
        results_year,
        target_year,
        years_from_clock,
        figures_end,
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
    let cjk = line.chars().filter(|c| super::decode::is_cjk(*c)).count();
    (6..=80).contains(&n) && cjk >= 6 && !line.contains('。') && !line.starts_with("——")
}

/// The numbering level of a heading line and the words after the numbering.
fn heading_level(line: &str) -> Option<(u8, &str)> {
    let chinese_numeral = |c: char| "一二三四五六七八九十".contains(c);
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
        for mark in ["部分", "章", "节"] {
            if let Some(body) = rest.strip_prefix(mark) {
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

fn kind_of(name: &str, lex: &Lexicon) -> Option<PointKind> {
    if lex
        .target_headings
        .iter()
        .any(|w| name.contains(w.as_str()))
    {
        Some(PointKind::Target)
    } else if lex
        .results_headings
        .iter()
        .any(|w| name.contains(w.as_str()))
    {
        Some(PointKind::Actual)
    } else {
        None
    }
}

/// The results year and the target year: votes from headings and the title (strong) and from
/// years followed by results or target words in the text; the most named year otherwise.
fn years(chars: &[char], headings: &[Heading], title: Option<&str>, lex: &Lexicon) -> (i32, i32) {
    let mut results: HashMap<i32, u32> = HashMap::new();
    let mut targets: HashMap<i32, u32> = HashMap::new();
    let mut named: HashMap<i32, u32> = HashMap::new();
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
            if lex
                .target_headings
                .iter()
                .any(|w| after.contains(w.as_str()))
                || after.contains("蓝图")
            {
                *targets.entry(y).or_default() += 3;
            } else if lex
                .results_headings
                .iter()
                .any(|w| after.contains(w.as_str()))
                || after.contains("执行")
            {
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
        let target_word = ["目标", "计划", "安排", "蓝图", "任务", "草案"]
            .iter()
            .any(|w| after.contains(w));
        let result_word = ["完成", "回顾", "执行", "成效", "实现", "达到"]
            .iter()
            .any(|w| after.contains(w));
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
        (None, None) => match best(&named) {
            Some(y) => (y, y + 1),
            // A text that names no year at all (a news item on "今年"'s targets): this year.
            None => {
                let y = this_year();
                (y - 1, y)
            }
        },
    }
}

/// The calendar year now (UTC+8, as the reports are dated).
fn this_year() -> i32 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
        + 8 * 3600;
    // Days since 1970-01-01 to a civil year (Howard Hinnant's algorithm).
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2)) as i32
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

/// Whether `chars[at..]` starts with one of `words`.
pub fn starts_with_any(chars: &[char], at: usize, words: &[String]) -> Option<usize> {
    words.iter().find_map(|w| starts_with(chars, at, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_years_and_dates() {
        let text = "关于某区2022年国民经济和社会发展计划执行情况与2023年计划草案的报告\n\
                    一、2022年主要指标完成情况\n地区生产总值同比增长 3%。\n\
                    （一）改革攻坚系统推进\n1. 改革工作成效明显。谋划推进 23 个事项。\n\
                    四、2023 年主要经济指标发展目标\n增长 7%左右。\n名词解释\n1. 双区：指 2 个区";
        let chars: Vec<char> = text.chars().collect();
        let o = outline(&chars, Lexicon::embedded());
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
