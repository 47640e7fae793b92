use super::*;
use crate::draft::{self, Request};
use crate::model::Text;

const TEXT: &str = "一、2022年主要指标完成情况\n地区生产总值同比增长 3%；固定资产投资\n同比增长 9.1%。\n二、2023年主要目标\n地区生产总值同比增长 7%左右。";

/// Words in both languages.
fn words(zh: &str, en: &str) -> Text {
    Text {
        zh: zh.to_owned(),
        en: en.to_owned(),
    }
}

fn drafted() -> Report {
    let decoded = draft::input::read(TEXT.as_bytes(), "r.txt").unwrap_or_else(|e| panic!("{e}"));
    let req = Request {
        name: "r.txt",
        ..Request::default()
    };
    draft::draft(&decoded, &req)
        .unwrap_or_else(|e| panic!("{e}"))
        .report
}

#[test]
fn figures_in_the_report_order_with_their_place_in_the_text() {
    let report = drafted();
    let review = Review::of(&report, Some(TEXT)).expect("drafted figures");
    assert_eq!(review.items.len(), 3);
    let chars: Vec<char> = TEXT.chars().collect();
    let quoted: Vec<String> = review
        .items
        .iter()
        .map(|it| chars[it.at.clone().expect("found")].iter().collect())
        .collect();
    assert_eq!(quoted[0], "地区生产总值同比增长 3%");
    // A quote across a line break is found whole.
    assert_eq!(quoted[1], "固定资产投资\n同比增长 9.1%");
    assert_eq!(quoted[2], "地区生产总值同比增长 7%左右");
    assert_eq!(review.counts(&report).open, 3);
}

#[test]
fn accept_reject_undo_redo_and_sections() {
    let mut report = drafted();
    let mut review = Review::of(&report, Some(TEXT)).expect("drafted figures");
    review.set_state(&mut report, ReviewState::Accepted);
    assert_eq!(review.state(&report, 0), Some(ReviewState::Accepted));
    assert_eq!(review.selected, 1, "moves on to the next open figure");
    review.set_state(&mut report, ReviewState::Rejected);
    assert_eq!(
        review.counts(&report),
        Counts {
            open: 1,
            accepted: 1,
            rejected: 1
        }
    );
    assert!(review.undo(&mut report));
    assert_eq!(review.state(&report, 1), Some(ReviewState::Proposed));
    assert_eq!(review.selected, 1, "undo shows what it undid");
    assert!(review.redo(&mut report));
    assert_eq!(review.state(&report, 1), Some(ReviewState::Rejected));
    assert!(!review.redo(&mut report));
    // Accept the rest of a section in one change, undone in one step.
    review.select(2);
    review.accept_section(&mut report);
    assert_eq!(review.counts(&report).open, 0);
    assert!(review.undo(&mut report));
    assert_eq!(review.counts(&report).open, 1);
    assert!(review.unsaved);
}

#[test]
fn an_edit_keeps_a_quote_of_the_text_that_states_its_value() {
    let mut report = drafted();
    let mut review = Review::of(&report, Some(TEXT)).expect("drafted figures");
    let mut p = review.point(&report, 0).cloned().expect("a figure");
    p.value = 4.0;
    assert!(matches!(
        review.edit(&mut report, p.clone()),
        Err(EditError::ValueNotStated { .. })
    ));
    p.value = 3.0;
    p.quote = "地区生产总值同比增长 30%".to_owned();
    assert!(matches!(
        review.edit(&mut report, p.clone()),
        Err(EditError::QuoteNotInText(_))
    ));
    p.quote = "地区生产总值同比增长 3%".to_owned();
    p.year = 2021;
    assert_eq!(review.edit(&mut report, p), Ok(()));
    let now = review.point(&report, 0).expect("a figure");
    assert_eq!(now.year, 2021);
    assert_eq!(review.state(&report, 0), Some(ReviewState::Accepted));
    assert!(review.undo(&mut report));
    assert_eq!(review.point(&report, 0).map(|p| p.year), Some(2022));
}

#[test]
fn a_figure_moves_to_another_indicator_and_back() {
    let mut report = drafted();
    let mut review = Review::of(&report, Some(TEXT)).expect("drafted figures");
    let indicators = report.indicators.len();
    // The 2022 GDP growth to the fixed-asset indicator clashes (it has its 2022 growth already).
    review.select(0);
    let fai = report.indicators[review.items[1].indicator].id.clone();
    assert!(matches!(
        review.move_to(&mut report, Target::Here(fai)),
        Err(EditError::Duplicate(_))
    ));
    // To a new indicator: a new id, its names, the figure's unit and section; selected after.
    let name = words("地区生产总值（修订）", "GDP (revised)");
    assert!(matches!(
        review.move_to(&mut report, Target::New(words("", "x"), None)),
        Err(EditError::NoName)
    ));
    review
        .move_to(&mut report, Target::New(name.clone(), None))
        .expect("moved");
    assert_eq!(report.indicators.len(), indicators + 1);
    let p = review.point(&report, review.selected).expect("selected");
    assert_eq!(p.value, 3.0);
    let ind = &report.indicators[review.items[review.selected].indicator];
    assert_eq!(ind.name, name);
    assert_eq!(review.items.len(), 3);
    // One undo puts it back where it was.
    assert!(review.undo(&mut report));
    assert_eq!(report.indicators.len(), indicators);
    assert!(review.redo(&mut report));
    assert_eq!(report.indicators.len(), indicators + 1);
}

#[test]
fn a_missed_figure_is_added_from_the_text() {
    let mut report = drafted();
    let mut review = Review::of(&report, Some(TEXT)).expect("drafted figures");
    let unit = report.units[0].clone();
    let mut point = review.point(&report, 0).cloned().expect("a figure");
    point.quote = "同比增长 9.1%".to_owned();
    point.value = 9.2;
    let name = words("新指标", "New");
    assert!(matches!(
        review.add(
            &mut report,
            point.clone(),
            &unit,
            "x",
            Target::New(name.clone(), None)
        ),
        Err(EditError::ValueNotStated { .. })
    ));
    point.value = 9.1;
    point.year = 2021;
    let category = report.categories[0].id.clone();
    review
        .add(
            &mut report,
            point,
            &unit,
            &category,
            Target::New(name, None),
        )
        .expect("added");
    assert_eq!(review.items.len(), 4);
    assert_eq!(
        review.state(&report, review.selected),
        Some(ReviewState::Accepted)
    );
}

/// A number of the text the draft left out (a comparison in a clause of its own) becomes a figure:
/// pointed at, proposed with its unit and quote, then added to a new indicator.
#[test]
fn a_pointed_number_is_proposed_and_added() {
    let text = "一、2022年主要指标完成情况\n地区生产总值同比增长 3%。全区共有公园 120 座。";
    let decoded = draft::input::read(text.as_bytes(), "r.txt").unwrap_or_else(|e| panic!("{e}"));
    let req = Request {
        name: "r.txt",
        ..Request::default()
    };
    let mut report = draft::draft(&decoded, &req)
        .unwrap_or_else(|e| panic!("{e}"))
        .report;
    // Pretend the draft missed the parks: drop them from the file.
    report
        .indicators
        .retain(|i| i.points.iter().all(|p| p.value != 120.0));
    let mut review = Review::of(&report, Some(text)).expect("a review");
    assert_eq!(review.items.len(), 1);
    let chars: Vec<char> = text.chars().collect();
    let at = chars.iter().position(|&c| c == '1').expect("the 120");
    let proposal = review
        .propose(&report, &chars, at)
        .expect("a unit")
        .expect("a number");
    assert_eq!(
        (proposal.point.value, proposal.unit.zh.as_str()),
        (120.0, "座")
    );
    assert_eq!(proposal.point.quote, "全区共有公园 120 座");
    // Nothing to propose before the text's first number, nor past its end.
    assert_eq!(review.propose(&report, &chars, 0), Ok(None));
    assert_eq!(review.propose(&report, &chars, chars.len() + 5), Ok(None));
    review
        .add(
            &mut report,
            proposal.point,
            &proposal.unit,
            &proposal.category,
            Target::New(words("公园", "Parks"), None),
        )
        .expect("added");
    assert_eq!(review.items.len(), 2);
}

/// A chart keeps the series it still draws (by `Chart::drawn_points`): once every figure of an
/// indicator is rejected, its series goes, and a chart or page left empty goes with it.
#[test]
fn charts_left_with_nothing_to_draw_are_left_out() {
    let mut report = drafted();
    assert!(has_draft(&report));
    let charts = report.charts.len();
    assert!(charts > 0);
    assert_eq!(
        without_empty_charts(&report),
        report,
        "nothing rejected yet"
    );
    for ind in &mut report.indicators {
        for p in &mut ind.points {
            if let Some(r) = &mut p.review {
                r.state = ReviewState::Rejected;
            }
        }
    }
    let kept = without_empty_charts(&report);
    assert!(kept.charts.is_empty(), "{:?}", kept.charts);
    assert!(kept.pages.is_empty());
    // The figures stay in the file, rejected: drafting the text again does not bring them back.
    assert_eq!(kept.indicators, report.indicators);
}

/// Saving writes the file in the draft's layout, checked to load, and clears `unsaved`; a file
/// that is no longer open, or data with no file, is refused with a reason in both languages.
#[test]
fn a_review_is_saved_and_merged() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("r.ron");
    let mut report = drafted();
    std::fs::write(&path, crate::model::write::to_ron(&report, "r.ron")).expect("write");
    let dataset = crate::model::load_dataset(std::slice::from_ref(&path)).expect("loads");
    let mut review = Review::of(&report, Some(TEXT)).expect("drafted figures");
    review.set_state(&mut report, ReviewState::Rejected);
    assert!(review.unsaved);

    let shown = merged(&dataset.files, 0, &report).expect("merges");
    assert_eq!(shown.report, without_empty_charts(&report));
    assert!(matches!(
        merged(&dataset.files, 3, &report),
        Err(ReviewError::NotOpen)
    ));

    assert_eq!(
        review.save(&dataset.files, 0, &report).expect("saved"),
        path
    );
    assert!(!review.unsaved);
    let again = crate::model::load_dataset(std::slice::from_ref(&path)).expect("loads again");
    // Loading fills in what the file leaves implicit (each figure's source); the states are kept.
    let states = |r: &Report| -> Vec<Option<ReviewState>> {
        r.indicators
            .iter()
            .flat_map(|i| &i.points)
            .map(|p| p.review.as_ref().map(|v| v.state))
            .collect()
    };
    assert_eq!(states(&again.report), states(&report));

    let err = review
        .save(&dataset.files, 1, &report)
        .expect_err("not open");
    assert_eq!(err.message().zh, "审阅中的文件已不再打开");
    let mut embedded = dataset.files.clone();
    embedded[0].path = None;
    let err = review.save(&embedded, 0, &report).expect_err("no file");
    assert!(matches!(err, ReviewError::NoFile));
}

/// Keys and buttons reach the review as commands.
#[test]
fn commands_step_accept_and_undo() {
    let mut report = drafted();
    let mut review = Review::of(&report, Some(TEXT)).expect("drafted figures");
    review.run(&mut report, Command::Next);
    assert_eq!(review.selected, 1);
    review.run(&mut report, Command::Previous);
    review.run(&mut report, Command::Accept);
    assert_eq!(review.counts(&report).accepted, 1);
    review.run(&mut report, Command::Edit);
    assert_eq!(review.counts(&report).accepted, 1, "the form's business");
    review.run(&mut report, Command::Undo);
    assert_eq!(review.counts(&report).accepted, 0);
    review.run(&mut report, Command::Redo);
    assert_eq!(review.counts(&report).accepted, 1);
}

/// Every refusal is said in Chinese too.
#[test]
fn refusals_are_said_in_both_languages() {
    let err = EditError::NoUnitAfterNumber;
    let msg = err.message();
    assert_eq!(msg.en, err.to_string());
    assert!(msg.zh.contains("单位"), "{}", msg.zh);
}
