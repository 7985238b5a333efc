//! One theme file, read into words that remember their file and line, so that a mistake found
//! only later (an unknown colour, a cycle through `inherits`) still points at its own line.

use std::collections::BTreeMap;
use std::fmt;
use std::rc::Rc;

use serde::Deserialize;
use serde::de::{self, MapAccess, Visitor, value::MapAccessDeserializer};
use toml::Spanned;

use super::{REQUIRED_KEYS, ThemeError};

#[derive(Debug, Clone)]
pub(super) struct Located<T> {
    pub value: T,
    pub file: Rc<str>,
    pub line: usize,
}

impl<T> Located<T> {
    pub fn error(&self, reason: String) -> ThemeError {
        ThemeError {
            file: self.file.to_string(),
            line: self.line,
            reason,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub(super) struct RawStyle {
    pub fg: Option<Located<String>>,
    pub bg: Option<Located<String>>,
    pub modifiers: Vec<Located<String>>,
}

#[derive(Debug)]
pub(super) struct RawTheme {
    pub inherits: Option<Located<String>>,
    pub palette: Vec<(String, Located<String>)>,
    pub styles: Vec<(String, Located<RawStyle>)>,
}

pub(super) fn parse(file: Rc<str>, text: &str) -> Result<RawTheme, ThemeError> {
    let parsed: ThemeFile = toml::from_str(text).map_err(|err| ThemeError {
        file: file.to_string(),
        line: err.span().map_or(0, |span| line_of(text, span.start)),
        reason: explain(err.message()),
    })?;
    let at = |spanned: Spanned<String>| Located {
        line: line_of(text, spanned.span().start),
        value: spanned.into_inner(),
        file: file.clone(),
    };
    let mut styles = Vec::with_capacity(parsed.styles.len());
    for (key, value) in parsed.styles {
        let line = line_of(text, value.span().start);
        if !key.split('.').next().is_some_and(is_namespace) {
            return Err(ThemeError {
                file: file.to_string(),
                line,
                reason: format!("unknown key `{key}`: keys start with {}", namespaces()),
            });
        }
        let style = match value.into_inner() {
            StyleValue::Fg(colour) => RawStyle {
                fg: Some(Located {
                    value: colour,
                    file: file.clone(),
                    line,
                }),
                ..RawStyle::default()
            },
            StyleValue::Table(table) => RawStyle {
                fg: table.fg.map(at),
                bg: table.bg.map(at),
                modifiers: table.modifiers.into_iter().map(at).collect(),
            },
        };
        let located = Located {
            value: style,
            file: file.clone(),
            line,
        };
        styles.push((key, located));
    }
    // A key after `[palette]` lands in the palette: TOML cannot tell, otter can.
    let misplaced = |name: &str| name.contains('.') || name == "inherits" || is_namespace(name);
    if let Some((key, value)) = parsed.palette.iter().find(|(name, _)| misplaced(name)) {
        return Err(ThemeError {
            file: file.to_string(),
            line: line_of(text, value.span().start),
            reason: format!("`{key}` is inside [palette]: put [palette] at the end of the file"),
        });
    }
    let mut palette = Vec::with_capacity(parsed.palette.len());
    for (name, value) in parsed.palette {
        let line = line_of(text, value.span().start);
        let toml::Value::String(colour) = value.into_inner() else {
            return Err(ThemeError {
                file: file.to_string(),
                line,
                reason: format!("palette entry `{name}`: expected a colour string"),
            });
        };
        let file = file.clone();
        palette.push((
            name,
            Located {
                value: colour,
                file,
                line,
            },
        ));
    }
    Ok(RawTheme {
        inherits: parsed.inherits.map(at),
        palette,
        styles,
    })
}

fn line_of(text: &str, offset: usize) -> usize {
    let before = &text.as_bytes()[..offset.min(text.len())];
    before.iter().filter(|&&byte| byte == b'\n').count() + 1
}

fn is_namespace(word: &str) -> bool {
    REQUIRED_KEYS
        .iter()
        .any(|key| key.split('.').next() == Some(word))
}

fn namespaces() -> String {
    let mut names: Vec<&str> = REQUIRED_KEYS
        .iter()
        .filter_map(|key| key.split('.').next())
        .collect();
    names.dedup();
    names.join(", ")
}

/// An unquoted `ui.text = "red"` is a nested table in TOML, which then fails as a style table
/// with a field `text`; say what to do about it.
fn explain(message: &str) -> String {
    let message = message.trim_end();
    if message.starts_with("unknown field") {
        format!("{message}; write dotted keys in quotes, as in \"ui.text\" = \"white\"")
    } else {
        message.to_owned()
    }
}

/// The file as serde sees it. Written by hand because `#[serde(flatten)]` for the style keys
/// would drop the spans, and with them the line numbers.
#[derive(Default)]
struct ThemeFile {
    inherits: Option<Spanned<String>>,
    // Any value, so that a style key misplaced under `[palette]` gets its own message.
    palette: BTreeMap<String, Spanned<toml::Value>>,
    styles: Vec<(String, Spanned<StyleValue>)>,
}

enum StyleValue {
    Fg(String),
    Table(StyleTable),
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct StyleTable {
    fg: Option<Spanned<String>>,
    bg: Option<Spanned<String>>,
    modifiers: Vec<Spanned<String>>,
}

impl<'de> Deserialize<'de> for ThemeFile {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FileVisitor;
        impl<'de> Visitor<'de> for FileVisitor {
            type Value = ThemeFile;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a theme table")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ThemeFile, A::Error> {
                let mut file = ThemeFile::default();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "inherits" => file.inherits = Some(map.next_value()?),
                        "palette" => file.palette = map.next_value()?,
                        _ => file.styles.push((key, map.next_value()?)),
                    }
                }
                Ok(file)
            }
        }
        deserializer.deserialize_map(FileVisitor)
    }
}

impl<'de> Deserialize<'de> for StyleValue {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct StyleVisitor;
        impl<'de> Visitor<'de> for StyleVisitor {
            type Value = StyleValue;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a colour, or a table with fg, bg and modifiers")
            }
            fn visit_str<E: de::Error>(self, colour: &str) -> Result<StyleValue, E> {
                Ok(StyleValue::Fg(colour.to_owned()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<StyleValue, A::Error> {
                StyleTable::deserialize(MapAccessDeserializer::new(map)).map(StyleValue::Table)
            }
        }
        deserializer.deserialize_any(StyleVisitor)
    }
}
