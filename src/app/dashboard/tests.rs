use crate::testkit::app::settings;
use std::collections::HashMap;

use super::Panel;
use crate::app::admin::Ask;
use crate::app::overlay::prompt::Ask as Asked;
use crate::app::{Command, Effect, Message, OverlayKind, Screen, View, first_screen, update};
use crate::domain::{Case, CaseId, Member, PhaseModel};
use crate::store::Store;
use crate::testkit::app::{answer, school, send};
use crate::testkit::today;

fn member(store: &Store, name: &str) -> Member {
    store
        .all::<Member>()
        .map(Result::unwrap)
        .find(|m| m.name == name)
        .unwrap()
}

#[test]
fn who_i_am_is_asked_once_by_name_start_and_kept_after_a_restart() {
    let (dir, store, _) = school();
    let (mut model, mut view) = first_screen(&store, &PhaseModel::default(), &settings()).unwrap();
    assert!(model.dashboard.me.is_none());
    assert!(model.dashboard.mine.is_empty());
    assert_eq!(
        view.overlays
            .get::<crate::app::overlay::prompt::Prompt>()
            .map(|p| p.ask.clone()),
        Some(Asked::Admin(Ask::Me))
    );

    // Nobody is called "xq": asked again, with the answer kept to correct.
    answer(&store, &mut model, &mut view, "xq");
    assert!(view.flash.as_deref().unwrap().contains("xq"));
    assert_eq!(
        view.overlays
            .get::<crate::app::overlay::prompt::Prompt>()
            .unwrap()
            .text(),
        "xq"
    );
    send(&store, &mut model, &mut view, Message::PromptKey(esc()));
    assert!(!view.overlays.is_open(OverlayKind::Prompt));

    // "amez" is the start of a surname: one member.
    update(&mut model, &mut view, Command::ChooseMe);
    answer(&store, &mut model, &mut view, "amez");
    let rachid = member(&store, "Rachid Amezian");
    assert_eq!(model.dashboard.me.as_ref(), Some(&rachid));
    assert!(
        !model.dashboard.mine.is_empty(),
        "the demo gives Rachid open actions"
    );
    let open_of_rachid = store.open_actions(Some(Some(rachid.id))).unwrap();
    let ids: Vec<u64> = model.dashboard.mine.iter().map(|row| row.id).collect();
    let expected: Vec<u64> = open_of_rachid.iter().map(|a| a.id.0).collect();
    assert_eq!(ids, expected, "all my open actions, by due date");
    assert!(
        model
            .dashboard
            .mine
            .iter()
            .all(|row| row.owner == rachid.name)
    );

    drop(store);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.me().unwrap(), Some(rachid.id));
    let (model, view) = first_screen(&store, &PhaseModel::default(), &settings()).unwrap();
    assert_eq!(model.dashboard.me, Some(rachid), "kept in the store");
    assert!(
        !view.overlays.is_open(OverlayKind::Prompt),
        "and not asked again"
    );
}

#[test]
fn m_changes_who_i_am_starting_from_the_name_chosen_before() {
    let (_dir, store, _) = school();
    let marieke = member(&store, "Marieke van den Berg");
    store.set_me(marieke.id).unwrap();
    let (mut model, mut view) = first_screen(&store, &PhaseModel::default(), &settings()).unwrap();
    update(&mut model, &mut view, Command::ChooseMe);
    assert_eq!(
        view.overlays
            .get::<crate::app::overlay::prompt::Prompt>()
            .unwrap()
            .text(),
        "Marieke van den Berg"
    );
}

fn esc() -> ratatui::crossterm::event::KeyEvent {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)
}

#[test]
fn the_start_screen_lists_passed_evaluations_and_recent_changes_from_the_store() {
    let (_dir, store, model) = school();
    let phases = PhaseModel::default();
    let cases: Vec<Case> = store.all::<Case>().map(Result::unwrap).collect();

    let mut passed: Vec<&Case> = cases
        .iter()
        .filter(|c| c.closed.is_none() && !phases.is_final(&c.phase))
        .filter(|c| c.evaluation_date.is_some_and(|d| d < today()))
        .collect();
    passed.sort_by_key(|c| (c.evaluation_date, c.id));
    let shown: Vec<CaseId> = model.dashboard.evaluations.iter().map(|r| r.case).collect();
    assert!(!passed.is_empty(), "the demo has evaluations overdue");
    assert_eq!(shown, passed.iter().map(|c| c.id).collect::<Vec<_>>());

    let since = today() - chrono::Duration::days(crate::query::dashboard::RECENT_DAYS);
    let mut latest: HashMap<CaseId, chrono::NaiveDate> = HashMap::new();
    for case in &cases {
        for event in store.events_of_case(case.id).unwrap() {
            if event.date >= since && event.date <= today() {
                let day = latest.entry(case.id).or_insert(event.date);
                *day = (*day).max(event.date);
            }
        }
    }
    assert!(
        !latest.is_empty(),
        "the demo's last meeting was within two weeks"
    );
    let recent = &model.dashboard.recent;
    assert_eq!(recent.len(), latest.len(), "each changed case once");
    for row in recent {
        assert_eq!(Some(&row.date), latest.get(&row.case), "case {}", row.case);
    }
    assert!(
        recent.windows(2).all(|w| w[0].date >= w[1].date),
        "latest first"
    );

    // BRIEF §8: an anonymous case is its pseudonym here, whichever list it is in.
    for row in model.dashboard.evaluations.iter().chain(recent) {
        let case = cases.iter().find(|c| c.id == row.case).unwrap();
        if case.consent.shows_name() {
            assert_eq!(
                row.subject,
                store.pupil(case.pupil).unwrap().unwrap().full_name()
            );
        } else {
            assert_eq!(row.subject, case.pseudonym());
        }
    }
}

#[test]
fn enter_on_a_row_opens_the_dossier_of_its_pupil_and_esc_comes_back() {
    let (_dir, store, mut model) = school();
    let mut view = View::default();
    // An overdue action: its case's pupil.
    update(&mut model, &mut view, Command::NextPanel);
    assert_eq!(view.dashboard.panel, Panel::Overdue);
    send(&store, &mut model, &mut view, Command::Down.into());
    let row = model.dashboard.overdue[1].clone();
    let action = store
        .action(crate::domain::ActionId(row.id))
        .unwrap()
        .unwrap();
    let pupil = store.case(action.case.unwrap()).unwrap().unwrap().pupil;
    assert_eq!(
        update(&mut model, &mut view, Command::Open),
        vec![Effect::LoadDossier(crate::app::dossier::DossierOf::Action(
            action.id
        ))]
    );
    send(&store, &mut model, &mut view, Command::Open.into());
    assert_eq!(model.screen, Screen::Dossier);
    assert_eq!(model.dossier.as_ref().unwrap().dossier().pupil.id, pupil);

    send(&store, &mut model, &mut view, Command::Back.into());
    assert_eq!(model.screen, Screen::Dashboard);
    assert!(model.dossier.is_none());
    assert_eq!(
        view.dashboard.selected(Panel::Overdue),
        1,
        "on the same row"
    );

    // A case whose evaluation has passed.
    update(&mut model, &mut view, Command::NextPanel);
    let row = model.dashboard.evaluations[0].clone();
    send(&store, &mut model, &mut view, Command::Open.into());
    let dossier = model.dossier.as_ref().unwrap().dossier();
    assert_eq!(dossier.pupil.id, row.pupil);
    assert_eq!(
        dossier.cases[view.dossier.case].case.id, row.case,
        "the case of the row is the one chosen"
    );

    // A pupil with more than one case, opened from the later one, starts on that one.
    let (pupil, later) = store
        .all::<crate::domain::Pupil>()
        .map(Result::unwrap)
        .find_map(|p| {
            let cases = store.cases_of_pupil(p.id).unwrap();
            (cases.len() > 1).then(|| (p.id, cases.last().unwrap().id))
        })
        .expect("the demo has a pupil with two cases");
    let effects = vec![crate::app::Effect::LoadDossier(
        crate::app::dossier::DossierOf::Case(later),
    )];
    crate::app::apply(
        &store,
        &mut model,
        &mut view,
        effects,
        crate::testkit::today(),
    )
    .unwrap();
    let dossier = model.dossier.as_ref().unwrap().dossier();
    assert_eq!(dossier.pupil.id, pupil);
    assert_eq!(dossier.cases[view.dossier.case].case.id, later);
    assert_ne!(view.dossier.case, 0);
}

/// A list that got shorter while the start screen was away (actions done in the meeting)
/// keeps its chosen row on the list, so Enter still opens a row.
#[test]
fn reloaded_lists_keep_the_chosen_row_within_them() {
    let (_dir, _store, model) = school();
    let mut view = View::default();
    let evaluations = model.dashboard.evaluations.len();
    assert!(evaluations > 1);
    view.dashboard.selected = [7, 0, 500, 0];
    view.dashboard.fit(&model.dashboard);
    let mine = Panel::ALL[0].len(&model.dashboard);
    assert_eq!(view.dashboard.selected[0], 7.min(mine.saturating_sub(1)));
    assert_eq!(
        view.dashboard.selected(Panel::Evaluations),
        500.min(evaluations - 1)
    );
    view.dashboard
        .fit(&crate::query::dashboard::Dashboard::default());
    assert_eq!(
        view.dashboard.selected, [0; 4],
        "empty lists: the first row"
    );
}
