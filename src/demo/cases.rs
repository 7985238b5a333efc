//! A planned case as the record it ends up as: every field its passed phases require, some of
//! what its current phase asks for, nothing beyond.

use chrono::{Duration, NaiveDate};

use super::calendar::{Slot, school_day_after, school_day_before};
use super::phrases::{CLOSING, GOING_WELL, UNKNOWN};
use super::plan::CasePlan;
use super::rng::Rng;
use super::school::Team;
use super::texts::{THEMES, Who, say};
use crate::domain::{Case, Circle, Circles, PupilId};

const ANALYSE: usize = 2;
const PLAN: usize = 3;
const UITVOERING: usize = 4;
const EVALUATIE: usize = 5;
const AFGESLOTEN: usize = 6;

pub struct Builder<'a> {
    pub today: NaiveDate,
    pub meetings: &'a [Slot],
    pub team: &'a Team,
    pub phase_ids: &'a [String],
}

impl Builder<'_> {
    /// The case record; also notes the evaluation date and closing reason on the plan, which
    /// the meetings need.
    pub fn build(&self, plan: &mut CasePlan, pupil: PupilId) -> Case {
        let mut rng = Rng::new(plan.seed ^ 0xCA5E);
        let theme = &THEMES[plan.theme];
        let target = plan.target;
        let text =
            |rng: &mut Rng, pool: &[&str]| say(rng.pick::<&str>(pool), plan.girl, plan.groep);
        let date = |visit: usize| self.meetings[plan.visits[visit].meeting].date;

        let circles = if target >= 1 {
            let circle = |rng: &mut Rng, index: usize| Circle {
                plus: text(rng, GOING_WELL[index]),
                minus: text(rng, theme.worries[index]),
                unknown: if rng.chance(0.5) {
                    text(rng, UNKNOWN[index])
                } else {
                    String::new()
                },
            };
            let mut picture = Circles {
                child: circle(&mut rng, 0),
                education: circle(&mut rng, 1),
                upbringing: circle(&mut rng, 2),
            };
            if target == 1 {
                // Still drawing the picture: a circle or two may be empty yet.
                for part in [
                    &mut picture.child,
                    &mut picture.education,
                    &mut picture.upbringing,
                ] {
                    if rng.chance(0.4) {
                        *part = Circle::default();
                    }
                }
            }
            picture
        } else {
            Circles::default()
        };
        let done_or = |rng: &mut Rng, phase: usize, share: f64| {
            target > phase || (target == phase && rng.chance(share))
        };

        let hypotheses = if done_or(&mut rng, ANALYSE, 0.5) {
            text(&mut rng, theme.hypotheses)
        } else {
            String::new()
        };
        let research = if done_or(&mut rng, ANALYSE, 0.25) {
            text(&mut rng, theme.research)
        } else {
            String::new()
        };
        let goals = if done_or(&mut rng, PLAN, 0.6) {
            let count = 1 + rng.below(2);
            let first = rng.below(theme.goals.len());
            (0..count)
                .map(|i| {
                    say(
                        theme.goals[(first + i) % theme.goals.len()],
                        plan.girl,
                        plan.groep,
                    )
                })
                .collect()
        } else {
            Vec::new()
        };
        let planned = plan.reaching(PLAN).map(date);
        let regiehouder = match planned {
            Some(day) if done_or(&mut rng, PLAN, 0.5) => self.regiehouder(&mut rng, plan, day),
            _ => String::new(),
        };
        let started = plan.reaching(UITVOERING).map(date);
        let evaluated = plan.reaching(EVALUATIE).map(date);
        let (help_start, waiting_since) = self.help(&mut rng, plan, started, evaluated);
        let evaluation_date = match (started, evaluated) {
            (Some(start), Some(eval)) => Some(
                school_day_before(eval - Duration::days(rng.range(0, 14)))
                    .max(help_start.unwrap_or(start)),
            ),
            (Some(start), None) => {
                Some(school_day_after(start + Duration::days(rng.range(56, 140))))
            }
            (None, _) => match planned {
                Some(day) if rng.chance(0.5) => {
                    Some(school_day_after(day + Duration::days(rng.range(56, 84))))
                }
                _ => None,
            },
        };
        let closed = target == AFGESLOTEN;
        let outcome = if done_or(&mut rng, EVALUATIE, 0.4) {
            text(&mut rng, theme.outcomes)
        } else {
            String::new()
        };
        let parents_informed = closed || (target == EVALUATIE && rng.chance(0.3));
        let closing_reason = if closed {
            let final_level = usize::from(plan.final_level().get());
            text(&mut rng, CLOSING[final_level - 1])
        } else {
            String::new()
        };
        plan.evaluation = evaluation_date;
        plan.closing_reason.clone_from(&closing_reason);

        Case {
            id: plan.id,
            pseudonym: plan.pseudonym.clone(),
            pupil,
            question: text(&mut rng, theme.questions),
            consent: plan.final_consent(),
            phase: self.phase_ids[target].clone(),
            level: plan.final_level(),
            opened: plan.opened,
            signalled_by: {
                let said = *rng.pick::<&str>(theme.signalled_by);
                // Beside a pseudonym the groep would point at the pupil.
                if plan.final_consent().shows_name() {
                    say(said, plan.girl, plan.groep)
                } else {
                    say(&said.replace(" groep {groep}", ""), plan.girl, plan.groep)
                }
            },
            circles,
            hypotheses,
            research_decision: research,
            goals,
            regiehouder,
            evaluation_date,
            help_start,
            waiting_since,
            outcome,
            parents_informed,
            closing_reason,
            closed: plan.closed,
        }
    }

    /// Who coordinates: the IB while the school carries it, the SMW or the onderwijszorg-
    /// generalist with externals at school, the jeugdconsulent once the wijkteam is in.
    fn regiehouder(&self, rng: &mut Rng, plan: &CasePlan, day: NaiveDate) -> String {
        let who = match plan.peak_level().get() {
            1 | 2 => Who::Ib,
            3 if rng.chance(0.5) => Who::Smw,
            3 => Who::Ozg,
            _ => Who::Jc,
        };
        self.team
            .member_for(who, day)
            .map_or_else(String::new, |m| m.name.clone())
    }

    /// When the help started, or since when the case waits for it.
    fn help(
        &self,
        rng: &mut Rng,
        plan: &CasePlan,
        started: Option<NaiveDate>,
        evaluated: Option<NaiveDate>,
    ) -> (Option<NaiveDate>, Option<NaiveDate>) {
        let Some(start) = started else {
            return (None, None);
        };
        let heavy = plan.final_level().get() == 5;
        match evaluated {
            Some(eval) => {
                let room = (eval - start).num_days().max(0);
                let begun = school_day_before(start + Duration::days(rng.range(0, room.min(28))))
                    .max(start);
                let waited = (heavy || rng.chance(0.2)).then_some(start);
                (Some(begun), waited)
            }
            None if rng.chance(0.15) => (None, None),
            None if (heavy && rng.chance(0.6)) || rng.chance(0.2) => (None, Some(start)),
            None => {
                let begun = school_day_after(start + Duration::days(rng.range(3, 28)));
                if begun < self.today {
                    (Some(begun), None)
                } else {
                    (None, Some(start))
                }
            }
        }
    }
}
