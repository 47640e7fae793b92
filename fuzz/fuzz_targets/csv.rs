//! The monitoring-record CSV reader on arbitrary bytes: every row either read or reported at its
//! line and column, never a panic. Two value columns, so short rows and shared times are reached.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = planboard::model::series::read_csv_from(data, "fuzz.csv", "time", &["value", "pm25"]);
});
