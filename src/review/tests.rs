use super::*;
use crate::draft::{self, Request};
use crate::model::Text;

const TEXT: &str = "一、2022年主要指标完成情况\n地区生产总值同比增长 3%；固定资产投资\n同比增长 9.1%。\n二、2023年主要目标\n地区生产总值同比增长 7%左右。";

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
    let name = Text {
        zh: "地区生产总值（修订）".to_owned(),
        en: "GDP (revised)".to_owned(),
    };
    assert!(matches!(
        review.move_to(
            &mut report,
            Target::New(
                Text {
                    zh: String::new(),
                    en: "x".to_owned()
                },
                None
            )
        ),
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
    let name = Text {
        zh: "新指标".to_owned(),
        en: "New".to_owned(),
    };
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
