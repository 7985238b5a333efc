use super::*;
use crate::app::{Command, Message, OverlayKind, Screen, first_screen};
use crate::domain::meeting::AgendaKind;
use crate::store::Store;
use crate::testkit::app::settings;
use crate::testkit::app::{act, answer, open_meeting_today, school, send, typed};
use crate::testkit::today;

/// The open meeting moved on to its first case item, as the chair does.
fn on_first_case(store: &Store, model: &mut Model, view: &mut View) -> usize {
    open_meeting_today(store, model, view);
    loop {
        let room = model.meeting.as_ref().unwrap();
        if matches!(
            room.meeting.agenda[room.meeting.current_item].kind,
            AgendaKind::Case { .. }
        ) {
            return room.meeting.current_item;
        }
        act(store, model, view, Command::NextItem);
    }
}

fn back_in_the_meeting(store: &Store) -> (Model, View) {
    let (mut model, mut view) = first_screen(store, &model_phases(), &settings()).unwrap();
    // "Who are you?" comes first on a fresh screen: answered later.
    if view.overlays.is_open(OverlayKind::Prompt) {
        send(store, &mut model, &mut view, Message::PromptKey(esc()));
    }
    act(store, &mut model, &mut view, Command::OpenMeeting);
    (model, view)
}

/// The question and the text the store keeps, as a restart would find them.
fn kept(store: &Store) -> Option<(Ask, String)> {
    let stored = store.prompt_draft().unwrap()?;
    let draft = Draft::from_stored(&stored).expect("otter reads its own draft");
    Some((draft.ask, draft.text))
}

fn decision() -> Ask {
    Ask::Case(crate::app::meeting::case::Ask::Decision)
}

fn model_phases() -> crate::domain::PhaseModel {
    crate::domain::PhaseModel::default()
}

fn esc() -> ratatui::crossterm::event::KeyEvent {
    ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Esc)
}

#[test]
fn a_half_typed_decision_comes_back_on_its_case_after_the_screen_is_gone() {
    let (dir, store, mut model) = school();
    let mut view = View::default();
    let item = on_first_case(&store, &mut model, &mut view);
    act(&store, &mut model, &mut view, Command::RecordDecision);
    for key in typed("Ouders en school spreken af dat de jeugdarts") {
        send(&store, &mut model, &mut view, key);
    }
    // Gone without a word, as after kill -9: only the store is left.
    drop((model, view, store));
    let store = Store::open(dir.path()).unwrap();
    let (mut model, mut view) = back_in_the_meeting(&store);
    assert_eq!(model.meeting.as_ref().unwrap().meeting.current_item, item);
    let prompt = view
        .overlays
        .get::<Prompt>()
        .expect("the decision is asked again");
    assert_eq!(
        prompt.text(),
        "Ouders en school spreken af dat de jeugdarts"
    );
    assert_eq!(prompt.ask, decision());
    assert_eq!(
        view.flash.as_deref(),
        Some(model.lang.texts().flash_prompt_back)
    );
    // Finished and confirmed, it is the decision, and the draft is gone.
    for key in typed(" belt") {
        send(&store, &mut model, &mut view, key);
    }
    answer(&store, &mut model, &mut view, "");
    assert_eq!(
        crate::testkit::app::current(&model)
            .decisions
            .last()
            .unwrap()
            .text,
        "Ouders en school spreken af dat de jeugdarts belt"
    );
    assert_eq!(store.prompt_draft().unwrap(), None);
}

#[test]
fn a_draft_waits_for_its_own_item_and_escape_lets_it_go() {
    use crate::app::meeting::new_action;
    let (dir, store, mut model) = school();
    let mut view = View::default();
    let item = on_first_case(&store, &mut model, &mut view);
    // The meeting is kept on the next item; the step back is the screen's alone, as on a
    // disk that did not take it: after the restart the meeting opens on the next item.
    act(&store, &mut model, &mut view, Command::NextItem);
    model.meeting.as_mut().unwrap().meeting.current_item = item;
    act(&store, &mut model, &mut view, Command::AddAction);
    for key in typed("Logopedie aanvragen") {
        send(&store, &mut model, &mut view, key);
    }
    // The owner is asked next: the action's text is in the question and is kept with it.
    send(&store, &mut model, &mut view, Message::PromptKey(enter()));
    let owner = Ask::Actions(new_action::Ask::Owner {
        text: "Logopedie aanvragen".to_string(),
    });
    assert_eq!(kept(&store), Some((owner.clone(), String::new())));
    drop((model, view, store));

    let store = Store::open(dir.path()).unwrap();
    let (mut model, mut view) = back_in_the_meeting(&store);
    let current = |model: &Model| model.meeting.as_ref().unwrap().meeting.current_item;
    assert_eq!(current(&model), item + 1);
    assert!(
        !view.overlays.is_open(OverlayKind::Prompt),
        "not asked on another item"
    );
    assert_eq!(kept(&store), Some((owner.clone(), String::new())));
    act(&store, &mut model, &mut view, Command::PreviousItem);
    assert_eq!(current(&model), item);
    assert_eq!(
        view.overlays.get::<Prompt>().map(|prompt| &prompt.ask),
        Some(&owner),
        "back on item {item}"
    );
    send(&store, &mut model, &mut view, Message::PromptKey(esc()));
    assert!(!view.overlays.is_open(OverlayKind::Prompt));
    assert_eq!(store.prompt_draft().unwrap(), None, "let go with Esc");
}

#[test]
fn elsewhere_the_draft_waits_and_an_empty_question_does_not_push_it_out() {
    let (dir, store, mut model) = school();
    let mut view = View::default();
    on_first_case(&store, &mut model, &mut view);
    act(&store, &mut model, &mut view, Command::RecordDecision);
    for key in typed("Verwijzen") {
        send(&store, &mut model, &mut view, key);
    }
    drop((model, view, store));

    let store = Store::open(dir.path()).unwrap();
    // The start screen asks "who are you?" by itself, and nothing is typed there.
    let (mut model, mut view) = first_screen(&store, &model_phases(), &settings()).unwrap();
    send(&store, &mut model, &mut view, Message::Unseen);
    assert_eq!(kept(&store), Some((decision(), "Verwijzen".to_string())));
    assert_eq!(
        view.overlays.get::<Prompt>().map(|prompt| &prompt.ask),
        Some(&Ask::Admin(crate::app::admin::Ask::Me)),
        "not brought back on the start screen"
    );
}

/// What was typed in private does not come back on the wall: a pupil's name typed as the
/// actions screen's filter waits while the presentation mode is on, and comes back once it
/// is off.
#[test]
fn a_draft_typed_in_private_waits_while_the_screen_is_presenting() {
    use crate::app::actions::{self, FilterField};
    let (dir, store, mut model) = school();
    let mut view = View::default();
    assert!(!model.presenting());
    act(&store, &mut model, &mut view, Command::OpenActions);
    act(&store, &mut model, &mut view, Command::FilterPupil);
    for key in typed("Zeynep") {
        send(&store, &mut model, &mut view, key);
    }
    let filter = Ask::ActionList(actions::Ask::Filter(FilterField::Pupil));
    assert_eq!(kept(&store), Some((filter.clone(), "Zeynep".to_string())));
    drop((model, view, store));

    let store = Store::open(dir.path()).unwrap();
    let (mut model, mut view) = first_screen(&store, &model_phases(), &settings()).unwrap();
    if view.overlays.is_open(OverlayKind::Prompt) {
        send(&store, &mut model, &mut view, Message::PromptKey(esc()));
    }
    act(&store, &mut model, &mut view, Command::TogglePresentation);
    assert!(model.presenting());
    act(&store, &mut model, &mut view, Command::OpenActions);
    assert_eq!(model.screen, Screen::Actions);
    assert!(
        !view.overlays.is_open(OverlayKind::Prompt),
        "not on the wall: {:?}",
        view.overlays.get::<Prompt>().map(Prompt::text)
    );
    assert_eq!(kept(&store), Some((filter.clone(), "Zeynep".to_string())));

    act(&store, &mut model, &mut view, Command::TogglePresentation);
    assert!(!model.presenting());
    let prompt = view.overlays.get::<Prompt>().expect("back in private");
    assert_eq!(
        (&prompt.ask, prompt.text()),
        (&filter, "Zeynep".to_string())
    );
}

fn enter() -> ratatui::crossterm::event::KeyEvent {
    ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Enter)
}

/// A full disk: the draft is no edit of its own (nothing more is counted as kept, the text
/// stays on screen); the decision it becomes is kept, written once the disk has room again,
/// and no stale draft is left to come back after it.
#[test]
fn a_draft_the_disk_refuses_leaves_nothing_stale_once_its_answer_is_written() {
    use crate::app::core::effects::retry;
    use crate::store::fault::Fault;
    let (dir, store, mut model) = school();
    let mut view = View::default();
    on_first_case(&store, &mut model, &mut view);
    let case = crate::testkit::app::current(&model).case.id;
    act(&store, &mut model, &mut view, Command::RecordDecision);
    for key in typed("Ouders") {
        send(&store, &mut model, &mut view, key);
    }
    assert_eq!(kept(&store), Some((decision(), "Ouders".to_string())));
    let switch = store.fault_switch();
    switch.set(Some(Fault::Full));
    for key in typed(" bellen") {
        send(&store, &mut model, &mut view, key);
    }
    assert!(model.unsaved.is_empty(), "a draft is not an edit to keep");
    assert_eq!(
        view.overlays.get::<Prompt>().unwrap().text(),
        "Ouders bellen"
    );
    send(&store, &mut model, &mut view, Message::PromptKey(enter()));
    assert_eq!(model.unsaved.len(), 1, "the decision is kept");

    switch.set(None);
    model.now += chrono::TimeDelta::seconds(2);
    let store = retry(store, &mut model, &mut view, today()).unwrap();
    assert!(model.unsaved.is_empty());
    send(&store, &mut model, &mut view, Message::Unseen);
    drop((model, view, store));
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(
        store.prompt_draft().unwrap(),
        None,
        "nothing stale comes back"
    );
    let decisions = store.decisions_of_case(case).unwrap();
    assert_eq!(decisions.last().unwrap().text, "Ouders bellen");
}
