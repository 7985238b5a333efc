//! The computation: one pass over the cases to find each one's moments, then each figure
//! from those moments.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::period::add_months;
use super::report::Figure;
use super::{
    Actions, Behind, CaseFacts, Change, ConsentMix, Figures, History, Input, LevelRoute, LevelsAt,
    Mean, Meetings, Milestones, MonthCount, MonthSpread, Norm, Period, PhaseNo, Reaction, Returns,
    Settings, Share, Spread, Step, Wait,
};
use crate::domain::{CaseId, Consent, Level, MeetingId, PupilId};

/// The moments of one case's route, read from its record and its history. What the passes
/// over every case ask is copied in here, so that they read one array; the moves are walked
/// only for the cases a figure keeps.
struct Route<'a> {
    case: &'a CaseFacts<PhaseNo>,
    moves: &'a [Change<PhaseNo>],
    /// In the phase that waits for the help to start, without a start.
    waiting: bool,
    /// The latest day of a phase move, and whether the last move (by position) closed it.
    latest_move: Option<NaiveDate>,
    last_move_closed: Option<bool>,
    signal: NaiveDate,
    first_discussion: Option<NaiveDate>,
    plan: Option<NaiveDate>,
    help: Option<NaiveDate>,
    /// The last time the case entered the final phase, and the phase it came from.
    last_closing: Option<(NaiveDate, PhaseNo)>,
    /// The day it closed, if it is closed now.
    closed: Option<NaiveDate>,
}

/// The phases of the model's milestones, as numbered among the histories' phases; `None` for
/// a phase no case ever stood in.
#[derive(Clone, Copy)]
struct Marks {
    plan_agreed: Option<PhaseNo>,
    closed: Option<PhaseNo>,
}

impl Route<'_> {
    fn id(&self) -> CaseId {
        self.case.id
    }

    fn is_open_on(&self, day: NaiveDate, marks: Marks) -> bool {
        if self.signal > day {
            return false;
        }
        let last_move = self
            .moves
            .iter()
            .rev()
            .filter(|e| e.date <= day)
            .find_map(|e| match e.kind {
                Step::Phase { to, .. } => Some(to),
                _ => None,
            });
        match last_move {
            Some(phase) => Some(phase) != marks.closed,
            // No phase change recorded by then: the record itself says whether it closed.
            None => self.closed.is_none_or(|closed| closed > day),
        }
    }

    /// Whether `is_open_on` can hold on any day from `first` on: false only when every phase
    /// move came before `first` and left the case closed, or, with no move at all, its record
    /// closed it by then. Lets the month series skip the cases closed long ago.
    fn may_be_open_from(&self, first: NaiveDate) -> bool {
        if self.latest_move.is_some_and(|day| day >= first) {
            return true;
        }
        match self.last_move_closed {
            Some(closed) => !closed,
            None => self.closed.is_none_or(|closed| closed > first),
        }
    }

    /// The phase the case stood in on `day`: the last move by then, else where its first
    /// move left from, else the phase on its record.
    fn phase_on(&self, day: NaiveDate) -> PhaseNo {
        let mut first_from = None;
        let mut phase = None;
        for event in self.moves {
            if let Step::Phase { from, to } = event.kind {
                first_from.get_or_insert(from);
                if event.date <= day {
                    phase = Some(to);
                }
            }
        }
        phase.or(first_from).unwrap_or(self.case.phase)
    }

    /// Each day the case entered the final phase.
    fn closings(&self, marks: Marks) -> impl Iterator<Item = NaiveDate> + '_ {
        self.moves.iter().filter_map(move |e| match e.kind {
            Step::Phase { to, .. } if Some(to) == marks.closed => Some(e.date),
            _ => None,
        })
    }

    /// Each day the case left the final phase again.
    fn reopenings(&self, marks: Marks) -> impl Iterator<Item = NaiveDate> + '_ {
        self.moves.iter().filter_map(move |e| match e.kind {
            Step::Phase { from, to } if Some(from) == marks.closed && Some(to) != marks.closed => {
                Some(e.date)
            }
            _ => None,
        })
    }

    /// Whether any list behind a figure of `period` can hold the case: it was active, or its
    /// signal, first discussion, plan, help or a closing fell in the period.
    fn touches(&self, period: Period, marks: Marks) -> bool {
        self.active_in(period)
            || [
                Some(self.signal),
                self.first_discussion,
                self.plan,
                self.help,
                self.closed,
            ]
            .into_iter()
            .flatten()
            .chain(self.closings(marks))
            .any(|day| period.contains(day))
    }

    fn active_in(&self, period: Period) -> bool {
        self.signal <= period.to && self.closed.is_none_or(|closed| closed >= period.from)
    }

    /// Counts the case in `levels[at]`, at the level it stood on, for each of `days` (none
    /// earlier than the one before) on which it was open, as `is_open_on` says. One walk over
    /// its history for every day: each move holds from the first day not before it, and the
    /// last by position wins, as a walk per day would find.
    fn count_levels(
        &self,
        days: &[NaiveDate],
        marks: Marks,
        scratch: &mut Vec<(Option<bool>, Option<Level>)>,
        levels: &mut [[u32; 5]],
    ) {
        scratch.clear();
        scratch.resize(days.len(), (None, None));
        for event in self.moves {
            let from = days.partition_point(|&day| day < event.date);
            match event.kind {
                Step::Phase { to, .. } => {
                    let open = Some(to) != marks.closed;
                    scratch[from..].iter_mut().for_each(|s| s.0 = Some(open));
                }
                Step::Level { to, .. } => scratch[from..].iter_mut().for_each(|s| s.1 = Some(to)),
                Step::Consent { .. } => {}
            }
        }
        let first_level = self.first_level();
        for ((&day, &(open, level)), into) in days.iter().zip(scratch.iter()).zip(levels) {
            // No phase change by then: the record itself says whether it closed.
            let open = self.signal <= day
                && open.unwrap_or_else(|| self.closed.is_none_or(|closed| closed > day));
            if open {
                into[usize::from(level.unwrap_or(first_level).get() - 1)] += 1;
            }
        }
    }

    fn first_level(&self) -> Level {
        self.moves
            .iter()
            .find_map(|e| match e.kind {
                Step::Level { from, .. } => Some(from),
                _ => None,
            })
            .unwrap_or(self.case.level)
    }

    /// Whether the case reached level 4 or 5, and whether its level went down after that.
    fn escalation(&self) -> (bool, bool) {
        let mut escalated = self.first_level().get() >= 4;
        let mut lowered = false;
        for event in self.moves {
            if let Step::Level { from, to } = event.kind {
                if escalated && to < from {
                    lowered = true;
                }
                if to.get() >= 4 {
                    escalated = true;
                }
            }
        }
        (escalated, lowered)
    }

    fn consent_on(&self, day: NaiveDate) -> Consent {
        let mut consent = None;
        for event in self.moves {
            if let Step::Consent { from, to } = event.kind {
                if event.date > day {
                    return consent.unwrap_or(from);
                }
                consent = Some(to);
            }
        }
        consent.unwrap_or(self.case.consent)
    }
}

fn days(from: NaiveDate, to: NaiveDate) -> Option<f64> {
    // A help start typed before the signal is a typo, not a negative wait.
    let days = (to - from).num_days();
    (days >= 0).then_some(days as f64)
}

/// The closed meetings' case items: which case, on which day, and whether it was discussed,
/// by the minutes' rule (a note, a decision, an action or a change; a timer that ran is not
/// enough).
struct Item {
    case: CaseId,
    date: NaiveDate,
    discussed: bool,
}

fn items(input: &Input) -> Vec<Item> {
    let passed: HashSet<(MeetingId, CaseId)> = input.passed_by.iter().copied().collect();
    input
        .meetings
        .iter()
        .filter(|m| m.closed)
        .flat_map(|m| {
            m.items.iter().filter_map(|item| {
                let case = item.case?;
                Some(Item {
                    case,
                    date: m.date,
                    discussed: !passed.contains(&(m.id, case)),
                })
            })
        })
        .collect()
}

fn build_routes<'a>(input: &'a Input, marks: Marks, items: &[Item]) -> Vec<Route<'a>> {
    // Each case's first discussion, found by a search among the discussed items sorted by
    // case and day: 50,000 cases look theirs up here.
    let mut discussed: Vec<(CaseId, NaiveDate)> = items
        .iter()
        .filter(|i| i.discussed)
        .map(|i| (i.case, i.date))
        .collect();
    discussed.sort_unstable();
    discussed.dedup_by_key(|(case, _)| *case);
    input
        .cases
        .iter()
        .map(|History { case, moves }| {
            let mut plan = None;
            let mut last_closing = None;
            let (mut latest_move, mut last_move_closed) = (None::<NaiveDate>, None);
            for event in moves {
                if let Step::Phase { from, to } = event.kind {
                    if Some(to) == marks.plan_agreed && plan.is_none() {
                        plan = Some(event.date);
                    }
                    let closes = Some(to) == marks.closed;
                    if closes {
                        last_closing = Some((event.date, from));
                    }
                    latest_move = Some(latest_move.map_or(event.date, |day| day.max(event.date)));
                    last_move_closed = Some(closes);
                }
            }
            let closed = (Some(case.phase) == marks.closed)
                .then(|| last_closing.map(|c| c.0).or(case.closed))
                .flatten();
            let first_discussion = discussed
                .binary_search_by_key(&case.id, |(case, _)| *case)
                .ok()
                .map(|at| discussed[at].1);
            Route {
                case,
                moves,
                waiting: Some(case.phase) == marks.plan_agreed && case.help_start.is_none(),
                latest_move,
                last_move_closed,
                signal: case.opened,
                first_discussion,
                plan,
                help: case.help_start,
                last_closing,
                closed,
            }
        })
        .collect()
}

/// The routes of every case and the closed meetings' case items, worked out once for the
/// figures and the lists behind them of any period.
pub struct Routes<'a> {
    input: &'a Input,
    marks: Marks,
    items: Vec<Item>,
    routes: Vec<Route<'a>>,
}

impl<'a> Routes<'a> {
    pub fn of(input: &'a Input, milestones: &Milestones) -> Routes<'a> {
        let items = items(input);
        let marks = Marks {
            plan_agreed: input.cases.find(&milestones.plan_agreed),
            closed: input.cases.find(&milestones.closed),
        };
        let routes = build_routes(input, marks, &items);
        Routes {
            input,
            marks,
            items,
            routes,
        }
    }

    fn phase_name(&self, phase: PhaseNo) -> String {
        self.input.cases.name(phase).to_string()
    }
}

/// Every figure of `period`, as it stands on `today`.
pub fn compute(
    input: &Input,
    milestones: &Milestones,
    settings: Settings,
    period: Period,
    today: NaiveDate,
) -> Figures {
    Routes::of(input, milestones).figures(settings, period, today)
}

/// The position of `day`'s month among `months`.
fn month_at(months: &[super::Month], day: NaiveDate) -> Option<usize> {
    let month = super::Month::of(day);
    months.iter().position(|m| *m == month)
}

impl Routes<'_> {
    /// Every figure of `period`, as it stands on `today`.
    pub fn figures(&self, settings: Settings, period: Period, today: NaiveDate) -> Figures {
        let (input, marks, items) = (self.input, self.marks, &self.items);
        let routes = self.routes.as_slice();
        let active: Vec<&Route> = routes.iter().filter(|r| r.active_in(period)).collect();
        let months = period.months();
        // The monthly series in one pass over the cases each, not one per month.
        let mut new_signals = 0;
        let mut signals = vec![0; months.len()];
        let mut reactions = vec![Vec::new(); months.len()];
        for r in routes {
            if period.contains(r.signal) {
                new_signals += 1;
                if let Some(at) = month_at(&months, r.signal) {
                    signals[at] += 1;
                }
            }
            if let Some(help) = r.help.filter(|&d| period.contains(d))
                && let Some(at) = month_at(&months, help)
                && let Some(days) = days(r.signal, help)
            {
                reactions[at].push(days);
            }
        }
        let level_days: Vec<(super::Month, NaiveDate)> = months
            .iter()
            .filter(|month| month.first() <= today)
            .map(|&month| (month, month.last().min(period.to).min(today)))
            .collect();
        let mut levels = vec![[0; 5]; level_days.len()];
        if let (Some(first), Some(last)) = (
            level_days.iter().map(|(_, day)| *day).min(),
            level_days.iter().map(|(_, day)| *day).max(),
        ) {
            let open = routes
                .iter()
                .filter(|r| r.signal <= last && r.may_be_open_from(first));
            let days: Vec<NaiveDate> = level_days.iter().map(|(_, day)| *day).collect();
            let mut scratch = Vec::new();
            for route in open {
                route.count_levels(&days, marks, &mut scratch, &mut levels);
            }
        }
        Figures {
            period,
            today,
            settings,
            cases: count(active.len()),
            new_signals,
            reaction: reaction(routes, period),
            norm: norm(routes, settings, period, today),
            levels: self.level_route(period),
            returns: returns(routes, marks, settings, period, today),
            meetings: meetings(input, items, period),
            actions: actions(input, period, today),
            consent: consent(&active, period.until(today).to),
            signals_per_month: months
                .iter()
                .zip(signals)
                .map(|(&month, count)| MonthCount { month, count })
                .collect(),
            open_per_level: level_days
                .iter()
                .zip(levels)
                .map(|(&(month, _), levels)| LevelsAt { month, levels })
                .collect(),
            open_per_phase: {
                let day = period.until(today).to;
                let mut phases: Vec<(PhaseNo, u32)> = Vec::new();
                for route in routes.iter().filter(|r| {
                    r.signal <= day && r.may_be_open_from(day) && r.is_open_on(day, marks)
                }) {
                    let phase = route.phase_on(day);
                    match phases.iter_mut().find(|(p, _)| *p == phase) {
                        Some((_, n)) => *n += 1,
                        None => phases.push((phase, 1)),
                    }
                }
                phases
                    .into_iter()
                    .map(|(phase, n)| (self.phase_name(phase), n))
                    .collect()
            },
            reaction_per_month: months
                .iter()
                .zip(reactions)
                .map(|(&month, days)| MonthSpread {
                    month,
                    spread: Spread::of(days),
                })
                .collect(),
        }
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn reaction(routes: &[Route], period: Period) -> Reaction {
    let spread = |segment: &dyn Fn(&Route) -> Option<(NaiveDate, NaiveDate)>| {
        Spread::of(
            routes
                .iter()
                .filter_map(|r| {
                    let (from, to) = segment(r)?;
                    period.contains(to).then(|| days(from, to)).flatten()
                })
                .collect(),
        )
    };
    Reaction {
        signal_to_help: spread(&|r| Some((r.signal, r.help?))),
        signal_to_discussion: spread(&|r| Some((r.signal, r.first_discussion?))),
        signal_to_plan: spread(&|r| Some((r.signal, r.plan?))),
        plan_to_help: spread(&|r| Some((r.plan?, r.help?))),
    }
}

fn norm(routes: &[Route], settings: Settings, period: Period, today: NaiveDate) -> Norm {
    let limit = i64::from(settings.norm_weeks) * 7;
    let mut within = Share::default();
    for route in routes {
        if let (Some(plan), Some(help)) = (route.plan, route.help)
            && period.contains(help)
            && plan <= help
        {
            within.base += 1;
            within.part += u32::from((help - plan).num_days() <= limit);
        }
    }
    let mut waits: Vec<Wait> = routes
        .iter()
        .filter(|r| r.waiting)
        .map(|r| {
            let since = r.plan.or(r.case.waiting_since).unwrap_or(r.signal);
            Wait {
                case: r.id(),
                days: (today - since).num_days().max(0),
            }
        })
        .collect();
    waits.sort_by(|a, b| b.days.cmp(&a.days).then(a.case.cmp(&b.case)));
    Norm {
        weeks: settings.norm_weeks,
        within,
        waiting: count(waits.len()),
        waiting_over_norm: count(waits.iter().filter(|w| w.days > limit).count()),
        wait_days: Spread::of(waits.iter().map(|w| w.days as f64).collect()),
        waits,
    }
}

impl Routes<'_> {
    fn level_route(&self, period: Period) -> LevelRoute {
        let closed: Vec<&Route> = self
            .routes
            .iter()
            .filter(|r| r.closed.is_some_and(|day| period.contains(day)))
            .collect();
        let base = count(closed.len());
        let mut route = LevelRoute {
            closed: base,
            closed_at_most_3: Share { part: 0, base },
            escalated: Share { part: 0, base },
            deescalated: Share::default(),
            closed_from: Vec::new(),
        };
        let mut from: Vec<(Option<PhaseNo>, u32)> = Vec::new();
        for r in closed {
            route.closed_at_most_3.part += u32::from(r.case.level.get() <= 3);
            let (escalated, lowered) = r.escalation();
            if escalated {
                route.escalated.part += 1;
                route.deescalated.base += 1;
                route.deescalated.part += u32::from(lowered);
            }
            let phase = r.last_closing.map(|(_, phase)| phase);
            match from.iter_mut().find(|(p, _)| *p == phase) {
                Some((_, n)) => *n += 1,
                None => from.push((phase, 1)),
            }
        }
        route.closed_from = from
            .into_iter()
            .map(|(phase, n)| (phase.map(|p| self.phase_name(p)), n))
            .collect();
        // By name, none first, as the report lists them.
        route.closed_from.sort();
        route
    }
}

/// Each closing in the period that can be judged, with its case and whether a new or
/// reopened case for the same pupil followed within the window.
fn return_closings(
    routes: &[Route],
    marks: Marks,
    settings: Settings,
    period: Period,
    today: NaiveDate,
) -> Vec<(CaseId, bool)> {
    let closes_in = |r: &&Route| r.closings(marks).any(|day| period.contains(day));
    // Only the pupils with a closing in the period are looked up, among their cases sorted
    // by pupil: not every case's.
    let mut pupils: Vec<PupilId> = routes
        .iter()
        .filter(closes_in)
        .map(|r| r.case.pupil)
        .collect();
    pupils.sort_unstable();
    pupils.dedup();
    let mut opened: Vec<(PupilId, CaseId, NaiveDate)> = routes
        .iter()
        .filter(|r| pupils.binary_search(&r.case.pupil).is_ok())
        .map(|r| (r.case.pupil, r.id(), r.signal))
        .collect();
    opened.sort_unstable_by_key(|(pupil, _, _)| *pupil);
    let cases_of = |pupil: PupilId| {
        let from = opened.partition_point(|(p, _, _)| *p < pupil);
        let to = opened.partition_point(|(p, _, _)| *p <= pupil);
        &opened[from..to]
    };
    let mut judged = Vec::new();
    for r in routes.iter().filter(closes_in) {
        for closed in r.closings(marks).filter(|day| period.contains(*day)) {
            let until = add_months(closed, settings.return_months);
            // What happens after today is not known yet (a case typed ahead is not a return).
            let within = |day: NaiveDate| closed <= day && day <= until && day <= today;
            let back = r.reopenings(marks).any(within)
                || cases_of(r.case.pupil)
                    .iter()
                    .any(|&(_, other, day)| other != r.id() && within(day));
            // A closing whose window is still running and has seen no return yet cannot be
            // judged: counting it as "no return" would flatter the last months.
            if back || until <= today {
                judged.push((r.id(), back));
            }
        }
    }
    judged
}

fn returns(
    routes: &[Route],
    marks: Marks,
    settings: Settings,
    period: Period,
    today: NaiveDate,
) -> Returns {
    let judged = return_closings(routes, marks, settings, period, today);
    Returns {
        months: settings.return_months,
        returned: Share {
            part: count(judged.iter().filter(|(_, back)| *back).count()),
            base: count(judged.len()),
        },
    }
}

fn meetings(input: &Input, items: &[Item], period: Period) -> Meetings {
    let held: Vec<_> = input
        .meetings
        .iter()
        .filter(|m| m.closed && period.contains(m.date))
        .collect();
    let in_period: Vec<&Item> = items.iter().filter(|i| period.contains(i.date)).collect();
    let mut minutes = Vec::new();
    let mut timebox = Mean::default();
    let mut over_timebox = Share::default();
    let mut overran = Share::default();
    for meeting in &held {
        let mut used = 0u64;
        for item in &meeting.items {
            used += u64::from(item.used_seconds);
            if item.case.is_some() && item.used_seconds > 0 {
                minutes.push(f64::from(item.used_seconds) / 60.0);
                timebox.total += f64::from(item.timebox_minutes);
                timebox.base += 1;
                over_timebox.base += 1;
                over_timebox.part +=
                    u32::from(item.used_seconds > u32::from(item.timebox_minutes) * 60);
            }
        }
        // Only a meeting whose timers were used can be said to have overrun.
        if used > 0 {
            overran.base += 1;
            overran.part += u32::from(used > u64::from(meeting.planned_minutes()) * 60);
        }
    }
    Meetings {
        held: count(held.len()),
        cases_per_meeting: Mean {
            total: in_period.len() as f64,
            base: count(held.len()),
        },
        minutes_per_case: Spread::of(minutes),
        timebox_per_case: timebox,
        over_timebox,
        overran,
        not_discussed: Share {
            part: count(in_period.iter().filter(|i| !i.discussed).count()),
            base: count(in_period.len()),
        },
    }
}

fn actions(input: &Input, period: Period, today: NaiveDate) -> Actions {
    let mut on_time = Share::default();
    let mut carry_overs = Mean::default();
    let mut overdue_now = 0;
    for action in &input.actions {
        let overdue = action.is_open() && action.due < today;
        overdue_now += u32::from(overdue);
        if period.contains(action.created) {
            carry_overs.total += f64::from(action.carried);
            carry_overs.base += 1;
        }
        // Counted once it is settled: done, or open and past its due date. A dropped action
        // was never to be done.
        let settled = action.done.is_some() || overdue;
        if settled && period.contains(action.due) {
            on_time.base += 1;
            on_time.part += u32::from(action.done.is_some_and(|on| on <= action.due));
        }
    }
    Actions {
        on_time,
        overdue_now,
        carry_overs,
    }
}

fn consent(active: &[&Route], day: NaiveDate) -> ConsentMix {
    let mut mix = ConsentMix::default();
    for route in active {
        match route.consent_on(day) {
            Consent::Yes => mix.by_name += 1,
            Consent::Anonymous => mix.anonymous += 1,
            Consent::No => mix.refused += 1,
            Consent::Unknown => mix.not_asked += 1,
        }
    }
    mix
}

/// The cases behind each figure of the screen that rests on cases, by the same rules as
/// `compute` (a test holds each list to its figure).
pub fn behind(
    input: &Input,
    milestones: &Milestones,
    settings: Settings,
    period: Period,
    today: NaiveDate,
) -> Vec<Behind> {
    Routes::of(input, milestones).behind(settings, period, today)
}

impl Routes<'_> {
    /// The cases behind each figure of `period` that rests on cases, as `behind`.
    pub fn behind(&self, settings: Settings, period: Period, today: NaiveDate) -> Vec<Behind> {
        let (items, marks) = (&self.items, self.marks);
        let routes = self.routes.as_slice();
        // Every list but the waits' asks for a day of the case in the period: the cases with
        // none are passed over once here instead of in every list.
        let relevant: Vec<&Route> = routes.iter().filter(|r| r.touches(period, marks)).collect();
        let each = |rule: &dyn Fn(&Route) -> Option<bool>| -> Vec<(CaseId, bool)> {
            relevant
                .iter()
                .filter_map(|r| rule(r).map(|part| (r.id(), part)))
                .collect()
        };
        // A segment counts in the period it ends, when it does not run backwards.
        let ends = |from: Option<NaiveDate>, to: Option<NaiveDate>| {
            let (from, to) = (from?, to?);
            (period.contains(to) && days(from, to).is_some()).then_some(true)
        };
        let limit = i64::from(settings.norm_weeks) * 7;
        let closed_in = |r: &Route| r.closed.is_some_and(|day| period.contains(day));
        let end = period.until(today).to;
        let waits = norm(routes, settings, period, today).waits;
        let mut behind = vec![
            (
                Figure::Cases,
                each(&|r| r.active_in(period).then_some(true)),
            ),
            (
                Figure::NewSignals,
                each(&|r| period.contains(r.signal).then_some(true)),
            ),
            (
                Figure::SignalToHelp,
                each(&|r| ends(Some(r.signal), r.help)),
            ),
            (
                Figure::SignalToDiscussion,
                each(&|r| ends(Some(r.signal), r.first_discussion)),
            ),
            (
                Figure::SignalToPlan,
                each(&|r| ends(Some(r.signal), r.plan)),
            ),
            (Figure::PlanToHelp, each(&|r| ends(r.plan, r.help))),
            (
                Figure::WithinNorm,
                each(&|r| {
                    let (plan, help) = (r.plan?, r.help?);
                    (period.contains(help) && plan <= help)
                        .then(|| (help - plan).num_days() <= limit)
                }),
            ),
            (
                Figure::Waiting,
                waits.iter().map(|w| (w.case, true)).collect(),
            ),
            (
                Figure::WaitingOverNorm,
                waits
                    .iter()
                    .filter(|w| w.days > limit)
                    .map(|w| (w.case, true))
                    .collect(),
            ),
            (Figure::Closed, each(&|r| closed_in(r).then_some(true))),
            (
                Figure::ClosedAtMost3,
                each(&|r| closed_in(r).then(|| r.case.level.get() <= 3)),
            ),
            (
                Figure::Escalated,
                each(&|r| closed_in(r).then(|| r.escalation().0)),
            ),
            (
                Figure::Deescalated,
                each(&|r| {
                    let (escalated, lowered) = r.escalation();
                    (closed_in(r) && escalated).then_some(lowered)
                }),
            ),
        ];
        let mut phases: Vec<(Option<String>, Option<PhaseNo>)> = Vec::new();
        for r in relevant.iter().filter(|r| closed_in(r)) {
            let phase = r.last_closing.map(|(_, phase)| phase);
            if !phases.iter().any(|(_, p)| *p == phase) {
                phases.push((phase.map(|p| self.phase_name(p)), phase));
            }
        }
        phases.sort();
        for (name, phase) in phases {
            let from = each(&|r| {
                (closed_in(r) && r.last_closing.map(|(_, p)| p) == phase).then_some(true)
            });
            behind.push((Figure::ClosedFrom(name), from));
        }
        behind.push((
            Figure::Returned,
            return_closings(routes, marks, settings, period, today),
        ));
        behind.push((
            Figure::NotDiscussed,
            items
                .iter()
                .filter(|i| period.contains(i.date))
                .map(|i| (i.case, !i.discussed))
                .collect(),
        ));
        // Each active case's consent at the end, worked out once for the four lists.
        let consents: Vec<(CaseId, Consent)> = relevant
            .iter()
            .filter(|r| r.active_in(period))
            .map(|r| (r.id(), r.consent_on(end)))
            .collect();
        for consent in [
            Consent::Yes,
            Consent::Anonymous,
            Consent::No,
            Consent::Unknown,
        ] {
            let of = consents
                .iter()
                .filter(|(_, on)| *on == consent)
                .map(|&(case, _)| (case, true))
                .collect();
            behind.push((Figure::Consent(consent), of));
        }
        let span = |from: Option<NaiveDate>, to: Option<NaiveDate>| {
            let (from, to) = (from?, to?);
            period.contains(to).then(|| (to - from).num_days())
        };
        let days_of = |figure: &Figure| -> Vec<(CaseId, i64)> {
            let segment: &dyn Fn(&Route) -> Option<i64> = match figure {
                Figure::SignalToHelp => &|r| span(Some(r.signal), r.help),
                Figure::SignalToDiscussion => &|r| span(Some(r.signal), r.first_discussion),
                Figure::SignalToPlan => &|r| span(Some(r.signal), r.plan),
                Figure::PlanToHelp | Figure::WithinNorm => &|r| span(r.plan, r.help),
                Figure::Waiting | Figure::WaitingOverNorm => {
                    return waits.iter().map(|w| (w.case, w.days)).collect();
                }
                _ => return Vec::new(),
            };
            relevant
                .iter()
                .filter_map(|r| Some((r.id(), segment(r).filter(|d| *d >= 0)?)))
                .collect()
        };
        behind
            .into_iter()
            .map(|(figure, cases)| {
                let mut days = days_of(&figure);
                // Only the figures in days have any: the others need no set of their cases.
                if !days.is_empty() {
                    let listed: HashSet<CaseId> = cases.iter().map(|(case, _)| *case).collect();
                    days.retain(|(case, _)| listed.contains(case));
                }
                Behind {
                    figure,
                    cases,
                    days,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::monitoring::CaseHistory;
    use proptest::prelude::*;

    fn day(n: i64) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 8, 1).unwrap() + chrono::Days::new(n.unsigned_abs())
    }

    /// The level on `day` as a walk over the history for that day alone finds it.
    fn level_on(route: &Route, day: NaiveDate) -> Level {
        let mut level = route.first_level();
        for event in route.moves {
            if let Step::Level { to, .. } = event.kind
                && event.date <= day
            {
                level = to;
            }
        }
        level
    }

    /// A history of phase and level moves on days in any order, as corrections leave them.
    fn history() -> impl Strategy<Value = CaseHistory> {
        let step = prop_oneof![
            (0u8..3).prop_map(|to| {
                let phase = |n: u8| -> std::sync::Arc<str> {
                    ["bespreking", "uitvoering", "afgesloten"][usize::from(n)].into()
                };
                Step::Phase {
                    from: phase((to + 1) % 3),
                    to: phase(to),
                }
            }),
            (1u8..=5, 1u8..=5).prop_map(|(from, to)| Step::Level {
                from: Level::new(from).unwrap(),
                to: Level::new(to).unwrap(),
            }),
        ];
        (
            0i64..200,
            proptest::option::of(0i64..400),
            1u8..=5,
            proptest::collection::vec((0i64..400, step), 0..8),
        )
            .prop_map(|(opened, closed, level, moves)| CaseHistory {
                case: CaseFacts {
                    id: CaseId(1),
                    pupil: PupilId(1),
                    opened: day(opened),
                    closed: closed.map(day),
                    help_start: None,
                    waiting_since: None,
                    phase: if closed.is_some() {
                        "afgesloten"
                    } else {
                        "uitvoering"
                    }
                    .into(),
                    level: Level::new(level).unwrap(),
                    consent: Consent::Unknown,
                },
                events: moves
                    .into_iter()
                    .map(|(date, kind)| Change {
                        date: day(date),
                        kind,
                    })
                    .collect(),
            })
    }

    proptest! {
        /// The month series' one walk counts each case on each day exactly as asking
        /// `is_open_on` and the level on that day does.
        #[test]
        fn one_walk_counts_the_levels_a_walk_per_day_counts(
            history in history(),
            mut days in proptest::collection::vec(0i64..450, 0..14),
        ) {
            days.sort_unstable();
            let days: Vec<NaiveDate> = days.into_iter().map(day).collect();
            let input = Input {
                cases: [history].into_iter().collect(),
                ..Input::default()
            };
            let milestones = Milestones::of(&crate::domain::PhaseModel::default());
            let routes = Routes::of(&input, &milestones);
            let route = &routes.routes[0];
            let mut walked = vec![[0; 5]; days.len()];
            route.count_levels(&days, routes.marks, &mut Vec::new(), &mut walked);
            let mut each = vec![[0; 5]; days.len()];
            for (at, &day) in days.iter().enumerate() {
                if route.is_open_on(day, routes.marks) {
                    each[at][usize::from(level_on(route, day).get() - 1)] += 1;
                }
            }
            prop_assert_eq!(walked, each);
        }
    }
}
