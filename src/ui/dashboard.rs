//! The start screen: the next OT, then four lists — my open actions, everyone's overdue
//! ones, cases past their evaluation date, cases changed lately. At 80x24 the list in focus
//! takes the room and the others are one line each; from 140x35 all four stand in a grid.
//! Only the rows that fit are built: a large school has thousands.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

use super::theme::Theme;
use crate::app::dashboard::Panel;
use crate::app::overlay::prompt::Prompt;
use crate::app::{Model, View};
use crate::domain::MeetingState;
use crate::domain::dates::format_day;
use crate::i18n::Texts;
use crate::i18n::wording::change_text;
use crate::query::dashboard::Total;

/// From this size on the four lists stand side by side in two rows.
const GRID_WIDTH: u16 = 140;
const GRID_HEIGHT: u16 = 30;

pub fn render(frame: &mut Frame, area: Rect, model: &Model, view: &View, theme: &Theme) {
    let t = model.lang.texts();
    let [header, meeting, lists, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(3),
        Constraint::Min(5),
        Constraint::Length(1),
    ])
    .areas(area);

    let mut heading = vec![Span::styled(t.app_title, theme.style("ui.title"))];
    if model.demo {
        heading.push(Span::raw("   "));
        heading.push(Span::styled(t.dash_demo_banner, theme.style("ui.warning")));
    }
    let [title_area, date_area] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(16)]).areas(header);
    frame.render_widget(Line::from(heading), title_area);
    frame.render_widget(
        Line::styled(format_day(model.today, model.lang), theme.style("ui.text")).right_aligned(),
        date_area,
    );
    render_meeting(frame, meeting, model, theme);

    if lists.width >= GRID_WIDTH && lists.height >= GRID_HEIGHT {
        let [top, bottom] =
            Layout::vertical([Constraint::Fill(1), Constraint::Fill(1)]).areas(lists);
        let halves = |row: Rect| {
            Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas::<2>(row)
        };
        let [a, b] = halves(top);
        let [c, d] = halves(bottom);
        for (panel, area) in Panel::ALL.into_iter().zip([a, b, c, d]) {
            render_panel(frame, area, model, view, panel, theme);
        }
    } else {
        // The list in focus takes the room; the others are their title, in order.
        let rows = Panel::ALL.map(|panel| {
            if panel == view.dashboard.panel {
                Constraint::Min(4)
            } else {
                Constraint::Length(1)
            }
        });
        let areas = Layout::vertical(rows).split(lists);
        for (panel, area) in Panel::ALL.into_iter().zip(areas.iter()) {
            if panel == view.dashboard.panel {
                render_panel(frame, *area, model, view, panel, theme);
            } else {
                let line = Line::from(vec![
                    Span::styled("  ", theme.style("ui.text.dim")),
                    Span::styled(title(panel, model), theme.style("ui.text.dim")),
                ]);
                frame.render_widget(line, *area);
            }
        }
    }

    if let Some(prompt) = view.overlays.get::<Prompt>() {
        super::prompt::render(frame, lists, model, prompt, theme);
    }
    frame.render_widget(super::status_line(model, view, t.dash_keys, theme), footer);
}

fn render_meeting(frame: &mut Frame, area: Rect, model: &Model, theme: &Theme) {
    let t = model.lang.texts();
    let line = match &model.dashboard.next_meeting {
        Some(next) => Line::from(vec![
            Span::styled(
                format!(
                    "{} {}",
                    format_day(next.date, model.lang),
                    next.time.format("%H:%M")
                ),
                theme.style("ui.title"),
            ),
            // Under "Volgende OT" a meeting already running reads as one still to come.
            Span::styled(
                if next.state == MeetingState::Open {
                    format!(" · {}", t.meeting_open)
                } else {
                    String::new()
                },
                theme.style("ui.warning"),
            ),
            Span::styled(
                format!(" · {} · {}", next.place, (t.count_cases)(next.cases)),
                theme.style("ui.text"),
            ),
        ]),
        None => Line::styled(t.dash_no_meeting, theme.style("ui.text")),
    };
    frame.render_widget(
        Paragraph::new(line).block(super::panel(t.dash_next_meeting, theme, false)),
        area,
    );
}

/// A list's title with its length; mine names whose they are.
fn title(panel: Panel, model: &Model) -> String {
    let t = model.lang.texts();
    let dashboard = &model.dashboard;
    let count = panel.len(dashboard);
    // A list the presentation mode keeps off the projector was not counted: "(0)" would
    // say it is empty.
    let hidden = dashboard.presentation && matches!(panel, Panel::Mine | Panel::Overdue);
    match panel {
        Panel::Mine if hidden => match &dashboard.me {
            Some(me) => format!("{} · {}", t.dash_mine, me.name),
            None => t.dash_mine.to_string(),
        },
        Panel::Overdue if hidden => t.dash_overdue.to_string(),
        Panel::Mine => match &dashboard.me {
            Some(me) => format!("{} · {} ({count})", t.dash_mine, me.name),
            None => t.dash_mine.to_string(),
        },
        // Past `LIST_CAP` the first ones are listed, and how many there are.
        Panel::Overdue => format!(
            "{} ({})",
            t.dash_overdue,
            (t.dash_count_of)(count, dashboard.overdue_total.max(count))
        ),
        Panel::Evaluations => {
            let total = match dashboard.evaluations_total {
                Total::Exact(total) => (t.dash_count_of)(count, total),
                Total::AtMost(total) => (t.dash_count_of_at_most)(count, total),
            };
            format!("{} ({total})", t.dash_evaluations)
        }
        Panel::Recent => format!(
            "{} ({})",
            t.dash_recent,
            (t.dash_count_of)(count, dashboard.recent_total)
        ),
    }
}

fn empty_text(panel: Panel, model: &Model) -> &'static str {
    let t = model.lang.texts();
    match panel {
        Panel::Mine | Panel::Overdue if model.dashboard.presentation => {
            t.privacy.presentation_hidden
        }
        Panel::Mine if model.dashboard.me.is_none() => t.dash_no_me,
        Panel::Mine => t.dash_no_mine,
        Panel::Overdue => t.dash_no_overdue,
        Panel::Evaluations => t.dash_no_evaluations,
        Panel::Recent => t.dash_no_recent,
    }
}

fn render_panel(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    view: &View,
    panel: Panel,
    theme: &Theme,
) {
    let focus = panel == view.dashboard.panel;
    let title = title(panel, model);
    let block = super::panel(&title, theme, focus);
    if panel.len(&model.dashboard) == 0 {
        frame.render_widget(
            Paragraph::new(empty_text(panel, model))
                .style(theme.style("ui.text.dim"))
                .wrap(ratatui::widgets::Wrap { trim: true })
                .block(block),
            area,
        );
        return;
    }
    // Borders and the header row; the chosen row is kept in sight.
    let visible = usize::from(area.height.saturating_sub(3)).max(1);
    let selected = view.dashboard.selected(panel);
    let first = (selected + 1).saturating_sub(visible);
    let shown = first..first + visible;
    let t = model.lang.texts();
    let (header, widths, rows) = columns(panel, model, t, shown, theme);
    let rows = rows.into_iter().enumerate().map(|(i, row)| {
        let style = if focus && first + i == selected {
            theme.style("ui.selection")
        } else {
            theme.style("ui.text")
        };
        row.style(style)
    });
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(theme.style("ui.header")))
        .block(block);
    frame.render_widget(table, area);
}

/// The header, widths and rows `shown` of a list.
fn columns(
    panel: Panel,
    model: &Model,
    t: &'static Texts,
    shown: std::ops::Range<usize>,
    theme: &Theme,
) -> (Vec<&'static str>, Vec<Constraint>, Vec<Row<'static>>) {
    let lang = model.lang;
    let dashboard = &model.dashboard;
    let late = |days: i64| {
        if days > 0 {
            Cell::from((t.days_overdue)(days)).style(theme.style("action.overdue"))
        } else {
            Cell::from("")
        }
    };
    let take = |len: usize| shown.start.min(len)..shown.end.min(len);
    match panel {
        Panel::Mine => (
            vec![t.col_due, t.col_overdue, t.col_pupil, t.col_action],
            vec![
                Constraint::Length(14),
                Constraint::Length(9),
                Constraint::Percentage(28),
                Constraint::Fill(1),
            ],
            dashboard.mine[take(dashboard.mine.len())]
                .iter()
                .map(|row| {
                    Row::new([
                        Cell::from(format_day(row.due, lang)),
                        late(row.days_overdue),
                        Cell::from(row.pupil.clone()),
                        Cell::from(row.text.clone()),
                    ])
                })
                .collect(),
        ),
        Panel::Overdue => (
            vec![
                t.col_due,
                t.col_overdue,
                t.col_owner,
                t.col_pupil,
                t.col_action,
            ],
            vec![
                Constraint::Length(14),
                Constraint::Length(9),
                Constraint::Percentage(20),
                Constraint::Percentage(20),
                Constraint::Fill(1),
            ],
            dashboard.overdue[take(dashboard.overdue.len())]
                .iter()
                .map(|row| {
                    Row::new([
                        Cell::from(format_day(row.due, lang)),
                        late(row.days_overdue),
                        Cell::from(row.owner.clone()),
                        Cell::from(row.pupil.clone()),
                        Cell::from(row.text.clone()),
                    ])
                })
                .collect(),
        ),
        Panel::Evaluations => (
            vec![
                t.label_evaluation,
                t.col_overdue,
                t.col_pupil,
                t.col_phase,
                t.col_level,
            ],
            vec![
                Constraint::Length(14),
                Constraint::Length(9),
                Constraint::Fill(2),
                Constraint::Fill(1),
                Constraint::Length(6),
            ],
            dashboard.evaluations[take(dashboard.evaluations.len())]
                .iter()
                .map(|row| {
                    Row::new([
                        Cell::from(format_day(row.date, lang)),
                        late((model.today - row.date).num_days()),
                        Cell::from(row.subject.clone()),
                        Cell::from(model.phases.name(&row.phase, lang).to_string()),
                        Cell::from(row.level.to_string()),
                    ])
                })
                .collect(),
        ),
        Panel::Recent => (
            vec![t.col_date, t.col_pupil, t.col_change],
            vec![
                Constraint::Length(14),
                Constraint::Percentage(30),
                Constraint::Fill(1),
            ],
            dashboard.recent[take(dashboard.recent.len())]
                .iter()
                .map(|row| {
                    let change = row
                        .change
                        .as_ref()
                        .map(|kind| change_text(kind, &model.phases, lang))
                        .unwrap_or_default();
                    Row::new([
                        Cell::from(format_day(row.date, lang)),
                        Cell::from(row.subject.clone()),
                        Cell::from(change),
                    ])
                })
                .collect(),
        ),
    }
}
