//! The idle lock: with encryption on, after some minutes without a key the screen shows
//! nothing of the data and asks for the passphrase; the right one brings back the screen as it
//! was. Pure: the loop sends `Tick`s and keys, and checks the passphrase as an effect.

use chrono::{NaiveDateTime, TimeDelta};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use zeroize::Zeroizing;

use crate::app::{Effect, Model, Overlay, OverlayKind, View};

/// Minutes without a key before the screen locks, unless set otherwise.
pub const DEFAULT_MINUTES: u32 = 10;

/// When the screen locks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Idle {
    /// `None`: never (no encryption, or asked for with 0 minutes).
    pub after: Option<TimeDelta>,
    pub last_key: NaiveDateTime,
}

impl Idle {
    pub fn never(now: NaiveDateTime) -> Idle {
        Idle {
            after: None,
            last_key: now,
        }
    }

    /// Locks after `minutes` (0 is never) when the database is encrypted: without encryption
    /// the passphrase to unlock with does not exist.
    pub fn new(encrypted: bool, minutes: u32, now: NaiveDateTime) -> Idle {
        Idle {
            after: (encrypted && minutes > 0).then(|| TimeDelta::minutes(minutes.into())),
            last_key: now,
        }
    }

    fn due(&self, now: NaiveDateTime) -> bool {
        self.after.is_some_and(|after| now - self.last_key >= after)
    }
}

/// A passphrase being typed. Wiped when dropped; its `Debug` shows only its length.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Secret(pub Zeroizing<String>);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Secret({} chars)", self.0.chars().count())
    }
}

/// The lock screen's prompt.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LockPrompt {
    pub typed: Secret,
    /// The last passphrase tried was wrong.
    pub wrong: bool,
}

/// A key reached the screen: the idle time starts again.
pub fn touch(model: &mut Model) {
    model.idle.last_key = model.now;
}

/// The clock moved on: lock when the time is up.
pub fn tick(model: &Model, view: &mut View) -> Vec<Effect> {
    if !view.overlays.is_open(OverlayKind::Lock) && model.idle.due(model.now) {
        view.overlays.open(Overlay::Lock(LockPrompt::default()));
    }
    Vec::new()
}

/// A key on the lock screen: typed into the masked prompt; Enter checks it.
pub fn key(view: &mut View, key: KeyEvent) -> Vec<Effect> {
    let Some(prompt) = view.overlays.get_mut::<LockPrompt>() else {
        return Vec::new();
    };
    match key.code {
        KeyCode::Enter if !prompt.typed.0.is_empty() => {
            let typed = std::mem::take(&mut prompt.typed);
            return vec![Effect::CheckPassphrase(typed)];
        }
        KeyCode::Backspace => {
            prompt.typed.0.pop();
        }
        KeyCode::Esc => prompt.typed = Secret::default(),
        KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
            prompt.typed.0.push(c);
            prompt.wrong = false;
        }
        _ => {}
    }
    Vec::new()
}

/// The answer of `CheckPassphrase`.
pub fn checked(model: &mut Model, view: &mut View, right: bool) -> Vec<Effect> {
    if right {
        view.overlays.close(OverlayKind::Lock);
        touch(model);
    } else if let Some(prompt) = view.overlays.get_mut::<LockPrompt>() {
        prompt.wrong = true;
    }
    Vec::new()
}

#[cfg(test)]
mod tests;
