//! The minutes of a meeting: what the team sends round after the OT. One walk over the
//! minutes writes every format, through [`Doc`].

use chrono::NaiveDate;

use super::Context;
use super::doc::{Doc, Item};
use crate::domain::dates::format_day;
use crate::domain::meeting::AgendaKind;
use crate::domain::minutes::{MinutesAction, MinutesItem, MinutesReview};
use crate::domain::{EventKind, Minutes, PhaseModel};
use crate::i18n::wording::{agenda_title, change_text};
use crate::i18n::{Lang, Texts, capitalised};

/// Whether the minutes were fixed at closing, or are a draft of a meeting still open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Fixed,
    Draft,
}

pub fn write(doc: &mut impl Doc, minutes: &Minutes, status: Status, cx: &Context) {
    let lang = cx.lang;
    let t = lang.texts();
    let day = format_day(minutes.date, lang);
    let mut title = format!("{} {} {day}", t.minutes_title, t.meeting_kind(minutes.kind));
    if status == Status::Draft {
        title = format!("{title} ({})", t.export_draft);
    }
    doc.title(&title);
    if status == Status::Draft {
        doc.banner(t.export_draft_banner);
    }
    doc.facts(&[
        (t.export_school, cx.school.to_string()),
        (t.col_date, day),
        (t.col_time, minutes.time.format("%H:%M").to_string()),
        (t.col_place, minutes.place.clone()),
        (t.minutes_chair, minutes.chair.clone()),
        (t.minutes_present, minutes.present.join(", ")),
        (
            t.minutes_absent_notice,
            minutes.absent_with_notice.join(", "),
        ),
        (t.minutes_absent, minutes.absent.join(", ")),
    ]);
    for (number, item) in minutes.items.iter().enumerate() {
        doc.heading(&format!("{}. {}", number + 1, title_of(item, t)));
        match raised_after(&minutes.items[number..]) {
            Some(raised) => doc.paragraph(&(t.minutes_signals_below)(raised)),
            None => item_body(doc, item, minutes.date, cx.model, lang),
        }
    }
    if !minutes.carried_over.is_empty() {
        doc.heading(t.minutes_carried_over);
        action_table(doc, &minutes.carried_over, "", lang);
    }
    let next = minutes
        .next_meeting
        .map(|next| format_day(next, lang))
        .unwrap_or_else(|| t.export_none_planned.to_string());
    doc.facts(&[(t.minutes_next, next)]);
    let fixed = format_day(minutes.fixed_on, lang);
    match status {
        Status::Fixed => doc.fine_print(&format!("{} {fixed}", t.minutes_fixed_on)),
        Status::Draft => doc.fine_print(&(t.export_draft_of)(&fixed)),
    }
    for reopening in &minutes.reopened {
        doc.fine_print(&(t.minutes_reopened)(
            &format_day(reopening.on, lang),
            &reopening.reason,
        ));
    }
}

/// For a Nieuwe signalen item with nothing of its own recorded, the signals raised under it:
/// each was opened in this meeting and put on the agenda right after it (`app::meeting::
/// signal`), so "nothing to report" would say what did not happen.
fn raised_after(items: &[MinutesItem]) -> Option<usize> {
    let (item, after) = items.split_first()?;
    if item.kind != AgendaKind::NewSignals || !item.is_empty() {
        return None;
    }
    let raised = after
        .iter()
        .take_while(|next| next.changes.iter().any(|c| c.kind == EventKind::Opened))
        .count();
    (raised > 0).then_some(raised)
}

fn title_of(item: &MinutesItem, t: &Texts) -> String {
    let base = agenda_title(&item.kind, t);
    if item.subject.is_empty() {
        base
    } else {
        format!("{base}: {}", item.subject)
    }
}

/// `held`: the meeting's day, as of which what the case recorded reads.
fn item_body(
    doc: &mut impl Doc,
    item: &MinutesItem,
    held: NaiveDate,
    model: &PhaseModel,
    lang: Lang,
) {
    let t = lang.texts();
    // What a case passed by still had recorded from before is not what this meeting did.
    if !item.discussed {
        doc.paragraph(&format!("{}.", capitalised(t.not_discussed)));
        return;
    }
    if item.is_empty() {
        doc.paragraph(t.minutes_nothing);
        return;
    }
    for (note, phase) in item.notes_with_phases() {
        if let Some(phase) = phase {
            doc.label(&(t.minutes_note_in)(model.name(phase, lang)));
        }
        doc.paragraph(note);
    }
    if !item.recorded.is_empty() {
        doc.label(t.minutes_recorded);
        doc.list(&super::recorded_items(&item.recorded, lang, held));
    }
    if !item.recorded_before.is_empty() {
        doc.label(t.minutes_recorded_before);
        doc.list(&super::recorded_items(&item.recorded_before, lang, held));
    }
    if !item.decisions.is_empty() {
        doc.label(t.kind_decision);
        let decisions: Vec<Item> = item.decisions.iter().map(Item::new).collect();
        doc.list(&decisions);
    }
    if !item.changes.is_empty() {
        doc.label(t.minutes_changes);
        let changes: Vec<Item> = item
            .changes
            .iter()
            .map(|event| {
                let change = change_text(&event.kind, model, lang);
                if event.reason.is_empty() {
                    Item::new(change)
                } else {
                    Item::new(format!("{change} ({})", event.reason))
                }
            })
            .collect();
        doc.list(&changes);
    }
    if !item.actions.is_empty() {
        doc.label(t.kind_action);
        action_table(doc, &item.actions, &item.subject, lang);
    }
    let (changed, finished): (Vec<&MinutesReview>, Vec<&MinutesReview>) =
        item.reviewed.iter().partition(|review| review.open);
    if !finished.is_empty() {
        doc.label(t.minutes_reviewed);
        review_table(doc, &finished, lang);
    }
    if !changed.is_empty() {
        doc.label(t.minutes_changed_actions);
        review_table(doc, &changed, lang);
    }
}

/// Earlier actions the meeting finished or gave another owner or due date: what, (whose), who
/// now, and what happened to them.
fn review_table(doc: &mut impl Doc, reviews: &[&MinutesReview], lang: Lang) {
    let t = lang.texts();
    let with_pupil = reviews.iter().any(|r| !r.action.subject.is_empty());
    let rows: Vec<Vec<String>> = reviews
        .iter()
        .map(|review| {
            let mut outcome = match (&review.dropped, review.open) {
                (_, true) => Vec::new(),
                (None, false) => vec![t.status_done.to_string()],
                (Some(reason), false) => vec![format!("{}: {reason}", t.status_dropped)],
            };
            if let Some(was) = &review.owner_was {
                outcome.push((t.minutes_owner_was)(was));
            }
            if let Some(was) = review.due_was {
                outcome.push((t.minutes_due_was)(
                    &format_day(review.action.due, lang),
                    &format_day(was, lang),
                ));
            }
            let mut row = vec![review.action.text.clone()];
            if with_pupil {
                row.push(review.action.subject.clone());
            }
            row.extend([review.action.owner.clone(), outcome.join("; ")]);
            row
        })
        .collect();
    let mut header = vec![t.col_action];
    if with_pupil {
        header.push(t.col_pupil);
    }
    header.extend([t.col_owner, t.col_status]);
    doc.table(&header, &rows);
}

/// Actions with what, who and when; with the pupil too when one of them is about another
/// pupil than the item's own (`item_subject`), as the carried-over actions are.
fn action_table(doc: &mut impl Doc, actions: &[MinutesAction], item_subject: &str, lang: Lang) {
    let t = lang.texts();
    let with_pupil = actions
        .iter()
        .any(|a| !a.subject.is_empty() && a.subject != item_subject);
    let rows: Vec<Vec<String>> = actions
        .iter()
        .map(|action| {
            let mut row = vec![action.text.clone()];
            if with_pupil {
                row.push(action.subject.clone());
            }
            row.extend([action.owner.clone(), format_day(action.due, lang)]);
            row
        })
        .collect();
    let mut header = vec![t.col_action];
    if with_pupil {
        header.push(t.col_pupil);
    }
    header.extend([t.col_owner, t.col_due]);
    doc.table(&header, &rows);
}

#[cfg(test)]
mod tests;
