//! Hand-made histories where every figure is known in advance.

use chrono::{NaiveDate, NaiveTime};

use super::disclosure::{self, Cell};
use super::report::{Figure, Stat, report};
use super::*;
use crate::domain::{
    ActionId, ActionStatus, AgendaKind, CaseId, Consent, EventKind, Level, MeetingId, MeetingKind,
    MeetingState, MemberId, Owner, PupilId,
};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn level(n: u8) -> Level {
    Level::new(n).unwrap()
}

/// A case and its whole history, as the store holds them.
struct Full {
    case: Case,
    events: Vec<CaseEvent>,
}

/// A case and its history, built event by event.
struct Built(Full);

fn case(id: u64, pupil: u64, opened: NaiveDate) -> Built {
    Built(Full {
        case: Case::signal(
            (CaseId(id), crate::domain::Pseudonym::from_random(id, 2)),
            PupilId(pupil),
            "leest niet".into(),
            "signaal".into(),
            opened,
        ),
        events: Vec::new(),
    })
}

impl Built {
    fn event(mut self, date: NaiveDate, meeting: Option<u64>, kind: EventKind) -> Built {
        let seq = u32::try_from(self.0.events.len()).unwrap();
        self.0.events.push(CaseEvent {
            case: self.0.case.id,
            seq,
            date,
            meeting: meeting.map(MeetingId),
            reason: String::new(),
            kind,
        });
        self
    }

    /// Moves the case on to `to` (from where it stands).
    fn to(mut self, date: NaiveDate, to: &str) -> Built {
        let from = std::mem::replace(&mut self.0.case.phase, to.to_string());
        if to == "afgesloten" {
            self.0.case.closed = Some(date);
        } else {
            self.0.case.closed = None;
        }
        self.event(
            date,
            None,
            EventKind::Phase {
                from,
                to: to.to_string(),
            },
        )
    }

    fn level(mut self, date: NaiveDate, to: u8) -> Built {
        let from = std::mem::replace(&mut self.0.case.level, level(to));
        self.event(
            date,
            None,
            EventKind::Level {
                from,
                to: level(to),
            },
        )
    }

    fn consent(mut self, date: NaiveDate, to: Consent) -> Built {
        let from = std::mem::replace(&mut self.0.case.consent, to);
        self.event(date, None, EventKind::Consent { from, to })
    }

    fn help(mut self, date: NaiveDate) -> Built {
        self.0.case.help_start = Some(date);
        self
    }

    fn done(self) -> CaseHistory {
        CaseHistory::of(&self.0.case, &self.0.events)
    }
}

fn meeting(id: u64, date: NaiveDate, items: &[(u64, u32)], other_seconds: u32) -> Meeting {
    let cases: Vec<CaseId> = items.iter().map(|&(c, _)| CaseId(c)).collect();
    let mut agenda = Meeting::template_agenda(&cases);
    agenda[0].used_seconds = other_seconds;
    for item in &mut agenda {
        if let AgendaKind::Case { case } = item.kind {
            item.used_seconds = items.iter().find(|(c, _)| CaseId(*c) == case).unwrap().1;
        }
    }
    Meeting {
        id: MeetingId(id),
        date,
        time: NaiveTime::from_hms_opt(14, 0, 0).unwrap(),
        place: String::new(),
        kind: MeetingKind::Regular,
        state: MeetingState::Closed,
        chair: None,
        attendance: vec![],
        agenda,
        current_item: 0,
        next_meeting: None,
        timer_started: None,
        reopened: vec![],
        changed_cases: Vec::new(),
        recorded_fields: Vec::new(),
        removed_cases: Vec::new(),
        action_changes: Vec::new(),
    }
}

fn action(
    id: u64,
    created: NaiveDate,
    due: NaiveDate,
    status: ActionStatus,
    carried: usize,
) -> ActionFacts {
    ActionFacts::of(&Action {
        id: ActionId(id),
        text: "Ouders bellen".into(),
        owner: Owner::Member(MemberId(1)),
        due,
        status,
        created,
        meeting: None,
        case: None,
        agenda_item: None,
        carried_through: vec![MeetingId(1); carried],
    })
}

fn milestones() -> Milestones {
    Milestones::of(&PhaseModel::default())
}

fn today() -> NaiveDate {
    day(2026, 11, 23)
}

/// School year 2025-2026 with:
/// A (pupil 1) discussed, planned and helped within the norm;
/// B (pupil 2) planned but its help never started;
/// C (pupil 3) helped after the norm, its consent given after the year ended;
/// D (pupil 4) closed and reopened;
/// E (pupil 5) escalated to 4, back to 3, closed, and a second case F within 12 months;
/// G (pupil 6) at level 5, closed early from Analyse, a second case H after 12 months.
fn school() -> Input {
    let plan = |b: Built, date| {
        b.to(date, "beeldvorming")
            .to(date, "analyse")
            .to(date, "plan")
            .to(date, "uitvoering")
    };
    let a = case(1, 1, day(2025, 9, 1))
        .event(day(2025, 9, 15), Some(1), EventKind::Opened)
        .consent(day(2025, 9, 15), Consent::Yes);
    let a = plan(a, day(2025, 10, 13)).help(day(2025, 11, 10)).done();
    let mut b = plan(case(2, 2, day(2025, 9, 8)), day(2025, 10, 13)).done();
    b.case.consent = Consent::Yes;
    let c = plan(case(3, 3, day(2025, 10, 1)), day(2025, 11, 3))
        .help(day(2026, 3, 2))
        .consent(day(2026, 8, 15), Consent::Anonymous)
        .done();
    let d = case(4, 4, day(2025, 9, 1))
        .to(day(2025, 9, 15), "beeldvorming")
        .to(day(2025, 10, 1), "analyse")
        .to(day(2025, 10, 1), "plan")
        .to(day(2025, 10, 1), "uitvoering")
        .to(day(2025, 11, 1), "evaluatie")
        .to(day(2025, 12, 1), "afgesloten")
        .to(day(2026, 2, 2), "evaluatie")
        .done();
    let mut e = case(5, 5, day(2025, 8, 15));
    e.0.case.level = level(2);
    let e = e
        .level(day(2025, 9, 20), 4)
        .level(day(2025, 9, 28), 3)
        .to(day(2025, 9, 29), "evaluatie")
        .to(day(2025, 10, 1), "afgesloten")
        .done();
    let f = case(6, 5, day(2026, 6, 1)).done();
    let mut g = case(7, 6, day(2025, 6, 1));
    g.0.case.level = level(3);
    let g = g
        .level(day(2025, 9, 1), 5)
        .to(day(2025, 9, 1), "analyse")
        .to(day(2025, 9, 15), "afgesloten")
        .done();
    let h = case(8, 6, day(2026, 10, 1)).done();
    Input {
        cases: [a, b, c, d, e, f, g, h].into_iter().collect(),
        meetings: vec![
            // A over its 15 minutes, B on the agenda but not discussed; overran.
            MeetingFacts::of(&meeting(1, day(2025, 9, 15), &[(1, 1200), (2, 0)], 3001)),
            // C in ten minutes; the meeting kept to its time.
            MeetingFacts::of(&meeting(2, day(2025, 10, 13), &[(3, 600)], 0)),
        ],
        // B's minutes say "niet besproken".
        passed_by: vec![(MeetingId(1), CaseId(2))],
        actions: vec![
            action(
                1,
                day(2025, 9, 15),
                day(2025, 10, 1),
                ActionStatus::Done {
                    on: day(2025, 9, 30),
                },
                0,
            ),
            action(
                2,
                day(2025, 9, 15),
                day(2025, 10, 1),
                ActionStatus::Done {
                    on: day(2025, 10, 5),
                },
                1,
            ),
            action(3, day(2025, 9, 15), day(2025, 11, 1), ActionStatus::Open, 2),
            action(
                4,
                day(2025, 9, 15),
                day(2025, 11, 1),
                ActionStatus::Dropped {
                    on: day(2025, 10, 1),
                    reason: "niet meer nodig".into(),
                },
                0,
            ),
            action(5, day(2026, 11, 1), day(2027, 1, 1), ActionStatus::Open, 0),
        ],
    }
}

fn year() -> Figures {
    compute(
        &school(),
        &milestones(),
        Settings::default(),
        Period::school_year(2025).unwrap(),
        today(),
    )
}

#[test]
fn the_default_model_agrees_a_plan_by_entering_uitvoering() {
    assert_eq!(
        milestones(),
        Milestones {
            plan_agreed: "uitvoering".into(),
            closed: "afgesloten".into(),
        }
    );
}

#[test]
fn reaction_times_count_each_segment_in_the_period_it_ends() {
    let r = year().reaction;
    // A: 70 days, C: 152; B never started help and is not in it.
    assert_eq!(r.signal_to_help.base, 2);
    assert_eq!(r.signal_to_help.median, Some(111.0));
    assert_eq!(r.signal_to_help.p80, Some(152.0));
    // A at meeting 1 after 14 days, C at meeting 2 after 12; B was on the agenda undiscussed.
    assert_eq!(r.signal_to_discussion.base, 2);
    assert_eq!(r.signal_to_discussion.median, Some(13.0));
    // A 42, B 35, C 33, D 30 days to a plan.
    assert_eq!(r.signal_to_plan.base, 4);
    assert_eq!(r.signal_to_plan.median, Some(34.0));
    assert_eq!(r.signal_to_plan.p80, Some(42.0));
    assert_eq!(r.plan_to_help.base, 2);
    assert_eq!(r.plan_to_help.median, Some(73.5));
}

#[test]
fn a_case_that_never_started_help_is_an_open_wait_not_a_reaction_time() {
    let norm = year().norm;
    // A started 28 days after its plan, C 119: only A within 14 weeks.
    assert_eq!(norm.within, Share { part: 1, base: 2 });
    assert_eq!(norm.waiting, 1);
    assert_eq!(norm.waits.len(), 1);
    assert_eq!(norm.waits[0].case, CaseId(2));
    assert_eq!(norm.waits[0].days, 406);
    assert_eq!(norm.waiting_over_norm, 1);
    assert_eq!(norm.wait_days.median, Some(406.0));
}

#[test]
fn a_reopened_case_is_not_closed_but_counts_as_a_return() {
    let f = year();
    // E and G are closed; D was closed and reopened, so it is open.
    assert_eq!(f.levels.closed, 2);
    assert_eq!(f.levels.closed_at_most_3, Share { part: 1, base: 2 });
    assert_eq!(f.levels.escalated, Share { part: 2, base: 2 });
    assert_eq!(f.levels.deescalated, Share { part: 1, base: 2 });
    assert_eq!(
        f.levels.closed_from,
        vec![(Some("analyse".into()), 1), (Some("evaluatie".into()), 1)]
    );
    // Closings in the year: D (reopened after two months), E (a new case F within 12
    // months), G (a new case H after 13 months).
    assert_eq!(f.returns.returned, Share { part: 2, base: 3 });
}

#[test]
fn a_closing_whose_window_still_runs_is_judged_only_once_it_returned() {
    let figures = |today| {
        compute(
            &school(),
            &milestones(),
            Settings::default(),
            Period::school_year(2025).unwrap(),
            today,
        )
    };
    // On 1 March 2026 no window of twelve months has passed: only D's reopening is known.
    assert_eq!(
        figures(day(2026, 3, 1)).returns.returned,
        Share { part: 1, base: 1 }
    );
    let shorter = compute(
        &school(),
        &milestones(),
        Settings {
            return_months: 6,
            ..Settings::default()
        },
        Period::school_year(2025).unwrap(),
        today(),
    );
    // Within six months only D comes back: F came eight months after E closed.
    assert_eq!(shorter.returns.returned, Share { part: 1, base: 3 });
}

#[test]
fn meetings_measure_the_case_items_by_their_timers() {
    let m = year().meetings;
    assert_eq!(m.held, 2);
    assert_eq!(m.cases_per_meeting.value(), Some(1.5));
    assert_eq!(m.minutes_per_case.median, Some(15.0));
    assert_eq!(m.timebox_per_case.value(), Some(15.0));
    assert_eq!(m.over_timebox, Share { part: 1, base: 2 });
    assert_eq!(m.overran, Share { part: 1, base: 2 });
    assert_eq!(m.not_discussed, Share { part: 1, base: 3 });
}

/// One definition of "niet besproken": the minutes', not whether an item's timer ran.
#[test]
fn not_discussed_is_what_the_minutes_say_not_whether_the_timer_ran() {
    let figures = |input: &Input| {
        let period = Period::school_year(2025).unwrap();
        compute(input, &milestones(), Settings::default(), period, today())
    };
    let mut input = school();
    let before = figures(&input);
    // C's timer ran ten minutes, but nothing was noted, decided or changed: passed by, and
    // its first OT discussion is still to come.
    input.passed_by.push((MeetingId(2), CaseId(3)));
    let after = figures(&input);
    assert_eq!(after.meetings.not_discussed, Share { part: 2, base: 3 });
    assert_eq!(
        after.reaction.signal_to_discussion.base,
        before.reaction.signal_to_discussion.base - 1
    );
    // B's timer never ran, yet the meeting decided something for it: discussed.
    input
        .passed_by
        .retain(|item| *item != (MeetingId(1), CaseId(2)));
    assert_eq!(
        figures(&input).meetings.not_discussed,
        Share { part: 1, base: 3 }
    );
}

#[test]
fn actions_are_judged_once_done_or_past_due_and_dropped_ones_not_at_all() {
    let a = year().actions;
    assert_eq!(a.on_time, Share { part: 1, base: 3 });
    assert_eq!(a.overdue_now, 1);
    assert_eq!(a.carry_overs.value(), Some(0.75));
}

#[test]
fn consent_is_taken_as_it_stood_at_the_end_of_the_period() {
    let f = year();
    // Active in the year: A to G. C's anonymous answer came after the year ended.
    assert_eq!(f.cases, 7);
    assert_eq!(
        f.consent,
        ConsentMix {
            by_name: 2,
            anonymous: 0,
            refused: 0,
            not_asked: 5,
        }
    );
}

#[test]
fn series_per_month_follow_signals_and_levels() {
    let f = year();
    assert_eq!(f.new_signals, 6);
    let signals: Vec<u32> = f.signals_per_month.iter().map(|m| m.count).collect();
    // August E, September A B D, October C, June F.
    assert_eq!(signals, vec![1, 3, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
    let september = f.open_per_level[1];
    assert_eq!(september.month, Month::of(day(2025, 9, 1)));
    // A, B and D at level 1, E back at 3; G closed on the 15th.
    assert_eq!(september.levels, [3, 0, 1, 0, 0]);
    let november = f.reaction_per_month[3];
    assert_eq!(november.spread.median, Some(70.0), "A's help in November");
}

#[test]
fn a_period_with_no_cases_has_zeros_and_no_medians() {
    let f = compute(
        &school(),
        &milestones(),
        Settings::default(),
        Period::school_year(2019).unwrap(),
        today(),
    );
    assert_eq!((f.cases, f.new_signals, f.levels.closed), (0, 0, 0));
    assert_eq!(f.reaction.signal_to_help.median, None);
    assert_eq!(f.actions.on_time.percent(), None);
    let r = report(&f);
    assert_eq!(
        r.row(&Figure::Cases, Stat::Count).unwrap().value,
        Cell::Count(0)
    );
    assert_eq!(
        r.row(&Figure::SignalToHelp, Stat::Median).unwrap().value,
        Cell::TooFew
    );
    assert!(r.open_per_level.iter().all(|m| m.total == Cell::Count(0)));
}

#[test]
fn a_count_under_the_threshold_is_shown_as_fewer_and_its_share_not_at_all() {
    let r = report(&year());
    // 2 closed cases: "<5", and the shares resting on them are not shown.
    let closed = r.row(&Figure::Closed, Stat::Count).unwrap();
    assert_eq!(closed.value, Cell::Few);
    assert_eq!(closed.value.text(5, 0), "<5");
    let at_most_3 = r.row(&Figure::ClosedAtMost3, Stat::Percent).unwrap();
    assert_eq!(at_most_3.value, Cell::TooFew);
    assert_eq!(at_most_3.base, Some(Cell::Few));
    // With a threshold of 2 the count is shown, but "50% of 2" would give back the one case
    // at level 3 or lower, and the one that was not: the numerator rule hides the share.
    let mut f = year();
    f.settings.threshold = 2;
    let r = report(&f);
    assert_eq!(
        r.row(&Figure::Closed, Stat::Count).unwrap().value,
        Cell::Count(2)
    );
    let at_most_3 = r.row(&Figure::ClosedAtMost3, Stat::Percent).unwrap();
    assert_eq!(
        (at_most_3.value, at_most_3.part),
        (Cell::Hidden, Some(Cell::Few))
    );
    // With a threshold of 1 nothing is hidden.
    f.settings.threshold = 1;
    let r = report(&f);
    assert_eq!(
        r.row(&Figure::ClosedAtMost3, Stat::Percent).unwrap().value,
        Cell::Number(50.0)
    );
}

#[test]
fn one_hidden_cell_beside_a_shown_total_takes_another_with_it() {
    // 3 of 20: without a second hidden cell, 20 - 9 - 8 = 3.
    let (total, cells) = disclosure::group(20, &[9, 8, 3], 5);
    assert_eq!(total, Cell::Count(20));
    assert_eq!(cells, vec![Cell::Count(9), Cell::Hidden, Cell::Few]);
    // Two hidden cells that add up to under the threshold would still give both away (1+1
    // of a shown 12 - 10): a third is hidden.
    let (total, cells) = disclosure::group(22, &[10, 1, 1, 10], 5);
    assert_eq!(total, Cell::Count(22));
    assert_eq!(
        cells,
        vec![Cell::Hidden, Cell::Few, Cell::Few, Cell::Count(10)]
    );
    // Two small cells that together reach the threshold hide each other.
    let (total, cells) = disclosure::group(7, &[4, 3], 5);
    assert_eq!((total, cells), (Cell::Count(7), vec![Cell::Few, Cell::Few]));
    // Nothing to hide beside the only small cell: the total goes.
    let (total, cells) = disclosure::group(10, &[0, 1], 5);
    assert_eq!(
        (total, cells),
        (Cell::Hidden, vec![Cell::Count(0), Cell::Few])
    );
}

#[test]
fn the_reports_groups_never_leave_a_single_hidden_cell_recoverable() {
    // Seven cases, five not asked and two by name: "2" alone would be 7 - 5.
    let r = report(&year());
    let consent = |c| r.row(&Figure::Consent(c), Stat::Count).unwrap().value;
    assert_eq!(consent(Consent::Yes), Cell::Few);
    assert_eq!(consent(Consent::Unknown), Cell::Hidden);
    assert_eq!(consent(Consent::Anonymous), Cell::Count(0));
    assert_eq!(
        r.row(&Figure::Cases, Stat::Count).unwrap().value,
        Cell::Count(7)
    );
}

/// Each figure's count and base, as `Behind` should list them: (part, base).
fn counted(f: &Figures, figure: &Figure) -> (u32, u32) {
    let all = |n: u32| (n, n);
    let share = |s: Share| (s.part, s.base);
    let r = f.reaction;
    match figure {
        Figure::Cases => all(f.cases),
        Figure::NewSignals => all(f.new_signals),
        Figure::SignalToHelp => all(r.signal_to_help.base),
        Figure::SignalToDiscussion => all(r.signal_to_discussion.base),
        Figure::SignalToPlan => all(r.signal_to_plan.base),
        Figure::PlanToHelp => all(r.plan_to_help.base),
        Figure::WithinNorm => share(f.norm.within),
        Figure::Waiting => all(f.norm.waiting),
        Figure::WaitingOverNorm => all(f.norm.waiting_over_norm),
        Figure::Closed => all(f.levels.closed),
        Figure::ClosedAtMost3 => share(f.levels.closed_at_most_3),
        Figure::Escalated => share(f.levels.escalated),
        Figure::Deescalated => share(f.levels.deescalated),
        Figure::ClosedFrom(phase) => all(f
            .levels
            .closed_from
            .iter()
            .find(|(p, _)| p == phase)
            .map_or(0, |(_, n)| *n)),
        Figure::Returned => share(f.returns.returned),
        Figure::NotDiscussed => share(f.meetings.not_discussed),
        Figure::Consent(Consent::Yes) => all(f.consent.by_name),
        Figure::Consent(Consent::Anonymous) => all(f.consent.anonymous),
        Figure::Consent(Consent::No) => all(f.consent.refused),
        Figure::Consent(Consent::Unknown) => all(f.consent.not_asked),
        other => panic!("no cases behind {other:?}"),
    }
}

#[test]
fn the_cases_behind_each_figure_are_as_many_as_it_counts() {
    let input = school();
    let periods = [
        Period::school_year(2025).unwrap(),
        Period::term(2025, 1).unwrap(),
        Period::term(2026, 2).unwrap(),
        Period::new(day(2024, 1, 1), day(2024, 1, 31)).unwrap(),
    ];
    for period in periods {
        let figures = compute(&input, &milestones(), Settings::default(), period, today());
        let behind = behind(&input, &milestones(), Settings::default(), period, today());
        // Every closing phase of the figures has its list, and no list is left without one.
        let from = behind
            .iter()
            .filter(|b| matches!(b.figure, Figure::ClosedFrom(_)))
            .count();
        assert_eq!(from, figures.levels.closed_from.len(), "{period:?}");
        for b in &behind {
            let part = b.cases.iter().filter(|(_, part)| *part).count();
            assert_eq!(
                counted(&figures, &b.figure),
                (
                    u32::try_from(part).unwrap(),
                    u32::try_from(b.cases.len()).unwrap()
                ),
                "{:?} in {period:?}",
                b.figure
            );
            // A reactietijd lists each case's days, and those days make its median.
            let r = figures.reaction;
            let spread = match b.figure {
                Figure::SignalToHelp => Some(r.signal_to_help),
                Figure::SignalToDiscussion => Some(r.signal_to_discussion),
                Figure::SignalToPlan => Some(r.signal_to_plan),
                Figure::PlanToHelp => Some(r.plan_to_help),
                _ => None,
            };
            if let Some(spread) = spread {
                let days = b.days.iter().map(|(_, days)| *days as f64).collect();
                assert_eq!(Spread::of(days), spread, "{:?} in {period:?}", b.figure);
            }
        }
    }
    // The figures of the year name their cases: A within the norm, C after it.
    let year = behind(
        &input,
        &milestones(),
        Settings::default(),
        Period::school_year(2025).unwrap(),
        today(),
    );
    let within = year
        .iter()
        .find(|b| b.figure == Figure::WithinNorm)
        .unwrap();
    assert_eq!(within.cases, vec![(CaseId(1), true), (CaseId(3), false)]);
    // Plan to help: A 13-10 to 10-11-2025, C 03-11-2025 to 02-03-2026.
    assert_eq!(within.days, vec![(CaseId(1), 28), (CaseId(3), 119)]);
    let waiting = year.iter().find(|b| b.figure == Figure::Waiting).unwrap();
    assert_eq!(waiting.cases, vec![(CaseId(2), true)]);
    assert_eq!(
        waiting.days,
        vec![(CaseId(2), 406)],
        "13-10-2025 to 23-11-2026"
    );
    let counts = year.iter().find(|b| b.figure == Figure::Cases).unwrap();
    assert!(counts.days.is_empty(), "a count has no days column");
}

#[test]
fn open_cases_per_phase_are_taken_at_the_period_s_end() {
    let f = year();
    // On 31 July 2026: A, B and C in uitvoering, D reopened into evaluatie, F a new signal;
    // E and G closed, H not yet signalled.
    assert_eq!(
        f.open_per_phase,
        vec![
            ("uitvoering".to_string(), 3),
            ("evaluatie".to_string(), 1),
            ("signaal".to_string(), 1)
        ]
    );
}

#[test]
fn a_share_does_not_give_back_a_numerator_or_rest_the_counts_hide() {
    let of = |part, base| disclosure::share_and_part(Share { part, base }, 5);
    // "15% of 20" would be 3, which the count column shows as "<5": under 25% it says no
    // more than that.
    assert_eq!(of(3, 20), (Cell::Below(25), Cell::Few));
    assert_eq!(of(3, 20).0.text(5, 0), "<25");
    // 17 of 20 gives back the 3 that were not: the numerator goes too, the share is coarsened
    // the other way.
    assert_eq!(of(17, 20), (Cell::Above(75), Cell::Hidden));
    // 4 of 7: 57% of 7 with both sides under 5 is hidden whole; 1 of 7 stays under 72%.
    assert_eq!(of(4, 7), (Cell::Hidden, Cell::Few));
    assert_eq!(of(1, 7), (Cell::Below(72), Cell::Few));
    // Both sides at least 5, or none at all: the share as it is.
    assert_eq!(of(10, 20), (Cell::Number(50.0), Cell::Count(10)));
    assert_eq!(of(0, 20), (Cell::Number(0.0), Cell::Count(0)));
    assert_eq!(of(20, 20), (Cell::Number(100.0), Cell::Count(20)));
    // A base under the threshold: not shown, as before.
    assert_eq!(of(3, 4), (Cell::TooFew, Cell::Few));
}

#[test]
fn a_share_beside_a_hidden_base_does_not_give_the_base_back() {
    let of = |part, base, cell| disclosure::share_beside(Share { part, base }, cell, 5);
    // 50% with its numerator 10 beside an "x" would say the base is 20.
    assert_eq!(of(10, 20, Cell::Hidden), (Cell::Number(50.0), Cell::Hidden));
    // Beside a base that is shown the numerator adds nothing: it stays.
    assert_eq!(
        of(10, 20, Cell::Count(20)),
        (Cell::Number(50.0), Cell::Count(10))
    );
    // A numerator already under the threshold stays "<5".
    assert_eq!(of(3, 20, Cell::Hidden), (Cell::Below(25), Cell::Few));
}

/// Whole days, with zeros of both signs: duplicates are the rule.
fn some_days() -> impl proptest::strategy::Strategy<Value = Vec<f64>> {
    use proptest::strategy::{Just, Strategy};
    proptest::collection::vec(
        proptest::prop_oneof![(0u8..12).prop_map(f64::from), Just(-0.0)],
        0..40,
    )
}

proptest::proptest! {
    /// Median and 80th percentile by selection are those of the sorted values, with
    /// duplicates, zeros of both signs and every length from none on.
    #[test]
    fn a_spread_selected_is_the_spread_of_the_sorted_values(
values in some_days()) {
        let mut sorted = values.clone();
        sorted.sort_by(f64::total_cmp);
        let n = sorted.len();
        let median = match n {
            0 => None,
            n if n % 2 == 1 => Some(sorted[n / 2]),
            n => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0),
        };
        let p80 = (n > 0).then(|| sorted[(n * 4).div_ceil(5) - 1]);
        let spread = Spread::of(values);
        proptest::prop_assert_eq!(spread.median.map(f64::to_bits), median.map(f64::to_bits));
        proptest::prop_assert_eq!(spread.p80.map(f64::to_bits), p80.map(f64::to_bits));
        proptest::prop_assert_eq!(spread.base as usize, n);
    }
}
