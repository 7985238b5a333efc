//! The Actiepunten item: the open actions of earlier meetings, one by one. `x` marks one done
//! (or open again), `d` drops it with a reason; what is left open is carried over at closing.

use super::attendance::on_item;
use super::case::{Ask, Prompt};
use super::{Effect, Model, View};
use crate::domain::ActionStatus;
use crate::domain::meeting::AgendaKind;

pub fn toggle_done(model: &mut Model, view: &View) -> Vec<Effect> {
    if !on_item(model, &AgendaKind::Actions) {
        return Vec::new();
    }
    let today = model.today;
    let Some((action, row)) = model
        .meeting
        .as_mut()
        .and_then(|room| room.earlier_actions.get_mut(view.selected))
    else {
        return Vec::new();
    };
    action.status = match action.status {
        ActionStatus::Open => ActionStatus::Done { on: today },
        _ => ActionStatus::Open,
    };
    row.status = action.status.clone();
    vec![Effect::SaveAction(Box::new(action.clone()))]
}

pub fn start_drop(model: &Model, view: &mut View) -> Vec<Effect> {
    let exists = model
        .meeting
        .as_ref()
        .is_some_and(|room| view.selected < room.earlier_actions.len());
    if on_item(model, &AgendaKind::Actions) && exists {
        view.prompt = Some(Prompt::new(Ask::DropAction {
            index: view.selected,
        }));
    }
    Vec::new()
}

pub fn drop_with(model: &mut Model, index: usize, reason: String) -> Vec<Effect> {
    let today = model.today;
    let Some((action, row)) = model
        .meeting
        .as_mut()
        .and_then(|room| room.earlier_actions.get_mut(index))
    else {
        return Vec::new();
    };
    action.status = ActionStatus::Dropped { on: today, reason };
    row.status = action.status.clone();
    vec![Effect::SaveAction(Box::new(action.clone()))]
}
