//! What every screen shares: the state (`model`, `view`), what a person can do (`command`),
//! the one step of the state machine (`update`), keys to messages (`route`, `keymap`), the
//! layout keys are scrolled by (`fit`) and the effects applied to the store (`effects`, the one
//! place `app` touches it).
//! The loop that feeds them is `crate::tui`.

pub mod command;
pub(crate) mod effects;
pub mod fit;
pub mod keymap;
pub mod model;
pub(crate) mod route;
pub mod update;
pub mod view;
