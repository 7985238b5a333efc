//! What `otter export actions --format ics` puts in a calendar: the actions that answer the
//! filter, and the meetings still to come. Calendars are often synced to a cloud, so a pupil
//! is named by initials or, for an anonymous case, by the pseudonym: never by full name.

use chrono::{NaiveDate, NaiveTime};

use super::Labels;
use super::actions::{Filter, entries};
use crate::domain::{ActionStatus, MeetingKind, MeetingState};
use crate::error::Result;
use crate::store::Store;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarAction {
    pub id: u64,
    pub text: String,
    pub owner: String,
    pub due: NaiveDate,
    pub status: ActionStatus,
    /// Initials, or the pseudonym; empty for an action without a case.
    pub pupil: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarMeeting {
    pub id: u64,
    pub date: NaiveDate,
    pub time: NaiveTime,
    /// The planned length: the agenda's timeboxes are how the time is shared, not how long
    /// the room is booked.
    pub minutes: u32,
    pub place: String,
    pub kind: MeetingKind,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Calendar {
    /// The database's calendar id, in every UID (`Store::calendar_id`, which the caller may
    /// write: this read model only reads).
    pub id: String,
    pub actions: Vec<CalendarAction>,
    /// Planned and open meetings, by date.
    pub meetings: Vec<CalendarMeeting>,
}

/// The entries, with each meeting `meeting_minutes` long.
pub fn load(
    store: &Store,
    filter: &Filter,
    today: NaiveDate,
    meeting_minutes: u32,
) -> Result<Calendar> {
    let mut labels = Labels::new(store);
    let mut actions = Vec::new();
    for (action, row) in entries(store, filter, today)? {
        let pupil = match action.case {
            Some(case) => labels.short_subject(case)?,
            None => String::new(),
        };
        actions.push(CalendarAction {
            id: row.id,
            text: row.text,
            owner: row.owner,
            due: row.due,
            status: row.status,
            pupil,
        });
    }
    let meetings = store
        .meetings_by_date()?
        .into_iter()
        .filter(|m| m.state != MeetingState::Closed)
        .map(|m| CalendarMeeting {
            id: m.id.0,
            date: m.date,
            time: m.time,
            minutes: meeting_minutes,
            place: m.place,
            kind: m.kind,
        })
        .collect();
    Ok(Calendar {
        id: String::new(),
        actions,
        meetings,
    })
}
