//! What opens over any screen and takes the keys while open: the command palette (`:`), the
//! search (`/`), the import's dry run (`I`) and the idle lock.

pub mod import;
pub mod lock;
pub mod palette;
pub mod search;

use ratatui::crossterm::event::KeyEvent;

use crate::app::core::keymap::{Context, Key};
use crate::i18n::Texts;

/// A key that works inside what is open over a screen rather than on the screen itself: the
/// one table the overlays' key handlers match by and the `?` overlay lists after the screen's
/// own keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InOverlay {
    /// The next row of the palette's or the search's list.
    NextRow,
    PreviousRow,
    /// The next box of a form (the circles, the plan).
    NextField,
    PreviousField,
}

impl InOverlay {
    /// Those `?` lists on a screen: the palette and the search open on every screen, the forms
    /// in the meeting.
    pub fn on(context: Context) -> &'static [InOverlay] {
        match context {
            Context::Meeting => &[
                InOverlay::NextRow,
                InOverlay::PreviousRow,
                InOverlay::NextField,
                InOverlay::PreviousField,
            ],
            _ => &[InOverlay::NextRow, InOverlay::PreviousRow],
        }
    }

    /// The keys, written as in the keymap.
    pub fn keys(self) -> &'static [&'static str] {
        match self {
            InOverlay::NextRow => &["down", "tab", "ctrl-n"],
            InOverlay::PreviousRow => &["up", "backtab", "ctrl-p"],
            InOverlay::NextField => &["tab"],
            InOverlay::PreviousField => &["backtab"],
        }
    }

    pub fn describe(self, t: &Texts) -> &'static str {
        let c = &t.commands;
        match self {
            InOverlay::NextRow => c.next_row,
            InOverlay::PreviousRow => c.previous_row,
            InOverlay::NextField => c.next_field,
            InOverlay::PreviousField => c.previous_field,
        }
    }

    /// Whether `key` is one of its keys (a key written without Control, such as an arrow,
    /// whatever else is held with it).
    pub fn takes(self, key: KeyEvent) -> bool {
        let pressed = Key::of(key);
        self.keys()
            .iter()
            .filter_map(|k| Key::parse(k))
            .any(|k| k.code == pressed.code && (pressed.ctrl || !k.ctrl))
    }
}

#[cfg(test)]
mod tests;
