//! Tables as a statistics bulletin prints them once extracted to text: cells separated by `|`
//! (one row a line, or one cell a line), a header row whose cells carry the units ("播种面积（亩）",
//! "比上年增长%"), or a unit for the whole table ("单位：亿元"), or a unit column ("计量单位": 万头).
//! Every number cell becomes a figure named by its row and column, in the unit its header gives.

use std::ops::Range;

use super::kind::table_year;
use super::outline::Outline;
use super::proposed::Proposed;
use crate::model::lexicon::Lexicon;
use crate::model::numbers::scale_of;
use crate::model::{Basis, PointKind, Qualifier};

/// One cell of a table: its trimmed text and where it stands.
#[derive(Clone, Debug)]
struct Raw {
    text: String,
    range: Range<usize>,
}

/// Every table of `chars`: the figures of their cells, and the char ranges they cover (which the
/// prose reader leaves alone).
pub fn read(
    chars: &[char],
    outline: &Outline,
    lex: &Lexicon,
) -> (Vec<Proposed>, Vec<Range<usize>>) {
    let mut figures = Vec::new();
    let mut covered = Vec::new();
    for region in regions(chars) {
        let mut raw = split(chars, region.clone());
        // "单位：%" on one of the two lines above the table is its unit.
        let above = chars[..region.start]
            .iter()
            .rev()
            .skip(1)
            .take_while(|c| **c != '\n')
            .count();
        let line_start = region.start.saturating_sub(above + 1);
        let line: String = chars[line_start..region.start].iter().collect();
        let line = line.trim();
        if labelled(line, &lex.table_unit_notes).is_some() {
            raw.insert(
                0,
                Raw {
                    text: line.chars().filter(|c| !c.is_whitespace()).collect(),
                    range: line_start..line_start,
                },
            );
        }
        let mut start = 0;
        let mut any = false;
        while start < raw.len() {
            let (found, next) = table(&raw[start..], outline, lex);
            any |= !found.is_empty();
            figures.extend(found);
            if next == 0 {
                break;
            }
            start += next;
        }
        if any {
            // From the first cell: prose before it on the same line is read as prose.
            let start = raw.first().map_or(region.start, |c| c.range.start);
            covered.push(start..region.end);
        }
    }
    (figures, covered)
}

/// Runs of lines that hold `|` (with the lines between two such lines: one cell a line), at
/// least three bars in all.
fn regions(chars: &[char]) -> Vec<Range<usize>> {
    let mut lines: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    for (i, c) in chars.iter().enumerate() {
        if *c == '\n' {
            lines.push(start..i);
            start = i + 1;
        }
    }
    lines.push(start..chars.len());
    let bars = |l: &Range<usize>| chars[l.clone()].iter().filter(|c| **c == '|').count();
    let mut out = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        if bars(&lines[k]) == 0 {
            k += 1;
            continue;
        }
        let first = k;
        let mut last = k;
        let mut count = 0;
        let mut m = k;
        while m < lines.len() {
            let b = bars(&lines[m]);
            if b > 0 {
                count += b;
                last = m;
            } else if lines.get(m + 1).is_none_or(|l| bars(l) == 0) {
                break;
            }
            m += 1;
        }
        if count >= 3 {
            out.push(lines[first].start..lines[last].end);
        }
        k = m.max(k + 1);
    }
    out
}

/// The cells of a region, split at `|`, trimmed, empty ones dropped.
fn split(chars: &[char], region: Range<usize>) -> Vec<Raw> {
    let mut out = Vec::new();
    let mut from = region.start;
    for i in region.start..=region.end {
        if i < region.end && chars[i] != '|' {
            continue;
        }
        let mut a = from;
        let mut b = i;
        while a < b && chars[a].is_whitespace() {
            a += 1;
        }
        while b > a && chars[b - 1].is_whitespace() {
            b -= 1;
        }
        // A cell that runs on from prose (…上缴烟叶税0.44亿元。 表1 … 产品名称) starts after the
        // last sentence end or space in it: the prose stays outside the table.
        if b - a > 30
            && let Some(cut) = chars[a..b]
                .iter()
                .rposition(|c| c.is_whitespace() || matches!(c, '。' | '；' | '：' | ':'))
        {
            a += cut + 1;
        }
        if b > a {
            out.push(Raw {
                text: chars[a..b].iter().filter(|c| !c.is_whitespace()).collect(),
                range: a..b,
            });
        }
        from = i + 1;
    }
    out
}

/// The rest of `text` after one of `words` and a colon ("单位：亿元" → "亿元").
fn labelled<'t>(text: &'t str, words: &[String]) -> Option<&'t str> {
    words.iter().find_map(|w| {
        text.strip_prefix(w.as_str())
            .and_then(|rest| rest.strip_prefix([':', '：']))
    })
}

/// A cell's number: digits with a sign and a decimal point, nothing else.
fn number(text: &str) -> Option<f64> {
    let t = text.replace(',', "");
    let body = t.strip_prefix(['-', '−', '－']).unwrap_or(&t);
    if body.is_empty() || !body.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    let v: f64 = body.parse().ok()?;
    Some(if body.len() == t.len() { v } else { -v })
}

/// The unit named in a header cell: in brackets (播种面积（亩）), or a trailing % (比上年增长%).
fn header_unit(text: &str) -> Option<String> {
    let open = text.rfind(['（', '(', '\u{FE59}']);
    if let Some(open) = open {
        let rest = &text[open..];
        let inner: String = rest
            .chars()
            .skip(1)
            .take_while(|c| !matches!(c, '）' | ')' | '\u{FE5A}'))
            .collect();
        if !inner.is_empty() {
            return Some(inner);
        }
    }
    text.ends_with(['%', '％']).then(|| "%".to_owned())
}

/// A unit as printed (亿元, 万头, %) in the lexicon: its index, after the scale word.
fn lexicon_unit(unit: &str, lex: &Lexicon) -> Option<usize> {
    let chars: Vec<char> = unit.chars().collect();
    let skip = chars
        .iter()
        .take_while(|c| matches!(c, '千' | '百' | '万' | '亿'))
        .count();
    // 千瓦, 百分点: a unit that starts with 千 or 百 is itself.
    for at in [skip, 0] {
        if let Some((u, n)) = lex.unit_at(&chars, at)
            && at + n == chars.len()
            && (at == 0 || scale_of(unit) > 1.0)
        {
            return Some(u);
        }
    }
    None
}

/// How many rows of `n` cells follow the pattern of the first: a label that is not a number, and
/// numbers (or a dash for none) in the same columns.
fn rows_of(cells: &[&Raw], n: usize) -> usize {
    let numeric = |c: &Raw| number(&c.text).is_some() || matches!(c.text.as_str(), "-" | "—" | "…");
    let Some(first) = cells.get(..n) else {
        return 0;
    };
    let pattern: Vec<bool> = first.iter().map(|c| numeric(c)).collect();
    if pattern[0] || !pattern[1..].iter().any(|p| *p) {
        return 0;
    }
    cells
        .chunks(n)
        .take_while(|row| {
            row.len() == n && row.iter().map(|c| numeric(c)).collect::<Vec<_>>() == pattern
        })
        .count()
}

/// The figures of the table the cells start with, and how many cells it took (0: no table).
fn table(raw: &[Raw], outline: &Outline, lex: &Lexicon) -> (Vec<Proposed>, usize) {
    match table_cells(raw, outline, lex) {
        Some((figures, used)) => (figures, used),
        None => (Vec::new(), 0),
    }
}

/// The figures of the table the cells start with, and how many cells it took; `None` when the
/// cells make no table.
fn table_cells(raw: &[Raw], outline: &Outline, lex: &Lexicon) -> Option<(Vec<Proposed>, usize)> {
    let (cells, table_unit) = without_unit_notes(raw, lex);
    let (n, rows_at) = header_shape(&cells)?;
    let header: Vec<&Raw> = cells[rows_at - n..rows_at].to_vec();
    let unit_column = header.iter().position(|h| {
        lex.table_unit_notes
            .iter()
            .any(|w| h.text.contains(w.as_str()))
    });
    let at = cells.get(rows_at)?.range.start;
    let heading = outline.heading_at(at);
    let table = Table {
        lex,
        header,
        unit_column,
        unit: table_unit,
        year: table_year(outline, heading),
        heading,
    };
    let rows = rows_of(&cells[rows_at..], n);
    let used = rows_at + rows * n;
    let out = cells[rows_at..used]
        .chunks(n)
        .flat_map(|row| table.row(row))
        .collect();
    // Cells are counted in the table's own list, less the unit notes taken out of it.
    let used = raw
        .iter()
        .position(|r| cells.get(used).is_some_and(|c| std::ptr::eq(*c, r)))
        .unwrap_or(raw.len());
    Some((out, used))
}

/// The cells without the table's unit notes (单位：亿元), and the unit the last of them names.
fn without_unit_notes<'r>(raw: &'r [Raw], lex: &Lexicon) -> (Vec<&'r Raw>, Option<String>) {
    let mut cells: Vec<&Raw> = Vec::new();
    let mut table_unit: Option<String> = None;
    for c in raw {
        match labelled(&c.text, &lex.table_unit_notes) {
            Some(u) if !u.is_empty() => table_unit = Some(u.to_owned()),
            _ => cells.push(c),
        }
    }
    (cells, table_unit)
}

/// The header's width and where the rows start: the choice under which the most cells read as
/// rows of one pattern (a label, then numbers where the first row has them). Cells before the
/// header are the table's title. `None` when no choice gives a row.
fn header_shape(cells: &[&Raw]) -> Option<(usize, usize)> {
    let first_number = cells.iter().position(|c| number(&c.text).is_some())?;
    let (n, rows_at, _) = (2..=10)
        .flat_map(|n| [1, 2].map(|back| (n, back)))
        .filter_map(|(n, back)| {
            let at = first_number.checked_sub(back)?;
            (at >= n).then(|| (n, at, rows_of(&cells[at..], n)))
        })
        .max_by_key(|(n, _, rows)| (rows * n, usize::MAX - n))?;
    if rows_of(&cells[rows_at..], n) == 0 {
        return None;
    }
    Some((n, rows_at))
}

/// What a table's cells are read with: its header, which column holds units, the unit of the
/// whole table, and its year and heading.
struct Table<'a> {
    lex: &'a Lexicon,
    header: Vec<&'a Raw>,
    unit_column: Option<usize>,
    /// The whole table's unit, when a note above it gives one (单位：亿元).
    unit: Option<String>,
    year: i32,
    heading: Option<usize>,
}

impl Table<'_> {
    /// A row's figures: one a number cell, named by the row's label (其中：农业 and #农业 are rows
    /// of a part) and the column.
    fn row(&self, row: &[&Raw]) -> Vec<Proposed> {
        let label = labelled(&row[0].text, &self.lex.table_part_rows)
            .unwrap_or(&row[0].text)
            .trim_start_matches('#')
            .to_owned();
        row.iter()
            .enumerate()
            .skip(1)
            .filter(|(j, _)| Some(*j) != self.unit_column)
            .filter_map(|(j, cell)| self.cell(row, &label, j, cell))
            .collect()
    }

    /// The figure of the row's `j`th cell, if it is a number with a unit the lexicon knows.
    fn cell(&self, row: &[&Raw], label: &str, j: usize, cell: &Raw) -> Option<Proposed> {
        let lex = self.lex;
        let v = number(&cell.text)?;
        let head = &self.header[j].text;
        // The unit: the column's (产量（吨）), a unit column's (计量单位), the row's (造林面积（万亩）),
        // or the whole table's (单位：亿元).
        let unit_text = match self.unit_column {
            Some(u) if header_unit(head).is_none() => Some(row[u].text.clone()),
            _ => header_unit(head)
                .or_else(|| header_unit(&row[0].text))
                .or_else(|| self.unit.clone()),
        }?;
        let unit = lexicon_unit(&unit_text, lex)?;
        let growth = lex
            .table_change_columns
            .iter()
            .any(|w| head.contains(w.as_str()));
        let percent = lex.units[unit].percent;
        let basis = match (growth, percent) {
            (true, true) => Basis::YearOnYear,
            (true, false) => Basis::NewInYear,
            (false, true) => Basis::Rate,
            (false, false) => Basis::Level,
        };
        let column: String = head
            .split(['（', '(', '\u{FE59}'])
            .next()
            .unwrap_or_default()
            .trim_end_matches(['%', '％'])
            .to_owned();
        let name = if lex.table_value_columns.contains(&column) || column.is_empty() {
            label.to_owned()
        } else {
            format!("{label}{column}")
        };
        let year = self.year;
        Some(Proposed {
            name,
            value: v * scale_of(&unit_text),
            unit,
            qualifier: Qualifier::Exact,
            high: None,
            kind: PointKind::Actual,
            year,
            span: None,
            basis,
            period: None,
            quote: row[0].range.start..cell.range.end,
            why: vec![
                "kind actual: a table of results".to_owned(),
                format!("year {year}: the report's results year"),
                format!(
                    "basis {}: column “{head}”; unit {unit_text} from the table's header",
                    basis.id()
                ),
            ],
            heading: self.heading,
            header_unit: Some(unit_text),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::outline::outline;

    fn cells(text: &str) -> Vec<(String, f64, String, Basis)> {
        let chars: Vec<char> = text.chars().collect();
        let lex = Lexicon::embedded();
        let o = outline(&chars, lex, None);
        read(&chars, &o, lex)
            .0
            .into_iter()
            .map(|f| (f.name, f.value, lex.units[f.unit].zh.clone(), f.basis))
            .collect()
    }

    #[test]
    fn one_cell_a_line_with_the_unit_for_the_table() {
        let text = "2022年全区生产总值\n|\n单位:亿元\n|\n指 标\n|\n绝对数\n|\n比上年增长%\n|\n生产总值\n|\n295.4\n|\n7.7\n|\n第三产业\n|\n60.9\n|\n-0.2\n|\n据统计，全区";
        let got = cells(text);
        assert_eq!(got.len(), 4, "{got:?}");
        assert_eq!(got[0].0, "生产总值");
        assert!((got[0].1 - 295.4e8).abs() < 1.0);
        assert_eq!((got[0].2.as_str(), got[0].3), ("元", Basis::Level));
        assert_eq!(
            (got[3].1, got[3].2.as_str(), got[3].3),
            (-0.2, "%", Basis::YearOnYear)
        );
    }

    #[test]
    fn rows_on_lines_with_units_in_the_header_and_a_unit_column() {
        let text = "品 名 | 播种面积\n(亩) |\n同比增减(%) | 产量\u{FE59}吨\u{FE5A} | 同比增减(%) |\n粮食作物 | 726760 | -1.78 | 315690 | 0.8 |\n\n品 名 | 计量单位 | 数 量 | 同比增长(%) |\n出栏肉猪 | 万头 | 94.28 | 2.10 |";
        let got = cells(text);
        assert_eq!(got.len(), 6, "{got:?}");
        assert_eq!((got[0].1, got[0].2.as_str()), (726_760.0, "亩"));
        assert_eq!(
            (got[1].1, got[1].2.as_str(), got[1].3),
            (-1.78, "%", Basis::YearOnYear)
        );
        assert_eq!((got[2].1, got[2].2.as_str()), (315_690.0, "吨"));
        assert_eq!(got[4].0, "出栏肉猪");
        assert!((got[4].1 - 942_800.0).abs() < 1e-6);
        assert_eq!(got[4].2, "头");
    }
}
