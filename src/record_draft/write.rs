//! The drafted data file as text: a record-only file (no report's ceremony), each guess in a
//! comment beside the field it decided, one indicator a value column (and category), one chart a
//! unit.

use std::collections::{BTreeMap, HashSet};
use std::path::{Component, Path, PathBuf};

use super::columns::Columns;
use super::sniff::Sniffed;
use super::time_guess::TimeGuess;
use crate::model::series::TextEncoding;

/// What one table's records are written from (a workbook has one a sheet).
pub struct Plan<'a> {
    /// The sheet of a workbook the table is on.
    pub sheet: Option<&'a str>,
    pub sniffed: &'a Sniffed,
    pub time: &'a TimeGuess,
    pub columns: &'a Columns,
    pub zone: Option<&'a str>,
    /// How the file's bytes were read.
    pub encoding: TextEncoding,
}

/// `text` as comment lines at `pad`: a cell's line breaks (a quoted note) each start a new `//`,
/// so what a file holds can never end a comment early.
fn comment(pad: &str, text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        out.push_str(pad);
        out.push_str("// ");
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// A string as RON writes it, quoted and escaped.
fn q(s: &str) -> String {
    ron::to_string(s).unwrap_or_else(|_| format!("{s:?}"))
}

/// An id from a header: lower-case ASCII letters, digits, Chinese characters (`降水量` stays
/// itself rather than becoming `record_2`) and `_`; other characters dropped.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}') {
            out.push(c);
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_owned()
}

/// Ids made unique by a number: `pm25`, `pm25_2`.
fn unique(base: String, taken: &mut HashSet<String>, fallback: &str) -> String {
    let base = if base.is_empty() {
        fallback.to_owned()
    } else {
        base
    };
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}_{n}");
        n += 1;
    }
    taken.insert(id.clone());
    id
}

/// The data file's text: the records of every table in `plans`, all read from `file` (relative
/// to the data file's folder); `skipped` says which sheets hold no table, and why.
pub fn ron(file: &str, plans: &[Plan<'_>], skipped: &[String]) -> String {
    let stem = Path::new(file)
        .file_stem()
        .map_or_else(|| file.to_owned(), |s| s.to_string_lossy().into_owned());
    let mut s = String::new();
    s.push_str(&format!(
        "// planboard data file drafted by `planboard draft` from the table {file}.\n\
         // A file of monitoring records alone: no issuer, categories or years needed (the years\n\
         // follow the records). Every guess the draft made is in a comment beside what it decided;\n\
         // edit any of them and run `planboard check` on this file.\n"
    ));
    for why in skipped {
        s.push_str(&comment("", &format!("Not drawn: {why}")));
    }
    s.push_str("#![enable(implicit_some)]\nReport(\n");
    s.push_str(&format!(
        "    title: (zh: {}, en: {}),\n",
        q(&stem),
        q(&stem)
    ));
    s.push_str(&format!(
        "    sources: [\n        (\n            id: \"table\",\n            title: (zh: {f}, en: {f}),\n            \
         // Who published the table: the draft cannot know it.\n            \
         issuer: (zh: \"（请填写发布者）\", en: \"(publisher to be filled in)\"),\n            kind: Other,\n        ),\n    ],\n",
        f = q(file)
    ));
    let unit_of = units(plans, &mut s);
    s.push_str("    ],\n    indicators: [\n");
    let mut ids: HashSet<String> = HashSet::new();
    let mut chart_ids: HashSet<String> = HashSet::new();
    let mut charts = String::new();
    let mut pages: Vec<(String, String, Vec<String>)> = Vec::new();
    for (p, unit_of) in plans.iter().zip(&unit_of) {
        let by_unit = indicators(file, p, unit_of, &mut ids, &mut s);
        let mut on_page = Vec::new();
        for (unit, series) in &by_unit {
            let base = match p.sheet {
                Some(sheet) if plans.len() > 1 => format!("chart_{}_{unit}", slug(sheet)),
                _ => format!("chart_{unit}"),
            };
            let id = unique(base, &mut chart_ids, "chart");
            let names: Vec<&str> = series.iter().map(|(_, n)| n.as_str()).collect();
            let title = if names.len() > 3 {
                format!("{} …", names[..3].join(", "))
            } else {
                names.join(", ")
            };
            let (zh, en) = match p.sheet {
                Some(sheet) if plans.len() > 1 => {
                    (format!("{sheet}：{title}"), format!("{sheet}: {title}"))
                }
                _ => (title.clone(), title),
            };
            let list: Vec<String> = series.iter().map(|(i, _)| q(i)).collect();
            charts.push_str(&format!(
                "        // The records in {}, drawn together: one chart a unit.\n        (\n            id: {},\n            title: (zh: {}, en: {}),\n            kind: TimeSeries,\n            series: [{}],\n        ),\n",
                q(unit),
                q(&id),
                q(&zh),
                q(&en),
                list.join(", "),
            ));
            on_page.push(id);
        }
        let (page, title) = match p.sheet {
            Some(sheet) if plans.len() > 1 => (slug(sheet), sheet.to_owned()),
            _ => ("records".to_owned(), stem.clone()),
        };
        let mut taken: HashSet<String> = pages.iter().map(|(id, _, _)| id.clone()).collect();
        pages.push((unique(page, &mut taken, "sheet"), title, on_page));
    }
    s.push_str("    ],\n    charts: [\n");
    s.push_str(&charts);
    s.push_str("    ],\n    pages: [\n");
    for (id, title, charts) in &pages {
        let list: Vec<String> = charts.iter().map(|c| q(c)).collect();
        s.push_str(&format!(
            "        (id: {}, title: (zh: {t}, en: {t}), charts: [{}]),\n",
            q(id),
            list.join(", "),
            t = q(title)
        ));
    }
    s.push_str("    ],\n)\n");
    s
}

/// One table's indicators, written to `s`: one a value column (and category); the ids of each
/// unit's records, with their names, for the charts.
fn indicators(
    file: &str,
    p: &Plan<'_>,
    unit_of: &[Vec<String>],
    ids: &mut HashSet<String>,
    s: &mut String,
) -> BTreeMap<String, Vec<(String, String)>> {
    // Why each field is as it is, said once, above the table's first record: a table of
    // thousands of records (a station and pollutant each) stays a file a person can read.
    let with_why = series_fields(p);
    let mut bare = String::new();
    for line in with_why.lines() {
        if !line.trim_start().starts_with("//") {
            bare.push_str(line);
            bare.push('\n');
        }
    }
    let mut first = true;
    let mut by_unit: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    let categories: Vec<Option<&String>> = match &p.columns.by {
        Some((_, values, _)) => values.iter().map(Some).collect(),
        None => vec![None],
    };
    for (v, units) in p.columns.values.iter().zip(unit_of) {
        for (category, unit) in categories.iter().zip(units) {
            let name = match category {
                Some(c) => format!("{} · {c}", v.name),
                None => v.name.clone(),
            };
            let base = match category {
                Some(c) => format!("{}_{}", slug(&v.name), slug(c)),
                None => slug(&v.name),
            };
            let id = unique(base, ids, "record");
            by_unit
                .entry(unit.clone())
                .or_default()
                .push((id.clone(), name.clone()));
            s.push_str(&format!(
                "        (\n            id: {},\n            name: (zh: {n}, en: {n}),\n            unit: {},\n            series: (\n                file: {},\n",
                q(&id),
                q(unit),
                q(file),
                n = q(&name),
            ));
            if let Some(sheet) = p.sheet {
                s.push_str(&format!("                sheet: {},\n", q(sheet)));
            }
            s.push_str(&format!(
                "                value: {},\n{}",
                q(&v.header),
                if first { &with_why } else { &bare }
            ));
            first = false;
            if let (Some((by, _, _)), Some(c)) = (&p.columns.by, category) {
                s.push_str(&format!(
                    "                by: {},\n                category: {},\n",
                    q(by),
                    q(c)
                ));
            }
            s.push_str("                source: \"table\",\n            ),\n        ),\n");
        }
    }
    by_unit
}

/// The units section: each header's unit once, a unit of its own for a column that names none;
/// the unit id of each value column and category (`[column][category]`), a list for each plan.
/// A long table of several value columns none of which names a unit (`date,hour,type,1001A,…`:
/// a column a station, a row a pollutant) has a unit a category instead: its categories are the
/// quantities, and a chart of one is one pollutant across the stations.
fn units(plans: &[Plan<'_>], s: &mut String) -> Vec<Vec<Vec<String>>> {
    let mut units: BTreeMap<String, (String, String)> = BTreeMap::new();
    let mut unit_ids: HashSet<String> = HashSet::new();
    let mut unit_of: Vec<Vec<Vec<String>>> = Vec::new();
    for p in plans {
        let categories: Vec<Option<&str>> = match &p.columns.by {
            Some((_, values, _)) => values.iter().map(|c| Some(c.as_str())).collect(),
            None => vec![None],
        };
        // Only when the category column names what is measured (`type`, `污染物`): rows a
        // station and columns a pollutant are the other way round, a unit a column.
        let by_category = p.columns.by.as_ref().is_some_and(|(by, _, _)| {
            super::words::words()
                .quantity_headers
                .contains(&by.to_lowercase())
        }) && p.columns.values.iter().all(|v| v.unit.is_none());
        let sheet = p.sheet.unwrap_or_default();
        let mut of_plan = Vec::new();
        for v in &p.columns.values {
            let mut of_column = Vec::new();
            for category in &categories {
                // A column whose header names no unit has one of its own: two such columns may
                // measure different things, and a chart never mixes units.
                let (text, id, why) = match (&v.unit, category) {
                    (Some(u), _) => (
                        u.clone(),
                        slug(u),
                        format!("From the header `{}`.", v.header),
                    ),
                    (None, Some(c)) if by_category => (
                        format!("\u{0}{sheet}\u{0}\u{0}{c}"),
                        format!("{}_unit", slug(c)),
                        format!(
                            "No header names the unit of `{c}`, a value of `{}` (its columns are places or stations): write it here.",
                            p.columns.by.as_ref().map_or("", |b| b.0.as_str())
                        ),
                    ),
                    (None, _) => (
                        format!("\u{0}{sheet}\u{0}{}", v.header),
                        format!("{}_unit", slug(&v.name)),
                        format!("No header names the unit of `{}`: write it here.", v.header),
                    ),
                };
                let id = if let Some((id, _)) = units.get(&text) {
                    id.clone()
                } else {
                    let fallback = if v.unit.is_some() { "unit" } else { "value" };
                    let id = unique(id, &mut unit_ids, fallback);
                    units.insert(text, (id.clone(), why));
                    id
                };
                of_column.push(id);
            }
            of_plan.push(of_column);
        }
        unit_of.push(of_plan);
    }
    s.push_str("    units: [\n");
    let mut declared: Vec<&String> = units.keys().collect();
    declared.sort_by_key(|k| units.get(*k).map(|u| u.0.clone()));
    for text in declared {
        let (id, why) = &units[text];
        let unnamed = text.starts_with('\u{0}');
        let shown = if unnamed { "数值" } else { text.as_str() };
        let shown_en = if unnamed { "value" } else { text.as_str() };
        s.push_str(&comment("        ", why));
        s.push_str(&format!(
            "        (id: {}, zh: {}, en: {}),\n",
            q(id),
            q(shown),
            q(shown_en)
        ));
    }
    unit_of
}

/// The fields every record of the table shares: how its table is written, each with why.
fn series_fields(p: &Plan<'_>) -> String {
    let pad = "                ";
    let mut s = String::new();
    let t = p.time;
    s.push_str(&comment(pad, &t.why));
    if let [one] = t.columns.as_slice() {
        s.push_str(&format!("{pad}time: {},\n", q(one)));
    } else {
        let list: Vec<String> = t.columns.iter().map(|c| q(c)).collect();
        s.push_str(&format!("{pad}time: [{}],\n", list.join(", ")));
    }
    if let Some(f) = &t.format {
        s.push_str(&format!("{pad}format: {},\n", q(f)));
    }
    match p.zone {
        Some(z) => s.push_str(&format!("{pad}time_zone: {},\n", q(z))),
        None => s.push_str(&format!(
            "{pad}// Times without an offset are read in China's time (Asia/Shanghai); name another\n\
             {pad}// zone with time_zone: \"Europe/London\" or \"+01:00\" (--time-zone).\n"
        )),
    }
    let c = p.columns;
    if !c.missing.is_empty() {
        for (_, why) in &c.missing {
            s.push_str(&comment(pad, why));
        }
        let list: Vec<String> = c.missing.iter().map(|(m, _)| q(m)).collect();
        s.push_str(&format!("{pad}missing: [{}],\n", list.join(", ")));
    }
    for (h, why) in &c.skipped {
        s.push_str(&comment(pad, &format!("Column `{h}` is not drawn: {why}.")));
    }
    if p.sniffed.header_line > 1 {
        let why = if p.sheet.is_some() {
            "The header is on this row of the sheet; the rows above it are empty or notes."
        } else {
            "The lines before the header are notes."
        };
        s.push_str(&comment(pad, why));
        s.push_str(&format!("{pad}header_line: {},\n", p.sniffed.header_line));
    }
    if p.sniffed.header_rows > 1 {
        s.push_str(&comment(
            pad,
            &format!(
                "The header is written over {} rows (merged cells above their parts): a column is named by its rows' names, joined with a space.",
                p.sniffed.header_rows
            ),
        ));
        s.push_str(&format!("{pad}header_rows: {},\n", p.sniffed.header_rows));
    }
    // A sheet's cells need no separator.
    if p.sniffed.separator_named && p.sheet.is_none() {
        let sep = match p.sniffed.separator {
            b'\t' => "\\t".to_owned(),
            b => char::from(b).to_string(),
        };
        s.push_str(&format!("{pad}separator: \"{sep}\",\n"));
    }
    // UTF-16 is read by its byte-order mark; GB18030 must be named.
    if p.encoding == TextEncoding::Gb18030 {
        s.push_str(&format!(
            "{pad}// The file is not UTF-8 but reads as GB18030 (GBK), as Excel on Chinese Windows saves a CSV.\n{pad}encoding: \"GB18030\",\n"
        ));
    }
    if c.decimal_comma {
        s.push_str(&format!(
            "{pad}// Numbers are written with a decimal comma (12,5), the cells split by `;`.\n{pad}decimal_comma: true,\n"
        ));
    }
    if let Some((_, _, why)) = &c.by {
        s.push_str(&comment(pad, why));
    }
    s
}

/// `table` as a path relative to the folder of `out`, with `/` between its parts.
pub fn relative(table: &Path, out: &Path) -> String {
    let abs = |p: &Path| -> PathBuf {
        std::fs::canonicalize(p).unwrap_or_else(|_| {
            std::env::current_dir().map_or_else(|_| p.to_owned(), |d| d.join(p))
        })
    };
    let table = abs(table);
    let folder = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| abs(Path::new(".")), abs);
    let a: Vec<Component<'_>> = table.components().collect();
    let b: Vec<Component<'_>> = folder.components().collect();
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut parts: Vec<String> = vec!["..".to_owned(); b.len() - common];
    parts.extend(
        a[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}
