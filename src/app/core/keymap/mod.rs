//! Keys to actions, from a TOML table per screen. The help overlay is generated from the same
//! table, so it always tells the keys that work.

use std::collections::HashMap;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

use crate::app::Command;

const DEFAULT: &str = include_str!("keymap.default.toml");

/// The screens that have keys of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Context {
    Global,
    Dashboard,
    Meeting,
    Prepare,
    Actions,
    Dossier,
    Audit,
    Retention,
    Monitoring,
}

impl From<crate::app::Screen> for Context {
    fn from(screen: crate::app::Screen) -> Context {
        match screen {
            crate::app::Screen::Dashboard => Context::Dashboard,
            crate::app::Screen::Meeting => Context::Meeting,
            crate::app::Screen::Prepare => Context::Prepare,
            crate::app::Screen::Actions => Context::Actions,
            crate::app::Screen::Dossier => Context::Dossier,
            crate::app::Screen::Audit => Context::Audit,
            crate::app::Screen::Retention => Context::Retention,
            crate::app::Screen::Monitoring => Context::Monitoring,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    pub(crate) fn parse(text: &str) -> Option<Key> {
        let (ctrl, name) = match text.strip_prefix("ctrl-") {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let code = match name {
            "enter" => KeyCode::Enter,
            "esc" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "pgup" => KeyCode::PageUp,
            "pgdn" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "space" => KeyCode::Char(' '),
            "backspace" => KeyCode::Backspace,
            "delete" => KeyCode::Delete,
            single => {
                let mut chars = single.chars();
                let c = chars.next()?;
                if chars.next().is_some() {
                    return None;
                }
                KeyCode::Char(c)
            }
        };
        Some(Key { code, ctrl })
    }

    pub(crate) fn of(event: KeyEvent) -> Key {
        Key {
            code: event.code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
        }
    }
}

/// One line of the help overlay: the keys and what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub keys: Vec<String>,
    pub command: Command,
}

#[derive(Debug, Clone)]
pub struct Keymap {
    maps: HashMap<Context, Vec<(String, Key, Command)>>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap::parse(DEFAULT).expect("the built-in keymap is valid (tested)")
    }
}

impl Keymap {
    pub fn parse(text: &str) -> Result<Keymap, String> {
        let raw: HashMap<Context, toml::Table> = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut maps = HashMap::new();
        for (context, table) in raw {
            let mut entries = Vec::new();
            for (name, value) in table {
                let key = Key::parse(&name).ok_or_else(|| format!("unknown key {name:?}"))?;
                let command: Command = value
                    .try_into()
                    .map_err(|e: toml::de::Error| format!("{name}: {}", e.message()))?;
                entries.push((name, key, command));
            }
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            maps.insert(context, entries);
        }
        Ok(Keymap { maps })
    }

    /// The screen's own key first, then the global one.
    pub fn command(&self, context: Context, event: KeyEvent) -> Option<Command> {
        let key = Key::of(event);
        [context, Context::Global].iter().find_map(|c| {
            self.maps
                .get(c)?
                .iter()
                .find(|(_, k, _)| *k == key)
                .map(|(_, _, command)| *command)
        })
    }

    /// What the help overlay lists for a screen: each command once, with all its keys.
    pub fn bindings(&self, context: Context) -> Vec<Binding> {
        let mut bindings: Vec<Binding> = Vec::new();
        for c in [context, Context::Global] {
            for (name, _, command) in self.maps.get(&c).into_iter().flatten() {
                match bindings.iter_mut().find(|b| b.command == *command) {
                    Some(binding) => binding.keys.push(name.clone()),
                    None => bindings.push(Binding {
                        keys: vec![name.clone()],
                        command: *command,
                    }),
                }
            }
        }
        bindings.sort_by_key(|b| b.command);
        bindings
    }
}

#[cfg(test)]
mod tests;
