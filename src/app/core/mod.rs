//! What runs every screen: the loop (`terminal`), keys to messages (`route`, `keymap`) and the
//! effects applied to the store (`effects`, the one place `app` touches it).

pub(crate) mod effects;
pub mod keymap;
pub(crate) mod route;
pub(crate) mod terminal;
