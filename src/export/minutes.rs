//! The minutes of a closed meeting as Markdown: what the team sends round after the OT.

use std::fmt::Write;

use super::markdown::{cell, text};
use crate::domain::dates::format_day;
use crate::domain::meeting::AgendaKind;
use crate::domain::minutes::{MinutesAction, MinutesItem};
use crate::domain::{EventKind, Minutes, PhaseModel};
use crate::i18n::{Lang, Texts, capitalised};

pub fn markdown(minutes: &Minutes, model: &PhaseModel, lang: Lang) -> String {
    let t = lang.texts();
    let mut out = String::new();
    let day = format_day(minutes.date, lang);
    let _ = writeln!(
        out,
        "# {} {} {day}\n",
        t.minutes_title,
        t.meeting_kind(minutes.kind)
    );
    let facts = [
        (t.col_time, minutes.time.format("%H:%M").to_string()),
        (t.col_place, minutes.place.clone()),
        (t.minutes_chair, minutes.chair.clone()),
        (t.minutes_present, minutes.present.join(", ")),
        (
            t.minutes_absent_notice,
            minutes.absent_with_notice.join(", "),
        ),
        (t.minutes_absent, minutes.absent.join(", ")),
    ];
    for (label, value) in facts {
        if !value.is_empty() {
            let _ = writeln!(out, "- **{}:** {}", capitalised(label), cell(&value));
        }
    }
    for (number, item) in minutes.items.iter().enumerate() {
        let _ = writeln!(out, "\n## {}. {}\n", number + 1, title(item, t));
        item_body(&mut out, item, model, lang);
    }
    if !minutes.carried_over.is_empty() {
        let _ = writeln!(out, "\n## {}\n", t.minutes_carried_over);
        action_table(&mut out, &minutes.carried_over, lang);
    }
    let _ = writeln!(out);
    if let Some(next) = minutes.next_meeting {
        let _ = writeln!(out, "**{}:** {}  ", t.minutes_next, format_day(next, lang));
    }
    let _ = writeln!(
        out,
        "*{} {}*",
        t.minutes_fixed_on,
        format_day(minutes.fixed_on, lang)
    );
    for reopening in &minutes.reopened {
        let _ = writeln!(
            out,
            "\n*{}*",
            text(&(t.minutes_reopened)(
                &format_day(reopening.on, lang),
                &reopening.reason
            ))
        );
    }
    out
}

pub fn agenda_title(kind: &AgendaKind, t: &Texts) -> String {
    match kind {
        AgendaKind::Opening => t.agenda_opening.into(),
        AgendaKind::PreviousMinutes => t.agenda_previous_minutes.into(),
        AgendaKind::Actions => t.agenda_actions.into(),
        AgendaKind::Case { .. } => t.agenda_case.into(),
        AgendaKind::NewSignals => t.agenda_new_signals.into(),
        AgendaKind::Rondvraag => t.agenda_rondvraag.into(),
        AgendaKind::Closing => t.agenda_closing.into(),
        AgendaKind::Other { title } => title.clone(),
    }
}

fn title(item: &MinutesItem, t: &Texts) -> String {
    let base = agenda_title(&item.kind, t);
    if item.subject.is_empty() {
        text(&base)
    } else {
        format!("{base}: {}", text(&item.subject))
    }
}

fn item_body(out: &mut String, item: &MinutesItem, model: &PhaseModel, lang: Lang) {
    let t = lang.texts();
    let empty = item.notes.is_empty()
        && item.decisions.is_empty()
        && item.changes.is_empty()
        && item.actions.is_empty()
        && item.reviewed.is_empty()
        && item.recorded.is_empty();
    if empty {
        let _ = writeln!(out, "{}", t.minutes_nothing);
        return;
    }
    for note in &item.notes {
        let _ = writeln!(out, "{}\n", text(note));
    }
    if !item.recorded.is_empty() {
        let _ = writeln!(out, "**{}**\n", t.minutes_recorded);
        for (requirement, value) in &item.recorded {
            let label = t.recorded_label(*requirement);
            match lang.recorded(value).as_slice() {
                [one] => {
                    let _ = writeln!(out, "- {label}: {}", cell(one));
                }
                many => {
                    let _ = writeln!(out, "- {label}:");
                    for line in many {
                        let _ = writeln!(out, "  - {}", cell(line));
                    }
                }
            }
        }
        let _ = writeln!(out);
    }
    if !item.decisions.is_empty() {
        let _ = writeln!(out, "**{}**\n", t.kind_decision);
        for decision in &item.decisions {
            let _ = writeln!(out, "- {}", text(decision));
        }
        let _ = writeln!(out);
    }
    if !item.changes.is_empty() {
        let _ = writeln!(out, "**{}**\n", t.minutes_changes);
        for event in &item.changes {
            let change = change_text(&event.kind, model, lang);
            let reason = if event.reason.is_empty() {
                String::new()
            } else {
                format!(" ({})", text(&event.reason))
            };
            let _ = writeln!(out, "- {}{reason}", text(&change));
        }
        let _ = writeln!(out);
    }
    if !item.actions.is_empty() {
        let _ = writeln!(out, "**{}**\n", t.kind_action);
        action_table(out, &item.actions, lang);
    }
    if !item.reviewed.is_empty() {
        let _ = writeln!(out, "**{}**\n", t.minutes_reviewed);
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            capitalised(t.col_action),
            capitalised(t.col_owner),
            capitalised(t.col_status)
        );
        let _ = writeln!(out, "|---|---|---|");
        for review in &item.reviewed {
            let outcome = match &review.dropped {
                None => t.status_done.to_string(),
                Some(reason) => format!("{}: {}", t.status_dropped, cell(reason)),
            };
            let _ = writeln!(
                out,
                "| {} | {} | {outcome} |",
                cell(&review.action.text),
                cell(&review.action.owner)
            );
        }
        let _ = writeln!(out);
    }
}

/// One line of a case's history: "fase Plan → Uitvoering", "niveau 2 → 3".
pub fn change_text(kind: &EventKind, model: &PhaseModel, lang: Lang) -> String {
    let t = lang.texts();
    match kind {
        EventKind::Opened => format!(
            "{}: {}",
            t.minutes_opened,
            model.name(model.first().id(), lang)
        ),
        EventKind::Phase { from, to } => {
            format!(
                "{} {} → {}",
                t.col_phase,
                model.name(from, lang),
                model.name(to, lang)
            )
        }
        EventKind::Level { from, to } => format!("{} {} → {}", t.col_level, from.get(), to.get()),
        EventKind::Consent { from, to } => {
            format!(
                "{} {} → {}",
                t.col_consent,
                t.consent(*from),
                t.consent(*to)
            )
        }
    }
}

fn action_table(out: &mut String, actions: &[MinutesAction], lang: Lang) {
    let t = lang.texts();
    let _ = writeln!(
        out,
        "| {} | {} | {} |",
        capitalised(t.col_action),
        capitalised(t.col_owner),
        capitalised(t.col_due)
    );
    let _ = writeln!(out, "|---|---|---|");
    for action in actions {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            cell(&action.text),
            cell(&action.owner),
            format_day(action.due, lang)
        );
    }
}

#[cfg(test)]
mod tests;
