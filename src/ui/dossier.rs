//! The pupil dossier: who the pupil is, their cases, and one timeline of everything recorded
//! about them, newest first. The one screen that names a pupil beside their anonymous cases.

use std::sync::Arc;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, Wrap};

use super::theme::Theme;
use super::timeline;
use crate::app::core::fit::Heights;
use crate::app::{Drawn, Model, View};
use crate::domain::Consent;
use crate::domain::dates::{format_date, format_day};
use crate::domain::phase::Requirement;
use crate::i18n::capitalised;
use crate::query::dossier::PupilDossier;
use crate::query::timeline::Entry;

/// Draws the dossier; how far its timeline or case scrolls, and the timeline's measured
/// entries, come back.
pub fn render(frame: &mut Frame, area: Rect, model: &Model, view: &View, theme: &Theme) -> Drawn {
    let t = model.lang.texts();
    let Some(open) = model.dossier.as_deref() else {
        return Drawn::default();
    };
    let dossier = open.dossier();
    let cases_height = u16::try_from(dossier.cases.len().max(1) + 3)
        .unwrap_or(u16::MAX)
        .min(area.height / 4 + 1);
    let anonymous = !dossier.pseudonyms().is_empty();
    let [header, pupil, cases, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(if anonymous { 4 } else { 3 }),
        Constraint::Length(cases_height),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(area);
    let [title_area, date_area] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(16)]).areas(header);
    frame.render_widget(
        Line::styled(t.dossier_title, theme.style("ui.title")),
        title_area,
    );
    frame.render_widget(
        Line::styled(format_day(model.today, model.lang), theme.style("ui.text")).right_aligned(),
        date_area,
    );
    render_pupil(frame, pupil, model, dossier, theme);
    render_cases(frame, cases, model, view, dossier, theme);
    let (hint, drawn) = if view.dossier.case_open {
        let scroll_max = render_case(frame, body, model, view, dossier, theme);
        let drawn = Drawn {
            scroll_max,
            // The timeline is measured still when it comes back.
            timeline: view.fit.drawn.timeline.clone(),
        };
        (t.dossier_case_keys, drawn)
    } else {
        let drawn = render_timeline(frame, body, model, view, open.timeline(), theme);
        (t.dossier_keys, drawn)
    };
    frame.render_widget(super::status_line(model, view, hint, theme), footer);
    drawn
}

fn render_pupil(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    dossier: &PupilDossier,
    theme: &Theme,
) {
    let t = model.lang.texts();
    let pupil = &dossier.pupil;
    let mut lines = Vec::new();
    let mut spans = vec![
        Span::styled(pupil.full_name(), theme.style("pupil.name")),
        Span::styled(
            format!(
                " · {} {} · {} {}",
                t.col_groep,
                pupil.groep,
                t.col_birth,
                format_date(pupil.birth_date)
            ),
            theme.style("ui.text"),
        ),
    ];
    if !pupil.teacher.is_empty() {
        spans.push(Span::styled(
            format!(" · {} {}", t.col_teacher, pupil.teacher),
            theme.style("ui.text"),
        ));
    }
    // The team knows an anonymous case by its pseudonym: the dossier says which one it is.
    let anonymous = dossier.pseudonyms();
    lines.push(Line::from(spans));
    if !anonymous.is_empty() {
        lines.push(Line::styled(
            (t.dossier_anonymous_as)(&anonymous.join(", ")),
            theme.style("pupil.anonymous"),
        ));
    }
    frame.render_widget(
        Paragraph::new(lines).block(super::panel(&capitalised(t.col_pupil), theme, false)),
        area,
    );
}

fn render_cases(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    view: &View,
    dossier: &PupilDossier,
    theme: &Theme,
) {
    let t = model.lang.texts();
    let block = super::panel(t.dossier_cases, theme, false);
    if dossier.cases.is_empty() {
        frame.render_widget(
            Paragraph::new(t.history_empty)
                .style(theme.style("ui.text.dim"))
                .block(block),
            area,
        );
        return;
    }
    let visible = usize::from(area.height.saturating_sub(3)).max(1);
    let first = (view.dossier.case + 1).saturating_sub(visible);
    let rows = dossier
        .cases
        .iter()
        .enumerate()
        .skip(first)
        .take(visible)
        .map(|(i, records)| {
            let case = &records.case;
            let style = if i == view.dossier.case && dossier.cases.len() > 1 {
                theme.style("ui.selection")
            } else {
                theme.style("ui.text")
            };
            Row::new([
                Cell::from(format!("{}", i + 1)),
                Cell::from(case.question.clone()),
                Cell::from(model.phases.name(&case.phase, model.lang).to_string()),
                Cell::from(case.level.get().to_string()),
                Cell::from(t.consent(case.consent)),
            ])
            .style(style)
        });
    // Wide enough for every consent: "nog niet gevraagd" was cut to "nog niet gev".
    let consent_width = [
        Consent::Unknown,
        Consent::Yes,
        Consent::No,
        Consent::Anonymous,
    ]
    .into_iter()
    .map(|consent| t.consent(consent))
    .chain([t.col_consent])
    .map(|text| text.chars().count())
    .max()
    .unwrap_or_default();
    let table = Table::new(
        rows,
        [
            Constraint::Length(2),
            Constraint::Fill(1),
            Constraint::Length(14),
            Constraint::Length(6),
            Constraint::Length(u16::try_from(consent_width).unwrap_or(u16::MAX)),
        ],
    )
    .header(
        Row::new(["", t.col_question, t.col_phase, t.col_level, t.col_consent])
            .style(theme.style("ui.header")),
    )
    .block(block);
    frame.render_widget(table, area);
}

/// Only the entries in the window are laid out for drawing; every entry is measured at the
/// window's width (once per width: the measure comes back with the frame and the next one
/// reuses it) so that `j` stops at the end however the lines wrap.
fn render_timeline(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    view: &View,
    timeline: &[Entry],
    theme: &Theme,
) -> Drawn {
    let t = model.lang.texts();
    if timeline.is_empty() {
        let lines = vec![Line::styled(t.history_empty, theme.style("ui.text.dim"))];
        let scroll_max = scrolled(frame, area, model, view, t.dossier_timeline, lines, theme);
        return Drawn {
            scroll_max,
            timeline: None,
        };
    }
    let width = area.width.saturating_sub(2);
    let heights = match &view.fit.drawn.timeline {
        Some(measured) if measured.width == width => Arc::clone(measured),
        _ => Arc::new(Heights {
            width,
            rows: timeline
                .iter()
                .map(|entry| wrapped(timeline::entry_lines(entry, model, theme)).line_count(width))
                .collect(),
        }),
    };
    let (offset, overflow) = super::bounded_rows(heights.rows.iter().sum(), area, view);
    let height = usize::from(area.height.saturating_sub(2));
    let (window_top, window_end) = (usize::from(offset), usize::from(offset) + height);
    let mut lines = Vec::new();
    // Rows of the window's first entry above the window: it may be cut at the top.
    let mut cut = 0;
    let mut row = 0;
    for (entry, entry_height) in timeline.iter().zip(&heights.rows) {
        if row >= window_end {
            break;
        }
        let next = row + entry_height;
        if next > window_top {
            if lines.is_empty() {
                cut = window_top - row;
            }
            lines.extend(timeline::entry_lines(entry, model, theme));
        }
        row = next;
    }
    let cut = u16::try_from(cut).unwrap_or(u16::MAX);
    let paragraph = wrapped(lines).scroll((cut, 0));
    let block = scroll_panel(t.dossier_timeline, offset < overflow, model, theme);
    frame.render_widget(paragraph.block(block), area);
    Drawn {
        scroll_max: overflow,
        timeline: Some(heights),
    }
}

/// The chosen case on its own: what it asks and what its phases recorded.
fn render_case(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    view: &View,
    dossier: &PupilDossier,
    theme: &Theme,
) -> u16 {
    let t = model.lang.texts();
    let lang = model.lang;
    let Some(records) = dossier.cases.get(view.dossier.case) else {
        return 0;
    };
    let case = &records.case;
    let label =
        |text: &str| Span::styled(format!("{}: ", capitalised(text)), theme.style("ui.header"));
    let value = |text: String| Span::styled(text, theme.style("ui.text"));
    let mut lines = vec![
        Line::from(vec![label(t.col_question), value(case.question.clone())]),
        Line::from(vec![
            label(t.col_phase),
            value(model.phases.name(&case.phase, lang).to_string()),
        ]),
        Line::from(vec![
            label(t.col_level),
            value(t.levels[usize::from(case.level.get() - 1)].to_string()),
        ]),
        Line::from(vec![
            label(t.col_consent),
            value(t.consent(case.consent).to_string()),
        ]),
    ];
    for requirement in Requirement::ALL {
        if matches!(
            requirement,
            Requirement::Question | Requirement::Consent | Requirement::Action
        ) {
            continue;
        }
        if let Some(recorded) = case.recorded(requirement) {
            lines.push(Line::from(vec![
                label(t.recorded_label(requirement)),
                value(lang.recorded(&recorded, model.today).join("; ")),
            ]));
        }
    }
    let open: Vec<_> = records
        .actions
        .iter()
        .filter(|(a, _)| a.is_open())
        .collect();
    if !open.is_empty() {
        lines.push(Line::from(label(t.label_actions)));
        for (action, owner) in open {
            lines.push(
                value(format!(
                    "  {} — {owner}, {}",
                    action.text,
                    format_day(action.due, lang)
                ))
                .into(),
            );
        }
    }
    let title = format!("{} {}", t.label_case, view.dossier.case + 1);
    scrolled(frame, area, model, view, &title, lines, theme)
}

/// A bordered text that scrolls with `j`/`k`; how far it can scroll comes back.
fn scrolled(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    view: &View,
    title: &str,
    lines: Vec<Line<'static>>,
    theme: &Theme,
) -> u16 {
    let paragraph = wrapped(lines);
    let (offset, overflow) = super::bounded_scroll(&paragraph, area, view);
    let block = scroll_panel(title, offset < overflow, model, theme);
    frame.render_widget(paragraph.scroll((offset, 0)).block(block), area);
    overflow
}

fn wrapped(lines: Vec<Line<'_>>) -> Paragraph<'_> {
    Paragraph::new(lines).wrap(Wrap { trim: false })
}

/// The panel of a scrolled text, saying so at the bottom when there is more below.
fn scroll_panel<'a>(title: &'a str, more: bool, model: &Model, theme: &Theme) -> Block<'a> {
    let block = super::panel(title, theme, true);
    if more {
        block.title_bottom(Span::styled(
            model.lang.texts().more_below,
            theme.style("ui.text.dim"),
        ))
    } else {
        block
    }
}
