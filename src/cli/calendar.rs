//! `otter export actions --format ics`: the calendar file, and what the store keeps so that
//! the next export's entries replace this one's (the database's id, each entry's revision).
//!
//! Beside the screen (a store opened to read) the revisions are derived and not kept: an
//! entry changed since the last kept export gets the sequence after the kept one, as the
//! screen's or the next export's will, with a later DTSTAMP there (RFC 5546 §2.1.4: an equal
//! sequence with a later stamp replaces too), so every calendar ends with the newest entry.

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
    keep(store, &revisions)?;
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
    keep(store, &revisions)?;
    Ok(text.into_bytes())
}

/// Keeps the revisions an export gave, for the next export; a store opened to read beside the
/// screen keeps none (module note).
fn keep(store: &Store, revisions: &crate::domain::calendar::Revisions) -> Result<()> {
    if !store.is_read_only() {
        store.set_calendar_revisions(revisions)?;
    }
    Ok(())
}
