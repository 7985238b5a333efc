//! The start screen: the next OT, the school in numbers, and what is overdue.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table};

use crate::app::{Model, View};
use crate::domain::dates::format_day;

pub fn render(frame: &mut Frame, area: Rect, model: &Model, view: &View) {
    let t = model.lang.texts();
    let [header, top, overdue, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(6),
        Constraint::Min(5),
        Constraint::Length(1),
    ])
    .areas(area);

    let bold = Style::new().add_modifier(Modifier::BOLD);
    let mut title = vec![Span::styled(t.app_title, bold)];
    if model.demo {
        title.push(Span::raw("   "));
        title.push(Span::styled(
            t.dash_demo_banner,
            Style::new().add_modifier(Modifier::REVERSED),
        ));
    }
    let [title_area, date_area] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(16)]).areas(header);
    frame.render_widget(Line::from(title), title_area);
    frame.render_widget(
        Line::from(format_day(model.today, model.lang)).right_aligned(),
        date_area,
    );

    let [meeting_area, school_area] =
        Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(top);
    let dashboard = &model.dashboard;
    let meeting_lines = match &dashboard.next_meeting {
        Some(next) => vec![
            Line::styled(
                format!(
                    "{} {}",
                    format_day(next.date, model.lang),
                    next.time.format("%H:%M")
                ),
                bold,
            ),
            Line::from(next.place.clone()),
            Line::from((t.count_cases)(next.cases)),
        ],
        None => vec![Line::from(t.dash_no_meeting)],
    };
    frame.render_widget(
        Paragraph::new(meeting_lines).block(Block::bordered().title(t.dash_next_meeting)),
        meeting_area,
    );
    let school_lines = vec![
        Line::from(format!("{}: {}", t.kind_pupil, dashboard.pupils)),
        Line::from(format!("{}: {}", t.kind_case, dashboard.active_cases)),
        Line::from(format!("OT: {}", dashboard.members)),
    ];
    frame.render_widget(
        Paragraph::new(school_lines).block(Block::bordered().title(t.dash_school)),
        school_area,
    );

    let block = Block::new().borders(Borders::TOP).title(format!(
        "{} ({})",
        t.dash_overdue,
        dashboard.overdue.len()
    ));
    if dashboard.overdue.is_empty() {
        frame.render_widget(Paragraph::new(t.dash_no_overdue).block(block), overdue);
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
                    Cell::from((t.days_overdue)(row.days_overdue)),
                    Cell::from(row.owner.clone()),
                    Cell::from(row.pupil.clone()),
                    Cell::from(row.text.clone()),
                ])
            });
        let table = Table::new(
            rows,
            [
                Constraint::Length(14),
                Constraint::Length(9),
                Constraint::Length(15),
                Constraint::Length(16),
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
            .style(bold),
        )
        .block(block);
        frame.render_widget(table, overdue);
    }
    frame.render_widget(
        Line::styled(t.dash_keys, Style::new().add_modifier(Modifier::DIM)),
        footer,
    );
}
