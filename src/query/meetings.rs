use chrono::{NaiveDate, NaiveTime};
use serde::Serialize;

use crate::domain::{Meeting, MeetingKind, MeetingState};
use crate::error::Result;
use crate::store::Store;

#[derive(Debug, Clone, Serialize)]
pub struct MeetingRow {
    pub id: u64,
    pub date: NaiveDate,
    pub time: NaiveTime,
    pub place: String,
    pub kind: MeetingKind,
    pub state: MeetingState,
    pub cases: usize,
}

fn row(meeting: &Meeting) -> MeetingRow {
    MeetingRow {
        id: meeting.id.0,
        date: meeting.date,
        time: meeting.time,
        place: meeting.place.clone(),
        kind: meeting.kind,
        state: meeting.state,
        cases: meeting.cases().count(),
    }
}

/// Upcoming meetings soonest first, then past ones, most recent first: the next OT is what
/// people ask for.
pub fn list(store: &Store, today: NaiveDate) -> Result<Vec<MeetingRow>> {
    let meetings = store.meetings_by_date()?;
    let (upcoming, past): (Vec<&Meeting>, Vec<&Meeting>) = meetings
        .iter()
        .partition(|m| m.date >= today && m.state != MeetingState::Closed);
    Ok(upcoming
        .into_iter()
        .chain(past.into_iter().rev())
        .map(row)
        .collect())
}

/// The first meeting from today on that is not closed.
pub fn next(store: &Store, today: NaiveDate) -> Result<Option<MeetingRow>> {
    Ok(list(store, today)?
        .into_iter()
        .next()
        .filter(|m| m.state != MeetingState::Closed))
}
