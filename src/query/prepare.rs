//! What preparing a meeting needs: the meeting, how each case on its agenda or proposed for it
//! is named on the shared screen, the team to invite, and the cases the agenda proposes.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, NaiveTime};

use crate::domain::agenda::Proposed;
use crate::domain::{Case, CaseId, Meeting, MeetingId, MeetingState, Member, Minutes, PhaseModel};
use crate::error::{Error, Result};
use crate::store::Store;

/// A case as the preparation lists it: never the pupil's full name, for this screen is on the
/// projector too (BRIEF §8).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseLine {
    /// Initials, or the pseudonym.
    pub short: String,
    /// The phase id, named by the phase model on screen.
    pub phase: String,
}

#[derive(Debug, Clone)]
pub struct Preparation {
    pub meeting: Meeting,
    pub cases: HashMap<CaseId, CaseLine>,
    /// What the agenda proposes for the meeting's date, on it or not, and why (see
    /// [`proposals`]).
    pub proposed: Vec<(CaseId, Proposed)>,
    /// The active team, in the store's order.
    pub members: Vec<Member>,
    /// The minutes the school plans for an OT (a setting): the agenda is measured by it.
    pub length: u32,
}

impl Preparation {
    /// The proposed cases the agenda lacks.
    pub fn missing(&self) -> impl Iterator<Item = CaseId> + '_ {
        let on: HashSet<CaseId> = self.meeting.cases().collect();
        self.proposed
            .iter()
            .map(|(case, _)| *case)
            .filter(move |c| !on.contains(c))
    }

    /// Why `case` is proposed, when it is.
    pub fn why(&self, case: CaseId) -> Option<Proposed> {
        self.proposed
            .iter()
            .find(|(proposed, _)| *proposed == case)
            .map(|(_, why)| *why)
    }
}

/// The cases to discuss at a meeting on `date`, each with why (see [`proposals_after`]), after
/// the last meeting closed on or before that day.
pub fn proposals(
    store: &Store,
    phases: &PhaseModel,
    date: NaiveDate,
) -> Result<Vec<(CaseId, Proposed)>> {
    let last = match store.closed_meeting_before(date, MeetingId(0))? {
        Some(meeting) => store.minutes(meeting.id)?,
        None => None,
    };
    proposals_after(store, phases, date, last.as_ref())
}

/// The cases to discuss at a meeting on `date` after the meeting of `last`: the open cases that
/// meeting passed by (in its agenda's order), then those whose evaluation date has come by
/// then (soonest first), then the signals — cases still in the model's first phase (oldest
/// first). A signal comes back at every meeting until the team moves it on, so none is
/// forgotten after the meeting that raised it.
pub fn proposals_after(
    store: &Store,
    phases: &PhaseModel,
    date: NaiveDate,
    last: Option<&Minutes>,
) -> Result<Vec<(CaseId, Proposed)>> {
    let passed: Vec<CaseId> = last.map_or_else(Vec::new, |minutes| minutes.passed_by().collect());
    let mut not_discussed = Vec::new();
    let mut due = Vec::new();
    let mut signals = Vec::new();
    for case in store.all::<Case>() {
        let case = case?;
        if case.closed.is_some() || phases.is_final(&case.phase) {
            continue;
        }
        if let Some(at) = passed.iter().position(|id| *id == case.id) {
            not_discussed.push((at, case.id));
            continue;
        }
        match case.evaluation_date {
            Some(evaluate) if evaluate <= date => due.push((evaluate, case.id)),
            _ if case.phase == phases.first().id() => {
                signals.push((case.opened, case.id));
            }
            _ => {}
        }
    }
    not_discussed.sort();
    due.sort();
    signals.sort();
    let since = last.map(|minutes| minutes.date);
    Ok(not_discussed
        .into_iter()
        .map(|(_, id)| (id, Proposed::NotDiscussed))
        .chain(
            due.into_iter()
                .map(|(day, id)| (id, Proposed::Evaluation(day))),
        )
        .chain(signals.into_iter().map(|(opened, id)| {
            let why = match since {
                Some(last) if opened <= last => Proposed::CarriedOver,
                _ => Proposed::NewSignal,
            };
            (id, why)
        }))
        .collect())
}

/// The cases alone, in the order proposed.
pub fn cases_of(proposed: &[(CaseId, Proposed)]) -> Vec<CaseId> {
    proposed.iter().map(|(case, _)| *case).collect()
}

/// The next meeting still to be held: planned, today or later.
pub fn next_planned(store: &Store, today: NaiveDate) -> Result<Option<MeetingId>> {
    Ok(store
        .meetings_by_date()?
        .iter()
        .find(|m| m.state == MeetingState::Planned && m.date >= today)
        .map(|m| m.id))
}

/// A new planned meeting on `date`: the template agenda with the proposed cases, chaired by
/// the chair of the last meeting and, without a place given, held where that one was.
pub fn new_meeting(
    store: &Store,
    phases: &PhaseModel,
    id: MeetingId,
    date: NaiveDate,
    time: NaiveTime,
    place: &str,
) -> Result<Meeting> {
    let last = store.meetings_by_date()?.pop();
    let place = match (place.trim(), &last) {
        ("", Some(last)) => last.place.clone(),
        (given, _) => given.to_string(),
    };
    let cases = cases_of(&proposals(store, phases, date)?);
    Ok(Meeting::planned(
        id,
        (date, time),
        place,
        last.and_then(|m| m.chair),
        &cases,
    ))
}

pub fn load(store: &Store, phases: &PhaseModel, id: MeetingId) -> Result<Preparation> {
    let meeting = store
        .meeting(id)?
        .ok_or_else(|| Error::NoMeeting(id.to_string()))?;
    let proposed = proposals(store, phases, meeting.date)?;
    let mut labels = super::Labels::new(store);
    let mut cases = HashMap::new();
    for case in meeting
        .cases()
        .chain(proposed.iter().map(|(case, _)| *case))
    {
        if cases.contains_key(&case) {
            continue;
        }
        let phase = labels
            .case(case)?
            .map_or(String::new(), |c| c.phase.clone());
        let short = labels.short_subject(case)?;
        cases.insert(case, CaseLine { short, phase });
    }
    let mut members = Vec::new();
    for member in store.all::<Member>() {
        let member = member?;
        if member.active {
            members.push(member);
        }
    }
    // Who is invited, for the screen and the mailed agenda alike. Not saved here: unsaved, the
    // roll call invites the same people.
    let mut meeting = meeting;
    meeting.invite_team(&members);
    Ok(Preparation {
        meeting,
        cases,
        proposed,
        members,
        length: store.meeting_length()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Consent;

    fn demo() -> (tempfile::TempDir, Store) {
        let dir = tempfile::TempDir::new().unwrap();
        let store = Store::open(dir.path()).unwrap();
        crate::demo::fill(&store, crate::demo::Scale::School, crate::testkit::today()).unwrap();
        (dir, store)
    }

    #[test]
    fn proposals_are_due_evaluations_then_signals() {
        let (_dir, store) = demo();
        let phases = PhaseModel::default();
        let date = crate::testkit::today() + chrono::Duration::days(14);
        let why = proposals(&store, &phases, date).unwrap();
        let proposed = cases_of(&why);
        let cases: HashMap<CaseId, Case> = store
            .all::<Case>()
            .map(|c| c.map(|c| (c.id, c)))
            .collect::<std::result::Result<_, _>>()
            .unwrap();
        let is_due = |c: &Case| c.evaluation_date.is_some_and(|d| d <= date);
        let first = phases.first().id();
        let mut seen_signal = false;
        for id in &proposed {
            let case = &cases[id];
            assert!(case.closed.is_none(), "case {id} is closed");
            if is_due(case) {
                assert!(!seen_signal, "due evaluations come first");
            } else {
                seen_signal = true;
                assert_eq!(case.phase, first, "case {id}");
            }
        }
        let due = cases
            .values()
            .filter(|c| c.closed.is_none() && !phases.is_final(&c.phase) && is_due(c))
            .count();
        assert!(due > 0 && seen_signal, "the demo has both kinds");
        assert_eq!(proposed.iter().filter(|id| is_due(&cases[id])).count(), due);
        let signals = cases
            .values()
            .filter(|c| c.closed.is_none() && c.phase == first && !is_due(c))
            .count();
        assert_eq!(
            proposed.len(),
            due + signals,
            "every open signal is proposed"
        );
        for (id, why) in &why {
            match why {
                Proposed::Evaluation(day) => assert_eq!(cases[id].evaluation_date, Some(*day)),
                Proposed::NewSignal | Proposed::CarriedOver => assert!(!is_due(&cases[id])),
                Proposed::NotDiscussed => {}
            }
        }
        let unique: HashSet<_> = proposed.iter().collect();
        assert_eq!(unique.len(), proposed.len(), "each case once");
    }

    #[test]
    fn the_preparation_names_cases_by_initials_or_pseudonym_only() {
        let (_dir, store) = demo();
        let phases = PhaseModel::default();
        let today = crate::testkit::today();
        let id = next_planned(&store, today).unwrap().unwrap();
        let preparation = load(&store, &phases, id).unwrap();
        assert!(!preparation.cases.is_empty());
        assert!(preparation.members.iter().all(|m| m.active));
        for (id, line) in &preparation.cases {
            let case = store.case(*id).unwrap().unwrap();
            let pupil = store.pupil(case.pupil).unwrap().unwrap();
            assert!(!line.short.contains(&pupil.last_name), "case {id}");
            if !case.consent.shows_name() {
                assert_eq!(line.short, case.pseudonym());
                assert_ne!(case.consent, Consent::Yes);
            }
        }
    }
}
