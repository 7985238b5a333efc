//! Any bytes as a backup file, read and checked as `restore` does first: never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = otter::store::backup::check(data);
});
