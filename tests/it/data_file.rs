//! The shipped data file: valid, faithful to the source report, and complete where the issue asks.

use planboard::model::{self, Basis, PointKind, Qualifier, Report};

const SOURCE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/source/longgang-2022-plan-report.txt"
);

fn report() -> Report {
    match model::load_default() {
        Ok(r) => r,
        Err(e) => panic!("the shipped data file must validate:\n{e}"),
    }
}

#[test]
fn shipped_file_validates_and_has_content() {
    let r = report();
    assert!(
        r.indicators.len() >= 100,
        "{} indicators",
        r.indicators.len()
    );
    assert!(r.charts.len() >= 10);
    assert!(r.pages.len() >= 3);
}

/// The program's own provenance check, as `planboard check --sources ../shared/source` runs it:
/// every quote is in the report's text (whitespace ignored) and states its value, Chinese numerals
/// and falls included.
#[test]
fn every_quote_is_in_the_source_and_holds_its_value() {
    assert!(
        std::path::Path::new(SOURCE).is_file(),
        "the source report must be at {SOURCE}"
    );
    let files = model::default_data_files().expect("the shipped files");
    let dataset = model::merge(files).expect("valid");
    let dir = std::path::Path::new(SOURCE)
        .parent()
        .expect("folder")
        .to_owned();
    let provenance = planboard::model::provenance::check(&dataset, &[dir]);
    let problems: Vec<String> = provenance
        .problems
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The plan report's file: every figure checked against the report's text.
    let plan = dataset
        .files
        .iter()
        .position(|f| f.name.ends_with("longgang-2022-2023.ron"))
        .expect("the plan report's file");
    assert_eq!(
        provenance.file_verified(plan),
        Some(true),
        "{provenance:#?}"
    );
    let figures = dataset.files[plan].report.point_count();
    let check = provenance
        .sources
        .iter()
        .find(|c| c.file == plan)
        .expect("its source");
    assert!(matches!(
        check.state,
        planboard::model::provenance::TextState::Checked { figures: n, problems: 0, .. } if n == figures
    ));
}

/// (id, year, kind, value, qualifier, basis) for figures the issue names explicitly, checked by
/// hand against the report.
#[test]
fn the_named_figures_are_there_as_the_report_states_them() {
    use Basis::*;
    use PointKind::*;
    use Qualifier::*;
    let expected: &[(&str, i32, PointKind, f64, Qualifier, Basis)] = &[
        ("gdp", 2022, Actual, 3.0, Exact, YearOnYear),
        ("gdp", 2023, Target, 7.0, About, YearOnYear),
        (
            "industrial_value_added",
            2022,
            Actual,
            1.7,
            Exact,
            YearOnYear,
        ),
        (
            "industrial_value_added",
            2023,
            Target,
            6.5,
            About,
            YearOnYear,
        ),
        (
            "fixed_asset_investment",
            2022,
            Actual,
            9.1,
            Exact,
            YearOnYear,
        ),
        (
            "fixed_asset_investment",
            2023,
            Target,
            10.0,
            About,
            YearOnYear,
        ),
        ("retail_sales", 2022, Actual, 5.9, Exact, YearOnYear),
        ("retail_sales", 2023, Target, 7.5, About, YearOnYear),
        (
            "general_budget_revenue",
            2022,
            Actual,
            -9.9,
            Exact,
            YearOnYear,
        ),
        (
            "general_budget_revenue",
            2023,
            Target,
            17.0,
            Exact,
            YearOnYear,
        ),
        ("good_air_day_rate", 2022, Actual, 90.1, Exact, Rate),
        ("pm25", 2022, Actual, 17.2, Exact, Level),
        ("good_river_length", 2022, Actual, 105.5, Exact, Level),
        ("good_river_share", 2022, Actual, 53.5, Exact, Rate),
        ("compliant_sections", 2022, Actual, 67.0, Exact, Level),
        ("sponge_city_area", 2022, Actual, 18.1, Exact, NewInYear),
        // A running total and a yearly target are two indicators, never one series.
        (
            "zero_discharge_communities_total",
            2022,
            Actual,
            3816.0,
            Exact,
            Cumulative,
        ),
        (
            "zero_discharge_communities_new",
            2023,
            Target,
            900.0,
            Exact,
            NewInYear,
        ),
        ("overflow_points", 2022, Actual, 3.0, Exact, NewInYear),
        ("waterlogging_points", 2022, Actual, 26.0, Exact, NewInYear),
        (
            "waste_sorting_points",
            2022,
            Actual,
            4333.0,
            Exact,
            NewInYear,
        ),
        ("waste_sorting_capacity", 2022, Actual, 4100.0, Exact, Level),
        ("incineration_capacity", 2022, Actual, 6700.0, Exact, Level),
        ("kitchen_waste_capacity", 2022, Actual, 2060.0, Exact, Level),
        ("recycling_rate", 2022, Baseline, 36.0, Exact, Rate),
        ("recycling_rate", 2022, Actual, 51.0, Exact, Rate),
        (
            "kitchen_waste_sorting_rate",
            2022,
            Baseline,
            17.0,
            Exact,
            Rate,
        ),
        (
            "kitchen_waste_sorting_rate",
            2022,
            Actual,
            27.0,
            Exact,
            Rate,
        ),
        (
            "charging_facilities",
            2022,
            Actual,
            4195.0,
            Exact,
            NewInYear,
        ),
        (
            "rooftop_pv_projects",
            2022,
            Actual,
            116.0,
            Exact,
            Cumulative,
        ),
        (
            "prefab_building_area",
            2023,
            Target,
            3_000_000.0,
            AtLeast,
            NewInYear,
        ),
        ("greenways", 2022, Actual, 5.7, Exact, NewInYear),
        ("greenways", 2023, Target, 8.0, Exact, NewInYear),
        ("bidao", 2022, Actual, 84.0, Exact, Cumulative),
        ("hiking_trails", 2022, Actual, 90.0, Exact, NewInYear),
        ("afforestation", 2023, Target, 150.0, Exact, NewInYear),
        ("trees_planted", 2023, Target, 8000.0, AtLeast, NewInYear),
        ("roads_opened", 2022, Actual, 50.0, Exact, NewInYear),
        ("roads_opened", 2023, Target, 30.0, Exact, NewInYear),
        ("roads_started", 2022, Actual, 44.0, Exact, NewInYear),
        ("roads_started", 2023, Target, 40.0, Exact, NewInYear),
        (
            "bus_lines_new_optimised",
            2022,
            Actual,
            74.0,
            Exact,
            NewInYear,
        ),
        (
            "bus_lines_new_optimised",
            2023,
            Target,
            35.0,
            AtLeast,
            NewInYear,
        ),
        (
            "public_housing_raised",
            2022,
            Actual,
            23500.0,
            Exact,
            NewInYear,
        ),
        (
            "public_housing_raised",
            2023,
            Target,
            26200.0,
            AtLeast,
            NewInYear,
        ),
        (
            "compulsory_public_school_places_new",
            2022,
            Actual,
            13000.0,
            Exact,
            NewInYear,
        ),
        (
            "school_places_new_total",
            2023,
            Target,
            20000.0,
            AtLeast,
            NewInYear,
        ),
        ("hospital_beds_new", 2023, Target, 500.0, AtLeast, NewInYear),
        ("tech_incubators", 2022, Actual, 19.0, Exact, NewInYear),
        ("tech_incubators", 2023, Target, 5.0, Exact, NewInYear),
        ("little_giants_new", 2022, Actual, 28.0, Exact, NewInYear),
        ("little_giants_new", 2023, Target, 30.0, AtLeast, NewInYear),
        ("rd_share_of_gdp", 2022, Actual, 12.8, Exact, Rate),
        ("pct_applications", 2022, Actual, 5126.0, Exact, NewInYear),
    ];
    let r = report();
    let mut missing = Vec::new();
    for &(id, year, kind, value, qualifier, basis) in expected {
        let found = r.indicator(id).is_some_and(|ind| {
            ind.points.iter().any(|p| {
                p.year == year
                    && p.kind == kind
                    && p.value == value
                    && p.qualifier == qualifier
                    && p.basis == basis
            })
        });
        if !found {
            missing.push(format!(
                "{id} {year} {kind:?} {value} {qualifier:?} {basis:?}"
            ));
        }
    }
    assert!(
        missing.is_empty(),
        "not as expected:\n{}",
        missing.join("\n")
    );
}

#[test]
fn river_figures_cover_january_to_november_only() {
    let r = report();
    for id in ["good_river_length", "good_river_share"] {
        let ind = r.indicator(id).expect("river indicator");
        for p in &ind.points {
            assert_eq!(
                p.part,
                Some(planboard::model::time::YearPart::Months(1, 11)),
                "river figures are placed in January to November"
            );
            assert_eq!(p.time_label(planboard::model::Lang::Zh), "2022年1-11月");
            assert!(p.period.is_none(), "the part is structured, not words");
        }
    }
}

#[test]
fn no_figure_has_a_year_the_report_does_not_cover() {
    let r = report();
    for ind in &r.indicators {
        for p in ind
            .points
            .iter()
            .filter(|p| p.source_id() == "lg-plan-2022")
        {
            assert!(
                (2022..=2023).contains(&p.year),
                "{} has year {}",
                ind.id,
                p.year
            );
            // 2022 holds results (and baselines), 2023 targets (and the baselines they start from).
            match p.kind {
                PointKind::Actual => assert_eq!(p.year, 2022, "{}", ind.id),
                PointKind::Target => assert_eq!(p.year, 2023, "{}", ind.id),
                PointKind::Baseline => {}
            }
        }
    }
}

/// The record across the years: every figure cites a public document by its address, states its
/// value in its own words (checked even without the documents' texts), and no year is invented.
#[test]
fn the_record_across_the_years_cites_every_figure() {
    let files = model::default_data_files().expect("the shipped files");
    let record = files
        .iter()
        .find(|f| f.name.ends_with("longgang-record.ron"))
        .expect("the record file")
        .report
        .clone();
    for source in &record.sources {
        assert!(
            source.url.as_deref().is_some_and(|u| u.starts_with("http")),
            "{} has an address",
            source.id
        );
    }
    for ind in &record.indicators {
        for p in &ind.points {
            assert!(
                record.source(p.source_id()).is_some(),
                "{} {}",
                ind.id,
                p.year
            );
            assert!((2018..=2024).contains(&p.year));
        }
    }
    let dataset = model::merge(files).expect("valid together");
    let provenance = planboard::model::provenance::check(&dataset, &[]);
    let problems: Vec<String> = provenance
        .problems
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The 2022 GDP level: the work report's preliminary 4759亿 revised by the bulletin's 4759.06亿.
    let gdp = dataset.report.indicator("gdp").expect("gdp");
    let revised: Vec<_> = gdp
        .points
        .iter()
        .filter(|p| p.revised_by.is_some())
        .collect();
    assert_eq!(revised.len(), 1);
    assert_eq!(revised[0].value, 4759e8);
}
