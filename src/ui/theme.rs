//! Colour themes: what each meaning on screen (an overdue action, the current phase, a timer
//! that ran over) looks like.
//!
//! A theme is a TOML file, modelled on helix's themes:
//!
//! ```toml
//! inherits = "donker"              # optional: start from another theme
//!
//! "ui.selection" = { fg = "black", bg = "accent", modifiers = ["bold"] }
//! "action.overdue" = "light-red"   # a bare colour is the foreground
//!
//! [palette]                        # optional, and last: keys after it belong to it
//! accent = "#0072b2"
//! ```
//!
//! Otter owns this grammar instead of borrowing a library's serde format, so a ratatui upgrade
//! cannot break anyone's theme file. A colour is a palette name, one of the sixteen ANSI names
//! (`black` `red` `green` `yellow` `blue` `magenta` `cyan` `gray` for ANSI 0 to 7,
//! `dark-gray` `light-red` `light-green` `light-yellow` `light-blue` `light-magenta`
//! `light-cyan` `white` for 8 to 15, as ratatui names them), `reset`, or `#rrggbb`. Modifiers
//! are `bold` `dim` `italic` `underlined` `reversed` `crossed-out`. A child's palette also
//! recolours what it inherits, and a style it sets replaces the inherited one whole.
//!
//! Keys name meanings, not widgets, and fall back by prefix: `action.overdue.today` →
//! `action.overdue` → `action`, and finally `ui.text`. Keys outside the namespaces of
//! [`REQUIRED_KEYS`] are refused, so a typo is reported instead of silently ignored.
//!
//! The built-in themes are compiled in from `themes/`; files in the user's theme directory add
//! themes or replace a built-in of the same name (a user's `donker.toml` may say
//! `inherits = "donker"` to start from the built-in). A broken file is never passed over in
//! silence: [`load`] returns the error, with file and line, next to the default theme.
//!
//! Trap: crossterm 0.29.0 writes every colour change as a bare `ESC[m` when `NO_COLOR` is set,
//! which resets the modifiers ratatui has just written (fixed upstream, not yet released). So
//! the `mono` theme has no colour at all and shows selection and focus with modifiers only,
//! and no screen may hard-code a colour outside the theme. Whoever wires this in must look at
//! the monochrome screen in a real terminal with `NO_COLOR=1`: a test backend cannot show it.

mod file;
mod resolve;

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

use ratatui::style::Style;

/// The theme used when none is chosen, and the one a broken theme falls back to.
pub const DEFAULT: &str = "donker";
/// The theme for `NO_COLOR` and `TERM=dumb`; see [`wants_monochrome`].
pub const MONOCHROME: &str = "mono";

/// Every key a screen may ask for. Each built-in theme defines all of them, directly or through
/// `inherits`; their first segments are the only namespaces a theme file may use.
pub const REQUIRED_KEYS: &[&str] = &[
    "ui.background",
    "ui.text",
    "ui.text.dim",
    "ui.title",
    "ui.border",
    "ui.border.focus",
    "ui.selection",
    "ui.header",
    "ui.statusbar",
    "ui.help.key",
    "ui.error",
    "ui.warning",
    "phase.current",
    "phase.done",
    "phase.todo",
    "level",
    "timer.running",
    "timer.near",
    "timer.over",
    "timer.paused",
    "action.open",
    "action.overdue",
    "action.done",
    "action.dropped",
    "pupil.name",
    "pupil.anonymous",
    "consent.missing",
    "agenda.current",
    "agenda.done",
    "privacy.blank",
    "search.match",
];

const BUILTIN: &[(&str, &str)] = &[
    ("beamer", include_str!("../../themes/beamer.toml")),
    ("donker", include_str!("../../themes/donker.toml")),
    (
        "kleurenblind",
        include_str!("../../themes/kleurenblind.toml"),
    ),
    ("mono", include_str!("../../themes/mono.toml")),
];

/// A theme resolved into one style per key it defines, so that rendering does a hash lookup
/// or two, never any parsing.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    name: String,
    styles: HashMap<String, Style>,
}

impl Theme {
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The style for `key`, falling back by prefix and then to `ui.text`.
    pub fn style(&self, key: &str) -> Style {
        let mut key = key;
        loop {
            if let Some(style) = self.styles.get(key) {
                return *style;
            }
            match key.rfind('.') {
                Some(dot) => key = &key[..dot],
                None => return self.styles.get("ui.text").copied().unwrap_or_default(),
            }
        }
    }

    /// A built-in theme, without looking at the user's directory.
    pub fn builtin(name: &str) -> Option<Theme> {
        resolve::resolve(name, &UserThemes::default()).ok()
    }
}

pub fn builtin_names() -> &'static [&'static str] {
    crate::themes::BUILTIN_NAMES
}

/// A mistake in a theme file. `line` is 1-based; 0 means the file as a whole (it is missing
/// or unreadable), and is left out of the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeError {
    pub file: String,
    pub line: usize,
    pub reason: String,
}

impl fmt::Display for ThemeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.reason)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.reason)
        }
    }
}

impl std::error::Error for ThemeError {}

/// The `*.toml` files of the user's theme directory, read but not yet parsed: only the chosen
/// theme and what it inherits are parsed, so a broken file nobody uses does no harm.
#[derive(Debug, Default)]
pub struct UserThemes {
    dir: Option<PathBuf>,
    files: BTreeMap<String, UserFile>,
}

#[derive(Debug)]
struct UserFile {
    path: String,
    text: Result<String, String>,
}

impl UserThemes {
    /// The user's theme names, for a theme picker.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }
}

/// Reads the user's theme directory. A missing directory is the normal case and gives no
/// themes; a file that cannot be read is reported once something asks for it.
pub fn load_user_themes(dir: &Path) -> UserThemes {
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|ext| ext != "toml") {
            continue;
        }
        let Some(name) = path.file_stem().and_then(|stem| stem.to_str()) else {
            continue;
        };
        let text = std::fs::read_to_string(&path).map_err(|err| err.to_string());
        let path_text = path.display().to_string();
        files.insert(
            name.to_owned(),
            UserFile {
                path: path_text,
                text,
            },
        );
    }
    UserThemes {
        dir: Some(dir.to_owned()),
        files,
    }
}

/// The theme `name`, from the user's directory if it has one by that name, else built in.
/// On any mistake this is the built-in default theme together with the error, which the
/// caller must show: a fallback nobody notices leaves a user editing the wrong file.
pub fn load(name: &str, user_dir: Option<&Path>) -> (Theme, Option<ThemeError>) {
    let user = user_dir.map(load_user_themes).unwrap_or_default();
    match resolve::resolve(name, &user) {
        Ok(theme) => (theme, None),
        Err(err) => (fallback(), Some(err)),
    }
}

fn fallback() -> Theme {
    // The built-in default is parsed by the tests, so this cannot fail in a released build.
    Theme::builtin(DEFAULT).expect("the built-in default theme is valid")
}

/// Whether to use the colourless theme: `NO_COLOR` set to anything but the empty string
/// (<https://no-color.org>), or a terminal that declares itself dumb. Takes the values instead
/// of reading the environment so it can be tested. When it is true, use [`MONOCHROME`] even if
/// the user chose another theme: crossterm drops the colours anyway and, with them, the
/// modifiers (see the module notes).
pub fn wants_monochrome(no_color: Option<&str>, term: Option<&str>) -> bool {
    no_color.is_some_and(|value| !value.is_empty()) || term == Some("dumb")
}

#[cfg(test)]
mod tests;
