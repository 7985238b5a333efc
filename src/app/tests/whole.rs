//! One whole OT driven by messages only, as the chair's keys would drive it: prepared, opened,
//! attended, walked through, closed; then everything is read back from a reopened store.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::{Command, Message, Screen, View};
use crate::domain::meeting::{AgendaKind, Attendee};
use crate::domain::{ActionStatus, EventKind, MeetingState, Owner, Requirement, Role};
use crate::store::Store;
use crate::testkit::app::{act, answer, school, send, typed};
use crate::testkit::today;

fn go_to(
    model: &mut crate::app::Model,
    view: &mut View,
    store: &Store,
    kind: impl Fn(&AgendaKind) -> bool,
) {
    for _ in 0..40 {
        let room = model.meeting.as_ref().unwrap();
        if kind(&room.meeting.agenda[room.meeting.current_item].kind) {
            return;
        }
        act(store, model, view, Command::NextItem);
    }
    panic!("no such item on the agenda");
}

#[test]
fn a_whole_meeting_from_preparing_to_fixed_minutes() {
    let (dir, store, mut model) = school();
    let mut view = View::default();
    let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);

    // Prepare: a guest is added; the agenda as proposed.
    act(&store, &mut model, &mut view, Command::PrepareMeeting);
    assert_eq!(model.screen, Screen::Prepare);
    let id = model.prepare.as_ref().unwrap().meeting.id;
    act(&store, &mut model, &mut view, Command::AddGuest);
    answer(&store, &mut model, &mut view, "Anna de Wit");
    answer(&store, &mut model, &mut view, "leerkracht");

    // Open: the roll call has the team and the guest; the first member is present.
    act(&store, &mut model, &mut view, Command::OpenMeeting);
    assert_eq!(model.screen, Screen::Meeting);
    let room = model.meeting.as_ref().unwrap();
    assert_eq!(room.meeting.id, id);
    assert_eq!(room.meeting.state, MeetingState::Open);
    let guest = room
        .meeting
        .attendance
        .iter()
        .position(|a| matches!(&a.who, Attendee::Guest { name, role, .. } if name == "Anna de Wit" && *role == Role::Leerkracht))
        .expect("the guest is in the roll call");
    act(&store, &mut model, &mut view, Command::TogglePresence);
    view.selected = guest;
    act(&store, &mut model, &mut view, Command::TogglePresence);

    // Actiepunten: the first earlier action is done, the rest carried over.
    go_to(&mut model, &mut view, &store, |k| *k == AgendaKind::Actions);
    let earlier: Vec<_> = model
        .meeting
        .as_ref()
        .unwrap()
        .earlier_actions
        .iter()
        .map(|(a, _)| a.id)
        .collect();
    act(&store, &mut model, &mut view, Command::ToggleDone);

    // A case with nothing missing: notes, a decision, a phase forward, an action.
    let ready = {
        let room = model.meeting.as_ref().unwrap();
        room.meeting
            .agenda
            .iter()
            .find_map(|item| match item.kind {
                AgendaKind::Case { case }
                    if room.cases[&case].missing.is_empty()
                        && model.phases.next(&room.cases[&case].case.phase).is_some()
                        && !model.phases.is_final(&room.cases[&case].case.phase)
                        && crate::app::meeting::form::kind_of(
                            &model.phases,
                            &room.cases[&case].case.phase,
                        )
                        .is_none() =>
                {
                    Some(case)
                }
                _ => None,
            })
            .expect("the demo has a case ready to move on")
    };
    go_to(&mut model, &mut view, &store, |k| {
        *k == AgendaKind::Case { case: ready }
    });
    let from = model.meeting.as_ref().unwrap().cases[&ready]
        .case
        .phase
        .clone();
    act(&store, &mut model, &mut view, Command::EditNotes);
    assert!(view.editor().is_some(), "a phase with plain notes");
    send(
        &store,
        &mut model,
        &mut view,
        Message::Paste("Moeder: het gaat thuis beter.".into()),
    );
    send(&store, &mut model, &mut view, Message::EditorKey(esc));
    act(&store, &mut model, &mut view, Command::RecordDecision);
    answer(&store, &mut model, &mut view, "Door naar de volgende fase");
    act(&store, &mut model, &mut view, Command::NextPhase);
    let to = model.meeting.as_ref().unwrap().cases[&ready]
        .case
        .phase
        .clone();
    assert_ne!(from, to, "{:?}", view.flash);
    act(&store, &mut model, &mut view, Command::AddAction);
    answer(&store, &mut model, &mut view, "Verslag naar ouders sturen");
    answer(&store, &mut model, &mut view, "moeder");
    answer(&store, &mut model, &mut view, "+2w");

    // Nieuwe signalen: a case for a pupil picked by name.
    go_to(&mut model, &mut view, &store, |k| {
        *k == AgendaKind::NewSignals
    });
    let pupil = store
        .all::<crate::domain::Pupil>()
        .nth(11)
        .unwrap()
        .unwrap();
    act(&store, &mut model, &mut view, Command::NewSignal);
    for key in typed(&format!("{} {}", pupil.first_name, pupil.last_name)) {
        send(&store, &mut model, &mut view, key);
    }
    send(&store, &mut model, &mut view, Message::PromptKey(enter));
    for key in typed("Huilt vaak in de pauze") {
        send(&store, &mut model, &mut view, key);
    }
    send(&store, &mut model, &mut view, Message::PromptKey(enter));
    let signal = model
        .meeting
        .as_ref()
        .unwrap()
        .current_case_id()
        .expect("on the new case");

    // Rondvraag, then closing with the date of the next OT.
    go_to(&mut model, &mut view, &store, |k| {
        *k == AgendaKind::Rondvraag
    });
    act(&store, &mut model, &mut view, Command::EditNotes);
    send(
        &store,
        &mut model,
        &mut view,
        Message::Paste("Studiedag op 4 december.".into()),
    );
    send(&store, &mut model, &mut view, Message::EditorKey(esc));
    act(&store, &mut model, &mut view, Command::CloseMeeting);
    answer(&store, &mut model, &mut view, "+6w");
    assert_eq!(model.screen, Screen::Dashboard);

    // Everything is in the store after a restart.
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    let meeting = store.meeting(id).unwrap().unwrap();
    assert_eq!(meeting.state, MeetingState::Closed);
    let minutes = store.minutes(id).unwrap().unwrap();
    assert_eq!(minutes.present.len(), 2, "{:?}", minutes.present);
    assert!(minutes.present.contains(&"Anna de Wit".to_string()));
    let case_item = minutes
        .items
        .iter()
        .find(|i| i.kind == AgendaKind::Case { case: ready })
        .unwrap();
    assert_eq!(case_item.notes, ["Moeder: het gaat thuis beter."]);
    assert_eq!(case_item.decisions, ["Door naar de volgende fase"]);
    assert!(case_item.changes.iter().any(|e| e.kind
        == EventKind::Phase {
            from: from.clone(),
            to: to.clone()
        }));
    // What the phase it left required is in the minutes, as it stood (recorded before this
    // meeting: the test's case had it all).
    let left = model.phases.get(&from).unwrap();
    assert!(!left.requires.is_empty(), "{from} asks for something");
    for requirement in left.requires.iter().filter(|r| **r != Requirement::Action) {
        assert!(
            case_item
                .recorded_before
                .iter()
                .any(|(r, _)| r == requirement),
            "{requirement:?} not in {:?}",
            case_item.recorded_before
        );
    }
    assert_eq!(case_item.actions.len(), 1);
    assert_eq!(case_item.actions[0].owner, "moeder");
    assert_eq!(case_item.actions[0].due, today() + chrono::Days::new(14));
    let signal_item = minutes
        .items
        .iter()
        .find(|i| i.kind == AgendaKind::Case { case: signal })
        .unwrap();
    assert!(
        signal_item
            .changes
            .iter()
            .any(|e| e.kind == EventKind::Opened)
    );
    assert_eq!(signal_item.subject, pupil.full_name());
    let review = minutes
        .items
        .iter()
        .find(|i| i.kind == AgendaKind::Actions)
        .unwrap();
    assert_eq!(review.reviewed.len(), 1, "only the done one was finished");
    assert_eq!(review.reviewed[0].action.id, earlier[0]);
    assert_eq!(review.reviewed[0].dropped, None);
    let rondvraag = minutes
        .items
        .iter()
        .find(|i| i.kind == AgendaKind::Rondvraag)
        .unwrap();
    assert_eq!(rondvraag.notes, ["Studiedag op 4 december."]);
    // "+6w" counts from the meeting's own date.
    let next = minutes.date + chrono::Days::new(42);
    assert_eq!(minutes.next_meeting, Some(next));

    // The phase event is in the case's own history, with this meeting.
    let events = store.events_of_case(ready).unwrap();
    let moved = events.last().unwrap();
    assert_eq!(moved.kind, EventKind::Phase { from, to });
    assert_eq!(moved.meeting, Some(id));

    // The done action is done; every other earlier action is carried through this meeting.
    assert!(matches!(
        store.action(earlier[0]).unwrap().unwrap().status,
        ActionStatus::Done { .. }
    ));
    for action in &earlier[1..] {
        let action = store.action(*action).unwrap().unwrap();
        assert!(action.is_open());
        assert_eq!(action.carried_through.last(), Some(&id));
        assert!(minutes.carried_over.iter().any(|a| a.id == action.id));
    }
    let new_action = store.actions_of_meeting(id).unwrap();
    assert!(
        new_action
            .iter()
            .any(|a| a.owner == Owner::Other("moeder".into()))
    );

    // The next OT is planned on the agreed date, with the template agenda.
    let next = store
        .meetings_by_date()
        .unwrap()
        .into_iter()
        .find(|m| m.state == MeetingState::Planned && m.date == next)
        .expect("the next OT is planned");
    assert_eq!(
        next.agenda.first().map(|i| &i.kind),
        Some(&AgendaKind::Opening)
    );
    assert!(
        next.agenda
            .iter()
            .any(|i| i.kind == AgendaKind::Case { case: signal }),
        "the new signal is proposed for the next OT"
    );
}
