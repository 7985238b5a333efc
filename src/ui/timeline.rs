//! A case's story as dated entries, newest first: phase, level and consent changes with their
//! reasons, notes, decisions and actions with their status. Shared by the meeting's `h`
//! overlay and the pupil dossier, so both tell the same story in the same words.

use chrono::NaiveDate;
use ratatui::text::{Line, Span};

use super::theme::Theme;
use crate::app::Model;
use crate::domain::dates::format_day;
use crate::domain::{Action, CaseEvent, Decision, Note};
use crate::export::minutes::change_text;

/// One dated entry: a heading line and any text under it.
pub struct Entry {
    pub date: NaiveDate,
    pub heading: String,
    pub body: Vec<String>,
}

/// What is recorded about one case; `owner` names an action's owner.
pub struct Records<'a> {
    pub events: &'a [CaseEvent],
    pub notes: &'a [Note],
    pub decisions: &'a [Decision],
    pub actions: Vec<(&'a Action, String)>,
}

/// The entries of `records`, each heading after `prefix` (the case, when a dossier holds
/// more than one), in the order recorded; sort them newest first with `newest_first`.
pub fn entries(records: Records, prefix: &str, model: &Model) -> Vec<Entry> {
    let t = model.lang.texts();
    let lang = model.lang;
    let mut entries = Vec::new();
    for event in records.events {
        let mut heading = format!("{prefix}{}", change_text(&event.kind, &model.phases, lang));
        if !event.reason.is_empty() {
            heading = format!("{heading} — {}", event.reason);
        }
        entries.push(Entry {
            date: event.date,
            heading,
            body: Vec::new(),
        });
    }
    for note in records.notes.iter().filter(|n| !n.text.trim().is_empty()) {
        let phase = note.phase.as_deref().map_or(String::new(), |p| {
            format!(" · {}", model.phases.name(p, lang))
        });
        entries.push(Entry {
            date: note.date,
            heading: format!("{prefix}{}{phase}", t.meeting_notes),
            body: note.text.lines().map(str::to_string).collect(),
        });
    }
    for decision in records.decisions {
        entries.push(Entry {
            date: decision.date,
            heading: format!("{prefix}{}: {}", t.history_decision, decision.text),
            body: Vec::new(),
        });
    }
    for (action, owner) in records.actions {
        entries.push(Entry {
            date: action.created,
            heading: format!(
                "{prefix}{}: {} — {owner}, {} ({})",
                t.history_action,
                action.text,
                format_day(action.due, lang),
                t.status(&action.status)
            ),
            body: Vec::new(),
        });
    }
    entries
}

/// Newest first, so what happened lately is what fits; same-day entries keep their order.
pub fn newest_first(entries: &mut [Entry]) {
    entries.sort_by_key(|entry| std::cmp::Reverse(entry.date));
}

/// The entries as lines: the date dim before the heading, the body indented under it.
pub fn lines(entries: Vec<Entry>, model: &Model, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
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
    lines
}
