//! The `:` command palette over any screen: the query on top, the matching commands below
//! with the keys that also do them.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::app::overlay::palette::Palette;
use crate::i18n::Texts;
use crate::ui::theme::Theme;

/// Rows shown at most; the chosen one is kept in view.
const ROWS: usize = 12;

pub fn render(frame: &mut Frame, area: Rect, palette: &Palette, t: &Texts, theme: &Theme) {
    let matches = palette.matches();
    let shown = matches.len().clamp(1, ROWS);
    let width = area.width.saturating_sub(4).min(72);
    let height = (shown as u16 + 4).min(area.height);
    let [popup] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(area);
    let [_, popup, _] = Layout::vertical([
        Constraint::Length(area.height / 6),
        Constraint::Length(height),
        Constraint::Min(0),
    ])
    .areas(popup);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .border_style(theme.style("ui.border.focus"))
        .title(Span::styled(":", theme.style("ui.title")))
        .title_bottom(Span::styled(t.palette_hint, theme.style("ui.text.dim")))
        .style(theme.style("ui.background"));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [query, rule, list] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(inner);
    frame.render_widget(Block::new().style(theme.style("ui.text")), query);
    frame.render_widget(&palette.query, query);
    frame.render_widget(
        Line::styled(
            "─".repeat(usize::from(rule.width)),
            theme.style("ui.border"),
        ),
        rule,
    );
    if matches.is_empty() {
        frame.render_widget(
            Line::styled(t.nothing_found, theme.style("ui.text.dim")),
            list,
        );
        return;
    }
    let first = palette.selected.saturating_sub(ROWS - 1);
    let width = usize::from(list.width);
    let lines: Vec<Line> = matches
        .iter()
        .enumerate()
        .skip(first)
        .take(ROWS)
        .map(|(index, row)| {
            let keys: Vec<String> = row
                .keys
                .iter()
                .map(|k| crate::ui::overlay::help::label(k))
                .collect();
            let keys = keys.join(" ");
            let room = width.saturating_sub(keys.chars().count() + 2);
            let name: String = row.name.chars().take(room).collect();
            let gap = width.saturating_sub(1 + name.chars().count() + keys.chars().count());
            let (name_style, key_style) = if index == palette.selected {
                (theme.style("ui.selection"), theme.style("ui.selection"))
            } else {
                (theme.style("ui.text"), theme.style("ui.help.key"))
            };
            Line::from(vec![
                Span::styled(format!(" {name}{}", " ".repeat(gap)), name_style),
                Span::styled(keys, key_style),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}
