//! `planboard export` and the window's save: images without a display or GPU, the same bytes from
//! both, toggles respected, and no lost or stray files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::support::BIN;
const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");

/// Run the binary as on a server: no display of any kind.
fn planboard(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("run planboard")
}

fn export_to(dir: &Path, extra: &[&str]) -> (Output, Vec<PathBuf>) {
    let mut args = vec!["export", "--out", dir.to_str().expect("utf-8 path")];
    args.extend_from_slice(extra);
    let out = planboard(&args);
    let paths = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(PathBuf::from)
        .collect();
    (out, paths)
}

fn decode(path: &Path) -> image::RgbaImage {
    image::open(path).expect("a PNG that decodes").to_rgba8()
}

#[test]
fn every_chart_exports_headlessly_and_matches_its_snapshot() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (out, paths) = export_to(dir.path(), &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = planboard::model::load_default().expect("default");
    assert_eq!(paths.len(), report.charts.len());
    let options = egui_kittest::SnapshotOptions::new().output_path("tests/snapshots/export");
    let mut failures = Vec::new();
    for (path, chart) in paths.iter().zip(&report.charts) {
        assert_eq!(path, &dir.path().join(format!("{}.png", chart.id)));
        let img = decode(path);
        // A chart is 900×500 points, a single figure's card 480×270, at 2×.
        let spec = planboard::charts::build(
            &report,
            chart,
            planboard::model::Lang::Zh,
            &std::collections::BTreeSet::default(),
        );
        let expected = if spec.card().is_some() {
            (960, 540)
        } else {
            (1800, 1000)
        };
        assert_eq!(img.dimensions(), expected, "{}", chart.id);
        // A light image is white to its edges: no grey frame on a white slide.
        assert_eq!(img.get_pixel(0, 0).0, [255, 255, 255, 255], "{}", chart.id);
        let first = img.get_pixel(0, 0).0;
        assert!(img.pixels().any(|p| p.0 != first), "{} is blank", chart.id);
        assert!(
            img.pixels().all(|p| p.0[3] == 255),
            "{} has an opaque background",
            chart.id
        );
        if let Err(err) = egui_kittest::try_image_snapshot_options(&img, &chart.id, &options) {
            failures.push(err.to_string());
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn exporting_twice_gives_the_same_bytes() {
    let a = tempfile::tempdir().expect("tempdir");
    let b = tempfile::tempdir().expect("tempdir");
    let (_, pa) = export_to(a.path(), &["--chart", "headline", "--chart", "pm25"]);
    let (_, pb) = export_to(b.path(), &["--chart", "pm25", "--chart", "headline"]);
    assert_eq!((pa.len(), pb.len()), (2, 2));
    for name in ["headline.png", "pm25.png"] {
        let x = std::fs::read(a.path().join(name)).expect("read");
        let y = std::fs::read(b.path().join(name)).expect("read");
        assert!(x == y, "{name} differs between runs");
    }
}

#[test]
fn a_hidden_series_is_absent_from_the_image() {
    /// The most result bars any row of the image crosses: solid runs of the results' colour.
    fn result_bars(img: &image::RgbaImage) -> usize {
        let result = [0x3a, 0x5f, 0xb0];
        (0..img.height())
            .map(|y| {
                let mut runs = 0;
                let mut inside = false;
                for x in 0..img.width() {
                    let p = img.get_pixel(x, y).0;
                    let hit = p[..3] == result;
                    if hit && !inside {
                        runs += 1;
                    }
                    inside = hit;
                }
                runs
            })
            .max()
            .unwrap_or(0)
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let (_, full) = export_to(dir.path(), &["--chart", "headline"]);
    // GDP, industry, investment and retail grew in 2022 (revenue fell, below the zero line).
    assert_eq!(result_bars(&decode(&full[0])), 4);
    let (out, hidden) = export_to(
        dir.path(),
        &["--chart", "headline", "--hide", "headline:gdp"],
    );
    assert!(out.status.success());
    assert_eq!(
        result_bars(&decode(&hidden[0])),
        3,
        "GDP's result bar is gone"
    );
}

#[test]
fn window_save_and_export_give_the_same_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_, exported) = export_to(
        dir.path(),
        &["--chart", "waste_rates", "--scale", "3", "--lang", "en"],
    );
    let data = planboard::data_source::DataSource::embedded().expect("default");
    let settings = planboard::ui::Settings {
        lang: planboard::model::Lang::En,
        image_scale: 3.0,
        ..Default::default()
    };
    let mut app = planboard::ui::PlanboardApp::new(settings, data);
    let saved = dir.path().join("from-window.png");
    assert!(app.save_chart_to("waste_rates", &saved));
    let a = std::fs::read(&exported[0]).expect("exported");
    let b = std::fs::read(&saved).expect("saved");
    assert!(a == b, "the window's save and `planboard export` differ");
    assert_eq!(decode(&saved).dimensions(), (2700, 1500));
}

#[test]
fn a_missing_folder_is_an_error_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("no-such-folder");
    let (out, paths) = export_to(&missing, &["--chart", "headline"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(paths.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("the folder does not exist"), "{err}");
    // Every chart into a missing folder: one line, not one a chart.
    let (out, _) = export_to(&missing, &[]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 0);
}

#[test]
fn an_unwritable_folder_is_an_error() {
    // /proc refuses new files even to root.
    let (out, paths) = export_to(Path::new("/proc"), &["--chart", "headline"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(paths.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write here"));
}

#[test]
fn a_failed_write_keeps_what_was_there_and_leaves_no_partial_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Something that cannot be replaced by a file already has the target name.
    let blocker = dir.path().join("headline.png");
    std::fs::create_dir(&blocker).expect("mkdir");
    std::fs::write(blocker.join("keep.txt"), "kept").expect("write");
    let (out, _) = export_to(dir.path(), &["--chart", "headline", "--chart", "pm25"]);
    assert_eq!(out.status.code(), Some(1), "one chart failed");
    assert!(String::from_utf8_lossy(&out.stderr).contains("headline"));
    assert_eq!(
        std::fs::read_to_string(blocker.join("keep.txt")).expect("kept"),
        "kept"
    );
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["headline.png", "pm25.png"],
        "no temporary file is left"
    );
}

#[test]
fn a_chart_id_with_dot_dot_slash_stays_inside_the_folder() {
    let root = tempfile::tempdir().expect("tempdir");
    let out_dir = root.path().join("out");
    std::fs::create_dir(&out_dir).expect("mkdir");
    let text = std::fs::read_to_string(format!("{DATA}/minimal.ron")).expect("minimal");
    let evil = text
        .replace("id: \"waste\"", "id: \"../escape\"")
        .replace("\"headline\", \"waste\"]", "\"headline\", \"../escape\"]");
    let data = root.path().join("evil.ron");
    std::fs::write(&data, evil).expect("write");
    let (out, paths) = export_to(
        &out_dir,
        &[
            "--data",
            data.to_str().expect("utf-8"),
            "--chart",
            "../escape",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(paths.len(), 1);
    assert_eq!(paths[0].parent(), Some(out_dir.as_path()));
    assert!(!root.path().join("escape.png").exists());
    let names: Vec<_> = std::fs::read_dir(root.path())
        .expect("dir")
        .map(|e| e.expect("e").file_name())
        .collect();
    assert_eq!(
        names.len(),
        2,
        "only out/ and evil.ron in the parent: {names:?}"
    );
}

#[test]
fn bad_arguments_say_what_was_expected() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (out, _) = export_to(dir.path(), &["--chart", "nope"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("has no chart `nope`; expected one of: record_gdp")
    );
    let (out, _) = export_to(dir.path(), &["--hide", "headline:nope"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("expected one of: gdp"));
    // The command line accepts exactly the scales the window offers.
    for scale in ["9", "2.5", "0", "NaN"] {
        let (out, _) = export_to(dir.path(), &["--scale", scale]);
        assert_eq!(out.status.code(), Some(1), "--scale {scale}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("expected one of 1, 2, 3, 4"),
            "--scale {scale}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn two_chart_ids_with_one_file_name_do_not_overwrite_each_other() {
    let root = tempfile::tempdir().expect("tempdir");
    let text = std::fs::read_to_string(format!("{DATA}/minimal.ron")).expect("minimal");
    let clash = text
        .replace("id: \"headline\"", "id: \"a/b\"")
        .replace("id: \"waste\"", "id: \"a_b\"")
        .replace("[\"headline\", \"waste\"]", "[\"a/b\", \"a_b\"]");
    let data = root.path().join("clash.ron");
    std::fs::write(&data, clash).expect("write");
    let out_dir = root.path().join("out");
    std::fs::create_dir(&out_dir).expect("mkdir");
    let (out, paths) = export_to(&out_dir, &["--data", data.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        paths,
        [out_dir.join("a_b.png")],
        "the first chart is written"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("another chart (`a/b`) has the same file name"),
        "{err}"
    );
}

#[test]
fn export_writes_svg_when_asked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (out, paths) = export_to(
        dir.path(),
        &["--format", "svg", "--chart", "headline", "--chart", "pm25"],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        paths,
        [dir.path().join("headline.svg"), dir.path().join("pm25.svg")]
    );
    for path in &paths {
        let svg = std::fs::read_to_string(path).expect("read");
        roxmltree::Document::parse(&svg).expect("well-formed");
    }
    // The window's save and the command line give the same bytes.
    let data = planboard::data_source::DataSource::embedded().expect("default");
    let app = planboard::ui::PlanboardApp::new(planboard::ui::Settings::default(), data);
    let from_window = app
        .chart_file("headline", planboard::export::ImageFormat::Svg)
        .expect("svg");
    assert_eq!(from_window, std::fs::read(&paths[0]).expect("read"));
    let (out, _) = export_to(dir.path(), &["--format", "pdf"]);
    assert_eq!(out.status.code(), Some(2), "clap refuses an unknown format");
}
