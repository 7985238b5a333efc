//! otter: runs the ondersteuningsteam (OT) meeting of a Dutch primary school from the terminal.
//!
//! `domain` holds the pure types and rules, `store` the only code that touches the database,
//! `query` the read models shared by screens and command line, `app` the state machine, `ui`
//! the rendering, `tui` the screen's loop that joins them, `cli` the command line, `demo` the
//! fictional school.

pub mod app;
pub mod atomic;
pub mod cli;
pub mod demo;
pub mod domain;
pub mod error;
pub mod export;
pub mod i18n;
pub mod import;
pub mod lang;
pub mod monitoring;
pub mod query;
pub mod store;
#[cfg(test)]
pub(crate) mod testkit;
pub mod text;
pub mod themes;
pub mod tui;
pub mod ui;
