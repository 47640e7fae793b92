//! Reporting many problems, as `cargo bench --bench check` measures it (release build): a generated
//! data file of 10,000 figures (about 2.6 MB), one figure an indicator, where
//!
//! - every quote states another number than its figure's value (the provenance check's problems,
//!   each located in the file);
//! - every figure's year is outside the file's years (validation's problems).
//!
//! Each is timed through the library (load, validate, check, every problem's line) and through the
//! `planboard check` program, which must print every problem.
//!
//! Goal (issue 18): `planboard check` of a file with 10,000 problems prints them all in under a
//! second. Before, each problem re-read the whole file for its position: quadratic, over 15 minutes.
//! `cargo bench --bench check -- 2000` times another count.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)] // a measuring program

#[path = "../tests/it/support/generated.rs"]
mod generated;

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use generated::Flaw;
use planboard::model::{self, provenance};

/// Every problem's line as `check` prints it, through the library.
fn problem_lines(file: &PathBuf) -> Vec<String> {
    match model::load_dataset(std::slice::from_ref(file)) {
        Ok(dataset) => provenance::check(&dataset, &[])
            .problems
            .iter()
            .map(ToString::to_string)
            .collect(),
        Err(err) => err.lines(),
    }
}

fn main() {
    let figures: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(10_000);
    let dir = tempfile::tempdir().unwrap();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("{figures} figures, each with one problem; goal: `planboard check` under 1000 ms");
    for (flaw, what) in [
        (
            Flaw::QuoteWithoutValue,
            "quotes that do not state their values",
        ),
        (
            Flaw::YearOutOfRange,
            "years outside the file's (validation)",
        ),
    ] {
        let generated = generated::report(figures, 1, flaw);
        let file = dir.path().join(format!("{flaw:?}.ron"));
        std::fs::write(&file, &generated.text).unwrap();
        let mb = generated.text.len() as f64 / 1e6;

        let t = Instant::now();
        let lines = problem_lines(&file);
        let library = t.elapsed();
        assert_eq!(lines.len(), figures, "every problem reported");

        let t = Instant::now();
        let out = Command::new(env!("CARGO_BIN_EXE_planboard"))
            .arg("check")
            .arg(&file)
            .output()
            .unwrap();
        let program = t.elapsed();
        let printed = String::from_utf8_lossy(&out.stderr)
            .lines()
            .filter(|l| l.contains(".ron:"))
            .count();
        assert_eq!(printed, figures, "`planboard check` prints every problem");

        let t = Instant::now();
        std::hint::black_box(model::SourceMap::new(&generated.text));
        let map = t.elapsed();
        let t = Instant::now();
        let options = ron::Options::default();
        std::hint::black_box(options.from_str::<model::Report>(&generated.text).is_ok());
        let parse = t.elapsed();

        println!("  {what}, {mb:.1} MB:");
        println!(
            "    load + check + every line (library): {:8.1} ms",
            ms(library)
        );
        println!(
            "    `planboard check` (the program):     {:8.1} ms   goal < 1000 ms",
            ms(program)
        );
        println!(
            "    of which: RON parse {:.1} ms, the position map (built once) {:.1} ms",
            ms(parse),
            ms(map)
        );
    }
}
