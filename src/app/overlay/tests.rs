use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::InOverlay;

fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

/// The table says which keys move in a list and a form, as the handlers always took them: an
/// arrow or Tab whatever is held with it, Ctrl-n and Ctrl-p only with Control (a plain n is
/// typed into the query).
#[test]
fn the_keys_inside_overlays_are_those_the_table_lists() {
    let none = KeyModifiers::NONE;
    let ctrl = KeyModifiers::CONTROL;
    for next in [
        key(KeyCode::Down, none),
        key(KeyCode::Tab, none),
        key(KeyCode::Char('n'), ctrl),
        key(KeyCode::Down, KeyModifiers::SHIFT),
    ] {
        assert!(InOverlay::NextRow.takes(next), "{next:?}");
        assert!(!InOverlay::PreviousRow.takes(next), "{next:?}");
    }
    for previous in [
        key(KeyCode::Up, none),
        key(KeyCode::BackTab, KeyModifiers::SHIFT),
        key(KeyCode::Char('p'), ctrl),
    ] {
        assert!(InOverlay::PreviousRow.takes(previous), "{previous:?}");
        assert!(!InOverlay::NextRow.takes(previous), "{previous:?}");
    }
    assert!(!InOverlay::NextRow.takes(key(KeyCode::Char('n'), none)));
    assert!(InOverlay::NextField.takes(key(KeyCode::Tab, none)));
    assert!(!InOverlay::NextField.takes(key(KeyCode::Down, none)));
    assert!(InOverlay::PreviousField.takes(key(KeyCode::BackTab, KeyModifiers::SHIFT)));
}
