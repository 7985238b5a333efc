//! `h` on a case: its whole story over the item, newest first — phase, level and consent
//! changes with their reasons, the notes of earlier meetings, decisions and actions.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::theme::Theme;
use crate::app::{Model, View};
use crate::domain::dates::format_day;
use crate::export::minutes::change_text;
use crate::query::meeting::{CaseBrief, MeetingRoom};

/// One dated entry: a heading line and any text under it.
struct Entry {
    date: NaiveDate,
    heading: String,
    body: Vec<String>,
}

fn entries(brief: &CaseBrief, room: &MeetingRoom, model: &Model) -> Vec<Entry> {
    let t = model.lang.texts();
    let lang = model.lang;
    let mut entries = Vec::new();
    for event in &brief.events {
        let mut heading = change_text(&event.kind, &model.phases, lang);
        if !event.reason.is_empty() {
            heading = format!("{heading} — {}", event.reason);
        }
        entries.push(Entry {
            date: event.date,
            heading,
            body: Vec::new(),
        });
    }
    for note in brief.notes.iter().filter(|n| !n.text.trim().is_empty()) {
        let phase = note.phase.as_deref().map_or(String::new(), |p| {
            format!(" · {}", model.phases.name(p, lang))
        });
        entries.push(Entry {
            date: note.date,
            heading: format!("{}{phase}", t.meeting_notes),
            body: note.text.lines().map(str::to_string).collect(),
        });
    }
    for decision in &brief.decisions {
        entries.push(Entry {
            date: decision.date,
            heading: format!("{}: {}", t.history_decision, decision.text),
            body: Vec::new(),
        });
    }
    for action in &brief.own_actions {
        let owner = room.owner_name(&action.owner);
        entries.push(Entry {
            date: action.created,
            heading: format!(
                "{}: {} — {owner}, {} ({})",
                t.history_action,
                action.text,
                format_day(action.due, lang),
                t.status(&action.status)
            ),
            body: Vec::new(),
        });
    }
    // Newest first, so what happened lately is what fits; same-day entries keep their order.
    entries.sort_by_key(|entry| std::cmp::Reverse(entry.date));
    entries
}

pub fn render(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    view: &View,
    room: &MeetingRoom,
    brief: &CaseBrief,
    theme: &Theme,
) {
    let t = model.lang.texts();
    let entries = entries(brief, room, model);
    let mut lines = Vec::new();
    if entries.is_empty() {
        lines.push(Line::styled(t.history_empty, theme.style("ui.text.dim")));
    }
    for entry in entries {
        lines.push(Line::from(vec![
            Span::styled(
                format!("{}  ", format_day(entry.date, model.lang)),
                theme.style("ui.text.dim"),
            ),
            Span::styled(entry.heading, theme.style("ui.text")),
        ]));
        lines.extend(
            entry
                .body
                .into_iter()
                .map(|text| Line::styled(format!("    {text}"), theme.style("ui.text"))),
        );
    }
    let paragraph = Paragraph::new(lines)
        .style(theme.style("ui.background"))
        .wrap(Wrap { trim: false });
    let visible = usize::from(area.height.saturating_sub(2));
    let overflow = paragraph
        .line_count(area.width.saturating_sub(2))
        .saturating_sub(visible);
    let overflow = u16::try_from(overflow).unwrap_or(u16::MAX);
    view.item_scroll_max.set(overflow);
    let offset = view.item_scroll.min(overflow);
    let hint = if offset < overflow {
        format!("{} · {}", t.more_below, t.history_hint)
    } else {
        t.history_hint.to_string()
    };
    let block = Block::bordered()
        .border_style(theme.style("ui.border.focus"))
        .title(Span::styled(
            format!("{} · {}", t.label_history, brief.subject),
            theme.style("ui.title"),
        ))
        .title_bottom(Span::styled(hint, theme.style("ui.text.dim")));
    frame.render_widget(Clear, area);
    frame.render_widget(paragraph.scroll((offset, 0)).block(block), area);
}
