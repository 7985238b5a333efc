//! Each case's life before any record is written: where it ends, at which meetings it was
//! discussed, and what changed there. Writing the plan out is `history`'s job.

use chrono::{Duration, NaiveDate};

use super::Params;
use super::calendar::Slot;
use super::phrases::{DOWN, UP};
use super::rng::Rng;
use super::school::{Pupils, groep_on, school_year};
use super::texts::THEMES;
use crate::domain::{CaseId, Consent, Level, Pseudonym};

/// Cases per phase of the default model out of every 80: signaal … afgesloten.
const PHASE_SHARE: [usize; 7] = [8, 7, 7, 7, 12, 7, 32];

/// Weights of the final level 1..=5 per phase: heavier support further along, closed cases
/// mostly back to the group.
const LEVEL_WEIGHTS: [[u32; 5]; 7] = [
    [3, 5, 1, 1, 0],
    [2, 5, 2, 1, 0],
    [0, 4, 3, 2, 1],
    [0, 3, 4, 2, 1],
    [0, 3, 4, 3, 2],
    [1, 3, 3, 2, 1],
    [5, 4, 3, 1, 2],
];

pub const ANONYMOUS_SHARE: f64 = 0.11;

const UITVOERING: usize = 4;

/// One discussion of a case in a closed meeting.
#[derive(Debug, Clone)]
pub struct Visit {
    /// Index into the closed meetings.
    pub meeting: usize,
    /// Phases moved forward, one event each.
    pub steps: u8,
    /// Consent recorded before moving.
    pub consent: Option<Consent>,
    /// Level after moving, with the reason.
    pub level: Option<(Level, &'static str)>,
}

#[derive(Debug, Clone)]
pub struct CasePlan {
    pub id: CaseId,
    /// Drawn from the plan's seed when the case is numbered: the demo stays the same school.
    pub pseudonym: Pseudonym,
    pub pupil: usize,
    pub theme: usize,
    pub girl: bool,
    /// The pupil's groep when the case opened.
    pub groep: u8,
    pub consent: Consent,
    pub level: Level,
    /// Index of the phase the case ends in.
    pub target: usize,
    /// Empty for a new signal not yet discussed.
    pub visits: Vec<Visit>,
    pub opened: NaiveDate,
    pub closed: Option<NaiveDate>,
    pub evaluation: Option<NaiveDate>,
    pub closing_reason: String,
    pub seed: u64,
}

impl CasePlan {
    /// Phase index after the visit.
    pub fn phase_after(&self, visit: usize) -> usize {
        self.visits[..=visit]
            .iter()
            .map(|v| usize::from(v.steps))
            .sum()
    }

    /// The first visit that brought the case to phase `phase` or beyond.
    pub fn reaching(&self, phase: usize) -> Option<usize> {
        (0..self.visits.len()).find(|&v| self.phase_after(v) >= phase)
    }

    pub fn final_consent(&self) -> Consent {
        self.visits
            .iter()
            .rev()
            .find_map(|v| v.consent)
            .unwrap_or(self.consent)
    }

    pub fn final_level(&self) -> Level {
        self.visits
            .iter()
            .rev()
            .find_map(|v| v.level.map(|(level, _)| level))
            .unwrap_or(self.level)
    }

    pub fn peak_level(&self) -> Level {
        self.visits
            .iter()
            .filter_map(|v| v.level.map(|(level, _)| level))
            .fold(self.level, Level::max)
    }
}

pub struct Planner<'a> {
    pub today: NaiveDate,
    pub meetings: &'a [Slot],
    pub pupils: &'a Pupils,
    pub params: &'a Params,
}

fn level(value: i64) -> Level {
    Level::new(value.clamp(1, 5) as u8).unwrap_or(Level::MIN)
}

impl Planner<'_> {
    /// Every case, oldest signal first; ids are still to be given.
    pub fn plan(&self, rng: &mut Rng) -> Vec<CasePlan> {
        let total = self.params.cases;
        let mut targets: Vec<usize> = Vec::with_capacity(total);
        for (phase, share) in PHASE_SHARE.iter().enumerate() {
            targets.extend(std::iter::repeat_n(phase, total * share / 80));
        }
        targets.resize(total, PHASE_SHARE.len() - 1);
        rng.shuffle(&mut targets);
        let mut load = vec![0; self.meetings.len()];
        let mut plans: Vec<CasePlan> = targets
            .into_iter()
            .map(|target| self.case(&mut rng.fork(), target, &mut load))
            .collect();
        plans.sort_by_key(|plan| plan.opened);
        plans
    }

    fn case(&self, rng: &mut Rng, target: usize, load: &mut [usize]) -> CasePlan {
        let fresh = target == 0 && rng.chance(0.5);
        let mut visits = if fresh {
            Vec::new()
        } else {
            self.schedule(rng, target, load)
        };
        let opened = match visits.first() {
            Some(first) => self.meetings[first.meeting].date,
            None => self.fresh_day(rng),
        };
        let (pupil, groep) = self.pupil(rng, opened);
        let theme = (0..30)
            .map(|_| rng.below(THEMES.len()))
            .find(|&t| (THEMES[t].groepen.0..=THEMES[t].groepen.1).contains(&groep))
            .unwrap_or(2);
        let mut plan = CasePlan {
            id: CaseId(0),
            pseudonym: Pseudonym::default(),
            pupil,
            theme,
            girl: self.pupils.girls[pupil],
            groep,
            consent: Consent::Unknown,
            level: Level::MIN,
            target,
            visits: Vec::new(),
            opened,
            closed: None,
            evaluation: None,
            closing_reason: String::new(),
            seed: rng.next_u64(),
        };
        plan.consent = consent(rng, target, fresh, &mut visits);
        plan.visits = visits;
        plan.level = levels(rng, &mut plan);
        if target == PHASE_SHARE.len() - 1 {
            plan.closed = plan.visits.last().map(|v| self.meetings[v.meeting].date);
        }
        plan
    }

    /// A signal that came in after the last meeting and waits for the next.
    fn fresh_day(&self, rng: &mut Rng) -> NaiveDate {
        let last = self.meetings.last().map_or(self.today, |m| m.date);
        let span = (self.today - last).num_days() - 1;
        if self.params.recent && span >= 1 {
            last + Duration::days(rng.range(1, span))
        } else {
            self.today - Duration::days(rng.range(1, 60))
        }
    }

    /// A pupil who was at school on `opened`, and the groep they were in.
    fn pupil(&self, rng: &mut Rng, opened: NaiveDate) -> (usize, u8) {
        let back = school_year(self.today) - school_year(opened);
        let list = &self.pupils.list;
        let mut index = rng.below(list.len());
        for _ in 0..30 {
            if i32::from(list[index].groep) - back >= 1 {
                break;
            }
            index = rng.below(list.len());
        }
        (index, groep_on(list[index].groep, self.today, opened))
    }

    /// The meetings that discussed the case and how far it moved at each. `load` counts the
    /// cases each meeting has so far.
    fn schedule(&self, rng: &mut Rng, target: usize, load: &mut [usize]) -> Vec<Visit> {
        let params = self.params;
        let closes = target == PHASE_SHARE.len() - 1;
        let mut steps: Vec<u8> = Vec::new();
        let mut phase = 0;
        while phase < target {
            let mut step = rng.range(1, params.max_steps.min((target - phase) as i64)) as usize;
            // Help starts at one meeting and is evaluated at a later one.
            if phase < UITVOERING && phase + step > UITVOERING {
                step = UITVOERING - phase;
            }
            steps.push(step as u8);
            phase += step;
        }
        let stays = if rng.chance(params.stay_chance) {
            1 + rng.below(params.max_stays)
        } else {
            0
        };
        for _ in 0..stays {
            // A closed case closes at its last discussion, so a pause never comes last.
            let at = rng.below(if closes {
                steps.len().max(1)
            } else {
                steps.len() + 1
            });
            steps.insert(at, 0);
        }
        if steps.is_empty() {
            steps.push(0);
        }
        let last = self.meetings.len() - 1;
        while steps.len() > last + 1 {
            match steps.iter().position(|&s| s == 0) {
                Some(pause) => steps.remove(pause),
                None => break,
            };
        }
        let mut gaps: Vec<usize> = (1..steps.len())
            .map(|_| {
                if rng.chance(0.75) {
                    1
                } else {
                    rng.range(2, params.max_gap) as usize
                }
            })
            .collect();
        let mut span: usize = gaps.iter().sum();
        if span > last {
            gaps.iter_mut().for_each(|g| *g = 1);
            span = gaps.len();
        }
        let offsets: Vec<usize> = std::iter::once(0)
            .chain(gaps.iter().scan(0, |at, gap| {
                *at += gap;
                Some(*at)
            }))
            .collect();
        let mut end = || {
            if params.recent && !closes {
                last - [0, 1, 2, 3, 4, 5][rng.weighted(&[3, 3, 2, 2, 1, 1])].min(last - span)
            } else {
                rng.range(span as i64, last as i64) as usize
            }
        };
        // The least busy of a few tries keeps agendas of a size an OT can get through.
        let busiest = |end: usize| {
            offsets
                .iter()
                .map(|o| load[end - span + o])
                .max()
                .unwrap_or(0)
        };
        let end = (0..3)
            .map(|_| end())
            .min_by_key(|&end| busiest(end))
            .unwrap_or(last);
        offsets
            .iter()
            .zip(steps)
            .map(|(offset, steps)| {
                let meeting = end - span + offset;
                load[meeting] += 1;
                Visit {
                    meeting,
                    steps,
                    consent: None,
                    level: None,
                }
            })
            .collect()
    }
}

/// The consent at opening, and any change recorded at a visit. Unknown and No stay in signaal:
/// a case cannot leave it without an answer that allows discussion.
fn consent(rng: &mut Rng, target: usize, fresh: bool, visits: &mut [Visit]) -> Consent {
    if fresh {
        return if rng.chance(0.7) {
            Consent::Unknown
        } else {
            Consent::Yes
        };
    }
    let last = visits.len() - 1;
    let first_move = visits.iter().position(|v| v.steps > 0).unwrap_or(last);
    let wanted = if target == 0 {
        [
            Consent::No,
            Consent::Unknown,
            Consent::Yes,
            Consent::Anonymous,
        ][rng.weighted(&[3, 3, 3, 1])]
    } else if rng.chance(ANONYMOUS_SHARE) {
        Consent::Anonymous
    } else {
        Consent::Yes
    };
    let asked_later = match wanted {
        Consent::Unknown => None,
        // Recorded at the first discussion, so no minutes ever carry the name.
        Consent::Anonymous => rng.chance(0.5).then_some(0),
        _ if target == 0 => rng.chance(0.6).then(|| rng.below(last + 1)),
        _ => rng.chance(0.25).then(|| rng.below(first_move + 1)),
    };
    match asked_later {
        Some(visit) => {
            visits[visit].consent = Some(wanted);
            Consent::Unknown
        }
        None => wanted,
    }
}

/// The level at opening, and the changes: up while the team understands and plans, down at
/// the end when the help worked.
fn levels(rng: &mut Rng, plan: &mut CasePlan) -> Level {
    let target = plan.target;
    let last_level = rng.weighted(&LEVEL_WEIGHTS[target]) as i64 + 1;
    if target <= 1 || plan.visits.is_empty() {
        return level(last_level);
    }
    let peak = if target == 6 && last_level <= 3 {
        (last_level + rng.weighted(&[4, 3, 2]) as i64).min(4)
    } else if target == 5 && last_level < 5 && rng.chance(0.25) {
        last_level + 1
    } else {
        last_level
    };
    let last = plan.visits.len() - 1;
    let down_at = (peak > last_level).then_some(last);
    let eligible: Vec<usize> = (0..plan.visits.len())
        .filter(|&v| (2..=4).contains(&plan.phase_after(v)) && Some(v) != down_at)
        .collect();
    let start = if eligible.is_empty() {
        peak
    } else if peak >= 3 {
        if rng.chance(0.7) {
            rng.range(1, 2)
        } else {
            peak
        }
    } else if rng.chance(0.3) {
        1
    } else {
        peak
    };
    let up = |rng: &mut Rng, to: i64| (level(to), *rng.pick(UP[(to - 2) as usize]));
    if start < peak {
        if peak - start >= 2 && eligible.len() >= 2 && rng.chance(0.5) {
            let first = rng.below(eligible.len() - 1);
            let second = first + 1 + rng.below(eligible.len() - first - 1);
            let middle = rng.range(start + 1, peak - 1);
            plan.visits[eligible[first]].level = Some(up(rng, middle));
            plan.visits[eligible[second]].level = Some(up(rng, peak));
        } else {
            plan.visits[*rng.pick(&eligible)].level = Some(up(rng, peak));
        }
    }
    if let Some(visit) = down_at {
        let reasons = DOWN[usize::from(peak >= 4)];
        plan.visits[visit].level = Some((level(last_level), *rng.pick(reasons)));
    }
    level(start)
}
