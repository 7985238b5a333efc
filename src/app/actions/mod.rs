//! The actions screen (`A` on the start screen): every action by due date, narrowed by status,
//! overdue, owner, pupil and meeting with the same filter as `otter actions`. `x` and `w` edit
//! the chosen action in place and save it at once.
//!
//! The model keeps the filtered list (a large school has over 150 000 actions); the screen
//! builds only the rows that fit.

pub mod edit;

use chrono::NaiveDate;

use crate::app::overlay::prompt::Prompt;
use crate::app::{Command, Effect, Model, Overlay, Screen, View};
use crate::domain::dates::{DateContext, format_day};
use crate::query::actions::{ActionRow, Filter, Status};

/// The actions that answer the filter, by due date, each with its row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionList {
    pub filter: Filter,
    pub entries: Vec<(crate::domain::Action, ActionRow)>,
    /// What `volgende ot` means when a due date is typed.
    pub next_meeting: Option<NaiveDate>,
    /// A row was marked done (or open) since the list was read and no longer answers its
    /// status: it stays, so `x` can undo it, and the screen shows the status column.
    pub strays: bool,
}

/// The chosen row and the first row shown.
#[derive(Debug, Clone, Default)]
pub struct ListView {
    pub selected: usize,
    pub top: usize,
}

/// What the actions screen asks in the one-line prompt.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Ask {
    /// A filter's text (empty clears it).
    Filter(FilterField),
    /// Action `id` gets another due date.
    Due { id: crate::domain::ActionId },
}

/// The question of `ask`, in the person's language.
pub fn question(ask: &Ask, model: &Model) -> String {
    let t = model.lang.texts();
    match ask {
        Ask::Due { id } => {
            let text = model
                .action_list
                .iter()
                .flat_map(|list| &list.entries)
                .find(|(action, _)| action.id == *id)
                .map_or(String::new(), |(action, _)| action.text.clone());
            (t.prompt_new_due)(&text)
        }
        Ask::Filter(FilterField::Owner) => t.prompt_filter_owner.to_string(),
        Ask::Filter(FilterField::Pupil) => t.prompt_filter_pupil.to_string(),
        Ask::Filter(FilterField::Meeting) => t.prompt_filter_meeting.to_string(),
    }
}

/// A filter typed in a one-line prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum FilterField {
    Owner,
    Pupil,
    Meeting,
}

/// A filter that could not be applied: the message, and what was typed, to ask again with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub message: String,
    pub typed: Option<(FilterField, String)>,
}

/// What the screen starts with: the open actions, as people mostly ask.
fn first_filter() -> Filter {
    Filter {
        status: Status::Open,
        ..Filter::default()
    }
}

/// The actions this screen's keys act on; the rest (Esc, help, quit) work as everywhere.
pub fn takes(command: Command) -> bool {
    matches!(
        command,
        Command::Down
            | Command::Up
            | Command::PageDown
            | Command::PageUp
            | Command::First
            | Command::Last
            | Command::ToggleDone
            | Command::ChangeDue
            | Command::CycleStatus
            | Command::ToggleOverdue
            | Command::FilterOwner
            | Command::FilterPupil
            | Command::FilterMeeting
    )
}

/// `A`: the screen with the filter it had last, read afresh (a meeting may have changed it).
pub fn open(model: &Model) -> Vec<Effect> {
    let filter = model
        .action_list
        .as_ref()
        .map_or_else(first_filter, |list| list.filter.clone());
    load(filter, None)
}

fn load(filter: Filter, typed: Option<(FilterField, String)>) -> Vec<Effect> {
    vec![Effect::LoadActions {
        filter: Box::new(filter),
        typed,
    }]
}

pub fn loaded(model: &mut Model, view: &mut View, list: ActionList) -> Vec<Effect> {
    model.action_list = Some(list);
    model.screen = Screen::Actions;
    view.actions = ListView::default();
    Vec::new()
}

pub fn refused(view: &mut View, refused: Refused) -> Vec<Effect> {
    view.flash = Some(refused.message);
    if let Some((field, text)) = refused.typed {
        view.overlays
            .open(Overlay::Prompt(Prompt::prefilled(Ask::Filter(field), text)));
    }
    Vec::new()
}

pub fn act(model: &mut Model, view: &mut View, command: Command) -> Vec<Effect> {
    let Some(list) = model.action_list.as_mut() else {
        return Vec::new();
    };
    let count = list.entries.len();
    // The rows the window has for the list: paging moves by this many.
    let page = usize::from(view.fit.rows).max(1);
    let moves = &mut view.actions;
    match command {
        Command::Down => moves.selected += 1,
        Command::Up => moves.selected = moves.selected.saturating_sub(1),
        Command::PageDown => moves.selected += page,
        Command::PageUp => moves.selected = moves.selected.saturating_sub(page),
        Command::First => moves.selected = 0,
        Command::Last => moves.selected = count.saturating_sub(1),
        Command::CycleStatus => {
            let mut filter = list.filter.clone();
            filter.status = filter.status().next();
            filter.open = false;
            filter.overdue = false;
            return load(filter, None);
        }
        Command::ToggleOverdue => {
            let mut filter = list.filter.clone();
            filter.overdue = !filter.overdue;
            return load(filter, None);
        }
        Command::FilterOwner | Command::FilterPupil | Command::FilterMeeting => {
            let (field, current) = match command {
                Command::FilterOwner => (FilterField::Owner, &list.filter.owner),
                Command::FilterPupil => (FilterField::Pupil, &list.filter.pupil),
                _ => (FilterField::Meeting, &list.filter.meeting),
            };
            let ask = Ask::Filter(field);
            view.overlays.open(Overlay::Prompt(match current {
                Some(text) => Prompt::prefilled(ask, text.clone()),
                None => Prompt::new(ask),
            }));
            return Vec::new();
        }
        Command::ToggleDone => {
            let today = model.today;
            let Some((action, row)) = list.entries.get_mut(moves.selected) else {
                return Vec::new();
            };
            let saved = edit::toggle_done(action, row, today);
            list.strays |= !list.filter.status().admits(&action.status);
            // Said back, so the chair knows the key took and what it did.
            let t = model.lang.texts();
            view.flash = Some(if action.is_open() {
                (t.flash_action_reopened)(&action.text)
            } else {
                (t.flash_action_done)(&action.text)
            });
            return vec![saved];
        }
        Command::ChangeDue => {
            if let Some((action, row)) = list.entries.get(moves.selected) {
                let ask = Ask::Due { id: action.id };
                view.overlays.open(Overlay::Prompt(Prompt::prefilled(
                    ask,
                    format_day(row.due, model.lang),
                )));
            }
            return Vec::new();
        }
        _ => return Vec::new(),
    }
    moves.selected = moves.selected.min(count.saturating_sub(1));
    // The chosen row stays in sight: the window follows it by as little as it must.
    if moves.selected < moves.top {
        moves.top = moves.selected;
    } else if moves.selected >= moves.top + page {
        moves.top = moves.selected + 1 - page;
    }
    Vec::new()
}

/// A prompt of this screen answered: a filter (empty clears it) or a new due date.
pub fn answer(model: &mut Model, view: &mut View, ask: Ask, text: String) -> Vec<Effect> {
    let t = model.lang.texts();
    let today = model.today;
    let Some(list) = model.action_list.as_mut() else {
        return Vec::new();
    };
    match ask {
        Ask::Filter(field) => {
            let mut filter = list.filter.clone();
            let value = (!text.is_empty()).then(|| text.clone());
            match field {
                FilterField::Owner => filter.owner = value,
                FilterField::Pupil => filter.pupil = value,
                FilterField::Meeting => filter.meeting = value,
            }
            load(filter, Some((field, text)))
        }
        Ask::Due { id } => {
            let context = DateContext {
                today,
                next_meeting: list.next_meeting,
            };
            let Some((action, row)) = list.entries.iter_mut().find(|(a, _)| a.id == id) else {
                return Vec::new();
            };
            match edit::change_due(action, row, &text, context, t) {
                Ok(saved) => {
                    let day = format_day(action.due, model.lang);
                    view.flash = Some((t.flash_action_due)(&action.text, &day));
                    vec![saved]
                }
                Err(message) => {
                    view.flash = Some(message);
                    view.overlays.open(Overlay::Prompt(Prompt::new(ask)));
                    Vec::new()
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
