//! Every input a fuzz target ever crashed on (`fuzz/`, docs/testing.md), kept in
//! `tests/data/fuzz/TARGET/` and run through the same door as the target: each must now be read or
//! refused with a message, never panic.

use std::path::PathBuf;

use planboard::draft::{self, Request};
use planboard::model::lexicon::Lexicon;
use planboard::model::{numbers, series};

/// The kept inputs of a target, each with its file name.
fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/fuzz")
        .join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut out: Vec<(String, Vec<u8>)> = entries
        .map(|e| e.expect("entry").path())
        .map(|p| {
            let bytes = std::fs::read(&p).expect("readable input");
            (p.display().to_string(), bytes)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn the_loader_refuses_every_kept_input_without_a_panic() {
    let kept = inputs("load");
    assert!(!kept.is_empty(), "the load target's crashes are kept");
    for (name, bytes) in kept {
        assert!(
            planboard::model::parse("fuzz.ron", &bytes).is_err(),
            "{name}"
        );
    }
}

#[test]
fn the_csv_reader_reads_or_refuses_every_kept_input() {
    for (_, bytes) in inputs("csv") {
        let _ = series::read_csv_from(&bytes[..], "fuzz.csv", "time", &["value", "pm25"]);
    }
}

#[test]
fn the_number_reader_reads_every_kept_input() {
    for (_, bytes) in inputs("numbers") {
        let text = String::from_utf8_lossy(&bytes);
        let chars: Vec<char> = text.chars().collect();
        let _ = numbers::read(&chars, Lexicon::embedded());
        for value in numbers::stated_values(&text) {
            let _ = numbers::quote_states(&text, value, Some("万元"));
        }
    }
}

#[test]
fn the_draft_drafts_or_refuses_every_kept_input() {
    for (_, bytes) in inputs("draft") {
        if let Ok(text) = draft::input::read(&bytes, "fuzz.txt") {
            let request = Request {
                name: "fuzz.txt",
                ..Request::default()
            };
            let _ = draft::draft(&text, &request);
        }
    }
}
