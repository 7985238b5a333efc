//! The preparation screen: the agenda with each item's timebox on the left, who is invited on
//! the right, the planned minutes against the meeting's length on top. It is shown on the
//! projector too, so cases are named by initials or pseudonym only.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::panel;
use super::prompt;
use super::theme::Theme;
use crate::app::overlay::prompt::Prompt;
use crate::app::prepare::PrepareView;
use crate::app::prepare::team::{self, Invite};
use crate::app::{Model, View};
use crate::domain::dates::format_day;
use crate::domain::meeting::{AgendaKind, Attendee};
use crate::i18n::wording::{agenda_title, proposal_reason};
use crate::query::prepare::Preparation;

pub fn render(frame: &mut Frame, area: Rect, model: &Model, view: &View, theme: &Theme) {
    let t = model.lang.texts();
    let [header, body, proposed, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    match &model.prepare {
        Some(preparation) => {
            render_header(frame, header, model, preparation, theme);
            let [agenda, people] =
                Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
                    .areas(body);
            render_agenda(frame, agenda, model, preparation, &view.prepare, theme);
            render_team(frame, people, model, preparation, &view.prepare, theme);
            render_proposed(frame, proposed, model, preparation, theme);
        }
        None => {
            frame.render_widget(
                Line::styled(t.prepare_title, theme.style("ui.title")),
                header,
            );
            frame.render_widget(
                Paragraph::new(t.prepare_no_meeting)
                    .style(theme.style("ui.text"))
                    .block(panel(t.meeting_agenda, theme, true)),
                body,
            );
        }
    }
    if let Some(open) = view.overlays.get::<Prompt>() {
        prompt::render(frame, body, model, open, theme);
    }
    let keys = if view.prepare.on_team {
        t.prepare_keys_team
    } else {
        t.prepare_keys_agenda
    };
    frame.render_widget(super::status_line(model, view, keys, theme), footer);
}

fn render_header(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    preparation: &Preparation,
    theme: &Theme,
) {
    let t = model.lang.texts();
    let meeting = &preparation.meeting;
    let planned = meeting.planned_minutes();
    let style = if planned > preparation.length {
        theme.style("ui.warning")
    } else {
        theme.style("ui.text")
    };
    let minutes =
        Line::styled((t.prepare_minutes)(planned, preparation.length), style).right_aligned();
    let mut title = format!(
        "{} · {} {} {}",
        t.prepare_title,
        t.meeting_kind(meeting.kind),
        format_day(meeting.date, model.lang),
        meeting.time.format("%H:%M"),
    );
    if !meeting.place.is_empty() {
        title.push_str(&format!(" · {}", meeting.place));
    }
    let [left, right] = Layout::horizontal([
        Constraint::Min(0),
        Constraint::Length(minutes.width() as u16),
    ])
    .areas(area);
    frame.render_widget(Line::styled(title, theme.style("ui.title")), left);
    frame.render_widget(minutes, right);
}

/// How far a list scrolls so that its chosen row stays in view.
fn scroll(selected: usize, area: Rect) -> u16 {
    let visible = usize::from(area.height.saturating_sub(2));
    u16::try_from(selected.saturating_sub(visible.saturating_sub(1))).unwrap_or(0)
}

fn render_agenda(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    preparation: &Preparation,
    state: &PrepareView,
    theme: &Theme,
) {
    let t = model.lang.texts();
    let width = usize::from(area.width.saturating_sub(2));
    let agenda = &preparation.meeting.agenda;
    let overrun = crate::domain::agenda::overrun_from(agenda, preparation.length);
    let lines: Vec<Line> = preparation
        .meeting
        .agenda
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let title = match &item.kind {
                AgendaKind::Case { case } => preparation.cases.get(case).map_or_else(
                    || t.agenda_case.to_string(),
                    |line| {
                        let phase = model.phases.name(&line.phase, model.lang);
                        match preparation.why(*case) {
                            Some(why) => {
                                format!("{} · {phase} · {}", line.short, proposal_reason(why, t))
                            }
                            None => format!("{} · {phase}", line.short),
                        }
                    },
                ),
                other => agenda_title(other, t),
            };
            let chosen = index == state.item;
            let marker = if chosen { "▶" } else { " " };
            let start = format!("{marker}{:>2} ", index + 1);
            // Past the planned length: marked in every theme, the monochrome one too.
            let beyond = overrun.is_some_and(|from| index >= from);
            let time = format!(
                "{}{:>2} min",
                if beyond { "!" } else { " " },
                item.timebox_minutes
            );
            let room = width.saturating_sub(start.chars().count() + time.len() + 1);
            let title: String = title.chars().take(room).collect();
            let gap =
                width.saturating_sub(start.chars().count() + title.chars().count() + time.len());
            let style = match (chosen, state.on_team) {
                (true, false) => theme.style("ui.selection"),
                (true, true) => theme.style("agenda.current"),
                _ => theme.style("ui.text"),
            };
            let time_style = if beyond && !chosen {
                theme.style("ui.warning")
            } else {
                style
            };
            Line::from(vec![
                Span::styled(format!("{start}{title}{}", " ".repeat(gap)), style),
                Span::styled(time, time_style),
            ])
        })
        .collect();
    let mut block = panel(t.meeting_agenda, theme, !state.on_team);
    if let Some(from) = overrun {
        let over = preparation.meeting.planned_minutes() - preparation.length;
        block = block.title_bottom(Line::styled(
            (t.prepare_overrun)(over, from + 1),
            theme.style("ui.warning"),
        ));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .scroll((scroll(state.item, area), 0))
            .block(block),
        area,
    );
}

fn render_team(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    preparation: &Preparation,
    state: &PrepareView,
    theme: &Theme,
) {
    let t = model.lang.texts();
    // With a meeting open or the presentation mode on the room may see this screen: a guest
    // is shown by the catalog's role only, as on the mailed agenda.
    let presenting = model.presenting();
    let lines: Vec<Line> = team::rows(preparation)
        .iter()
        .enumerate()
        .map(|(index, row)| {
            let (name, role, guest) = match &row.who {
                Attendee::Member(id) => preparation
                    .members
                    .iter()
                    .find(|m| m.id == *id)
                    .map_or((String::new(), "", false), |m| {
                        (m.name.clone(), t.role(m.role), false)
                    }),
                Attendee::Guest { role, .. } if presenting => (t.guest(*role), "", false),
                Attendee::Guest { name, role, title } => {
                    (name.clone(), t.guest_role(*role, title), true)
                }
            };
            let (mark, state_text, style) = match row.invite {
                Invite::Invited => ("✓", None, theme.style("ui.text")),
                Invite::Excused => ("–", Some(t.prepare_excused), theme.style("ui.warning")),
                Invite::NotInvited => {
                    ("·", Some(t.prepare_not_invited), theme.style("ui.text.dim"))
                }
            };
            // Name and state first: on a narrow screen the role is what gets cut.
            let mut text = format!(" {mark} {name}");
            if let Some(state_text) = state_text {
                text.push_str(&format!(": {state_text}"));
            }
            if guest {
                text.push_str(&format!(" · {}", t.prepare_guest));
            }
            if !role.is_empty() {
                text.push_str(&format!(" ({role})"));
            }
            let style = if state.on_team && index == state.person {
                theme.style("ui.selection")
            } else {
                style
            };
            Line::styled(text, style)
        })
        .collect();
    frame.render_widget(
        Paragraph::new(lines)
            .scroll((scroll(state.person, area), 0))
            .block(panel(t.prepare_team, theme, state.on_team)),
        area,
    );
}

/// The proposed cases the agenda lacks, by initials or pseudonym, each with why.
fn render_proposed(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    preparation: &Preparation,
    theme: &Theme,
) {
    let t = model.lang.texts();
    let names: Vec<String> = preparation
        .missing()
        .filter_map(|case| {
            let line = preparation.cases.get(&case)?;
            Some(match preparation.why(case) {
                Some(why) => format!("{} ({})", line.short, proposal_reason(why, t)),
                None => line.short.clone(),
            })
        })
        .collect();
    if names.is_empty() {
        return;
    }
    frame.render_widget(
        Line::from(vec![
            // The count says how many there are when the line is cut at the window's edge.
            Span::styled(
                format!("{}: ", (t.prepare_proposed)(names.len())),
                theme.style("ui.header"),
            ),
            Span::styled(names.join(", "), theme.style("ui.text")),
        ]),
        area,
    );
}
