//! BRIEF §8 across the read models: a pupil whose cases are all "anoniem" is named by each
//! case's pseudonym on the meeting screen, in search results, in the minutes and in the
//! team's action list; the pseudonym is stable and never the name; only the pupil's own
//! dossier names them.

use std::sync::OnceLock;

use crate::domain::{AgendaKind, Case, Consent, Minutes, PhaseModel, Pupil, Showing};
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

/// An owner typed as "leerkracht groep 3" for an action of an anonymous case would narrow the
/// pupil down to one class beside the pseudonym: the action list, and minutes fixed now, say
/// "leerkracht" (closing7: the owner beside a pseudonym gave away the groep).
#[test]
fn an_owner_beside_a_pseudonym_does_not_give_away_the_groep() {
    let (_dir, store) = demo_store(today());
    let open = crate::query::actions::list(&store, &Default::default(), today()).unwrap();
    let mut actions = store.all::<crate::domain::Action>().map(Result::unwrap);
    let mut action = actions
        .find(|a| {
            let case = a.case.and_then(|c| store.case(c).unwrap());
            case.is_some_and(|c| !c.consent.shows_name()) && open.iter().any(|r| r.id == a.id.0)
        })
        .expect("an open action of an anonymous case");
    action.owner = crate::domain::Owner::Other("leerkracht groep 3".into());
    store.save(&action).unwrap();
    let rows = crate::query::actions::list(&store, &Default::default(), today()).unwrap();
    let row = rows.iter().find(|r| r.id == action.id.0).unwrap();
    assert_eq!(row.owner, "leerkracht", "{row:?}");
    let mut labels = crate::query::Labels::new(&store);
    assert_eq!(labels.owner(&action).unwrap(), "leerkracht");
}
