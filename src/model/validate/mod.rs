//! Semantic checks on a parsed report. Each problem carries the path of the value at fault, so the
//! loader can turn it into file:line:column.

mod categories;
mod charts;
mod indicators;
mod pages;
mod sources;
mod units;

use std::collections::HashSet;

use super::Report;
use super::locate::Path;
use crate::path;

/// The largest magnitude a value may have. Plan figures are far below it (the largest here is
/// 1391亿元 = 1.391e11); beyond it the axis arithmetic and the rasterizer's fixed point lose meaning.
pub(super) const MAX_MAGNITUDE: f64 = 1e15;

/// Every problem of one file on its own, not only the first, in document order where practical:
/// what it declares (sources, categories, units) and its indicators. Each concern has its own file.
pub fn validate_file(report: &Report) -> Vec<(Path, String)> {
    let mut problems = Vec::new();
    let mut fail = |path: Path, msg: String| problems.push((path, msg));

    if report.years.first > report.years.last {
        fail(
            path!["years"],
            format!(
                "years run backwards ({} to {}); expected first <= last",
                report.years.first, report.years.last
            ),
        );
    }
    check_text(&mut fail, path!["title"], &report.title);
    check_text(&mut fail, path!["issuer"], &report.issuer);

    sources::check_sources(report, &mut fail);
    categories::check_categories(report, &mut fail);
    units::check_units(report, &mut fail);
    indicators::check_indicators(report, &mut fail);

    problems.sort_by_key(|(path, _)| path_order(report, path));
    problems
}

/// Every problem of the charts and pages of a merged report, whose charts may draw indicators of
/// any of its files.
pub fn validate_views(report: &Report) -> Vec<(Path, String)> {
    let mut problems = Vec::new();
    let mut fail = |path: Path, msg: String| problems.push((path, msg));
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

pub(super) fn check_id<'a>(
    fail: &mut impl FnMut(Path, String),
    at: Path,
    id: &'a str,
    what: &str,
    seen: &mut HashSet<&'a str>,
) {
    if id.trim().is_empty() {
        fail(
            at,
            format!("{what} id is empty; expected a short stable id such as `gdp`"),
        );
    } else if id.chars().any(char::is_control) {
        fail(
            at,
            format!(
                "{what} id `{}` holds a control character; expected a plain id",
                id.escape_debug()
            ),
        );
    } else if !seen.insert(id) {
        fail(
            at,
            format!("duplicate {what} id `{id}`; expected every {what} id to be unique"),
        );
    }
}

pub(super) fn check_text(fail: &mut impl FnMut(Path, String), at: Path, text: &crate::model::Text) {
    if text.zh.trim().is_empty() || text.en.trim().is_empty() {
        fail(at, "text is empty; expected both zh and en".to_owned());
    }
}

pub(super) fn list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// " (did you mean `gdp`?)" when an id is a likely typo of an existing one.
pub(super) fn suggestion<'a>(wrong: &str, ids: impl Iterator<Item = &'a str>) -> String {
    ids.map(|id| (edit_distance(wrong, id), id))
        .filter(|(d, id)| *d <= 2.max(id.len() / 4))
        .min()
        .map(|(_, id)| format!(" (did you mean `{id}`?)"))
        .unwrap_or_default()
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
