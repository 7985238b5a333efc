use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::meeting::form::Form;
use crate::app::{Command, Message, Model, View};
use crate::domain::phase::Requirement;
use crate::store::Store;
use crate::testkit::app::{act, current, on_case, send};
use tempfile::TempDir;

pub(crate) fn press(code: KeyCode) -> Message {
    Message::EditorKey(KeyEvent::new(code, KeyModifiers::NONE))
}

pub(crate) fn type_text(store: &Store, model: &mut Model, view: &mut View, text: &str) {
    for c in text.chars() {
        send(store, model, view, press(KeyCode::Char(c)));
    }
}

fn focus(view: &View) -> usize {
    match view.form() {
        Some(Form::Circles(editor)) => editor.focus,
        other => panic!("the circles are not open: {other:?}"),
    }
}

/// The demo's next meeting on a case put in `phase` (its next meeting has no case in
/// Beeldvorming), in the model and in the store.
pub(crate) fn on_case_in(
    phase: &str,
    pick: impl Fn(&crate::query::meeting::CaseBrief) -> bool,
) -> (TempDir, Store, Model, View) {
    let (dir, store, mut model, view) = on_case(pick);
    let phases = model.phases.clone();
    let brief = model.meeting.as_mut().unwrap().current_case_mut().unwrap();
    brief.case.phase = phase.to_string();
    brief.missing = phases.missing_to_move_on(&brief.case, &brief.own_actions);
    store.save(&brief.case).unwrap();
    (dir, store, model, view)
}

fn in_beeldvorming() -> (TempDir, Store, Model, View) {
    let (dir, store, model, view) = on_case_in("beeldvorming", |brief| {
        brief.case.phase == "signaal" && !brief.case.circles.all_filled()
    });
    assert_eq!(current(&model).missing, [Requirement::Circles]);
    (dir, store, model, view)
}

#[test]
fn e_in_beeldvorming_opens_the_circles_and_every_keystroke_is_saved() {
    let (dir, store, mut model, mut view) = in_beeldvorming();
    let case = current(&model).case.clone();
    act(&store, &mut model, &mut view, Command::EditNotes);
    assert_eq!(focus(&view), 0, "kind, what goes well");
    assert!(
        view.editor().is_none(),
        "the circles are the notes of this phase"
    );
    let before = case.circles.child.plus.clone();
    let mut expected = before.clone();
    for c in "Leest graag; ğ en يوسف".chars() {
        send(&store, &mut model, &mut view, press(KeyCode::Char(c)));
        expected.push(c);
        // On disk after every keystroke, before the next frame.
        let stored = store.case(case.id).unwrap().unwrap();
        assert_eq!(stored.circles.child.plus, expected);
    }
    // Tab walks down the column: kind's worries next.
    send(&store, &mut model, &mut view, press(KeyCode::Tab));
    assert_eq!(focus(&view), 1);
    send(
        &store,
        &mut model,
        &mut view,
        // As tmux pastes it: line breaks as carriage returns.
        Message::Paste("Snel afgeleid\rbij rekenen".into()),
    );
    send(&store, &mut model, &mut view, press(KeyCode::Esc));
    assert!(view.form().is_none());

    drop(store);
    let store = Store::open(dir.path()).unwrap();
    let stored = store.case(case.id).unwrap().unwrap();
    assert_eq!(stored.circles.child.plus, expected);
    assert!(
        stored
            .circles
            .child
            .minus
            .ends_with("Snel afgeleid\nbij rekenen"),
        "{:?}",
        stored.circles.child.minus
    );
    assert_eq!(stored.circles.education, case.circles.education);
}

#[test]
fn tab_and_shift_tab_walk_the_nine_boxes_round() {
    let (_dir, store, mut model, mut view) = in_beeldvorming();
    act(&store, &mut model, &mut view, Command::EditNotes);
    send(&store, &mut model, &mut view, press(KeyCode::BackTab));
    assert_eq!(focus(&view), 8, "opvoeding, what is unknown");
    send(&store, &mut model, &mut view, press(KeyCode::Tab));
    assert_eq!(focus(&view), 0);
    for _ in 0..4 {
        send(&store, &mut model, &mut view, press(KeyCode::Tab));
    }
    assert_eq!(focus(&view), 4, "onderwijs, worries");
}

#[test]
fn filling_the_three_circles_lets_the_case_leave_beeldvorming() {
    let (dir, store, mut model, mut view) = in_beeldvorming();
    let id = current(&model).case.id;
    act(&store, &mut model, &mut view, Command::NextPhase);
    assert_eq!(current(&model).case.phase, "beeldvorming", "not yet");

    act(&store, &mut model, &mut view, Command::EditNotes);
    for (circle, text) in ["Sociaal sterk", "Fijne band met juf", "Ouders betrokken"]
        .iter()
        .enumerate()
    {
        while focus(&view) != circle * 3 {
            send(&store, &mut model, &mut view, press(KeyCode::Tab));
        }
        type_text(&store, &mut model, &mut view, text);
    }
    assert!(current(&model).missing.is_empty(), "recomputed as typed");
    send(&store, &mut model, &mut view, press(KeyCode::Esc));
    act(&store, &mut model, &mut view, Command::NextPhase);
    assert_eq!(current(&model).case.phase, "analyse");

    drop(store);
    let store = Store::open(dir.path()).unwrap();
    let stored = store.case(id).unwrap().unwrap();
    assert_eq!(stored.phase, "analyse");
    assert!(stored.circles.all_filled());
}

#[test]
fn typing_is_undone_with_ctrl_u_and_the_undo_is_saved_too() {
    let (_dir, store, mut model, mut view) = in_beeldvorming();
    let case = current(&model).case.clone();
    act(&store, &mut model, &mut view, Command::EditNotes);
    type_text(&store, &mut model, &mut view, "oeps");
    let undo = Message::EditorKey(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
    for _ in 0..4 {
        send(&store, &mut model, &mut view, undo.clone());
    }
    let stored = store.case(case.id).unwrap().unwrap();
    assert_eq!(stored.circles.child.plus, case.circles.child.plus);
}
