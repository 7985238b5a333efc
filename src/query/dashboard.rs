//! The start screen: the next OT, my open actions, everyone's overdue ones, cases whose
//! evaluation date has passed and cases changed lately. Read through indexes only, so a large
//! school's start screen reads what it shows and not the tens of thousands of cases behind it.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::Labels;
use super::actions::{self, ActionRow, Filter};
use super::meetings::{self, MeetingRow};
use crate::domain::{Case, CaseId, EventKind, Member, MemberId, PhaseModel, PupilId};
use crate::error::Result;
use crate::store::Store;

/// How far back "recently changed" looks.
pub const RECENT_DAYS: i64 = 14;

/// A case on the start screen: whom it is about as the team may see it, where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseRow {
    pub case: CaseId,
    pub pupil: PupilId,
    /// The pupil's name, or the case's pseudonym when consent does not allow the name.
    pub subject: String,
    pub phase: String,
    pub level: u8,
    /// The evaluation date, or the date of the latest change.
    pub date: NaiveDate,
    /// The latest change (recently changed cases only).
    pub change: Option<EventKind>,
}

/// What the start screen shows.
#[derive(Debug, Clone, Default)]
pub struct Dashboard {
    pub next_meeting: Option<MeetingRow>,
    /// The meeting that may be reopened, if any closed.
    pub last_closed: Option<MeetingRow>,
    /// The active members: whom "me" may be.
    pub members: Vec<Member>,
    /// The member using this otter, once chosen.
    pub me: Option<Member>,
    /// My open actions, by due date.
    pub mine: Vec<ActionRow>,
    pub overdue: Vec<ActionRow>,
    /// Open cases whose evaluation date has passed, longest passed first.
    pub evaluations: Vec<CaseRow>,
    /// Cases changed in the last `RECENT_DAYS` days, latest first.
    pub recent: Vec<CaseRow>,
}

pub fn load(store: &Store, model: &PhaseModel, today: NaiveDate) -> Result<Dashboard> {
    let members: Vec<Member> = store
        .all::<Member>()
        .filter(|m| m.as_ref().map_or(true, |m| m.active))
        .collect::<std::result::Result<_, _>>()?;
    let me = match store.me()? {
        Some(id) => store.member(id)?,
        None => None,
    };
    let overdue = Filter {
        overdue: true,
        ..Filter::default()
    };
    Ok(Dashboard {
        next_meeting: meetings::next(store, today)?,
        last_closed: meetings::last_closed(store)?,
        mine: match &me {
            Some(me) => mine(store, me.id, today)?,
            None => Vec::new(),
        },
        members,
        me,
        overdue: actions::list(store, &overdue, today)?,
        evaluations: evaluations(store, model, today)?,
        recent: recent(store, today)?,
    })
}

fn mine(store: &Store, me: MemberId, today: NaiveDate) -> Result<Vec<ActionRow>> {
    actions::rows(store, store.open_actions(Some(Some(me)))?, today)
}

fn evaluations(store: &Store, model: &PhaseModel, today: NaiveDate) -> Result<Vec<CaseRow>> {
    let mut labels = Labels::new(store);
    let mut rows = Vec::new();
    for id in store.open_cases_evaluated_before(today)? {
        let Some(case) = store.case(id)? else {
            continue;
        };
        // The index holds cases without a closing date; a school's own phase model may still
        // call the phase they are in final.
        if model.is_final(&case.phase) {
            continue;
        }
        let date = case.evaluation_date.unwrap_or(today);
        rows.push(row(&mut labels, case, date, None)?);
    }
    Ok(rows)
}

fn recent(store: &Store, today: NaiveDate) -> Result<Vec<CaseRow>> {
    let since = today - chrono::Duration::days(RECENT_DAYS);
    let mut labels = Labels::new(store);
    let mut seen = HashSet::new();
    let mut rows = Vec::new();
    for event in store.events_between(since, today)? {
        if !seen.insert(event.case) {
            continue;
        }
        if let Some(case) = store.case(event.case)? {
            rows.push(row(&mut labels, case, event.date, Some(event.kind))?);
        }
    }
    Ok(rows)
}

fn row(
    labels: &mut Labels,
    case: Case,
    date: NaiveDate,
    change: Option<EventKind>,
) -> Result<CaseRow> {
    let subject = if case.consent.shows_name() {
        labels.pupil_name(case.pupil)?
    } else {
        case.pseudonym()
    };
    Ok(CaseRow {
        case: case.id,
        pupil: case.pupil,
        subject,
        phase: case.phase,
        level: case.level.get(),
        date,
        change,
    })
}
