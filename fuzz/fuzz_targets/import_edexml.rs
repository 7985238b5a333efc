//! Any bytes after an XML declaration, as an EDEXML file: a plan or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use otter::import::{Mapping, prepare};

fuzz_target!(|data: &[u8]| {
    let mut bytes = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".to_vec();
    bytes.extend_from_slice(data);
    if let Ok(plan) = prepare(&bytes, &Mapping::default(), &[]) {
        for line in otter::import::summary::lines(&plan, "f.xml", otter::i18n::Lang::Nl) {
            assert!(!line.chars().any(otter::text::is_unsafe), "{line:?}");
        }
    }
});
