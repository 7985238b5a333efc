//! The names of the built-in colour themes: a leaf that the palette (`app`) lists and the
//! drawing (`ui::theme`) loads, so the state machine needs nothing from `ui`.

/// In the order the palette lists them; each has its file in `themes/`.
pub const BUILTIN_NAMES: &[&str] = &["beamer", "donker", "kleurenblind", "mono"];
