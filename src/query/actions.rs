use chrono::NaiveDate;
use serde::Serialize;

use super::Labels;
use crate::domain::fold::fold;
use crate::domain::{Action, ActionStatus, Member, MemberId, Owner, Showing};
use crate::error::{Error, Field, Result};
use crate::store::Store;
use crate::store::records::OTHER_OWNER;

/// Which actions a person asks for, on the actions screen and with `otter actions`: both
/// build one of these and call [`list`] or [`entries`], so the answers cannot differ.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only open actions; the same as `status: Status::Open`, kept for the call sites that
    /// read better with it (`--open`, the dashboard).
    pub open: bool,
    pub status: Status,
    /// Open and past due.
    pub overdue: bool,
    /// A member (whole name or a part that fits one), or a free-text owner ("moeder").
    pub owner: Option<String>,
    /// A part of the pupil's name as the team sees it: the pseudonym for an anonymous case,
    /// so a real name never finds an anonymous case.
    pub pupil: Option<String>,
    /// The meeting that agreed the action: its number, `last`, or its date.
    pub meeting: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    #[value(alias = "alle")]
    All,
    Open,
    #[value(alias = "gedaan")]
    Done,
    #[value(alias = "vervallen")]
    Dropped,
}

impl Status {
    /// A status filter as the actions screen's header names it.
    pub fn label(self, t: &crate::i18n::Texts) -> &'static str {
        match self {
            Status::All => t.status_all,
            Status::Open => t.status_open,
            Status::Done => t.status_done,
            Status::Dropped => t.status_dropped,
        }
    }

    /// The order `s` cycles through on the actions screen, open first.
    pub fn next(self) -> Status {
        match self {
            Status::Open => Status::Done,
            Status::Done => Status::Dropped,
            Status::Dropped => Status::All,
            Status::All => Status::Open,
        }
    }

    pub fn admits(self, status: &ActionStatus) -> bool {
        matches!(
            (self, status),
            (Status::All, _)
                | (Status::Open, ActionStatus::Open)
                | (Status::Done, ActionStatus::Done { .. })
                | (Status::Dropped, ActionStatus::Dropped { .. })
        )
    }
}

impl Filter {
    /// The status asked for, `open` and `overdue` included.
    pub fn status(&self) -> Status {
        if self.open || self.overdue {
            Status::Open
        } else {
            self.status
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionRow {
    pub id: u64,
    pub text: String,
    pub owner: String,
    pub due: NaiveDate,
    #[serde(flatten)]
    pub status: ActionStatus,
    /// The pupil's name, or the case's pseudonym when consent does not allow the name.
    pub pupil: String,
    pub days_overdue: i64,
}

/// Whom `--owner NAME` means: a member, or the free-text owners whose name contains it.
enum OwnerMatch {
    Member(MemberId),
    Other(String),
}

/// A member by whole name or by a part that fits one member; any other text is taken as a
/// free-text owner, checked only when nothing is found (reading every free-text action just to
/// say yes costs a large school hundreds of milliseconds).
fn resolve_owner(store: &Store, name: &str) -> Result<OwnerMatch> {
    let wanted = fold(name.trim());
    if wanted.is_empty() {
        return Err(Error::Empty(Field::Name));
    }
    let members: Vec<Member> = store
        .all::<Member>()
        .collect::<std::result::Result<_, _>>()?;
    if let Some(exact) = members.iter().find(|m| fold(&m.name) == wanted) {
        return Ok(OwnerMatch::Member(exact.id));
    }
    let partial: Vec<&Member> = members
        .iter()
        .filter(|m| fold(&m.name).contains(&wanted))
        .collect();
    match partial.as_slice() {
        [one] => Ok(OwnerMatch::Member(one.id)),
        [] => Ok(OwnerMatch::Other(wanted)),
        many => Err(Error::Ambiguous(
            name.trim().to_string(),
            many.iter().map(|m| m.name.clone()).collect(),
        )),
    }
}

fn named_in_free_text(action: &Action, wanted: &str) -> bool {
    matches!(&action.owner, Owner::Other(name) if fold(name).contains(wanted))
}

/// Actions by due date, earliest first.
pub fn list(store: &Store, filter: &Filter, today: NaiveDate) -> Result<Vec<ActionRow>> {
    Ok(entries(store, filter, today)?
        .into_iter()
        .map(|(_, row)| row)
        .collect())
}

/// Actions by due date, earliest first, each with its row: the actions screen edits the
/// action and shows the row.
pub fn entries(
    store: &Store,
    filter: &Filter,
    today: NaiveDate,
) -> Result<Vec<(Action, ActionRow)>> {
    entries_as(store, filter, today, Showing::Private)
}

/// [`entries`] with their pupils as `showing` allows: the actions screen while a meeting is
/// open names no pupil but the one under discussion.
pub fn entries_as(
    store: &Store,
    filter: &Filter,
    today: NaiveDate,
    showing: Showing,
) -> Result<Vec<(Action, ActionRow)>> {
    let owner = filter
        .owner
        .as_deref()
        .map(|name| resolve_owner(store, name))
        .transpose()?;
    let meeting = filter
        .meeting
        .as_deref()
        .map(|which| super::meetings::resolve(store, which, today))
        .transpose()?;
    let status = filter.status();
    let only_open = status == Status::Open;
    // The narrowest index first; the rest is filtered below.
    let mut actions: Vec<Action> = match (meeting, &owner, only_open) {
        (Some(meeting), _, _) => store.actions_of_meeting(meeting)?,
        (None, Some(OwnerMatch::Member(id)), true) => store.open_actions(Some(Some(*id)))?,
        (None, Some(OwnerMatch::Other(_)), true) => store.open_actions(Some(None))?,
        (None, None, true) if filter.overdue => store.open_actions_due_before(today)?,
        (None, None, true) => store.open_actions(None)?,
        (None, Some(OwnerMatch::Member(id)), false) => store.actions_of_member(*id)?,
        (None, Some(OwnerMatch::Other(_)), false) => {
            store.actions_of_member(MemberId(OTHER_OWNER))?
        }
        (None, None, false) => store
            .all::<Action>()
            .collect::<std::result::Result<_, _>>()?,
    };
    actions.retain(|a| {
        status.admits(&a.status)
            && (!filter.overdue || a.is_overdue(today))
            && match &owner {
                Some(OwnerMatch::Member(id)) => a.owner == Owner::Member(*id),
                Some(OwnerMatch::Other(wanted)) => named_in_free_text(a, wanted),
                None => true,
            }
    });
    if actions.is_empty()
        && let (Some(OwnerMatch::Other(wanted)), Some(name)) = (&owner, &filter.owner)
    {
        let known = store
            .actions_of_member(MemberId(OTHER_OWNER))?
            .iter()
            .any(|a| named_in_free_text(a, wanted));
        if !known {
            return Err(Error::NoOwner(name.trim().to_string()));
        }
    }
    actions.sort_by_key(|a| (a.due, a.id));
    let pupil = filter
        .pupil
        .as_deref()
        .map(super::pupils::name_key)
        .filter(|text| !text.is_empty());
    let mut labels = Labels::showing(store, showing);
    let mut found = Vec::with_capacity(actions.len());
    for action in actions {
        let row = row(&mut labels, &action, today)?;
        if pupil
            .as_ref()
            .is_none_or(|wanted| super::pupils::name_key(&row.pupil).contains(wanted))
        {
            found.push((action, row));
        }
    }
    Ok(found)
}

/// Actions with their pupils as `showing` allows: a screen the room may see while a meeting
/// is open names no pupil but the one under discussion.
pub fn rows(
    store: &Store,
    actions: Vec<Action>,
    today: NaiveDate,
    showing: Showing,
) -> Result<Vec<ActionRow>> {
    let mut labels = Labels::showing(store, showing);
    actions
        .iter()
        .map(|action| row(&mut labels, action, today))
        .collect()
}

fn row(labels: &mut Labels, action: &Action, today: NaiveDate) -> Result<ActionRow> {
    Ok(ActionRow {
        id: action.id.0,
        owner: labels.owner(action)?,
        pupil: match action.case {
            Some(case) => labels.subject(case)?,
            None => String::new(),
        },
        days_overdue: action.days_overdue(today),
        text: action.text.clone(),
        due: action.due,
        status: action.status.clone(),
    })
}
