//! A table's columns besides its time: values (numbers, with the file's own missing marks), the
//! unit a header writes (`PM2.5(μg/m³)`, `Water flow [l/s]`, `流量（m³/s）`), row numbers skipped,
//! and text columns skipped or, when the times repeat, the category of a long table.

use std::collections::BTreeSet;

use super::sniff::Sniffed;
use super::words::words;

/// A column of numbers to draw.
#[derive(Debug)]
pub struct ValueColumn {
    pub header: String,
    /// The header without its unit.
    pub name: String,
    pub unit: Option<String>,
}

/// What the draft makes of the columns.
#[derive(Debug, Default)]
pub struct Columns {
    pub values: Vec<ValueColumn>,
    /// Headers left out, each with why.
    pub skipped: Vec<(String, String)>,
    /// The file's own marks for no value, each with where it was seen.
    pub missing: Vec<(String, String)>,
    pub decimal_comma: bool,
    /// A long table's category column and its values (in the order met).
    pub by: Option<(String, Vec<String>, String)>,
}

/// The columns of `s` other than `time`; `by` as asked on the command line.
pub fn classify(s: &Sniffed, time: &[String], by: Option<&str>) -> Columns {
    let w = words();
    let mut out = Columns {
        // A semicolon table whose numbers have commas and no points writes decimal commas.
        decimal_comma: s.separator == b';'
            && s.rows.iter().take(200).any(|(_, r)| {
                r.iter().any(|c| {
                    c.contains(',')
                        && !c.contains('.')
                        && c.replace(',', ".").parse::<f64>().is_ok()
                })
            }),
        ..Columns::default()
    };
    let comma = out.decimal_comma;
    let number = |c: &str| -> Option<f64> {
        if comma {
            c.replace(',', ".").parse::<f64>().ok()
        } else {
            c.parse::<f64>().ok()
        }
        .filter(|v| v.is_finite())
    };
    let mut marks: BTreeSet<String> = BTreeSet::new();
    let mut texts: Vec<(usize, String, BTreeSet<String>)> = Vec::new();
    for (i, header) in s.names.iter().enumerate() {
        if time.contains(header) {
            continue;
        }
        let cells: Vec<(usize, &str)> = s
            .rows
            .iter()
            .filter_map(|(n, r)| r.get(i).map(|c| (*n, c.as_str())))
            .collect();
        let numbers: Vec<f64> = cells.iter().filter_map(|(_, c)| number(c)).collect();
        let others: Vec<(usize, &str)> = cells
            .iter()
            .filter(|(_, c)| !c.is_empty() && number(c).is_none())
            .copied()
            .collect();
        if let Some(why) = left_out(header, &numbers, &others) {
            out.skipped.push((header.clone(), why.to_owned()));
            continue;
        }
        let is_mark = |c: &str| w.missing_marks.iter().any(|m| m == c);
        let numeric = !numbers.is_empty() && others.iter().all(|(_, c)| is_mark(c));
        if numeric {
            value_column(
                header, &cells, &numbers, &others, &number, &mut marks, &mut out,
            );
        } else {
            let distinct: BTreeSet<String> = cells
                .iter()
                .filter(|(_, c)| !c.is_empty())
                .map(|(_, c)| (*c).to_owned())
                .collect();
            texts.push((i, header.clone(), distinct));
        }
    }
    // A long table: the times repeat, and a text column tells the rows of one time apart.
    let times_repeat = super::repeats(s, time);
    let chosen = match by {
        Some(b) => texts.iter().position(|(_, h, _)| h == b),
        None if times_repeat => texts
            .iter()
            .position(|(_, _, d)| (2..=60).contains(&d.len())),
        None => None,
    };
    for (k, (i, header, distinct)) in texts.into_iter().enumerate() {
        if Some(k) == chosen {
            // In the order met, as the file lists them.
            let mut order: Vec<String> = Vec::new();
            for (_, r) in &s.rows {
                if let Some(c) = r.get(i)
                    && !c.is_empty()
                    && !order.contains(c)
                {
                    order.push(c.clone());
                }
            }
            let why = if by.is_some() {
                "The category column given with --by.".to_owned()
            } else {
                format!(
                    "The times repeat, one row a time and a `{header}`: a long table, one record a `{header}` ({} values).",
                    distinct.len()
                )
            };
            out.by = Some((header, order, why));
        } else {
            // A note's line breaks shown as ` / `: the example stays on its comment's line.
            let example = distinct
                .iter()
                .next()
                .map(|e| e.lines().collect::<Vec<_>>().join(" / "))
                .unwrap_or_default();
            out.skipped.push((
                header,
                format!("it holds text (such as `{example}`), not numbers"),
            ));
        }
    }
    out
}

/// Why a column is no record, when it is none: it numbers the rows, or it is empty.
fn left_out(header: &str, numbers: &[f64], others: &[(usize, &str)]) -> Option<&'static str> {
    if words().index_headers.contains(&header.to_lowercase()) && others.is_empty() {
        Some("it numbers the rows")
    } else if numbers.is_empty() && others.is_empty() {
        Some("every cell of it the draft saw is empty")
    } else {
        None
    }
}

/// A column of numbers: its unit, and the file's own marks for no value met among them (the
/// marks of the word list, and a sentinel number such as -999 met more than once as the least).
fn value_column(
    header: &str,
    cells: &[(usize, &str)],
    numbers: &[f64],
    others: &[(usize, &str)],
    number: &impl Fn(&str) -> Option<f64>,
    marks: &mut BTreeSet<String>,
    out: &mut Columns,
) {
    let w = words();
    for (line, c) in others {
        if marks.insert((*c).to_owned()) {
            out.missing.push((
                (*c).to_owned(),
                format!("`{c}` stands among the numbers of `{header}` (line {line})"),
            ));
        }
    }
    // A sentinel number (-999) met more than once is no value.
    for sentinel in &w.missing_numbers {
        let Ok(v) = sentinel.parse::<f64>() else {
            continue;
        };
        let n = numbers.iter().filter(|&&x| x == v).count();
        let least = numbers.iter().copied().fold(f64::INFINITY, f64::min);
        if n > 1 && least == v {
            let written = cells
                .iter()
                .find(|(_, c)| number(c) == Some(v))
                .map_or(sentinel.clone(), |(_, c)| (*c).to_owned());
            if marks.insert(written.clone()) {
                out.missing.push((
                    written.clone(),
                    format!("`{written}`, the least value of `{header}`, is met {n} times: a network's mark for no value"),
                ));
            }
        }
    }
    // Marks alone (a `10 years ago` column before its tenth year): nothing to draw.
    if cells
        .iter()
        .all(|(_, c)| c.is_empty() || marks.contains(*c))
    {
        out.skipped.push((
            header.to_owned(),
            "every cell of it the draft saw is empty or a mark for no value".to_owned(),
        ));
        return;
    }
    let (name, unit) = split_unit(header);
    out.values.push(ValueColumn {
        header: header.to_owned(),
        name,
        unit,
    });
}

/// A header's name and the unit it writes in brackets at its end: `PM2.5(μg/m³)`,
/// `Water flow [l/s]`, `流量（m³/s）`, `CO2 (ppm)`.
pub fn split_unit(header: &str) -> (String, Option<String>) {
    let h = header.trim();
    for (open, close) in [('(', ')'), ('（', '）'), ('[', ']'), ('【', '】')] {
        if let Some(inner) = h.strip_suffix(close)
            && let Some(at) = inner.rfind(open)
        {
            let name = inner[..at].trim();
            let unit = inner[at + open.len_utf8()..].trim();
            if !name.is_empty() && !unit.is_empty() {
                return (name.to_owned(), Some(unit.to_owned()));
            }
        }
    }
    (h.to_owned(), None)
}

#[cfg(test)]
mod tests {
    use super::split_unit;

    #[test]
    fn units_are_read_from_headers() {
        let unit = |h: &str| split_unit(h);
        assert_eq!(
            unit("PM2.5(μg/m³)"),
            ("PM2.5".to_owned(), Some("μg/m³".to_owned()))
        );
        assert_eq!(
            unit("Water flow [l/s]"),
            ("Water flow".to_owned(), Some("l/s".to_owned()))
        );
        assert_eq!(
            unit("流量（m³/s）"),
            ("流量".to_owned(), Some("m³/s".to_owned()))
        );
        assert_eq!(unit("temp_max"), ("temp_max".to_owned(), None));
        assert_eq!(unit("(x)"), ("(x)".to_owned(), None));
    }
}
