//! What leaves otter as a file or text: minutes, extracts, lists. Exports read records and
//! write text; they never touch the screen or the store.

pub mod markdown;
pub mod minutes;
