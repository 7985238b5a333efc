//! Actions: who, by when, and what became of them. The fate of each is drawn when it is agreed;
//! what `today` has not reached yet is still open.

use chrono::{Duration, NaiveDate};

use super::calendar::{school_day_after, school_day_before};
use super::history::History;
use super::phrases::{DROPPED, DROPPED_CLOSED, DROPPED_HANDOVER};
use super::rng::Rng;
use super::school::groep_on;
use super::texts::Who;
use crate::domain::{Action, ActionId, ActionStatus, Owner};
use crate::error::Result;
use crate::store::TreeId;

/// What an action is about to become.
pub struct Spec {
    pub text: String,
    pub who: Who,
    /// The action a plan needs to be left: never dropped.
    pub keep: bool,
}

enum Fate {
    Done(NaiveDate),
    Dropped(NaiveDate, String),
    Open,
}

impl History<'_, '_> {
    /// An action agreed at closed meeting `k` under agenda item `item`, for case plan `case`.
    pub fn action(
        &mut self,
        rng: &mut Rng,
        k: usize,
        item: usize,
        case: Option<usize>,
        spec: Spec,
    ) -> Result<Action> {
        let created = self.meetings[k].date;
        let member = self.team.member_for(spec.who, created).map(|m| m.id);
        let owner = match member {
            Some(id) => Owner::Member(id),
            None => Owner::Other(match spec.who {
                Who::Mother => "moeder".to_string(),
                Who::Father => "vader".to_string(),
                // Beside a pseudonym the groep would point at the pupil: in these minutes, or
                // in the action lists once the parents withdraw the name.
                Who::Teacher
                    if case.is_some_and(|p| {
                        !self.consent[p].shows_name() || !self.plans[p].final_consent().shows_name()
                    }) =>
                {
                    "leerkracht".to_string()
                }
                Who::Teacher => {
                    let groep = case.map_or(1, |p| {
                        let pupil = &self.pupils.list[self.plans[p].pupil];
                        groep_on(pupil.groep, self.today, created)
                    });
                    format!("leerkracht groep {groep}")
                }
                _ => "ouders".to_string(),
            }),
        };
        let due = school_day_after(created + Duration::days(rng.range(14, 42)));
        let mut kind = rng.weighted(&[50, 20, if spec.keep { 0 } else { 8 }, 17]);
        // Open for months is what the overdue list is for, but not for years.
        if kind == 3 && (self.today - created).num_days() > 150 {
            kind = 1;
        }
        let mut fate = match kind {
            0 => {
                let span = (due - created).num_days().max(1);
                Fate::Done(
                    school_day_before(created + Duration::days(rng.range(1, span))).max(created),
                )
            }
            1 => Fate::Done(school_day_after(due + Duration::days(rng.range(1, 70)))),
            2 => Fate::Dropped(
                school_day_after(created + Duration::days(rng.range(7, 60))),
                rng.pick(DROPPED).to_string(),
            ),
            _ => Fate::Open,
        };
        let ends = |fate: &Fate, day: NaiveDate| match fate {
            Fate::Done(on) | Fate::Dropped(on, _) => *on > day,
            Fate::Open => true,
        };
        // A closed case takes its loose ends with it.
        if let Some(closed) = case.and_then(|p| self.plans[p].closed)
            && ends(&fate, closed)
        {
            fate = if spec.keep {
                Fate::Done(closed)
            } else {
                Fate::Dropped(closed, DROPPED_CLOSED.into())
            };
        }
        if let Some(id) = member
            && self.team.is_leaving(id)
            && ends(&fate, self.team.handover - Duration::days(1))
        {
            let last_day = (self.team.handover - Duration::days(1)).max(created);
            fate = if spec.keep {
                Fate::Done(last_day)
            } else {
                Fate::Dropped(last_day, DROPPED_HANDOVER.into())
            };
        }
        if ends(&fate, self.today - Duration::days(1)) {
            fate = Fate::Open;
        }
        let resolved = match &fate {
            Fate::Done(on) | Fate::Dropped(on, _) => Some(*on),
            Fate::Open => None,
        };
        // Every later meeting before the action was settled reviewed it and kept it open.
        let carried_through: Vec<_> = (k + 1..self.meetings.len())
            .take_while(|&j| resolved.is_none_or(|on| self.meetings[j].date < on))
            .map(|j| self.meeting_ids[j])
            .collect();
        let review = k + 1 + carried_through.len();
        let settled_at = resolved
            .filter(|on| review < self.meetings.len() && *on > created)
            .map(|_| review);
        let status = match fate {
            Fate::Done(on) => ActionStatus::Done { on },
            Fate::Dropped(on, reason) => ActionStatus::Dropped { on, reason },
            Fate::Open => ActionStatus::Open,
        };
        let action = Action {
            id: ActionId(self.writer.id(TreeId::Actions)?),
            text: spec.text,
            owner,
            due,
            status,
            created,
            meeting: Some(self.meeting_ids[k]),
            case: case.map(|p| self.plans[p].id),
            agenda_item: u16::try_from(item).ok(),
            carried_through,
        };
        if !action.carried_through.is_empty() {
            self.pending.push(action.clone());
        }
        if let Some(review) = settled_at {
            self.settled[review].push(action.clone());
        }
        Ok(action)
    }
}
