use super::*;
use crate::testkit::app::{act, on_case};

fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

#[test]
fn a_paste_goes_where_the_keys_go_when_an_editor_and_a_prompt_are_both_open() {
    use crate::app::meeting::case::Ask;
    use crate::app::overlay::prompt::Prompt;
    let (_dir, store, mut model, mut view) = on_case(|_| true);
    let keymap = Keymap::default();
    act(&store, &mut model, &mut view, Command::EditNotes);
    assert!(view.editor().is_some(), "the notes editor is open");
    view.overlays
        .open(crate::app::Overlay::Prompt(Prompt::new(Ask::Decision)));
    let a = press(KeyCode::Char('a'), KeyModifiers::NONE);
    assert_eq!(route(&model, &view, &keymap, a), Message::EditorKey(a));
    crate::app::update(&mut model, &mut view, Message::Paste("plakte tekst".into()));
    let typed = view.editor().unwrap().editor.lines().join("\n");
    assert!(
        typed.contains("plakte tekst"),
        "pasted into the editor: {typed:?}"
    );
    assert_eq!(
        view.overlays
            .get::<crate::app::overlay::prompt::Prompt>()
            .unwrap()
            .text(),
        "",
        "not into the prompt"
    );
}

#[test]
fn ctrl_b_blanks_while_typing_and_the_next_key_only_brings_the_screen_back() {
    let (_dir, store, mut model, mut view) = on_case(|_| true);
    let keymap = Keymap::default();
    act(&store, &mut model, &mut view, Command::AddAction);
    let b = press(KeyCode::Char('b'), KeyModifiers::NONE);
    assert_eq!(
        route(&model, &view, &keymap, b),
        Message::PromptKey(b),
        "b is a letter in a prompt"
    );
    let ctrl_b = press(KeyCode::Char('b'), KeyModifiers::CONTROL);
    let message = route(&model, &view, &keymap, ctrl_b);
    assert_eq!(message, Message::Act(Command::Blank));
    crate::app::update(&mut model, &mut view, message);
    assert!(view.overlays.is_open(crate::app::OverlayKind::Blank));
    let x = press(KeyCode::Char('x'), KeyModifiers::NONE);
    let message = route(&model, &view, &keymap, x);
    assert_eq!(
        message,
        Message::OtherKey,
        "not typed into the hidden prompt"
    );
    crate::app::update(&mut model, &mut view, message);
    assert!(!view.overlays.is_open(crate::app::OverlayKind::Blank));
    assert_eq!(
        view.overlays
            .get::<crate::app::overlay::prompt::Prompt>()
            .unwrap()
            .text(),
        "",
        "nothing typed"
    );
    let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(
        route(&model, &view, &keymap, ctrl_c),
        Message::Act(Command::Quit)
    );
}

#[test]
fn esc_closes_the_help_on_the_start_screen_instead_of_quitting() {
    let (_dir, store, mut model, mut view) = on_case(|_| true);
    act(&store, &mut model, &mut view, Command::Back);
    act(&store, &mut model, &mut view, Command::Help);
    let keymap = Keymap::default();
    let esc = press(KeyCode::Esc, KeyModifiers::NONE);
    let message = route(&model, &view, &keymap, esc);
    assert_eq!(message, Message::OtherKey);
    assert_eq!(crate::app::update(&mut model, &mut view, message), vec![]);
    assert!(!view.overlays.is_open(crate::app::OverlayKind::Help));
    assert_eq!(
        route(&model, &view, &keymap, esc),
        Message::OtherKey,
        "without the overlay Esc does nothing on the start screen: it never quits"
    );
}

#[test]
fn j_scrolls_an_open_history_and_other_keys_close_it() {
    let (_dir, store, mut model, mut view) = on_case(|_| true);
    act(&store, &mut model, &mut view, Command::History);
    let keymap = Keymap::default();
    let j = press(KeyCode::Char('j'), KeyModifiers::NONE);
    assert_eq!(
        route(&model, &view, &keymap, j),
        Message::Act(Command::Down)
    );
    let n = press(KeyCode::Char('n'), KeyModifiers::NONE);
    assert_eq!(route(&model, &view, &keymap, n), Message::OtherKey);
}

#[test]
fn ctrl_b_blanks_over_the_help_too() {
    let (_dir, store, mut model, mut view) = on_case(|_| true);
    act(&store, &mut model, &mut view, Command::Help);
    let ctrl_b = press(KeyCode::Char('b'), KeyModifiers::CONTROL);
    let message = route(&model, &view, &Keymap::default(), ctrl_b);
    crate::app::update(&mut model, &mut view, message);
    assert!(
        view.overlays.is_open(crate::app::OverlayKind::Blank),
        "blanked at once, not just the help closed"
    );
    assert!(!view.overlays.is_open(crate::app::OverlayKind::Help));
}

#[test]
fn a_paste_into_a_one_line_answer_arrives_as_one_line() {
    let (_dir, store, mut model, mut view) = on_case(|_| true);
    act(&store, &mut model, &mut view, Command::AddAction);
    crate::app::update(
        &mut model,
        &mut view,
        Message::Paste("Verslag van de\r\nlogopedist  opvragen\n".into()),
    );
    assert_eq!(
        view.overlays
            .get::<crate::app::overlay::prompt::Prompt>()
            .unwrap()
            .text(),
        "Verslag van de logopedist opvragen"
    );
}

/// Ctrl-b over the open palette blanks the screen, and the key that brings it back finds the
/// palette as it was, query and all: the blank sits over it and takes that one key.
#[test]
fn the_palette_comes_back_as_it_was_after_the_screen_is_blanked_over_it() {
    use crate::app::overlay::palette::Palette;
    let (_dir, store, mut model, mut view) = on_case(|_| true);
    let keymap = Keymap::default();
    act(&store, &mut model, &mut view, Command::Palette);
    for c in "tim".chars() {
        let key = press(KeyCode::Char(c), KeyModifiers::NONE);
        let message = route(&model, &view, &keymap, key);
        crate::app::update(&mut model, &mut view, message);
    }
    let ctrl_b = press(KeyCode::Char('b'), KeyModifiers::CONTROL);
    let message = route(&model, &view, &keymap, ctrl_b);
    crate::app::update(&mut model, &mut view, message);
    assert_eq!(view.front(), Some(OverlayKind::Blank));
    let x = press(KeyCode::Char('x'), KeyModifiers::NONE);
    let message = route(&model, &view, &keymap, x);
    assert_eq!(message, Message::OtherKey);
    crate::app::update(&mut model, &mut view, message);
    assert_eq!(view.front(), Some(OverlayKind::Palette));
    let palette = view.overlays.get::<Palette>().unwrap();
    assert_eq!(palette.query.lines(), ["tim"], "x was not typed");
}
