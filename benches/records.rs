//! Monitoring files made data files, as `cargo bench --bench records` measures them (release):
//!
//! - `planboard draft` of a 2-million-row CSV (four value columns), the check of every row
//!   included: goal < 3 s;
//! - the same of a 10-million-row CSV (one value column): goal < 10 s and < 300 MB at its peak;
//!   and of four value columns, for the record (40 million numbers are 320 MB as f64 alone);
//! - the check of the 10M file once its table is in the page cache (warm): goal < 1 s;
//! - `planboard draft` of a 50 MB .xlsx (one sheet of a million rows, Excel's most: a date and
//!   eight numbers a row, written by rust_xlsxwriter as Excel writes one): goal < 5 s;
//! - planboard's CSV reader (the `csv` crate, with each row's line kept for placing a problem,
//!   quotes checked and every cell's problem listed) against a bare loop of the `csv` crate on
//!   the same 10M file, each reading the time and four value columns: what the checks cost.
//!
//! The tables are generated: a reading a minute from 2000-01-01 (PM2.5, PM10, … a temperature),
//! `-999` for a missing PM10 one row in 97, and a station name (a text column the draft skips).
//! Each size runs in a process of its own, so its peak memory is its own;
//! `cargo bench --bench records -- csv 2000000 4` runs one (rows, value columns).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)] // a measuring program

use std::io::{BufWriter, Write as _};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use planboard::model::series::{Layout, TimeReader, read_table_from};

const BIN: &str = env!("CARGO_BIN_EXE_planboard");

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// This process's peak resident memory, in MB.
fn peak_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// A value that wanders like a pollutant's, from the row number alone.
fn reading(i: usize, k: usize) -> f64 {
    let x = i as f64 / 1440.0 + k as f64;
    ((x.sin() * 40.0 + (x * 7.3).cos() * 15.0 + 60.0) * 10.0).round() / 10.0
}

/// The value columns of the generated tables, in order; the first `k` are written.
const COLUMNS: [&str; 8] = [
    "PM2.5(μg/m³)",
    "PM10(μg/m³)",
    "NO2(μg/m³)",
    "SO2(μg/m³)",
    "O3(μg/m³)",
    "CO(mg/m³)",
    "TEMP(°C)",
    "RH(%)",
];

/// A CSV of `rows` rows: the time, `k` value columns (`-999` in the second one row in 97), and
/// a station.
fn write_csv(path: &Path, rows: usize, k: usize) {
    let mut w = BufWriter::with_capacity(1 << 20, std::fs::File::create(path).unwrap());
    writeln!(w, "time,{},station", COLUMNS[..k].join(",")).unwrap();
    let start = jiff::civil::date(2000, 1, 1).at(0, 0, 0, 0);
    let mut t = start;
    let mut line = String::new();
    for i in 0..rows {
        line.clear();
        line.push_str(&t.strftime("%Y-%m-%dT%H:%M").to_string());
        for c in 0..k {
            if c == 1 && i % 97 == 0 {
                line.push_str(",-999");
            } else {
                line.push_str(&format!(",{}", reading(i, c)));
            }
        }
        writeln!(w, "{line},龙岗").unwrap();
        t = t.checked_add(jiff::SignedDuration::from_mins(1)).unwrap();
    }
    w.flush().unwrap();
}

/// A workbook of one sheet: `rows` rows (Excel holds at most 1,048,576) of a date cell and the
/// eight value columns.
fn write_xlsx(path: &Path, rows: usize) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet_with_constant_memory().unwrap();
    let date = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    sheet.write_string(0, 0, "time").unwrap();
    for (c, h) in COLUMNS.iter().enumerate() {
        sheet.write_string(0, (c + 1) as u16, *h).unwrap();
    }
    // Excel's serial of 2000-01-01 is 36526; a minute is 1/1440 of a day.
    for i in 0..rows {
        let r = (i + 1) as u32;
        let serial = 36_526.0 + i as f64 / 1440.0;
        let t = ExcelDateTime::from_serial_datetime(serial).unwrap();
        sheet.write_datetime_with_format(r, 0, &t, &date).unwrap();
        for k in 0..COLUMNS.len() {
            sheet
                .write_number(r, (k + 1) as u16, reading(i, k))
                .unwrap();
        }
    }
    book.save(path).unwrap();
}

/// `planboard draft TABLE --out FILE` as a person runs it; its wall time.
fn draft(table: &Path, out: &Path) -> Duration {
    let t = Instant::now();
    let o = Command::new(BIN)
        .args([
            "draft",
            table.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
        .args(["--force"])
        .output()
        .unwrap();
    let took = t.elapsed();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    took
}

/// The CSV of `rows` rows and `k` value columns: drafted by the program, then checked warm in
/// this process (and its memory read).
fn csv(rows: usize, k: usize) {
    let goal_s = if rows > 2_000_000 { 10.0 } else { 3.0 };
    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("readings.csv");
    write_csv(&table, rows, k);
    let mb = std::fs::metadata(&table).unwrap().len() as f64 / 1e6;
    let out = dir.path().join("readings.ron");
    let wall = draft(&table, &out);
    println!(
        "CSV {rows} rows × {k} value column{} ({mb:.0} MB): `planboard draft` (the check of every row included) {:.0} ms   goal < {:.0} ms",
        if k == 1 { "" } else { "s" },
        ms(wall),
        goal_s * 1000.0
    );
    // Warm: the table is in the page cache now; the median of three loads.
    let mut warm: Vec<Duration> = (0..3)
        .map(|_| {
            let t = Instant::now();
            let report = planboard::model::load_file(&out).unwrap();
            let took = t.elapsed();
            let pm = report.indicators.iter().find_map(|i| i.samples.clone());
            assert_eq!(pm.map(|s| s.len()), Some(rows));
            took
        })
        .collect();
    warm.sort();
    println!(
        "  check, warm (load and read every row, median of 3): {:.0} ms   goal < 1000 ms at 10M",
        ms(warm[1])
    );
    println!(
        "  memory: {:.0} MB peak in this process (three loads of the records)   goal < 300 MB at 10M",
        peak_mb()
    );
}

/// The 50 MB workbook: drafted by the program, then checked.
fn xlsx(rows: usize) {
    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("readings.xlsx");
    let t = Instant::now();
    write_xlsx(&table, rows);
    let made = t.elapsed();
    let mb = std::fs::metadata(&table).unwrap().len() as f64 / 1e6;
    let out = dir.path().join("readings.ron");
    let wall = draft(&table, &out);
    println!(
        ".xlsx {rows} rows ({mb:.1} MB, written in {:.0} ms): `planboard draft` (the check of every row included) {:.0} ms   goal < 5000 ms for 50 MB",
        ms(made),
        ms(wall)
    );
    let t = Instant::now();
    let report = planboard::model::load_file(&out).unwrap();
    let took = t.elapsed();
    assert!(report.indicators.iter().all(|i| i.samples.is_some()));
    println!("  check alone: {:.0} ms", ms(took));
}

/// planboard's reader and a bare loop of the csv crate over the same file: the time and four
/// value columns.
fn compare(rows: usize) {
    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("readings.csv");
    write_csv(&table, rows, 4);
    let columns = &COLUMNS[..4];
    let layout = Layout {
        missing: vec!["-999".to_owned()],
        ..Layout::iso("time")
    };
    let mut ours = Vec::new();
    let mut theirs = Vec::new();
    for _ in 0..3 {
        let t = Instant::now();
        let file = std::fs::File::open(&table).unwrap();
        let read = read_table_from(
            std::io::BufReader::with_capacity(1 << 20, file),
            "readings.csv",
            &layout,
            columns,
            &[],
        )
        .unwrap();
        ours.push(t.elapsed());
        assert_eq!(read[0].offsets.len(), rows);

        let t = Instant::now();
        let mut reader = csv::ReaderBuilder::new()
            .buffer_capacity(1 << 20)
            .from_path(&table)
            .unwrap();
        let mut times =
            TimeReader::new(&["time"], None, planboard::model::zone::Zone::default()).unwrap();
        let mut values: Vec<Vec<f64>> = vec![Vec::new(); 4];
        let mut offsets: Vec<i64> = Vec::new();
        let mut record = csv::StringRecord::new();
        while reader.read_record(&mut record).unwrap() {
            let (instant, _) = times.read(&[record[0].trim()]).unwrap();
            offsets.push(instant);
            for (k, v) in values.iter_mut().enumerate() {
                let cell = record[k + 1].trim();
                v.push(if cell == "-999" {
                    f64::NAN
                } else {
                    cell.parse().unwrap()
                });
            }
        }
        theirs.push(t.elapsed());
        assert_eq!(offsets.len(), rows);
    }
    ours.sort();
    theirs.sort();
    println!(
        "reading {rows} rows (time and four values, median of 3): planboard's reader {:.0} ms, a bare csv crate loop {:.0} ms",
        ms(ours[1]),
        ms(theirs[1])
    );
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let number =
        |at: usize, default: usize| args.get(at).and_then(|n| n.parse().ok()).unwrap_or(default);
    match args.first().map(String::as_str) {
        Some("csv") => csv(number(1, 2_000_000), number(2, 4).clamp(1, COLUMNS.len())),
        Some("xlsx") => xlsx(number(1, 1_000_000)),
        Some("compare") => compare(number(1, 10_000_000)),
        _ => {
            let me = std::env::current_exe().unwrap();
            for run in [
                vec!["csv", "2000000", "4"],
                vec!["csv", "10000000", "1"],
                vec!["csv", "10000000", "4"],
                vec!["xlsx", "1000000"],
                vec!["compare", "10000000"],
            ] {
                let status = Command::new(&me).args(&run).status().unwrap();
                assert!(status.success(), "{run:?} failed");
            }
        }
    }
}
