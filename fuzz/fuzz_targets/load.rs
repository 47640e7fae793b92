//! The data-file loader on arbitrary bytes: a RON report file is parsed, validated and located
//! (file:line:column) without a panic, whatever the bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = planboard::model::parse("fuzz.ron", data);
});
