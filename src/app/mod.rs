//! The screen's state machine: messages in, state and effects out. The loop in `crate::tui`
//! feeds it keys, applies the effects to the store and draws with `ui`. What every screen shares
//! (model, view, commands, `update`) is in `core`; each other folder is one screen's room.

pub mod actions;
pub(crate) mod admin;
pub mod core;
pub mod dashboard;
pub mod dossier;
pub mod meeting;
pub mod monitoring;
pub mod overlay;
pub mod prepare;

// The core's names where the rooms, `ui`, `tui` and `cli` have always found them.
pub use self::core::command::Command;
pub use self::core::effects::{Flow, apply};
pub use self::core::fit::{Drawn, too_small};
pub use self::core::model::{Model, Screen, Settings};
pub use self::core::update::{Effect, Message, update};
pub use self::core::view::View;
pub use self::overlay::{Overlay, OverlayKind};
pub use dashboard::first_screen;
pub use dossier::open_dossier;

#[cfg(test)]
pub(crate) mod tests;
