use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::app::{Command, Message, Overlay, OverlayKind, update};
use crate::domain::PhaseModel;
use crate::i18n::Lang;

fn at(minute: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 23)
        .unwrap()
        .and_hms_opt(9, minute, 0)
        .unwrap()
}

fn model(encrypted: bool, minutes: u32) -> Model {
    let mut model = Model::new(
        Lang::Nl,
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        PhaseModel::default(),
    );
    model.now = at(0);
    model.idle = Idle::new(encrypted, minutes, at(0));
    model
}

fn type_text(model: &mut Model, view: &mut View, text: &str) {
    for c in text.chars() {
        update(
            model,
            view,
            Message::LockKey(KeyEvent::from(KeyCode::Char(c))),
        );
    }
}

fn tick_at(model: &mut Model, view: &mut View, minute: u32) {
    model.now = at(minute);
    update(model, view, Message::Tick);
}

#[test]
fn the_screen_locks_after_the_minutes_without_a_key_and_not_before() {
    let mut model = model(true, 10);
    let mut view = View::default();
    tick_at(&mut model, &mut view, 9);
    assert!(!view.overlays.is_open(OverlayKind::Lock));
    model.now = at(9);
    update(&mut model, &mut view, Command::Down);
    tick_at(&mut model, &mut view, 18);
    assert!(
        !view.overlays.is_open(OverlayKind::Lock),
        "a key at 9 starts the ten minutes again"
    );
    tick_at(&mut model, &mut view, 19);
    assert_eq!(view.overlays.get(), Some(&LockPrompt::default()));
}

#[test]
fn no_lock_without_encryption_or_with_zero_minutes() {
    for mut model in [model(false, 10), model(true, 0)] {
        let mut view = View::default();
        tick_at(&mut model, &mut view, 59);
        assert!(!view.overlays.is_open(OverlayKind::Lock));
    }
}

#[test]
fn the_typed_passphrase_is_checked_as_an_effect_and_the_right_one_unlocks() {
    let mut model = model(true, 10);
    let mut view = View {
        overlays: [Overlay::Help].into_iter().collect(),
        ..View::default()
    };
    tick_at(&mut model, &mut view, 10);
    type_text(&mut model, &mut view, "geheiim");
    update(
        &mut model,
        &mut view,
        Message::LockKey(KeyEvent::from(KeyCode::Backspace)),
    );
    update(
        &mut model,
        &mut view,
        Message::LockKey(KeyEvent::from(KeyCode::Backspace)),
    );
    type_text(&mut model, &mut view, "m");
    let effects = update(
        &mut model,
        &mut view,
        Message::LockKey(KeyEvent::from(KeyCode::Enter)),
    );
    let expected = Secret(Zeroizing::new("geheim".into()));
    assert_eq!(effects, vec![Effect::CheckPassphrase(expected)]);
    assert_eq!(
        view.overlays
            .get::<crate::app::overlay::lock::LockPrompt>()
            .unwrap()
            .typed,
        Secret::default(),
        "not kept"
    );
    model.now = at(12);
    update(&mut model, &mut view, Message::PassphraseChecked(true));
    assert!(!view.overlays.is_open(OverlayKind::Lock));
    assert!(
        view.overlays.is_open(OverlayKind::Help),
        "back where it was"
    );
    tick_at(&mut model, &mut view, 21);
    assert!(
        !view.overlays.is_open(OverlayKind::Lock),
        "the ten minutes start at the unlock"
    );
}

#[test]
fn a_wrong_passphrase_keeps_the_lock_and_says_so_until_typing_again() {
    let mut model = model(true, 10);
    let mut view = View::default();
    tick_at(&mut model, &mut view, 10);
    type_text(&mut model, &mut view, "fout");
    update(
        &mut model,
        &mut view,
        Message::LockKey(KeyEvent::from(KeyCode::Enter)),
    );
    update(&mut model, &mut view, Message::PassphraseChecked(false));
    assert!(
        view.overlays
            .get::<crate::app::overlay::lock::LockPrompt>()
            .unwrap()
            .wrong
    );
    type_text(&mut model, &mut view, "g");
    assert!(
        !view
            .overlays
            .get::<crate::app::overlay::lock::LockPrompt>()
            .unwrap()
            .wrong
    );
}

#[test]
fn an_empty_enter_checks_nothing() {
    let mut model = model(true, 10);
    let mut view = View::default();
    tick_at(&mut model, &mut view, 10);
    let effects = update(
        &mut model,
        &mut view,
        Message::LockKey(KeyEvent::from(KeyCode::Enter)),
    );
    assert_eq!(effects, Vec::new());
}

#[test]
fn on_the_lock_screen_keys_go_to_the_prompt_and_ctrl_c_still_quits() {
    let keymap = crate::app::core::keymap::Keymap::default();
    let mut model = model(true, 10);
    let mut view = View::default();
    tick_at(&mut model, &mut view, 10);
    let route = |view: &View, key| crate::app::core::route::route(&model, view, &keymap, key);
    let q = KeyEvent::from(KeyCode::Char('q'));
    assert_eq!(route(&view, q), Message::LockKey(q));
    let ctrl_b = KeyEvent::new(KeyCode::Char('b'), KeyModifiers::CONTROL);
    assert_eq!(route(&view, ctrl_b), Message::LockKey(ctrl_b));
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(route(&view, ctrl_c), Message::Act(Command::Quit));
}

#[test]
fn the_secret_never_shows_in_debug_output() {
    let prompt = LockPrompt {
        typed: Secret(Zeroizing::new("geheim".into())),
        wrong: false,
    };
    let shown = format!("{prompt:?}");
    assert!(!shown.contains("geheim"), "{shown}");
    assert!(shown.contains("6 chars"));
}

/// Whatever reaches `update` behind the lock (not only keys routed there) does nothing.
#[test]
fn behind_the_lock_no_action_or_paste_does_anything() {
    let mut model = model(true, 10);
    let mut view = View::default();
    tick_at(&mut model, &mut view, 11);
    assert!(view.overlays.is_open(OverlayKind::Lock));
    for message in [
        Message::Act(Command::Quit),
        Message::Act(Command::OpenActions),
        Message::Act(Command::Search),
        Message::Paste("geplakt".into()),
    ] {
        assert_eq!(update(&mut model, &mut view, message), Vec::new());
    }
    assert_eq!(
        view.overlays.get(),
        Some(&LockPrompt::default()),
        "still locked, nothing typed"
    );
    assert!(!view.overlays.is_open(OverlayKind::Search) && view.flash.is_none());
    assert_eq!(model.screen, crate::app::Screen::Dashboard);
}
