//! Export speed and memory, against plotters drawing comparable charts.
//!
//! `cargo bench --bench export` (release build). It measures:
//! - one chart from a fresh process: `planboard export --chart headline` (wall, median of 15);
//! - every chart of the default report in one process: `planboard export` (wall, median of 7);
//! - the same charts rendered in this process on one core (ms a chart) and its peak memory;
//! - plotters (CPU bitmap backend) drawing as many comparable bar charts with Chinese labels at the
//!   same size, PNG-encoded, on one core.
//!
//! Goals (issue "Save charts as images"): the whole set in at most twice plotters' time, one chart
//! under 100 ms from process start; aim: no slower than plotters.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)] // a measuring program

use std::collections::BTreeSet;
use std::process::Command;
use std::time::{Duration, Instant};

use plotters::prelude::*;

const BIN: &str = env!("CARGO_BIN_EXE_planboard");

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn run_export(out: &std::path::Path, extra: &[&str]) -> Duration {
    let t = Instant::now();
    let status = Command::new(BIN)
        .args(["export", "--out", out.to_str().unwrap()])
        .args(extra)
        .stdout(std::process::Stdio::null())
        .status()
        .expect("run planboard");
    assert!(status.success());
    t.elapsed()
}

fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// A bar chart comparable to planboard's headline chart, drawn by plotters: title, five Chinese
/// category labels, two bars each, value labels, a legend, 1800×1000, written as PNG.
fn plotters_chart(path: &std::path::Path, k: usize) {
    let root = BitMapBackend::new(path, (1800, 1000)).into_drawing_area();
    root.fill(&WHITE).unwrap();
    let names = [
        "地区生产总值",
        "规模以上工业增加值",
        "固定资产投资",
        "社会消费品零售总额",
        "一般公共预算收入",
    ];
    let actual = [3.0, 1.7, 9.1, 5.9, -9.9];
    let target = [7.0, 6.5, 10.0, 7.5, 17.0];
    let mut chart = ChartBuilder::on(&root)
        .caption(
            format!("主要指标：2022年完成与2023年目标（同比增长）{k}"),
            ("sans-serif", 36),
        )
        .margin(30)
        .x_label_area_size(60)
        .y_label_area_size(70)
        .build_cartesian_2d(-0.5f64..4.5f64, -15f64..25f64)
        .unwrap();
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(5)
        .x_label_formatter(&|x| {
            names
                .get(x.round() as usize)
                .copied()
                .unwrap_or("")
                .to_owned()
        })
        .y_desc("单位：%")
        .label_style(("sans-serif", 24))
        .draw()
        .unwrap();
    let blue = RGBColor(0x54, 0x70, 0xc6);
    let light = RGBColor(0xb0, 0xbc, 0xe8);
    chart
        .draw_series(actual.iter().enumerate().map(|(i, v)| {
            let x = i as f64;
            Rectangle::new([(x - 0.35, 0.0), (x - 0.02, *v)], blue.filled())
        }))
        .unwrap()
        .label("2022年完成")
        .legend(move |(x, y)| Rectangle::new([(x, y - 8), (x + 16, y + 8)], blue.filled()));
    chart
        .draw_series(target.iter().enumerate().map(|(i, v)| {
            let x = i as f64;
            Rectangle::new([(x + 0.02, 0.0), (x + 0.35, *v)], light.filled())
        }))
        .unwrap()
        .label("2023年目标")
        .legend(move |(x, y)| Rectangle::new([(x, y - 8), (x + 16, y + 8)], light.filled()));
    chart
        .draw_series(
            actual
                .iter()
                .zip(target)
                .enumerate()
                .flat_map(|(i, (a, t))| {
                    let x = i as f64;
                    [
                        Text::new(
                            format!("{a}%"),
                            (x - 0.25, a + 1.5),
                            ("sans-serif", 22).into_font(),
                        ),
                        Text::new(
                            format!("≈{t}%"),
                            (x + 0.1, t + 1.5),
                            ("sans-serif", 22).into_font(),
                        ),
                    ]
                }),
        )
        .unwrap();
    chart
        .configure_series_labels()
        .label_font(("sans-serif", 24))
        .background_style(WHITE.mix(0.8))
        .border_style(BLACK)
        .draw()
        .unwrap();
    root.present().unwrap();
}

fn main() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let report = planboard::model::load_default().expect("default report");
    let n = report.charts.len();

    // Warm the page cache for the binary.
    run_export(tmp.path(), &["--chart", "headline"]);
    let one = median(
        (0..15)
            .map(|_| run_export(tmp.path(), &["--chart", "headline"]))
            .collect(),
    );
    let all = median((0..7).map(|_| run_export(tmp.path(), &[])).collect());

    // In process, one core, no disk: the pure cost of a chart image.
    let opts = planboard::export::ImageOptions::default();
    let request = |chart, options| planboard::export::ImageRequest {
        report: &report,
        chart,
        hidden: BTreeSet::new(),
        view: planboard::charts::time::TimeView::default(),
        data_label: "longgang-2022-2023.ron".to_owned(),
        options,
    };
    let t = Instant::now();
    for chart in &report.charts {
        let png = planboard::export::bytes(&request(chart, opts)).expect("png");
        std::hint::black_box(png);
    }
    let in_process = t.elapsed();
    let peak = peak_rss_kib();

    // The same charts as SVG, in process, one core (issue "Vector images": no slower than PNG).
    let svg_opts = planboard::export::ImageOptions {
        format: planboard::export::ImageFormat::Svg,
        ..opts
    };
    let t = Instant::now();
    let mut svg_bytes = 0;
    for chart in &report.charts {
        let svg = planboard::export::bytes(&request(chart, svg_opts)).expect("svg");
        svg_bytes += svg.len();
        std::hint::black_box(svg);
    }
    let svg_in_process = t.elapsed();
    let all_svg = median(
        (0..7)
            .map(|_| run_export(tmp.path(), &["--format", "svg"]))
            .collect(),
    );

    // plotters, one core, the same number of charts, written to disk.
    plotters::style::register_font(
        "sans-serif",
        FontStyle::Normal,
        planboard::draw::fonts::CJK_FONT,
    )
    .map_err(|_| "font")
    .expect("register the CJK font with plotters");
    let t = Instant::now();
    for k in 0..n {
        plotters_chart(&tmp.path().join(format!("plotters-{k}.png")), k);
    }
    let plotters = t.elapsed();

    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("charts in the default report: {n} (1800×1000 px each, 2× scale)");
    println!(
        "one chart, fresh process (wall):      {:8.1} ms   goal < 100 ms",
        ms(one)
    );
    println!(
        "all charts, one process (wall):       {:8.1} ms   = {:.1} ms a chart (both cores)",
        ms(all),
        ms(all) / n as f64
    );
    println!(
        "all charts in process, one core:      {:8.1} ms   = {:.1} ms a chart, peak RSS {} MiB",
        ms(in_process),
        ms(in_process) / n as f64,
        peak.map_or("?".to_owned(), |k| format!("{:.0}", k as f64 / 1024.0))
    );
    println!(
        "SVG, all charts in process, one core: {:8.1} ms   = {:.1} ms a chart, {:.0} KB a chart; goal ≤ PNG",
        ms(svg_in_process),
        ms(svg_in_process) / n as f64,
        svg_bytes as f64 / n as f64 / 1024.0
    );
    println!(
        "SVG, all charts, one process (wall):  {:8.1} ms   (PNG: {:.1} ms)",
        ms(all_svg),
        ms(all)
    );
    println!(
        "plotters, as many charts, one core:   {:8.1} ms   = {:.1} ms a chart",
        ms(plotters),
        ms(plotters) / n as f64
    );
    println!(
        "ratio planboard (one core) / plotters: {:.2}   goal ≤ 2, aim ≤ 1",
        in_process.as_secs_f64() / plotters.as_secs_f64()
    );
}
