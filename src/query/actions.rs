use chrono::NaiveDate;
use serde::Serialize;

use super::Labels;
use crate::domain::fold::fold;
use crate::domain::{Action, ActionStatus, Member, MemberId, Owner};
use crate::error::{Error, Field, Result};
use crate::store::Store;
use crate::store::records::OTHER_OWNER;

#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub open: bool,
    pub overdue: bool,
    pub owner: Option<String>,
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
        [] => {
            // Not a member: someone named in free text ("moeder"), if any action has them.
            let free_text = store.actions_of_member(MemberId(OTHER_OWNER))?;
            let known = free_text
                .iter()
                .any(|a| matches!(&a.owner, Owner::Other(owner) if fold(owner).contains(&wanted)));
            if known {
                Ok(OwnerMatch::Other(wanted))
            } else {
                Err(Error::NoOwner(name.trim().to_string()))
            }
        }
        many => Err(Error::Ambiguous(
            name.trim().to_string(),
            many.iter().map(|m| m.name.clone()).collect(),
        )),
    }
}

/// Actions by due date, earliest first.
pub fn list(store: &Store, filter: &Filter, today: NaiveDate) -> Result<Vec<ActionRow>> {
    let owner = filter
        .owner
        .as_deref()
        .map(|name| resolve_owner(store, name))
        .transpose()?;
    let only_open = filter.open || filter.overdue;
    let mut actions: Vec<Action> = match (&owner, only_open) {
        (Some(OwnerMatch::Member(id)), true) => store.open_actions(Some(Some(*id)))?,
        (Some(OwnerMatch::Other(_)), true) => store.open_actions(Some(None))?,
        (None, true) if filter.overdue => store.open_actions_due_before(today)?,
        (None, true) => store.open_actions(None)?,
        (Some(OwnerMatch::Member(id)), false) => store.actions_of_member(*id)?,
        (Some(OwnerMatch::Other(_)), false) => store.actions_of_member(MemberId(OTHER_OWNER))?,
        (None, false) => store
            .all::<Action>()
            .collect::<std::result::Result<_, _>>()?,
    };
    if let Some(OwnerMatch::Other(wanted)) = &owner {
        actions.retain(|a| matches!(&a.owner, Owner::Other(name) if fold(name).contains(wanted)));
    }
    if filter.overdue {
        actions.retain(|a| a.is_overdue(today));
    }
    actions.sort_by_key(|a| (a.due, a.id));
    rows(store, actions, today)
}

/// Actions as the team sees them: owners by name, pupils by name or pseudonym.
pub fn rows(store: &Store, actions: Vec<Action>, today: NaiveDate) -> Result<Vec<ActionRow>> {
    let mut labels = Labels::new(store);
    actions
        .into_iter()
        .map(|action| {
            Ok(ActionRow {
                id: action.id.0,
                owner: labels.owner(&action)?,
                pupil: match action.case {
                    Some(case) => labels.subject(case)?,
                    None => String::new(),
                },
                days_overdue: action.days_overdue(today),
                text: action.text,
                due: action.due,
                status: action.status,
            })
        })
        .collect()
}
