//! Semantic checks on a parsed report. Each problem carries the path of the value at fault, so the
//! loader can turn it into file:line:column.

mod categories;
mod charts;
mod indicators;
mod pages;
mod records;
mod sources;
mod units;

use std::collections::HashSet;

use super::locate::Path;
use super::{Basis, Msg, PointKind, Report};
use crate::path;

/// The largest magnitude a value may have. Plan figures are far below it (the largest here is
/// 1391亿元 = 1.391e11); beyond it the axis arithmetic and the rasterizer's fixed point lose meaning.
pub(super) const MAX_MAGNITUDE: f64 = 1e15;

/// Every problem of one file on its own, not only the first, in document order where practical:
/// what it declares (sources, categories, units) and its indicators. Each concern has its own file.
pub fn validate_file(report: &Report) -> Vec<(Path, Msg)> {
    let mut problems = Vec::new();
    let mut fail = |path: Path, msg: Msg| problems.push((path, msg));

    if !report.years.is_unset() && report.years.first > report.years.last {
        let (first, last) = (report.years.first, report.years.last);
        fail(
            path!["years"],
            Msg::new(
                format!("years run backwards ({first} to {last}); expected first <= last"),
                format!("年份范围首尾颠倒（{first} 至 {last}）；first 应不大于 last"),
            ),
        );
    }
    check_text(&mut fail, path!["title"], &report.title);
    // A file of monitoring records alone needs no report's ceremony: no issuer.
    if !(report.is_record_only() && report.issuer == crate::model::Text::empty()) {
        check_text(&mut fail, path!["issuer"], &report.issuer);
    }

    sources::check_sources(report, &mut fail);
    categories::check_categories(report, &mut fail);
    units::check_units(report, &mut fail);
    indicators::check_indicators(report, &mut fail);

    problems.sort_by_key(|(path, _)| path_order(report, path));
    problems
}

/// The figures of a report that cannot be valid, as (indicator index, point index, what is
/// wrong): what a draft leaves out, with a warning, rather than failing whole.
pub fn invalid_points(report: &Report) -> Vec<(usize, usize, Msg)> {
    use super::locate::Seg;
    validate_file(report)
        .into_iter()
        .filter_map(|(path, msg)| match path.as_slice() {
            [
                Seg::Field(a),
                Seg::Index(i),
                Seg::Field(b),
                Seg::Index(p),
                ..,
            ] if a == "indicators" && b == "points" => Some((*i, *p, msg)),
            _ => None,
        })
        .collect()
}

/// Every problem of the charts and pages of a merged report, whose charts may draw indicators of
/// any of its files.
pub fn validate_views(report: &Report) -> Vec<(Path, Msg)> {
    let mut problems = Vec::new();
    let mut fail = |path: Path, msg: Msg| problems.push((path, msg));
    charts::check_charts(report, &mut fail);
    pages::check_pages(report, &mut fail);
    problems.sort_by_key(|(path, _)| path_order(report, path));
    problems
}

/// Sort key: problems are found section by section; report them in the order of the file's
/// sections as written (title, units, indicators, charts, pages).
fn path_order(_report: &Report, path: &Path) -> Vec<usize> {
    use super::locate::Seg;
    path.iter()
        .map(|seg| match seg {
            Seg::Index(i) => *i,
            Seg::Field(f) => match f.as_str() {
                "years" => 0,
                "title" => 1,
                "issuer" => 2,
                "sources" => 3,
                "categories" => 4,
                "units" => 5,
                "indicators" => 6,
                "charts" => 7,
                "pages" => 8,
                _ => 9,
            },
        })
        .collect()
}

/// What a kind of thing is called in each language: ("indicator", "指标").
pub(super) type Noun = (&'static str, &'static str);

/// Every item of `section` has an id (`id` reads it) that is non-empty, plain and unique: the first
/// rule of every section, before its items' own.
pub(super) fn check_ids<'a, T>(
    items: &'a [T],
    section: &'static str,
    noun: Noun,
    id: impl Fn(&'a T) -> &'a str,
    fail: &mut impl FnMut(Path, Msg),
) {
    let mut seen = HashSet::new();
    for (i, item) in items.iter().enumerate() {
        check_id(fail, path![section, i, "id"], id(item), noun, &mut seen);
    }
}

pub(super) fn check_id<'a>(
    fail: &mut impl FnMut(Path, Msg),
    at: Path,
    id: &'a str,
    (what, what_zh): Noun,
    seen: &mut HashSet<&'a str>,
) {
    if id.trim().is_empty() {
        fail(
            at,
            Msg::new(
                format!("{what} id is empty; expected a short stable id such as `gdp`"),
                format!("{what_zh}的 id 为空；应为简短、稳定的 id，如 `gdp`"),
            ),
        );
    } else if id.chars().any(char::is_control) {
        let id = id.escape_debug();
        fail(
            at,
            Msg::new(
                format!("{what} id `{id}` holds a control character; expected a plain id"),
                format!("{what_zh} id `{id}` 含有控制字符；应为普通的 id"),
            ),
        );
    } else if !seen.insert(id) {
        fail(
            at,
            Msg::new(
                format!("duplicate {what} id `{id}`; expected every {what} id to be unique"),
                format!("{what_zh} id `{id}` 重复；每个{what_zh}的 id 应唯一"),
            ),
        );
    }
}

pub(super) fn check_text(fail: &mut impl FnMut(Path, Msg), at: Path, text: &crate::model::Text) {
    if text.zh.trim().is_empty() || text.en.trim().is_empty() {
        fail(
            at,
            Msg::new(
                "text is empty; expected both zh and en",
                "文字为空；应同时写有 zh 和 en",
            ),
        );
    }
}

/// Ids in backticks, in both languages: "`a`, `b`" and "`a`、`b`".
pub(super) fn list<'a>(items: impl Iterator<Item = &'a str>) -> Msg {
    let items: Vec<String> = items.map(|s| format!("`{s}`")).collect();
    Msg::new(items.join(", "), items.join("、"))
}

/// " (did you mean `gdp`?)" when an id is a likely typo of an existing one.
pub(super) fn suggestion<'a>(wrong: &str, ids: impl Iterator<Item = &'a str>) -> Msg {
    ids.map(|id| (edit_distance(wrong, id), id))
        .filter(|(d, id)| *d <= 2.max(id.len() / 4))
        .min()
        .map_or_else(
            || Msg::new("", ""),
            |(_, id)| {
                Msg::new(
                    format!(" (did you mean `{id}`?)"),
                    format!("（是否想写 `{id}`？）"),
                )
            },
        )
}

/// A kind of figure in Chinese, after a year ("2022年完成值"), in the window's words.
pub(in crate::model) fn kind_zh(kind: PointKind) -> &'static str {
    match kind {
        PointKind::Actual => "完成值",
        PointKind::Target => "目标值",
        PointKind::Baseline => "起点值",
    }
}

/// A basis in Chinese, as the window names it, with the id the English message uses.
pub(in crate::model) fn basis_zh(basis: Basis) -> String {
    let names = basis.names();
    format!("{}（{}）", names.zh, names.id)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}
