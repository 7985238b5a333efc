use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::Serialize;

use crate::domain::{Meeting, MeetingKind, MeetingState};

use crate::domain::case::{Circle, Recorded};
use crate::domain::dates::{DateContext, format_date, parse_date};
use crate::domain::minutes::{MinutesAction, MinutesItem};
use crate::domain::redact::PupilNames;
use crate::domain::{AgendaKind, CaseId, MeetingId, Minutes, Subject};
use crate::error::{Error, Result};
use crate::query::labels::Labels;
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

/// The meeting `which` means, as `--meeting` takes it: its number, `last` (`laatste`) for
/// the most recent closed one, or its date as people type it (`19-11-2026`, `19-11`).
pub fn resolve(store: &Store, which: &str, today: NaiveDate) -> Result<MeetingId> {
    let which = which.trim();
    let not_found = || Error::UnknownMeeting(which.to_string());
    if which.eq_ignore_ascii_case("last") || which.eq_ignore_ascii_case("laatste") {
        return last_closed(store)?
            .map(|m| MeetingId(m.id))
            .ok_or(Error::NoClosedMeeting);
    }
    if let Ok(number) = which.parse::<u64>() {
        return store
            .meeting(MeetingId(number))?
            .map(|m| m.id)
            .ok_or_else(not_found);
    }
    let context = DateContext {
        today,
        next_meeting: None,
    };
    let day = parse_date(which, context).map_err(|_| not_found())?;
    // A date without a year is read as the next such day; a meeting asked for by date is
    // as often one that was, so the year before counts too.
    let days = [day, day.with_year(day.year() - 1).unwrap_or(day)];
    store
        .meetings_by_date()?
        .into_iter()
        .rev()
        .find(|m| days.contains(&m.date))
        .map(|m| m.id)
        .ok_or_else(not_found)
}

/// The fixed minutes of meeting `which` (see [`resolve`]) as they may leave otter now
/// ([`fixed`]); a meeting not yet closed has none.
pub fn minutes(store: &Store, which: &str, today: NaiveDate) -> Result<Minutes> {
    let id = resolve(store, which, today)?;
    if let Some(minutes) = fixed(store, id)? {
        return Ok(minutes);
    }
    let date = store.meeting(id)?.map(|m| m.date);
    Err(Error::NotFixed(date.map(format_date).unwrap_or_default()))
}

/// The fixed minutes of meeting `id` as they may leave otter now (BRIEF §8): as fixed, except
/// that a case whose parents have since said "nee" or "anoniem" goes by its pseudonym, and the
/// owners beside it without the groep, in the minutes of every meeting held before too
/// ([`relabel`]). The stored record is not changed.
pub fn fixed(store: &Store, id: MeetingId) -> Result<Option<Minutes>> {
    match store.minutes(id)? {
        Some(minutes) => leaving(store, minutes).map(Some),
        None => Ok(None),
    }
}

/// `minutes`, fixed or a draft of a meeting still open, as they may leave otter now
/// ([`relabel`] for the team's own screen).
pub fn leaving(store: &Store, mut minutes: Minutes) -> Result<Minutes> {
    relabel(store, &mut minutes, &mut Labels::new(store))?;
    Ok(minutes)
}

/// `minutes` with each pupil as `labels` may show them now (BRIEF §8), for the minutes that
/// leave otter and those the room sees on the Verslag item alike: a case `labels` does not
/// name goes by its pseudonym, in its item and in every action, and each owner beside a
/// pseudonym goes without the groep ([`Subject::owner_beside`]): "leerkracht groep 3" beside
/// "Leerling KR-47" narrows the pupil down to a class as surely as a name. A case still named
/// keeps what was fixed, so one fixed by its pseudonym keeps it. Where the case or the action
/// is gone nothing says the pupil may be named: a shared screen names nobody there, the team's
/// own minutes keep what was fixed.
pub(super) fn relabel(store: &Store, minutes: &mut Minutes, labels: &mut Labels) -> Result<()> {
    let presenting = labels.is_presenting();
    for item in &mut minutes.items {
        if let AgendaKind::Case { case } = item.kind {
            match shown_now(labels, case, &item.subject)? {
                Some(Subject::Pseudonym(pseudonym)) => {
                    item.subject = pseudonym;
                    mask_own_name(item, &labels.own_names(case)?);
                }
                Some(Subject::Named { .. }) => {}
                None if presenting => item.subject.clear(),
                None => {}
            }
        }
    }
    let mut relabel_action = |action: &mut MinutesAction, owner_was: Option<&mut String>| {
        let case = store.action(action.id)?.and_then(|found| found.case);
        let shown = match case {
            Some(case) => shown_now(labels, case, &action.subject)?,
            None => None,
        };
        match shown {
            Some(shown) => {
                if let Subject::Pseudonym(pseudonym) = &shown {
                    action.subject.clone_from(pseudonym);
                    if let Some(case) = case {
                        labels.own_names(case)?.mask_all([&mut action.text]);
                    }
                }
                action.owner = shown.owner_beside(&action.owner);
                if let Some(was) = owner_was {
                    *was = shown.owner_beside(was);
                }
            }
            None if presenting => action.subject.clear(),
            None => {}
        }
        Result::Ok(())
    };
    for item in &mut minutes.items {
        for action in &mut item.actions {
            relabel_action(action, None)?;
        }
        for review in &mut item.reviewed {
            relabel_action(&mut review.action, review.owner_was.as_mut())?;
        }
    }
    for action in &mut minutes.carried_over {
        relabel_action(action, None)?;
    }
    Ok(())
}

/// The texts of a case's item with the words of its pupil's name masked, where the case goes
/// by its pseudonym: its notes, decisions, the reasons of its changes, what it recorded in
/// words, and its actions (the others' actions are masked by their own case).
fn mask_own_name(item: &mut MinutesItem, names: &PupilNames) {
    names.mask_all(item.notes.iter_mut());
    names.mask_all(item.decisions.iter_mut());
    names.mask_all(item.changes.iter_mut().map(|change| &mut change.reason));
    for (_, recorded) in item.recorded.iter_mut().chain(&mut item.recorded_before) {
        match recorded {
            Recorded::Text(text) => names.mask_all([text]),
            Recorded::List(list) => names.mask_all(list.iter_mut()),
            Recorded::Circles(circles) => names.mask_all(
                circles
                    .circles_mut()
                    .into_iter()
                    .flat_map(Circle::parts_mut),
            ),
            Recorded::Day(_)
            | Recorded::HelpStarted(_)
            | Recorded::WaitingSince(_)
            | Recorded::YesNo(_)
            | Recorded::Consent(_) => {}
        }
    }
}

/// The pupil of `case` as minutes that fixed them as `fixed` may show them now: as `labels`
/// shows them, except that a case fixed by its pseudonym keeps it when its parents later say
/// "ja". `None` when the case is gone.
fn shown_now(labels: &mut Labels, case: CaseId, fixed: &str) -> Result<Option<Subject>> {
    let fixed_by_pseudonym = labels
        .case(case)?
        .is_some_and(|found| found.pseudonym() == fixed);
    Ok(match labels.shown(case)? {
        Some(Subject::Named { .. }) if fixed_by_pseudonym => {
            Some(Subject::Pseudonym(fixed.to_string()))
        }
        shown => shown,
    })
}
