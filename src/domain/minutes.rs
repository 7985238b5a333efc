//! The verslag: what a closed meeting fixed. A snapshot, so later edits to cases, actions or
//! members do not change what was agreed then.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::action::{Action, ActionStatus};
use super::case::{CaseEvent, Recorded};
use super::ids::{ActionId, CaseId, MeetingId};
use super::meeting::{AgendaKind, Meeting, MeetingKind, Presence};
use super::note::{Decision, Note};
use super::phase::Requirement;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinutesAction {
    pub id: ActionId,
    pub text: String,
    pub owner: String,
    pub due: NaiveDate,
    /// The pupil of the action's case as the team sees it (the name, or the pseudonym when
    /// consent is "anoniem"); empty without a case, and in minutes fixed before it was kept.
    #[serde(default)]
    pub subject: String,
}

/// An earlier action the meeting went through and finished: done, or dropped and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinutesReview {
    #[serde(flatten)]
    pub action: MinutesAction,
    /// None when done or still open; the reason when dropped.
    pub dropped: Option<String>,
    /// Still open: the meeting changed its owner or due date only.
    #[serde(default)]
    pub open: bool,
    /// The owner before the meeting gave it another, by name.
    #[serde(default)]
    pub owner_was: Option<String>,
    /// The due date before the meeting gave it another.
    #[serde(default)]
    pub due_was: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinutesItem {
    #[serde(flatten)]
    pub kind: AgendaKind,
    /// For a case: the pupil's name, or the pseudonym when consent is "anoniem".
    #[serde(default)]
    pub subject: String,
    pub notes: Vec<String>,
    /// The case's phase each of `notes` was written in, by position; empty in minutes fixed
    /// before it was kept, and for the notes of other items.
    #[serde(default)]
    pub note_phases: Vec<Option<String>>,
    pub decisions: Vec<String>,
    pub changes: Vec<CaseEvent>,
    pub actions: Vec<MinutesAction>,
    /// Under Actiepunten: the earlier actions finished in this meeting.
    #[serde(default)]
    pub reviewed: Vec<MinutesReview>,
    /// For a case: what this meeting recorded of what its phases ask, as it stood then.
    /// (Minutes fixed before otter told the two apart hold here all the case had recorded.)
    #[serde(default)]
    pub recorded: Vec<(Requirement, Recorded)>,
    /// For a case: what its phases in this meeting had recorded before it, as it stood then.
    #[serde(default)]
    pub recorded_before: Vec<(Requirement, Recorded)>,
    /// For a case: whether the meeting did anything with it (a note, a decision, an action, a
    /// change of phase, level, consent or fields). A case only passed by is "niet besproken".
    /// Other items, and minutes fixed before this was kept, count as discussed.
    #[serde(default = "discussed_by_default")]
    pub discussed: bool,
}

fn discussed_by_default() -> bool {
    true
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Minutes {
    pub meeting: MeetingId,
    pub date: NaiveDate,
    pub time: NaiveTime,
    pub place: String,
    pub kind: MeetingKind,
    pub chair: String,
    pub present: Vec<String>,
    pub absent_with_notice: Vec<String>,
    pub absent: Vec<String>,
    pub items: Vec<MinutesItem>,
    /// Open actions of earlier meetings that this meeting kept open.
    pub carried_over: Vec<MinutesAction>,
    pub next_meeting: Option<NaiveDate>,
    pub fixed_on: NaiveDate,
    /// When the meeting was reopened after an earlier closing, and why.
    #[serde(default)]
    pub reopened: Vec<super::meeting::Reopening>,
}

/// What the minutes are compiled from; names are resolved by the caller, which knows the
/// members and which cases are anonymous.
pub struct MinutesSource<'a> {
    pub meeting: &'a Meeting,
    pub chair: String,
    pub attendee_name: &'a dyn Fn(&super::meeting::Attendee) -> String,
    /// How the team names the pupil of a case: for the agenda's cases and the actions' cases.
    pub subject: &'a dyn Fn(CaseId) -> String,
    pub owner_name: &'a dyn Fn(&Action) -> String,
    pub notes: &'a [Note],
    pub decisions: &'a [Decision],
    pub events: &'a [CaseEvent],
    /// Actions agreed in this meeting.
    pub actions: &'a [Action],
    pub carried_over: &'a [Action],
    /// Earlier actions done or dropped in this meeting.
    pub reviewed: &'a [Action],
    /// What a case on the agenda has recorded for the phases it was in during the meeting.
    pub recorded: &'a dyn Fn(CaseId) -> Vec<(Requirement, Recorded)>,
    pub fixed_on: NaiveDate,
}

impl MinutesItem {
    /// Nothing was recorded under the item: no note, decision, change, action, review or
    /// field.
    pub fn is_empty(&self) -> bool {
        self.notes.is_empty()
            && self.decisions.is_empty()
            && self.changes.is_empty()
            && self.actions.is_empty()
            && self.reviewed.is_empty()
            && self.recorded.is_empty()
            && self.recorded_before.is_empty()
    }

    /// Each note with the phase it was written in, when the minutes kept it.
    pub fn notes_with_phases(&self) -> impl Iterator<Item = (&str, Option<&str>)> {
        self.notes.iter().enumerate().map(|(at, note)| {
            let phase = self.note_phases.get(at).and_then(|p| p.as_deref());
            (note.as_str(), phase)
        })
    }
}

impl Minutes {
    /// The cases on the agenda that the meeting passed by: "niet besproken". The one rule
    /// the dossier, the next agenda and the monitoring figure read; `compile` decides it.
    pub fn passed_by(&self) -> impl Iterator<Item = CaseId> + '_ {
        self.items
            .iter()
            .filter(|item| !item.discussed)
            .filter_map(|item| match item.kind {
                AgendaKind::Case { case } => Some(case),
                _ => None,
            })
    }

    pub fn compile(source: &MinutesSource<'_>) -> Minutes {
        let meeting = source.meeting;
        let names_with = |presence: Presence| {
            meeting
                .attendance
                .iter()
                .filter(|a| a.presence == presence)
                .map(|a| (source.attendee_name)(&a.who))
                .collect::<Vec<_>>()
        };
        let as_minutes = |action: &Action| MinutesAction {
            id: action.id,
            text: action.text.clone(),
            owner: (source.owner_name)(action),
            due: action.due,
            subject: action.case.map(source.subject).unwrap_or_default(),
        };
        let items = meeting
            .agenda
            .iter()
            .enumerate()
            .map(|(index, item)| {
                let index = u16::try_from(index).ok();
                let case = match item.kind {
                    AgendaKind::Case { case } => Some(case),
                    _ => None,
                };
                // Case items gather by case; other items by their position on the agenda.
                let belongs = |note_case: Option<CaseId>, note_item: Option<u16>| match case {
                    Some(case) => note_case == Some(case),
                    None => note_case.is_none() && note_item == index,
                };
                let mut item = MinutesItem {
                    kind: item.kind.clone(),
                    subject: case.map(source.subject).unwrap_or_default(),
                    notes: source
                        .notes
                        .iter()
                        .filter(|n| belongs(n.case, n.agenda_item))
                        .map(|n| n.text.clone())
                        .collect(),
                    note_phases: source
                        .notes
                        .iter()
                        .filter(|n| belongs(n.case, n.agenda_item))
                        .map(|n| n.phase.clone().filter(|_| case.is_some()))
                        .collect(),
                    decisions: source
                        .decisions
                        .iter()
                        .filter(|d| belongs(d.case, d.agenda_item))
                        .map(|d| d.text.clone())
                        .collect(),
                    changes: source
                        .events
                        .iter()
                        .filter(|e| case == Some(e.case))
                        .cloned()
                        .collect(),
                    actions: source
                        .actions
                        .iter()
                        .filter(|a| belongs(a.case, a.agenda_item))
                        .map(as_minutes)
                        .collect(),
                    recorded: Vec::new(),
                    recorded_before: Vec::new(),
                    reviewed: match item.kind {
                        AgendaKind::Actions => source
                            .reviewed
                            .iter()
                            .filter_map(|a| {
                                let action = as_minutes(a);
                                // A change back to what it was is no change.
                                let change =
                                    meeting.action_changes.iter().find(|c| c.action == a.id);
                                let owner_was = change
                                    .and_then(|c| c.owner_was.clone())
                                    .filter(|was| *was != action.owner);
                                let due_was =
                                    change.and_then(|c| c.due_was).filter(|was| *was != a.due);
                                let (dropped, open) = match &a.status {
                                    ActionStatus::Done { .. } => (None, false),
                                    ActionStatus::Dropped { reason, .. } => {
                                        (Some(reason.clone()), false)
                                    }
                                    ActionStatus::Open
                                        if owner_was.is_some() || due_was.is_some() =>
                                    {
                                        (None, true)
                                    }
                                    ActionStatus::Open => return None,
                                };
                                Some(MinutesReview {
                                    action,
                                    dropped,
                                    open,
                                    owner_was,
                                    due_was,
                                })
                            })
                            .collect(),
                        _ => Vec::new(),
                    },
                    discussed: true,
                };
                if let Some(case) = case {
                    (item.recorded, item.recorded_before) = (source.recorded)(case)
                        .into_iter()
                        .partition(|(field, _)| meeting.recorded_here(case, *field));
                    item.discussed = item.notes.iter().any(|n| !n.trim().is_empty())
                        || !item.decisions.is_empty()
                        || !item.changes.is_empty()
                        || !item.actions.is_empty()
                        || meeting.changed_cases.contains(&case);
                }
                item
            })
            .collect();
        Minutes {
            meeting: meeting.id,
            date: meeting.date,
            time: meeting.time,
            place: meeting.place.clone(),
            kind: meeting.kind,
            chair: source.chair.clone(),
            present: names_with(Presence::Present),
            absent_with_notice: names_with(Presence::AbsentWithNotice),
            absent: names_with(Presence::Absent),
            items,
            carried_over: source.carried_over.iter().map(as_minutes).collect(),
            next_meeting: meeting.next_meeting,
            fixed_on: source.fixed_on,
            reopened: meeting.reopened.clone(),
        }
    }
}
