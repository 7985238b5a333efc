//! What `otter export actions --format ics` puts in a calendar: the actions that answer the
//! filter, and the meetings still to come. Calendars are often synced to a cloud, so a pupil
//! is named by initials or, for an anonymous case, by the pseudonym: never by full name.

use chrono::{NaiveDate, NaiveTime};

use super::Labels;
use super::actions::{Filter, entries};
use crate::domain::meeting::Attendee;
use crate::domain::{ActionStatus, MeetingKind, MeetingState, Member, MemberId};
use crate::error::{Error, Result};
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

/// Someone on an invitation: a member with an e-mail address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitee {
    pub name: String,
    pub email: String,
}

/// A meeting as an invitation: who sends it and whom it goes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    pub meeting: CalendarMeeting,
    /// The chair, or else the person at this otter ("me"), if they have an address.
    pub organizer: Option<Invitee>,
    /// The members invited to the meeting (every active member while nobody is invited yet)
    /// who have an address, the organizer too; guests are invited by the IB themselves.
    pub attendees: Vec<Invitee>,
}

/// The invitation to meeting `which` (as `--meeting` takes it), or to the next meeting not
/// yet closed.
pub fn invitation(
    store: &Store,
    which: Option<&str>,
    today: NaiveDate,
    meeting_minutes: u32,
) -> Result<Invitation> {
    let meeting = match which {
        Some(which) => {
            let id = super::meetings::resolve(store, which, today)?;
            store.meeting(id)?
        }
        None => store.next_open_meeting(today)?,
    }
    .ok_or(Error::NoPlannedMeeting)?;
    let members: Vec<Member> = store
        .all::<Member>()
        .collect::<std::result::Result<_, _>>()?;
    let invitee = |id: MemberId| {
        let member = members.iter().find(|m| m.id == id)?;
        Some(Invitee {
            name: member.name.clone(),
            email: member.email.clone()?,
        })
    };
    let me = store.me()?;
    let organizer = meeting
        .chair
        .and_then(invitee)
        .or_else(|| me.and_then(invitee));
    let mut invited = meeting.clone();
    invited.invite_team(&members);
    let attendees = invited
        .attendance
        .iter()
        .filter_map(|a| match a.who {
            Attendee::Member(id) => invitee(id),
            Attendee::Guest { .. } => None,
        })
        .collect();
    Ok(Invitation {
        meeting: CalendarMeeting {
            id: meeting.id.0,
            date: meeting.date,
            time: meeting.time,
            minutes: meeting_minutes,
            place: meeting.place,
            kind: meeting.kind,
        },
        organizer,
        attendees,
    })
}
