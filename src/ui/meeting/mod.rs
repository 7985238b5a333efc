//! The meeting screen: agenda on the left with each item's time, the item in front on the
//! right, the clock and the item's timer on top. Only the pupil being discussed is named.

pub(crate) mod circles;
pub(crate) mod form;
pub(crate) mod history;
pub(crate) mod minutes;
pub(crate) mod plan;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::app::meeting::notes::NoteEditor;
use crate::app::meeting::signal::Picker;
use crate::app::overlay::prompt::Prompt;
use crate::app::{Drawn, Model, OverlayKind, View};
use crate::domain::dates::format_day;
use crate::domain::meeting::AgendaKind;
use crate::i18n::wording::agenda_title;
use crate::i18n::{Texts, capitalised};
use crate::query::actions::ActionRow;
use crate::query::meeting::{CaseBrief, MeetingRoom};
use crate::ui::panel;
use crate::ui::theme::Theme;

/// A timer turns "near" this long before its timebox is up.
const NEAR_SECONDS: u32 = 2 * 60;

pub fn render(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    view: &View,
    room: &MeetingRoom,
    theme: &Theme,
) -> Drawn {
    let t = model.lang.texts();
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    render_header(frame, header, model, room, theme);
    if let Some(form) = view.form() {
        crate::ui::meeting::form::render(frame, body, footer, model, view, room, form, theme);
        return Drawn::default();
    }
    let agenda_width = (area.width / 3).clamp(28, 48);
    let [agenda, item] =
        Layout::horizontal([Constraint::Length(agenda_width), Constraint::Min(0)]).areas(body);
    // While the picker lists pupils, the one in front goes by initials too.
    let named = !view.overlays.is_open(OverlayKind::Picker);
    render_agenda(frame, agenda, model, room, named, theme);
    let item = match view.editor() {
        Some(open) => {
            let [top, bottom] =
                Layout::vertical([Constraint::Min(6), Constraint::Percentage(45)]).areas(item);
            render_editor(frame, bottom, model, open, theme);
            top
        }
        None => item,
    };
    let mut scroll_max = render_item(frame, item, model, view, room, theme);
    // The history over the item is what scrolls while it is open.
    if let Some(brief) = room
        .current_case()
        .filter(|_| view.overlays.is_open(OverlayKind::History))
    {
        scroll_max =
            crate::ui::meeting::history::render(frame, item, model, view, room, brief, theme);
    }
    if let Some(prompt) = view.overlays.get::<Prompt>() {
        crate::ui::overlay::prompt::render(frame, item, model, prompt, theme);
    }
    if let Some(picker) = view.overlays.get::<Picker>() {
        crate::ui::overlay::picker::render(frame, item, model, picker, theme);
    }
    let keys = if view.overlays.is_open(OverlayKind::Picker) {
        crate::ui::overlay::picker::hint(view, t)
    } else if view.editor().is_some() {
        t.editor_hint
    } else if crate::app::meeting::attendance::on_item(model, &AgendaKind::Opening) {
        t.attendance_keys
    } else {
        t.meeting_keys
    };
    frame.render_widget(crate::ui::status_line(model, view, keys, theme), footer);
    Drawn {
        scroll_max,
        timeline: None,
    }
}

fn render_editor(frame: &mut Frame, area: Rect, model: &Model, open: &NoteEditor, theme: &Theme) {
    let t = model.lang.texts();
    // A case's notes belong to its phase; the meeting's own items' notes to no phase.
    let title = match open.note.phase.as_deref() {
        Some(phase) => format!(
            "{} · {}",
            t.meeting_notes,
            model.phases.name(phase, model.lang)
        ),
        None => t.meeting_notes.to_string(),
    };
    let block = Block::bordered()
        .border_style(theme.style("ui.border.focus"))
        .title(Span::styled(title, theme.style("ui.title")));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    // Drawn as it is, not a styled copy: a pasted report can be long, and the editor's own
    // cursor (reversed) shows in every theme, the monochrome one too. The text takes the
    // theme's colours from the painted background.
    frame.render_widget(&open.editor, inner);
}

fn clock(seconds: u32) -> String {
    format!("{:02}:{:02}", seconds / 60, seconds % 60)
}

/// The style of an item's time: running, nearly up, over, or paused.
fn timer_style(used: u32, timebox_minutes: u16, running: bool, theme: &Theme) -> Style {
    let limit = u32::from(timebox_minutes) * 60;
    if used > limit {
        theme.style("timer.over")
    } else if used + NEAR_SECONDS > limit {
        theme.style("timer.near")
    } else if running {
        theme.style("timer.running")
    } else {
        theme.style("timer.paused")
    }
}

fn render_header(frame: &mut Frame, area: Rect, model: &Model, room: &MeetingRoom, theme: &Theme) {
    let t = model.lang.texts();
    let meeting = &room.meeting;
    let now = model.now;
    let index = meeting.current_item;
    let used = meeting.seconds_on(index, now);
    let timebox = meeting.agenda.get(index).map_or(0, |i| i.timebox_minutes);
    let (spent, planned) = meeting.progress(now);
    let mut timer = vec![Span::styled(
        format!("{}/{:02}:00", clock(used), timebox),
        timer_style(used, timebox, meeting.timer_running(), theme),
    )];
    if !meeting.timer_running() {
        timer.push(Span::styled(
            format!(" {}", t.meeting_timer_paused),
            theme.style("timer.paused"),
        ));
    }
    let right = Line::from(
        [
            vec![Span::styled(
                format!("{}  ", now.format("%H:%M")),
                theme.style("ui.title"),
            )],
            timer,
            vec![Span::styled(
                format!(
                    "  {}/{} · {spent}/{planned} min",
                    index + 1,
                    meeting.agenda.len()
                ),
                theme.style("ui.text"),
            )],
        ]
        .concat(),
    )
    .right_aligned();
    let title = Line::styled(
        format!(
            "{} {}",
            capitalised(t.meeting_kind(meeting.kind)),
            format_day(meeting.date, model.lang)
        ),
        theme.style("ui.title"),
    );
    let [left, right_area] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(right.width() as u16)])
            .areas(area);
    frame.render_widget(title, left);
    frame.render_widget(right, right_area);
}

fn render_agenda(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    room: &MeetingRoom,
    named: bool,
    theme: &Theme,
) {
    let t = model.lang.texts();
    let meeting = &room.meeting;
    let inner_width = usize::from(area.width.saturating_sub(2));
    let lines: Vec<Line> = meeting
        .agenda
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let current = index == meeting.current_item;
            let title = match &item.kind {
                // Another pupil than the one discussed is never named in full.
                AgendaKind::Case { case } => room.cases.get(case).map_or(String::new(), |brief| {
                    let shown = if current && named {
                        brief.subject()
                    } else {
                        brief.short()
                    };
                    t.pseudonym(&shown).into_owned()
                }),
                other => agenda_title(other, t),
            };
            let used = meeting.seconds_on(index, model.now) / 60;
            let time = format!("{used}/{}", item.timebox_minutes);
            let marker = if current { "▶" } else { " " };
            let marker = format!("{marker}{:>2} ", index + 1);
            // In characters: the current item's ▶ is three bytes.
            let room_for_title =
                inner_width.saturating_sub(marker.chars().count() + time.len() + 1);
            let title: String = title.chars().take(room_for_title).collect();
            let gap = inner_width
                .saturating_sub(marker.chars().count() + title.chars().count() + time.len());
            let style = if current {
                theme.style("agenda.current")
            } else if index < meeting.current_item {
                theme.style("agenda.done")
            } else {
                theme.style("ui.text")
            };
            Line::styled(format!("{marker}{title}{}{time}", " ".repeat(gap)), style)
        })
        .collect();
    // Keep the current item in view on a long agenda.
    let visible = usize::from(area.height.saturating_sub(2));
    let scroll = meeting
        .current_item
        .saturating_sub(visible.saturating_sub(1));
    frame.render_widget(
        Paragraph::new(lines)
            .scroll((u16::try_from(scroll).unwrap_or(0), 0))
            .block(panel(t.meeting_agenda, theme, false)),
        area,
    );
}

fn render_item(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    view: &View,
    room: &MeetingRoom,
    theme: &Theme,
) -> u16 {
    let t = model.lang.texts();
    let meeting = &room.meeting;
    let Some(item) = meeting.agenda.get(meeting.current_item) else {
        return 0;
    };
    let title = agenda_title(&item.kind, t);
    let width = usize::from(area.width.saturating_sub(2)).max(1);
    let visible = usize::from(area.height.saturating_sub(2));
    // A list is built from the rows around the chosen one; rows before `first` are skipped.
    let first = match item.kind {
        AgendaKind::Actions => view.selected.saturating_sub(visible),
        _ => 0,
    };
    let lines = match &item.kind {
        AgendaKind::Case { case } => match room.cases.get(case) {
            Some(brief) => case_lines(brief, width, model, theme),
            None => Vec::new(),
        },
        AgendaKind::Actions => {
            action_lines(room, model, view, first..view.selected + visible + 1, theme)
        }
        AgendaKind::Opening => attendance_lines(room, model, view, theme),
        other => {
            let mut lines = vec![Line::styled(hint(other, t), theme.style("ui.text"))];
            let previous = room
                .previous
                .as_ref()
                .filter(|_| *other == AgendaKind::PreviousMinutes);
            if let Some(previous) = previous {
                let day = crate::domain::dates::format_day(previous.date, model.lang);
                lines.push(Line::styled(
                    (t.previous_minutes)(&day, previous.id.0, previous.cases),
                    theme.style("ui.text.dim"),
                ));
            }
            lines.push(Line::default());
            match room.item_note().filter(|note| !note.text.trim().is_empty()) {
                Some(note) => lines.extend(
                    note.text
                        .lines()
                        .map(|line| Line::styled(line.to_string(), theme.style("ui.text"))),
                ),
                None => lines.push(Line::styled(t.meeting_no_notes, theme.style("ui.text.dim"))),
            }
            // Below this meeting's note on the item: the minutes it is about, to scroll through.
            if let Some(previous) = previous.filter(|previous| previous.minutes.is_some()) {
                lines.push(Line::default());
                lines.extend(crate::ui::meeting::minutes::lines(previous, model, theme));
            }
            lines
        }
    };
    // A long list scrolls with its chosen row (three heading lines come before the rows, when
    // the list is built from its top). Word wrapping may need a line more than the width says,
    // hence the spare line.
    let is_list = matches!(item.kind, AgendaKind::Actions | AgendaKind::Opening);
    let heading = if first == 0 { 3 } else { 0 };
    let through_selected: usize = lines
        .iter()
        .take(heading + view.selected - first + 1)
        .map(|line| line.width().div_ceil(width).max(1))
        .sum();
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    let (offset, overflow) = if is_list {
        let offset = (through_selected + 1).saturating_sub(visible);
        (u16::try_from(offset).unwrap_or(u16::MAX), 0)
    } else {
        // Anything else that does not fit scrolls with j/k.
        crate::ui::bounded_scroll(&paragraph, area, view)
    };
    let mut block = panel(&title, theme, true);
    // While a note, a form or a question is open `j` is a letter: no hint that it scrolls.
    let keys_scroll = !view.overlays.is_open(OverlayKind::Editor)
        && !view.overlays.is_open(OverlayKind::Prompt)
        && !view.overlays.is_open(OverlayKind::Picker);
    if offset < overflow && keys_scroll {
        block = block
            .title_bottom(Line::styled(t.more_below, theme.style("ui.text.dim")).right_aligned());
    }
    frame.render_widget(paragraph.scroll((offset, 0)).block(block), area);
    overflow
}

fn hint(kind: &AgendaKind, t: &Texts) -> String {
    match kind {
        AgendaKind::Opening => t.hint_opening.into(),
        AgendaKind::PreviousMinutes => t.hint_previous_minutes.into(),
        AgendaKind::NewSignals => t.hint_new_signals.into(),
        AgendaKind::Rondvraag => t.hint_rondvraag.into(),
        AgendaKind::Closing => t.hint_closing.into(),
        AgendaKind::Other { title } => title.clone(),
        AgendaKind::Actions | AgendaKind::Case { .. } => String::new(),
    }
}

fn case_lines<'a>(
    brief: &'a CaseBrief,
    width: usize,
    model: &'a Model,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let t = model.lang.texts();
    let lang = model.lang;
    let case = &brief.case;
    let name_style = if brief.shown().is_named() {
        theme.style("pupil.name")
    } else {
        theme.style("pupil.anonymous")
    };
    // The consent itself, not the name: marked until the parents said "ja".
    let consent_style = if case.consent == crate::domain::Consent::Yes {
        theme.style("ui.text")
    } else {
        theme.style("consent.missing")
    };
    let level = usize::from(case.level.get()) - 1;
    let mut heading = vec![Span::styled(
        t.pseudonym(&brief.subject()).into_owned(),
        name_style,
    )];
    if let Some(groep) = brief.groep() {
        heading.push(Span::styled(
            format!(" · {} {groep}", t.col_groep),
            theme.style("ui.text"),
        ));
    }
    let mut lines = vec![
        Line::from(heading),
        Line::from(vec![
            Span::styled(
                format!("{}: ", t.meeting_question),
                theme.style("ui.header"),
            ),
            Span::styled(case.question.clone(), theme.style("ui.text")),
        ]),
        Line::from(vec![
            Span::styled(
                format!("{}: ", capitalised(t.col_consent)),
                theme.style("ui.header"),
            ),
            Span::styled(t.consent(case.consent), consent_style),
            Span::styled(
                format!("   {}: ", capitalised(t.col_level)),
                theme.style("ui.header"),
            ),
            Span::styled(t.levels[level.min(4)], theme.style("level")),
        ]),
        Line::default(),
    ];
    let phases = &model.phases;
    let current = phases.position(&case.phase);
    let mut strip = Vec::new();
    for (index, phase) in phases.phases().iter().enumerate() {
        if index > 0 {
            strip.push(Span::styled(" › ", theme.style("ui.text.dim")));
        }
        let name = phase.name.get(lang).clone();
        let (text, style) = match current {
            Some(at) if at == index => (format!("[{name}]"), theme.style("phase.current")),
            Some(at) if index < at => (name, theme.style("phase.done")),
            _ => (name, theme.style("phase.todo")),
        };
        strip.push(Span::styled(text, style));
    }
    lines.push(Line::from(strip));
    lines.push(Line::default());
    if let Some(phase) = phases.get(&case.phase) {
        let purpose = phase.purpose.get(lang);
        lines.push(Line::styled(
            format!("{} — {purpose}", phase.name.get(lang)),
            theme.style("ui.title"),
        ));
        for question in phase.questions.get(lang) {
            lines.push(Line::styled(
                format!("  • {question}"),
                theme.style("ui.text"),
            ));
        }
        lines.push(Line::default());
    }
    lines.extend(crate::ui::meeting::form::summary(case, width, model, theme));
    let meeting = model.meeting.as_ref().map(|room| room.meeting.id);
    let note = meeting
        .and_then(|id| brief.note_of(id))
        .filter(|note| !note.text.trim().is_empty());
    // In Beeldvorming `e` opens the circles, which are that phase's notes: no empty notes to
    // invite there.
    let has_form = crate::app::meeting::form::kind_of(&model.phases, &case.phase)
        == Some(crate::app::meeting::form::Kind::Circles);
    match note {
        Some(note) => {
            lines.push(Line::styled(t.meeting_notes, theme.style("ui.header")));
            lines.extend(
                note.text
                    .lines()
                    .map(|line| Line::styled(format!("  {line}"), theme.style("ui.text"))),
            );
        }
        None if has_form => {}
        None => {
            lines.push(Line::styled(t.meeting_notes, theme.style("ui.header")));
            lines.push(Line::styled(
                format!("  {}", t.meeting_no_notes),
                theme.style("ui.text.dim"),
            ));
        }
    }
    let agreed: Vec<_> = brief
        .decisions
        .iter()
        .filter(|d| meeting.is_some() && d.meeting == meeting)
        .collect();
    if !agreed.is_empty() {
        lines.push(Line::styled(t.kind_decision, theme.style("ui.header")));
        for decision in agreed {
            lines.push(Line::styled(
                format!("  • {}", decision.text),
                theme.style("ui.text"),
            ));
        }
    }
    lines.push(Line::default());
    if brief.missing.is_empty() {
        lines.push(Line::styled(t.meeting_ready, theme.style("phase.done")));
    } else {
        let missing: Vec<&str> = brief.missing.iter().map(|r| t.requirement(*r)).collect();
        lines.push(Line::styled(
            format!("{}:", t.meeting_missing),
            theme.style("ui.warning"),
        ));
        lines.push(Line::styled(
            format!("  {}", missing.join(", ")),
            theme.style("ui.warning"),
        ));
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        t.meeting_open_actions,
        theme.style("ui.header"),
    ));
    if brief.actions.is_empty() {
        lines.push(Line::styled(
            format!("  {}", t.meeting_no_actions),
            theme.style("ui.text.dim"),
        ));
    }
    for action in &brief.actions {
        let style = action_style(action, theme);
        lines.push(Line::styled(
            format!(
                "  {}  {} — {}",
                format_day(action.due, lang),
                action.text,
                action.owner
            ),
            style,
        ));
    }
    lines
}

/// The earlier actions in `window`, with the heading when the window starts at the top: a
/// large school has thousands open, and only those near the chosen one can be on screen.
fn action_lines<'a>(
    room: &'a MeetingRoom,
    model: &'a Model,
    view: &View,
    window: std::ops::Range<usize>,
    theme: &Theme,
) -> Vec<Line<'a>> {
    use crate::domain::ActionStatus;
    let t = model.lang.texts();
    if room.earlier_actions.is_empty() {
        return vec![Line::styled(
            t.meeting_no_actions,
            theme.style("ui.text.dim"),
        )];
    }
    let mut lines = Vec::new();
    if window.start == 0 {
        lines.extend([
            Line::styled(t.meeting_earlier_actions, theme.style("ui.header")),
            Line::styled(t.review_hint, theme.style("ui.text.dim")),
            Line::default(),
        ]);
    }
    let shown = room.earlier_actions.iter().enumerate();
    for (index, (record, action)) in shown.skip(window.start).take(window.len()) {
        let (mark, style) = match &record.status {
            ActionStatus::Open => ("·", action_style(action, theme)),
            ActionStatus::Done { .. } => ("✓", theme.style("action.done")),
            ActionStatus::Dropped { .. } => ("✗", theme.style("action.dropped")),
        };
        let style = if index == view.selected {
            theme.style("ui.selection")
        } else {
            style
        };
        let pupil = room.earlier_pupil(record, action);
        let pupil = t.pseudonym(&pupil);
        let who = if pupil.is_empty() {
            action.owner.clone()
        } else {
            format!("{} · {pupil}", action.owner)
        };
        lines.push(Line::styled(
            format!(
                " {mark} {}  {} — {who}",
                format_day(action.due, model.lang),
                action.text
            ),
            style,
        ));
    }
    lines
}

fn attendance_lines<'a>(
    room: &'a MeetingRoom,
    model: &Model,
    view: &View,
    theme: &Theme,
) -> Vec<Line<'a>> {
    use crate::domain::meeting::{Attendee, Presence};
    let t = model.lang.texts();
    let mut lines = vec![
        Line::styled(t.hint_opening, theme.style("ui.text")),
        Line::styled(t.attendance_hint, theme.style("ui.text.dim")),
        Line::default(),
    ];
    for (index, row) in room.meeting.attendance.iter().enumerate() {
        let (name, role) = match &row.who {
            Attendee::Member(id) => room
                .members
                .iter()
                .find(|m| m.id == *id)
                .map_or((String::new(), ""), |m| (m.name.clone(), t.role(m.role))),
            // On the wall: their name or the chair's words for them may name the pupil.
            Attendee::Guest { role, .. } => (t.guest(*role), ""),
        };
        let (mark, style) = match row.presence {
            Presence::Present => ("✓", theme.style("phase.done")),
            Presence::AbsentWithNotice => ("–", theme.style("ui.warning")),
            Presence::Absent => ("✗", theme.style("ui.error")),
            Presence::NotRecorded => ("?", theme.style("ui.text.dim")),
        };
        let who = if role.is_empty() {
            name
        } else {
            format!("{name} ({role})")
        };
        let text = format!(" {mark} {who}: {}", t.presence(row.presence));
        let style = if index == view.selected {
            theme.style("ui.selection")
        } else {
            style
        };
        lines.push(Line::styled(text, style));
    }
    lines
}

fn action_style(action: &ActionRow, theme: &Theme) -> Style {
    if action.days_overdue > 0 {
        theme.style("action.overdue")
    } else {
        theme.style("action.open")
    }
}

/// What a blanked screen shows: nothing of the data, one message in the middle, wrapped
/// where it is wider than the window.
pub fn render_blank(frame: &mut Frame, area: Rect, message: &str, theme: &Theme) {
    let style = theme.style("privacy.blank");
    frame.render_widget(Block::new().style(style), area);
    let chars = u16::try_from(message.chars().count()).unwrap_or(u16::MAX);
    // A word moved to the next line can take one line more than the characters need.
    let rows = match chars.div_ceil(area.width.max(1)) {
        0 | 1 => 1,
        rows => rows + 1,
    };
    let [middle] = Layout::vertical([Constraint::Length(rows)])
        .flex(ratatui::layout::Flex::Center)
        .areas(area);
    if rows == 1 {
        frame.render_widget(Line::styled(message, style).centered(), middle);
    } else {
        let wrapped = Paragraph::new(message).style(style).centered();
        frame.render_widget(wrapped.wrap(Wrap { trim: true }), middle);
    }
}
