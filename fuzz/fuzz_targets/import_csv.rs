//! Any bytes as a pupil CSV export: a plan or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use otter::import::{Mapping, prepare};

fuzz_target!(|data: &[u8]| {
    // A file that starts like XML goes to the EDEXML reader; that has its own target.
    if data.trim_ascii_start().starts_with(b"<") {
        return;
    }
    if let Ok(plan) = prepare(data, &Mapping::default(), &[]) {
        // What is planned is shown: the summary must hold no control character from data.
        for line in otter::import::summary::lines(&plan, "f.csv", otter::i18n::Lang::Nl) {
            assert!(!line.chars().any(otter::text::is_unsafe), "{line:?}");
        }
    }
});
