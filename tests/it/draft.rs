//! `planboard draft` measured: on the shipped report against its hand-made data file, and on other
//! places' reports against the hand labels of `../shared/draft-dev/` (its README gives the
//! conventions and the scoring rule used here).

use std::path::Path;

use planboard::draft::{self, Request};
use planboard::model::{self, Report, numbers::same, provenance::squash};

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared");

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Draft a text as the command does (no output file, no --with).
fn draft_text(text: &str, name: &str) -> Report {
    let decoded = draft::input::read(text.as_bytes(), name).unwrap();
    let req = Request {
        name,
        text_path: Some(name.to_owned()),
        ..Request::default()
    };
    match draft::draft(&decoded, &req) {
        Ok(d) => d.report,
        Err(e) => panic!("{e}"),
    }
}

/// Char ranges of every occurrence of `quote` (whitespace removed) in `text` (whitespace removed).
fn places(text: &str, quote: &str) -> Vec<(usize, usize)> {
    let q = squash(quote);
    if q.is_empty() {
        return Vec::new();
    }
    text.match_indices(&q)
        .map(|(i, _)| (i, i + q.len()))
        .collect()
}

fn overlap(a: &[(usize, usize)], b: &[(usize, usize)]) -> bool {
    a.iter().any(|x| b.iter().any(|y| x.0 < y.1 && y.0 < x.1))
}

/// One figure, flattened for scoring.
#[derive(Clone, Debug)]
struct Row {
    value: f64,
    unit: String,
    qualifier: String,
    kind: String,
    year: i32,
    quote: String,
    name: String,
}

fn rows(r: &Report) -> Vec<Row> {
    let mut out = Vec::new();
    for ind in &r.indicators {
        for p in &ind.points {
            out.push(Row {
                value: p.value,
                unit: r
                    .unit_of_point(ind, p)
                    .map(|u| u.zh.clone())
                    .unwrap_or_default(),
                qualifier: p.qualifier.id().to_owned(),
                kind: p.kind.id().to_owned(),
                year: p.year,
                quote: p.quote.clone(),
                name: ind.name.zh.clone(),
            });
        }
    }
    out
}

/// How a draft compares with labelled figures.
#[derive(Debug, Default)]
struct Score {
    labelled: usize,
    /// Value and unit right, quote overlapping.
    found: usize,
    /// … and kind and year right too.
    kind_year: usize,
    /// … and qualifier too.
    all: usize,
    proposed: usize,
    /// Proposals that match some label (any, doubtful ones included).
    real: usize,
    misses: Vec<String>,
}

fn score(text: &str, labels: &[Row], required: &[bool], drafted: &[Row]) -> Score {
    let squashed = squash(text);
    let mut s = Score {
        proposed: drafted.len(),
        ..Score::default()
    };
    let matches = |l: &Row, d: &Row| {
        same(l.value, d.value)
            && l.unit == d.unit
            && overlap(&places(&squashed, &l.quote), &places(&squashed, &d.quote))
    };
    for (l, &req) in labels.iter().zip(required) {
        if !req {
            continue;
        }
        s.labelled += 1;
        let found: Vec<&Row> = drafted.iter().filter(|d| matches(l, d)).collect();
        if found.is_empty() {
            s.misses.push(format!(
                "missed  {} {} {} {} {} «{}» ({})",
                l.value, l.unit, l.qualifier, l.kind, l.year, l.quote, l.name
            ));
            continue;
        }
        s.found += 1;
        let ky = found.iter().find(|d| d.kind == l.kind && d.year == l.year);
        if let Some(d) = ky {
            s.kind_year += 1;
            if found
                .iter()
                .any(|d| d.kind == l.kind && d.year == l.year && d.qualifier == l.qualifier)
            {
                s.all += 1;
            } else {
                s.misses.push(format!(
                    "qualif. {} {}: {} for {} «{}»",
                    l.value, l.unit, d.qualifier, l.qualifier, l.quote
                ));
            }
        } else {
            let d = found[0];
            s.misses.push(format!(
                "kind/yr {} {}: {} {} for {} {} «{}»",
                l.value, l.unit, d.kind, d.year, l.kind, l.year, l.quote
            ));
        }
    }
    for d in drafted {
        if labels.iter().any(|l| matches(l, d)) {
            s.real += 1;
        } else {
            s.misses.push(format!(
                "extra   {} {} {} {} {} «{}» [{}]",
                d.value, d.unit, d.qualifier, d.kind, d.year, d.quote, d.name
            ));
        }
    }
    s
}

fn pct(a: usize, b: usize) -> f64 {
    100.0 * a as f64 / b.max(1) as f64
}

/// The measure: ≥ 95% of the 198 figures of the shipped data file found by a draft of the
/// report's text with value, unit, qualifier, kind and year right; precision reported.
#[test]
fn drafting_the_shipped_report_finds_its_figures() {
    let text = read(&format!("{SHARED}/source/longgang-2022-plan-report.txt"));
    let shipped = model::parse_data_file(
        "data/longgang-2022-2023.ron",
        None,
        include_bytes!("../../data/longgang-2022-2023.ron"),
    )
    .map(|f| f.report)
    .unwrap();
    let labels = rows(&shipped);
    assert_eq!(labels.len(), 198);
    let drafted = rows(&draft_text(&text, "longgang-2022-plan-report.txt"));
    let s = score(&text, &labels, &vec![true; labels.len()], &drafted);
    let report = format!(
        "shipped report: {} of {} figures found with value and unit ({:.1}%), {} with kind and year ({:.1}%), {} with qualifier too ({:.1}%); {} proposed, {} of them in the shipped file ({:.1}%)\n{}",
        s.found,
        s.labelled,
        pct(s.found, s.labelled),
        s.kind_year,
        pct(s.kind_year, s.labelled),
        s.all,
        pct(s.all, s.labelled),
        s.proposed,
        s.real,
        pct(s.real, s.proposed),
        s.misses.join("\n")
    );
    println!("{report}");
    assert!(pct(s.all, s.labelled) >= 95.0, "{report}");
}

/// Other places' reports, hand-labelled: found with value and unit, with kind and year, and the
/// share of proposals that are real figures.
#[test]
fn drafting_other_reports_finds_their_figures() {
    // PLANBOARD_DRAFT_DEV may name another folder of passages and labels in the same layout.
    let dev =
        std::env::var("PLANBOARD_DRAFT_DEV").unwrap_or_else(|_| format!("{SHARED}/draft-dev"));
    let labels_tsv = read(&format!("{dev}/labels.tsv"));
    let mut by_file: Vec<(String, Vec<Row>, Vec<bool>)> = Vec::new();
    for line in labels_tsv.lines().skip(1) {
        let cells: Vec<&str> = line.split('\t').collect();
        assert!(cells.len() >= 9, "{line}");
        let row = Row {
            value: cells[1].parse().unwrap(),
            unit: cells[2].to_owned(),
            qualifier: cells[3].to_owned(),
            kind: cells[4].to_owned(),
            year: cells[5].parse().unwrap(),
            quote: cells[8].replace("\\n", "\n"),
            name: cells[7].to_owned(),
        };
        let required = cells.get(9).is_none_or(|d| d.trim() != "1");
        match by_file.iter_mut().find(|(f, _, _)| f == cells[0]) {
            Some((_, rows, req)) => {
                rows.push(row);
                req.push(required);
            }
            None => by_file.push((cells[0].to_owned(), vec![row], vec![required])),
        }
    }
    let mut total = Score::default();
    let mut out = String::new();
    for (file, labels, required) in &by_file {
        let text = read(&format!("{dev}/passages/{file}"));
        let drafted = rows(&draft_text(&text, file));
        let s = score(&text, labels, required, &drafted);
        out.push_str(&format!(
            "{file}: {}/{} found, {} kind+year, {}/{} proposals real\n{}\n",
            s.found,
            s.labelled,
            s.kind_year,
            s.real,
            s.proposed,
            s.misses.join("\n")
        ));
        total.labelled += s.labelled;
        total.found += s.found;
        total.kind_year += s.kind_year;
        total.proposed += s.proposed;
        total.real += s.real;
    }
    let summary = format!(
        "other reports: {:.1}% found with value and unit, {:.1}% with kind and year, {:.1}% of {} proposals real figures\n{out}",
        pct(total.found, total.labelled),
        pct(total.kind_year, total.labelled),
        pct(total.real, total.proposed),
        total.proposed
    );
    println!("{summary}");
    assert!(pct(total.found, total.labelled) >= 90.0, "{summary}");
    assert!(pct(total.kind_year, total.labelled) >= 85.0, "{summary}");
    assert!(pct(total.real, total.proposed) >= 85.0, "{summary}");
}

#[test]
fn a_draft_loads_and_its_quotes_verify() {
    let text = read(&format!("{SHARED}/source/longgang-2022-plan-report.txt"));
    let decoded = draft::input::read(text.as_bytes(), "r.txt").unwrap();
    let d = draft::draft(
        &decoded,
        &Request {
            name: "r.txt",
            ..Request::default()
        },
    )
    .unwrap();
    // The written text loads as it is, every figure proposed with why.
    let back = model::parse("r.ron", d.ron.as_bytes()).unwrap();
    assert_eq!(back.point_count(), d.report.point_count());
    assert_eq!(back.indicators.len(), d.report.indicators.len());
    assert_eq!(back.charts.len(), d.report.charts.len());
    for ind in &back.indicators {
        for p in &ind.points {
            let review = p.review.as_ref().expect("every drafted figure is proposed");
            assert_eq!(review.state, model::ReviewState::Proposed);
            assert!(review.why.contains("kind") && review.why.contains("year"));
            assert!(squash(&text).contains(&squash(&p.quote)), "{}", p.quote);
            assert!(
                model::numbers::states_value(&p.quote, p.value),
                "{}",
                p.quote
            );
        }
    }
    // The same text drafts to the same bytes.
    let again = draft::draft(
        &decoded,
        &Request {
            name: "r.txt",
            ..Request::default()
        },
    )
    .unwrap();
    assert_eq!(again.ron, d.ron);
    assert!(!Path::new("r.ron").exists());
}

/// The name and kind mistakes of whole reports, as classes: a change stated as a change, not a
/// negative level; per mille points a unit of their own; a contribution rate a rate, not growth;
/// a milestone and a verb no part of a name; a range one figure with both ends.
#[test]
fn changes_rates_milestones_and_ranges_read_as_a_reader_reads_them() {
    let text = "2026年某市政府工作报告\n——2026年1月20日在某市第十届人民代表大会第五次会议上\n一、2025年工作回顾\n\
        全市地区生产总值完成602.5亿元，首次突破600亿元大关，同比增长5.2%，消费对经济增长的贡献率达到60.5%，\
        三次产业结构调整为5.1:35.2:59.7。人口自然增长率下降0.3个千分点。工业固体废物产生量比上年减少0.1万吨。\n\
        二、2026年主要目标\n地区生产总值增长4.5%—5%，城镇调查失业率5.5%左右。\n";
    let r = draft_text(text, "t.txt");
    let find = |quote_end: &str| {
        r.indicators
            .iter()
            .flat_map(|i| i.points.iter().map(move |p| (i, p)))
            .find(|(_, p)| p.quote.ends_with(quote_end))
            .unwrap_or_else(|| panic!("{quote_end}: {:#?}", rows(&r)))
    };
    let (ind, p) = find("减少0.1万吨");
    assert_eq!(
        (p.value, p.basis),
        (-1000.0, model::Basis::Change),
        "{}",
        ind.name.zh
    );
    let (ind, p) = find("0.3个千分点");
    assert_eq!(p.basis, model::Basis::Change);
    assert_eq!(r.unit(&ind.unit).map(|u| u.zh.as_str()), Some("个千分点"));
    let (_, p) = find("60.5%");
    assert_eq!(p.basis, model::Basis::Rate);
    let (ind, p) = find("同比增长5.2%");
    assert_eq!((ind.id.as_str(), p.value), ("gdp_year_on_year", 5.2));
    let (ind, _) = find("突破600亿元");
    assert_eq!(ind.name.zh, "地区生产总值（2）");
    let (ind, _) = find("5.1:35.2:59.7");
    assert_eq!(ind.name.zh, "三次产业结构");
    let (ind, p) = find("增长4.5%—5%");
    assert_eq!(ind.id, "gdp_year_on_year");
    assert_eq!(
        (p.value, p.high, p.qualifier),
        (4.5, Some(5.0), model::Qualifier::Range)
    );
    assert_eq!((p.year, p.kind), (2026, model::PointKind::Target));
    // The place and year the opening lines give, not the file's name.
    assert_eq!(r.sources[0].dated_by, Some(model::DatedBy::Delivered));
}
