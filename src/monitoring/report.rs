//! The figures as they may leave the team: every value passed through disclosure control,
//! with no case, pupil or free text in it. `otter stats` writes this in each format; what is
//! not in a `Report` cannot reach a file.

use serde::Serialize;

use super::disclosure::{self, Cell};
use super::{Figures, Month, Period, Settings, Share};
use crate::domain::Consent;

/// What a row is about. The CSV names it by `key`, the same in every language, so that
/// `otter stats combine` can add up schools that print in different languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "figure", content = "of", rename_all = "snake_case")]
pub enum Figure {
    Cases,
    NewSignals,
    SignalToHelp,
    SignalToDiscussion,
    SignalToPlan,
    PlanToHelp,
    WithinNorm,
    Waiting,
    WaitingOverNorm,
    WaitingWithinNorm,
    WaitDays,
    Closed,
    ClosedAtMost3,
    Escalated,
    Deescalated,
    /// Closings from this phase (the model's id); `None` when no phase change was recorded.
    ClosedFrom(Option<String>),
    Returned,
    MeetingsHeld,
    CasesPerMeeting,
    MinutesPerCase,
    TimeboxPerCase,
    OverTimebox,
    Overran,
    NotDiscussed,
    ActionsOnTime,
    OverdueNow,
    CarryOvers,
    Consent(Consent),
}

/// The sections of a report, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    Overview,
    Reaction,
    Norm,
    Levels,
    Returns,
    Meetings,
    Actions,
    Consent,
}

impl Figure {
    pub fn topic(&self) -> Topic {
        match self {
            Figure::Cases | Figure::NewSignals => Topic::Overview,
            Figure::SignalToHelp
            | Figure::SignalToDiscussion
            | Figure::SignalToPlan
            | Figure::PlanToHelp => Topic::Reaction,
            Figure::WithinNorm
            | Figure::Waiting
            | Figure::WaitingOverNorm
            | Figure::WaitingWithinNorm
            | Figure::WaitDays => Topic::Norm,
            Figure::Closed
            | Figure::ClosedAtMost3
            | Figure::Escalated
            | Figure::Deescalated
            | Figure::ClosedFrom(_) => Topic::Levels,
            Figure::Returned => Topic::Returns,
            Figure::MeetingsHeld
            | Figure::CasesPerMeeting
            | Figure::MinutesPerCase
            | Figure::TimeboxPerCase
            | Figure::OverTimebox
            | Figure::Overran
            | Figure::NotDiscussed => Topic::Meetings,
            Figure::ActionsOnTime | Figure::OverdueNow | Figure::CarryOvers => Topic::Actions,
            Figure::Consent(_) => Topic::Consent,
        }
    }

    pub fn key(&self) -> String {
        let fixed = match self {
            Figure::Cases => "cases",
            Figure::NewSignals => "new_signals",
            Figure::SignalToHelp => "signal_to_help",
            Figure::SignalToDiscussion => "signal_to_discussion",
            Figure::SignalToPlan => "signal_to_plan",
            Figure::PlanToHelp => "plan_to_help",
            Figure::WithinNorm => "within_norm",
            Figure::Waiting => "waiting",
            Figure::WaitingOverNorm => "waiting_over_norm",
            Figure::WaitingWithinNorm => "waiting_within_norm",
            Figure::WaitDays => "wait_days",
            Figure::Closed => "closed",
            Figure::ClosedAtMost3 => "closed_at_most_3",
            Figure::Escalated => "escalated",
            Figure::Deescalated => "deescalated",
            Figure::ClosedFrom(Some(phase)) => return format!("closed_from.{phase}"),
            Figure::ClosedFrom(None) => "closed_from",
            Figure::Returned => "returned",
            Figure::MeetingsHeld => "meetings_held",
            Figure::CasesPerMeeting => "cases_per_meeting",
            Figure::MinutesPerCase => "minutes_per_case",
            Figure::TimeboxPerCase => "timebox_per_case",
            Figure::OverTimebox => "over_timebox",
            Figure::Overran => "overran",
            Figure::NotDiscussed => "not_discussed",
            Figure::ActionsOnTime => "actions_on_time",
            Figure::OverdueNow => "overdue_now",
            Figure::CarryOvers => "carry_overs",
            Figure::Consent(Consent::Yes) => "consent.by_name",
            Figure::Consent(Consent::Anonymous) => "consent.anonymous",
            Figure::Consent(Consent::No) => "consent.refused",
            Figure::Consent(Consent::Unknown) => "consent.not_asked",
        };
        fixed.to_string()
    }
}

/// What a row's value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stat {
    Count,
    Percent,
    /// Median, in days (minutes for time per case).
    Median,
    P80,
    Mean,
}

impl Stat {
    pub fn key(self) -> &'static str {
        match self {
            Stat::Count => "count",
            Stat::Percent => "percent",
            Stat::Median => "median",
            Stat::P80 => "p80",
            Stat::Mean => "mean",
        }
    }

    /// Whether rows of this statistic can be added up over schools.
    pub fn adds_up(self) -> bool {
        matches!(self, Stat::Count | Stat::Percent)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    #[serde(flatten)]
    pub figure: Figure,
    pub stat: Stat,
    pub value: Cell,
    /// A share's numerator, as a count.
    pub part: Option<Cell>,
    /// How many records the value rests on, as a count.
    pub base: Option<Cell>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct MonthCell {
    pub month: Month,
    pub value: Cell,
    pub base: Option<Cell>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct MonthLevels {
    pub month: Month,
    pub levels: [Cell; 5],
    pub total: Cell,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub period: Period,
    pub settings: Settings,
    pub rows: Vec<Row>,
    pub signals_per_month: Vec<MonthCell>,
    pub open_per_level: Vec<MonthLevels>,
    pub reaction_per_month: Vec<MonthCell>,
}

impl Report {
    pub fn row(&self, figure: &Figure, stat: Stat) -> Option<&Row> {
        self.rows
            .iter()
            .find(|r| &r.figure == figure && r.stat == stat)
    }
}

struct Rows {
    threshold: u32,
    rows: Vec<Row>,
}

impl Rows {
    fn push(&mut self, figure: Figure, stat: Stat, value: Cell, base: Option<Cell>) {
        self.rows.push(Row {
            figure,
            stat,
            value,
            part: None,
            base,
        });
    }

    fn count(&mut self, figure: Figure, cell: Cell) {
        self.push(figure, Stat::Count, cell, None);
    }

    fn share(&mut self, figure: Figure, share: Share, base: Cell) {
        let (value, part) = disclosure::share_beside(share, base, self.threshold);
        self.rows.push(Row {
            figure,
            stat: Stat::Percent,
            value,
            part: Some(part),
            base: Some(base),
        });
    }

    fn spread(&mut self, figure: Figure, spread: super::Spread, p80: bool) {
        let th = self.threshold;
        let base = Some(disclosure::count(spread.base, th));
        self.push(
            figure.clone(),
            Stat::Median,
            disclosure::median(spread, th),
            base,
        );
        if p80 {
            self.push(figure, Stat::P80, disclosure::p80(spread, th), base);
        }
    }

    fn mean(&mut self, figure: Figure, mean: super::Mean) {
        let th = self.threshold;
        let base = Some(disclosure::count(mean.base, th));
        self.push(figure, Stat::Mean, disclosure::mean(mean, th), base);
    }
}

/// The figures, disclosure-controlled.
pub fn report(figures: &Figures) -> Report {
    let th = figures.settings.threshold;
    let mut rows = Rows {
        threshold: th,
        rows: Vec::new(),
    };
    let consent = figures.consent;
    let (cases, consent_cells) = disclosure::group(
        figures.cases,
        &[
            consent.by_name,
            consent.anonymous,
            consent.refused,
            consent.not_asked,
        ],
        th,
    );
    let monthly: Vec<u32> = figures.signals_per_month.iter().map(|m| m.count).collect();
    let (new_signals, signal_cells) = disclosure::group(figures.new_signals, &monthly, th);
    rows.count(Figure::Cases, cases);
    rows.count(Figure::NewSignals, new_signals);

    let r = figures.reaction;
    rows.spread(Figure::SignalToHelp, r.signal_to_help, true);
    rows.spread(Figure::SignalToDiscussion, r.signal_to_discussion, true);
    rows.spread(Figure::SignalToPlan, r.signal_to_plan, true);
    rows.spread(Figure::PlanToHelp, r.plan_to_help, true);

    let norm = &figures.norm;
    rows.share(
        Figure::WithinNorm,
        norm.within,
        disclosure::count(norm.within.base, th),
    );
    let (waiting, wait_cells) = disclosure::group(
        norm.waiting,
        &[
            norm.waiting_over_norm,
            norm.waiting - norm.waiting_over_norm,
        ],
        th,
    );
    rows.count(Figure::Waiting, waiting);
    rows.count(Figure::WaitingOverNorm, wait_cells[0]);
    rows.count(Figure::WaitingWithinNorm, wait_cells[1]);
    rows.spread(Figure::WaitDays, norm.wait_days, false);

    let levels = &figures.levels;
    let from: Vec<u32> = levels.closed_from.iter().map(|(_, n)| *n).collect();
    let (closed, from_cells) = disclosure::group(levels.closed, &from, th);
    rows.count(Figure::Closed, closed);
    rows.share(Figure::ClosedAtMost3, levels.closed_at_most_3, closed);
    rows.share(Figure::Escalated, levels.escalated, closed);
    rows.share(
        Figure::Deescalated,
        levels.deescalated,
        disclosure::count(levels.deescalated.base, th),
    );
    for ((phase, _), cell) in levels.closed_from.iter().zip(from_cells) {
        rows.count(Figure::ClosedFrom(phase.clone()), cell);
    }

    let returned = figures.returns.returned;
    rows.share(
        Figure::Returned,
        returned,
        disclosure::count(returned.base, th),
    );

    let m = figures.meetings;
    // Meetings are no people: their count, and what rests on it, needs no threshold.
    rows.count(Figure::MeetingsHeld, Cell::Count(m.held));
    rows.push(
        Figure::CasesPerMeeting,
        Stat::Mean,
        disclosure::mean(m.cases_per_meeting, 1),
        Some(Cell::Count(m.cases_per_meeting.base)),
    );
    rows.spread(Figure::MinutesPerCase, m.minutes_per_case, false);
    rows.mean(Figure::TimeboxPerCase, m.timebox_per_case);
    rows.share(
        Figure::OverTimebox,
        m.over_timebox,
        disclosure::count(m.over_timebox.base, th),
    );
    rows.rows.push(Row {
        figure: Figure::Overran,
        stat: Stat::Percent,
        value: disclosure::share(m.overran, 1),
        part: Some(Cell::Count(m.overran.part)),
        base: Some(Cell::Count(m.overran.base)),
    });
    rows.share(
        Figure::NotDiscussed,
        m.not_discussed,
        disclosure::count(m.not_discussed.base, th),
    );

    let a = figures.actions;
    rows.share(
        Figure::ActionsOnTime,
        a.on_time,
        disclosure::count(a.on_time.base, th),
    );
    rows.count(Figure::OverdueNow, disclosure::count(a.overdue_now, th));
    rows.mean(Figure::CarryOvers, a.carry_overs);

    for (consent, cell) in [
        Consent::Yes,
        Consent::Anonymous,
        Consent::No,
        Consent::Unknown,
    ]
    .into_iter()
    .zip(consent_cells)
    {
        rows.count(Figure::Consent(consent), cell);
    }

    Report {
        period: figures.period,
        settings: figures.settings,
        rows: rows.rows,
        signals_per_month: figures
            .signals_per_month
            .iter()
            .zip(signal_cells)
            .map(|(m, value)| MonthCell {
                month: m.month,
                value,
                base: None,
            })
            .collect(),
        open_per_level: figures
            .open_per_level
            .iter()
            .map(|at| {
                let (total, cells) = disclosure::group(at.levels.iter().sum(), &at.levels, th);
                let mut levels = [Cell::Count(0); 5];
                levels.copy_from_slice(&cells);
                MonthLevels {
                    month: at.month,
                    levels,
                    total,
                }
            })
            .collect(),
        reaction_per_month: figures
            .reaction_per_month
            .iter()
            .map(|m| MonthCell {
                month: m.month,
                value: disclosure::median(m.spread, th),
                base: Some(disclosure::count(m.spread.base, th)),
            })
            .collect(),
    }
}
