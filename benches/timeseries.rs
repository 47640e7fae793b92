//! Time charts at a million and ten million points, as `cargo bench --bench timeseries` measures
//! them (release build, one core). Goals (issue "Monitoring series over time"):
//!
//! - load and check 1M points: < 1 s;
//! - a window frame with the pointer moving over the chart: < 4 ms at 1M and 10M (CPU path);
//! - zoom to any range: < 4 ms;
//! - export: PNG < 0.5 s, SVG < 1 MB;
//! - memory at 10M: < 200 MB.
//!
//! The series are generated: a random walk every 5 minutes (1M, 9.5 years) or every minute (10M,
//! 19 years), with a single spike and a day of gaps, written as CSV beside a data file.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)] // a measuring program

use std::collections::BTreeSet;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use planboard::charts::time::TimeView;
use planboard::data_source::DataSource;
use planboard::export::{ImageFormat, ImageOptions, ImageRequest};
use planboard::model::Lang;
use planboard::raster::{Canvas, Textures};
use planboard::ui::{PageRef, PlanboardApp, Settings};

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Resident and peak memory of this process, in MB (Linux `/proc/self/status`).
fn memory() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = |key: &str| {
        status
            .lines()
            .find(|l| l.starts_with(key))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|n| n.parse::<f64>().ok())
            .unwrap_or(0.0)
            / 1024.0
    };
    (kb("VmRSS:"), kb("VmHWM:"))
}

const DATA: &str = r#"#![enable(implicit_some)]
Report(
    title: (zh: "生成的监测记录", en: "Generated record"),
    issuer: (zh: "基准测试", en: "Benchmark"),
    years: (first: 2000, last: 2030),
    sources: [(id: "gen", title: (zh: "生成的数据", en: "Generated data"), issuer: (zh: "基准测试", en: "Benchmark"), kind: Other, published: "2026")],
    categories: [(id: "air", zh: "空气", en: "Air")],
    units: [(id: "ug", zh: "微克/立方米", en: "μg/m³")],
    indicators: [(id: "pm", name: (zh: "PM2.5", en: "PM2.5"), category: "air", unit: "ug", better: Lower,
        series: (file: "series.csv", time: "time", value: "value", source: "gen"))],
    charts: [(id: "pm", title: (zh: "PM2.5 记录", en: "PM2.5 record"), kind: TimeSeries, series: ["pm"],
        reference_lines: [(id: "gb", value: 75, label: (zh: "二级标准", en: "Grade II"), source: (zh: "GB 3095-2012", en: "GB 3095-2012"), averaging: Day)])],
    pages: [(id: "pm", title: (zh: "记录", en: "Record"), charts: ["pm"])],
)
"#;

/// Write `n` rows every `step_minutes` from 2005-01-01 into `dir`, with the data file.
fn generate(dir: &Path, n: usize, step_minutes: i64) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    let csv = std::fs::File::create(dir.join("series.csv")).unwrap();
    let mut w = std::io::BufWriter::with_capacity(1 << 20, csv);
    writeln!(w, "time,value").unwrap();
    let start = jiff::civil::date(2005, 1, 1).at(0, 0, 0, 0);
    let mut value: f64 = 40.0;
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut t = start;
    let step = jiff::Span::new().minutes(step_minutes);
    for i in 0..n {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let r = (seed % 2001) as f64 / 1000.0 - 1.0;
        value = (value + r * 3.0).clamp(1.0, 400.0);
        let shown = if i == n / 3 { 999.0 } else { value.round() };
        let gap = (n / 2..n / 2 + 288).contains(&i);
        if gap {
            writeln!(w, "{},", t.strftime("%Y-%m-%dT%H:%M")).unwrap();
        } else {
            writeln!(w, "{},{shown}", t.strftime("%Y-%m-%dT%H:%M")).unwrap();
        }
        t = t.checked_add(step).unwrap();
    }
    w.flush().unwrap();
    let ron = dir.join("record.ron");
    std::fs::write(&ron, DATA).unwrap();
    ron
}

/// One size: the record written (or reused), then each thing a person waits for, timed.
fn run(n: usize, step_minutes: i64) {
    let ron = record_file(n, step_minutes);
    bench_load(&ron);
    let (report, rss_loaded) = bench_window(&ron);
    let chart = report.chart("pm").unwrap();
    bench_zoom(&report, chart);
    bench_images(&report, chart);
    let (rss, hwm) = memory();
    println!(
        "  memory: {rss_loaded:.0} MB resident after loading, {rss:.0} MB after drawing and exporting, {hwm:.0} MB peak   goal < 200 MB at 10M"
    );
}

/// The record of `n` rows, generated once and kept in the temporary folder between runs.
fn record_file(n: usize, step_minutes: i64) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("planboard-bench-{n}"));
    let ron = if dir.join("record.ron").exists()
        && std::fs::metadata(dir.join("series.csv")).map_or(0, |m| m.len()) > n as u64 * 16
    {
        dir.join("record.ron")
    } else {
        generate(&dir, n, step_minutes)
    };
    let size_mb = std::fs::metadata(dir.join("series.csv")).unwrap().len() as f64 / 1e6;
    println!("\n{n} points ({size_mb:.0} MB of CSV):");
    ron
}

/// Load and check: RON, CSV, pyramid, validation.
fn bench_load(ron: &Path) {
    let loads: Vec<Duration> = (0..3)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(planboard::model::load_file(ron).expect("loads"));
            t.elapsed()
        })
        .collect();
    println!(
        "  load and check:                 {:8.1} ms   goal < 1000 ms at 1M",
        ms(median(loads))
    );
}

/// The window: the record's page at 1600×1000, the pointer moving over the chart. The report,
/// and the memory resident once it was loaded.
fn bench_window(ron: &Path) -> (std::sync::Arc<planboard::model::Report>, f64) {
    let ctx = egui::Context::default();
    planboard::draw::fonts::install(&ctx);
    let settings = Settings {
        page: Some(PageRef::Page("pm".into())),
        ..Settings::default()
    };
    let data = DataSource::open(&[ron.to_path_buf()], None).expect("data");
    let (rss_loaded, _) = memory();
    let report = std::sync::Arc::clone(&data.report);
    let mut app = PlanboardApp::new(settings, data);
    let size = egui::vec2(1600.0, 1000.0);
    let mut textures = Textures::default();
    let frame = |app: &mut PlanboardApp, textures: &mut Textures, input: egui::RawInput| {
        let mut out = ctx.run_ui(input, |ui| app.ui(ui));
        textures.apply(&mut out.textures_delta);
        ctx.tessellate(out.shapes, out.pixels_per_point)
    };
    // Frames 1/60 s apart, so tooltips show as they do for a person.
    let clock = std::cell::Cell::new(0.0f64);
    let input = |events: Vec<egui::Event>| {
        clock.set(clock.get() + 1.0 / 60.0);
        egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, size)),
            time: Some(clock.get()),
            events,
            ..Default::default()
        }
    };
    for _ in 0..5 {
        frame(&mut app, &mut textures, input(Vec::new()));
    }
    let bg = egui::Color32::from_gray(248);
    let mut egui_times = Vec::new();
    let mut raster_times = Vec::new();
    let mut damaged = Vec::new();
    // The window keeps its canvas and repaints only what changed, as the CPU window does: the
    // primitives that differ from the last frame's, within their old and new rectangles.
    let mut canvas = Canvas::new(1600, 1000, bg);
    canvas.paint(
        &frame(&mut app, &mut textures, input(Vec::new())),
        &textures,
        1.0,
    );
    let mut last: Vec<(u64, egui::Rect)> = Vec::new();
    for k in 0..60 {
        // A person reading the chart: the pointer moving a few points a frame.
        let x = 500.0 + k as f32 * 4.0;
        let t = Instant::now();
        let prims = frame(
            &mut app,
            &mut textures,
            input(vec![egui::Event::PointerMoved(egui::pos2(x, 420.0))]),
        );
        egui_times.push(t.elapsed());
        let t = Instant::now();
        let prints: Vec<(u64, egui::Rect)> = prims.iter().map(fingerprint).collect();
        let mut damage = egui::Rect::NOTHING;
        for i in 0..prints.len().max(last.len()) {
            match (prints.get(i), last.get(i)) {
                (Some(a), Some(b)) if a.0 == b.0 => {}
                (a, b) => {
                    for r in a.iter().chain(b.iter()) {
                        damage = damage.union(r.1);
                    }
                }
            }
        }
        last = prints;
        let damage = damage.intersect(egui::Rect::from_min_size(egui::Pos2::ZERO, size));
        if damage.is_positive() {
            canvas.fill_rect(damage, bg);
            let clipped: Vec<_> = prims
                .into_iter()
                .filter_map(|mut p| {
                    p.clip_rect = p.clip_rect.intersect(damage);
                    p.clip_rect.is_positive().then_some(p)
                })
                .collect();
            canvas.paint(&clipped, &textures, 1.0);
            damaged.push(damage.area());
        }
        std::hint::black_box(&canvas);
        raster_times.push(t.elapsed());
    }
    damaged.sort_by(f32::total_cmp);
    let damaged_px = damaged.get(damaged.len() / 2).copied().unwrap_or(0.0);
    let (e, r) = (median(egui_times), median(raster_times));
    println!(
        "  frame, pointer moving (egui + hover + decimation + tessellation): {:6.2} ms",
        ms(e)
    );
    println!(
        "  … and repainting what changed ({damaged_px:.0} px², median): {:6.2} ms   sum {:.2} ms, goal < 4 ms",
        ms(r),
        ms(e + r)
    );

    (report, rss_loaded)
}

/// Zoom: the spec for a new window (value range, mean, counts) and the decimated drawing.
fn bench_zoom(report: &planboard::model::Report, chart: &planboard::model::Chart) {
    let full = planboard::charts::build(report, chart, Lang::Zh, &BTreeSet::new());
    let (e0, e1) = full.time().unwrap().extent;
    let mut zooms = Vec::new();
    for k in 1..=40i64 {
        let width = (e1 - e0) / (k * k);
        let start = e0 + (e1 - e0 - width) * (k % 7) / 7;
        let view = TimeView {
            window: Some((start, start + width)),
            means: None,
            zero: false,
        };
        let t = Instant::now();
        let spec = planboard::charts::build_in(report, chart, Lang::Zh, &BTreeSet::new(), &view);
        let tc = spec.time().unwrap();
        let samples = tc.drawn_samples(0).unwrap();
        let runs =
            planboard::charts::time::decimate(&samples, tc.view.0 as f64, tc.view.1 as f64, 1500);
        std::hint::black_box(runs);
        zooms.push(t.elapsed());
    }
    let worst = zooms.iter().max().copied().unwrap_or_default();
    println!(
        "  zoom to a new range (spec + counts + decimation at 1500 px): median {:.2} ms, worst {:.2} ms   goal < 4 ms",
        ms(median(zooms.clone())),
        ms(worst)
    );
}

/// Images of the whole record.
fn bench_images(report: &planboard::model::Report, chart: &planboard::model::Chart) {
    let request = |format| ImageRequest {
        report,
        chart,
        hidden: BTreeSet::new(),
        view: TimeView::default(),
        data_label: "record.ron".into(),
        options: ImageOptions {
            format,
            ..ImageOptions::default()
        },
    };
    let pngs: Vec<Duration> = (0..3)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(planboard::export::bytes(&request(ImageFormat::Png)).unwrap());
            t.elapsed()
        })
        .collect();
    let svg = planboard::export::bytes(&request(ImageFormat::Svg)).unwrap();
    println!(
        "  PNG export, 1800×1000 px:       {:8.1} ms   goal < 500 ms",
        ms(median(pngs))
    );
    println!(
        "  SVG export size:                {:8.0} KB   goal < 1024 KB",
        svg.len() as f64 / 1024.0
    );
}

/// What the CPU window compares a primitive by: its clip and its mesh, hashed; with its rectangle.
fn fingerprint(p: &egui::ClippedPrimitive) -> (u64, egui::Rect) {
    use std::hash::{Hash as _, Hasher as _};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    let mut rect = egui::Rect::NOTHING;
    for v in [
        p.clip_rect.min.x,
        p.clip_rect.min.y,
        p.clip_rect.max.x,
        p.clip_rect.max.y,
    ] {
        v.to_bits().hash(&mut h);
    }
    if let egui::epaint::Primitive::Mesh(mesh) = &p.primitive {
        for v in &mesh.vertices {
            (v.pos.x.to_bits(), v.pos.y.to_bits(), v.color.to_array()).hash(&mut h);
            rect.extend_with(v.pos);
        }
        mesh.indices.hash(&mut h);
    }
    (h.finish(), rect.intersect(p.clip_rect))
}

fn main() {
    // Each size in a process of its own, so the peak memory is that size's.
    let mut args = std::env::args().skip(1).filter(|a| a != "--bench");
    match args.next().as_deref() {
        Some("1m") => run(1_000_000, 5),
        Some("10m") => run(10_000_000, 1),
        _ => {
            let me = std::env::current_exe().unwrap();
            for size in ["1m", "10m"] {
                let status = std::process::Command::new(&me).arg(size).status().unwrap();
                assert!(status.success(), "{size} failed");
            }
        }
    }
}
