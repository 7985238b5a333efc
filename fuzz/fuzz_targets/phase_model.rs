//! Any text as a phase model file: a model or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(model) = otter::domain::PhaseModel::parse(text, "fuzz.toml") {
        // A model that loads has a first and a last phase to start and close cases in.
        let _ = (model.first(), model.last());
    }
});
