//! What is typed in the one-line prompt is kept in the store at every key, as a note is, so
//! that a quit, a crash or `kill -9` loses no typed character: the prompt comes back with its
//! text when the place it was asked on is in front again (the same screen, and in a meeting
//! the same item). Answered or let go (Enter, Esc), the draft is gone. What was typed in
//! private (a pupil filter, a guest's role "moeder van Zeynep") comes back only while the
//! screen is private again, never on the wall (BRIEF §8).
//!
//! One place decides, after every message: `sync` compares the prompt on screen with the
//! draft kept and says what to write, so no feature has to remember it.

use serde::{Deserialize, Serialize};

use super::{Ask, Prompt};
use crate::app::{Model, Overlay, Screen, View};
use crate::domain::MeetingId;

/// Where a prompt was asked: it comes back only there, where its answer means the same.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    screen: Screen,
    /// In a meeting: the meeting and the item in front (the case the question is about).
    item: Option<(MeetingId, usize)>,
    /// Whether the room could see it typed (`Model::presenting`). A draft of an earlier
    /// version reads as typed in private, the side that never shows it on the wall.
    #[serde(default)]
    presenting: bool,
}

impl Place {
    fn of(model: &Model) -> Place {
        Place {
            screen: model.screen,
            item: model
                .meeting
                .as_ref()
                .filter(|_| model.screen == Screen::Meeting)
                .map(|room| (room.meeting.id, room.meeting.current_item)),
            presenting: model.presenting(),
        }
    }

    /// Whether a draft typed at `self` may come back at `here`: the same question in the same
    /// place, and what the room already saw, or a private screen.
    fn comes_back_at(&self, here: &Place) -> bool {
        self.screen == here.screen
            && self.item == here.item
            && (self.presenting || !here.presenting)
    }
}

/// A prompt as typed: its question, its text and where it was asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    ask: Ask,
    text: String,
    place: Place,
}

impl Draft {
    /// The store keeps it as text in otter's own words; a draft of another version of otter
    /// that no longer reads is let go rather than stopping the screen.
    pub fn from_stored(stored: &str) -> Option<Draft> {
        serde_json::from_str(stored).ok()
    }

    pub fn to_stored(&self) -> String {
        // A draft holds only strings, numbers and enums: it always serialises.
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// The draft kept in the store, and whether it belongs to the prompt on screen (`open`) or
/// waits for its place to come back in front.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Kept {
    pub draft: Option<Draft>,
    pub open: bool,
    /// The last draft written was refused (a full disk) or held back behind edits waiting
    /// for the disk: the store may hold an older one, so the next message writes again.
    pub unsynced: bool,
}

impl Kept {
    /// The draft found in the store as the screen opens.
    pub fn found(stored: Option<&str>) -> Kept {
        Kept {
            draft: stored.and_then(Draft::from_stored),
            ..Kept::default()
        }
    }
}

/// Whether the prompt on screen holds anything typed: its text, or what an earlier question
/// of the same series took (`Ask::carries_typing`). An empty question otter asked by itself
/// ("who are you?") does not push a waiting draft out.
fn holds_typing(prompt: &Prompt) -> bool {
    !prompt.text().is_empty() || prompt.ask.carries_typing()
}

/// What the store must now keep of the prompt, if that changed: `Some(None)` forgets it.
/// Brings a waiting draft back when its place is in front and nothing else is open.
pub fn sync(model: &mut Model, view: &mut View) -> Option<Option<Draft>> {
    let place = Place::of(model);
    let kept = &mut model.prompt_draft;
    match view.overlays.get::<Prompt>() {
        Some(prompt) if holds_typing(prompt) => {
            let draft = Draft {
                ask: prompt.ask.clone(),
                text: prompt.text(),
                place,
            };
            if kept.open && !kept.unsynced && kept.draft.as_ref() == Some(&draft) {
                return None;
            }
            *kept = Kept {
                draft: Some(draft.clone()),
                open: true,
                unsynced: false,
            };
            Some(Some(draft))
        }
        // Answered, let go, or typed empty again.
        _ if kept.open || kept.unsynced => {
            *kept = Kept::default();
            Some(None)
        }
        Some(_) => None,
        None => {
            let back = kept
                .draft
                .as_ref()
                .filter(|draft| draft.place.comes_back_at(&place) && view.front().is_none())?;
            view.overlays.open(Overlay::Prompt(Prompt::with_text(
                back.ask.clone(),
                back.text.clone(),
            )));
            kept.open = true;
            view.flash = Some(model.lang.texts().flash_prompt_back.to_string());
            None
        }
    }
}

#[cfg(test)]
mod tests;
