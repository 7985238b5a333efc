//! The meeting screen (`m`): the roll call, the earlier actions, each case on the agenda
//! (phase, level, fields, decisions, actions, notes and the forms), a new signal, closing,
//! reopening and exporting the minutes.

pub(crate) mod attendance;
pub mod case;
pub mod circles;
pub(crate) mod close;
pub(crate) mod consent;
pub(crate) mod decision;
pub mod export;
pub(crate) mod fields;
pub mod form;
pub mod new_action;
pub mod notes;
pub mod plan;
pub(crate) mod reopen;
pub(crate) mod review;
pub mod signal;
pub(crate) mod undo;
