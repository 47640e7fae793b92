//! Broken data files each give one clear message with file:line:column, and no input panics.

use planboard::model::{self, LoadError};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");

fn problems(name: &str) -> Vec<String> {
    let path = std::path::PathBuf::from(DIR).join("broken").join(name);
    match model::load_file(&path) {
        Ok(_) => panic!("{name} must not load"),
        Err(e) => e.problems().iter().map(ToString::to_string).collect(),
    }
}

/// Each broken file yields exactly one problem at the expected place with the expected words.
#[test]
fn each_broken_file_gets_one_clear_line() {
    let cases = [
        ("typo_field.ron", "41:49", "Unexpected field named `vaule`"),
        ("duplicate_id.ron", "36:17", "duplicate indicator id `gdp`"),
        ("nan_value.ron", "31:56", "is NaN; expected a finite number"),
        (
            "huge_value.ron",
            "41:56",
            "expected at most 1e15 in magnitude",
        ),
        (
            "missing_indicator.ron",
            "51:29",
            "names indicator `revenu`, which does not exist",
        ),
        ("mixed_units.ron", "51:29", "mixes units on one value axis"),
        // The figure that differs, where it is, and the one it differs from.
        (
            "mixed_basis.ron",
            "31:87",
            "compares different bases: `revenue` 2022 actual is cumulative, but `gdp` 2022 actual is year_on_year",
        ),
        (
            "rate_over_100.ron",
            "19:56",
            "expected a rate or share within 0–100",
        ),
        (
            "year_out_of_range.ron",
            "21:29",
            "year 2031 of `gdp` is outside",
        ),
        ("empty_quote.ron", "22:30", "has an empty quote"),
        ("missing_comma.ron", "30:13", "Expected comma"),
        (
            "unknown_unit.ron",
            "39:19",
            "names unit `tons`, which is not declared",
        ),
        ("not_utf8.ron", "5:19", "not valid UTF-8"),
        (
            "reserved_page.ron",
            "61:14",
            "page id `table` is reserved for the window's own page",
        ),
    ];
    for (file, at, words) in cases {
        let found = problems(file);
        assert_eq!(found.len(), 1, "{file}: {found:#?}");
        let line = &found[0];
        let prefix = format!("{DIR}/broken/{file}:{at}: ");
        assert!(
            line.starts_with(&prefix),
            "{file}: expected {prefix}…, got {line}"
        );
        assert!(line.contains(words), "{file}: expected `{words}` in {line}");
    }
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    let found = problems("several_problems.ron");
    let expected = [
        ":26:17: duplicate indicator id `gdp`",
        ":41:56: value of `incineration` 2022 is inf",
        ":51:29: chart `headline` names indicator `revenue`",
        ":54:17: chart `waste` is on no page",
        ":61:74: page `main` names chart `wastes`, which does not exist; expected a chart id (did you mean `waste`?)",
    ];
    assert_eq!(found.len(), expected.len(), "{found:#?}");
    for (line, want) in found.iter().zip(expected) {
        assert!(line.contains(want), "expected `{want}` in {line}");
    }
}

#[test]
fn oversized_input_is_refused_before_parsing() {
    let big = vec![b' '; usize::try_from(model::MAX_FILE_BYTES).expect("fits") + 1];
    let err = model::parse("big.ron", &big).expect_err("over the limit");
    assert!(matches!(err, LoadError::TooLarge { .. }));
    assert!(
        err.to_string()
            .starts_with("big.ron: the file is 16777217 bytes, over the limit")
    );
}

#[test]
fn a_missing_file_names_the_file() {
    let err = model::load_file(std::path::Path::new("/nonexistent/x.ron")).expect_err("missing");
    assert!(
        err.to_string()
            .starts_with("/nonexistent/x.ron: cannot read the file")
    );
}

/// Cut the valid file at every character and flip bytes here and there: never a panic, and each
/// failure still names the file.
#[test]
fn no_input_panics() {
    let text = std::fs::read_to_string(format!("{DIR}/minimal.ron")).expect("minimal.ron");
    for (i, _) in text.char_indices() {
        if let Err(e) = model::parse("cut.ron", &text.as_bytes()[..i]) {
            assert!(e.to_string().starts_with("cut.ron"), "{e}");
        }
    }
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..2000 {
        let mut bytes = text.clone().into_bytes();
        for _ in 0..3 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let at = usize::try_from(seed % bytes.len() as u64).expect("fits");
            bytes[at] = (seed >> 32) as u8;
        }
        let _ = model::parse("mutated.ron", &bytes);
    }
}

use crate::support::generated;

/// A file with thousands of problems: each is reported, at its own exact `file:line:column` (columns
/// in characters, behind Chinese text), whether validation finds it or the provenance check. The
/// positions come from one map of the file, built once, not from a walk of the file per problem.
#[test]
fn many_problems_are_each_located_exactly() {
    let dir = tempfile::tempdir().unwrap();
    for flaw in [
        generated::Flaw::YearOutOfRange,
        generated::Flaw::QuoteWithoutValue,
    ] {
        let generated = generated::report(3000, 3, flaw);
        let path = dir.path().join("many.ron");
        std::fs::write(&path, &generated.text).unwrap();
        let name = path.display().to_string();
        let found = match model::load_dataset(std::slice::from_ref(&path)) {
            Ok(dataset) => model::provenance::check(&dataset, &[]).problems,
            Err(err) => err.problems(),
        };
        assert_eq!(found.len(), 3000, "{flaw:?}");
        for (problem, &(line, column)) in found.iter().zip(&generated.flaws) {
            assert_eq!(
                problem.location.to_string(),
                format!("{name}:{line}:{column}"),
                "{flaw:?}: {problem}"
            );
        }
        let words = match flaw {
            generated::Flaw::YearOutOfRange => "is outside the report's years",
            _ => "which its quote does not state",
        };
        assert!(found.iter().all(|p| p.message.contains(words)), "{flaw:?}");
    }
}

/// The generated file the benchmark times is valid when nothing is wrong with its figures.
#[test]
fn a_generated_file_without_flaws_is_valid() {
    let generated = generated::report(300, 3, generated::Flaw::None);
    let dataset = model::parse_data_file("generated.ron", None, generated.text.as_bytes())
        .and_then(|file| model::merge(vec![file]))
        .expect("valid");
    assert_eq!(dataset.report.point_count(), 300);
    assert!(model::provenance::check(&dataset, &[]).problems.is_empty());
}
