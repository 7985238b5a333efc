//! What is drawn over the screen in front: the keys (`?`), the palette, the search, the
//! one-line prompt, the pupil picker, the import's dry run and the lock screen.

pub(crate) mod help;
pub(crate) mod import;
pub(crate) mod lock;
pub(crate) mod palette;
pub(crate) mod picker;
pub(crate) mod prompt;
pub(crate) mod search;
