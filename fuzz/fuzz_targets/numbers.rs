//! The number reader (numbers as a reader reads them: 1.3万, 百分之五, 4.5%—5%) on arbitrary text,
//! and the check that a quote states a value, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use planboard::model::lexicon::Lexicon;
use planboard::model::numbers;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let chars: Vec<char> = text.chars().collect();
    let _ = numbers::read(&chars, Lexicon::embedded());
    for value in numbers::stated_values(text) {
        let _ = numbers::quote_states(text, value, Some("万元"));
    }
});
