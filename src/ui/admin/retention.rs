//! The closed cases past the bewaartermijn. The screen may be on the projector, so a pupil is
//! shown by initials and groep (an anonymous case by its pseudonym), never by name.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Row, Table, Wrap};

use crate::app::overlay::prompt::Prompt;
use crate::app::{Model, View};
use crate::domain::dates::format_day;
use crate::query::retention::RetentionList;
use crate::ui::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, model: &Model, view: &View, theme: &Theme) {
    let t = model.lang.texts();
    let p = t.privacy;
    let [header, rule, table_area, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(area);
    let empty = RetentionList::default();
    let list = model.retention.as_ref().unwrap_or(&empty);
    frame.render_widget(
        Line::styled(
            format!("{} ({})", p.retention_title, list.expired.len()),
            theme.style("ui.title"),
        ),
        header,
    );
    frame.render_widget(
        Paragraph::new((p.retention_rule)(list.years))
            .style(theme.style("ui.text"))
            .wrap(Wrap { trim: true }),
        rule,
    );
    let block = Block::new()
        .borders(Borders::TOP)
        .border_style(theme.style("ui.border"));
    if list.expired.is_empty() {
        frame.render_widget(
            Paragraph::new(p.retention_empty)
                .style(theme.style("ui.text.dim"))
                .block(block),
            table_area,
        );
    } else {
        let visible = usize::from(table_area.height.saturating_sub(2)).max(1);
        let selected = view.selected.min(list.expired.len() - 1);
        let top = (selected + 1).saturating_sub(visible);
        let rows = list
            .expired
            .iter()
            .enumerate()
            .skip(top)
            .take(visible)
            .map(|(index, row)| {
                let style = if index == selected {
                    theme.style("ui.selection")
                } else {
                    theme.style("ui.text")
                };
                let groep = row.shown.groep().map_or(String::new(), |g| g.to_string());
                Row::new(vec![
                    row.shown.short().to_string(),
                    groep,
                    format_day(row.closed, model.lang),
                    format_day(row.erasable_from, model.lang),
                ])
                .style(style)
            });
        let widths = [
            Constraint::Fill(1),
            Constraint::Length(6),
            Constraint::Length(16),
            Constraint::Length(18),
        ];
        let table = Table::new(rows, widths)
            .header(Row::new(p.retention_cols.to_vec()).style(theme.style("ui.header")))
            .block(block);
        frame.render_widget(table, table_area);
    }
    if let Some(prompt) = view.overlays.get::<Prompt>() {
        crate::ui::overlay::prompt::render(frame, table_area, model, prompt, theme);
    }
    frame.render_widget(
        crate::ui::status_line(model, view, p.retention_keys, theme),
        footer,
    );
}
