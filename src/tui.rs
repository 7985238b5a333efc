//! The screen's loop, beside `app` (the state machine) and `ui` (the drawing), which it joins:
//! draw, read one event, update, apply effects. A tick once a
//! second keeps the clock and the item timer moving. One effect is carried out beside it: the
//! search index, which takes seconds on a large school (`search::reading`).

use std::time::Duration;

use chrono::{NaiveDateTime, Timelike};

use ratatui::crossterm::event::{
    self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyCode, KeyEvent, KeyEventKind,
    KeyModifiers,
};
use ratatui::crossterm::execute;

use crate::app::core::effects::{Flow, apply, retry, take_inbox};
use crate::app::overlay::search::reading::Reading;
use crate::app::{Message, Model, Settings, View, update};
use crate::domain::PhaseModel;
use crate::error::{Error, Result};
use crate::store::Store;
use crate::ui::theme::{self, Theme};

/// Runs the screen until it is quit; the store to go on with (reopened if a write failed on
/// the disk meanwhile).
/// Runs the screen until the person quits. Gives back the store and whether every edit made
/// on it reached the disk: none is kept in memory because the disk refused it.
pub fn run(store: Store, phases: &PhaseModel, settings: Settings) -> Result<(Store, bool)> {
    let (theme, theme_error) = load_theme(settings.theme.as_deref());
    let (mut model, view) = crate::app::first_screen(&store, phases, &settings)?;
    model.now = now();
    model.idle =
        crate::app::overlay::lock::Idle::new(store.is_encrypted(), settings.lock_after, model.now);
    model.notice = theme_error.map(|err| (settings.lang.texts().err_theme)(&err.to_string()));
    // try_init restores the terminal on a panic too, before our one-line message.
    let mut terminal = ratatui::try_init().map_err(Error::Terminal)?;
    // A pasted text arrives as one event, not as keys that could trigger commands.
    let _ = execute!(std::io::stdout(), EnableBracketedPaste);
    let outcome = event_loop(&mut terminal, store, &mut model, view, theme);
    let _ = execute!(std::io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    Ok((outcome?, model.unsaved.is_empty()))
}

fn now() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}

/// The chosen theme, or monochrome when the terminal or the person asks for no colour. A broken
/// theme file falls back to the default and the error is shown on screen.
fn load_theme(chosen: Option<&str>) -> (Theme, Option<theme::ThemeError>) {
    let no_color = std::env::var("NO_COLOR").ok();
    let term = std::env::var("TERM").ok();
    let name = if theme::wants_monochrome(no_color.as_deref(), term.as_deref()) {
        theme::MONOCHROME
    } else {
        chosen.unwrap_or(theme::DEFAULT)
    };
    load_named(name)
}

/// A theme by name, the user's own themes folder first.
fn load_named(name: &str) -> (Theme, Option<theme::ThemeError>) {
    let user_dir = directories::ProjectDirs::from("nl", "otter", "otter")
        .map(|dirs| dirs.config_dir().join("themes"));
    theme::load(name, user_dir.as_deref())
}

/// Switches to the theme the palette asked for; the rest goes to the store.
fn switch_theme(effects: &mut Vec<crate::app::Effect>, theme: &mut Theme, model: &mut Model) {
    effects.retain(|effect| match effect {
        crate::app::Effect::UseTheme(name) => {
            let (loaded, error) = load_named(name);
            *theme = loaded;
            if let Some(error) = error {
                model.notice = Some((model.lang.texts().err_theme)(&error.to_string()));
            }
            false
        }
        _ => true,
    });
}

/// How often the loop looks whether the search index is there while it is read: well under a
/// frame a person notices.
const LOOK_EVERY: Duration = Duration::from_millis(20);

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    mut store: Store,
    model: &mut Model,
    mut view: View,
    mut theme: Theme,
) -> Result<Store> {
    // An event read ahead while gathering typed text, handled next.
    let mut ahead: Option<Event> = None;
    let mut reading = Reading::default();
    let mut pace = Pace::default();
    loop {
        model.now = now();
        // Before drawing and before any key is read: after a long sleep of the laptop the
        // first key must meet the lock, not the data.
        update(model, &mut view, Message::Tick);
        // Edits the disk refused are written once it takes them again, before the next one.
        store = retry(store, model, &mut view, model.today)?;
        let waited = reading.waiting();
        let mut effects = reading.arrived(model, &mut view);
        if waited && !reading.waiting() {
            pace.changed();
        }
        reading.take(&mut effects, &view, &store);
        apply(&store, model, &mut view, effects, model.today)?;
        // Audit lines of exports made in a second window while the screen holds the data: a
        // directory read, so once a second, not on every key and every look for the index.
        if pace.inbox_due(model.now) {
            take_inbox(&store, model, &mut view, model.today)?;
        }
        let event = match ahead.take() {
            Some(event) => event,
            None => {
                if pace.draw_due(model.now) {
                    let size = terminal.size().map_err(Error::Terminal)?;
                    view.fit(size.width, size.height);
                    let mut drawn = crate::app::Drawn::default();
                    terminal
                        .draw(|frame| {
                            drawn = crate::ui::render(frame, model, &view, &theme, &model.keymap);
                        })
                        .map_err(Error::Terminal)?;
                    view.drawn(drawn);
                }
                // While the index is read the loop looks for it often; a key ends the wait.
                let wait = match reading.waiting() {
                    true => LOOK_EVERY,
                    false => Duration::from_secs(1),
                };
                if !event::poll(wait).map_err(Error::Terminal)? {
                    continue;
                }
                event::read().map_err(Error::Terminal)?
            }
        };
        // Whatever came (a key, a paste, a new size of the terminal) is drawn next turn.
        pace.changed();
        model.now = now();
        update(model, &mut view, Message::Tick);
        store = retry(store, model, &mut view, model.today)?;
        let key = match event {
            Event::Key(key) if key.kind == KeyEventKind::Press => key,
            Event::Paste(text) => {
                let mut effects = update(model, &mut view, Message::Paste(text));
                reading.take(&mut effects, &view, &store);
                apply(&store, model, &mut view, effects, model.today)?;
                continue;
            }
            _ => continue,
        };
        injected_panic(&key);
        let mut message = crate::app::core::route::route(model, &view, &model.keymap, key);
        if let (Message::EditorKey(_), Some(first), true) =
            (&message, plain_char(&key), typing_into_notes(&view))
        {
            message = Message::Paste(typed_run(first, &mut ahead)?);
        }
        let mut effects = update(model, &mut view, message);
        switch_theme(&mut effects, &mut theme, model);
        reading.take(&mut effects, &view, &store);
        if apply(&store, model, &mut view, effects, model.today)? == Flow::Quit {
            return Ok(store);
        }
    }
}

/// What the loop does only now and then. While the search index is read it turns every
/// `LOOK_EVERY`: drawing the whole screen on each (a meeting item builds the earlier minutes
/// anew) and reading the inbox's directory on each cost a core for nothing. The screen is
/// drawn after an event or a finished reading, and when the second changed (the clock, the
/// item's timer, a lock); the inbox is read at most once a second, as `retry` writes.
#[derive(Debug, Default)]
struct Pace {
    /// When the inbox was last read.
    inbox_read: Option<NaiveDateTime>,
    /// The second last drawn; `None` when something happened since.
    drawn: Option<NaiveDateTime>,
}

impl Pace {
    /// Whether the inbox is read now (and then it counts as read).
    fn inbox_due(&mut self, now: NaiveDateTime) -> bool {
        let due = self
            .inbox_read
            .is_none_or(|read| now - read >= chrono::TimeDelta::seconds(1));
        if due {
            self.inbox_read = Some(now);
        }
        due
    }

    /// Something came that the screen shows: it is drawn next.
    fn changed(&mut self) {
        self.drawn = None;
    }

    /// Whether the screen is drawn now (and then it counts as drawn).
    fn draw_due(&mut self, now: NaiveDateTime) -> bool {
        let second = now.with_nanosecond(0).unwrap_or(now);
        let due = self.drawn != Some(second);
        self.drawn = Some(second);
        due
    }
}

/// Whether keys go into the notes editor: alone, or as the notes of a running plan's form,
/// which opens on them (a form's other boxes take keys one by one).
fn typing_into_notes(view: &crate::app::View) -> bool {
    use crate::app::meeting::{form::Form, plan::Field};
    match view.form() {
        None => true,
        Some(Form::Plan(plan)) => plan.focus == Field::Notes,
        Some(Form::Circles(_)) => false,
    }
}

/// A test-only switch, in debug builds only: with `OTTER_TEST_PANIC` set, F12 panics, so a
/// pseudo-terminal test can check that a panic gives the terminal back whole and loses
/// nothing typed (docs/reliability.md).
fn injected_panic(key: &KeyEvent) {
    if cfg!(debug_assertions)
        && key.code == KeyCode::F(12)
        && std::env::var_os("OTTER_TEST_PANIC").is_some()
    {
        panic!("injected by OTTER_TEST_PANIC");
    }
}

/// The character a key types, if it is a plain one (no Ctrl or Alt).
fn plain_char(key: &KeyEvent) -> Option<char> {
    match key.code {
        KeyCode::Char(c)
            if !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(c)
        }
        _ => None,
    }
}

/// `first` and the plain characters already waiting behind it, as one text for the notes
/// editor. The editor wraps the whole note again on every key: a text pasted as keys (every
/// paste on Windows, and where a terminal does not bracket pastes) took a millisecond a key on
/// a long note, minutes for a long report. The first other key is kept in `ahead`.
fn typed_run(first: char, ahead: &mut Option<Event>) -> Result<String> {
    let mut text = String::from(first);
    // Not a zero timeout: crossterm's /dev/tty reader does not look at all when given none.
    while event::poll(Duration::from_micros(1)).map_err(Error::Terminal)? {
        match event::read().map_err(Error::Terminal)? {
            // Windows reports releases too; the loop would skip them.
            Event::Key(key) if key.kind != KeyEventKind::Press => {}
            Event::Key(key) if plain_char(&key).is_some() => text.extend(plain_char(&key)),
            other => {
                *ahead = Some(other);
                break;
            }
        }
    }
    Ok(text)
}

/// A fresh demo school in a temporary folder, removed when otter closes; encrypted when
/// `unlock` gives a passphrase.
pub fn run_demo(settings: Settings, unlock: &mut dyn crate::store::Unlock) -> Result<()> {
    let dir = tempfile::Builder::new()
        .prefix("otter-demo-")
        .tempdir()
        .map_err(|err| Error::Store(err.into()))?;
    let store = Store::open_with(dir.path(), unlock)?;
    crate::demo::fill(&store, crate::demo::Scale::School, settings.today)?;
    run(store, &PhaseModel::default(), settings).map(drop)
}

#[cfg(test)]
mod tests {
    use super::Pace;
    use chrono::{NaiveDate, NaiveDateTime};

    fn at(second: u32, milli: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 3, 2)
            .unwrap()
            .and_hms_milli_opt(9, 0, second, milli)
            .unwrap()
    }

    /// Turns 20 ms apart while the index is read: one frame a second, not fifty.
    #[test]
    fn looking_for_the_index_draws_once_a_second() {
        let mut pace = Pace::default();
        let drawn: Vec<bool> = (0..100)
            .map(|turn| pace.draw_due(at(turn / 50, (turn % 50) * 20)))
            .collect();
        assert_eq!(drawn.iter().filter(|&&d| d).count(), 2);
        assert!(drawn[0] && drawn[50]);
    }

    #[test]
    fn an_event_is_drawn_in_the_same_second() {
        let mut pace = Pace::default();
        assert!(pace.draw_due(at(0, 0)));
        assert!(!pace.draw_due(at(0, 20)));
        pace.changed();
        assert!(pace.draw_due(at(0, 40)));
        assert!(!pace.draw_due(at(0, 60)));
    }

    #[test]
    fn the_inbox_is_read_once_a_second() {
        let mut pace = Pace::default();
        let read: Vec<bool> = (0..100)
            .map(|turn| pace.inbox_due(at(turn / 50, (turn % 50) * 20)))
            .collect();
        assert_eq!(read.iter().filter(|&&r| r).count(), 2);
        assert!(read[0] && read[50]);
        // Keys do not make it due sooner.
        pace.changed();
        assert!(!pace.inbox_due(at(1, 990)));
        assert!(pace.inbox_due(at(2, 0)));
    }
}
