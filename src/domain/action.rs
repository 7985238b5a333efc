use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::{ActionId, CaseId, MeetingId, MemberId};

/// The eigenaar of an action: a member of the team, or someone named in free text (a parent,
/// a guest). Free-text owners are never put in a store key.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Owner {
    Member(MemberId),
    Other(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum ActionStatus {
    Open,
    Done { on: NaiveDate },
    Dropped { on: NaiveDate, reason: String },
}

/// An actiepunt: what, who, when, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    pub id: ActionId,
    pub text: String,
    pub owner: Owner,
    pub due: NaiveDate,
    #[serde(flatten)]
    pub status: ActionStatus,
    pub created: NaiveDate,
    /// The meeting that agreed it.
    #[serde(default)]
    pub meeting: Option<MeetingId>,
    #[serde(default)]
    pub case: Option<CaseId>,
    /// Index of the agenda item it was agreed under.
    #[serde(default)]
    pub agenda_item: Option<u16>,
    /// Later meetings that reviewed it and kept it open, oldest first.
    #[serde(default)]
    pub carried_through: Vec<MeetingId>,
}

impl Action {
    pub fn is_open(&self) -> bool {
        self.status == ActionStatus::Open
    }

    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.is_open() && self.due < today
    }

    /// Whole days past due on `today`, 0 when not overdue.
    pub fn days_overdue(&self, today: NaiveDate) -> i64 {
        if self.is_overdue(today) {
            (today - self.due).num_days()
        } else {
            0
        }
    }

    /// Done by its due date: the monitoring figure "actions done on time".
    pub fn done_on_time(&self) -> Option<bool> {
        match self.status {
            ActionStatus::Done { on } => Some(on <= self.due),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn action(status: ActionStatus) -> Action {
        Action {
            id: ActionId(1),
            text: "Ouders bellen".into(),
            owner: Owner::Member(MemberId(1)),
            due: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
            status,
            created: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
            meeting: None,
            case: None,
            agenda_item: None,
            carried_through: vec![],
        }
    }

    #[test]
    fn only_open_actions_past_due_are_overdue() {
        let monday = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let open = action(ActionStatus::Open);
        assert!(open.is_overdue(monday));
        assert_eq!(open.days_overdue(monday), 3);
        assert!(!open.is_overdue(open.due), "due today is not overdue");
        let done = action(ActionStatus::Done { on: monday });
        assert!(!done.is_overdue(monday));
        assert_eq!(done.done_on_time(), Some(false));
    }

    #[test]
    fn status_round_trips_through_json() {
        let dropped = action(ActionStatus::Dropped {
            on: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
            reason: "niet meer nodig".into(),
        });
        let json = serde_json::to_string(&dropped).unwrap();
        assert_eq!(serde_json::from_str::<Action>(&json).unwrap(), dropped);
    }
}
