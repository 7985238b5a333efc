//! The start screen: the next OT, the school in numbers, and what is overdue.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table};

use super::theme::Theme;
use crate::app::{Model, View};
use crate::domain::dates::format_day;

pub fn render(frame: &mut Frame, area: Rect, model: &Model, view: &View, theme: &Theme) {
    let t = model.lang.texts();
    let [header, top, overdue, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(6),
        Constraint::Min(5),
        Constraint::Length(1),
    ])
    .areas(area);

    let mut title = vec![Span::styled(t.app_title, theme.style("ui.title"))];
    if model.demo {
        title.push(Span::raw("   "));
        title.push(Span::styled(t.dash_demo_banner, theme.style("ui.warning")));
    }
    let [title_area, date_area] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(16)]).areas(header);
    frame.render_widget(Line::from(title), title_area);
    frame.render_widget(
        Line::styled(format_day(model.today, model.lang), theme.style("ui.text")).right_aligned(),
        date_area,
    );

    let [meeting_area, school_area] =
        Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(top);
    let panel = |title: &'static str| {
        Block::bordered()
            .border_style(theme.style("ui.border"))
            .title(Span::styled(title, theme.style("ui.header")))
    };
    let dashboard = &model.dashboard;
    let meeting_lines = match &dashboard.next_meeting {
        Some(next) => vec![
            Line::styled(
                format!(
                    "{} {}",
                    format_day(next.date, model.lang),
                    next.time.format("%H:%M")
                ),
                theme.style("ui.title"),
            ),
            Line::from(next.place.clone()),
            Line::from((t.count_cases)(next.cases)),
        ],
        None => vec![Line::from(t.dash_no_meeting)],
    };
    frame.render_widget(
        Paragraph::new(meeting_lines)
            .style(theme.style("ui.text"))
            .block(panel(t.dash_next_meeting)),
        meeting_area,
    );
    let school_lines = vec![
        Line::from(format!("{}: {}", t.kind_pupil, dashboard.pupils)),
        Line::from(format!("{}: {}", t.kind_case, dashboard.active_cases)),
        Line::from(format!("OT: {}", dashboard.members)),
    ];
    frame.render_widget(
        Paragraph::new(school_lines)
            .style(theme.style("ui.text"))
            .block(panel(t.dash_school)),
        school_area,
    );

    let block = Block::new()
        .borders(Borders::TOP)
        .border_style(theme.style("ui.border"))
        .title(Span::styled(
            format!("{} ({})", t.dash_overdue, dashboard.overdue.len()),
            theme.style("ui.header"),
        ));
    if dashboard.overdue.is_empty() {
        frame.render_widget(
            Paragraph::new(t.dash_no_overdue)
                .style(theme.style("ui.text.dim"))
                .block(block),
            overdue,
        );
    } else {
        // Only the rows that fit are built: a large school has thousands.
        let visible = usize::from(overdue.height.saturating_sub(2));
        let rows = dashboard
            .overdue
            .iter()
            .skip(view.overdue_offset)
            .take(visible)
            .map(|row| {
                Row::new([
                    Cell::from(format_day(row.due, model.lang)),
                    Cell::from((t.days_overdue)(row.days_overdue))
                        .style(theme.style("action.overdue")),
                    Cell::from(row.owner.clone()),
                    Cell::from(row.pupil.clone()),
                    Cell::from(row.text.clone()),
                ])
                .style(theme.style("ui.text"))
            });
        let table = Table::new(
            rows,
            [
                Constraint::Length(14),
                Constraint::Length(10),
                Constraint::Percentage(20),
                Constraint::Percentage(18),
                Constraint::Fill(1),
            ],
        )
        .header(
            Row::new([
                t.col_due,
                t.col_overdue,
                t.col_owner,
                t.col_pupil,
                t.col_action,
            ])
            .style(theme.style("ui.header")),
        )
        .block(block);
        frame.render_widget(table, overdue);
    }
    if let Some(prompt) = &view.prompt {
        super::prompt::render(frame, overdue, model, prompt, theme);
    }
    let status = match (&model.notice, &view.flash) {
        (Some(notice), _) => Line::styled(notice.clone(), theme.style("ui.error")),
        (None, Some(flash)) => Line::styled(flash.clone(), theme.style("ui.warning")),
        (None, None) if view.prompt.is_some() => {
            Line::styled(t.prompt_hint, theme.style("ui.text.dim"))
        }
        (None, None) => Line::styled(t.dash_keys, theme.style("ui.text.dim")),
    };
    frame.render_widget(status, footer);
}
