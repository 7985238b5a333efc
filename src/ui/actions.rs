//! The actions screen: the filter and the count on top, then the actions by due date. Only the
//! rows that fit are built: a large school has over 150 000 actions, and building them all
//! each frame costs tens of milliseconds a key.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table};

use super::theme::Theme;
use crate::app::actions::ActionList;
use crate::app::overlay::prompt::Prompt;
use crate::app::{Model, View};
use crate::domain::ActionStatus;
use crate::domain::dates::format_day;
use crate::i18n::Texts;
use crate::query::actions::{Filter, Status};

pub fn render(frame: &mut Frame, area: Rect, model: &Model, view: &View, theme: &Theme) {
    let t = model.lang.texts();
    let [header, table_area, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(area);
    let empty = ActionList::default();
    let list = model.action_list.as_ref().unwrap_or(&empty);

    let count = (t.count_actions)(list.entries.len());
    let [title_area, count_area] = Layout::horizontal([
        Constraint::Min(0),
        Constraint::Length(count.chars().count() as u16 + 2),
    ])
    .areas(header);
    let mut title = vec![Span::styled(t.actions_title, theme.style("ui.title"))];
    if model.demo {
        title.push(Span::raw("  "));
        title.push(Span::styled(t.dash_demo_banner, theme.style("ui.warning")));
    }
    frame.render_widget(Line::from(title), title_area);
    frame.render_widget(
        Line::styled(count, theme.style("ui.header")).right_aligned(),
        count_area,
    );

    // The filter on the rule over the table, where it has the whole width.
    let block = Block::new()
        .borders(Borders::TOP)
        .border_style(theme.style("ui.border"))
        .title(Span::styled(
            format!(" {} ", summary(&list.filter, t, model.presenting())),
            theme.style("ui.header"),
        ));
    if list.entries.is_empty() {
        frame.render_widget(
            Paragraph::new(t.actions_none)
                .style(theme.style("ui.text.dim"))
                .block(block),
            table_area,
        );
    } else {
        // The border and the column names take two lines.
        let visible = usize::from(table_area.height.saturating_sub(2)).max(1);
        let selected = view.actions.selected.min(list.entries.len() - 1);
        // One status asked for is named in the header; its column would only repeat it.
        let mixed = list.filter.status() == Status::All || list.strays;
        // After a resize the remembered window may no longer hold the chosen row.
        let top = view
            .actions
            .top
            .min(selected)
            .max((selected + 1).saturating_sub(visible));
        let rows =
            list.entries
                .iter()
                .enumerate()
                .skip(top)
                .take(visible)
                .map(|(index, (_, row))| {
                    let overdue = if row.days_overdue > 0 {
                        (t.days_overdue)(row.days_overdue)
                    } else {
                        String::new()
                    };
                    let status = match row.status {
                        ActionStatus::Open => "action.open",
                        ActionStatus::Done { .. } => "action.done",
                        ActionStatus::Dropped { .. } => "action.dropped",
                    };
                    let style = if index == selected {
                        theme.style("ui.selection")
                    } else {
                        theme.style("ui.text")
                    };
                    let mut cells = vec![
                        Cell::from(format_day(row.due, model.lang)),
                        Cell::from(overdue).style(theme.style("action.overdue")),
                        Cell::from(row.owner.as_str()),
                        Cell::from(row.pupil.as_str()),
                    ];
                    if mixed {
                        cells.push(Cell::from(t.status(&row.status)).style(theme.style(status)));
                    }
                    cells.push(Cell::from(row.text.as_str()));
                    Row::new(cells).style(style)
                });
        // A pseudonym ("Leerling KR-47") cut short would name another case.
        let pupil_width = (table_area.width * 17 / 100).max(14);
        let mut widths = vec![
            Constraint::Length(14),
            Constraint::Length(9),
            Constraint::Percentage(17),
            Constraint::Length(pupil_width),
        ];
        let mut header = vec![t.col_due, t.col_overdue, t.col_owner, t.col_pupil];
        if mixed {
            widths.push(Constraint::Length(9));
            header.push(t.col_status);
        }
        widths.push(Constraint::Fill(1));
        header.push(t.col_action);
        let table = Table::new(rows, widths)
            .header(Row::new(header).style(theme.style("ui.header")))
            .block(block);
        frame.render_widget(table, table_area);
    }
    if let Some(prompt) = view.overlays.get::<Prompt>() {
        super::prompt::render(frame, table_area, model, prompt, theme);
    }
    frame.render_widget(
        super::status_line(model, view, t.actions_keys, theme),
        footer,
    );
}

/// The filter in words: "status: open · te laat · eigenaar: Fatma". While the room sees the
/// screen a pupil filter is named without its text: what was typed may be a name (BRIEF §8).
fn summary(filter: &Filter, t: &Texts, presenting: bool) -> String {
    let mut parts = vec![format!("{}: {}", t.col_status, filter.status().label(t))];
    if filter.overdue {
        parts.push(t.filter_overdue.to_string());
    }
    for (label, value, names_pupil) in [
        (t.filter_owner, &filter.owner, false),
        (t.filter_pupil, &filter.pupil, true),
        (t.filter_meeting, &filter.meeting, false),
    ] {
        if let Some(value) = value {
            let shown = match presenting && names_pupil {
                true => t.privacy.filter_hidden,
                false => value,
            };
            parts.push(format!("{label}: {shown}"));
        }
    }
    parts.join(" · ")
}
