//! BRIEF §8 across the read models: a pupil whose cases are all "anoniem" is named by each
//! case's pseudonym on the meeting screen, in search results, in the minutes and in the
//! team's action list; the pseudonym is stable and never the name; only the pupil's own
//! dossier names them.

use std::sync::OnceLock;

use crate::domain::{
    Action, AgendaKind, Case, Consent, Minutes, Owner, PhaseModel, Pupil, Showing,
};
use crate::query::search::{Audience, HitKind, SearchIndex};
use crate::store::Store;
use crate::testkit::store::demo_store;
use crate::testkit::today;

/// The demo school, and a pupil all of whose cases are anonymous, with the most minutes.
fn school() -> &'static (tempfile::TempDir, Store, Pupil, Vec<Case>) {
    static SCHOOL: OnceLock<(tempfile::TempDir, Store, Pupil, Vec<Case>)> = OnceLock::new();
    SCHOOL.get_or_init(|| {
        let (dir, store) = demo_store(today());
        let minutes: Vec<Minutes> = store.all::<Minutes>().map(Result::unwrap).collect();
        let discussed = |case: &Case| {
            minutes
                .iter()
                .filter(|m| {
                    m.items
                        .iter()
                        .any(|i| i.kind == AgendaKind::Case { case: case.id })
                })
                .count()
        };
        let (pupil, cases) = store
            .all::<Pupil>()
            .map(Result::unwrap)
            .map(|pupil| {
                let cases = store.cases_of_pupil(pupil.id).unwrap();
                (pupil, cases)
            })
            .filter(|(_, cases)| {
                !cases.is_empty() && cases.iter().all(|c| c.consent == Consent::Anonymous)
            })
            .max_by_key(|(_, cases)| cases.iter().map(discussed).sum::<usize>())
            .expect("the demo has pupils discussed anonymously only");
        assert!(cases.iter().map(discussed).sum::<usize>() > 0);
        (dir, store, pupil, cases)
    })
}

fn never_named(text: &str, pupil: &Pupil, place: &str) {
    // The full name: a last name alone is shared by families and members ("van den Berg").
    assert!(!text.contains(&pupil.full_name()), "{place}: {text}");
}

#[test]
fn a_pseudonym_is_stable_and_says_nothing_of_the_name() {
    let (_, store, pupil, cases) = school();
    for case in cases {
        let pseudonym = case.pseudonym();
        let stored = store.case(case.id).unwrap().unwrap();
        assert_eq!(
            stored.pseudonym(),
            pseudonym,
            "the same after reading it back"
        );
        never_named(&pseudonym, pupil, "pseudonym");
        assert!(!pseudonym.contains(&pupil.first_name), "{pseudonym}");
        assert!(pseudonym.starts_with("Leerling "));
    }
}

#[test]
fn the_meeting_screen_names_the_case_by_its_pseudonym() {
    let (_, store, pupil, cases) = school();
    for case in cases {
        let brief =
            crate::query::meeting::brief(store, &PhaseModel::default(), case.clone(), today())
                .unwrap();
        assert_eq!(brief.subject(), case.pseudonym());
        assert_eq!(brief.short(), case.pseudonym());
        never_named(&brief.subject(), pupil, "brief");
    }
}

#[test]
fn search_shows_the_pseudonym_and_finds_the_case_by_it() {
    let (_, store, pupil, cases) = school();
    let index = SearchIndex::load(store).unwrap();
    for case in cases {
        for audience in [
            Audience::Private,
            Audience::Shared(Showing::Private),
            Audience::Shared(Showing::Presenting {
                discussed: Some(case.id),
            }),
        ] {
            for query in [case.question.as_str(), case.pseudonym().as_str()] {
                let found = index.matches(query, audience, 50);
                let hit = found
                    .hits()
                    .find(|h| h.kind == HitKind::Case && h.id == case.id.0)
                    .unwrap_or_else(|| panic!("{query:?} finds case {}", case.id));
                assert_eq!(hit.subject, case.pseudonym());
                for hit in found.hits().filter(|h| h.kind != HitKind::Pupil) {
                    never_named(&hit.subject, pupil, "search");
                }
            }
        }
    }
}

#[test]
fn the_minutes_and_the_team_s_action_list_use_the_pseudonym() {
    let (_, store, pupil, cases) = school();
    let mut items = 0;
    for minutes in store.all::<Minutes>().map(Result::unwrap) {
        for case in cases {
            for item in minutes
                .items
                .iter()
                .filter(|i| i.kind == AgendaKind::Case { case: case.id })
            {
                assert_eq!(item.subject, case.pseudonym());
                items += 1;
            }
        }
        let model = PhaseModel::default();
        let cx = crate::export::Context {
            model: &model,
            lang: crate::i18n::Lang::Nl,
            school: "OBS De Vlonder",
            today: today(),
        };
        let status = crate::export::minutes::Status::Fixed;
        let text = crate::export::minutes(&minutes, status, &cx, crate::export::Format::Markdown);
        never_named(&text, pupil, "minutes");
    }
    assert!(items > 0);
    let rows = crate::query::actions::list(store, &Default::default(), today()).unwrap();
    let own: Vec<_> = rows
        .iter()
        .filter(|row| cases.iter().any(|c| row.pupil == c.pseudonym()))
        .collect();
    for row in &rows {
        never_named(&row.pupil, pupil, "actions");
    }
    assert!(
        !own.is_empty()
            || cases
                .iter()
                .all(|c| store.actions_of_case(c.id).unwrap().is_empty())
    );
}

#[test]
fn only_the_pupil_s_own_dossier_names_them() {
    let (_, store, pupil, _) = school();
    let dossier = crate::query::dossier::load(store, pupil.id)
        .unwrap()
        .unwrap();
    assert_eq!(dossier.pupil.full_name(), pupil.full_name());
}

const WITH_GROEP: &str = "leerkracht groep 3";

/// `case` saved with `consent`.
fn consent(store: &Store, case: crate::domain::CaseId, consent: Consent) -> Case {
    let mut found = store.case(case).unwrap().unwrap();
    found.consent = consent;
    store.save(&found).unwrap();
    found
}

/// `action` saved with an owner typed with a groep.
fn owned_with_groep(store: &Store, mut action: Action) -> Action {
    action.owner = Owner::Other(WITH_GROEP.into());
    store.save(&action).unwrap();
    action
}

/// An owner typed as "leerkracht groep 3" for an action of an anonymous case would narrow the
/// pupil down to one class beside the pseudonym: the action list and the team's own labels
/// say "leerkracht" (closing7: the owner beside a pseudonym gave away the groep).
#[test]
fn an_owner_beside_a_pseudonym_does_not_give_away_the_groep() {
    let (_dir, store) = demo_store(today());
    let open = crate::query::actions::list(&store, &Default::default(), today()).unwrap();
    let mut actions = store.all::<Action>().map(Result::unwrap);
    let action = actions
        .find(|a| {
            let case = a.case.and_then(|c| store.case(c).unwrap());
            case.is_some_and(|c| !c.consent.shows_name()) && open.iter().any(|r| r.id == a.id.0)
        })
        .expect("an open action of an anonymous case");
    let action = owned_with_groep(&store, action);
    let rows = crate::query::actions::list(&store, &Default::default(), today()).unwrap();
    let row = rows.iter().find(|r| r.id == action.id.0).unwrap();
    assert_eq!(row.owner, "leerkracht", "{row:?}");
    let mut labels = crate::query::Labels::new(&store);
    assert_eq!(labels.owner(&action).unwrap(), "leerkracht");
}

/// The meeting room is on the wall: its earlier actions name no case under discussion, so an
/// action of a case with "ja" goes by the pseudonym and its owner without the groep; a case on
/// the agenda whose consent was not yet asked shows its own actions' owners without it too.
/// Both were labelled for a private screen ("leerkracht groep 3 · Leerling KR-47").
#[test]
fn the_meeting_room_shows_no_owner_s_groep_beside_a_pseudonym() {
    let (_dir, store) = demo_store(today());
    let model = PhaseModel::default();
    let id = crate::query::meeting::current_or_next(&store, today())
        .unwrap()
        .unwrap();
    let room = crate::query::meeting::load(&store, &model, id, today()).unwrap();
    let (earlier, _) = room
        .earlier_actions
        .iter()
        .find(|(action, _)| action.case.is_some())
        .expect("an earlier action of a case")
        .clone();
    let named = consent(&store, earlier.case.unwrap(), Consent::Yes);
    let earlier = owned_with_groep(&store, earlier);

    let case = room
        .meeting
        .cases()
        .find(|case| *case != named.id)
        .expect("a case on the agenda");
    let unasked = consent(&store, case, Consent::Unknown);
    let on_agenda = owned_with_groep(
        &store,
        Action {
            id: crate::domain::ActionId(store.next_id(crate::store::TreeId::Actions).unwrap()),
            case: Some(case),
            ..earlier.clone()
        },
    );

    let room = crate::query::meeting::load(&store, &model, id, today()).unwrap();
    let (_, row) = room
        .earlier_actions
        .iter()
        .find(|(action, _)| action.id == earlier.id)
        .unwrap();
    assert_eq!(row.pupil, named.pseudonym(), "{row:?}");
    assert_eq!(row.owner, "leerkracht", "{row:?}");
    let brief = &room.cases[&unasked.id];
    let row = brief
        .actions
        .iter()
        .find(|r| r.id == on_agenda.id.0)
        .unwrap();
    assert_eq!(row.pupil, unasked.pseudonym(), "{row:?}");
    assert_eq!(row.owner, "leerkracht", "{row:?}");
}

/// Minutes fixed with "leerkracht groep 3" beside a case's name: on the wall (the Verslag
/// item), and in an export once the parents said "anoniem", the pupil goes by the pseudonym, so
/// the owner and the owner before the meeting go without the groep. The team's own copy of a
/// case still named keeps both.
#[test]
fn minutes_show_no_owner_s_groep_beside_a_pseudonym() {
    let (_dir, store) = demo_store(today());
    let model = PhaseModel::default();
    let meeting = crate::testkit::store::next_meeting(&store);
    let (id, date) = (meeting.id, meeting.date);
    let before = store.closed_meeting_before(date, id).unwrap().unwrap();
    let mut minutes = store.minutes(before.id).unwrap().unwrap();
    // The case of an action the minutes name the pupil of.
    let of_case = |action: &crate::domain::minutes::MinutesAction| {
        let case = store.action(action.id).unwrap().and_then(|a| a.case)?;
        let fixed = store.case(case).unwrap()?.pseudonym() != action.subject;
        fixed.then_some(case)
    };
    let item = minutes
        .items
        .iter_mut()
        .find(|item| item.actions.iter().any(|a| of_case(a).is_some()))
        .expect("minutes with an action of a case they name");
    let action = item
        .actions
        .iter_mut()
        .find(|a| of_case(a).is_some())
        .unwrap();
    action.owner = WITH_GROEP.into();
    let (action, case) = (action.id, of_case(action).unwrap());
    let review = minutes
        .items
        .iter_mut()
        .flat_map(|item| item.reviewed.iter_mut())
        .find(|review| of_case(&review.action).is_some())
        .expect("minutes reviewing an action of a case they name");
    review.action.owner = WITH_GROEP.into();
    review.owner_was = Some(format!("juf Sanne {WITH_GROEP}"));
    let (reviewed, reviewed_case) = (review.action.id, of_case(&review.action).unwrap());
    store.save(&minutes).unwrap();
    // The owner of action `id`, and the owner before the meeting of a reviewed one.
    let owners = |minutes: &Minutes, id| {
        let owner = minutes
            .items
            .iter()
            .flat_map(|item| &item.actions)
            .find(|a| a.id == id)
            .map(|a| (a.owner.clone(), None));
        let review = minutes
            .items
            .iter()
            .flat_map(|item| &item.reviewed)
            .find(|r| r.action.id == id)
            .map(|r| (r.action.owner.clone(), r.owner_was.clone()));
        owner.or(review).unwrap()
    };
    let action_hidden = ("leerkracht".to_string(), None);
    let review_hidden = ("leerkracht".into(), Some("juf Sanne leerkracht".into()));
    for case in [case, reviewed_case] {
        consent(&store, case, Consent::Yes);
    }

    let room = crate::query::meeting::load(&store, &model, id, today()).unwrap();
    let wall = room.previous.unwrap().minutes.unwrap();
    assert_eq!(owners(&wall, action), action_hidden, "on the wall");
    assert_eq!(owners(&wall, reviewed), review_hidden, "on the wall");
    let own = super::meetings::fixed(&store, before.id).unwrap().unwrap();
    let kept = (
        WITH_GROEP.to_string(),
        Some(format!("juf Sanne {WITH_GROEP}")),
    );
    assert_eq!(owners(&own, action), (WITH_GROEP.to_string(), None));
    assert_eq!(
        owners(&own, reviewed),
        kept,
        "named, in the team's own copy"
    );

    for case in [case, reviewed_case] {
        consent(&store, case, Consent::Anonymous);
    }
    let exported = super::meetings::fixed(&store, before.id).unwrap().unwrap();
    assert_eq!(owners(&exported, action), action_hidden, "after anoniem");
    assert_eq!(owners(&exported, reviewed), review_hidden, "after anoniem");
}
