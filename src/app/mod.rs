//! The screen's state machine: messages in, state and effects out. The terminal loop in
//! `terminal` feeds it keys and draws `ui::render` of its state.

pub mod keymap;
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

/// Scroll, selection and overlays: screen state, kept apart from the data.
#[derive(Debug, Clone, Default)]
pub struct View {
    pub overdue_offset: usize,
    /// The `?` overlay with the keys of the screen in front.
    pub help: bool,
}

/// Everything a person can do, by name: the keymap maps keys to these, and the help overlay
/// and the catalog describe them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    Help,
    Down,
    Up,
}

impl Action {
    /// In the order the help overlay lists them; the catalog's `actions` follows it.
    pub const ALL: [Action; 4] = [Action::Up, Action::Down, Action::Help, Action::Quit];
}

/// What the loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Quit,
}

pub fn update(model: &Model, view: &mut View, action: Action) -> Vec<Effect> {
    // With the overlay open, any key closes it; Ctrl-c still quits.
    if view.help && action != Action::Quit {
        view.help = false;
        return Vec::new();
    }
    match action {
        Action::Quit => vec![Effect::Quit],
        Action::Help => {
            view.help = true;
            Vec::new()
        }
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

#[cfg(test)]
mod tests;
