use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use super::ids::{ActionId, CaseId, MeetingId, MemberId};
use super::member::Role;
use super::phase::Requirement;
use super::subject::Showing;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingState {
    Planned,
    Open,
    /// The minutes are fixed (vastgesteld).
    Closed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    Regular,
    /// A short meeting without parents before the OT proper.
    Vooroverleg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Presence {
    NotRecorded,
    Present,
    AbsentWithNotice,
    Absent,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attendee {
    Member(MemberId),
    /// A leerkracht or parent invited for one item.
    Guest {
        name: String,
        role: Role,
        /// The role in the chair's own words when the catalog has no such role ("leerkracht
        /// groep 5"); empty when `role` says it. Left out of the record when empty, so
        /// guests stored before it read and write the same.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        title: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendance {
    pub who: Attendee,
    pub presence: Presence,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AgendaKind {
    Opening,
    PreviousMinutes,
    Actions,
    Case { case: CaseId },
    NewSignals,
    Rondvraag,
    Closing,
    Other { title: String },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItem {
    #[serde(flatten)]
    pub kind: AgendaKind,
    pub timebox_minutes: u16,
    /// Time spent on the item so far, kept so a reopened meeting resumes its timers.
    #[serde(default)]
    pub used_seconds: u32,
}

/// Minutes per case item unless the chair changes it (BRIEF §2).
pub const CASE_TIMEBOX_MINUTES: u16 = 15;

impl AgendaItem {
    pub fn new(kind: AgendaKind, timebox_minutes: u16) -> AgendaItem {
        AgendaItem {
            kind,
            timebox_minutes,
            used_seconds: 0,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    pub id: MeetingId,
    pub date: NaiveDate,
    pub time: NaiveTime,
    #[serde(default)]
    pub place: String,
    pub kind: MeetingKind,
    pub state: MeetingState,
    #[serde(default)]
    pub chair: Option<MemberId>,
    #[serde(default)]
    pub attendance: Vec<Attendance>,
    #[serde(default)]
    pub agenda: Vec<AgendaItem>,
    /// The item on screen, so that reopening otter returns to it.
    #[serde(default)]
    pub current_item: usize,
    #[serde(default)]
    pub next_meeting: Option<NaiveDate>,
    /// When the current item's timer was started, if it runs. Stored, so a timer survives a
    /// restart of otter in the middle of a meeting.
    #[serde(default)]
    pub timer_started: Option<NaiveDateTime>,
    /// Each time the closed meeting was opened again, and why: the minutes say so.
    #[serde(default)]
    pub reopened: Vec<Reopening>,
    /// The cases on the agenda whose recorded fields (`f`, the forms) were changed in this
    /// meeting: a change that leaves no event, but is no less a discussion.
    #[serde(default)]
    pub changed_cases: Vec<CaseId>,
    /// Which of those fields, per case: the minutes tell what this meeting recorded from
    /// what the case had recorded before. A case changed without any here (a meeting from
    /// before otter kept them) has all its fields counted as this meeting's.
    #[serde(default)]
    pub recorded_fields: Vec<(CaseId, Requirement)>,
    /// Cases the chair took off this agenda by hand while preparing: bringing the agenda up
    /// to date after the meeting before does not put them back.
    #[serde(default)]
    pub removed_cases: Vec<CaseId>,
    /// Earlier actions whose owner or due date this meeting changed, as they were before:
    /// the minutes name the change.
    #[serde(default)]
    pub action_changes: Vec<ActionChange>,
}

/// An earlier action's owner (by name) or due date before the meeting first changed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionChange {
    pub action: ActionId,
    #[serde(default)]
    pub owner_was: Option<String>,
    #[serde(default)]
    pub due_was: Option<NaiveDate>,
}

/// A closed meeting opened again: only on purpose, with a reason, and never forgotten.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reopening {
    pub on: NaiveDate,
    pub reason: String,
}

impl Meeting {
    /// Who is invited (BRIEF §2), the one rule for the preparation, the roll call, the mailed
    /// agenda and the calendar invitation: the list the chair prepared, guests included; a
    /// meeting nobody prepared (no member on its list, as one planned at closing with `S`)
    /// invites everyone active on the team, in the order given.
    pub fn invite_team(&mut self, members: &[super::member::Member]) {
        let prepared = self
            .attendance
            .iter()
            .any(|a| matches!(a.who, Attendee::Member(_)));
        if prepared {
            return;
        }
        for member in members.iter().filter(|m| m.active) {
            self.attendance.push(Attendance {
                who: Attendee::Member(member.id),
                presence: Presence::NotRecorded,
            });
        }
    }

    /// Who sees a pupil while this meeting is in its state: the room while it is open, with
    /// the case of the item in front the one under discussion.
    pub fn showing(&self) -> Showing {
        if self.state != MeetingState::Open {
            return Showing::Private;
        }
        let discussed = match self.agenda.get(self.current_item).map(|item| &item.kind) {
            Some(AgendaKind::Case { case }) => Some(*case),
            _ => None,
        };
        Showing::Presenting { discussed }
    }

    /// A regular OT planned on `date` with the template agenda for `cases`: nobody invited
    /// yet (`invite_team`), nothing recorded.
    pub fn planned(
        id: MeetingId,
        (date, time): (NaiveDate, NaiveTime),
        place: String,
        chair: Option<MemberId>,
        cases: &[CaseId],
    ) -> Meeting {
        Meeting {
            id,
            date,
            time,
            place,
            kind: MeetingKind::Regular,
            state: MeetingState::Planned,
            chair,
            attendance: Vec::new(),
            agenda: Meeting::template_agenda(cases),
            current_item: 0,
            next_meeting: None,
            timer_started: None,
            reopened: Vec::new(),
            changed_cases: Vec::new(),
            recorded_fields: Vec::new(),
            removed_cases: Vec::new(),
            action_changes: Vec::new(),
        }
    }

    /// The default template of BRIEF §2, with one item per case.
    pub fn template_agenda(cases: &[CaseId]) -> Vec<AgendaItem> {
        let mut agenda = vec![
            AgendaItem::new(AgendaKind::Opening, 5),
            AgendaItem::new(AgendaKind::PreviousMinutes, 5),
            AgendaItem::new(AgendaKind::Actions, 10),
        ];
        agenda.extend(
            cases
                .iter()
                .map(|&case| AgendaItem::new(AgendaKind::Case { case }, CASE_TIMEBOX_MINUTES)),
        );
        agenda.extend([
            AgendaItem::new(AgendaKind::NewSignals, 10),
            AgendaItem::new(AgendaKind::Rondvraag, 5),
            AgendaItem::new(AgendaKind::Closing, 5),
        ]);
        agenda
    }

    pub fn cases(&self) -> impl Iterator<Item = CaseId> + '_ {
        self.agenda.iter().filter_map(|item| match item.kind {
            AgendaKind::Case { case } => Some(case),
            _ => None,
        })
    }

    pub fn planned_minutes(&self) -> u32 {
        self.agenda
            .iter()
            .map(|i| u32::from(i.timebox_minutes))
            .sum()
    }

    /// Seconds spent on item `index`, counting a running timer up to `now`.
    pub fn seconds_on(&self, index: usize, now: NaiveDateTime) -> u32 {
        let Some(item) = self.agenda.get(index) else {
            return 0;
        };
        let running = match self.timer_started {
            Some(started) if index == self.current_item => {
                u32::try_from((now - started).num_seconds().max(0)).unwrap_or(u32::MAX)
            }
            _ => 0,
        };
        item.used_seconds.saturating_add(running)
    }

    pub fn timer_running(&self) -> bool {
        self.timer_started.is_some()
    }

    pub fn start_timer(&mut self, now: NaiveDateTime) {
        self.timer_started.get_or_insert(now);
    }

    /// Adds the running time to the current item and stops the timer.
    pub fn pause_timer(&mut self, now: NaiveDateTime) {
        let spent = self.seconds_on(self.current_item, now);
        if let Some(item) = self.agenda.get_mut(self.current_item) {
            item.used_seconds = spent;
        }
        self.timer_started = None;
    }

    /// Moves to item `index`; a running timer keeps running, now for the new item.
    pub fn go_to(&mut self, index: usize, now: NaiveDateTime) {
        if index >= self.agenda.len() || index == self.current_item {
            return;
        }
        let running = self.timer_running();
        self.pause_timer(now);
        self.current_item = index;
        if running {
            self.start_timer(now);
        }
    }

    /// Minutes used of the whole agenda so far, and minutes planned.
    pub fn progress(&self, now: NaiveDateTime) -> (u32, u32) {
        let used: u32 = (0..self.agenda.len())
            .map(|i| self.seconds_on(i, now))
            .sum();
        (used / 60, self.planned_minutes())
    }

    /// Remembers that `fields` of `case` were recorded in this meeting; whether that is new.
    pub fn mark_changed(&mut self, case: CaseId, fields: &[Requirement]) -> bool {
        let mut new = false;
        if !self.changed_cases.contains(&case) {
            self.changed_cases.push(case);
            new = true;
        }
        for field in fields {
            if !self.recorded_fields.contains(&(case, *field)) {
                self.recorded_fields.push((case, *field));
                new = true;
            }
        }
        new
    }

    /// The fields of `case` this meeting kept that it recorded.
    pub fn fields_recorded(&self, case: CaseId) -> Vec<Requirement> {
        self.recorded_fields
            .iter()
            .filter(|(c, _)| *c == case)
            .map(|(_, field)| *field)
            .collect()
    }

    /// Whether this meeting recorded `field` of `case`, as far as it kept (see
    /// `recorded_fields`).
    pub fn recorded_here(&self, case: CaseId, field: Requirement) -> bool {
        self.recorded_fields.contains(&(case, field))
            || (self.changed_cases.contains(&case)
                && !self.recorded_fields.iter().any(|(c, _)| *c == case))
    }

    /// Remembers what an earlier action's owner or due date was before this meeting changed
    /// it; a second change keeps the first "was".
    pub fn note_action_change(
        &mut self,
        action: ActionId,
        owner_was: Option<String>,
        due_was: Option<NaiveDate>,
    ) {
        let at = match self.action_changes.iter().position(|c| c.action == action) {
            Some(at) => at,
            None => {
                self.action_changes.push(ActionChange {
                    action,
                    owner_was: None,
                    due_was: None,
                });
                self.action_changes.len() - 1
            }
        };
        let change = &mut self.action_changes[at];
        if change.owner_was.is_none() {
            change.owner_was = owner_was;
        }
        if change.due_was.is_none() {
            change.due_was = due_was;
        }
    }

    pub fn presence_of(&self, member: MemberId) -> Presence {
        self.attendance
            .iter()
            .find(|a| a.who == Attendee::Member(member))
            .map_or(Presence::NotRecorded, |a| a.presence)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minute: u32, second: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, 15)
            .unwrap()
            .and_hms_opt(14, minute, second)
            .unwrap()
    }

    fn meeting() -> Meeting {
        Meeting {
            id: MeetingId(1),
            date: NaiveDate::from_ymd_opt(2026, 12, 15).unwrap(),
            time: NaiveTime::from_hms_opt(14, 15, 0).unwrap(),
            place: "teamkamer".into(),
            kind: MeetingKind::Regular,
            state: MeetingState::Open,
            chair: None,
            attendance: vec![],
            agenda: Meeting::template_agenda(&[CaseId(4)]),
            current_item: 0,
            next_meeting: None,
            timer_started: None,
            reopened: vec![],
            changed_cases: Vec::new(),
            recorded_fields: Vec::new(),
            removed_cases: Vec::new(),
            action_changes: Vec::new(),
        }
    }

    #[test]
    fn a_field_counts_as_recorded_here_when_marked_or_when_the_meeting_kept_no_fields() {
        let mut meeting = meeting();
        let (case, other) = (CaseId(4), CaseId(5));
        assert!(!meeting.recorded_here(case, Requirement::Goal));
        assert!(meeting.mark_changed(case, &[Requirement::Goal]));
        assert!(
            !meeting.mark_changed(case, &[Requirement::Goal]),
            "nothing new"
        );
        assert!(meeting.recorded_here(case, Requirement::Goal));
        assert!(!meeting.recorded_here(case, Requirement::Regiehouder));
        // A meeting from before otter kept the fields: all of a changed case's count.
        meeting.changed_cases.push(other);
        assert!(meeting.recorded_here(other, Requirement::Regiehouder));
    }

    #[test]
    fn the_timer_counts_the_current_item_only_while_it_runs() {
        let mut m = meeting();
        m.start_timer(at(15, 0));
        assert_eq!(m.seconds_on(0, at(17, 30)), 150);
        assert_eq!(m.seconds_on(1, at(17, 30)), 0);
        m.start_timer(at(16, 0));
        assert_eq!(
            m.seconds_on(0, at(17, 30)),
            150,
            "starting twice keeps the first start"
        );
        m.pause_timer(at(18, 0));
        assert_eq!(
            m.seconds_on(0, at(40, 0)),
            180,
            "paused time does not count"
        );
        assert!(!m.timer_running());
    }

    #[test]
    fn moving_on_keeps_a_running_timer_running_for_the_next_item() {
        let mut m = meeting();
        m.start_timer(at(15, 0));
        m.go_to(1, at(20, 0));
        assert_eq!(m.agenda[0].used_seconds, 300);
        assert_eq!(m.seconds_on(1, at(21, 0)), 60);
        m.pause_timer(at(22, 0));
        m.go_to(0, at(30, 0));
        assert_eq!(
            m.seconds_on(0, at(35, 0)),
            300,
            "a paused timer stays paused"
        );
        m.go_to(99, at(35, 0));
        assert_eq!(m.current_item, 0, "no item 99");
        assert_eq!(m.progress(at(35, 0)), (7, m.planned_minutes()));
    }

    #[test]
    fn template_puts_cases_between_actions_and_new_signals() {
        let agenda = Meeting::template_agenda(&[CaseId(4), CaseId(9)]);
        let kinds: Vec<_> = agenda.iter().map(|i| i.kind.clone()).collect();
        assert_eq!(
            kinds,
            vec![
                AgendaKind::Opening,
                AgendaKind::PreviousMinutes,
                AgendaKind::Actions,
                AgendaKind::Case { case: CaseId(4) },
                AgendaKind::Case { case: CaseId(9) },
                AgendaKind::NewSignals,
                AgendaKind::Rondvraag,
                AgendaKind::Closing,
            ]
        );
        assert_eq!(agenda[3].timebox_minutes, CASE_TIMEBOX_MINUTES);
        let total: u32 = agenda.iter().map(|i| u32::from(i.timebox_minutes)).sum();
        assert_eq!(total, 5 + 5 + 10 + 15 + 15 + 10 + 5 + 5);
    }
}
