//! Reports of many places made up for tests and benches: the drafted work reports of China's 31
//! provinces (their names and GB/T 2260 codes are real, their figures are not), each with the same
//! indicators under the same ids, so the same indicator lines up across places; the first also
//! declares a page comparing them (charts of kind `Places`).
//!
//! Shared by `tests/` (through `support`) and `benches/places.rs` (through `#[path]`), so the
//! window the benchmark times is the one the tests look at.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use planboard::model::{
    Basis, Better, Category, Chart, ChartKind, DataPoint, Indicator, Page, Place, PlaceLevel,
    PointKind, Qualifier, Report, Review, ReviewState, Source, SourceKind, Span, SpanRead, Text,
    Unit, YearRange,
};

/// The 31 provinces of the mainland: code, name, English name.
pub const PROVINCES: [(&str, &str, &str); 31] = [
    ("110000", "北京市", "Beijing"),
    ("120000", "天津市", "Tianjin"),
    ("130000", "河北省", "Hebei"),
    ("140000", "山西省", "Shanxi"),
    ("150000", "内蒙古自治区", "Inner Mongolia"),
    ("210000", "辽宁省", "Liaoning"),
    ("220000", "吉林省", "Jilin"),
    ("230000", "黑龙江省", "Heilongjiang"),
    ("310000", "上海市", "Shanghai"),
    ("320000", "江苏省", "Jiangsu"),
    ("330000", "浙江省", "Zhejiang"),
    ("340000", "安徽省", "Anhui"),
    ("350000", "福建省", "Fujian"),
    ("360000", "江西省", "Jiangxi"),
    ("370000", "山东省", "Shandong"),
    ("410000", "河南省", "Henan"),
    ("420000", "湖北省", "Hubei"),
    ("430000", "湖南省", "Hunan"),
    ("440000", "广东省", "Guangdong"),
    ("450000", "广西壮族自治区", "Guangxi"),
    ("460000", "海南省", "Hainan"),
    ("500000", "重庆市", "Chongqing"),
    ("510000", "四川省", "Sichuan"),
    ("520000", "贵州省", "Guizhou"),
    ("530000", "云南省", "Yunnan"),
    ("540000", "西藏自治区", "Xizang"),
    ("610000", "陕西省", "Shaanxi"),
    ("620000", "甘肃省", "Gansu"),
    ("630000", "青海省", "Qinghai"),
    ("640000", "宁夏回族自治区", "Ningxia"),
    ("650000", "新疆维吾尔自治区", "Xinjiang"),
];

fn text(zh: &str, en: &str) -> Text {
    Text {
        zh: zh.to_owned(),
        en: en.to_owned(),
    }
}

/// Indicator `j`'s names: GDP growth first, then numbered ones.
fn indicator_name(j: usize) -> Text {
    match j {
        0 => text("地区生产总值增长", "GDP growth"),
        1 => text("居民消费价格涨幅", "Consumer prices"),
        2 => text("城镇调查失业率", "Urban surveyed unemployment rate"),
        _ => text(
            &format!("第{j}项指标增长"),
            &format!("Indicator {j} growth"),
        ),
    }
}

/// A proposed figure of place `k`'s report, in the words a report would use.
fn figure(k: usize, year: i32, kind: PointKind, value: f64, qualifier: Qualifier) -> DataPoint {
    let (code, _, _) = PROVINCES[k % PROVINCES.len()];
    DataPoint {
        year,
        kind,
        value,
        qualifier,
        high: None,
        span: None,
        basis: Basis::YearOnYear,
        part: None,
        period: None,
        note: None,
        measure: None,
        source: Some(format!("{code}-2026")),
        quote: format!("增长{value}%"),
        header_unit: None,
        review: Some(Review {
            state: ReviewState::Proposed,
            why: "生成的数据".to_owned(),
        }),
        revised_by: None,
        file: 0,
    }
}

/// Place `k`'s figures of indicator `j`: its 2025 result and target, its 2026 target (a range
/// every third place, "左右" every other, "以上" else) and its 2021–2025 average.
fn points(k: usize, j: usize) -> Vec<DataPoint> {
    let v = 4.0 + ((k * 7 + j * 3) % 30) as f64 / 10.0;
    let round = |x: f64| (x * 10.0).round() / 10.0;
    let target_2026 = match k % 3 {
        0 => DataPoint {
            high: Some(round(v + 0.5)),
            quote: format!("增长{v}%—{}%", round(v + 0.5)),
            ..figure(k, 2026, PointKind::Target, v, Qualifier::Range)
        },
        1 => figure(k, 2026, PointKind::Target, v, Qualifier::About),
        _ => figure(k, 2026, PointKind::Target, v, Qualifier::AtLeast),
    };
    vec![
        figure(
            k,
            2025,
            PointKind::Actual,
            round(v + 0.2 - (k % 5) as f64 * 0.2),
            Qualifier::Exact,
        ),
        figure(k, 2025, PointKind::Target, v, Qualifier::About),
        target_2026,
        DataPoint {
            span: Some(Span {
                from: 2021,
                over: SpanRead::PerYear,
            }),
            quote: format!("年均增长{}%", round(v + 0.4)),
            ..figure(k, 2025, PointKind::Actual, round(v + 0.4), Qualifier::Exact)
        },
    ]
}

/// The charts comparing places, declared by the first place's file: 2026 targets of the first
/// three indicators, and each place's 2025 GDP growth beside its target.
fn comparison(indicators: usize) -> (Vec<Chart>, Page) {
    let chart = |j: usize, kinds: Vec<PointKind>, year: i32| Chart {
        id: format!("compare_{j}_{year}"),
        title: text(
            &format!("各省{year}年{}", indicator_name(j).zh),
            &format!("{} {year} by province", indicator_name(j).en),
        ),
        kind: ChartKind::Places,
        series: vec![format!("ind{j}")],
        measure: None,
        kinds,
        sources: Vec::new(),
        reference_lines: Vec::new(),
        year: Some(year),
        from: None,
    };
    let mut charts: Vec<Chart> = (0..indicators.min(3))
        .map(|j| chart(j, vec![PointKind::Target], 2026))
        .collect();
    charts.push(chart(0, vec![PointKind::Actual, PointKind::Target], 2025));
    let page = Page {
        id: "compare".to_owned(),
        title: text("各省比较", "Provinces compared"),
        charts: charts.iter().map(|c| c.id.clone()).collect(),
    };
    (charts, page)
}

/// Place `k`'s drafted 2026 work report: `indicators` indicators (at least one), a page of its
/// first five in one chart; the first place's also compares them all.
pub fn province(k: usize, indicators: usize) -> Report {
    let indicators = indicators.max(1);
    let (code, name, en) = PROVINCES[k % PROVINCES.len()];
    let chart = Chart {
        id: format!("main_{code}"),
        title: text("主要指标", "Main indicators"),
        kind: ChartKind::GroupedBars,
        series: (0..indicators.min(5)).map(|j| format!("ind{j}")).collect(),
        measure: None,
        kinds: vec![PointKind::Actual, PointKind::Target],
        sources: Vec::new(),
        reference_lines: Vec::new(),
        year: None,
        from: None,
    };
    let title = text(
        &format!("2026年{name}政府工作报告"),
        &format!("{en} 2026 government work report"),
    );
    let issuer = text(
        &format!("{name}人民政府"),
        &format!("People's Government of {en}"),
    );
    let mut report = Report {
        title: title.clone(),
        issuer: issuer.clone(),
        years: YearRange {
            first: 2021,
            last: 2026,
        },
        sources: vec![Source {
            id: format!("{code}-2026"),
            title: title.clone(),
            issuer: issuer.clone(),
            kind: SourceKind::WorkReport,
            place: Some(Place {
                name: name.to_owned(),
                en: en.to_owned(),
                level: PlaceLevel::Province,
                code: code.to_owned(),
            }),
            dated_by: None,
            published: "2026-01-20".to_owned(),
            url: None,
            text: None,
        }],
        categories: vec![Category {
            id: "economy".to_owned(),
            zh: "经济".to_owned(),
            en: "Economy".to_owned(),
        }],
        units: vec![Unit {
            id: "pct".to_owned(),
            zh: "%".to_owned(),
            en: "%".to_owned(),
            percent: true,
        }],
        indicators: (0..indicators)
            .map(|j| Indicator {
                id: format!("ind{j}"),
                name: indicator_name(j),
                category: "economy".to_owned(),
                unit: "pct".to_owned(),
                measures: Vec::new(),
                better: Better::Higher,
                points: points(k, j),
                series: None,
                samples: None,
            })
            .collect(),
        charts: vec![chart],
        pages: vec![Page {
            id: format!("main_{code}"),
            title: text("主要指标", "Main indicators"),
            charts: vec![format!("main_{code}")],
        }],
    };
    if k == 0 {
        let (charts, page) = comparison(indicators);
        report.charts.extend(charts);
        report.pages.insert(0, page);
    }
    report
}

/// The first `places` provinces' drafted reports (at most 31), `indicators` indicators each,
/// written into `dir` as data files named by their codes; their paths in order.
pub fn write_provinces(dir: &Path, places: usize, indicators: usize) -> Vec<PathBuf> {
    (0..places.min(PROVINCES.len()))
        .map(|k| {
            let path = dir.join(format!("{}-2026.ron", PROVINCES[k].0));
            // ron's own writer: it writes every field the model has (spans, ranges, places).
            let ron = ron::ser::to_string_pretty(
                &province(k, indicators),
                ron::ser::PrettyConfig::default(),
            )
            .expect("a report as RON");
            std::fs::write(&path, ron).expect("write a generated report");
            path
        })
        .collect()
}
