//! Undo in a meeting (`u`): each change made in an open meeting leaves a step saying what was
//! changed and what it was before, kept in the store per meeting (so it survives a restart of
//! the screen) and taken back last first. Taking one back is a reversal, not a new event: the
//! history and the minutes read as if the change was never made; the audit log records it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::action::{Action, ActionStatus};
use super::case::{Case, CaseEvent, Consent, EventKind, Level};
use super::ids::{ActionId, CaseId, DecisionId, MeetingId};
use super::meeting::{AgendaKind, Meeting};

/// One change made in meeting `meeting`, `seq` counting from 0 in the order they were made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UndoStep {
    pub meeting: MeetingId,
    pub seq: u32,
    pub change: Change,
}

/// What was changed, with what undoing it needs: the value before and the records the change
/// added (an event, an action, a decision, a case), which undoing removes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    /// The case moved from phase `from` (closed on `closed` then, if it was), with event
    /// `event` of its history; `closing_reason` is the reason of closing it had before, when
    /// the move recorded a new one (closing early).
    Phase {
        case: CaseId,
        event: u32,
        from: String,
        closed: Option<NaiveDate>,
        #[serde(default)]
        closing_reason: Option<String>,
    },
    Level {
        case: CaseId,
        event: u32,
        from: Level,
    },
    Consent {
        case: CaseId,
        event: u32,
        from: Consent,
    },
    /// An action agreed in the meeting.
    ActionAdded { action: ActionId },
    /// An earlier action settled or changed in the meeting, as it was before.
    Action {
        what: ActionChange,
        was: Box<Action>,
    },
    /// A besluit recorded in the meeting.
    Decision { decision: DecisionId },
    /// A case opened as a new signal in the meeting and put on its agenda.
    Signal { case: CaseId },
}

/// What happened to an earlier action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionChange {
    Done,
    Reopened,
    Dropped,
    Owner,
    Due,
}

impl ActionChange {
    /// What changed from `was` to `now`, or `None` when nothing the meeting changes did.
    pub fn between(was: &Action, now: &Action) -> Option<ActionChange> {
        if was.status != now.status {
            return Some(match now.status {
                ActionStatus::Done { .. } => ActionChange::Done,
                ActionStatus::Dropped { .. } => ActionChange::Dropped,
                ActionStatus::Open => ActionChange::Reopened,
            });
        }
        if was.owner != now.owner {
            Some(ActionChange::Owner)
        } else if was.due != now.due {
            Some(ActionChange::Due)
        } else {
            None
        }
    }
}

impl Change {
    /// The step for an event of a case's history, given the case as it was before (when it was
    /// stored) and after; `None` for an event that is no change to take back (a case's opening
    /// is the signal's).
    pub fn of_event(event: &CaseEvent, before: Option<&Case>, after: &Case) -> Option<Change> {
        let (case, seq) = (event.case, event.seq);
        match &event.kind {
            EventKind::Opened => None,
            EventKind::Phase { from, .. } => Some(Change::Phase {
                case,
                event: seq,
                from: from.clone(),
                closed: before.and_then(|b| b.closed),
                closing_reason: before
                    .filter(|b| b.closing_reason != after.closing_reason)
                    .map(|b| b.closing_reason.clone()),
            }),
            EventKind::Level { from, .. } => Some(Change::Level {
                case,
                event: seq,
                from: *from,
            }),
            EventKind::Consent { from, .. } => Some(Change::Consent {
                case,
                event: seq,
                from: *from,
            }),
        }
    }

    /// The case whose own fields undoing sets back, with the event it removes.
    pub fn case_event(&self) -> Option<(CaseId, u32)> {
        match self {
            Change::Phase { case, event, .. }
            | Change::Level { case, event, .. }
            | Change::Consent { case, event, .. } => Some((*case, *event)),
            _ => None,
        }
    }

    /// Whether this change is about case `case`, or about one of the `actions` and `decisions`
    /// recorded about it: withdrawing the case leaves nothing of it to take back.
    pub fn about(&self, case: CaseId, actions: &[ActionId], decisions: &[DecisionId]) -> bool {
        match self {
            Change::Signal { case: signal } => *signal == case,
            Change::ActionAdded { action } => actions.contains(action),
            Change::Action { was, .. } => was.case == Some(case),
            Change::Decision { decision } => decisions.contains(decision),
            _ => self.case_event().is_some_and(|(of, _)| of == case),
        }
    }

    /// Sets `case` back to what it was before this change; only the fields the change
    /// touched, so what was recorded beside it (a field, the circles) stays.
    pub fn restore(&self, case: &mut Case) {
        match self {
            Change::Phase {
                from,
                closed,
                closing_reason,
                ..
            } => {
                case.phase = from.clone();
                case.closed = *closed;
                if let Some(reason) = closing_reason {
                    case.closing_reason.clone_from(reason);
                }
            }
            Change::Level { from, .. } => case.level = *from,
            Change::Consent { from, .. } => case.consent = *from,
            _ => {}
        }
    }
}

/// Takes the item of `case` off `meeting`'s agenda, keeping the item in front where it was (or
/// the one before it, when it was that item). False when the case was not on it.
pub fn take_off_agenda(meeting: &mut Meeting, case: CaseId) -> bool {
    let Some(at) = meeting
        .agenda
        .iter()
        .position(|item| item.kind == AgendaKind::Case { case })
    else {
        return false;
    };
    meeting.agenda.remove(at);
    if meeting.current_item >= at && meeting.current_item > 0 {
        meeting.current_item -= 1;
    }
    meeting.current_item = meeting
        .current_item
        .min(meeting.agenda.len().saturating_sub(1));
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{AgendaItem, MemberId, Owner};
    use crate::testkit::day;

    fn action(status: ActionStatus) -> Action {
        Action {
            id: ActionId(1),
            text: "Ouders bellen".into(),
            owner: Owner::Member(MemberId(1)),
            due: day(20),
            status,
            created: day(1),
            meeting: None,
            case: None,
            agenda_item: None,
            carried_through: vec![],
        }
    }

    #[test]
    fn an_action_s_change_is_named_by_what_differs() {
        let open = action(ActionStatus::Open);
        let done = action(ActionStatus::Done { on: day(23) });
        let dropped = action(ActionStatus::Dropped {
            on: day(23),
            reason: "verhuisd".into(),
        });
        assert_eq!(
            ActionChange::between(&open, &done),
            Some(ActionChange::Done)
        );
        assert_eq!(
            ActionChange::between(&done, &open),
            Some(ActionChange::Reopened)
        );
        assert_eq!(
            ActionChange::between(&open, &dropped),
            Some(ActionChange::Dropped)
        );
        let mut moved = open.clone();
        moved.due = day(30);
        assert_eq!(
            ActionChange::between(&open, &moved),
            Some(ActionChange::Due)
        );
        moved.owner = Owner::Other("moeder".into());
        assert_eq!(
            ActionChange::between(&open, &moved),
            Some(ActionChange::Owner)
        );
        assert_eq!(ActionChange::between(&open, &open), None);
    }

    #[test]
    fn restoring_a_phase_sets_back_phase_and_closing_only() {
        let mut case = Case::signal(
            CaseId(3),
            crate::domain::PupilId(1),
            "q".into(),
            "evaluatie".into(),
            day(1),
        );
        case.closed = Some(day(23));
        case.phase = "afgesloten".into();
        case.outcome = "doel gehaald".into();
        let change = Change::Phase {
            case: CaseId(3),
            event: 4,
            from: "evaluatie".into(),
            closed: None,
            closing_reason: None,
        };
        change.restore(&mut case);
        assert_eq!(case.phase, "evaluatie");
        assert_eq!(case.closed, None);
        assert_eq!(
            case.outcome, "doel gehaald",
            "a field recorded beside it stays"
        );
        assert_eq!(change.case_event(), Some((CaseId(3), 4)));
    }

    #[test]
    fn taking_a_case_off_the_agenda_keeps_the_item_in_front() {
        let item = |kind| AgendaItem::new(kind, 5);
        // From its stored form, so fields added to meetings later need no change here.
        let mut meeting: Meeting = serde_json::from_value(serde_json::json!({
            "id": 1, "date": "2026-11-23", "time": "14:00:00", "kind": "regular",
            "state": "open", "current_item": 2,
        }))
        .unwrap();
        meeting.agenda = vec![
            item(AgendaKind::Opening),
            item(AgendaKind::Case { case: CaseId(7) }),
            item(AgendaKind::Rondvraag),
        ];
        assert!(take_off_agenda(&mut meeting, CaseId(7)));
        assert_eq!(meeting.agenda.len(), 2);
        assert_eq!(
            meeting.agenda[meeting.current_item].kind,
            AgendaKind::Rondvraag
        );
        assert!(!take_off_agenda(&mut meeting, CaseId(7)), "once");
        meeting
            .agenda
            .insert(1, item(AgendaKind::Case { case: CaseId(8) }));
        meeting.current_item = 1;
        assert!(take_off_agenda(&mut meeting, CaseId(8)));
        assert_eq!(
            meeting.agenda[meeting.current_item].kind,
            AgendaKind::Opening
        );
    }
}
