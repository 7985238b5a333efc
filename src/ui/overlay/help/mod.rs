//! The `?` overlay: the keys of the screen in front, generated from the keymap.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::app::core::keymap::{Binding, Context};
use crate::app::overlay::InOverlay;
use crate::i18n::Texts;
use crate::ui::theme::Theme;

/// How a key is written for people: arrows as arrows, Control as on the keyboard.
pub(super) fn label(key: &str) -> String {
    match key {
        "up" => "↑".into(),
        "down" => "↓".into(),
        "left" => "←".into(),
        "right" => "→".into(),
        "esc" => "Esc".into(),
        "enter" => "Enter".into(),
        "tab" => "Tab".into(),
        "backtab" => "Shift-Tab".into(),
        "delete" => "Del".into(),
        "backspace" => "⌫".into(),
        "pgup" => "PgUp".into(),
        "pgdn" => "PgDn".into(),
        other => match other.strip_prefix("ctrl-") {
            Some(rest) => format!("Ctrl-{rest}"),
            None => other.to_string(),
        },
    }
}

/// One line of the help: keys, and what they do.
pub struct Entry {
    keys: String,
    text: &'static str,
}

/// What the help lists: the screen's commands, each as what it does on the screen `context`
/// (`Command::describe_on`), then the keys that work inside what opens over it.
pub fn entries(bindings: &[Binding], context: Context, t: &Texts) -> Vec<Entry> {
    let keys = |keys: &mut dyn Iterator<Item = &str>| keys.map(label).collect::<Vec<_>>().join(" ");
    let commands = bindings.iter().map(|binding| Entry {
        keys: keys(&mut binding.keys.iter().map(String::as_str)),
        text: binding.command.describe_on(context, t),
    });
    let overlays = InOverlay::on(context).iter().map(|key| Entry {
        keys: keys(&mut key.keys().iter().copied()),
        text: key.describe(t),
    });
    commands.chain(overlays).collect()
}

/// How a binding's description is laid out.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fold {
    /// Wrapped under itself.
    Wrap,
    /// One line, ending in "…" when cut: on a small screen every key is worth more than the
    /// end of a sentence.
    Cut,
}

/// The lines of one entry: its keys, then what it does.
fn entry<'a>(
    entry: &Entry,
    key_width: usize,
    text_width: usize,
    fold: Fold,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let (keys, text) = (&entry.keys, entry.text);
    let lines = match fold {
        Fold::Wrap => crate::ui::wrap(text, text_width),
        Fold::Cut => vec![cut(text, text_width)],
    };
    lines
        .into_iter()
        .enumerate()
        .map(|(index, text)| {
            let keys = if index == 0 { keys.as_str() } else { "" };
            Line::from(vec![
                Span::styled(format!("{keys:>key_width$}  "), theme.style("ui.help.key")),
                Span::styled(text, theme.style("ui.text")),
            ])
        })
        .collect()
}

/// `text` in at most `width` columns, its end replaced by "…" when it does not fit.
fn cut(text: &str, width: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if text.width() <= width {
        return text.to_string();
    }
    let mut used = 1;
    let mut kept: String = text
        .chars()
        .take_while(|c| {
            used += c.width().unwrap_or(0);
            used <= width
        })
        .collect();
    kept.truncate(kept.trim_end().len());
    kept.push('…');
    kept
}

/// The lines of a column of entries, the keys right-aligned to the column's widest.
fn column<'a>(entries: &[Entry], width: usize, fold: Fold, theme: &Theme) -> Vec<Line<'a>> {
    let key_width = entries
        .iter()
        .map(|e| e.keys.chars().count())
        .max()
        .unwrap_or(0);
    let text_width = width.saturating_sub(key_width + 2).max(1);
    entries
        .iter()
        .flat_map(|e| entry(e, key_width, text_width, fold, theme))
        .collect()
}

pub fn render(frame: &mut Frame, area: Rect, entries: &[Entry], t: &Texts, theme: &Theme) {
    let room = usize::from(area.height.saturating_sub(2));
    let full = usize::from(area.width.saturating_sub(4));
    // One column while it fits the screen's height; otherwise two side by side, split where
    // the taller of the two is shortest once the descriptions are wrapped to a half; and when
    // even that is too tall, each description cut to one line.
    let single = column(entries, full, Fold::Wrap, theme);
    let columns: Vec<Vec<Line>> = if single.len() <= room || entries.len() < 2 {
        vec![single]
    } else {
        let half = usize::from(area.width.saturating_sub(7)) / 2;
        let pair = |fold| {
            (1..entries.len())
                .map(|at| {
                    let (left, right) = entries.split_at(at);
                    vec![
                        column(left, half, fold, theme),
                        column(right, half, fold, theme),
                    ]
                })
                .min_by_key(|pair| pair.iter().map(Vec::len).max())
                .unwrap_or_default()
        };
        let wrapped = pair(Fold::Wrap);
        if wrapped.iter().map(Vec::len).max().unwrap_or(0) <= room {
            wrapped
        } else {
            pair(Fold::Cut)
        }
    };
    let column_width = columns.iter().flatten().map(Line::width).max().unwrap_or(0) as u16;
    let tallest = columns.iter().map(Vec::len).max().unwrap_or(0) as u16;
    let gap = 3;
    let count = columns.len() as u16;
    let width = column_width * count + gap * (count - 1) + 4;
    let [popup] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::vertical([Constraint::Length((tallest + 2).min(area.height))])
        .flex(Flex::Center)
        .areas(popup);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .border_style(theme.style("ui.border.focus"))
        .title(Span::styled(t.help_title, theme.style("ui.title")))
        .style(theme.style("ui.background"));
    let inner = block.inner(popup).inner(Margin::new(1, 0));
    frame.render_widget(block, popup);
    let parts = Layout::horizontal(vec![Constraint::Length(column_width); columns.len()])
        .spacing(gap)
        .split(inner);
    for (lines, part) in columns.into_iter().zip(parts.iter()) {
        frame.render_widget(Paragraph::new(lines), *part);
    }
}

#[cfg(test)]
mod tests;
