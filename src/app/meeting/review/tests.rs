use std::collections::BTreeMap;

use crate::app::{Command, Model, Screen};
use crate::domain::meeting::AgendaKind;
use crate::domain::{ActionId, ActionStatus};
use crate::store::Store;
use crate::testkit::app::{act, answer, on_earlier_actions};
use crate::testkit::today;

/// The earlier actions on screen, by id, with their status.
fn on_screen(model: &Model) -> BTreeMap<ActionId, ActionStatus> {
    model
        .meeting
        .as_ref()
        .unwrap()
        .earlier_actions
        .iter()
        .map(|(action, _)| (action.id, action.status.clone()))
        .collect()
}

#[test]
fn actions_settled_in_the_meeting_stay_on_screen_and_in_the_minutes_when_it_is_opened_again() {
    let (dir, store, mut model, mut view) = on_earlier_actions();
    let room = model.meeting.as_ref().unwrap();
    let id = room.meeting.id;
    let done = room.earlier_actions[0].0.id;
    let dropped = room.earlier_actions[1].0.id;
    act(&store, &mut model, &mut view, Command::ToggleDone);
    act(&store, &mut model, &mut view, Command::Down);
    act(&store, &mut model, &mut view, Command::DropAction);
    answer(&store, &mut model, &mut view, "Niet meer nodig");
    let settled = on_screen(&model);
    assert_eq!(settled[&done], ActionStatus::Done { on: today() });

    // Esc to the start screen and v again: the meeting is read from the store anew.
    act(&store, &mut model, &mut view, Command::Back);
    act(&store, &mut model, &mut view, Command::OpenMeeting);
    assert_eq!(on_screen(&model), settled, "x and d are still on screen");

    // otter stops in the middle of the meeting and starts again.
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    model.meeting = None;
    model.screen = Screen::Dashboard;
    act(&store, &mut model, &mut view, Command::OpenMeeting);
    assert_eq!(on_screen(&model), settled);

    act(&store, &mut model, &mut view, Command::CloseMeeting);
    answer(&store, &mut model, &mut view, "");
    let minutes = store.minutes(id).unwrap().unwrap();
    let review = minutes
        .items
        .iter()
        .find(|item| item.kind == AgendaKind::Actions)
        .unwrap();
    let reviewed: BTreeMap<ActionId, Option<String>> = review
        .reviewed
        .iter()
        .map(|r| (r.action.id, r.dropped.clone()))
        .collect();
    assert_eq!(
        reviewed,
        BTreeMap::from([(done, None), (dropped, Some("Niet meer nodig".to_string()))])
    );
}

#[test]
fn what_a_meeting_earlier_the_same_day_settled_is_not_reviewed_again() {
    let (_dir, store, mut model, mut view) = on_earlier_actions();
    let first = model.meeting.as_ref().unwrap().meeting.id;
    let day = model.meeting.as_ref().unwrap().meeting.date;
    let done = model.meeting.as_ref().unwrap().earlier_actions[0].0.id;
    act(&store, &mut model, &mut view, Command::ToggleDone);
    let still_open: Vec<ActionId> = on_screen(&model)
        .into_iter()
        .filter(|(_, status)| *status == ActionStatus::Open)
        .map(|(id, _)| id)
        .collect();
    // A vooroverleg closed with the OT itself planned for the same day.
    act(&store, &mut model, &mut view, Command::CloseMeeting);
    answer(
        &store,
        &mut model,
        &mut view,
        &day.format("%d-%m-%Y").to_string(),
    );
    // The start screen waits behind the blanked one until a key.
    act(&store, &mut model, &mut view, Command::Back);
    act(&store, &mut model, &mut view, Command::OpenMeeting);
    let room = model.meeting.as_ref().unwrap();
    assert_ne!(room.meeting.id, first);
    assert_eq!(room.meeting.date, day);
    let listed = on_screen(&model);
    assert!(!listed.contains_key(&done), "settled in the vooroverleg");
    for id in still_open {
        assert_eq!(listed[&id], ActionStatus::Open);
    }
}
