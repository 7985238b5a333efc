//! The minutes record what the phase rule asked in the meeting (`PhaseModel::recorded`).

use crate::domain::case::Recorded;
use crate::domain::meeting::AgendaKind;
use crate::domain::{PhaseModel, Requirement};
use crate::testkit::store::demo_store;
use crate::testkit::today;

/// `f` in Evaluatie asks the closing reason (Afgesloten asks it on entry); the team answers it
/// but the case stays for now. The minutes said nothing of that answer: they read what a
/// phase asks from its own requirements only, not from what the next one asks on entry.
#[test]
fn a_closing_reason_answered_in_evaluatie_reaches_the_minutes() {
    let (_dir, store) = demo_store(today());
    let phases = PhaseModel::default();
    let mut meeting = crate::testkit::store::next_meeting(&store);
    let case_id = meeting.cases().next().expect("a case on the agenda");
    let mut case = store.case(case_id).unwrap().unwrap();
    case.phase = "evaluatie".into();
    case.closed = None;
    case.closing_reason = "Doel bereikt, geen extra zorg meer nodig".into();
    store.save(&case).unwrap();
    meeting.mark_changed(case_id, &[Requirement::ClosingReason]);

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

/// Minutes exported after the parents withdrew the name show the case's pseudonym, in the
/// minutes of every meeting held before too (BRIEF §8); the stored record keeps what was
/// fixed, and a case fixed by its pseudonym keeps it when the parents later say "ja".
#[test]
fn minutes_exported_after_consent_became_anoniem_show_the_pseudonym() {
    use crate::domain::{Case, Consent, Minutes};
    let (_dir, store) = demo_store(today());
    let all: Vec<Minutes> = store.all::<Minutes>().map(Result::unwrap).collect();
    let case_of = |minutes: &Minutes, named: bool| {
        minutes.items.iter().find_map(|item| match item.kind {
            AgendaKind::Case { case }
                if item.subject.starts_with("Leerling") != named && !item.actions.is_empty() =>
            {
                Some(case)
            }
            _ => None,
        })
    };
    let (held, named) = all
        .iter()
        .find_map(|m| Some((m.meeting, case_of(m, true)?)))
        .expect("minutes naming a case with actions");
    let (held_anonymous, anonymous) = all
        .iter()
        .find_map(|m| Some((m.meeting, case_of(m, false)?)))
        .expect("minutes with a pseudonym");
    let set = |case, consent| {
        let mut found: Case = store.case(case).unwrap().unwrap();
        found.consent = consent;
        store.save(&found).unwrap();
        found
    };
    let withdrawn = set(named, Consent::Anonymous);
    let pupil = store.pupil(withdrawn.pupil).unwrap().unwrap();
    set(anonymous, Consent::Yes);

    let shown = super::meetings::fixed(&store, held).unwrap().unwrap();
    let stored = store.minutes(held).unwrap().unwrap();
    let item = |minutes: &Minutes| {
        let kind = AgendaKind::Case { case: named };
        minutes
            .items
            .iter()
            .find(|i| i.kind == kind)
            .cloned()
            .unwrap()
    };
    assert_eq!(item(&shown).subject, withdrawn.pseudonym());
    for action in &item(&shown).actions {
        assert_eq!(action.subject, withdrawn.pseudonym(), "{action:?}");
    }
    assert_eq!(
        item(&stored).subject,
        pupil.full_name(),
        "the record keeps what was fixed"
    );
    let cx = crate::export::Context {
        model: &PhaseModel::default(),
        lang: crate::i18n::Lang::Nl,
        school: "",
        today: today(),
    };
    let status = crate::export::minutes::Status::Fixed;
    for format in [crate::export::Format::Markdown, crate::export::Format::Html] {
        let text = crate::export::minutes(&shown, status, &cx, format);
        assert!(text.contains(&withdrawn.pseudonym()), "{text}");
        assert!(!text.contains(&pupil.full_name()), "{text}");
    }

    let kept = super::meetings::fixed(&store, held_anonymous)
        .unwrap()
        .unwrap();
    let kind = AgendaKind::Case { case: anonymous };
    let kept = kept.items.iter().find(|i| i.kind == kind).unwrap();
    let case = store.case(anonymous).unwrap().unwrap();
    assert_eq!(kept.subject, case.pseudonym(), "never named afterwards");
}

/// The minutes of a case that goes by its pseudonym leave otter without its pupil's name in
/// what the team typed: a note, a decision and an action said "Daan", which the pseudonym in
/// the heading would otherwise give away. Another pupil's name stays (that case is not this
/// one's to hide), and the stored record keeps what was typed.
#[test]
fn a_pseudonymous_case_s_minutes_mask_its_pupil_s_name_in_what_was_typed() {
    use crate::domain::redact::MASK;
    use crate::domain::{Case, Consent, Minutes, Pupil};
    let (_dir, store) = demo_store(today());
    let (held, case, other) = store
        .all::<Minutes>()
        .map(Result::unwrap)
        .find_map(|minutes| {
            let mut cases = minutes.items.iter().filter_map(|item| match item.kind {
                AgendaKind::Case { case } if !item.actions.is_empty() => Some(case),
                _ => None,
            });
            Some((minutes.meeting, cases.next()?, cases.next()?))
        })
        .expect("minutes with two cases with actions");
    let mut found: Case = store.case(case).unwrap().unwrap();
    found.consent = Consent::Anonymous;
    store.save(&found).unwrap();
    let pupil: Pupil = store.pupil(found.pupil).unwrap().unwrap();
    let other: Pupil = {
        let other = store.case(other).unwrap().unwrap();
        store.pupil(other.pupil).unwrap().unwrap()
    };
    let first = &pupil.first_name;
    assert_ne!(first, &other.first_name, "two children to tell apart");
    let mut minutes = store.minutes(held).unwrap().unwrap();
    let at = minutes
        .items
        .iter()
        .position(|i| i.kind == AgendaKind::Case { case })
        .unwrap();
    let item = &mut minutes.items[at];
    item.notes = vec![format!(
        "{first} slaapt slecht; speelt met {}.",
        other.first_name
    )];
    item.decisions = vec![format!("{} krijgt een slaapdagboek", first.to_uppercase())];
    item.actions[0].text = format!("Met {first} en ouders bellen");
    store.save(&minutes).unwrap();

    let shown = super::meetings::fixed(&store, held).unwrap().unwrap();
    let item = &shown.items[at];
    let mask: String = std::iter::repeat_n(MASK, first.chars().count()).collect();
    assert_eq!(
        item.notes,
        [format!(
            "{mask} slaapt slecht; speelt met {}.",
            other.first_name
        )]
    );
    assert_eq!(item.decisions, [format!("{mask} krijgt een slaapdagboek")]);
    assert_eq!(item.actions[0].text, format!("Met {mask} en ouders bellen"));
    let stored = store.minutes(held).unwrap().unwrap();
    assert!(stored.items[at].notes[0].starts_with(first.as_str()));
}
