//! Monitoring (issue 14): is help earlier and lighter? Every figure is computed here from the
//! case histories, meetings and actions the OT already records, never typed in twice.
//!
//! Pure: no store and no clock. The caller reads the records (`query::monitoring`) and passes
//! "today"; the screen and `otter stats` draw the same `Figures`. Each figure carries the
//! number of records it rests on, so disclosure control (`disclosure`) can decide what may be
//! shown outside the team.

pub mod disclosure;
mod figures;
mod histories;
pub mod period;
pub mod report;

#[cfg(test)]
mod tests;

use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::{
    Action, ActionStatus, AgendaKind, Case, CaseEvent, CaseId, Consent, EventKind, Level, Meeting,
    MeetingId, MeetingState, PhaseModel, PupilId,
};

pub use figures::{Routes, behind, compute};
pub use histories::{Histories, History, PhaseNo};
pub use period::{Month, Period};

/// One case as the figures need it: the moments on its record, and its phase, level and
/// consent changes, oldest first. No text. The store keeps one of these per case, written
/// with the case (`store::digest`), so the figures never read the histories whole.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseHistory {
    pub case: CaseFacts,
    pub events: Vec<Change>,
}

/// What the figures read of a case's own record; its phase by name, or by number in
/// `Histories`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CaseFacts<P = Arc<str>> {
    pub id: CaseId,
    pub pupil: PupilId,
    pub opened: NaiveDate,
    pub closed: Option<NaiveDate>,
    pub help_start: Option<NaiveDate>,
    pub waiting_since: Option<NaiveDate>,
    pub phase: P,
    pub level: Level,
    pub consent: Consent,
}

/// A change of phase, level or consent, on its day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change<P = Arc<str>> {
    pub date: NaiveDate,
    pub kind: Step<P>,
}

/// What a change changed. A phase is a shared name, or in `Histories`, where the figures walk
/// 50,000 cases, a number among the few names a school has.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Step<P = Arc<str>> {
    Phase { from: P, to: P },
    Level { from: Level, to: Level },
    Consent { from: Consent, to: Consent },
}

impl Change {
    /// The change `event` made; `None` for the opening, which changes nothing.
    pub fn of(event: &CaseEvent) -> Option<Change> {
        let kind = match &event.kind {
            EventKind::Opened => return None,
            EventKind::Phase { from, to } => Step::Phase {
                from: from.as_str().into(),
                to: to.as_str().into(),
            },
            EventKind::Level { from, to } => Step::Level {
                from: *from,
                to: *to,
            },
            EventKind::Consent { from, to } => Step::Consent {
                from: *from,
                to: *to,
            },
        };
        Some(Change {
            date: event.date,
            kind,
        })
    }
}

impl CaseHistory {
    /// From the case and its whole history (in any order): the form the figures were
    /// computed from before the store kept it, and what a test holds the kept one to.
    pub fn of(case: &Case, events: &[CaseEvent]) -> CaseHistory {
        let mut events: Vec<&CaseEvent> = events.iter().filter(|e| e.case == case.id).collect();
        events.sort_by_key(|e| e.seq);
        CaseHistory {
            case: CaseFacts {
                id: case.id,
                pupil: case.pupil,
                opened: case.opened,
                closed: case.closed,
                help_start: case.help_start,
                waiting_since: case.waiting_since,
                phase: case.phase.as_str().into(),
                level: case.level,
                consent: case.consent,
            },
            events: events.into_iter().filter_map(Change::of).collect(),
        }
    }
}

/// What the figures read of an action: its dates, where it stands, how often carried over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActionFacts {
    pub created: NaiveDate,
    pub due: NaiveDate,
    /// The day it was done; `None` while open or once dropped.
    pub done: Option<NaiveDate>,
    pub dropped: bool,
    pub carried: u32,
}

impl ActionFacts {
    pub fn of(action: &Action) -> ActionFacts {
        let (done, dropped) = match action.status {
            ActionStatus::Open => (None, false),
            ActionStatus::Done { on } => (Some(on), false),
            ActionStatus::Dropped { .. } => (None, true),
        };
        ActionFacts {
            created: action.created,
            due: action.due,
            done,
            dropped,
            carried: u32::try_from(action.carried_through.len()).unwrap_or(u32::MAX),
        }
    }

    fn is_open(self) -> bool {
        self.done.is_none() && !self.dropped
    }
}

/// What the figures read of a meeting: its day, whether it was closed, and of each agenda
/// item the case it was about (if any), its timebox and the time its timer ran. The store
/// keeps one of these per meeting, written with the meeting (`store::digest`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingFacts {
    pub id: MeetingId,
    pub date: NaiveDate,
    pub closed: bool,
    pub items: Vec<ItemFacts>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemFacts {
    pub case: Option<CaseId>,
    pub timebox_minutes: u16,
    pub used_seconds: u32,
}

impl MeetingFacts {
    pub fn of(meeting: &Meeting) -> MeetingFacts {
        MeetingFacts {
            id: meeting.id,
            date: meeting.date,
            closed: meeting.state == MeetingState::Closed,
            items: meeting
                .agenda
                .iter()
                .map(|item| ItemFacts {
                    case: match item.kind {
                        AgendaKind::Case { case } => Some(case),
                        _ => None,
                    },
                    timebox_minutes: item.timebox_minutes,
                    used_seconds: item.used_seconds,
                })
                .collect(),
        }
    }

    /// The minutes planned: every item's timebox (`Meeting::planned_minutes`).
    fn planned_minutes(&self) -> u32 {
        self.items
            .iter()
            .map(|i| u32::from(i.timebox_minutes))
            .sum()
    }
}

/// Everything the figures are computed from.
#[derive(Debug, Clone, Default)]
pub struct Input {
    pub cases: Histories,
    pub meetings: Vec<MeetingFacts>,
    pub actions: Vec<ActionFacts>,
    /// The case items the closed meetings' minutes say were passed by ("niet besproken",
    /// `Minutes::passed_by`): every other case item of a closed meeting was discussed.
    pub passed_by: Vec<(MeetingId, crate::domain::CaseId)>,
}

/// The phases whose entry marks a moment of the route: the plan agreed (entering the phase
/// that waits for the help to start) and the case closed (entering the final phase). From the
/// phase model, so a school that renames its phases keeps its figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Milestones {
    pub plan_agreed: String,
    pub closed: String,
}

impl Milestones {
    pub fn of(model: &PhaseModel) -> Milestones {
        Milestones {
            plan_agreed: model.plan_agreed().id().to_string(),
            closed: model.last().id().to_string(),
        }
    }
}

/// What a school may set; the defaults are the issue's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Settings {
    /// The Treeknorm for ambulant youth help: help starts within this many weeks of the plan.
    pub norm_weeks: u32,
    /// Herhaald beroep (NJi indicator 3.2): a new case for the same pupil within this many
    /// months of a closing.
    pub return_months: u32,
    /// Counts under this are shown as "<N"; shares, medians and means resting on fewer
    /// records are not shown at all.
    pub threshold: u32,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            norm_weeks: 14,
            return_months: 12,
            threshold: 5,
        }
    }
}

/// `part` of `base` records: a share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Share {
    pub part: u32,
    pub base: u32,
}

impl Share {
    /// Percent, `None` of nothing.
    pub fn percent(self) -> Option<f64> {
        (self.base > 0).then(|| 100.0 * f64::from(self.part) / f64::from(self.base))
    }
}

/// A total spread over `base` records: a mean.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Mean {
    pub total: f64,
    pub base: u32,
}

impl Mean {
    pub fn value(self) -> Option<f64> {
        (self.base > 0).then(|| self.total / f64::from(self.base))
    }
}

/// Durations in days (or minutes) over `base` records: median and 80th percentile.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Spread {
    pub median: Option<f64>,
    pub p80: Option<f64>,
    pub base: u32,
}

impl Spread {
    pub fn of(mut values: Vec<f64>) -> Spread {
        let n = values.len();
        let base = u32::try_from(n).unwrap_or(u32::MAX);
        if n == 0 {
            return Spread {
                median: None,
                p80: None,
                base,
            };
        }
        // Selected, not sorted: only three ranks are asked for. Nearest rank: the smallest
        // value at or under which 80% of them lie.
        let rank = (n * 4).div_ceil(5) - 1;
        let (below, &mut p80, _) = values.select_nth_unstable_by(rank, f64::total_cmp);
        // The middle lies at or under the 80th percentile's rank, so among the values below.
        let middle = n / 2;
        let upper = if middle == rank {
            p80
        } else {
            *below.select_nth_unstable_by(middle, f64::total_cmp).1
        };
        let median = if n % 2 == 1 {
            upper
        } else {
            // The value just under the middle: the largest of those before it.
            let lower = values[..middle]
                .iter()
                .copied()
                .max_by(f64::total_cmp)
                .unwrap_or(upper);
            (lower + upper) / 2.0
        };
        Spread {
            median: Some(median),
            p80: Some(p80),
            base,
        }
    }
}

/// Reactietijd, in days, each counted in the period in which it ends.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Reaction {
    pub signal_to_help: Spread,
    pub signal_to_discussion: Spread,
    pub signal_to_plan: Spread,
    pub plan_to_help: Spread,
}

/// A case in the execution phase whose help has not started: the team's own list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Wait {
    pub case: crate::domain::CaseId,
    pub days: i64,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Norm {
    pub weeks: u32,
    /// Of the cases whose help started in the period after a plan, those within the norm.
    pub within: Share,
    /// Open waits now, longest first. For the screen only: an export shows the counts.
    pub waits: Vec<Wait>,
    pub waiting: u32,
    pub waiting_over_norm: u32,
    pub wait_days: Spread,
}

/// The level route of the cases closed in the period.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct LevelRoute {
    pub closed: u32,
    pub closed_at_most_3: Share,
    pub escalated: Share,
    /// Of the escalated cases, those whose level went down again afterwards.
    pub deescalated: Share,
    /// Closings by the phase they closed from (`None`: no phase change recorded). Closing
    /// reasons themselves are free text and never leave the team.
    pub closed_from: Vec<(Option<String>, u32)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Returns {
    pub months: u32,
    /// Of the closings in the period whose window has passed (or that have returned already),
    /// those followed by a new or reopened case for the same pupil within `months`.
    pub returned: Share,
}

#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Meetings {
    pub held: u32,
    pub cases_per_meeting: Mean,
    /// Minutes spent per discussed case whose timer ran.
    pub minutes_per_case: Spread,
    pub timebox_per_case: Mean,
    pub over_timebox: Share,
    pub overran: Share,
    pub not_discussed: Share,
}

#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Actions {
    pub on_time: Share,
    pub overdue_now: u32,
    pub carry_overs: Mean,
}

/// Consent of the cases active in the period, as it stood at the period's end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct ConsentMix {
    pub by_name: u32,
    pub anonymous: u32,
    pub refused: u32,
    pub not_asked: u32,
}

/// Cases open at a month's end (or today), per level 1 to 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LevelsAt {
    pub month: Month,
    pub levels: [u32; 5],
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct MonthCount {
    pub month: Month,
    pub count: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct MonthSpread {
    pub month: Month,
    pub spread: Spread,
}

/// Every figure for one period: one value with its base per figure, series per month.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    pub period: Period,
    pub today: NaiveDate,
    pub settings: Settings,
    /// Cases open at some time in the period.
    pub cases: u32,
    pub new_signals: u32,
    pub reaction: Reaction,
    pub norm: Norm,
    pub levels: LevelRoute,
    pub returns: Returns,
    pub meetings: Meetings,
    pub actions: Actions,
    pub consent: ConsentMix,
    pub signals_per_month: Vec<MonthCount>,
    pub open_per_level: Vec<LevelsAt>,
    pub reaction_per_month: Vec<MonthSpread>,
    /// Cases open at the period's end (or today) per phase, in the phase model's order as
    /// far as the caller sorts them: for the screen's chart, not the report.
    pub open_per_phase: Vec<(String, u32)>,
}

/// The cases a figure rests on, for the team's own screen (never a report): each with
/// whether it is counted in the figure's part (a share's numerator; every case of a count).
/// A case closed twice in the period is listed once per closing, as the figure counts it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Behind {
    pub figure: report::Figure,
    pub cases: Vec<(crate::domain::CaseId, bool)>,
    /// For a figure in days (a reactietijd, the norm, a wait): each listed case's days, so
    /// the team can see which cases make a median of 0 or of 200.
    pub days: Vec<(crate::domain::CaseId, i64)>,
}
