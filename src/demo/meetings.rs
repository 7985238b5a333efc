//! The meeting records: agenda with the time each item took, attendance, the items that are
//! not about a case, and the one meeting still to come.

use chrono::NaiveDate;

use super::actions::Spec;
use super::history::{History, Out};
use super::phrases::{MEETING_ACTIONS, RONDVRAAG};
use crate::domain::dates::format_day;
use crate::domain::meeting::{Attendee, MeetingKind};
use crate::domain::{
    ActionStatus, Attendance, CaseId, Consent, Meeting, MeetingState, Presence, Role,
};
use crate::error::Result;
use crate::i18n::Lang;

const OPENING: usize = 0;
const PREVIOUS_MINUTES: usize = 1;
const ACTIONS: usize = 2;

fn signals(count: usize) -> String {
    match count {
        0 => "Geen nieuwe signalen.".to_string(),
        1 => "Eén nieuw signaal besproken.".to_string(),
        n => format!("{n} nieuwe signalen besproken."),
    }
}

impl History<'_, '_> {
    /// Closed meeting `k` with its agenda of `cases`, visited as `visits`; writes what was said
    /// outside the case items into `out`.
    pub fn closed_meeting(
        &mut self,
        k: usize,
        cases: &[CaseId],
        visits: &[(usize, usize)],
        carried: usize,
        out: &mut Out,
    ) -> Result<Meeting> {
        let mut rng = self.rng.fork();
        let slot = self.meetings[k].clone();
        let mut agenda = Meeting::template_agenda(cases);
        for item in &mut agenda {
            item.used_seconds =
                u32::from(item.timebox_minutes) * 60 * rng.range(60, 140) as u32 / 100;
        }
        let chair = self.team.chair().id;
        let mut attendance: Vec<Attendance> = Vec::new();
        for member in &self.team.members {
            if !self.team.serves_on(member, slot.date) {
                continue;
            }
            let presence = if member.id == chair {
                Presence::Present
            } else {
                [
                    Presence::Present,
                    Presence::AbsentWithNotice,
                    Presence::Absent,
                ][rng.weighted(&[85, 12, 3])]
            };
            attendance.push(Attendance {
                who: Attendee::Member(member.id),
                presence,
            });
        }
        // A leerkracht joins for the item about a pupil of theirs, when the parents agreed.
        if self.this_school_year(slot.date) {
            let mut guests: Vec<String> = Vec::new();
            for &(p, _) in visits {
                let teacher = &self.pupils.list[self.plans[p].pupil].teacher;
                if self.consent[p] == Consent::Yes
                    && guests.len() < 2
                    && !guests.contains(teacher)
                    && rng.chance(0.3)
                {
                    guests.push(teacher.clone());
                }
            }
            attendance.extend(guests.into_iter().map(|name| Attendance {
                who: Attendee::Guest {
                    name,
                    role: Role::Leerkracht,
                    title: String::new(),
                },
                presence: Presence::Present,
            }));
        }

        let named = |presence: Presence| -> Vec<String> {
            attendance
                .iter()
                .filter(|a| a.presence == presence)
                .filter_map(|a| match a.who {
                    Attendee::Member(id) => Some(self.team.name(id).to_string()),
                    Attendee::Guest { .. } => None,
                })
                .collect()
        };
        let (excused, absent) = (named(Presence::AbsentWithNotice), named(Presence::Absent));
        let mut opening = if excused.is_empty() {
            "Welkom; iedereen is aanwezig.".to_string()
        } else {
            format!("Welkom. Afgemeld: {}.", excused.join(", "))
        };
        if !absent.is_empty() {
            opening.push_str(&format!(" Zonder bericht afwezig: {}.", absent.join(", ")));
        }
        out.notes.push(self.note(k, OPENING, None, opening)?);
        if k > 0 {
            let text = "Verslag van het vorige OT vastgesteld zonder wijzigingen.".to_string();
            out.decisions
                .push(self.decision(k, PREVIOUS_MINUTES, None, text)?);
            let settled = &self.settled[k];
            let dropped = settled
                .iter()
                .filter(|a| matches!(a.status, ActionStatus::Dropped { .. }))
                .count();
            let done = settled.len() - dropped;
            let review = format!(
                "Actiepunten doorgelopen: {done} afgerond, {dropped} vervallen, {carried} blijven staan."
            );
            out.notes.push(self.note(k, ACTIONS, None, review)?);
        }
        let n = cases.len();
        let new = visits.iter().filter(|&&(_, v)| v == 0).count();
        out.notes.push(self.note(k, 3 + n, None, signals(new))?);
        if rng.chance(0.6) {
            let text = rng.pick(RONDVRAAG).to_string();
            out.notes.push(self.note(k, 4 + n, None, text)?);
        }
        if rng.chance(0.25) {
            let (what, who) = *rng.pick(MEETING_ACTIONS);
            let spec = Spec {
                text: what.to_string(),
                who,
                keep: false,
            };
            let action = self.action(&mut rng, k, 4 + n, None, spec)?;
            out.actions.push(action);
        }
        let next = self.meetings.get(k + 1).unwrap_or(self.planned).clone();
        let closing = format!(
            "Volgende OT: {} om {}, {}.",
            format_day(next.date, Lang::Nl),
            next.time.format("%H:%M"),
            next.place
        );
        out.notes.push(self.note(k, 5 + n, None, closing)?);

        Ok(Meeting {
            id: self.meeting_ids[k],
            date: slot.date,
            time: slot.time,
            place: slot.place.to_string(),
            kind: MeetingKind::Regular,
            state: MeetingState::Closed,
            chair: Some(chair),
            attendance,
            current_item: agenda.len() - 1,
            agenda,
            next_meeting: Some(next.date),
            timer_started: None,
            reopened: Vec::new(),
            changed_cases: Vec::new(),
            recorded_fields: Vec::new(),
            removed_cases: Vec::new(),
            action_changes: Vec::new(),
        })
    }

    /// The next OT: the cases whose evaluation date has come, then the new signals.
    pub fn planned_meeting(&mut self) -> Result<Meeting> {
        let slot = self.planned.clone();
        let cap = self.params.planned_cap;
        let due_by = |evaluation: Option<NaiveDate>| evaluation.is_some_and(|day| day <= slot.date);
        let due: Vec<CaseId> = self
            .plans
            .iter()
            .filter(|p| (1..=5).contains(&p.target) && due_by(p.evaluation))
            .map(|p| p.id)
            .collect();
        let new: Vec<CaseId> = self
            .plans
            .iter()
            .filter(|p| p.visits.is_empty())
            .map(|p| p.id)
            .collect();
        let mut cases: Vec<CaseId> = due.into_iter().take(cap - new.len().min(cap / 2)).collect();
        let room = cap - cases.len();
        cases.extend(new.into_iter().take(room));
        let chair = self.team.chair().id;
        let serving: Vec<_> = self
            .team
            .members
            .iter()
            .filter(|m| self.team.serves_on(m, slot.date))
            .collect();
        // One member has sent word already; the rest is marked at the meeting.
        let excused = serving[1 + self.rng.below(serving.len() - 1)].id;
        let attendance = serving
            .iter()
            .map(|m| Attendance {
                who: Attendee::Member(m.id),
                presence: if m.id == excused {
                    Presence::AbsentWithNotice
                } else {
                    Presence::NotRecorded
                },
            })
            .collect();
        Ok(Meeting {
            attendance,
            ..Meeting::planned(
                self.meeting_ids[self.meetings.len()],
                (slot.date, slot.time),
                slot.place.to_string(),
                Some(chair),
                &cases,
            )
        })
    }
}
