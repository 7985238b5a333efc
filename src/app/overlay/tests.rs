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

/// The overlays take keys in `OverlayKind`'s order, whichever opened last: the lock over the help,
/// the blanked screen over the palette; one of each kind; closing one gives its state back and
/// leaves the rest as they were.
#[test]
fn layers_keep_the_order_they_take_keys_in_and_one_of_each_kind() {
    use super::{Overlay, OverlayKind, Overlays};
    use crate::app::overlay::lock::LockPrompt;
    let kinds = |overlays: &Overlays| -> Vec<OverlayKind> {
        let mut kinds = Vec::new();
        let mut rest = overlays.clone();
        while let Some(kind) = rest.front().map(Overlay::kind) {
            kinds.push(kind);
            rest.close(kind);
        }
        kinds
    };
    let mut overlays = Overlays::default();
    assert!(overlays.front().is_none());
    overlays.open(Overlay::Help);
    overlays.open(Overlay::Lock(LockPrompt::default()));
    overlays.open(Overlay::History);
    overlays.open(Overlay::Blank(None));
    assert_eq!(
        kinds(&overlays),
        [
            OverlayKind::Lock,
            OverlayKind::Blank,
            OverlayKind::Help,
            OverlayKind::History
        ]
    );
    let wrong = LockPrompt {
        wrong: true,
        ..LockPrompt::default()
    };
    overlays.open(Overlay::Lock(wrong.clone()));
    assert_eq!(kinds(&overlays).len(), 4, "one lock, the newer");
    assert_eq!(overlays.get::<LockPrompt>(), Some(&wrong));
    assert!(
        matches!(overlays.close(OverlayKind::Lock), Some(Overlay::Lock(held)) if held == wrong)
    );
    assert_eq!(
        overlays.front().map(Overlay::kind),
        Some(OverlayKind::Blank)
    );
    assert!(overlays.close(OverlayKind::Lock).is_none());
    assert!(overlays.get::<LockPrompt>().is_none());
    assert!(overlays.is_open(OverlayKind::History) && !overlays.is_open(OverlayKind::Palette));
}
