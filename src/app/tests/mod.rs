use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tempfile::TempDir;

use crate::app::core::keymap::{Context, Keymap};
use crate::app::meeting::case;
use crate::app::overlay::prompt::{Ask as Asked, Prompt};
use crate::app::*;
use crate::domain::MeetingState;
use crate::i18n::Lang;
use crate::store::Store;
use crate::testkit::app::*;
use crate::testkit::today;

#[test]
fn quitting_is_one_key_and_needs_no_question() {
    let keymap = Keymap::default();
    for (context, key) in [
        (
            Context::Dashboard,
            KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
        ),
        (
            Context::Meeting,
            KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
        ),
        (
            Context::Dashboard,
            KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE),
        ),
    ] {
        let action = keymap.command(context, key).unwrap();
        assert_eq!(
            update(&mut model(0), &mut View::default(), action),
            vec![Effect::Quit]
        );
    }
    let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(
        keymap.command(Context::Dashboard, esc),
        None,
        "Esc goes back elsewhere and never quits"
    );
}

#[test]
fn scrolling_stays_within_the_list() {
    use crate::app::dashboard::Panel;
    let mut model = model(3);
    let mut view = View::default();
    update(&mut model, &mut view, Command::NextPanel);
    assert_eq!(view.dashboard.panel, Panel::Overdue);
    for _ in 0..5 {
        update(&mut model, &mut view, Command::Down);
    }
    assert_eq!(view.dashboard.selected(Panel::Overdue), 2);
    update(&mut model, &mut view, Command::Up);
    assert_eq!(view.dashboard.selected(Panel::Overdue), 1);
    assert_eq!(
        view.dashboard.selected(Panel::Mine),
        0,
        "each list keeps its own row"
    );
}

#[test]
fn help_and_blank_close_on_any_key_but_ctrl_c_still_quits() {
    let mut model = model(3);
    let mut view = View::default();
    update(&mut model, &mut view, Command::Help);
    assert!(view.overlays.is_open(crate::app::OverlayKind::Help));
    assert_eq!(update(&mut model, &mut view, Command::Down), vec![]);
    assert!(!view.overlays.is_open(crate::app::OverlayKind::Help));
    assert_eq!(
        view.dashboard,
        Default::default(),
        "the closing key does nothing else"
    );
    update(&mut model, &mut view, Command::Blank);
    assert!(view.overlays.is_open(crate::app::OverlayKind::Blank));
    update(&mut model, &mut view, Command::OpenMeeting);
    assert!(!view.overlays.is_open(crate::app::OverlayKind::Blank));
    assert_eq!(
        model.screen,
        Screen::Dashboard,
        "the key that unblanks does nothing else"
    );
    update(&mut model, &mut view, Command::Help);
    assert_eq!(
        update(&mut model, &mut view, Command::Quit),
        vec![Effect::Quit]
    );
}

#[test]
fn opening_the_next_meeting_marks_it_open_and_shows_its_first_item() {
    let (dir, store, model, _view) = meeting_opened();
    assert_eq!(model.screen, Screen::Meeting);
    let room = model.meeting.as_ref().unwrap();
    assert_eq!(room.meeting.state, MeetingState::Open);
    assert_eq!(room.meeting.current_item, 0);
    assert!(room.meeting.date >= today());
    let id = room.meeting.id;
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(
        store.meeting(id).unwrap().unwrap().state,
        MeetingState::Open
    );
}

#[test]
fn items_and_timer_are_saved_as_they_change_and_survive_a_restart() {
    let (dir, store, mut model, mut view) = meeting_opened();
    model.now = at(14, 15);
    act(&store, &mut model, &mut view, Command::ToggleTimer);
    model.now = at(14, 20);
    act(&store, &mut model, &mut view, Command::NextItem);
    act(&store, &mut model, &mut view, Command::NextItem);
    model.now = at(14, 23);
    act(&store, &mut model, &mut view, Command::PreviousItem);
    let id = model.meeting.as_ref().unwrap().meeting.id;
    drop(store);

    // otter stops (a crash, a closed laptop) and starts again at 14:30.
    let store = Store::open(dir.path()).unwrap();
    model.meeting = None;
    model.screen = Screen::Dashboard;
    model.now = at(14, 30);
    act(&store, &mut model, &mut view, Command::OpenMeeting);
    let meeting = &model.meeting.as_ref().unwrap().meeting;
    assert_eq!(
        meeting.id, id,
        "the meeting in progress comes back, not the next planned one"
    );
    assert_eq!(meeting.current_item, 1, "on the same item");
    assert!(meeting.timer_running(), "with its timer running");
    assert_eq!(meeting.seconds_on(0, at(14, 30)), 5 * 60);
    assert_eq!(
        meeting.seconds_on(1, at(14, 30)),
        7 * 60,
        "back on it since 14:23"
    );
    assert_eq!(meeting.seconds_on(2, at(14, 30)), 3 * 60);

    model.now = at(14, 31);
    act(&store, &mut model, &mut view, Command::ToggleTimer);
    let stored = store.meeting(id).unwrap().unwrap();
    assert!(!stored.timer_running());
    assert_eq!(stored.agenda[1].used_seconds, 8 * 60);
}

#[test]
fn back_returns_to_a_fresh_start_screen_and_keys_of_the_meeting_do_nothing_there() {
    let (_dir, store, mut model, mut view) = meeting_opened();
    act(&store, &mut model, &mut view, Command::Back);
    assert_eq!(model.screen, Screen::Dashboard);
    assert_eq!(update(&mut model, &mut view, Command::NextItem), vec![]);
    assert_eq!(model.meeting.as_ref().unwrap().meeting.current_item, 0);
}

#[test]
fn without_a_meeting_to_open_the_start_screen_says_so() {
    let dir = TempDir::new().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut model = model(0);
    let mut view = View::default();
    act(&store, &mut model, &mut view, Command::OpenMeeting);
    assert_eq!(model.screen, Screen::Dashboard);
    assert_eq!(model.notice.as_deref(), Some("Er is geen OT gepland."));
}

#[test]
fn a_phase_is_not_left_while_something_is_missing_and_the_screen_says_what() {
    let (_dir, store, mut model, mut view) = on_case(|brief| !brief.missing.is_empty());
    let before = current(&model).case.clone();
    let effects = update(&mut model, &mut view, Command::NextPhase);
    assert_eq!(effects, vec![]);
    assert_eq!(current(&model).case, before);
    let t = Lang::Nl.texts();
    let first_missing = t.requirement(current(&model).missing[0]);
    let flash = view.flash.clone().unwrap();
    assert!(
        flash.starts_with("Nog vast te leggen") && flash.contains(first_missing),
        "{flash}"
    );
    assert_eq!(store.case(before.id).unwrap().unwrap(), before);
}

#[test]
fn a_phase_moves_forward_with_its_event_saved_together() {
    let (dir, store, mut model, mut view) =
        on_case(|brief| brief.missing.is_empty() && brief.case.phase != "afgesloten");
    let case = current(&model).case.clone();
    let expected = model.phases.next(&case.phase).unwrap().id().to_string();
    act(&store, &mut model, &mut view, Command::NextPhase);
    assert_eq!(current(&model).case.phase, expected);
    let meeting = model.meeting.as_ref().unwrap().meeting.id;
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.case(case.id).unwrap().unwrap().phase, expected);
    let last = store.events_of_case(case.id).unwrap().pop().unwrap();
    assert_eq!(last.meeting, Some(meeting));
    assert_eq!(last.date, today());
    assert_eq!(
        last.kind,
        crate::domain::EventKind::Phase {
            from: case.phase.clone(),
            to: expected
        }
    );
    assert!(store.events_of_meeting(meeting).unwrap().contains(&last));
}

#[test]
fn going_back_asks_for_a_reason_and_records_it() {
    let (_dir, store, mut model, mut view) = on_case(|brief| brief.case.phase != "signaal");
    let case = current(&model).case.clone();
    let back = model.phases.previous(&case.phase).unwrap().id().to_string();
    act(&store, &mut model, &mut view, Command::PreviousPhase);
    assert!(
        view.overlays.is_open(crate::app::OverlayKind::Prompt),
        "a reason is asked"
    );
    let enter = Message::PromptKey(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    send(&store, &mut model, &mut view, enter.clone());
    assert!(
        view.overlays.is_open(crate::app::OverlayKind::Prompt),
        "an empty reason is not accepted"
    );
    assert_eq!(
        view.flash.as_deref(),
        Some("Geef een reden; Esc breekt af.")
    );
    for key in typed("Beeld klopt nog niet, ouders vertellen iets anders") {
        send(&store, &mut model, &mut view, key);
    }
    send(&store, &mut model, &mut view, enter);
    assert!(!view.overlays.is_open(crate::app::OverlayKind::Prompt));
    assert_eq!(store.case(case.id).unwrap().unwrap().phase, back);
    let last = store.events_of_case(case.id).unwrap().pop().unwrap();
    assert_eq!(
        last.reason,
        "Beeld klopt nog niet, ouders vertellen iets anders"
    );
}

#[test]
fn a_level_change_asks_for_a_reason_and_escape_cancels() {
    let (_dir, store, mut model, mut view) = on_case(|brief| brief.case.level.get() < 5);
    let case = current(&model).case.clone();
    act(&store, &mut model, &mut view, Command::LevelUp);
    let esc = Message::PromptKey(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    send(&store, &mut model, &mut view, esc);
    assert!(!view.overlays.is_open(crate::app::OverlayKind::Prompt));
    assert_eq!(
        store.case(case.id).unwrap().unwrap().level,
        case.level,
        "cancelled"
    );

    act(&store, &mut model, &mut view, Command::LevelUp);
    for key in typed("Wijkteam ingeschakeld: zorgen thuis") {
        send(&store, &mut model, &mut view, key);
    }
    let enter = Message::PromptKey(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    send(&store, &mut model, &mut view, enter);
    let stored = store.case(case.id).unwrap().unwrap();
    assert_eq!(stored.level, case.level.up().unwrap());
    let last = store.events_of_case(case.id).unwrap().pop().unwrap();
    assert_eq!(
        last.kind,
        crate::domain::EventKind::Level {
            from: case.level,
            to: case.level.up().unwrap()
        }
    );
    assert_eq!(last.reason, "Wijkteam ingeschakeld: zorgen thuis");
    assert_eq!(current(&model).next_seq(), last.seq + 1);
}

#[test]
fn notes_are_saved_at_every_keystroke_and_reopen_as_the_same_note() {
    let (dir, store, mut model, mut view) = on_case(|_| true);
    let case = current(&model).case.clone();
    act(&store, &mut model, &mut view, Command::EditNotes);
    assert!(view.editor().is_some());
    let id = view.editor().unwrap().note.id;
    let mut typed_so_far = String::new();
    for key in typed("Zoë leest beter; ouders (ğ, يوسف) herkennen het") {
        if let Message::PromptKey(key) = key {
            if let KeyCode::Char(c) = key.code {
                typed_so_far.push(c);
            }
            send(&store, &mut model, &mut view, Message::EditorKey(key));
        }
        // On disk after every keystroke, before the next frame.
        assert_eq!(store.note(id.0).unwrap().unwrap().text, typed_so_far);
    }
    let esc = Message::EditorKey(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    send(&store, &mut model, &mut view, esc);
    assert!(view.editor().is_none());

    act(&store, &mut model, &mut view, Command::EditNotes);
    let reopened = &view.editor().unwrap().note;
    assert_eq!(reopened.id, id, "the same note, not a second one");
    assert_eq!(reopened.text, typed_so_far);

    drop(store);
    let store = Store::open(dir.path()).unwrap();
    let notes = store.notes_of_case(case.id).unwrap();
    let saved = notes.iter().find(|n| n.id == id).unwrap();
    assert_eq!(
        saved.text,
        "Zoë leest beter; ouders (ğ, يوسف) herkennen het"
    );
    assert_eq!(saved.phase.as_deref(), Some(case.phase.as_str()));
    assert_eq!(
        saved.meeting,
        Some(model.meeting.as_ref().unwrap().meeting.id)
    );
}

#[test]
fn a_huge_paste_is_saved_whole_in_one_write() {
    let (_dir, store, mut model, mut view) = on_case(|_| true);
    act(&store, &mut model, &mut view, Command::EditNotes);
    let text = "Verslag van de logopedist, regel voor regel overgenomen. ".repeat(2_000);
    let effects = update(&mut model, &mut view, Message::Paste(text.clone()));
    assert_eq!(effects.len(), 1);
    assert_eq!(
        apply(&store, &mut model, &mut view, effects, today()).unwrap(),
        Flow::Continue
    );
    let id = view.editor().unwrap().note.id;
    assert_eq!(store.note(id.0).unwrap().unwrap().text, text);
}

/// A paste from a terminal or a web page brings escapes along: they are no part of the note.
#[test]
fn a_pasted_escape_is_left_out_of_the_note_and_its_lines_are_kept() {
    let (_dir, store, mut model, mut view) = on_case(|_| true);
    act(&store, &mut model, &mut view, Command::EditNotes);
    let text = "Verslag\x1b[2J\x1b]0;pwned\x07\nvan \u{202E}de logopedist\u{9b}";
    let effects = update(&mut model, &mut view, Message::Paste(text.into()));
    apply(&store, &mut model, &mut view, effects, today()).unwrap();
    let id = view.editor().unwrap().note.id;
    assert_eq!(
        store.note(id.0).unwrap().unwrap().text,
        "Verslag[2J]0;pwned\nvan de logopedist"
    );
}

#[test]
fn notes_are_not_opened_over_the_lists_of_the_opening_and_the_actions() {
    let (_dir, store, mut model, mut view) = meeting_opened();
    assert_eq!(
        update(&mut model, &mut view, Command::EditNotes),
        vec![],
        "item 1 is the opening"
    );
    act(&store, &mut model, &mut view, Command::NextItem);
    act(&store, &mut model, &mut view, Command::NextItem);
    assert_eq!(update(&mut model, &mut view, Command::EditNotes), vec![]);
    assert!(view.editor().is_none());
}

#[test]
fn rondvraag_takes_free_notes_that_reach_the_minutes_under_their_item() {
    use crate::domain::meeting::AgendaKind;
    let (dir, store, mut model, mut view) = meeting_opened();
    let room = model.meeting.as_mut().unwrap();
    let item = room
        .meeting
        .agenda
        .iter()
        .position(|i| i.kind == AgendaKind::Rondvraag)
        .unwrap();
    room.meeting.current_item = item;
    let id = room.meeting.id;
    act(&store, &mut model, &mut view, Command::EditNotes);
    send(
        &store,
        &mut model,
        &mut view,
        Message::Paste("Juf Anna vraagt naar de studiedag.".into()),
    );
    let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    send(&store, &mut model, &mut view, Message::EditorKey(esc));
    act(&store, &mut model, &mut view, Command::EditNotes);
    assert_eq!(
        view.editor().unwrap().note.text,
        "Juf Anna vraagt naar de studiedag.",
        "the same note opens again"
    );
    send(&store, &mut model, &mut view, Message::EditorKey(esc));
    act(&store, &mut model, &mut view, Command::CloseMeeting);
    answer(&store, &mut model, &mut view, "");
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    let minutes = store.minutes(id).unwrap().unwrap();
    let rondvraag = minutes
        .items
        .iter()
        .find(|i| i.kind == AgendaKind::Rondvraag)
        .unwrap();
    assert_eq!(rondvraag.notes, ["Juf Anna vraagt naar de studiedag."]);
    assert!(
        minutes
            .items
            .iter()
            .filter(|i| i.kind != AgendaKind::Rondvraag)
            .all(|i| !i.notes.iter().any(|n| n.contains("studiedag"))),
        "and under no other item"
    );
}

#[test]
fn an_action_is_asked_in_three_questions_and_saved_with_its_case_and_meeting() {
    let (dir, store, mut model, mut view) = on_case(|brief| brief.case.phase == "plan");
    let case = current(&model).case.clone();
    let member = model
        .meeting
        .as_ref()
        .unwrap()
        .members
        .iter()
        .find(|m| m.active)
        .unwrap()
        .clone();
    act(&store, &mut model, &mut view, Command::AddAction);
    answer(&store, &mut model, &mut view, "");
    assert_eq!(
        view.flash.as_deref(),
        Some("Het actiepunt mag niet leeg zijn.")
    );
    answer(
        &store,
        &mut model,
        &mut view,
        "Ouders uitnodigen voor een gesprek",
    );
    answer(&store, &mut model, &mut view, &member.name.to_lowercase());
    answer(&store, &mut model, &mut view, "31-02");
    assert!(
        view.flash
            .as_deref()
            .unwrap()
            .contains("\"31-02\" is geen geldige datum"),
        "{:?}",
        view.flash
    );
    assert!(
        view.overlays.is_open(crate::app::OverlayKind::Prompt),
        "the date is asked again"
    );
    answer(&store, &mut model, &mut view, "vr");
    assert!(!view.overlays.is_open(crate::app::OverlayKind::Prompt));
    assert_eq!(
        view.flash.as_deref(),
        Some(
            format!(
                "Actiepunt bewaard: Ouders uitnodigen voor een gesprek — {} — vr 27-11-2026",
                member.name
            )
            .as_str()
        )
    );
    let meeting = model.meeting.as_ref().unwrap().meeting.id;
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    let saved = store
        .actions_of_case(case.id)
        .unwrap()
        .into_iter()
        .find(|a| a.text == "Ouders uitnodigen voor een gesprek")
        .expect("saved with its case");
    assert_eq!(saved.owner, crate::domain::Owner::Member(member.id));
    assert_eq!(saved.due, NaiveDate::from_ymd_opt(2026, 11, 27).unwrap());
    assert_eq!(saved.meeting, Some(meeting));
    assert!(saved.is_open());
    assert!(
        store
            .open_actions(Some(Some(member.id)))
            .unwrap()
            .contains(&saved),
        "in the owner's index"
    );
    assert!(
        !current(&model)
            .missing
            .contains(&crate::domain::phase::Requirement::Action),
        "the plan has its action now"
    );
}

#[test]
fn closing_fixes_the_minutes_carries_actions_over_and_plans_the_next_meeting() {
    let (dir, store, mut model, mut view) = on_case(|_| true);
    let meeting_id = model.meeting.as_ref().unwrap().meeting.id;
    let earlier: Vec<_> = store
        .open_actions(None)
        .unwrap()
        .into_iter()
        .filter(|a| a.meeting != Some(meeting_id))
        .collect();
    assert!(!earlier.is_empty());
    act(&store, &mut model, &mut view, Command::EditNotes);
    for key in typed("Hulp loopt goed, doel bijna bereikt") {
        if let Message::PromptKey(key) = key {
            send(&store, &mut model, &mut view, Message::EditorKey(key));
        }
    }
    send(
        &store,
        &mut model,
        &mut view,
        Message::EditorKey(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)),
    );
    act(&store, &mut model, &mut view, Command::AddAction);
    answer(
        &store,
        &mut model,
        &mut view,
        "Evaluatie met ouders plannen",
    );
    answer(&store, &mut model, &mut view, "moeder");
    answer(&store, &mut model, &mut view, "+1w");

    act(&store, &mut model, &mut view, Command::CloseMeeting);
    answer(&store, &mut model, &mut view, "2-2-2027");
    assert_eq!(model.screen, Screen::Dashboard);
    assert!(matches!(
        view.overlays.front(),
        Some(Overlay::Blank(Some(said))) if *said == Lang::Nl.texts().flash_minutes_fixed
    ));

    drop(store);
    let store = Store::open(dir.path()).unwrap();
    let closed = store.meeting(meeting_id).unwrap().unwrap();
    assert_eq!(closed.state, MeetingState::Closed);
    assert!(!closed.timer_running());
    let minutes = store
        .minutes(meeting_id)
        .unwrap()
        .expect("minutes are fixed");
    assert_eq!(minutes.next_meeting, NaiveDate::from_ymd_opt(2027, 2, 2));
    let item = minutes
        .items
        .iter()
        .find(|i| {
            i.notes
                .contains(&"Hulp loopt goed, doel bijna bereikt".to_string())
        })
        .expect("the note is in the minutes");
    assert_eq!(item.actions.len(), 1);
    assert_eq!(item.actions[0].owner, "moeder");
    assert_eq!(minutes.carried_over.len(), earlier.len());
    for action in &earlier {
        let now = store.action(action.id).unwrap().unwrap();
        assert_eq!(
            now.carried_through.last(),
            Some(&meeting_id),
            "carried through this meeting"
        );
    }
    let planned = crate::testkit::store::next_meeting(&store);
    assert_eq!(planned.date, NaiveDate::from_ymd_opt(2027, 2, 2).unwrap());
    assert_eq!(planned.state, MeetingState::Planned);
    assert!(planned.cases().count() > 0, "the agenda proposes cases");
}

#[test]
fn attendance_is_taken_on_the_opening_item_and_saved() {
    let (dir, store, mut model, mut view) = meeting_opened();
    let room = model.meeting.as_ref().unwrap();
    for member in room.members.iter().filter(|m| m.active) {
        let who = crate::domain::meeting::Attendee::Member(member.id);
        assert!(
            room.meeting.attendance.iter().any(|a| a.who == who),
            "{} is on the list",
            member.name
        );
    }
    let before: Vec<_> = room.meeting.attendance.iter().map(|a| a.presence).collect();
    act(&store, &mut model, &mut view, Command::TogglePresence);
    act(&store, &mut model, &mut view, Command::Down);
    act(&store, &mut model, &mut view, Command::TogglePresence);
    act(&store, &mut model, &mut view, Command::TogglePresence);
    let id = model.meeting.as_ref().unwrap().meeting.id;
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    let after: Vec<_> = store
        .meeting(id)
        .unwrap()
        .unwrap()
        .attendance
        .iter()
        .map(|a| a.presence)
        .collect();
    use crate::app::meeting::attendance::next;
    assert_eq!(after[0], next(before[0]));
    assert_eq!(after[1], next(next(before[1])));
    assert_eq!(after[2..], before[2..]);
    use crate::domain::Presence::*;
    assert_eq!(
        [NotRecorded, Present, AbsentWithNotice, Absent].map(next),
        [Present, AbsentWithNotice, Absent, Present]
    );

    // Elsewhere on the agenda the same keys do nothing to attendance.
    act(&store, &mut model, &mut view, Command::NextItem);
    assert_eq!(
        update(&mut model, &mut view, Command::TogglePresence),
        vec![]
    );
    assert_eq!(view.selected, 0, "a new item starts at the top");
}

#[test]
fn earlier_actions_are_marked_done_or_dropped_and_the_rest_is_carried_over() {
    let (dir, store, mut model, mut view) = on_earlier_actions();
    let ids: Vec<_> = model
        .meeting
        .as_ref()
        .unwrap()
        .earlier_actions
        .iter()
        .map(|(a, _)| a.id)
        .collect();
    assert!(ids.len() >= 3);
    act(&store, &mut model, &mut view, Command::ToggleDone);
    act(&store, &mut model, &mut view, Command::Down);
    act(&store, &mut model, &mut view, Command::DropAction);
    answer(&store, &mut model, &mut view, "");
    assert!(
        view.overlays.is_open(crate::app::OverlayKind::Prompt),
        "dropping needs a reason"
    );
    answer(
        &store,
        &mut model,
        &mut view,
        "Niet meer nodig: gezin verhuisd",
    );
    act(&store, &mut model, &mut view, Command::CloseMeeting);
    answer(&store, &mut model, &mut view, "");
    let meeting = model.dashboard.next_meeting.as_ref().map(|m| m.id);
    assert_eq!(meeting, None, "no date given, no next meeting planned");

    drop(store);
    let store = Store::open(dir.path()).unwrap();
    let done = store.action(ids[0]).unwrap().unwrap();
    assert_eq!(
        done.status,
        crate::domain::ActionStatus::Done { on: today() }
    );
    let dropped = store.action(ids[1]).unwrap().unwrap();
    assert_eq!(
        dropped.status,
        crate::domain::ActionStatus::Dropped {
            on: today(),
            reason: "Niet meer nodig: gezin verhuisd".into()
        }
    );
    let kept = store.action(ids[2]).unwrap().unwrap();
    assert!(kept.is_open());
    let closed = store
        .meetings_by_date()
        .unwrap()
        .into_iter()
        .find(|m| m.state == MeetingState::Closed && m.date > today())
        .unwrap();
    assert_eq!(kept.carried_through.last(), Some(&closed.id));
    assert!(
        done.carried_through.last() != Some(&closed.id),
        "a done action is not carried"
    );
    let minutes = store.minutes(closed.id).unwrap().unwrap();
    assert!(minutes.carried_over.iter().any(|a| a.id == kept.id));
    let review = minutes
        .items
        .iter()
        .find(|i| i.kind == crate::domain::meeting::AgendaKind::Actions)
        .unwrap();
    let outcomes: Vec<_> = review
        .reviewed
        .iter()
        .map(|r| (r.action.id, r.dropped.as_deref()))
        .collect();
    assert_eq!(
        outcomes,
        [
            (done.id, None),
            (dropped.id, Some("Niet meer nodig: gezin verhuisd"))
        ]
    );
    assert!(
        !minutes
            .carried_over
            .iter()
            .any(|a| a.id == done.id || a.id == dropped.id)
    );
}

#[test]
fn a_decision_is_recorded_under_its_case_and_reaches_the_minutes() {
    let (dir, store, mut model, mut view) = on_case(|_| true);
    let case = current(&model).case.id;
    act(&store, &mut model, &mut view, Command::RecordDecision);
    answer(&store, &mut model, &mut view, "");
    assert_eq!(
        view.flash.as_deref(),
        Some("Het besluit mag niet leeg zijn.")
    );
    answer(
        &store,
        &mut model,
        &mut view,
        "Aanmelden bij het wijkteam, ouders stemmen in",
    );
    assert_eq!(
        view.flash.as_deref(),
        Some("Besluit vastgelegd: Aanmelden bij het wijkteam, ouders stemmen in")
    );
    assert_eq!(
        current(&model).decisions.last().unwrap().text,
        "Aanmelden bij het wijkteam, ouders stemmen in"
    );
    let meeting = model.meeting.as_ref().unwrap().meeting.id;
    act(&store, &mut model, &mut view, Command::CloseMeeting);
    answer(&store, &mut model, &mut view, "");
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    let decisions = store.decisions_of_case(case).unwrap();
    assert_eq!(decisions.last().unwrap().meeting, Some(meeting));
    let minutes = store.minutes(meeting).unwrap().unwrap();
    assert!(minutes.items.iter().any(|i| {
        i.decisions
            .contains(&"Aanmelden bij het wijkteam, ouders stemmen in".to_string())
    }));
}

#[test]
fn f_asks_what_the_phase_needs_until_the_case_may_move_on() {
    let (dir, store, mut model, mut view) = on_case(|brief| {
        brief.case.phase == "signaal"
            && !brief.missing.is_empty()
            && brief
                .missing
                .iter()
                .all(|r| !matches!(r, crate::domain::phase::Requirement::Action))
    });
    let case = current(&model).case.clone();
    act(&store, &mut model, &mut view, Command::RecordFields);
    let mut asked = Vec::new();
    while let Some(Asked::Case(case::Ask::Field { requirement })) =
        view.overlays.get::<Prompt>().map(|p| p.ask.clone())
    {
        asked.push(requirement);
        assert!(asked.len() < 20, "the questions end");
        answer(&store, &mut model, &mut view, reply(requirement));
    }
    assert!(!asked.is_empty());
    assert!(
        current(&model).missing.is_empty(),
        "all recorded: {:?}",
        current(&model).missing
    );
    act(&store, &mut model, &mut view, Command::NextPhase);
    assert_eq!(current(&model).case.phase, "beeldvorming");

    drop(store);
    let store = Store::open(dir.path()).unwrap();
    let saved = store.case(case.id).unwrap().unwrap();
    assert_eq!(saved.phase, "beeldvorming");
    if asked.contains(&crate::domain::phase::Requirement::Consent) {
        assert_eq!(saved.consent, crate::domain::Consent::Anonymous);
        let consent_event = store
            .events_of_case(case.id)
            .unwrap()
            .into_iter()
            .find(|e| matches!(e.kind, crate::domain::EventKind::Consent { .. }))
            .expect("a consent change is an event of the history");
        assert_eq!(
            consent_event.kind,
            crate::domain::EventKind::Consent {
                from: case.consent,
                to: crate::domain::Consent::Anonymous
            }
        );
    }
}

#[test]
fn a_wrong_kind_of_answer_is_asked_again() {
    let (_dir, store, mut model, mut view) =
        on_case(|brief| brief.case.phase == "evaluatie" && !brief.case.parents_informed);
    act(&store, &mut model, &mut view, Command::RecordFields);
    while let Some(Asked::Case(case::Ask::Field { requirement })) =
        view.overlays.get::<Prompt>().map(|p| p.ask.clone())
    {
        if requirement == crate::domain::phase::Requirement::ParentsInformed {
            answer(&store, &mut model, &mut view, "misschien");
            assert_eq!(view.flash.as_deref(), Some("Antwoord ja of nee."));
            assert!(matches!(
                view.overlays.get::<Prompt>().unwrap().ask,
                Asked::Case(case::Ask::Field {
                    requirement: crate::domain::phase::Requirement::ParentsInformed
                })
            ));
            answer(&store, &mut model, &mut view, "ja");
            assert!(current(&model).case.parents_informed);
            return;
        }
        answer(&store, &mut model, &mut view, reply(requirement));
    }
    panic!("parents_informed was never asked");
}

#[test]
fn an_earlier_action_gets_another_owner_and_due_date_and_a_bad_date_is_asked_again() {
    let (dir, store, mut model, mut view) = on_earlier_actions();
    let id = model.meeting.as_ref().unwrap().earlier_actions[0].0.id;
    act(&store, &mut model, &mut view, Command::ChangeOwner);
    answer(&store, &mut model, &mut view, "moeder");
    act(&store, &mut model, &mut view, Command::ChangeDue);
    answer(&store, &mut model, &mut view, "31-02");
    assert!(view.flash.is_some(), "an impossible date is refused");
    let prompt = view.overlays.get::<Prompt>().expect("and asked again");
    assert_eq!(prompt.text(), "31-02", "with what was typed still there");
    view.overlays
        .open(crate::app::Overlay::Prompt(Prompt::new(prompt.ask.clone())));
    answer(&store, &mut model, &mut view, "18-12-2026");
    let row = &model.meeting.as_ref().unwrap().earlier_actions[0].1;
    assert_eq!((row.owner.as_str(), row.days_overdue), ("moeder", 0));

    drop(store);
    let store = Store::open(dir.path()).unwrap();
    let action = store.action(id).unwrap().unwrap();
    assert_eq!(action.owner, crate::domain::Owner::Other("moeder".into()));
    assert_eq!(action.due, NaiveDate::from_ymd_opt(2026, 12, 18).unwrap());
    assert!(action.is_open());
}

#[test]
fn h_shows_the_case_history_until_the_next_key_and_only_on_a_case() {
    let (_dir, store, mut model, mut view) = on_case(|brief| brief.events.len() > 1);
    act(&store, &mut model, &mut view, Command::History);
    assert!(view.overlays.is_open(crate::app::OverlayKind::History));
    let item = model.meeting.as_ref().unwrap().meeting.current_item;
    act(&store, &mut model, &mut view, Command::NextItem);
    assert!(
        !view.overlays.is_open(crate::app::OverlayKind::History),
        "the next key closes it"
    );
    assert_eq!(
        model.meeting.as_ref().unwrap().meeting.current_item,
        item,
        "and does nothing else"
    );
    model.meeting.as_mut().unwrap().meeting.current_item = 0;
    act(&store, &mut model, &mut view, Command::History);
    assert!(
        !view.overlays.is_open(crate::app::OverlayKind::History),
        "the opening has no case history"
    );
}

fn palette_typed(store: &Store, model: &mut Model, view: &mut View, text: &str) {
    for c in text.chars() {
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        send(store, model, view, Message::PaletteKey(key));
    }
}

#[test]
fn the_palette_runs_an_action_by_name_and_switches_the_theme() {
    let (dir, store, mut model, mut view) = on_case(|_| true);
    model.now = at(14, 0);
    act(&store, &mut model, &mut view, Command::Palette);
    palette_typed(&store, &mut model, &mut view, "timer");
    let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
    send(&store, &mut model, &mut view, Message::PaletteKey(enter));
    assert!(
        !view.overlays.is_open(crate::app::OverlayKind::Palette),
        "running a command closes the palette"
    );
    let id = model.meeting.as_ref().unwrap().meeting.id;
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    let saved = store.meeting(id).unwrap().unwrap();
    assert_eq!(saved.timer_started, Some(at(14, 0)), "the timer started");

    act(&store, &mut model, &mut view, Command::Palette);
    palette_typed(&store, &mut model, &mut view, "thema kleur");
    let effects = update(&mut model, &mut view, Message::PaletteKey(enter));
    assert_eq!(effects, vec![Effect::UseTheme("kleurenblind".into())]);

    act(&store, &mut model, &mut view, Command::Palette);
    palette_typed(&store, &mut model, &mut view, "b");
    assert!(
        !view.overlays.is_open(crate::app::OverlayKind::Blank),
        "typed letters are the query, not keys"
    );
    let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    send(&store, &mut model, &mut view, Message::PaletteKey(esc));
    assert!(!view.overlays.is_open(crate::app::OverlayKind::Palette));
}

#[test]
fn a_closed_meeting_reopens_only_with_a_reason_and_its_minutes_say_so() {
    let (dir, store, mut model, mut view) = meeting_opened();
    act(&store, &mut model, &mut view, Command::CloseMeeting);
    answer(&store, &mut model, &mut view, "12-01-2027");
    // The start screen waits behind the blanked one until a key.
    act(&store, &mut model, &mut view, Command::Back);
    let closed = model.dashboard.last_closed.clone().expect("just closed");
    let planned = store.meetings_by_date().unwrap().len();

    act(&store, &mut model, &mut view, Command::ReopenMeeting);
    answer(&store, &mut model, &mut view, "");
    assert!(
        view.overlays.is_open(crate::app::OverlayKind::Prompt),
        "reopening needs a reason"
    );
    answer(&store, &mut model, &mut view, "Besluit over Sanne ontbrak");
    assert_eq!(model.screen, Screen::Meeting);
    let room = model.meeting.as_ref().unwrap();
    assert_eq!(room.meeting.id.0, closed.id);
    assert_eq!(room.meeting.state, MeetingState::Open);

    act(&store, &mut model, &mut view, Command::Back);
    act(&store, &mut model, &mut view, Command::ReopenMeeting);
    assert!(
        !view.overlays.is_open(crate::app::OverlayKind::Prompt),
        "one meeting open at a time"
    );
    assert_eq!(
        view.flash.as_deref(),
        Some("Er is al een vergadering open: sluit die eerst.")
    );

    act(&store, &mut model, &mut view, Command::OpenMeeting);
    act(&store, &mut model, &mut view, Command::CloseMeeting);
    answer(&store, &mut model, &mut view, "12-01-2027");
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(
        store.meetings_by_date().unwrap().len(),
        planned,
        "the next meeting is not planned twice"
    );
    let id = crate::domain::MeetingId(closed.id);
    let meeting = store.meeting(id).unwrap().unwrap();
    assert_eq!(meeting.state, MeetingState::Closed);
    let minutes = store.minutes(id).unwrap().unwrap();
    assert_eq!(minutes.reopened.len(), 1);
    assert_eq!(minutes.reopened[0].reason, "Besluit over Sanne ontbrak");
    assert_eq!(minutes.reopened[0].on, today());
    let cx = crate::export::Context {
        model: &model.phases,
        lang: Lang::Nl,
        school: "",
        today: today(),
    };
    let text = crate::export::minutes(
        &minutes,
        crate::export::minutes::Status::Fixed,
        &cx,
        crate::export::Format::Markdown,
    );
    assert!(
        text.contains("Heropend op ma 23-11-2026: Besluit over Sanne ontbrak"),
        "{text}"
    );
}

#[test]
fn volgende_ot_in_a_meeting_is_the_meeting_already_planned_after_it() {
    let (_dir, store, mut model) = school();
    let mut later = crate::testkit::store::next_meeting(&store);
    later.id = crate::domain::MeetingId(store.next_id(crate::store::TreeId::Meetings).unwrap());
    later.date = NaiveDate::from_ymd_opt(2027, 1, 26).unwrap();
    store.insert(&later).unwrap();
    let mut view = View::default();
    act(&store, &mut model, &mut view, Command::OpenMeeting);
    let room = model.meeting.as_mut().unwrap();
    room.meeting.current_item = room
        .meeting
        .agenda
        .iter()
        .position(|i| matches!(i.kind, crate::domain::meeting::AgendaKind::Case { .. }))
        .unwrap();
    act(&store, &mut model, &mut view, Command::AddAction);
    answer(&store, &mut model, &mut view, "Ouders uitnodigen");
    answer(&store, &mut model, &mut view, "Fatma");
    answer(&store, &mut model, &mut view, "volgende ot");
    let action = current(&model).own_actions.last().unwrap();
    assert_eq!(action.text, "Ouders uitnodigen");
    assert_eq!(action.due, later.date);
}

#[test]
fn volgende_ot_without_a_next_meeting_is_explained_in_the_screen_language() {
    let (_dir, store, mut model, mut view) = on_case(|_| true);
    act(&store, &mut model, &mut view, Command::AddAction);
    answer(&store, &mut model, &mut view, "Ouders bellen");
    answer(&store, &mut model, &mut view, "moeder");
    answer(&store, &mut model, &mut view, "volgende ot");
    assert_eq!(
        view.flash.as_deref(),
        Some("Er is nog geen volgende OT gepland; geef een datum.")
    );
    assert!(
        view.overlays.is_open(crate::app::OverlayKind::Prompt),
        "the date is asked again"
    );
}

#[test]
fn recording_anoniem_hides_the_name_on_screen_at_once() {
    use crate::domain::phase::Requirement;
    let (_dir, store, mut model, mut view) = on_case(|brief| {
        brief.case.consent == crate::domain::Consent::Unknown
            && brief.missing.contains(&Requirement::Consent)
    });
    // Consent not yet asked is not consent: the shared screen shows the pseudonym already.
    let pseudonym = current(&model).case.pseudonym();
    assert_eq!(
        current(&model).subject(),
        pseudonym,
        "not named while unknown"
    );
    view.overlays
        .open(crate::app::Overlay::Prompt(Prompt::new(case::Ask::Field {
            requirement: Requirement::Consent,
        })));
    answer(&store, &mut model, &mut view, "anoniem");
    let brief = current(&model);
    assert_eq!(brief.case.consent, crate::domain::Consent::Anonymous);
    assert_eq!(brief.subject(), brief.case.pseudonym());
    assert_eq!(brief.short(), brief.case.pseudonym());
    assert_eq!(
        brief.subject(),
        pseudonym,
        "the same pseudonym after the answer"
    );
}

#[test]
fn a_key_for_the_case_says_so_on_an_item_without_one() {
    let (_dir, store, mut model, mut view) = meeting_opened();
    answer(&store, &mut model, &mut view, "");
    act(&store, &mut model, &mut view, Command::NextItem);
    act(&store, &mut model, &mut view, Command::NextItem);
    for action in [
        Command::NextPhase,
        Command::PreviousPhase,
        Command::LevelUp,
        Command::LevelDown,
        Command::RecordFields,
        Command::ChangeConsent,
        Command::History,
    ] {
        act(&store, &mut model, &mut view, action);
        assert_eq!(
            view.flash.as_deref(),
            Some("Dit agendapunt is geen leerlingbespreking."),
            "{action:?}"
        );
        assert!(
            !view.overlays.is_open(crate::app::OverlayKind::Prompt)
                && !view.overlays.is_open(crate::app::OverlayKind::History)
        );
    }
}

mod chair;
mod faults;
mod minutes;
mod monkey;
mod privacy;
mod whole;
