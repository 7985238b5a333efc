//! Any text as the user's theme file: a theme, or the default with an error; never a panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    let dir = DIR.get_or_init(|| tempfile::TempDir::new().unwrap());
    std::fs::write(dir.path().join("fuzz.toml"), data).unwrap();
    let _ = otter::ui::theme::load("fuzz", Some(dir.path()));
});
