//! Reads the case histories, meetings and actions for the monitoring figures: the only part of
//! monitoring that touches the store, so the figures themselves stay pure.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::domain::{
    Action, Case, CaseEvent, CaseId, Level, Meeting, Minutes, PhaseModel, Pupil, PupilId, Showing,
    Subject,
};
use crate::monitoring::report::Figure;
use crate::monitoring::{self, CaseHistory, Figures, Input, Milestones, Period, Settings};
use crate::store::{Store, StoreError};

/// Every case with its history, every meeting and every action.
pub fn input(store: &Store) -> Result<Input, StoreError> {
    // Cases and events are both keyed by case id first (events then by position), so one walk
    // of each gives every history in order; events of a case no longer stored are passed
    // over. A map of all events by case cost more than reading them on a large school.
    let mut events = store.all::<CaseEvent>().peekable();
    let mut cases = Vec::new();
    for case in store.all::<Case>() {
        let case = case?;
        let mut history = Vec::new();
        while let Some(event) =
            events.next_if(|event| event.as_ref().map_or(true, |e| e.case <= case.id))
        {
            let event = event?;
            if event.case == case.id {
                history.push(event);
            }
        }
        cases.push(CaseHistory {
            case,
            events: history,
        });
    }
    // What is left belongs to no stored case; a damaged record there is still reported.
    for event in events {
        event?;
    }
    let mut passed_by = Vec::new();
    for minutes in store.all::<Minutes>() {
        let minutes = minutes?;
        passed_by.extend(minutes.passed_by().map(|case| (minutes.meeting, case)));
    }
    Ok(Input {
        cases,
        meetings: store.all::<Meeting>().collect::<Result<_, _>>()?,
        actions: store.all::<Action>().collect::<Result<_, _>>()?,
        passed_by,
    })
}

/// The figures of `period` as they stand on `today`.
pub fn figures(
    store: &Store,
    model: &PhaseModel,
    settings: Settings,
    period: Period,
    today: NaiveDate,
) -> Result<Figures, StoreError> {
    let input = input(store)?;
    Ok(monitoring::compute(
        &input,
        &Milestones::of(model),
        settings,
        period,
        today,
    ))
}

/// A case as the monitoring screen lists it behind a figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseLine {
    pub case: CaseId,
    /// As `Subject::of` decides; pseudonyms only while a meeting is open.
    pub shown: Subject,
    pub phase: String,
    pub level: Level,
    pub opened: NaiveDate,
}

/// What the monitoring screen shows for one period: the figures, the cases behind them and
/// how each of those cases may be named.
#[derive(Debug, Clone, PartialEq)]
pub struct Monitor {
    pub figures: Figures,
    pub behind: Vec<monitoring::Behind>,
    pub cases: HashMap<CaseId, CaseLine>,
    /// A meeting is open: the room may see this screen.
    pub presenting: bool,
}

impl Monitor {
    /// The cases behind `figure`, as they may be shown; `None` for a figure that does not
    /// rest on cases (meetings, actions).
    pub fn cases_behind(&self, figure: &Figure) -> Option<Vec<(&CaseLine, bool)>> {
        let behind = self.behind.iter().find(|b| &b.figure == figure)?;
        Some(
            behind
                .cases
                .iter()
                .filter_map(|(case, part)| Some((self.cases.get(case)?, *part)))
                .collect(),
        )
    }
}

impl Monitor {
    /// For a figure in days: how many days it measured for `case`.
    pub fn days_behind(&self, figure: &Figure, case: CaseId) -> Option<i64> {
        let behind = self.behind.iter().find(|b| &b.figure == figure)?;
        behind
            .days
            .iter()
            .find_map(|(c, days)| (*c == case).then_some(*days))
    }

    /// Whether `figure` measures days per case (its list has a days column).
    pub fn in_days(&self, figure: &Figure) -> bool {
        self.behind
            .iter()
            .any(|b| &b.figure == figure && !b.days.is_empty())
    }
}

/// The monitoring screen of `period` as it stands on `today`.
pub fn screen(
    store: &Store,
    model: &PhaseModel,
    settings: Settings,
    period: Period,
    today: NaiveDate,
) -> crate::error::Result<Monitor> {
    // While a meeting is open even its case under discussion goes by its pseudonym here: a
    // figure's list is no place to name the one pupil the room is talking about beside
    // everyone else counted with them (docs/privacy.md).
    let presenting = matches!(super::meeting::showing(store)?, Showing::Presenting { .. });
    let showing = if presenting {
        Showing::Presenting { discussed: None }
    } else {
        Showing::Private
    };
    let input = input(store)?;
    let milestones = Milestones::of(model);
    let mut figures = monitoring::compute(&input, &milestones, settings, period, today);
    figures
        .open_per_phase
        .sort_by_key(|(phase, _)| model.position(phase).unwrap_or(usize::MAX));
    let behind = monitoring::behind(&input, &milestones, settings, period, today);
    let pupils: HashMap<PupilId, Pupil> = store
        .all::<Pupil>()
        .map(|p| p.map(|p| (p.id, p)))
        .collect::<Result<_, _>>()?;
    let cases = input
        .cases
        .iter()
        .map(|h| {
            let case = &h.case;
            let line = CaseLine {
                case: case.id,
                shown: Subject::of(pupils.get(&case.pupil), case, showing),
                phase: case.phase.clone(),
                level: case.level,
                opened: case.opened,
            };
            (case.id, line)
        })
        .collect();
    Ok(Monitor {
        figures,
        behind,
        cases,
        presenting,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The one walk over cases and events gives every case its own history, in order: the
    /// same as gathering every event by its case.
    #[test]
    fn each_case_gets_its_own_events_in_order() {
        let dir = tempfile::TempDir::new().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        crate::demo::fill(&store, crate::demo::Scale::School, today).unwrap();
        let mut by_case: HashMap<CaseId, Vec<CaseEvent>> = HashMap::new();
        for event in store.all::<CaseEvent>() {
            let event = event.unwrap();
            by_case.entry(event.case).or_default().push(event);
        }
        let input = input(&store).unwrap();
        assert_eq!(input.cases.len(), store.all::<Case>().count());
        let mut with_events = 0;
        for history in &input.cases {
            let expected = by_case.remove(&history.case.id).unwrap_or_default();
            with_events += usize::from(!expected.is_empty());
            assert_eq!(history.events, expected, "case {:?}", history.case.id);
        }
        assert!(with_events > 10, "the demo's cases have histories");
        assert!(by_case.is_empty(), "events of no case: {by_case:?}");
    }
}
