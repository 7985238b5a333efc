use crate::app::meeting::case::Ask;
use crate::app::overlay::prompt::{Ask as Asked, Prompt};
use crate::app::{Command, Overlay, OverlayKind, View};
use crate::domain::phase::Requirement;
use crate::store::Store;
use crate::testkit::app::{act, answer, current, on_case, reply};

/// Answers every question `f` asks with `reply`, except `special` answered with `text`;
/// returns what was asked, in order.
fn walk_f(
    store: &Store,
    model: &mut crate::app::Model,
    view: &mut View,
    special: Option<(Requirement, &str)>,
) -> Vec<Requirement> {
    act(store, model, view, Command::RecordFields);
    let mut asked = Vec::new();
    while let Some(Asked::Case(Ask::Field { requirement })) =
        view.overlays.get::<Prompt>().map(|p| p.ask.clone())
    {
        asked.push(requirement);
        assert!(asked.len() < 10, "f keeps asking: {asked:?}");
        let text = match special {
            Some((r, text)) if r == requirement => text,
            _ => reply(requirement),
        };
        answer(store, model, view, text);
    }
    asked
}

#[test]
fn an_evaluated_case_is_asked_its_closing_reason_and_closes_with_greater_than() {
    let (dir, store, mut model, mut view) = on_case(|brief| brief.case.phase == "evaluatie");
    let case = current(&model).case.id;
    assert!(
        current(&model)
            .missing
            .contains(&Requirement::ClosingReason),
        "the screen names the closing reason among what is still missing"
    );
    let asked = walk_f(&store, &mut model, &mut view, None);
    assert!(asked.contains(&Requirement::ClosingReason), "{asked:?}");
    assert!(current(&model).missing.is_empty());
    act(&store, &mut model, &mut view, Command::NextPhase);
    assert_eq!(current(&model).case.phase, "afgesloten");

    drop(store);
    let store = Store::open(dir.path()).unwrap();
    let saved = store.case(case).unwrap().unwrap();
    assert_eq!(saved.phase, "afgesloten");
    assert_eq!(saved.closing_reason, reply(Requirement::ClosingReason));
}

#[test]
fn no_to_the_parents_feedback_is_kept_and_not_asked_again_at_once() {
    let (_dir, store, mut model, mut view) =
        on_case(|brief| brief.case.phase == "evaluatie" && !brief.case.parents_informed);
    let case = current(&model).case.id;
    let asked = walk_f(
        &store,
        &mut model,
        &mut view,
        Some((Requirement::ParentsInformed, "nee")),
    );
    assert_eq!(
        asked
            .iter()
            .filter(|r| **r == Requirement::ParentsInformed)
            .count(),
        1,
        "{asked:?}"
    );
    assert!(!view.overlays.is_open(OverlayKind::Prompt));
    assert_eq!(
        view.flash.as_deref(),
        Some("Nog vast te leggen voordat de casus verder mag: terugkoppeling aan ouders")
    );
    assert!(!store.case(case).unwrap().unwrap().parents_informed);
    assert_eq!(current(&model).missing, vec![Requirement::ParentsInformed]);
}

/// A refused answer to any of `f`'s questions comes back with what was typed, to correct.
#[test]
fn a_refused_field_answer_is_asked_again_with_what_was_typed() {
    let (_dir, store, mut model, mut view) = on_case(|_| true);
    view.overlays.open(Overlay::Prompt(Prompt::new(Ask::Field {
        requirement: Requirement::Consent,
    })));
    answer(&store, &mut model, &mut view, "misschien");
    let again = view.overlays.get::<Prompt>().expect("asked again");
    assert_eq!(
        again.ask,
        Asked::Case(Ask::Field {
            requirement: Requirement::Consent
        })
    );
    assert_eq!(again.text(), "misschien");
}
