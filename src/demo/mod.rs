//! The fictional demo school: deterministic from a seed.
//!
//! `school` writes the people, `calendar` says when the OT met, `plan` decides each case's
//! life, `cases` turns a plan into its record and `history` walks the meetings in order,
//! writing what was noted, decided and agreed, with the minutes of each.

mod actions;
mod calendar;
mod cases;
mod history;
mod meetings;
mod names;
mod phrases;
mod plan;
mod rng;
mod school;
mod texts;
mod writer;

use std::collections::HashSet;

use chrono::NaiveDate;
use serde::Serialize;

use self::calendar::{Rhythm, Slot};
use self::cases::Builder;
use self::history::{History, Setting};
use self::plan::Planner;
use self::rng::Rng;
use self::school::{Size, Team};
use self::writer::Writer;
use crate::domain::{CaseId, MeetingId, PhaseModel, Pseudonym};
use crate::error::Result;
use crate::store::{Store, TreeId};

#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub pupils: usize,
    pub members: usize,
    pub cases: usize,
    pub meetings: usize,
    pub notes: usize,
    pub actions: usize,
    pub decisions: usize,
    pub events: usize,
    pub minutes: usize,
}

/// How big a demo: a real school, or a database for benchmarks: `Mid` is a quarter of `Large`
/// in pupils, cases and meetings, so the cost curve has three points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Scale {
    School,
    Mid,
    Large,
}

/// The fictional school's name, as its minutes are headed.
pub const SCHOOL: &str = "OBS Het Otterveld";

/// The same school every time: only `today` moves it in time.
const SEED: u64 = 0x07_7E12_2026;

/// Writes (records and index entries) per bulk commit. Small on purpose: sled applies a batch
/// under one epoch guard, so a large batch keeps all its garbage alive; measured on the large
/// scale, 3,000 was about 25% faster than 50,000 and the flushes cost less than they save.
const CHUNK: usize = 3_000;

/// How big the school is and how busy its OT.
pub struct Params {
    size: Size,
    cases: usize,
    meetings: usize,
    rhythm: Rhythm,
    /// Phases a case may move in one meeting.
    max_steps: i64,
    /// Whether a case has meetings at which it stays where it is, and at most how many.
    stay_chance: f64,
    max_stays: usize,
    /// Most meetings between two discussions of a case.
    max_gap: i64,
    /// Whether cases still open were discussed lately (a real school) or at any time.
    recent: bool,
    action_chance: f64,
    extra_action: f64,
    second_note: f64,
    /// Whether a case that stays where it is gets a decision in the minutes.
    stay_decision: f64,
    planned_cap: usize,
}

impl Params {
    fn of(scale: Scale) -> Params {
        match scale {
            Scale::School => Params {
                size: Size {
                    classes_per_groep: 2,
                    class_size: (26, 30),
                },
                cases: 80,
                // Two school years, every six weeks.
                meetings: 17,
                rhythm: Rhythm::SixWeekly,
                max_steps: 3,
                stay_chance: 0.2,
                max_stays: 1,
                max_gap: 3,
                recent: true,
                action_chance: 0.6,
                extra_action: 0.1,
                second_note: 0.6,
                stay_decision: 1.0,
                planned_cap: 12,
            },
            // As large as a quarter of `Large`, as busy per meeting: every kind of record a
            // quarter as many.
            Scale::Mid => Params {
                size: Size {
                    classes_per_groep: 11,
                    class_size: (26, 32),
                },
                cases: 12_500,
                meetings: 180,
                ..Params::of(Scale::Large)
            },
            Scale::Large => Params {
                size: Size {
                    classes_per_groep: 45,
                    class_size: (26, 32),
                },
                cases: 50_000,
                // Six years of three meetings a week.
                meetings: 720,
                rhythm: Rhythm::ThriceWeekly,
                max_steps: 4,
                stay_chance: 0.15,
                max_stays: 1,
                max_gap: 8,
                recent: false,
                action_chance: 0.95,
                extra_action: 0.05,
                second_note: 0.0,
                stay_decision: 0.0,
                planned_cap: 60,
            },
        }
    }
}

/// Fills an empty store; refusing a non-empty one is the caller's job.
pub fn fill(store: &Store, scale: Scale, today: NaiveDate) -> Result<Summary> {
    let params = Params::of(scale);
    let mut rng = Rng::new(SEED);
    let model = PhaseModel::default();
    let phase_ids: Vec<String> = model.phases().iter().map(|p| p.id().to_string()).collect();
    let mut writer = Writer::new(store, CHUNK);

    let mut calendar_rng = rng.fork();
    let days = calendar::closed_days(&mut calendar_rng, today, params.meetings, params.rhythm);
    let meetings: Vec<Slot> = days
        .iter()
        .map(|&day| calendar::slot(&mut calendar_rng, day))
        .collect();
    let last = meetings.last().map_or(today, |m| m.date);
    let planned = calendar::slot(
        &mut calendar_rng,
        calendar::planned_day(last, today, params.rhythm),
    );
    let mut meeting_ids = Vec::with_capacity(meetings.len() + 1);
    for _ in 0..=meetings.len() {
        meeting_ids.push(MeetingId(writer.id(TreeId::Meetings)?));
    }

    let team = Team::write(&mut writer, meetings[meetings.len() / 2].date)?;
    let pupils = school::write_pupils(&mut rng.fork(), &mut writer, today, &params.size)?;

    let planner = Planner {
        today,
        meetings: &meetings,
        pupils: &pupils,
        params: &params,
    };
    let mut plans = planner.plan(&mut rng.fork());
    let builder = Builder {
        today,
        meetings: &meetings,
        team: &team,
        phase_ids: &phase_ids,
    };
    let mut taken = HashSet::new();
    for plan in &mut plans {
        plan.id = CaseId(writer.id(TreeId::Cases)?);
        // From the plan's own seed, not the operating system's: the same `today` gives the
        // same school, pseudonyms included.
        let mut draws = Rng::new(plan.seed ^ 0x5E0D);
        plan.pseudonym = Pseudonym::draw(|p| taken.contains(p), taken.len(), || draws.next_u64());
        taken.insert(plan.pseudonym.clone());
        let case = builder.build(plan, pupils.list[plan.pupil].id);
        writer.insert(&case)?;
    }

    let setting = Setting {
        today,
        params: &params,
        team: &team,
        pupils: &pupils,
        meetings: &meetings,
        planned: &planned,
        meeting_ids: &meeting_ids,
        phase_ids: &phase_ids,
        plans: &plans,
    };
    History::new(&mut writer, setting, rng.fork()).run()?;

    let counts = writer.finish()?;
    store.set_school(SCHOOL)?;
    let count = |tree: TreeId| counts[tree.slot()];
    Ok(Summary {
        pupils: count(TreeId::Pupils),
        members: count(TreeId::Members),
        cases: count(TreeId::Cases),
        meetings: count(TreeId::Meetings),
        notes: count(TreeId::Notes),
        actions: count(TreeId::Actions),
        decisions: count(TreeId::Decisions),
        events: count(TreeId::Events),
        minutes: count(TreeId::Minutes),
    })
}

#[cfg(test)]
mod tests;
