//! The screen's state machine: messages in, state and effects out. The terminal loop in
//! `terminal` feeds it keys and draws `ui::render` of its state.

mod terminal;

use chrono::NaiveDate;

pub use terminal::{run, run_demo};

use crate::i18n::Lang;
use crate::query::dashboard::Dashboard;

/// How the screen was asked for on the command line.
#[derive(Debug, Clone)]
pub struct Settings {
    pub lang: Lang,
    pub today: NaiveDate,
    pub theme: Option<String>,
    pub demo: bool,
}

/// Everything a frame is drawn from.
#[derive(Debug, Clone)]
pub struct Model {
    pub lang: Lang,
    pub today: NaiveDate,
    /// A throwaway demo database: the screen says so.
    pub demo: bool,
    pub dashboard: Dashboard,
    /// A message for the status bar, such as a theme file that could not be read.
    pub notice: Option<String>,
}

/// Scroll and selection: screen state, kept apart from the data.
#[derive(Debug, Clone, Default)]
pub struct View {
    pub overdue_offset: usize,
}

/// What a person can do on this screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    Down,
    Up,
}

/// What the loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Quit,
}

pub fn update(model: &Model, view: &mut View, action: Action) -> Vec<Effect> {
    match action {
        Action::Quit => vec![Effect::Quit],
        Action::Down => {
            let last = model.dashboard.overdue.len().saturating_sub(1);
            view.overdue_offset = (view.overdue_offset + 1).min(last);
            Vec::new()
        }
        Action::Up => {
            view.overdue_offset = view.overdue_offset.saturating_sub(1);
            Vec::new()
        }
    }
}

/// The keymap of the start screen.
pub fn action_for(key: ratatui::crossterm::event::KeyEvent) -> Option<Action> {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    match (key.code, key.modifiers) {
        (KeyCode::Char('c'), KeyModifiers::CONTROL) => Some(Action::Quit),
        (KeyCode::Char('q') | KeyCode::Esc, _) => Some(Action::Quit),
        (KeyCode::Down | KeyCode::Char('j'), _) => Some(Action::Down),
        (KeyCode::Up | KeyCode::Char('k'), _) => Some(Action::Up),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
