use chrono::{NaiveDate, NaiveTime};
use serde::Serialize;

use crate::domain::{Meeting, MeetingKind, MeetingState};

use crate::domain::{MeetingId, Minutes};
use crate::error::{Error, Result};
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
    Ok(store.next_open_meeting(today)?.as_ref().map(row))
}

/// The most recent closed meeting: the one `last` means, and the one that may be reopened.
pub fn last_closed(store: &Store) -> Result<Option<MeetingRow>> {
    Ok(store.last_closed_meeting()?.as_ref().map(row))
}

/// The fixed minutes of meeting `which`: its number, or `last` for the most recent closed one.
pub fn minutes(store: &Store, which: &str) -> Result<Minutes> {
    let not_found = || Error::NoMeeting(which.to_string());
    let id = if which.eq_ignore_ascii_case("last") || which == "laatste" {
        last_closed(store)?
            .map(|m| MeetingId(m.id))
            .ok_or_else(not_found)?
    } else {
        MeetingId(which.trim().parse().map_err(|_| not_found())?)
    };
    store.minutes(id)?.ok_or_else(not_found)
}
