//! `planboard draft` on arbitrary bytes: read as one of its formats (`draft::input`: HTML, text; UTF-8, GB18030, UTF-16) and drafted into a
//! data file, or refused with a message, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use planboard::draft::{self, Request};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = draft::input::read(data, "fuzz.txt") else {
        return;
    };
    let _ = draft::draft(
        &text,
        &Request {
            name: "fuzz.txt",
            ..Request::default()
        },
    );
});
