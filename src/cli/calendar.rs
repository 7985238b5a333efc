//! `otter export actions --format ics`: the calendar file, and what the store keeps so that
//! the next export's entries replace this one's (the database's id, each entry's revision).

use chrono::NaiveDateTime;

use crate::error::{Error, Result};
use crate::query::{self, actions::Filter};
use crate::store::Store;

/// The actions that answer `filter` and the meetings to come, as iCalendar made at `stamp`
/// (UTC), meetings `meeting_minutes` long; the revisions it gave each entry are stored for the next export.
pub fn actions(
    store: &Store,
    filter: &Filter,
    cx: &crate::export::Context,
    stamp: NaiveDateTime,
    meeting_minutes: u32,
) -> Result<Vec<u8>> {
    let mut calendar = query::calendar::load(store, filter, cx.today, meeting_minutes)?;
    calendar.id = store.calendar_id()?;
    let mut revisions = store.calendar_revisions()?;
    let text = crate::export::calendar(&calendar, cx.lang, stamp, &mut revisions);
    store.set_calendar_revisions(&revisions)?;
    Ok(text.into_bytes())
}

/// Meeting `which` (the next one when `None`) as an invitation made at `stamp` (UTC), the
/// same entry as in the published calendar.
pub fn invitation(
    store: &Store,
    which: Option<&str>,
    cx: &crate::export::Context,
    stamp: NaiveDateTime,
    meeting_minutes: u32,
) -> Result<Vec<u8>> {
    let invitation = query::calendar::invitation(store, which, cx.today, meeting_minutes)?;
    if invitation.organizer.is_none() {
        return Err(Error::NoOrganizer);
    }
    let id = store.calendar_id()?;
    let mut revisions = store.calendar_revisions()?;
    let text = crate::export::invitation(&invitation, &id, cx.lang, stamp, &mut revisions);
    store.set_calendar_revisions(&revisions)?;
    Ok(text.into_bytes())
}
