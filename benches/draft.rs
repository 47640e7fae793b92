//! `planboard draft` speed, as `cargo bench --bench draft` measures it (release build, one core):
//!
//! - the shipped report (48 KB of text) drafted whole: read, outline, figures, data file, loaded back;
//! - 1 MB of report text (the report's text repeated), the same way;
//! - the number reader alone over the 1 MB.
//!
//! - whole provincial work reports (`../shared/reports-dev/provinces-2026/`, six of 20–100 KB),
//!   drafted over and over to 31 reports (about 1.9 MB, the size of a year's 31 provincial reports),
//!   with the comparison page, as `planboard draft A B C … --out DIR` does before writing.
//!
//! Goals (issue "planboard draft"): the report in under 50 ms, 1 MB in under 1 s; (issue "reports
//! from many places") 31 whole reports in under 2 s on one core.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)] // a measuring program

use std::time::{Duration, Instant};

use planboard::draft::{self, Request};
use planboard::model::lexicon::Lexicon;

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn time(runs: usize, mut f: impl FnMut()) -> Duration {
    f();
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/source/longgang-2022-plan-report.txt"
    );
    let text = std::fs::read_to_string(path).expect("the report's text in ../shared/source");
    // 1 MB of report prose: the report's body (its glossary left out, as the draft leaves it) again
    // and again.
    let body = text.find("\n1. **").map_or(text.as_str(), |at| &text[..at]);
    let mut big = String::new();
    while big.len() < 1_000_000 {
        big.push_str(body);
        big.push('\n');
    }
    let draft_bytes = |bytes: &[u8]| {
        let decoded = draft::input::read(bytes, "r.txt").unwrap();
        let d = draft::draft(
            &decoded,
            &Request {
                name: "r.txt",
                ..Request::default()
            },
        )
        .unwrap();
        d.report.point_count()
    };
    let figures = draft_bytes(text.as_bytes());
    let small = time(20, || {
        draft_bytes(text.as_bytes());
    });
    println!(
        "draft, shipped report ({} KB, {figures} figures): {:.1} ms (goal < 50 ms)",
        text.len() / 1024,
        small.as_secs_f64() * 1e3
    );
    let figures = draft_bytes(big.as_bytes());
    let large = time(3, || {
        draft_bytes(big.as_bytes());
    });
    println!(
        "draft, {:.2} MB of text ({figures} distinct figures): {:.0} ms (goal < 1000 ms)",
        big.len() as f64 / 1e6,
        large.as_secs_f64() * 1e3
    );
    // The worst shape: 1 MB with no full stop at all, a figure every 60 characters or so.
    let mut dump = String::from("数据如下：");
    let mut n = 0;
    while dump.len() < 1_000_000 {
        dump.push_str(&format!(
            "第{n}项重点工作持续推进并取得积极进展，相关指标增长{}.{}%，",
            n % 97,
            n % 10
        ));
        n += 1;
    }
    let figures = draft_bytes(dump.as_bytes());
    let worst = time(3, || {
        draft_bytes(dump.as_bytes());
    });
    println!(
        "draft, 1 MB with no full stop ({figures} figures): {:.0} ms (goal < 1000 ms)",
        worst.as_secs_f64() * 1e3
    );
    provinces();
    let chars: Vec<char> = big.chars().collect();
    let lex = Lexicon::embedded();
    let reader = time(3, || {
        planboard::model::numbers::read(&chars, lex);
    });
    println!(
        "number reader over {:.2} MB: {:.0} ms",
        big.len() as f64 / 1e6,
        reader.as_secs_f64() * 1e3
    );
}

/// 31 whole provincial reports (the six dev reports over and over) drafted with the comparison.
fn provinces() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/reports-dev/provinces-2026"
    );
    let mut provinces: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .expect("the provincial reports in ../shared/reports-dev/provinces-2026")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect();
    provinces.sort();
    let thirty_one: Vec<&(String, Vec<u8>)> = provinces.iter().cycle().take(31).collect();
    let bytes: usize = thirty_one.iter().map(|(_, b)| b.len()).sum();
    let many = time(3, || {
        let drafts: Vec<planboard::model::Report> = thirty_one
            .iter()
            .map(|(name, b)| {
                let decoded = draft::input::read(b, name).unwrap();
                let req = Request {
                    name,
                    ..Request::default()
                };
                draft::draft(&decoded, &req).unwrap().report
            })
            .collect();
        let refs: Vec<&planboard::model::Report> = drafts.iter().collect();
        draft::compare::comparison(&refs[..provinces.len()], Lexicon::embedded());
    });
    println!(
        "draft, 31 whole provincial reports ({:.2} MB) with the comparison: {:.0} ms (goal < 2000 ms)",
        bytes as f64 / 1e6,
        many.as_secs_f64() * 1e3
    );
}
