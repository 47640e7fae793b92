//! A report as a RON data file a person can read and edit: declarations first, then one indicator
//! a block with one figure a line group, in the order the report states them, each with its quote
//! and why it was proposed so. `planboard draft` writes its drafts with it and the review saves
//! reviewed files with it, so both write one layout. The layout is stable: drafting the same text
//! twice writes the same bytes.

use std::fmt::Write as _;

use super::{DataPoint, Indicator, Report, Text};

/// The data file's text.
pub fn to_ron(report: &Report, from: &str) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "// Drafted by `planboard draft` from {}. Every figure is proposed, with why: review it in",
        one_line(from)
    );
    s.push_str(
        "// the window's 审阅 (Review) page or here — set `state: Accepted` or `Rejected`, fix what is wrong.\n\
         // Values are plain numbers in their unit: 602.5亿元 is 60250000000.0 in 元.\n\
         // Names in English that start with \"[zh] \" are the Chinese, awaiting a translation.\n",
    );
    s.push_str("#![enable(implicit_some)]\nReport(\n");
    let _ = writeln!(s, "    title: {},", text(&report.title));
    let _ = writeln!(s, "    issuer: {},", text(&report.issuer));
    let _ = writeln!(
        s,
        "    years: (first: {}, last: {}),",
        report.years.first, report.years.last
    );
    s.push_str("    sources: [\n");
    for src in &report.sources {
        s.push_str("        (\n");
        let _ = writeln!(s, "            id: {},", string(&src.id));
        let _ = writeln!(s, "            title: {},", text(&src.title));
        let _ = writeln!(s, "            issuer: {},", text(&src.issuer));
        let _ = writeln!(s, "            kind: {:?},", src.kind);
        if let Some(p) = &src.place {
            let _ = writeln!(
                s,
                "            place: (name: {}, en: {}, level: {:?}, code: {}),",
                string(&p.name),
                string(&p.en),
                p.level,
                string(&p.code)
            );
        }
        if let Some(by) = &src.dated_by {
            let _ = writeln!(s, "            dated_by: {by:?},");
        }
        let _ = writeln!(s, "            published: {},", string(&src.published));
        if let Some(url) = &src.url {
            let _ = writeln!(s, "            url: {},", string(url));
        }
        if let Some(t) = &src.text {
            let _ = writeln!(s, "            text: {},", string(t));
        }
        s.push_str("        ),\n");
    }
    s.push_str("    ],\n    categories: [\n");
    for c in &report.categories {
        let _ = writeln!(
            s,
            "        (id: {}, zh: {}, en: {}),",
            string(&c.id),
            string(&c.zh),
            string(&c.en)
        );
    }
    s.push_str("    ],\n    units: [\n");
    for u in &report.units {
        let _ = writeln!(
            s,
            "        (id: {}, zh: {}, en: {}{}),",
            string(&u.id),
            string(&u.zh),
            string(&u.en),
            if u.percent { ", percent: true" } else { "" }
        );
    }
    s.push_str("    ],\n    indicators: [\n");
    for ind in &report.indicators {
        indicator(&mut s, ind);
    }
    s.push_str("    ],\n    charts: [\n");
    for c in &report.charts {
        chart(&mut s, c);
    }
    s.push_str("    ],\n    pages: [\n");
    for p in &report.pages {
        let charts: Vec<String> = p.charts.iter().map(|x| string(x)).collect();
        let _ = writeln!(
            s,
            "        (id: {}, title: {}, charts: [{}]),",
            string(&p.id),
            text(&p.title),
            charts.join(", ")
        );
    }
    s.push_str("    ],\n)\n");
    s
}

/// One chart, with only the fields it sets.
fn chart(s: &mut String, c: &crate::model::Chart) {
    s.push_str("        (\n");
    let _ = writeln!(s, "            id: {},", string(&c.id));
    let _ = writeln!(s, "            title: {},", text(&c.title));
    let _ = writeln!(s, "            kind: {:?},", c.kind);
    let series: Vec<String> = c.series.iter().map(|x| string(x)).collect();
    let _ = writeln!(s, "            series: [{}],", series.join(", "));
    if let Some(m) = &c.measure {
        let _ = writeln!(s, "            measure: {},", string(m));
    }
    if !c.kinds.is_empty() {
        let kinds: Vec<String> = c.kinds.iter().map(|k| format!("{k:?}")).collect();
        let _ = writeln!(s, "            kinds: [{}],", kinds.join(", "));
    }
    if !c.sources.is_empty() {
        let sources: Vec<String> = c.sources.iter().map(|x| string(x)).collect();
        let _ = writeln!(s, "            sources: [{}],", sources.join(", "));
    }
    if let Some(year) = c.year {
        let _ = writeln!(s, "            year: {year},");
    }
    if let Some(from) = c.from {
        let _ = writeln!(s, "            from: {from},");
    }
    s.push_str("        ),\n");
}

fn indicator(s: &mut String, ind: &Indicator) {
    s.push_str("        Indicator(\n");
    let _ = writeln!(s, "            id: {},", string(&ind.id));
    let _ = writeln!(s, "            name: {},", text(&ind.name));
    let _ = writeln!(s, "            category: {},", string(&ind.category));
    let _ = writeln!(s, "            unit: {},", string(&ind.unit));
    if !ind.measures.is_empty() {
        s.push_str("            measures: [\n");
        for m in &ind.measures {
            let _ = writeln!(
                s,
                "                (id: {}, name: {}, unit: {}),",
                string(&m.id),
                text(&m.name),
                string(&m.unit)
            );
        }
        s.push_str("            ],\n");
    }
    if !ind.better.is_higher() {
        let _ = writeln!(s, "            better: {:?},", ind.better);
    }
    s.push_str("            points: [\n");
    for p in &ind.points {
        point(s, p);
    }
    s.push_str("            ],\n        ),\n");
}

fn point(s: &mut String, p: &DataPoint) {
    let _ = writeln!(
        s,
        "                Point(year: {}, kind: {:?}, value: {}, qualifier: {:?}, basis: {:?},",
        p.year,
        p.kind,
        number(p.value),
        p.qualifier,
        p.basis
    );
    let pad = "                      ";
    if let Some(high) = p.high {
        let _ = writeln!(s, "{pad}high: {},", number(high));
    }
    if let Some(span) = &p.span {
        let _ = writeln!(
            s,
            "{pad}span: (from: {}, over: {:?}),",
            span.from, span.over
        );
    }
    if let Some(part) = &p.part {
        // `Months(1, 11)`: the variant as RON writes it.
        let _ = writeln!(s, "{pad}part: {part:?},");
    }
    if let Some(period) = &p.period {
        let _ = writeln!(s, "{pad}period: {},", text(period));
    }
    if let Some(note) = &p.note {
        let _ = writeln!(s, "{pad}note: {},", text(note));
    }
    if let Some(m) = &p.measure {
        let _ = writeln!(s, "{pad}measure: {},", string(m));
    }
    if let Some(src) = &p.source {
        let _ = writeln!(s, "{pad}source: {},", string(src));
    }
    let _ = writeln!(s, "{pad}quote: {},", string(&p.quote));
    if let Some(unit) = &p.header_unit {
        let _ = writeln!(s, "{pad}header_unit: {},", string(unit));
    }
    if let Some(r) = &p.review {
        let _ = writeln!(
            s,
            "{pad}review: (state: {:?}, why: {})),",
            r.state,
            string(&r.why)
        );
    } else {
        // Close the Point on its quote line.
        s.truncate(s.trim_end_matches([',', '\n']).len());
        s.push_str("),\n");
    }
}

/// A value as RON reads it back exactly: whole numbers with ".0", others as their shortest form.
fn number(value: f64) -> String {
    let rounded = if value.abs() < 1e9 {
        let r = (value * 1e6).round() / 1e6;
        if super::numbers::same(r, value) {
            r
        } else {
            value
        }
    } else {
        value.round()
    };
    let s = format!("{rounded:?}");
    if s.contains(['.', 'e', 'E']) || s.contains("inf") || s.contains("NaN") {
        s
    } else {
        format!("{s}.0")
    }
}

fn text(t: &Text) -> String {
    format!("(zh: {}, en: {})", string(&t.zh), string(&t.en))
}

/// A RON string literal.
fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn one_line(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_strings_read_back() {
        assert_eq!(number(3.0), "3.0");
        assert_eq!(number(602.5e8), "60250000000.0");
        assert_eq!(number(15.87e8), "1587000000.0");
        assert_eq!(number(-9.9), "-9.9");
        assert_eq!(number(0.4), "0.4");
        assert_eq!(string("a\"b\\c\nd"), r#""a\"b\\c\nd""#);
        for s in ["“小巨人”企业", "a\"b\\c\nd\te", "\u{1}x"] {
            let back: String = ron::from_str(&string(s)).unwrap_or_default();
            assert_eq!(back, s);
        }
    }
}
