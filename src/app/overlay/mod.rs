//! What opens over any screen and takes the keys while open: the command palette (`:`), the
//! search (`/`), the import's dry run (`I`), the idle lock and the one-line prompt; and
//! `Overlays`, the one place the view holds what is open over the screen (these, the help, the
//! history, the blanked screen, the notes editor and the forms, and the new signal's picker).

pub mod import;
pub mod lock;
pub mod palette;
pub mod prompt;
pub mod search;

use ratatui::crossterm::event::KeyEvent;

/// What can be over the screen in front, in the order they take a key: the first one open
/// takes it (and a paste), whatever else is open under it. Routing, `update` and drawing all
/// ask `View::front` instead of each weighing what is open themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum OverlayKind {
    /// The idle lock: every key but Ctrl-c.
    Lock,
    /// The blanked screen: the next key only brings it back.
    Blank,
    /// The `?` keys: the next key only closes it.
    Help,
    /// The case's history over its item: Down and Up scroll it, another key closes it.
    History,
    Palette,
    Search,
    /// The import's dry run.
    Import,
    /// The notes editor or a form (circles, the plan).
    Editor,
    /// The pupil picker of a new signal (and its hulpvraag).
    Picker,
    /// The one-line prompt.
    Prompt,
}

/// An overlay open over the screen, with its state.
#[derive(Debug, Clone)]
pub enum Overlay {
    /// The idle lock's screen, over everything, until the passphrase is given.
    Lock(lock::LockPrompt),
    /// The screen is blanked (privacy): nothing of the data is drawn, only this line of the
    /// step that blanked it (the meeting closed), or else that the screen is hidden. It is
    /// held here, not in the flash, which a later step may fill with a name.
    Blank(Option<&'static str>),
    /// The `?` overlay with the keys of the screen in front.
    Help,
    /// The history of the case on screen, over its item, until the next key.
    History,
    /// The `:` command palette.
    Palette(palette::Palette),
    /// The `/` search.
    Search(search::Search),
    /// The dry run of an import, over the start screen until `Enter` imports it or a key
    /// cancels.
    Import(import::Review),
    /// The notes editor or a form (circles, the plan, whose notes are the editor's).
    Editor(crate::app::meeting::form::Editing),
    /// The pupil picker of a new signal (`s`), then its hulpvraag.
    Picker(crate::app::meeting::signal::Picker),
    /// A one-line question (a reason) that takes the keys until answered or cancelled.
    Prompt(prompt::Prompt),
}

impl Overlay {
    pub fn kind(&self) -> OverlayKind {
        match self {
            Overlay::Lock(_) => OverlayKind::Lock,
            Overlay::Blank(_) => OverlayKind::Blank,
            Overlay::Help => OverlayKind::Help,
            Overlay::History => OverlayKind::History,
            Overlay::Palette(_) => OverlayKind::Palette,
            Overlay::Search(_) => OverlayKind::Search,
            Overlay::Import(_) => OverlayKind::Import,
            Overlay::Editor(_) => OverlayKind::Editor,
            Overlay::Picker(_) => OverlayKind::Picker,
            Overlay::Prompt(_) => OverlayKind::Prompt,
        }
    }
}

/// What is open over the screen: at most one overlay of each kind, kept in the order they take
/// keys (`OverlayKind`'s), so the first one is in front whichever opened last (the lock comes up
/// over an open palette; a blanked palette is back when the screen is; a prompt may wait under
/// the picker).
#[derive(Debug, Clone, Default)]
pub struct Overlays(Vec<Overlay>);

impl Overlays {
    /// Opens `overlay` in its place, instead of one of its kind already open.
    pub fn open(&mut self, overlay: Overlay) {
        let kind = overlay.kind();
        self.0.retain(|open| open.kind() != kind);
        let at = self.0.partition_point(|open| open.kind() < kind);
        self.0.insert(at, overlay);
    }

    /// Closes the overlay of this kind; what it held, if it was open.
    pub fn close(&mut self, kind: OverlayKind) -> Option<Overlay> {
        let at = self.0.iter().position(|open| open.kind() == kind)?;
        Some(self.0.remove(at))
    }

    pub fn is_open(&self, kind: OverlayKind) -> bool {
        self.0.iter().any(|open| open.kind() == kind)
    }

    /// The overlay that takes the keys.
    pub fn front(&self) -> Option<&Overlay> {
        self.0.first()
    }

    /// The state of the open overlay that holds a `T`.
    pub fn get<T: Held>(&self) -> Option<&T> {
        self.0.iter().find_map(T::of)
    }

    pub fn get_mut<T: Held>(&mut self) -> Option<&mut T> {
        self.0.iter_mut().find_map(T::of_mut)
    }
}

impl FromIterator<Overlay> for Overlays {
    fn from_iter<I: IntoIterator<Item = Overlay>>(overlays: I) -> Overlays {
        let mut open = Overlays::default();
        for overlay in overlays {
            open.open(overlay);
        }
        open
    }
}

/// The state a kind of overlay holds, found by its type.
pub trait Held: Sized {
    fn of(overlay: &Overlay) -> Option<&Self>;
    fn of_mut(overlay: &mut Overlay) -> Option<&mut Self>;
}

macro_rules! held {
    ($($variant:ident($state:ty)),*) => {$(
        impl Held for $state {
            fn of(overlay: &Overlay) -> Option<&Self> {
                match overlay {
                    Overlay::$variant(state) => Some(state),
                    _ => None,
                }
            }
            fn of_mut(overlay: &mut Overlay) -> Option<&mut Self> {
                match overlay {
                    Overlay::$variant(state) => Some(state),
                    _ => None,
                }
            }
        }
    )*};
}

held!(
    Lock(lock::LockPrompt),
    Palette(palette::Palette),
    Search(search::Search),
    Import(import::Review),
    Editor(crate::app::meeting::form::Editing),
    Picker(crate::app::meeting::signal::Picker),
    Prompt(prompt::Prompt)
);

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
