//! A full or read-only disk in the screen, with faults injected into the store
//! (`store::fault`): every typed character stays in memory, the status line says so, and the
//! kept edits are written once the disk takes them again; otter never exits with text on
//! screen.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{act, current, on_case, send, today, typed};
use crate::app::core::effects::retry;
use crate::app::*;
use crate::store::Store;
use crate::store::fault::Fault;

/// The next tick, a second or more after the one before: when the loop retries.
fn tick(store: Store, model: &mut Model, view: &mut View) -> Store {
    model.now += chrono::TimeDelta::seconds(2);
    update(model, view, Message::Tick);
    retry(store, model, view, today()).unwrap()
}

fn type_into_editor(store: &Store, model: &mut Model, view: &mut View, text: &str) {
    for key in typed(text) {
        if let Message::PromptKey(key) = key {
            send(store, model, view, Message::EditorKey(key));
        }
    }
}

#[test]
fn a_full_disk_keeps_every_typed_character_says_so_and_writes_them_once_space_is_back() {
    let (dir, store, mut model, mut view) = on_case(|_| true);
    let case = current(&model).case.id;
    act(&store, &mut model, &mut view, Command::EditNotes);
    let id = view.editor.as_ref().unwrap().note.id;
    type_into_editor(&store, &mut model, &mut view, "Zoë leest ");
    let switch = store.fault_switch();

    switch.set(Some(Fault::Full));
    let paste = "Verslag van de logopedist, regel voor regel overgenomen. ".repeat(6_000);
    send(&store, &mut model, &mut view, Message::Paste(paste.clone()));
    let notice = model.notice.clone().unwrap();
    assert!(notice.contains("de schijf is vol"), "{notice}");
    assert!(
        notice.contains("Nog niet bewaard: 1 wijziging."),
        "{notice}"
    );
    type_into_editor(&store, &mut model, &mut view, "Einde.");
    let whole = format!("Zoë leest {paste}Einde.");
    assert_eq!(view.editor.as_ref().unwrap().note.text, whole);
    assert_eq!(model.unsaved.len(), 1, "one note, saved whole");
    assert_eq!(store.note(id.0).unwrap().unwrap().text, "Zoë leest ");

    // The way out: Esc, a new note, the plan. Nothing ends the screen.
    let esc = || Message::EditorKey(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    send(&store, &mut model, &mut view, esc());
    act(&store, &mut model, &mut view, Command::EditNotes);
    assert_eq!(view.editor.as_ref().unwrap().note.text, whole);
    send(&store, &mut model, &mut view, esc());
    act(&store, &mut model, &mut view, Command::Back);
    act(&store, &mut model, &mut view, Command::OpenMeeting);
    assert!(
        model.meeting.is_some(),
        "reading goes on while the disk is full"
    );

    // Still full: a retry reopens the store and keeps everything.
    let store = tick(store, &mut model, &mut view);
    assert_eq!(model.unsaved.len(), 1);
    assert!(
        model
            .notice
            .as_deref()
            .unwrap()
            .contains("Nog niet bewaard")
    );

    // The first quit warns and does not quit; the kept edit stays.
    let effects = update(&mut model, &mut view, Command::Quit);
    assert_eq!(
        apply(&store, &mut model, &mut view, effects, today()).unwrap(),
        Flow::Continue
    );
    assert!(
        model.notice.as_deref().unwrap().contains("gooit ze weg"),
        "{:?}",
        model.notice
    );

    switch.set(None);
    let store = tick(store, &mut model, &mut view);
    assert!(model.unsaved.is_empty());
    assert_eq!(model.notice, None);
    assert_eq!(view.flash.as_deref(), Some("Alles is weer bewaard."));
    assert_eq!(store.note(id.0).unwrap().unwrap().text, whole);

    drop(store);
    let store = Store::open(dir.path()).unwrap();
    let notes = store.notes_of_case(case).unwrap();
    assert_eq!(notes.iter().find(|n| n.id == id).unwrap().text, whole);
}

#[test]
fn a_read_only_disk_keeps_new_records_in_order_and_says_so_in_english() {
    let (dir, store, mut model, mut view) = on_case(|_| true);
    model.lang = Lang::En;
    let case = current(&model).case.id;
    let meeting = model.meeting.as_ref().unwrap().meeting.id;
    let switch = store.fault_switch();
    switch.set(Some(Fault::ReadOnly));
    let action = |text: &str| crate::domain::Action {
        id: crate::domain::ActionId(0),
        text: text.into(),
        owner: crate::domain::Owner::Other("moeder".into()),
        due: chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap(),
        status: crate::domain::ActionStatus::Open,
        created: today(),
        meeting: Some(meeting),
        case: Some(case),
        agenda_item: None,
        carried_through: vec![],
    };
    let effects = vec![
        Effect::NewAction(Box::new(action("Logopedie aanvragen"))),
        Effect::NewAction(Box::new(action("Ouders bellen"))),
    ];
    apply(&store, &mut model, &mut view, effects, today()).unwrap();
    let notice = model.notice.clone().unwrap();
    assert!(notice.contains("the disk is read-only"), "{notice}");
    assert!(notice.contains("Not saved yet: 2 edits."), "{notice}");
    let before = store.actions_of_case(case).unwrap().len();

    switch.set(None);
    let store = tick(store, &mut model, &mut view);
    assert!(model.unsaved.is_empty());
    assert_eq!(view.flash.as_deref(), Some("Everything is saved again."));
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    let actions = store.actions_of_case(case).unwrap();
    assert_eq!(actions.len(), before + 2, "both written, with their index");
    let texts: Vec<_> = actions
        .iter()
        .rev()
        .take(2)
        .map(|a| a.text.as_str())
        .collect();
    assert_eq!(
        texts,
        ["Ouders bellen", "Logopedie aanvragen"],
        "in the order asked"
    );
    let listed = store.actions_of_meeting(meeting).unwrap();
    assert!(listed.iter().any(|a| a.text == "Ouders bellen"));
}

#[test]
fn a_second_quit_with_edits_kept_does_quit() {
    let (_dir, store, mut model, mut view) = on_case(|_| true);
    act(&store, &mut model, &mut view, Command::EditNotes);
    store.fault_switch().set(Some(Fault::Full));
    type_into_editor(&store, &mut model, &mut view, "x");
    let esc = Message::EditorKey(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    send(&store, &mut model, &mut view, esc);
    for expected in [Flow::Continue, Flow::Quit] {
        let effects = update(&mut model, &mut view, Command::Quit);
        assert_eq!(
            apply(&store, &mut model, &mut view, effects, today()).unwrap(),
            expected
        );
    }
}
