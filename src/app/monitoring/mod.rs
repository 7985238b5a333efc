//! The monitoring screen (`M` on the start screen, or `:`): the figures of issue 14 for a
//! period with charts, `p` for another period, `Enter` on a figure for the cases behind it
//! and on a case for its dossier (never while presenting), `Esc` back. The figures are read by `Effect::LoadMonitoring` (`query::monitoring::screen`);
//! the cases are named as `Subject::of` decides, and only by pseudonym while a meeting is open.

use chrono::NaiveDate;

use crate::app::{Command, Effect, Model, Screen, View};
use crate::monitoring::report::Figure;
use crate::monitoring::{Figures, Mean, Period, Share, Spread};
use crate::query::monitoring::Monitor;

/// The periods `p` steps through: this school year, each of its terms, the year before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PeriodChoice {
    #[default]
    Year,
    Term(u8),
    LastYear,
}

impl PeriodChoice {
    /// The next choice `p` offers as of `today`: a term that has not begun has no figures, so
    /// it is passed over.
    pub fn next(self, today: NaiveDate) -> PeriodChoice {
        let mut next = self;
        loop {
            next = match next {
                PeriodChoice::Year => PeriodChoice::Term(1),
                PeriodChoice::Term(n) if n < 3 => PeriodChoice::Term(n + 1),
                PeriodChoice::Term(_) => PeriodChoice::LastYear,
                PeriodChoice::LastYear => PeriodChoice::Year,
            };
            let begun = next.whole(today).is_some_and(|p| p.as_of(today).is_some());
            // The school year and last year have always begun; the loop ends there at worst.
            if begun || matches!(next, PeriodChoice::Year | PeriodChoice::LastYear) {
                return next;
            }
        }
    }

    /// The start year of the school year it belongs to, as of `today`.
    pub fn school_year(self, today: NaiveDate) -> i32 {
        let this = Period::school_year_of(today);
        match self {
            PeriodChoice::LastYear => this - 1,
            _ => this,
        }
    }

    /// The year or term as the calendar has it, before cutting off at today.
    fn whole(self, today: NaiveDate) -> Option<Period> {
        let year = self.school_year(today);
        match self {
            PeriodChoice::Term(n) => Period::term(year, n),
            _ => Period::school_year(year),
        }
    }

    /// What the screen counts: the same rule as `otter stats` (`Period::as_of`).
    pub fn period(self, today: NaiveDate) -> Period {
        // Every year and term exists on a calendar chrono can hold, and `next` offers none
        // that has not begun; otherwise the day itself rather than a panic.
        self.whole(today)
            .and_then(|period| period.as_of(today))
            .unwrap_or(Period {
                from: today,
                to: today,
            })
    }
}

/// The screen's data: the period chosen and what was read for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Monitoring {
    pub period: PeriodChoice,
    pub data: Monitor,
    /// The other periods shown since the last write. Reading a large school's histories takes
    /// seconds, so `p` and `M` show these again rather than freeze the screen; any write
    /// forgets them (`forget`), a meeting opened included, as it changes how cases are named.
    pub kept: Vec<(PeriodChoice, Monitor)>,
    /// Nothing was written since `data` was read.
    pub fresh: bool,
}

impl Monitoring {
    /// The screen of `period` as just read.
    pub fn read(period: PeriodChoice, data: Monitor) -> Monitoring {
        Monitoring {
            period,
            data,
            kept: Vec::new(),
            fresh: true,
        }
    }

    /// Shows `period` from what was kept, when nothing was written since it was read on
    /// `today`; false when it must be read.
    pub fn show_kept(&mut self, period: PeriodChoice, today: NaiveDate) -> bool {
        if !self.fresh || self.data.figures.today != today {
            return false;
        }
        if self.period == period {
            return true;
        }
        let Some(at) = self.kept.iter().position(|(p, _)| *p == period) else {
            return false;
        };
        let (period, data) = self.kept.swap_remove(at);
        let shown = std::mem::replace(&mut self.data, data);
        self.kept
            .push((std::mem::replace(&mut self.period, period), shown));
        true
    }

    /// `period` as just read, shown; the period it replaces kept while it is still true.
    pub fn shown(
        previous: Option<Box<Monitoring>>,
        period: PeriodChoice,
        data: Monitor,
    ) -> Monitoring {
        let mut next = Monitoring::read(period, data);
        if let Some(previous) =
            previous.filter(|p| p.fresh && p.data.figures.today == next.data.figures.today)
        {
            next.kept = previous.kept;
            next.kept.retain(|(p, _)| *p != period);
            if previous.period != period {
                next.kept.push((previous.period, previous.data));
            }
        }
        next
    }

    /// Something was written: every period is read again when next shown.
    pub fn forget(&mut self) {
        self.kept.clear();
        self.fresh = false;
    }
}

/// The chosen figure, and the list of its cases when `Enter` opened it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MonitorView {
    pub row: usize,
    pub list: Option<usize>,
}

/// A figure's value as the screen shows it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    Count(u32),
    Share(Share),
    /// Median and 80th percentile, in days.
    Spread(Spread),
    /// The same in minutes: time per case in a meeting.
    Minutes(Spread),
    Mean(Mean),
}

/// The figures on screen, in order: the chosen row is an index into these.
pub fn rows(f: &Figures) -> Vec<(Figure, Value)> {
    use Value::{Count, Spread as Days};
    let r = f.reaction;
    let m = f.meetings;
    let mut rows = vec![
        (Figure::Cases, Count(f.cases)),
        (Figure::NewSignals, Count(f.new_signals)),
        (Figure::SignalToHelp, Days(r.signal_to_help)),
        (Figure::SignalToDiscussion, Days(r.signal_to_discussion)),
        (Figure::SignalToPlan, Days(r.signal_to_plan)),
        (Figure::PlanToHelp, Days(r.plan_to_help)),
        (Figure::WithinNorm, Value::Share(f.norm.within)),
        (Figure::Waiting, Count(f.norm.waiting)),
        (Figure::WaitingOverNorm, Count(f.norm.waiting_over_norm)),
        (Figure::Closed, Count(f.levels.closed)),
        (
            Figure::ClosedAtMost3,
            Value::Share(f.levels.closed_at_most_3),
        ),
        (Figure::Escalated, Value::Share(f.levels.escalated)),
        (Figure::Deescalated, Value::Share(f.levels.deescalated)),
        (Figure::Returned, Value::Share(f.returns.returned)),
        (Figure::MeetingsHeld, Count(m.held)),
        (Figure::CasesPerMeeting, Value::Mean(m.cases_per_meeting)),
        (Figure::MinutesPerCase, Value::Minutes(m.minutes_per_case)),
        (Figure::NotDiscussed, Value::Share(m.not_discussed)),
        (Figure::ActionsOnTime, Value::Share(f.actions.on_time)),
        (Figure::OverdueNow, Count(f.actions.overdue_now)),
    ];
    let c = f.consent;
    for (consent, n) in [
        (crate::domain::Consent::Yes, c.by_name),
        (crate::domain::Consent::Anonymous, c.anonymous),
        (crate::domain::Consent::No, c.refused),
        (crate::domain::Consent::Unknown, c.not_asked),
    ] {
        rows.push((Figure::Consent(consent), Count(n)));
    }
    rows
}

pub fn open(model: &Model) -> Vec<Effect> {
    let period = model
        .monitoring
        .as_ref()
        .map_or(PeriodChoice::default(), |m| m.period);
    vec![Effect::LoadMonitoring(period)]
}

/// The figures were read into `Model::monitoring`: the screen comes up, or shows the other
/// period with the same figure chosen (its list closes, as its cases differ).
pub fn loaded(model: &mut Model, view: &mut View) -> Vec<Effect> {
    let Some(screen) = model.monitoring.as_ref() else {
        return Vec::new();
    };
    if model.screen != Screen::Monitoring {
        view.monitoring = MonitorView::default();
    }
    let rows = rows(&screen.data.figures).len();
    view.monitoring.row = view.monitoring.row.min(rows.saturating_sub(1));
    view.monitoring.list = None;
    model.screen = Screen::Monitoring;
    Vec::new()
}

/// What a key does here when it is not what the command does elsewhere: Enter lists the
/// cases behind a figure, and on that list opens the chosen case's dossier.
pub fn describe(action: Command, t: &crate::i18n::Texts) -> Option<&'static str> {
    match action {
        Command::Open => Some(t.stats.screen_enter),
        _ => None,
    }
}

/// Whether the monitoring screen takes `action` itself.
pub fn takes(action: Command) -> bool {
    matches!(
        action,
        Command::Down | Command::Up | Command::Open | Command::Back | Command::SwitchPeriod
    )
}

pub fn act(model: &mut Model, view: &mut View, action: Command) -> Vec<Effect> {
    let Some(screen) = model.monitoring.as_ref() else {
        model.screen = Screen::Dashboard;
        return vec![Effect::LoadDashboard];
    };
    let rows = rows(&screen.data.figures);
    let v = &mut view.monitoring;
    match (action, v.list) {
        (Command::Back, Some(_)) => v.list = None,
        (Command::Back, None) => {
            model.screen = Screen::Dashboard;
            return vec![Effect::LoadDashboard];
        }
        (Command::SwitchPeriod, _) => {
            return vec![Effect::LoadMonitoring(screen.period.next(model.today))];
        }
        (Command::Down | Command::Up, Some(at)) => {
            let len = rows
                .get(v.row)
                .and_then(|(figure, _)| screen.data.cases_behind(figure))
                .map_or(0, |cases| cases.len());
            v.list = Some(step(at, len, action == Command::Down));
        }
        (Command::Down | Command::Up, None) => {
            v.row = step(v.row, rows.len(), action == Command::Down);
        }
        // Enter on a case of the list opens its pupil's dossier on that case, as it does on
        // the start screen; the dossier opens nowhere while presenting (`Effect::LoadDossier`
        // says so in the status line), and Esc there comes back to this list.
        (Command::Open, Some(at)) => {
            let case = rows
                .get(v.row)
                .and_then(|(figure, _)| screen.data.cases_behind(figure))
                .and_then(|cases| cases.get(at).map(|(line, _)| line.case));
            if let Some(case) = case {
                return vec![Effect::LoadDossier(crate::app::dossier::DossierOf::Case(
                    case,
                ))];
            }
        }
        (Command::Open, None) => {
            let behind = rows
                .get(v.row)
                .and_then(|(figure, _)| screen.data.cases_behind(figure));
            match behind {
                Some(cases) if !cases.is_empty() => v.list = Some(0),
                Some(_) => view.flash = Some(model.lang.texts().stats.screen_none.to_string()),
                None => view.flash = Some(model.lang.texts().stats.screen_no_cases.to_string()),
            }
        }
        _ => {}
    }
    Vec::new()
}

fn step(at: usize, len: usize, down: bool) -> usize {
    if down {
        (at + 1).min(len.saturating_sub(1))
    } else {
        at.saturating_sub(1)
    }
}

#[cfg(test)]
mod tests;
