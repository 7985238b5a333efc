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
    // Events are keyed by case and then position: one pass reads them in history order.
    let mut events: HashMap<CaseId, Vec<CaseEvent>> = HashMap::new();
    for event in store.all::<CaseEvent>() {
        let event = event?;
        events.entry(event.case).or_default().push(event);
    }
    let cases = store
        .all::<Case>()
        .map(|case| {
            let case = case?;
            let events = events.remove(&case.id).unwrap_or_default();
            Ok(CaseHistory { case, events })
        })
        .collect::<Result<_, StoreError>>()?;
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
