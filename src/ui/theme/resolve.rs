//! From a theme's name to its styles: find the file, follow `inherits`, merge the chain, and
//! turn colour and modifier words into ratatui values, once, at load time.

use std::collections::HashMap;
use std::rc::Rc;

use ratatui::style::{Color, Modifier, Style};

use super::file::{self, Located, RawStyle, RawTheme};
use super::{BUILTIN, Theme, ThemeError, UserThemes};
use crate::themes::BUILTIN_NAMES;

const COLOURS: &[(&str, Color)] = &[
    ("black", Color::Black),
    ("red", Color::Red),
    ("green", Color::Green),
    ("yellow", Color::Yellow),
    ("blue", Color::Blue),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("gray", Color::Gray),
    ("dark-gray", Color::DarkGray),
    ("light-red", Color::LightRed),
    ("light-green", Color::LightGreen),
    ("light-yellow", Color::LightYellow),
    ("light-blue", Color::LightBlue),
    ("light-magenta", Color::LightMagenta),
    ("light-cyan", Color::LightCyan),
    ("white", Color::White),
    ("reset", Color::Reset),
];

const MODIFIERS: &[(&str, Modifier)] = &[
    ("bold", Modifier::BOLD),
    ("dim", Modifier::DIM),
    ("italic", Modifier::ITALIC),
    ("underlined", Modifier::UNDERLINED),
    ("reversed", Modifier::REVERSED),
    ("crossed-out", Modifier::CROSSED_OUT),
];

pub(super) fn resolve(name: &str, user: &UserThemes) -> Result<Theme, ThemeError> {
    let chain = chain(name, user)?;
    // Ancestors first, so that what a child says wins; `depth` 0 is the child itself.
    let mut palette: HashMap<&str, (usize, &Located<String>)> = HashMap::new();
    let mut styles: HashMap<&str, (usize, &Located<RawStyle>)> = HashMap::new();
    for (depth, raw) in chain.iter().enumerate().rev() {
        palette.extend(raw.palette.iter().map(|(k, v)| (k.as_str(), (depth, v))));
        styles.extend(raw.styles.iter().map(|(k, v)| (k.as_str(), (depth, v))));
    }
    // The child first and in line order, so the error reported is the first one it has.
    let mut palette: Vec<_> = palette.into_iter().collect();
    palette.sort_by_key(|(_, (depth, value))| (*depth, value.line));
    let mut styles: Vec<_> = styles.into_iter().collect();
    styles.sort_by_key(|(_, (depth, raw))| (*depth, raw.line));

    let mut colours = HashMap::with_capacity(palette.len());
    for (name, (_, value)) in palette {
        let colour = plain_colour(&value.value, false)
            .map_err(|why| value.error(format!("palette entry `{name}`: {why}")))?;
        colours.insert(name, colour);
    }
    let colour = |word: &Located<String>| match colours.get(word.value.as_str()) {
        Some(colour) => Ok(*colour),
        None => plain_colour(&word.value, true).map_err(|why| word.error(why)),
    };
    let mut resolved = HashMap::with_capacity(styles.len());
    for (key, (_, raw)) in styles {
        let raw = &raw.value;
        let mut style = Style::new();
        if let Some(fg) = &raw.fg {
            style = style.fg(colour(fg)?);
        }
        if let Some(bg) = &raw.bg {
            style = style.bg(colour(bg)?);
        }
        for word in &raw.modifiers {
            let modifier = MODIFIERS
                .iter()
                .find(|(name, _)| *name == word.value)
                .ok_or_else(|| {
                    word.error(format!(
                        "unknown modifier `{}`: expected one of {}",
                        word.value,
                        names(MODIFIERS)
                    ))
                })?;
            style = style.add_modifier(modifier.1);
        }
        resolved.insert(key.to_owned(), style);
    }
    Ok(Theme {
        name: name.to_owned(),
        styles: resolved,
    })
}

/// A named ANSI colour or `#rrggbb`. Palette names are looked up by the caller; `in_style`
/// says whether one would have been allowed, for the message.
fn plain_colour(word: &str, in_style: bool) -> Result<Color, String> {
    if let Some((_, colour)) = COLOURS.iter().find(|(name, _)| *name == word) {
        return Ok(*colour);
    }
    let Some(hex) = word.strip_prefix('#') else {
        let palette = if in_style { "a palette name, " } else { "" };
        // The full list is too long for the status bar, where this message is shown.
        return Err(format!(
            "unknown colour `{word}`: expected {palette}#rrggbb or an ANSI name like light-red"
        ));
    };
    let channel = |at: usize| {
        hex.get(at..at + 2)
            .filter(|pair| pair.bytes().all(|byte| byte.is_ascii_hexdigit()))
            .and_then(|pair| u8::from_str_radix(pair, 16).ok())
    };
    match (hex.len(), channel(0), channel(2), channel(4)) {
        (6, Some(r), Some(g), Some(b)) => Ok(Color::Rgb(r, g, b)),
        _ => Err(format!(
            "bad colour `{word}`: expected #rrggbb, six hex digits"
        )),
    }
}

fn names<T>(table: &[(&str, T)]) -> String {
    let names: Vec<&str> = table.iter().map(|(name, _)| *name).collect();
    names.join(", ")
}

/// The theme and its ancestors, child first.
fn chain(name: &str, user: &UserThemes) -> Result<Vec<RawTheme>, ThemeError> {
    let mut chain = Vec::new();
    let mut visited: Vec<(String, bool)> = Vec::new();
    let mut wanted = name.to_owned();
    let mut builtin_only = false;
    // The `inherits` that asked for `wanted`, to blame when it cannot be had.
    let mut asked_by: Option<Located<String>> = None;
    loop {
        let Some(source) = find(&wanted, user, builtin_only) else {
            let reason = format!("no theme `{wanted}` (there are {})", available(user));
            return Err(match &asked_by {
                Some(site) => site.error(format!("inherits: {reason}")),
                None => ThemeError {
                    file: missing_path(&wanted, user),
                    line: 0,
                    reason,
                },
            });
        };
        let (file, text, from_user) = source?;
        if let Some(site) = asked_by.as_ref().filter(|_| {
            visited
                .iter()
                .any(|(seen, user)| *seen == wanted && *user == from_user)
        }) {
            let mut path: Vec<&str> = visited.iter().map(|(name, _)| name.as_str()).collect();
            path.push(&wanted);
            return Err(site.error(format!("inheritance cycle: {}", path.join(" -> "))));
        }
        visited.push((wanted.clone(), from_user));
        let raw = file::parse(file, text)?;
        let next = raw.inherits.clone();
        chain.push(raw);
        let Some(next) = next else {
            return Ok(chain);
        };
        // A user's `donker.toml` that inherits `donker` means the built-in one.
        builtin_only = from_user && next.value == wanted;
        wanted.clone_from(&next.value);
        asked_by = Some(next);
    }
}

type Source<'a> = Result<(Rc<str>, &'a str, bool), ThemeError>;

fn find<'a>(name: &str, user: &'a UserThemes, builtin_only: bool) -> Option<Source<'a>> {
    if !builtin_only && let Some(found) = user.files.get(name) {
        return Some(match &found.text {
            Ok(text) => Ok((Rc::from(found.path.as_str()), text.as_str(), true)),
            Err(why) => Err(ThemeError {
                file: found.path.clone(),
                line: 0,
                reason: why.clone(),
            }),
        });
    }
    BUILTIN
        .iter()
        .find(|(builtin, _)| *builtin == name)
        .map(|(_, text)| Ok((Rc::from(format!("themes/{name}.toml")), *text, false)))
}

fn available(user: &UserThemes) -> String {
    let mut all: Vec<&str> = BUILTIN_NAMES.iter().copied().chain(user.names()).collect();
    all.sort_unstable();
    all.dedup();
    all.join(", ")
}

fn missing_path(name: &str, user: &UserThemes) -> String {
    match &user.dir {
        Some(dir) => dir.join(format!("{name}.toml")).display().to_string(),
        None => format!("themes/{name}.toml"),
    }
}
