//! Reads the case histories, meetings and actions for the monitoring figures: the only part of
//! monitoring that touches the store, so the figures themselves stay pure.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::domain::{CaseId, Level, PhaseModel, Pupil, PupilId, Showing, Subject};
use crate::monitoring::report::Figure;
use crate::monitoring::{
    self, ActionFacts, Figures, Input, ItemFacts, MeetingFacts, Milestones, Period, Settings,
};
use crate::store::{Store, StoreError};

/// What the figures are computed from: the digest of every case, action and meeting the store
/// keeps beside them (`store::digest`), and the minutes' "niet besproken" index. No case,
/// event, action, meeting or minutes is read whole.
pub fn input(store: &Store) -> Result<Input, StoreError> {
    let cases = store.case_histories()?;
    let actions = store
        .action_digests()?
        .into_iter()
        .map(|d| ActionFacts {
            created: d.created,
            due: d.due,
            done: d.done,
            dropped: d.dropped,
            carried: d.carried,
        })
        .collect();
    let meetings = store
        .meeting_digests()?
        .into_iter()
        .map(|d| MeetingFacts {
            id: d.id,
            date: d.date,
            closed: d.closed,
            items: d
                .items
                .into_iter()
                .map(|i| ItemFacts {
                    case: i.case,
                    timebox_minutes: i.timebox_minutes,
                    used_seconds: i.used_seconds,
                })
                .collect(),
        })
        .collect();
    Ok(Input {
        cases,
        meetings,
        actions,
        passed_by: store.passed_by()?,
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
    let routes = monitoring::Routes::of(&input, &Milestones::of(model));
    let mut figures = routes.figures(settings, period, today);
    figures
        .open_per_phase
        .sort_by_key(|(phase, _)| model.position(phase).unwrap_or(usize::MAX));
    let behind = routes.behind(settings, period, today);
    // Only the cases a list can show are read, each with its pupil: naming needs the case's
    // consent and pseudonym, which the digests leave out.
    let listed: std::collections::BTreeSet<CaseId> = behind
        .iter()
        .flat_map(|b| b.cases.iter().map(|(case, _)| *case))
        .collect();
    let mut pupils: HashMap<PupilId, Option<Pupil>> = HashMap::new();
    let mut cases = HashMap::new();
    for id in listed {
        let Some(case) = store.case(id)? else {
            continue;
        };
        let pupil = match pupils.get(&case.pupil) {
            Some(pupil) => pupil,
            None => {
                let read = store.pupil(case.pupil)?;
                pupils.entry(case.pupil).or_insert(read)
            }
        };
        let line = CaseLine {
            case: case.id,
            shown: Subject::of(pupil.as_ref(), &case, showing),
            phase: case.phase.clone(),
            level: case.level,
            opened: case.opened,
        };
        cases.insert(case.id, line);
    }
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
    use crate::domain::{Action, Case, CaseEvent, Meeting, Minutes};
    use crate::monitoring::CaseHistory;

    /// The input as it was read before the store kept digests: every case, event, action and
    /// minutes read whole.
    fn from_records(store: &Store) -> Input {
        let mut events: HashMap<CaseId, Vec<CaseEvent>> = HashMap::new();
        for event in store.all::<CaseEvent>() {
            let event = event.unwrap();
            events.entry(event.case).or_default().push(event);
        }
        let cases = store
            .all::<Case>()
            .map(|case| {
                let case = case.unwrap();
                CaseHistory::of(&case, events.get(&case.id).map_or(&[], Vec::as_slice))
            })
            .collect();
        let mut passed_by = Vec::new();
        for minutes in store.all::<Minutes>() {
            let minutes = minutes.unwrap();
            passed_by.extend(minutes.passed_by().map(|case| (minutes.meeting, case)));
        }
        Input {
            cases,
            meetings: store
                .all::<Meeting>()
                .map(|m| MeetingFacts::of(&m.unwrap()))
                .collect(),
            actions: store
                .all::<Action>()
                .map(|a| ActionFacts::of(&a.unwrap()))
                .collect(),
            passed_by,
        }
    }

    /// The digests give every figure and every list behind one exactly as the histories read
    /// whole give them: on the demo school as the demo wrote it, after a meeting of writes, and
    /// after reopening, for each period the screen offers.
    #[test]
    fn the_figures_from_the_digests_are_the_figures_from_the_whole_histories() {
        let dir = tempfile::TempDir::new().unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let check = |store: &Store| {
            let (kept, whole) = (input(store).unwrap(), from_records(store));
            assert_eq!(kept.cases.to_vec(), whole.cases.to_vec());
            assert_eq!(kept.actions, whole.actions);
            assert_eq!(kept.meetings, whole.meetings);
            let mut passed = whole.passed_by.clone();
            passed.sort();
            assert_eq!(kept.passed_by, passed);
            assert_eq!(kept.passed_by.len(), 1);
            let milestones = Milestones::of(&PhaseModel::default());
            let settings = Settings::default();
            for year in [2024, 2025, 2026] {
                let period = Period::school_year(year).unwrap();
                assert_eq!(
                    monitoring::compute(&kept, &milestones, settings, period, today),
                    monitoring::compute(&whole, &milestones, settings, period, today),
                );
                assert_eq!(
                    monitoring::behind(&kept, &milestones, settings, period, today),
                    monitoring::behind(&whole, &milestones, settings, period, today),
                );
            }
        };
        {
            let store = Store::open(dir.path()).unwrap();
            crate::demo::fill(&store, crate::demo::Scale::School, today).unwrap();
            // The demo discusses every case it puts on an agenda: one passed by, as a
            // correction of the minutes would write it.
            let mut minutes = store.all::<Minutes>().next().unwrap().unwrap();
            let item = minutes
                .items
                .iter_mut()
                .find(|i| matches!(i.kind, crate::domain::AgendaKind::Case { .. }))
                .unwrap();
            item.discussed = false;
            store.save(&minutes).unwrap();
            check(&store);
            assert_eq!(store.digest_drift().unwrap(), Vec::<String>::new());
        }
        let store = Store::open(dir.path()).unwrap();
        check(&store);
        assert_eq!(store.digest_drift().unwrap(), Vec::<String>::new());
    }
}
