//! Looking after the installation: the audit log (`L`) and the cases past the bewaartermijn
//! (`T`, `X`), and the questions asked for it: who uses otter (asked by the start screen), a
//! file to import (asked by the import overlay) and the erasure's confirmation.

pub(crate) mod audit;
pub(crate) mod retention;

use crate::app::overlay::import;
use crate::app::{Effect, Model, View, dashboard};

/// What looking after the installation asks in the one-line prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    /// Who is using otter: a member's name, for "my actions".
    Me,
    /// The path of a file of pupils to import.
    ImportFile,
    /// Erasing the `count` cases past retention: "ja" to confirm.
    EraseExpired { count: usize },
}

/// The question of `ask`, in the person's language.
pub fn question(ask: &Ask, model: &Model) -> String {
    let t = model.lang.texts();
    match ask {
        Ask::Me => t.prompt_me.to_string(),
        Ask::ImportFile => t.import.prompt_file.to_string(),
        Ask::EraseExpired { count } => (t.privacy.retention_confirm)(*count),
    }
}

/// The answer handed to the screen that asked.
pub fn answer(model: &mut Model, view: &mut View, ask: Ask, text: String) -> Vec<Effect> {
    match ask {
        Ask::Me => dashboard::answer_me(model, view, text),
        Ask::ImportFile => import::answer(&text),
        Ask::EraseExpired { .. } => retention::answer(model, view, &text),
    }
}
