//! A pupil's own dossier on screen: the pupil, their cases, and everything recorded about
//! those cases, for one timeline. The one place a pupil's name stands beside their anonymous
//! cases (BRIEF §8).

use chrono::NaiveDate;
use serde::Serialize;

use super::Labels;
use crate::domain::{
    Action, Case, CaseEvent, CaseId, Decision, MeetingId, MeetingState, Note, Pupil, PupilId,
    Showing, Subject,
};
use crate::error::Result;
use crate::store::Store;

/// One case and what was recorded about it, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaseRecords {
    pub case: Case,
    pub events: Vec<CaseEvent>,
    pub notes: Vec<Note>,
    pub decisions: Vec<Decision>,
    /// The case's actions with their owner's name.
    pub actions: Vec<(Action, String)>,
}

/// A meeting with one or more of the pupil's cases on its agenda.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Discussed {
    pub meeting: MeetingId,
    pub date: NaiveDate,
    pub state: MeetingState,
    pub cases: Vec<CaseId>,
    /// Of `cases`, those the closed meeting passed by: its minutes say "niet besproken".
    pub passed: Vec<CaseId>,
}

impl Discussed {
    /// Whether the meeting discussed none of the pupil's cases on its agenda.
    pub fn passed_all(&self) -> bool {
        self.cases.iter().all(|case| self.passed.contains(case))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PupilDossier {
    pub pupil: Pupil,
    /// Oldest case first.
    pub cases: Vec<CaseRecords>,
    /// Oldest meeting first.
    pub meetings: Vec<Discussed>,
}

impl PupilDossier {
    /// How the team knows the pupil of `case` outside this dossier, which names them always.
    pub fn shown(&self, case: &Case) -> Subject {
        Subject::of(Some(&self.pupil), case, Showing::Private)
    }

    /// The pseudonyms of the cases the team knows by one, oldest case first.
    pub fn pseudonyms(&self) -> Vec<String> {
        self.cases
            .iter()
            .map(|records| self.shown(&records.case))
            .filter(|shown| !shown.is_named())
            .map(|shown| shown.name().to_string())
            .collect()
    }
}

/// The dossier of `pupil`, or none when no such pupil is stored.
pub fn load(store: &Store, pupil: PupilId) -> Result<Option<PupilDossier>> {
    let Some(pupil) = store.pupil(pupil)? else {
        return Ok(None);
    };
    let mut labels = Labels::new(store);
    let mut cases = Vec::new();
    for case in store.cases_of_pupil(pupil.id)? {
        let mut actions = Vec::new();
        for action in store.actions_of_case(case.id)? {
            let owner = labels.owner(&action)?;
            actions.push((action, owner));
        }
        cases.push(CaseRecords {
            events: store.events_of_case(case.id)?,
            notes: store.notes_of_case(case.id)?,
            decisions: store.decisions_of_case(case.id)?,
            actions,
            case,
        });
    }
    cases.sort_by_key(|c| (c.case.opened, c.case.id));
    let ids: Vec<CaseId> = cases.iter().map(|c| c.case.id).collect();
    // A case may be on an agenda without anything recorded about it yet (a planned meeting),
    // so the agendas are read rather than the records' meeting numbers.
    let mut meetings = Vec::new();
    if !ids.is_empty() {
        for meeting in store.meetings_by_date()? {
            let on_agenda: Vec<CaseId> = meeting.cases().filter(|c| ids.contains(c)).collect();
            if !on_agenda.is_empty() {
                let passed = match store.minutes(meeting.id)? {
                    Some(minutes) if meeting.state == MeetingState::Closed => minutes
                        .passed_by()
                        .filter(|case| on_agenda.contains(case))
                        .collect(),
                    _ => Vec::new(),
                };
                meetings.push(Discussed {
                    meeting: meeting.id,
                    date: meeting.date,
                    state: meeting.state,
                    cases: on_agenda,
                    passed,
                });
            }
        }
    }
    Ok(Some(PupilDossier {
        pupil,
        cases,
        meetings,
    }))
}
