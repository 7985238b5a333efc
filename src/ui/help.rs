//! The `?` overlay: the keys of the screen in front, generated from the keymap.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::theme::Theme;
use crate::app::keymap::Binding;
use crate::i18n::Texts;

/// How a key is written for people: arrows as arrows, Control as on the keyboard.
fn label(key: &str) -> String {
    match key {
        "up" => "↑".into(),
        "down" => "↓".into(),
        "left" => "←".into(),
        "right" => "→".into(),
        "esc" => "Esc".into(),
        "enter" => "Enter".into(),
        "tab" => "Tab".into(),
        other => match other.strip_prefix("ctrl-") {
            Some(rest) => format!("Ctrl-{rest}"),
            None => other.to_string(),
        },
    }
}

fn keys_of(binding: &Binding) -> String {
    binding
        .keys
        .iter()
        .map(|k| label(k))
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn render(frame: &mut Frame, area: Rect, bindings: &[Binding], t: &Texts, theme: &Theme) {
    let key_width = bindings
        .iter()
        .map(|b| keys_of(b).chars().count())
        .max()
        .unwrap_or(0);
    let lines: Vec<Line> = bindings
        .iter()
        .map(|binding| {
            let keys = keys_of(binding);
            Line::from(vec![
                Span::styled(format!("{keys:>key_width$}"), theme.style("ui.help.key")),
                Span::raw("  "),
                Span::styled(t.action(binding.action), theme.style("ui.text")),
            ])
        })
        .collect();
    let width = lines.iter().map(Line::width).max().unwrap_or(0) as u16 + 4;
    let height = lines.len() as u16 + 2;
    let [popup] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(popup);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines)
            .style(theme.style("ui.background"))
            .block(
                Block::bordered()
                    .border_style(theme.style("ui.border.focus"))
                    .title(Span::styled(t.help_title, theme.style("ui.title"))),
            ),
        popup,
    );
}
