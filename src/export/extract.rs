//! A pupil's extract: everything recorded about one pupil and nothing about another, for the
//! school's dossier and for the parents' right of access (BRIEF §8). It is read from the
//! pupil's own dossier, so it holds only their cases and what hangs on those cases: notes of
//! the meeting itself (rondvraag) and other pupils' records never come in. Their own name
//! stands beside a case discussed anonymously, and the extract says under which pseudonym.

use super::Context;
use super::doc::{Doc, Item};
use crate::domain::dates::{format_date, format_day};
use crate::domain::{EventKind, PhaseModel};
use crate::domain::{MeetingState, Subject};
use crate::i18n::capitalised;
use crate::query::dossier::{CaseRecords, PupilDossier};

pub fn write(doc: &mut impl Doc, dossier: &PupilDossier, cx: &Context) {
    let lang = cx.lang;
    let t = lang.texts();
    let pupil = &dossier.pupil;
    doc.title(&format!(
        "{}: {}",
        t.export_extract_title,
        pupil.full_name()
    ));
    doc.facts(&[
        (t.export_school, cx.school.to_string()),
        (t.col_name, pupil.full_name()),
        (t.col_groep, pupil.groep.to_string()),
        (t.col_birth, format_date(pupil.birth_date)),
        (t.col_teacher, pupil.teacher.clone()),
        (t.export_made_on, format_day(cx.today, lang)),
    ]);
    doc.paragraph(t.export_extract_intro);
    if dossier.cases.is_empty() {
        doc.paragraph(t.export_no_cases);
    }
    for (number, records) in dossier.cases.iter().enumerate() {
        case(doc, number + 1, records, &dossier.shown(&records.case), cx);
    }
    doc.heading(t.dossier_discussed);
    if dossier.meetings.is_empty() {
        doc.paragraph(t.minutes_nothing);
        return;
    }
    let several = dossier.cases.len() > 1;
    let rows: Vec<Vec<String>> = dossier
        .meetings
        .iter()
        .map(|meeting| {
            let state = if meeting.passed_all() && meeting.state == MeetingState::Closed {
                t.not_discussed
            } else {
                t.meeting_state(meeting.state)
            };
            let mut row = vec![format_day(meeting.date, lang), state.to_string()];
            if several {
                let numbers: Vec<String> = meeting
                    .cases
                    .iter()
                    .filter_map(|id| dossier.cases.iter().position(|c| c.case.id == *id))
                    .map(|index| (index + 1).to_string())
                    .collect();
                row.push(numbers.join(", "));
            }
            row
        })
        .collect();
    let mut header = vec![t.col_date, t.col_state];
    if several {
        header.push(t.export_case);
    }
    doc.table(&header, &rows);
}

/// The phases `records`' case passed: the model's first, every phase its history moved from
/// or to, and the one it is in.
fn passed<'a>(records: &'a CaseRecords, model: &'a PhaseModel) -> Vec<&'a str> {
    let mut passed = vec![model.first().id(), records.case.phase.as_str()];
    for event in &records.events {
        if let EventKind::Phase { from, to } = &event.kind {
            passed.extend([from.as_str(), to.as_str()]);
        }
    }
    passed
}

/// `shown`: how the team knows the case's pupil; the extract names the pseudonym it goes by.
fn case(doc: &mut impl Doc, number: usize, records: &CaseRecords, shown: &Subject, cx: &Context) {
    let lang = cx.lang;
    let t = lang.texts();
    let case = &records.case;
    doc.heading(&format!(
        "{} {number}: {}",
        capitalised(t.export_case),
        case.question
    ));
    doc.facts(&[
        (t.export_opened, format_day(case.opened, lang)),
        (t.col_phase, cx.model.name(&case.phase, lang).to_string()),
        (t.col_level, case.level.get().to_string()),
        (t.col_consent, t.consent(case.consent).to_string()),
    ]);
    if !shown.is_named() {
        doc.paragraph(&(t.export_anonymous)(shown.name()));
    }
    // Only what was asked in the phases the case passed: parents read "terugkoppeling: nee"
    // of a signal as a promise broken.
    let recorded = cx.model.recorded(case, &passed(records, cx.model));
    if !recorded.is_empty() {
        doc.label(t.minutes_recorded);
        doc.list(&super::recorded_items(&recorded, lang, cx.today));
    }
    if !records.events.is_empty() {
        doc.label(t.dossier_timeline);
        let rows: Vec<Vec<String>> = records
            .events
            .iter()
            .map(|event| {
                vec![
                    format_day(event.date, lang),
                    crate::i18n::wording::change_text(&event.kind, cx.model, lang),
                    event.reason.clone(),
                ]
            })
            .collect();
        doc.table(&[t.col_date, t.col_change, t.export_reason], &rows);
    }
    let notes: Vec<_> = records
        .notes
        .iter()
        .filter(|n| !n.text.trim().is_empty())
        .collect();
    if !notes.is_empty() {
        doc.label(t.meeting_notes);
        for note in notes {
            let phase = note
                .phase
                .as_deref()
                .map_or(String::new(), |p| format!(" · {}", cx.model.name(p, lang)));
            doc.paragraph(&format!(
                "{}{phase}\n{}",
                format_day(note.date, lang),
                note.text
            ));
        }
    }
    if !records.decisions.is_empty() {
        doc.label(t.kind_decision);
        let decisions: Vec<Item> = records
            .decisions
            .iter()
            .map(|d| Item::new(format!("{}: {}", format_day(d.date, lang), d.text)))
            .collect();
        doc.list(&decisions);
    }
    if !records.actions.is_empty() {
        doc.label(t.kind_action);
        let mut actions: Vec<_> = records.actions.iter().collect();
        actions.sort_by_key(|(a, _)| (a.due, a.id));
        let rows: Vec<Vec<String>> = actions
            .into_iter()
            .map(|(action, owner)| {
                vec![
                    action.text.clone(),
                    owner.clone(),
                    format_day(action.due, lang),
                    t.status(&action.status).to_string(),
                ]
            })
            .collect();
        doc.table(&[t.col_action, t.col_owner, t.col_due, t.col_status], &rows);
    }
}
