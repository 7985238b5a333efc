//! The small synchronous loop: draw, read one event, update, apply effects.

use chrono::NaiveDate;
use ratatui::crossterm::event::{self, Event, KeyEventKind};

use super::{Effect, Model, View, action_for, update};
use crate::domain::PhaseModel;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::query::dashboard;
use crate::store::Store;

pub fn run(
    store: &Store,
    model: &PhaseModel,
    lang: Lang,
    today: NaiveDate,
    demo: bool,
) -> Result<()> {
    let state = Model {
        lang,
        today,
        demo,
        dashboard: dashboard::load(store, model, today)?,
    };
    // try_init restores the terminal on a panic too, before our one-line message.
    let mut terminal = ratatui::try_init().map_err(Error::Terminal)?;
    let outcome = event_loop(&mut terminal, &state);
    ratatui::restore();
    outcome
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, model: &Model) -> Result<()> {
    let mut view = View::default();
    loop {
        terminal
            .draw(|frame| crate::ui::render(frame, model, &view))
            .map_err(Error::Terminal)?;
        let Event::Key(key) = event::read().map_err(Error::Terminal)? else {
            continue;
        };
        if key.kind != KeyEventKind::Press {
            continue;
        }
        let Some(action) = action_for(key) else {
            continue;
        };
        if update(model, &mut view, action).contains(&Effect::Quit) {
            return Ok(());
        }
    }
}

/// A fresh demo school in a temporary folder, removed when otter closes.
pub fn run_demo(lang: Lang, today: NaiveDate) -> Result<()> {
    let dir = tempfile::Builder::new()
        .prefix("otter-demo-")
        .tempdir()
        .map_err(|err| Error::Store(err.into()))?;
    let store = Store::open(dir.path())?;
    crate::demo::fill(&store, crate::cli::Scale::School, today)?;
    run(&store, &PhaseModel::default(), lang, today, true)
}
