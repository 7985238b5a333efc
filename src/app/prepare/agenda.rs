//! The agenda keys: move, time, remove, add by title, add the proposed cases.

use super::{Ask, PrepareView, Refusal, ask, save};
use crate::app::{Command, Effect, Model, View};
use crate::domain::agenda::{self, OTHER_TIMEBOX_MINUTES};
use crate::domain::meeting::{AgendaItem, AgendaKind};
use crate::query::prepare::Preparation;

/// Carries out an agenda key on the chosen item; whether the agenda changed.
pub fn change(
    preparation: &mut Preparation,
    state: &mut PrepareView,
    command: Command,
) -> Result<bool, Refusal> {
    let missing: Vec<_> = preparation.missing().collect();
    let meeting = &mut preparation.meeting;
    let items = &mut meeting.agenda;
    let index = state.item;
    match command {
        Command::MoveItemUp | Command::MoveItemDown => {
            let to = agenda::move_item(items, index, command == Command::MoveItemDown)
                .ok_or(Refusal::Fixed)?;
            state.item = to;
            Ok(true)
        }
        Command::LongerItem | Command::ShorterItem => Ok(items
            .get_mut(index)
            .is_some_and(|item| agenda::resize(item, command == Command::LongerItem))),
        Command::RemoveItem => {
            let removed = agenda::remove(items, index).ok_or(Refusal::Fixed)?;
            // Kept, so the update after the meeting before does not put it back.
            if let AgendaKind::Case { case } = removed.kind
                && !meeting.removed_cases.contains(&case)
            {
                meeting.removed_cases.push(case);
            }
            state.item = index.min(items.len().saturating_sub(1));
            Ok(true)
        }
        Command::AddProposals if missing.is_empty() => Err(Refusal::NothingProposed),
        Command::AddProposals => {
            meeting.removed_cases.retain(|case| !missing.contains(case));
            Ok(agenda::add_cases(items, &missing) > 0)
        }
        _ => Ok(false),
    }
}

/// `a`: an item of the chair's own, after the chosen one.
pub fn add_titled(model: &mut Model, view: &mut View, title: String) -> Vec<Effect> {
    let Some(preparation) = model.prepare.as_mut() else {
        return Vec::new();
    };
    if title.is_empty() {
        view.flash = Some(model.lang.texts().flash_answer_needed.to_string());
        ask(view, Ask::ItemTitle);
        return Vec::new();
    }
    let items = &mut preparation.meeting.agenda;
    let at = agenda::insert_at(items, view.prepare.item);
    items.insert(
        at,
        AgendaItem::new(AgendaKind::Other { title }, OTHER_TIMEBOX_MINUTES),
    );
    view.prepare.item = at;
    view.prepare.on_team = false;
    save(preparation)
}
