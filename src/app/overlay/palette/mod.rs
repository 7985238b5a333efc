//! `:` opens the command palette: every action of the screen in front by name, and the
//! themes, narrowed as one types. For the chair who does not remember a key, and the only
//! way to switch the theme while otter runs.

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

use crate::app::core::keymap::{Context, Keymap};
use crate::app::overlay::{InOverlay, Overlay, OverlayKind};
use crate::app::{Command, Effect, Model, Screen, View, update};
use crate::domain::fold::fold;
use crate::i18n::Texts;

/// What a palette row does when chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Act(Command),
    Theme(&'static str),
}

/// One row: what it is called, the keys that also do it, and what it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub name: String,
    pub keys: Vec<String>,
    pub command: Choice,
}

#[derive(Debug, Clone)]
pub struct Palette {
    pub query: TextArea<'static>,
    pub selected: usize,
    rows: Vec<Row>,
}

impl Palette {
    fn new(rows: Vec<Row>) -> Palette {
        Palette {
            query: TextArea::default(),
            selected: 0,
            rows,
        }
    }

    /// The rows whose name or key holds every typed word, in their own order.
    pub fn matches(&self) -> Vec<&Row> {
        let query = fold(&self.query.lines().join(" "));
        let words: Vec<&str> = query.split_whitespace().collect();
        self.rows
            .iter()
            .filter(|row| {
                let name = fold(&row.name);
                words
                    .iter()
                    .all(|w| name.contains(w) || row.keys.iter().any(|k| fold(k) == *w))
            })
            .collect()
    }
}

/// The screen's actions with the keys of the loop's keymap, as the help overlay lists them,
/// then a row per built-in theme.
pub fn rows(keymap: &Keymap, screen: Screen, t: &Texts) -> Vec<Row> {
    let context = Context::from(screen);
    let mut rows: Vec<Row> = keymap
        .bindings(context)
        .into_iter()
        .filter(|binding| binding.command != Command::Palette)
        .map(|binding| Row {
            name: crate::i18n::capitalised(binding.command.describe_on(context, t)),
            keys: binding.keys,
            command: Choice::Act(binding.command),
        })
        .collect();
    rows.extend(crate::themes::BUILTIN_NAMES.iter().map(|name| Row {
        name: (t.palette_theme)(name),
        keys: Vec::new(),
        command: Choice::Theme(name),
    }));
    rows
}

pub fn open(model: &Model, view: &mut View) -> Vec<Effect> {
    view.overlays.open(Overlay::Palette(Palette::new(rows(
        &model.keymap,
        model.screen,
        model.lang.texts(),
    ))));
    Vec::new()
}

/// A key while the palette is open: typed into the query, or choosing and running a row.
pub fn key(model: &mut Model, view: &mut View, key: KeyEvent) -> Vec<Effect> {
    let Some(palette) = view.overlays.get_mut::<Palette>() else {
        return Vec::new();
    };
    let count = palette.matches().len();
    match key.code {
        KeyCode::Esc => {
            view.overlays.close(OverlayKind::Palette);
        }
        _ if InOverlay::NextRow.takes(key) => {
            palette.selected = (palette.selected + 1).min(count.saturating_sub(1));
        }
        _ if InOverlay::PreviousRow.takes(key) => {
            palette.selected = palette.selected.saturating_sub(1);
        }
        KeyCode::Enter => {
            let chosen = palette
                .matches()
                .get(palette.selected)
                .map(|row| row.command);
            view.overlays.close(OverlayKind::Palette);
            return match chosen {
                Some(Choice::Act(action)) => update(model, view, action),
                Some(Choice::Theme(name)) => vec![Effect::UseTheme(name.to_string())],
                None => Vec::new(),
            };
        }
        _ => {
            if palette.query.input(key) {
                palette.selected = 0;
            }
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests;
