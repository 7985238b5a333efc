//! `a`: a new action agreed in the meeting, asked in three short questions (what, who, when).
//! The owner may be a member (matched on their name) or anyone named in free text; the date
//! accepts what people type (`12-12`, `vr`, `+2w`, `volgende ot`) and is shown back in Dutch.
//! The earlier actions' questions (drop, another owner or date) are asked here too and
//! answered by `review`.

use crate::app::meeting::review;
use crate::app::overlay::prompt::Prompt;
use crate::app::{Effect, Model, Overlay, Screen, View};
use crate::domain::dates::{DateContext, format_day, parse_date};
use crate::domain::fold::fold;
use crate::domain::subject::names_a_groep;
use crate::domain::{Action, ActionId, ActionStatus, Consent, Member, Owner};
use crate::error::{Error, Field};

/// What an action asks in the one-line prompt.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Ask {
    /// A new action: what is to be done.
    Text,
    /// A new action: who does `text`.
    Owner { text: String },
    /// A new action: when `owner` has done `text`.
    Due { text: String, owner: Owner },
    /// Dropping earlier action number `index`: why.
    Drop { index: usize },
    /// Earlier action number `index` gets another owner.
    NewOwner { index: usize },
    /// Earlier action number `index` gets another due date.
    NewDue { index: usize },
}

impl Ask {
    /// An earlier action is dropped only with a reason.
    pub fn needs_reason(&self) -> bool {
        matches!(self, Ask::Drop { .. })
    }

    /// The owner and the date are asked with the action's text (and owner) already typed.
    pub fn carries_typing(&self) -> bool {
        matches!(self, Ask::Owner { .. } | Ask::Due { .. })
    }
}

/// The question of `ask`, in the person's language.
pub fn question(ask: &Ask, model: &Model) -> String {
    let t = model.lang.texts();
    match ask {
        Ask::Text => t.prompt_action_text.to_string(),
        Ask::Owner { text } => (t.prompt_action_owner)(text),
        Ask::Due { .. } => t.prompt_action_due.to_string(),
        Ask::Drop { index } => (t.prompt_drop_action)(&earlier_action(model, *index)),
        Ask::NewOwner { index } => (t.prompt_new_owner)(&earlier_action(model, *index)),
        Ask::NewDue { index } => (t.prompt_new_due)(&earlier_action(model, *index)),
    }
}

/// The text of earlier action `index` of the meeting on screen.
fn earlier_action(model: &Model, index: usize) -> String {
    model
        .meeting
        .as_ref()
        .and_then(|room| room.earlier_actions.get(index))
        .map_or(String::new(), |(action, _)| action.text.clone())
}

pub fn start(model: &mut Model, view: &mut View) -> Vec<Effect> {
    if model.screen == Screen::Meeting && model.meeting.is_some() {
        view.overlays.open(Overlay::Prompt(Prompt::new(Ask::Text)));
    }
    Vec::new()
}

/// The owner a person means: a member whose name is typed in full or begins with it, if just
/// one; otherwise the text as it is ("moeder", "leerkracht groep 5").
pub fn owner_for(typed: &str, members: &[Member]) -> Owner {
    let wanted = fold(typed.trim());
    if let Some(exact) = members.iter().find(|m| fold(&m.name) == wanted) {
        return Owner::Member(exact.id);
    }
    let starting: Vec<&Member> = members
        .iter()
        .filter(|m| m.active && fold(&m.name).starts_with(&wanted))
        .collect();
    match starting.as_slice() {
        [one] => Owner::Member(one.id),
        _ => Owner::Other(typed.trim().to_string()),
    }
}

/// One answer given; asks the next question, or hands the finished action to the store.
pub fn answer(model: &mut Model, view: &mut View, ask: Ask, text: String) -> Vec<Effect> {
    let t = model.lang.texts();
    let Some(room) = model.meeting.as_ref() else {
        return Vec::new();
    };
    let empty = |field| Error::Empty(field).message(t, "");
    match ask {
        Ask::Text if text.is_empty() => {
            view.flash = Some(empty(Field::Action));
            view.overlays.open(Overlay::Prompt(Prompt::new(Ask::Text)));
        }
        Ask::Text => view
            .overlays
            .open(Overlay::Prompt(Prompt::new(Ask::Owner { text }))),
        Ask::Owner { text: what } if text.is_empty() => {
            view.flash = Some(empty(Field::Owner));
            view.overlays
                .open(Overlay::Prompt(Prompt::new(Ask::Owner { text: what })));
        }
        Ask::Owner { text: what } => {
            let owner = owner_for(&text, &room.members);
            view.overlays
                .open(Overlay::Prompt(Prompt::new(Ask::Due { text: what, owner })));
        }
        Ask::Due { text: what, owner } => {
            let context = DateContext {
                today: model.today,
                next_meeting: room.next_ot(),
            };
            match parse_date(&text, context) {
                Ok(due) => {
                    // The store gives it its number.
                    let action = Action {
                        id: ActionId(0),
                        text: what,
                        owner,
                        due,
                        status: ActionStatus::Open,
                        created: model.today,
                        meeting: Some(room.meeting.id),
                        case: room.current_case_id(),
                        agenda_item: room.current_item_index(),
                        carried_through: Vec::new(),
                    };
                    return vec![Effect::NewAction(Box::new(action))];
                }
                Err(err) => {
                    view.flash = Some(Error::from(err).message(t, ""));
                    view.overlays
                        .open(Overlay::Prompt(Prompt::new(Ask::Due { text: what, owner })));
                }
            }
        }
        Ask::Drop { index } => return review::drop_with(model, index, text),
        Ask::NewOwner { .. } | Ask::NewDue { .. } => {
            return review::change_with(model, view, ask, text);
        }
    }
    Vec::new()
}

/// The store saved it: show it with the case and say so, the date in Dutch.
pub fn added(model: &mut Model, view: &mut View, action: Action) -> Vec<Effect> {
    let t = model.lang.texts();
    let Some(room) = model.meeting.as_mut() else {
        return Vec::new();
    };
    let owner = room.owner_name(&action.owner);
    let mut flash =
        (t.flash_action_saved)(&action.text, &owner, &format_day(action.due, model.lang));
    // Saved all the same (the chair may mean it), but said: beside a pseudonym, "juf Sanne van
    // groep 4" narrows the pupil down to a class.
    let case = action.case.and_then(|case| room.cases.get(&case));
    let unnamed = case.is_some_and(|brief| brief.case.consent != Consent::Yes);
    if unnamed && matches!(&action.owner, Owner::Other(typed) if names_a_groep(typed)) {
        flash = format!("{flash} {}", t.privacy.owner_names_groep);
    }
    view.flash = Some(flash);
    if let Some(brief) = action.case.and_then(|case| room.cases.get_mut(&case)) {
        brief.actions.push(crate::query::actions::ActionRow {
            id: action.id.0,
            text: action.text.clone(),
            owner,
            due: action.due,
            status: action.status.clone(),
            pupil: brief.subject(),
            days_overdue: 0,
        });
        brief.own_actions.push(action);
        brief.recheck(&model.phases);
    }
    Vec::new()
}

#[cfg(test)]
mod tests;
