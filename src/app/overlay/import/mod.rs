//! `I` on the start screen (or "Leerlingen importeren" in the palette): the path of an EDEXML
//! or CSV file in the one-line prompt, then the dry run's summary over the screen; `Enter`
//! imports it, any other key leaves everything as it was. A file with bad rows is shown but
//! not imported: `otter import pupils --skip-bad` is for the person who means that.

use std::path::PathBuf;

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::app::admin::Ask;
use crate::app::overlay::prompt::Prompt;
use crate::app::{Effect, Model, Overlay, OverlayKind, Screen, View};
use crate::import::{Applied, Plan};

/// The dry run on screen, waiting for `Enter`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub plan: Plan,
    /// The summary as the command line prints it.
    pub lines: Vec<String>,
    pub scroll: u16,
}

impl Review {
    /// Only a clean file with something to do is imported from the screen.
    pub fn can_import(&self) -> bool {
        self.plan.bad.is_empty() && self.plan.changes() > 0
    }
}

pub fn start(model: &Model, view: &mut View) -> Vec<Effect> {
    if model.screen == Screen::Dashboard {
        view.overlays
            .open(Overlay::Prompt(Prompt::new(Ask::ImportFile)));
    }
    Vec::new()
}

/// The typed path; quotes that a file manager adds when a file is dropped on the terminal are
/// taken off, and `~` is the home directory.
pub fn answer(answer: &str) -> Vec<Effect> {
    let path = answer.trim().trim_matches(['\'', '"']).trim();
    if path.is_empty() {
        return Vec::new();
    }
    let path = match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(path),
    };
    vec![Effect::PlanImport(path)]
}

/// The dry run came back: its summary, or why the file could not be read.
pub fn planned(model: &Model, view: &mut View, planned: Result<(String, Plan), String>) {
    match planned {
        Ok((file, plan)) => {
            let lines = crate::import::summary::lines(&plan, &file, model.lang);
            view.overlays.open(Overlay::Import(Review {
                plan,
                lines,
                scroll: 0,
            }));
        }
        Err(message) => view.flash = Some(message),
    }
}

/// A key while the summary is open: `Enter` imports, arrows scroll, anything else cancels.
pub fn key(view: &mut View, key: KeyEvent) -> Vec<Effect> {
    let Some(review) = view.overlays.get_mut::<Review>() else {
        return Vec::new();
    };
    match key.code {
        KeyCode::Down | KeyCode::Char('j') => {
            let last = u16::try_from(review.lines.len().saturating_sub(1)).unwrap_or(u16::MAX);
            review.scroll = (review.scroll + 1).min(last);
        }
        KeyCode::Up | KeyCode::Char('k') => review.scroll = review.scroll.saturating_sub(1),
        KeyCode::Enter if review.can_import() => {
            let plan = review.plan.clone();
            view.overlays.close(OverlayKind::Import);
            return vec![Effect::ImportPupils(Box::new(plan))];
        }
        _ => {
            view.overlays.close(OverlayKind::Import);
        }
    }
    Vec::new()
}

/// Written: the start screen says how many, and shows the pupils from now on.
pub fn imported(model: &Model, view: &mut View, applied: Applied) -> Vec<Effect> {
    view.flash = Some((model.lang.texts().import.done)(
        applied.new,
        applied.updated,
    ));
    vec![Effect::LoadDashboard]
}

#[cfg(test)]
mod tests;
