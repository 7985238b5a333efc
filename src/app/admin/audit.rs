//! `L` on the start screen (or `:` auditlog): what was done with the data — exports, erasures,
//! restores, passphrase changes, reopened meetings — newest first, without names.

use crate::app::{Effect, Model, Screen, View};
use crate::domain::AuditEntry;

pub fn loaded(model: &mut Model, view: &mut View, mut entries: Vec<AuditEntry>) -> Vec<Effect> {
    entries.reverse();
    model.audit = entries;
    model.screen = Screen::Audit;
    view.selected = 0;
    Vec::new()
}

/// `j`/`k` on the audit or the retention list: the chosen row, within the list.
pub fn select(model: &Model, view: &mut View, down: bool) -> Vec<Effect> {
    let len = match model.screen {
        Screen::Audit => model.audit.len(),
        _ => model
            .retention
            .as_ref()
            .map_or(0, |list| list.expired.len()),
    };
    view.selected = if down {
        (view.selected + 1).min(len.saturating_sub(1))
    } else {
        view.selected.saturating_sub(1)
    };
    Vec::new()
}
