//! Whole 2026 provincial work reports drafted and measured against the hand labels of
//! `tests/data/provinces-2026/` (its README gives the conventions): the place, the 2026 GDP growth
//! target, the 2026 targets' value, unit, kind, year and range, and no five-year figure read as a
//! single year. The reports themselves are not in the repository: they are read from
//! `../shared/reports-dev/provinces-2026/` (or `PLANBOARD_REPORTS_DEV`), and a missing folder fails
//! the test rather than passing it silently.

use planboard::draft::{self, Request};
use planboard::model::{
    DataPoint, Indicator, Qualifier, Report, numbers::same, provenance::squash,
};

const LABELS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/provinces-2026");

fn reports_dir() -> String {
    std::env::var("PLANBOARD_REPORTS_DEV").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/reports-dev/provinces-2026"
        )
        .to_owned()
    })
}

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A TSV with a header: each row as (column → cell).
fn tsv(path: &str) -> Vec<std::collections::HashMap<String, String>> {
    let text = read(path);
    let mut lines = text.lines();
    let head: Vec<String> = lines
        .next()
        .unwrap()
        .split('\t')
        .map(str::to_owned)
        .collect();
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            head.iter()
                .cloned()
                .zip(l.split('\t').map(str::to_owned))
                .collect()
        })
        .collect()
}

fn draft_file(file: &str) -> Report {
    let bytes = std::fs::read(format!("{}/{file}", reports_dir()))
        .unwrap_or_else(|e| panic!("{file}: {e} (the reports are expected beside the repository)"));
    let decoded = draft::input::read(&bytes, file).unwrap();
    let req = Request {
        name: file,
        text_path: Some(file.to_owned()),
        ..Request::default()
    };
    match draft::draft(&decoded, &req) {
        Ok(d) => d.report,
        Err(e) => panic!("{e}"),
    }
}

/// A label's value in the unit a draft stores: 5.2 万亿元 is 5.2e12 元.
fn scaled(value: f64, unit: &str) -> [(f64, &str); 2] {
    for (prefix, scale) in [("万亿", 1e12), ("亿", 1e8), ("万", 1e4), ("千", 1e3)] {
        if let Some(rest) = unit.strip_prefix(prefix)
            && !rest.is_empty()
        {
            return [(value * scale, rest), (value, unit)];
        }
    }
    [(value, unit), (value, unit)]
}

struct Found<'a> {
    ind: &'a Indicator,
    point: &'a DataPoint,
}

/// The drafted figures that state a label: the same value in the same unit, quoted where the
/// label's quote stands (on its line: a short quote, 600亿元, may stand on other lines too).
fn found<'a>(
    r: &'a Report,
    label: &std::collections::HashMap<String, String>,
    line: &str,
) -> Vec<Found<'a>> {
    let value: f64 = label["value"].parse().unwrap();
    let quote = squash(&label["quote"]);
    let line = squash(line);
    let mut out = Vec::new();
    for ind in &r.indicators {
        for p in &ind.points {
            let unit = r.unit_of_point(ind, p).map_or("", |u| u.zh.as_str());
            let value_right = scaled(value, &label["unit"])
                .iter()
                .any(|(v, u)| same(*v, p.value) && *u == unit);
            let q = squash(&p.quote);
            if value_right && q.contains(&quote) && line.contains(&q) {
                out.push(Found { ind, point: p });
            }
        }
    }
    out
}

/// Whether a drafted figure has the label's kind, period (a year, or a span with its reading) and
/// range.
fn right(f: &Found, label: &std::collections::HashMap<String, String>) -> bool {
    let p = f.point;
    let period = match p.span {
        Some(s) => s.years(p.year),
        None => p.year.to_string(),
    };
    let high_right = match label["high"].as_str() {
        "" => p.high.is_none() && p.qualifier != Qualifier::Range,
        h => p.high.is_some_and(|v| same(v, h.parse().unwrap())) && p.qualifier == Qualifier::Range,
    };
    let aggregation_right = label["aggregation"].is_empty()
        || p.span.is_some_and(|s| s.over.id() == label["aggregation"]);
    p.kind.id() == label["kind"] && period == label["period"] && high_right && aggregation_right
}

#[test]
fn whole_provincial_reports_draft_with_place_period_and_range() {
    let reports = tsv(&format!("{LABELS}/reports.tsv"));
    let labels = tsv(&format!("{LABELS}/labels.tsv"));
    let mut out = String::new();
    let (mut places, mut gdp, mut targets, mut targets_right, mut spans, mut spans_single) =
        (0, 0, 0, 0, 0, 0);
    for report in &reports {
        let file = &report["file"];
        let r = draft_file(file);
        let text = read(&format!("{}/{file}", reports_dir()));
        let lines: Vec<&str> = text.lines().collect();
        let place = r.sources.first().and_then(|s| s.place.as_ref());
        if place.is_some_and(|p| p.name == report["place"] && p.code == report["place_code"]) {
            places += 1;
        } else {
            out.push_str(&format!(
                "{file}: place {place:?}, expected {}\n",
                report["place"]
            ));
        }
        for label in labels.iter().filter(|l| &l["file"] == file) {
            let n: usize = label["line"].parse().unwrap();
            let found = found(&r, label, lines[n - 1]);
            let ok = found.iter().any(|f| right(f, label));
            let is_span = label["period"].contains('-');
            if label["kind"] == "target" && label["period"] == "2026" {
                targets += 1;
                targets_right += usize::from(ok);
                if label["indicator"] == "地区生产总值增长" {
                    gdp += usize::from(ok);
                }
            }
            if is_span {
                spans += 1;
                // (A quote may stand twice in a report, once for five years and once for one:
                // 城镇调查失业率控制在5%以内; a span figure is read as one year when none of the
                // drafted figures that state it is a span's.)
                if !found.is_empty() && found.iter().all(|f| f.point.span.is_none()) {
                    spans_single += 1;
                    out.push_str(&format!(
                        "{file}:{}: {} {} read as a single year\n",
                        label["line"], label["indicator"], label["quote"]
                    ));
                }
            }
            if !ok {
                let got: Vec<String> = found
                    .iter()
                    .map(|f| {
                        format!(
                            "{} {} {}{} {:?} high {:?} [{}]",
                            f.point.kind.id(),
                            f.point.year,
                            f.point
                                .span
                                .map_or(String::new(), |s| format!("from {} ", s.from)),
                            f.point.span.map_or("", |s| s.over.id()),
                            f.point.qualifier,
                            f.point.high,
                            f.ind.name.zh
                        )
                    })
                    .collect();
                out.push_str(&format!(
                    "{file}:{}: {} {}{} {} {} {} «{}» — drafted: {}\n",
                    label["line"],
                    label["indicator"],
                    label["value"],
                    label["unit"],
                    label["kind"],
                    label["period"],
                    label["aggregation"],
                    label["quote"],
                    if got.is_empty() {
                        "nothing".to_owned()
                    } else {
                        got.join("; ")
                    }
                ));
            }
        }
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    let summary = format!(
        "{} reports: place right for {places}; 2026 GDP growth target right for {gdp}; 2026 targets right {targets_right}/{targets} ({:.1}%); {spans_single} of {spans} span figures drafted as a single year\n{out}",
        reports.len(),
        pct(targets_right, targets)
    );
    println!("{summary}");
    assert_eq!(places, reports.len(), "{summary}");
    assert_eq!(gdp, reports.len(), "{summary}");
    assert!(pct(targets_right, targets) >= 90.0, "{summary}");
    assert_eq!(spans_single, 0, "{summary}");
}
