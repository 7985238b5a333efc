//! A case's story, and a pupil's, as dated entries: phase, level and consent changes with their
//! reasons, notes, decisions, actions with their status, and the meetings that discussed the
//! pupil. Shared by the meeting's `h` overlay, the pupil dossier and `otter pupil`, so all
//! three tell the same story in the same words.

use chrono::NaiveDate;

use super::dossier::{CaseRecords, PupilDossier};
use crate::domain::dates::format_day;
use crate::domain::{Action, CaseEvent, CaseId, Decision, MeetingState, Note, PhaseModel};
use crate::i18n::Lang;
use crate::i18n::wording::change_text;

/// One dated entry: a heading line and any text under it.
#[derive(Debug, Clone, PartialEq, Eq)]
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
pub fn entries(records: Records, prefix: &str, lang: Lang, phases: &PhaseModel) -> Vec<Entry> {
    let t = lang.texts();
    let mut entries = Vec::new();
    for event in records.events {
        let mut heading = format!("{prefix}{}", change_text(&event.kind, phases, lang));
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
        let phase = note
            .phase
            .as_deref()
            .map_or(String::new(), |p| format!(" · {}", phases.name(p, lang)));
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

/// Every case's story and the meetings that discussed them, newest first; with more than one
/// case each entry names its case by number, as the case list does.
pub fn dossier(dossier: &PupilDossier, lang: Lang, phases: &PhaseModel) -> Vec<Entry> {
    let t = lang.texts();
    let numbered = dossier.cases.len() > 1;
    let number = |case| {
        dossier
            .cases
            .iter()
            .position(|c| c.case.id == case)
            .map_or(String::new(), |i| format!("[{}] ", i + 1))
    };
    // The meeting leads its day: what was discussed comes under it after the sort, which
    // keeps same-day entries in order.
    let mut entries = Vec::new();
    for meeting in &dossier.meetings {
        // A meeting still running may not have reached the case yet; a closed one discussed
        // the cases its minutes do not say it passed by.
        let passed_by = format!("{}, {}", t.dossier_on_agenda, t.not_discussed);
        let (discussed, passed): (Vec<CaseId>, Vec<CaseId>) = meeting
            .cases
            .iter()
            .partition(|case| !meeting.passed.contains(case));
        let groups = match meeting.state {
            MeetingState::Closed if passed.is_empty() => vec![(discussed, t.dossier_discussed)],
            MeetingState::Closed if discussed.is_empty() => vec![(passed, passed_by.as_str())],
            MeetingState::Closed => vec![(discussed, t.dossier_discussed), (passed, &passed_by)],
            _ => vec![(meeting.cases.clone(), t.dossier_on_agenda)],
        };
        for (cases, heading) in groups {
            let prefix: String = if numbered {
                cases.iter().map(|c| number(*c)).collect()
            } else {
                String::new()
            };
            entries.push(Entry {
                date: meeting.date,
                heading: format!("{prefix}{heading}"),
                body: Vec::new(),
            });
        }
    }
    for records in &dossier.cases {
        let prefix = if numbered {
            number(records.case.id)
        } else {
            String::new()
        };
        entries.extend(self::entries(Records::of(records), &prefix, lang, phases));
    }
    newest_first(&mut entries);
    entries
}

impl<'a> Records<'a> {
    /// What a dossier holds of one case.
    pub fn of(records: &'a CaseRecords) -> Records<'a> {
        Records {
            events: &records.events,
            notes: &records.notes,
            decisions: &records.decisions,
            actions: records
                .actions
                .iter()
                .map(|(action, owner)| (action, owner.clone()))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::dossier::Discussed;
    use super::*;
    use crate::domain::MeetingId;

    fn meeting(id: u64, day: u32, state: MeetingState) -> Discussed {
        Discussed {
            meeting: MeetingId(id),
            date: NaiveDate::from_ymd_opt(2026, 11, day).unwrap(),
            state,
            cases: Vec::new(),
            passed: Vec::new(),
        }
    }

    #[test]
    fn only_a_closed_meeting_counts_as_discussed() {
        let sanne = PupilDossier {
            pupil: crate::testkit::pupil(1, "Sanne", "de", "Vries"),
            cases: Vec::new(),
            meetings: vec![
                meeting(1, 3, MeetingState::Closed),
                meeting(2, 17, MeetingState::Open),
                meeting(3, 30, MeetingState::Planned),
            ],
        };
        let t = Lang::Nl.texts();
        let headings: Vec<String> = dossier(&sanne, Lang::Nl, &PhaseModel::default())
            .into_iter()
            .map(|entry| entry.heading)
            .collect();
        assert_eq!(
            headings,
            [
                t.dossier_on_agenda,
                t.dossier_on_agenda,
                t.dossier_discussed
            ]
        );
    }
}
