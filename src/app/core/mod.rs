//! What runs every screen: keys to messages (`route`, `keymap`), the layout keys are scrolled
//! by (`fit`) and the effects applied to the store (`effects`, the one place `app` touches it).
//! The loop that feeds them is `crate::tui`.

pub(crate) mod effects;
pub mod fit;
pub mod keymap;
pub(crate) mod route;
