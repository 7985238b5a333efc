use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate, Weekday};
use tempfile::TempDir;

use super::*;
use crate::domain::meeting::AgendaKind;
use crate::domain::subject::names_a_groep;
use crate::domain::{
    Action, ActionStatus, Case, CaseEvent, Consent, Decision, EventKind, Level, Meeting, MeetingId,
    MeetingState, Member, Minutes, Note, Owner, Presence, Pupil, Role,
};
use crate::store::Record;
use crate::testkit::today;

fn filled_on(day: NaiveDate) -> (TempDir, Store, Summary) {
    let dir = TempDir::new().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let summary = fill(&store, Scale::School, day).unwrap();
    (dir, store, summary)
}

fn filled() -> (TempDir, Store, Summary) {
    filled_on(today())
}

fn all<R: Record>(store: &Store) -> Vec<R> {
    store
        .all::<R>()
        .collect::<std::result::Result<_, _>>()
        .unwrap()
}

#[test]
fn a_school_of_about_450_with_an_ot_and_80_cases() {
    let (_dir, store, summary) = filled();
    assert!((420..=480).contains(&summary.pupils), "{summary:?}");
    assert!((6..=8).contains(&summary.members), "{summary:?}");
    assert!((70..=90).contains(&summary.cases), "{summary:?}");
    assert_eq!(summary.pupils, all::<Pupil>(&store).len());
    assert_eq!(summary.cases, all::<Case>(&store).len());
    assert_eq!(summary.actions, store.count(TreeId::Actions));
    assert_eq!(summary.notes, store.count(TreeId::Notes));
    assert_eq!(summary.meetings, store.count(TreeId::Meetings));
    assert!(
        !store.is_empty(),
        "the CLI refuses a second fill because the store is not empty"
    );

    let pupils: Vec<Pupil> = all(&store);
    assert!(
        pupils
            .iter()
            .all(|p| (1..=8).contains(&p.groep) && !p.teacher.is_empty())
    );
    for groep in 1..=8 {
        let count = pupils.iter().filter(|p| p.groep == groep).count();
        assert!((45..=65).contains(&count), "groep {groep}: {count}");
    }
    assert!(pupils.iter().all(|p| (4..=13).contains(&p.age_on(today()))));

    let members: Vec<Member> = all(&store);
    let roles: HashSet<Role> = members.iter().map(|m| m.role).collect();
    for role in [
        Role::InternBegeleider,
        Role::Directeur,
        Role::Jeugdconsulent,
        Role::ConsultantSwv,
    ] {
        assert!(roles.contains(&role), "{role:?}");
    }
    assert!(members.iter().filter(|m| m.active).count() >= 6);
}

#[test]
fn names_are_diverse_with_diacritics() {
    let (_dir, store, _) = filled();
    let names: Vec<String> = all::<Pupil>(&store).iter().map(Pupil::full_name).collect();
    let accented = names.iter().filter(|n| !n.is_ascii()).count();
    assert!(accented >= 20, "{accented} names with diacritics");
    let letters: String = names.concat();
    for letter in ['ı', 'ş', 'ç', 'ö', 'ë'] {
        assert!(letters.to_lowercase().contains(letter), "no {letter}");
    }
    assert!(
        names
            .iter()
            .any(|n| n.contains(" van ") || n.contains(" de "))
    );
    assert!(names.iter().any(|n| n.contains("El ")));
    let distinct: HashSet<&String> = names.iter().collect();
    assert_eq!(
        distinct.len(),
        names.len(),
        "names are unique at school scale"
    );
}

#[test]
fn cases_cover_every_phase_level_and_consent() {
    let (_dir, store, _) = filled();
    let cases: Vec<Case> = all(&store);
    let model = PhaseModel::default();
    for phase in model.phases() {
        assert!(
            cases.iter().any(|c| c.phase == phase.id()),
            "no case in {}",
            phase.id()
        );
    }
    for level in 1..=5 {
        assert!(
            cases.iter().any(|c| c.level.get() == level),
            "no case at level {level}"
        );
    }
    let anonymous = cases
        .iter()
        .filter(|c| c.consent == Consent::Anonymous)
        .count();
    assert!((3..=16).contains(&anonymous), "{anonymous} anonymous");
    assert!(cases.iter().any(|c| c.consent == Consent::Unknown));
    assert!(cases.iter().any(|c| c.consent == Consent::No));
    for case in &cases {
        if matches!(case.consent, Consent::Unknown | Consent::No) {
            assert_eq!(
                case.phase, "signaal",
                "case {} without consent left signaal",
                case.id
            );
        }
        assert_eq!(case.closed.is_some(), case.phase == "afgesloten");
        for day in [case.evaluation_date, case.help_start]
            .into_iter()
            .flatten()
        {
            assert!(
                !matches!(day.weekday(), Weekday::Sat | Weekday::Sun),
                "case {}",
                case.id
            );
            assert!(!calendar::is_holiday(day), "case {}: {day}", case.id);
        }
        assert!(case.opened < today());
    }
}

#[test]
fn every_case_has_recorded_what_its_passed_phases_require() {
    let (_dir, store, _) = filled();
    let model = PhaseModel::default();
    for case in all::<Case>(&store) {
        let position = model.position(&case.phase).unwrap();
        if position == 0 {
            continue;
        }
        let actions = store.actions_of_case(case.id).unwrap();
        let at_start = Case {
            phase: model.first().id().to_string(),
            ..case.clone()
        };
        assert_eq!(
            model.check_move(&at_start, &actions, &case.phase, ""),
            Ok(()),
            "case {} in {}",
            case.id,
            case.phase
        );
    }
}

#[test]
fn histories_walk_forward_and_end_where_the_case_is() {
    let (_dir, store, _) = filled();
    let model = PhaseModel::default();
    let meetings: HashMap<_, Meeting> = all::<Meeting>(&store)
        .into_iter()
        .map(|m| (m.id, m))
        .collect();
    let mut level_events = 0;
    let mut consent_events = 0;
    for case in all::<Case>(&store) {
        let events: Vec<CaseEvent> = store.events_of_case(case.id).unwrap();
        assert_eq!(events[0].kind, EventKind::Opened, "case {}", case.id);
        assert_eq!(events[0].date, case.opened);
        let (mut phase, mut level, mut consent) = (
            model.first().id().to_string(),
            None::<Level>,
            None::<Consent>,
        );
        for (seq, event) in events.iter().enumerate() {
            assert_eq!(event.seq as usize, seq);
            assert!(event.date >= case.opened && event.date < today());
            if let Some(id) = event.meeting {
                assert_eq!(meetings[&id].date, event.date);
                assert!(
                    meetings[&id].cases().any(|c| c == case.id),
                    "case {} not on agenda {id}",
                    case.id
                );
            }
            match &event.kind {
                EventKind::Opened => assert_eq!(seq, 0),
                EventKind::Phase { from, to } => {
                    assert_eq!(from, &phase);
                    assert_eq!(model.next(from).map(|p| p.id()), Some(to.as_str()));
                    phase.clone_from(to);
                }
                EventKind::Level { from, to } => {
                    assert!(level.is_none_or(|l| l == *from));
                    assert!(!event.reason.is_empty());
                    level = Some(*to);
                    level_events += 1;
                }
                EventKind::Consent { from, to } => {
                    assert!(consent.is_none_or(|c| c == *from));
                    consent = Some(*to);
                    consent_events += 1;
                }
            }
        }
        assert_eq!(phase, case.phase, "case {}", case.id);
        assert!(level.is_none_or(|l| l == case.level), "case {}", case.id);
        assert!(
            consent.is_none_or(|c| c == case.consent),
            "case {}",
            case.id
        );
    }
    assert!(level_events >= 5, "{level_events} level events");
    assert!(consent_events >= 3, "{consent_events} consent events");
}

#[test]
fn actions_of_every_status_and_owner_kind() {
    let (_dir, store, _) = filled();
    let actions: Vec<Action> = all(&store);
    let open = |a: &&Action| a.is_open();
    assert!(actions.iter().filter(open).any(|a| a.is_overdue(today())));
    assert!(actions.iter().filter(open).any(|a| !a.is_overdue(today())));
    assert!(actions.iter().any(|a| a.done_on_time() == Some(true)));
    assert!(actions.iter().any(|a| a.done_on_time() == Some(false)));
    assert!(actions.iter().any(
        |a| matches!(&a.status, ActionStatus::Dropped { reason, .. } if !reason.trim().is_empty())
    ));
    assert!(actions.iter().any(|a| a.carried_through.len() >= 2));
    let members = actions
        .iter()
        .filter(|a| matches!(a.owner, Owner::Member(_)))
        .count();
    assert!(
        members * 3 > actions.len() * 2,
        "{members} of {} owned by members",
        actions.len()
    );
    let others: HashSet<&str> = actions
        .iter()
        .filter_map(|a| match &a.owner {
            Owner::Other(name) => Some(name.as_str()),
            Owner::Member(_) => None,
        })
        .collect();
    assert!(others.contains("moeder"), "{others:?}");
    assert!(
        others.iter().any(|o| o.starts_with("leerkracht groep ")),
        "{others:?}"
    );
    // Beside a pseudonym the groep would point at the pupil.
    for case in all::<Case>(&store)
        .iter()
        .filter(|c| !c.consent.shows_name())
    {
        assert!(!names_a_groep(&case.signalled_by), "{case:?}");
        for action in actions.iter().filter(|a| a.case == Some(case.id)) {
            assert!(
                !matches!(&action.owner, Owner::Other(name) if names_a_groep(name)),
                "{action:?}"
            );
        }
    }
    for action in &actions {
        assert!(!matches!(action.due.weekday(), Weekday::Sat | Weekday::Sun));
        assert!(
            !calendar::is_holiday(action.due),
            "due in a holiday: {action:?}"
        );
        assert!(action.due > action.created && action.created < today());
        match &action.status {
            ActionStatus::Done { on } | ActionStatus::Dropped { on, .. } => {
                assert!(*on >= action.created && *on < today(), "{action:?}");
            }
            ActionStatus::Open => {}
        }
        assert!(action.meeting.is_some());
    }
}

#[test]
fn carried_actions_are_reviewed_by_the_meetings_they_name() {
    let (_dir, store, _) = filled();
    let meetings: HashMap<_, Meeting> = all::<Meeting>(&store)
        .into_iter()
        .map(|m| (m.id, m))
        .collect();
    for action in all::<Action>(&store) {
        let agreed = meetings[&action.meeting.unwrap()].date;
        for id in &action.carried_through {
            let meeting = &meetings[id];
            assert!(meeting.date > agreed && meeting.state == MeetingState::Closed);
            let minutes = store.minutes(*id).unwrap().unwrap();
            assert!(
                minutes.carried_over.iter().any(|a| a.id == action.id),
                "action {}",
                action.id
            );
            if let ActionStatus::Done { on } | ActionStatus::Dropped { on, .. } = action.status {
                assert!(meeting.date < on);
            }
        }
    }
}

#[test]
fn the_minutes_name_the_earlier_actions_each_meeting_settled() {
    let (_dir, store, _) = filled();
    let actions: HashMap<_, Action> = all::<Action>(&store)
        .into_iter()
        .map(|a| (a.id, a))
        .collect();
    let mut settled = 0;
    for minutes in all::<Minutes>(&store) {
        let review = minutes.items.iter().find(|i| i.kind == AgendaKind::Actions);
        for reviewed in review.iter().flat_map(|i| &i.reviewed) {
            let action = &actions[&reviewed.action.id];
            assert_ne!(action.meeting, Some(minutes.meeting), "an earlier action");
            match (&action.status, &reviewed.dropped) {
                // Settled since the meeting before, reported at this one.
                (ActionStatus::Done { on }, None) => assert!(*on <= minutes.date),
                (ActionStatus::Dropped { on, reason }, Some(said)) => {
                    assert!(*on <= minutes.date);
                    assert_eq!(reason, said);
                }
                other => panic!("action {} settled as {other:?}", action.id),
            }
            settled += 1;
        }
    }
    assert!(
        settled > 20,
        "the demo's meetings settle actions: {settled}"
    );
}

#[test]
fn two_school_years_of_closed_meetings_and_one_planned() {
    let (_dir, store, summary) = filled();
    let meetings = store.meetings_by_date().unwrap();
    assert_eq!(meetings.len(), summary.meetings);
    let planned: Vec<&Meeting> = meetings
        .iter()
        .filter(|m| m.state == MeetingState::Planned)
        .collect();
    assert_eq!(planned.len(), 1);
    let next = planned[0];
    assert!(next.date > today());
    let closed: Vec<&Meeting> = meetings
        .iter()
        .filter(|m| m.state == MeetingState::Closed)
        .collect();
    assert_eq!(closed.len() + 1, meetings.len());
    assert!((15..=19).contains(&closed.len()));
    assert!((today() - closed[0].date).num_days() >= 700);
    for pair in closed.windows(2) {
        assert!((35..=84).contains(&(pair[1].date - pair[0].date).num_days()));
    }
    for meeting in &meetings {
        assert!(!matches!(
            meeting.date.weekday(),
            Weekday::Sat | Weekday::Sun
        ));
        assert!(!meeting.place.is_empty() && meeting.chair.is_some());
        assert!(meeting.attendance.len() >= 6);
    }
    assert!(closed.iter().any(|m| {
        m.attendance
            .iter()
            .any(|a| a.presence == Presence::AbsentWithNotice)
    }));
    assert!(
        closed
            .iter()
            .all(|m| m.presence_of(m.chair.unwrap()) == Presence::Present)
    );

    let cases: HashMap<_, Case> = all::<Case>(&store).into_iter().map(|c| (c.id, c)).collect();
    let due = next
        .cases()
        .filter(|id| cases[id].evaluation_date.is_some_and(|d| d <= next.date))
        .count();
    assert!(due >= 1, "no case due for evaluation on the planned agenda");
    assert!(next.cases().all(|id| cases[&id].phase != "afgesloten"));
    assert!(store.minutes(next.id).unwrap().is_none());
}

#[test]
fn each_closed_meeting_has_its_minutes_and_hides_anonymous_names() {
    let (_dir, store, summary) = filled();
    let pupils: HashMap<_, Pupil> = all::<Pupil>(&store)
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let cases: HashMap<_, Case> = all::<Case>(&store).into_iter().map(|c| (c.id, c)).collect();
    let closed: Vec<Meeting> = all::<Meeting>(&store)
        .into_iter()
        .filter(|m| m.state == MeetingState::Closed)
        .collect();
    assert_eq!(summary.minutes, closed.len());
    for meeting in &closed {
        let minutes: Minutes = store
            .minutes(meeting.id)
            .unwrap()
            .expect("minutes of a closed meeting");
        assert_eq!(minutes.date, meeting.date);
        assert_eq!(minutes.items.len(), meeting.agenda.len());
        assert_eq!(minutes.chair, "Marieke van den Berg");
        for item in &minutes.items {
            let AgendaKind::Case { case } = item.kind else {
                continue;
            };
            let case = &cases[&case];
            assert!(
                !item.notes.is_empty() && !item.decisions.is_empty(),
                "case {}",
                case.id
            );
            if case.consent == Consent::Anonymous {
                assert_eq!(item.subject, case.pseudonym());
            }
            if item.subject == case.pseudonym() {
                for action in &item.actions {
                    assert!(!names_a_groep(&action.owner), "{action:?}");
                }
            }
            if item.subject != case.pseudonym() {
                assert_eq!(item.subject, pupils[&case.pupil].full_name());
            }
        }
        let json = serde_json::to_string(&minutes).unwrap();
        for case in cases.values().filter(|c| c.consent == Consent::Anonymous) {
            let pupil = &pupils[&case.pupil];
            let named_elsewhere = cases
                .values()
                .any(|c| c.pupil == pupil.id && c.consent == Consent::Yes);
            if !named_elsewhere {
                assert!(
                    !json.contains(&pupil.full_name()),
                    "{} named in minutes",
                    case.pseudonym()
                );
            }
        }
    }
}

#[test]
fn notes_decisions_and_actions_sit_under_their_agenda_item() {
    let (_dir, store, _) = filled();
    let meetings: HashMap<_, Meeting> = all::<Meeting>(&store)
        .into_iter()
        .map(|m| (m.id, m))
        .collect();
    let check =
        |what: &str, case: Option<CaseId>, meeting: Option<MeetingId>, item: Option<u16>| {
            let meeting = &meetings[&meeting.unwrap_or_else(|| panic!("{what} without meeting"))];
            let item = &meeting.agenda[usize::from(item.unwrap())];
            match case {
                Some(case) => assert_eq!(item.kind, AgendaKind::Case { case }, "{what}"),
                None => assert!(!matches!(item.kind, AgendaKind::Case { .. }), "{what}"),
            }
        };
    for note in all::<Note>(&store) {
        check("note", note.case, note.meeting, note.agenda_item);
        assert_eq!(note.case.is_some(), note.phase.is_some());
    }
    for decision in all::<Decision>(&store) {
        check(
            "decision",
            decision.case,
            decision.meeting,
            decision.agenda_item,
        );
    }
    for action in all::<Action>(&store) {
        check("action", action.case, action.meeting, action.agenda_item);
    }
}

#[test]
fn texts_speak_of_de_leerling_not_the_name() {
    let (_dir, store, _) = filled();
    let pupils: HashMap<_, Pupil> = all::<Pupil>(&store)
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let words = |text: &str| -> HashSet<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .map(str::to_string)
            .collect()
    };
    for case in all::<Case>(&store) {
        let first = &pupils[&case.pupil].first_name;
        let mut texts = vec![
            case.question.clone(),
            case.hypotheses.clone(),
            case.outcome.clone(),
        ];
        texts.extend(
            store
                .notes_of_case(case.id)
                .unwrap()
                .into_iter()
                .map(|n| n.text),
        );
        texts.extend(
            store
                .decisions_of_case(case.id)
                .unwrap()
                .into_iter()
                .map(|d| d.text),
        );
        for text in texts {
            assert!(!text.contains('{'), "placeholder left: {text}");
            assert!(!words(&text).contains(first), "{first} in {text:?}");
        }
        assert!(case.question.ends_with('?'));
    }
}

#[test]
fn the_same_today_gives_the_same_school() {
    let (_a, first, _) = filled();
    let (_b, second, _) = filled();
    assert_eq!(all::<Case>(&first), all::<Case>(&second));
    assert_eq!(all::<Action>(&first), all::<Action>(&second));
    assert_eq!(all::<Minutes>(&first), all::<Minutes>(&second));
    assert_eq!(all::<Pupil>(&first), all::<Pupil>(&second));
    let (_c, later, _) = filled_on(NaiveDate::from_ymd_opt(2027, 3, 10).unwrap());
    let names = |store: &Store| {
        all::<Pupil>(store)
            .into_iter()
            .map(|p| p.full_name())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names(&first),
        names(&later),
        "only the dates move with today"
    );
}

#[test]
fn any_day_of_the_year_gives_a_consistent_school() {
    for (month, day) in [(1, 2), (4, 30), (7, 20), (8, 31), (9, 1), (12, 24)] {
        let day = NaiveDate::from_ymd_opt(2027, month, day).unwrap();
        let (_dir, store, summary) = filled_on(day);
        assert!((70..=90).contains(&summary.cases));
        let planned = store
            .meetings_by_date()
            .unwrap()
            .into_iter()
            .filter(|m| m.state == MeetingState::Planned)
            .collect::<Vec<_>>();
        assert_eq!(planned.len(), 1);
        assert!(planned[0].date > day);
        for action in all::<Action>(&store) {
            assert!(action.created < day);
        }
    }
}

/// The mid-size school is a quarter of the large one: the bench's middle point. Run with
/// `cargo test --release --lib demo::tests::mid -- --ignored`.
#[test]
#[ignore]
fn mid() {
    let dir = TempDir::new().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let summary = fill(&store, Scale::Mid, today()).unwrap();
    assert!((2_300..=2_900).contains(&summary.pupils), "{summary:?}");
    assert_eq!(summary.cases, 12_500, "{summary:?}");
    assert!(
        (30_000..=50_000).contains(&summary.actions),
        "a quarter of large's: {summary:?}"
    );
    assert_eq!(
        summary.meetings, 181,
        "closed and the next planned: {summary:?}"
    );
    assert_eq!(summary.actions, store.count(TreeId::Actions));
}

/// Run with `cargo test --release --lib demo::tests::large -- --ignored`.
#[test]
#[ignore]
fn large() {
    let dir = TempDir::new().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let summary = fill(&store, Scale::Large, today()).unwrap();
    assert!(summary.pupils >= 10_000, "{summary:?}");
    assert!(summary.cases >= 50_000, "{summary:?}");
    assert!(summary.actions >= 150_000, "{summary:?}");
    assert!(summary.notes >= 100_000, "{summary:?}");
    assert_eq!(summary.actions, store.count(TreeId::Actions));

    let cases: Vec<Case> = all(&store);
    let model = PhaseModel::default();
    for phase in model.phases() {
        let share = cases.iter().filter(|c| c.phase == phase.id()).count() * 100 / cases.len();
        assert!((5..=45).contains(&share), "{}: {share}%", phase.id());
    }
    for level in 1..=5 {
        assert!(cases.iter().filter(|c| c.level.get() == level).count() > 1000);
    }
    let anonymous = cases
        .iter()
        .filter(|c| c.consent == Consent::Anonymous)
        .count()
        * 100
        / cases.len();
    assert!((7..=14).contains(&anonymous), "{anonymous}% anonymous");
    for case in cases.iter().step_by(97).filter(|c| c.phase != "signaal") {
        let actions = store.actions_of_case(case.id).unwrap();
        let at_start = Case {
            phase: "signaal".into(),
            ..case.clone()
        };
        assert_eq!(
            model.check_move(&at_start, &actions, &case.phase, ""),
            Ok(()),
            "case {}",
            case.id
        );
    }
    let actions: Vec<Action> = all(&store);
    assert!(actions.iter().any(|a| a.is_overdue(today())));
    assert!(actions.iter().any(|a| a.done_on_time() == Some(false)));
    assert!(
        actions
            .iter()
            .any(|a| matches!(a.status, ActionStatus::Dropped { .. }))
    );
    assert!(actions.iter().any(|a| a.carried_through.len() >= 2));
}
