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

/// The layers take keys in `Overlay`'s order, whichever opened last: the lock over the help,
/// the blanked screen over the palette; one of each kind; closing one gives its state back and
/// leaves the rest as they were.
#[test]
fn layers_keep_the_order_they_take_keys_in_and_one_of_each_kind() {
    use super::{Layer, Layers, Overlay};
    use crate::app::overlay::lock::LockPrompt;
    let kinds = |layers: &Layers| -> Vec<Overlay> {
        let mut kinds = Vec::new();
        let mut rest = layers.clone();
        while let Some(kind) = rest.front().map(Layer::kind) {
            kinds.push(kind);
            rest.close(kind);
        }
        kinds
    };
    let mut layers = Layers::default();
    assert!(layers.front().is_none());
    layers.open(Layer::Help);
    layers.open(Layer::Lock(LockPrompt::default()));
    layers.open(Layer::History);
    layers.open(Layer::Blank(None));
    assert_eq!(
        kinds(&layers),
        [
            Overlay::Lock,
            Overlay::Blank,
            Overlay::Help,
            Overlay::History
        ]
    );
    let wrong = LockPrompt {
        wrong: true,
        ..LockPrompt::default()
    };
    layers.open(Layer::Lock(wrong.clone()));
    assert_eq!(kinds(&layers).len(), 4, "one lock, the newer");
    assert_eq!(layers.get::<LockPrompt>(), Some(&wrong));
    assert!(matches!(layers.close(Overlay::Lock), Some(Layer::Lock(held)) if held == wrong));
    assert_eq!(layers.front().map(Layer::kind), Some(Overlay::Blank));
    assert!(layers.close(Overlay::Lock).is_none());
    assert!(layers.get::<LockPrompt>().is_none());
    assert!(layers.is_open(Overlay::History) && !layers.is_open(Overlay::Palette));
}
