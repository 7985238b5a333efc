//! The minutes record what the phase rule asked in the meeting (`PhaseModel::recorded`).

use crate::domain::case::Recorded;
use crate::domain::meeting::AgendaKind;
use crate::domain::{PhaseModel, Requirement};

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// `f` in Evaluatie asks the closing reason (Afgesloten asks it on entry); the team answers it
/// but the case stays for now. The minutes said nothing of that answer: they read what a
/// phase asks from its own requirements only, not from what the next one asks on entry.
#[test]
fn a_closing_reason_answered_in_evaluatie_reaches_the_minutes() {
    let (_dir, store) = crate::testkit::store::demo_store(today());
    let phases = PhaseModel::default();
    let id = super::meeting::current_or_next(&store, today())
        .unwrap()
        .unwrap();
    let meeting = store.meeting(id).unwrap().unwrap();
    let case_id = meeting.cases().next().expect("a case on the agenda");
    let mut case = store.case(case_id).unwrap().unwrap();
    case.phase = "evaluatie".into();
    case.closed = None;
    case.closing_reason = "Doel bereikt, geen extra zorg meer nodig".into();
    store.save(&case).unwrap();

    let closing = super::meeting::closing(&store, &phases, &meeting, &[], None, today()).unwrap();
    let item = closing
        .minutes
        .items
        .iter()
        .find(|item| item.kind == AgendaKind::Case { case: case_id })
        .unwrap();
    assert!(
        item.recorded.contains(&(
            Requirement::ClosingReason,
            Recorded::Text(case.closing_reason.clone())
        )),
        "{:?}",
        item.recorded
    );
}
