use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::ids::{CaseId, MeetingId, MemberId};
use super::member::Role;

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
}

impl Meeting {
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
