//! Carrying out what `update` asked for: the only place the screen's loop touches the store.

use chrono::NaiveDate;

use super::{Effect, Message, Model, View, update};
use crate::error::{Error, Result};
use crate::query::{dashboard, meeting};
use crate::store::Store;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Quit,
}

/// Applies `effects` and any that follow from them. A failed save is shown on screen and
/// the edit stays in the model, so the chair sees it and nothing typed disappears.
pub fn apply(
    store: &Store,
    model: &mut Model,
    view: &mut View,
    effects: Vec<Effect>,
    today: NaiveDate,
) -> Result<Flow> {
    let mut pending = effects;
    while !pending.is_empty() {
        let mut next = Vec::new();
        for effect in pending {
            match effect {
                Effect::Quit => return Ok(Flow::Quit),
                Effect::LoadDashboard => {
                    model.dashboard = dashboard::load(store, &model.phases, today)?;
                }
                Effect::LoadMeeting => {
                    model.meeting = match meeting::current_or_next(store, today)? {
                        Some(id) => Some(meeting::load(store, &model.phases, id, today)?),
                        None => None,
                    };
                    next.extend(update(model, view, Message::MeetingLoaded));
                }
                Effect::SaveMeeting(meeting) => report(store, model, store.save(meeting.as_ref())),
                Effect::NewNote => {
                    let id = crate::domain::NoteId(store.next_id(crate::store::TreeId::Notes)?);
                    next.extend(update(model, view, Message::NoteReady(id)));
                }
                Effect::NewAction(mut action) => {
                    action.id =
                        crate::domain::ActionId(store.next_id(crate::store::TreeId::Actions)?);
                    let mut tx = store.tx();
                    let written = tx.insert(action.as_ref()).and_then(|()| tx.commit());
                    let saved = written.is_ok();
                    report(store, model, written);
                    if saved {
                        next.extend(update(model, view, Message::ActionAdded(action)));
                    }
                }
                Effect::CloseMeeting(meeting) => {
                    let next_id = match meeting.next_meeting {
                        Some(_) => Some(crate::domain::MeetingId(
                            store.next_id(crate::store::TreeId::Meetings)?,
                        )),
                        None => None,
                    };
                    let closing = meeting::closing(store, &model.phases, &meeting, next_id, today)?;
                    let mut tx = store.tx();
                    let mut written = tx
                        .put(meeting.as_ref())
                        .and_then(|()| tx.insert(&closing.minutes));
                    for action in &closing.carried {
                        written = written.and_then(|()| tx.put(action));
                    }
                    if let Some(next) = &closing.next {
                        written = written.and_then(|()| tx.insert(next));
                    }
                    let written = written.and_then(|()| tx.commit());
                    let saved = written.is_ok();
                    report(store, model, written);
                    if saved {
                        next.extend(update(model, view, Message::MeetingClosed));
                    }
                }
                Effect::SaveNote(note) => report(store, model, store.save(note.as_ref())),
                Effect::NewDecision(mut decision) => {
                    decision.id =
                        crate::domain::DecisionId(store.next_id(crate::store::TreeId::Decisions)?);
                    let mut tx = store.tx();
                    let written = tx.insert(decision.as_ref()).and_then(|()| tx.commit());
                    let saved = written.is_ok();
                    report(store, model, written);
                    if saved {
                        next.extend(update(model, view, Message::DecisionAdded(decision)));
                    }
                }
                Effect::SaveCase(case) => report(store, model, store.save(case.as_ref())),
                Effect::SaveAction(action) => report(store, model, store.save(action.as_ref())),
                Effect::SaveCaseChange(change) => {
                    let (case, event) = *change;
                    let mut tx = store.tx();
                    let written = tx
                        .put(&case)
                        .and_then(|()| tx.insert(&event))
                        .and_then(|()| tx.commit());
                    report(store, model, written);
                }
            }
        }
        pending = next;
    }
    Ok(Flow::Continue)
}

fn report(
    store: &Store,
    model: &mut Model,
    written: std::result::Result<(), crate::store::StoreError>,
) {
    if let Err(err) = written {
        let dir = store.dir().display().to_string();
        model.notice = Some(Error::from(err).message(model.lang.texts(), &dir));
    }
}
