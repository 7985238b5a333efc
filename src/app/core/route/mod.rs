//! Which message a key press becomes: the part of the loop that decides who gets the key, kept
//! pure so it is tested like the rest of the state machine.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::core::keymap::{Context, Keymap};
use crate::app::{Command, Message, Model, OverlayKind, View};

pub fn route(model: &Model, view: &View, keymap: &Keymap, key: KeyEvent) -> Message {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let front = view.front();
    match key.code {
        // Ctrl-c quits from anywhere, an open editor too: everything is saved already.
        KeyCode::Char('c') if ctrl => return Message::Act(Command::Quit),
        // Only "too small" is on screen: a key would change what no one can see.
        _ if view.fit.too_small => return Message::Unseen,
        // The lock screen takes every other key: nothing behind it may react.
        _ if front == Some(OverlayKind::Lock) => return Message::LockKey(key),
        // Ctrl-b blanks the screen from anywhere, while typing too, where `b` is a letter.
        KeyCode::Char('b') if ctrl => return Message::Act(Command::Blank),
        _ => {}
    }
    let command = keymap.command(Context::from(model.screen), key);
    match front {
        // A long history scrolls; any other key closes it.
        Some(OverlayKind::History) if matches!(command, Some(Command::Down | Command::Up)) => {
            command.map_or(Message::OtherKey, Message::Act)
        }
        // `b` blanks at once over the help or the history too: one key, any screen.
        Some(OverlayKind::Help | OverlayKind::History) if command == Some(Command::Blank) => {
            Message::Act(Command::Blank)
        }
        // The key that brings the screen back or closes the overlay does nothing else: not
        // type a letter, and not quit where Esc or q would on the screen behind.
        Some(OverlayKind::Blank | OverlayKind::Help | OverlayKind::History) => Message::OtherKey,
        Some(OverlayKind::Lock) => Message::LockKey(key),
        Some(OverlayKind::Palette) => Message::PaletteKey(key),
        Some(OverlayKind::Search) => Message::SearchKey(key),
        Some(OverlayKind::Import) => Message::ImportKey(key),
        Some(OverlayKind::Editor) => Message::EditorKey(key),
        Some(OverlayKind::Picker | OverlayKind::Prompt) => Message::PromptKey(key),
        None => command.map_or(Message::OtherKey, Message::Act),
    }
}

#[cfg(test)]
mod tests;
