//! The audit log: when, what, by which command, how many — never whom. Newest first; only the
//! rows that fit are built.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Row, Table};

use crate::app::{Model, View};
use crate::domain::dates::format_day;
use crate::ui::theme::Theme;

/// From this width the four columns stand side by side, one line a row.
const WIDE: u16 = 120;

pub fn render(frame: &mut Frame, area: Rect, model: &Model, view: &View, theme: &Theme) {
    let t = model.lang.texts();
    let p = t.privacy;
    let [header, table_area, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(Line::styled(p.audit_title, theme.style("ui.title")), header);
    let block = Block::new()
        .borders(Borders::TOP)
        .border_style(theme.style("ui.border"));
    if model.audit.is_empty() {
        frame.render_widget(
            Paragraph::new(p.audit_empty)
                .style(theme.style("ui.text.dim"))
                .block(block),
            table_area,
        );
    } else {
        // Narrow: when and what stacked, and the counts wrapped, two lines a row.
        let wide = table_area.width >= WIDE;
        let height = if wide { 1 } else { 2 };
        let visible = (usize::from(table_area.height.saturating_sub(2)) / height).max(1);
        let selected = view.selected.min(model.audit.len() - 1);
        let top = (selected + 1).saturating_sub(visible);
        let counts_width = usize::from(table_area.width.saturating_sub(20 + 24 + 2));
        let rows = model
            .audit
            .iter()
            .enumerate()
            .skip(top)
            .take(visible)
            .map(|(index, entry)| {
                let when = format!(
                    "{} {}",
                    format_day(entry.at.date(), model.lang),
                    entry.at.format("%H:%M")
                );
                let kind = p.audit_kind(entry.kind).to_string();
                let counts = p.counts(&entry.counts);
                let style = if index == selected {
                    theme.style("ui.selection")
                } else {
                    theme.style("ui.text")
                };
                let cells = if wide {
                    vec![when, kind, entry.command.clone(), counts]
                } else {
                    vec![
                        format!("{when}\n{kind}"),
                        entry.command.clone(),
                        crate::ui::wrap(&counts, counts_width).join("\n"),
                    ]
                };
                Row::new(cells).height(height as u16).style(style)
            });
        let (widths, header) = if wide {
            (
                vec![
                    Constraint::Length(20),
                    Constraint::Length(22),
                    Constraint::Length(24),
                    Constraint::Fill(1),
                ],
                p.audit_cols.map(String::from).to_vec(),
            )
        } else {
            let [when, what, command, counts] = p.audit_cols;
            (
                vec![
                    Constraint::Length(20),
                    Constraint::Length(24),
                    Constraint::Fill(1),
                ],
                vec![format!("{when} · {what}"), command.into(), counts.into()],
            )
        };
        let table = Table::new(rows, widths)
            .header(Row::new(header).style(theme.style("ui.header")))
            .block(block);
        frame.render_widget(table, table_area);
    }
    frame.render_widget(
        crate::ui::status_line(model, view, p.audit_keys, theme),
        footer,
    );
}
