//! The one-line prompt over any screen: a reason, a date, a name. Which question it asks is an
//! `Ask`, a thin wrapper over the questions each feature owns; the feature words its question
//! and takes its answer, this module only carries the typing and hands the answer over.

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::style::{Modifier, Style};
use ratatui_textarea::TextArea;

use crate::app::meeting::{case, close, held, new_action, reopen, undo};
use crate::app::{Effect, Model, OverlayKind, View, actions, admin, prepare};
use crate::domain::MeetingId;

/// What the one-line prompt asks for, by the feature that asked it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Ask {
    /// The case in front: a phase back, its level, a field, the consent, a besluit.
    Case(case::Ask),
    /// An action agreed in the meeting, or an earlier action dropped or changed.
    Actions(new_action::Ask),
    /// Closing the meeting: the date of the next one (empty for none yet).
    Close,
    /// Why the closed meeting is opened again.
    Reopen { meeting: MeetingId },
    /// The date of a meeting opened on another day than planned.
    Held(held::Ask),
    /// Putting a mistake right in the meeting.
    Correct(undo::Ask),
    /// Planning the meeting, its agenda or its guests.
    Prepare(prepare::Ask),
    /// The actions screen: a filter or a due date.
    ActionList(actions::Ask),
    /// Looking after the installation: who uses otter, a file to import, erasing.
    Admin(admin::Ask),
}

impl From<case::Ask> for Ask {
    fn from(ask: case::Ask) -> Ask {
        Ask::Case(ask)
    }
}

impl From<new_action::Ask> for Ask {
    fn from(ask: new_action::Ask) -> Ask {
        Ask::Actions(ask)
    }
}

impl From<held::Ask> for Ask {
    fn from(ask: held::Ask) -> Ask {
        Ask::Held(ask)
    }
}

impl From<undo::Ask> for Ask {
    fn from(ask: undo::Ask) -> Ask {
        Ask::Correct(ask)
    }
}

impl From<prepare::Ask> for Ask {
    fn from(ask: prepare::Ask) -> Ask {
        Ask::Prepare(ask)
    }
}

impl From<actions::Ask> for Ask {
    fn from(ask: actions::Ask) -> Ask {
        Ask::ActionList(ask)
    }
}

impl From<admin::Ask> for Ask {
    fn from(ask: admin::Ask) -> Ask {
        Ask::Admin(ask)
    }
}

impl Ask {
    /// The question, in the person's language, worded by the feature that asks it.
    pub fn question(&self, model: &Model) -> String {
        match self {
            Ask::Case(ask) => case::question(ask, model),
            Ask::Actions(ask) => new_action::question(ask, model),
            Ask::Close => close::question(model),
            Ask::Reopen { .. } => reopen::question(model),
            Ask::Held(ask) => held::question(ask, model),
            Ask::Correct(ask) => undo::question(ask, model),
            Ask::Prepare(ask) => prepare::question(ask, model.lang),
            Ask::ActionList(ask) => actions::question(ask, model),
            Ask::Admin(ask) => admin::question(ask, model),
        }
    }

    /// A reason may not be left empty: the prompt stays open and says so.
    fn needs_reason(&self) -> bool {
        match self {
            Ask::Case(ask) => ask.needs_reason(),
            Ask::Actions(ask) => ask.needs_reason(),
            Ask::Reopen { .. } => true,
            Ask::Close
            | Ask::Held(_)
            | Ask::Correct(_)
            | Ask::Prepare(_)
            | Ask::ActionList(_)
            | Ask::Admin(_) => false,
        }
    }

    /// Whether the question holds what an earlier question of its series took (an action's
    /// text while its owner is asked), so that it is typing to keep even while its own line
    /// is empty.
    fn carries_typing(&self) -> bool {
        match self {
            Ask::Actions(ask) => ask.carries_typing(),
            Ask::Prepare(ask) => ask.carries_typing(),
            Ask::Case(_)
            | Ask::Close
            | Ask::Reopen { .. }
            | Ask::Held(_)
            | Ask::Correct(_)
            | Ask::ActionList(_)
            | Ask::Admin(_) => false,
        }
    }

    /// The answer handed to the feature that asked.
    fn answer(self, model: &mut Model, view: &mut View, text: String) -> Vec<Effect> {
        match self {
            Ask::Case(ask) => case::answer(model, view, ask, text),
            Ask::Actions(ask) => new_action::answer(model, view, ask, text),
            Ask::Close => close::answer(model, view, &text),
            Ask::Reopen { meeting } => reopen::answer(meeting, text),
            Ask::Held(ask) => held::answer(model, view, ask, &text),
            Ask::Correct(ask) => undo::answer(model, view, ask, &text),
            Ask::Prepare(ask) => prepare::answer(model, view, ask, text),
            Ask::ActionList(ask) => actions::answer(model, view, ask, text),
            Ask::Admin(ask) => admin::answer(model, view, ask, text),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Prompt {
    pub ask: Ask,
    pub editor: TextArea<'static>,
}

impl Prompt {
    pub fn new(ask: impl Into<Ask>) -> Prompt {
        Prompt {
            ask: ask.into(),
            editor: TextArea::default(),
        }
    }

    /// A question whose answer starts from what is there now, selected: typing replaces it,
    /// an arrow key keeps it to change a little.
    pub fn prefilled(ask: impl Into<Ask>, current: String) -> Prompt {
        let mut editor = TextArea::new(vec![current]);
        editor.set_selection_style(Style::new().add_modifier(Modifier::REVERSED));
        editor.select_all();
        Prompt {
            ask: ask.into(),
            editor,
        }
    }

    /// A question brought back with what was typed before, the cursor after it.
    pub fn with_text(ask: Ask, text: String) -> Prompt {
        let mut editor = TextArea::new(vec![text]);
        editor.move_cursor(ratatui_textarea::CursorMove::End);
        Prompt { ask, editor }
    }

    pub fn text(&self) -> String {
        self.editor.lines().join(" ").trim().to_string()
    }
}

/// A key while the prompt is open: typed into it, or Enter to confirm, Esc to cancel.
pub fn key(model: &mut Model, view: &mut View, key: KeyEvent) -> Vec<Effect> {
    let Some(prompt) = view.overlays.get_mut::<Prompt>() else {
        return Vec::new();
    };
    match key.code {
        KeyCode::Esc => {
            view.overlays.close(OverlayKind::Prompt);
            Vec::new()
        }
        KeyCode::Enter => {
            let answer = prompt.text();
            let ask = prompt.ask.clone();
            if ask.needs_reason() && answer.is_empty() {
                view.flash = Some(model.lang.texts().flash_reason_needed.to_string());
                return Vec::new();
            }
            view.overlays.close(OverlayKind::Prompt);
            let typed = answer.clone();
            let effects = ask.clone().answer(model, view, answer);
            // Whichever question refused the answer asks again with what was typed there to
            // correct, not an empty line.
            if let Some(again) = view.overlays.get_mut::<Prompt>()
                && again.ask == ask
                && again.text().is_empty()
            {
                *again = Prompt::prefilled(ask, typed);
            }
            effects
        }
        _ => {
            prompt.editor.input(key);
            Vec::new()
        }
    }
}

/// A pasted text in a one-line answer: its lines joined with spaces.
pub fn paste(view: &mut View, text: &str) -> Vec<Effect> {
    if let Some(prompt) = view.overlays.get_mut::<Prompt>() {
        let line: Vec<&str> = text.split_whitespace().collect();
        prompt.editor.insert_str(line.join(" "));
    }
    Vec::new()
}

pub mod draft;

#[cfg(test)]
mod tests;
