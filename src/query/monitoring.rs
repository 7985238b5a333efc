//! Reads the case histories, meetings and actions for the monitoring figures: the only part of
//! monitoring that touches the store, so the figures themselves stay pure.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::domain::{Action, Case, CaseEvent, CaseId, Meeting, PhaseModel};
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
    Ok(Input {
        cases,
        meetings: store.all::<Meeting>().collect::<Result<_, _>>()?,
        actions: store.all::<Action>().collect::<Result<_, _>>()?,
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
