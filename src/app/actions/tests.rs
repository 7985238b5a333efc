use crate::app::actions::{Ask, FilterField};
use crate::app::overlay::prompt::Ask as Asked;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::{Command, Effect, Message, Model, OverlayKind, Screen, View, update};
use crate::domain::{ActionStatus, Case, Owner, Pupil};
use crate::store::Store;
use crate::testkit::app::{act, answer, school, send};
use crate::testkit::today;

fn entries(model: &Model) -> &[(crate::domain::Action, crate::query::actions::ActionRow)] {
    &model.action_list.as_ref().unwrap().entries
}

fn ids(model: &Model) -> Vec<u64> {
    entries(model).iter().map(|(a, _)| a.id.0).collect()
}

fn every_action(store: &Store) -> Vec<crate::domain::Action> {
    store.all().map(Result::unwrap).collect()
}

/// The demo school's actions that `keep` holds for, by due date: what the screen must show.
fn expected(store: &Store, keep: impl Fn(&crate::domain::Action) -> bool) -> Vec<u64> {
    let mut wanted: Vec<_> = every_action(store).into_iter().filter(keep).collect();
    wanted.sort_by_key(|a| (a.due, a.id));
    wanted.into_iter().map(|a| a.id.0).collect()
}

fn on_actions() -> (tempfile::TempDir, Store, Model, View) {
    let (dir, store, mut model) = school();
    let mut view = View::default();
    act(&store, &mut model, &mut view, Command::OpenActions);
    (dir, store, model, view)
}

#[test]
fn a_opens_the_open_actions_by_due_date() {
    let (_dir, store, model, _view) = on_actions();
    assert_eq!(model.screen, Screen::Actions);
    let open = expected(&store, |a| a.is_open());
    assert!(
        open.len() > 10,
        "the demo school has open actions: {}",
        open.len()
    );
    assert_eq!(ids(&model), open);
}

#[test]
fn s_cycles_the_status_and_each_answer_matches_the_store() {
    let (_dir, store, mut model, mut view) = on_actions();
    act(&store, &mut model, &mut view, Command::CycleStatus);
    let done = expected(&store, |a| matches!(a.status, ActionStatus::Done { .. }));
    assert!(!done.is_empty());
    assert_eq!(ids(&model), done);
    act(&store, &mut model, &mut view, Command::CycleStatus);
    let dropped = expected(&store, |a| matches!(a.status, ActionStatus::Dropped { .. }));
    assert!(!dropped.is_empty());
    assert_eq!(ids(&model), dropped);
    act(&store, &mut model, &mut view, Command::CycleStatus);
    assert_eq!(ids(&model), expected(&store, |_| true), "all");
    act(&store, &mut model, &mut view, Command::CycleStatus);
    assert_eq!(
        ids(&model),
        expected(&store, |a| a.is_open()),
        "round again"
    );
}

#[test]
fn t_shows_only_the_overdue_ones_and_o_one_owner() {
    let (_dir, store, mut model, mut view) = on_actions();
    act(&store, &mut model, &mut view, Command::ToggleOverdue);
    let overdue = expected(&store, |a| a.is_overdue(today()));
    assert!(!overdue.is_empty() && overdue.len() < expected(&store, |a| a.is_open()).len());
    assert_eq!(ids(&model), overdue);
    act(&store, &mut model, &mut view, Command::ToggleOverdue);
    // The member with the most open actions, typed by the first part of their name.
    let members: Vec<crate::domain::Member> = store.all().map(Result::unwrap).collect();
    let busiest = members
        .iter()
        .max_by_key(|m| expected(&store, |a| a.is_open() && a.owner == Owner::Member(m.id)).len())
        .unwrap();
    let first_name = busiest.name.split(' ').next().unwrap();
    act(&store, &mut model, &mut view, Command::FilterOwner);
    answer(&store, &mut model, &mut view, first_name);
    let theirs = expected(&store, |a| {
        a.is_open() && a.owner == Owner::Member(busiest.id)
    });
    assert_eq!(ids(&model), theirs);
    assert!(
        entries(&model)
            .iter()
            .all(|(_, row)| row.owner == busiest.name)
    );
}

#[test]
fn an_unknown_owner_is_refused_with_the_text_kept_and_the_list_unchanged() {
    let (_dir, store, mut model, mut view) = on_actions();
    let before = ids(&model);
    act(&store, &mut model, &mut view, Command::FilterOwner);
    answer(&store, &mut model, &mut view, "Zzyzx");
    assert_eq!(ids(&model), before);
    assert!(model.action_list.as_ref().unwrap().filter.owner.is_none());
    assert!(view.flash.as_deref().unwrap().contains("Zzyzx"), "{view:?}");
    let prompt = view
        .overlays
        .get::<crate::app::overlay::prompt::Prompt>()
        .expect("asked again");
    assert_eq!(
        prompt.ask,
        Asked::ActionList(Ask::Filter(FilterField::Owner))
    );
    assert_eq!(prompt.text(), "Zzyzx");
}

#[test]
fn a_pupil_is_found_by_the_name_the_team_sees_and_an_anonymous_one_only_by_pseudonym() {
    let (_dir, store, mut model, mut view) = on_actions();
    act(&store, &mut model, &mut view, Command::CycleStatus);
    act(&store, &mut model, &mut view, Command::CycleStatus);
    act(&store, &mut model, &mut view, Command::CycleStatus);
    let cases: Vec<Case> = store.all().map(Result::unwrap).collect();
    let actions = every_action(&store);
    let anonymous = cases
        .iter()
        .find(|c| !c.consent.shows_name() && actions.iter().any(|a| a.case == Some(c.id)))
        .expect("the demo has an anonymous case with actions");
    let pupil: Pupil = store.pupil(anonymous.pupil).unwrap().unwrap();
    act(&store, &mut model, &mut view, Command::FilterPupil);
    answer(&store, &mut model, &mut view, &anonymous.pseudonym());
    let of_case = expected(&store, |a| a.case == Some(anonymous.id));
    assert_eq!(ids(&model), of_case);
    act(&store, &mut model, &mut view, Command::FilterPupil);
    answer(&store, &mut model, &mut view, &pupil.full_name());
    assert!(
        ids(&model).iter().all(|id| !of_case.contains(id)),
        "the real name does not lead to the anonymous case"
    );
    act(&store, &mut model, &mut view, Command::FilterPupil);
    let backspace = KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE);
    send(&store, &mut model, &mut view, Message::PromptKey(backspace));
    answer(&store, &mut model, &mut view, "");
    assert_eq!(ids(&model), expected(&store, |_| true), "empty clears it");
}

#[test]
fn m_narrows_to_the_actions_agreed_in_a_meeting() {
    let (_dir, store, mut model, mut view) = on_actions();
    for _ in 0..3 {
        act(&store, &mut model, &mut view, Command::CycleStatus);
    }
    let last = crate::query::meetings::last_closed(&store)
        .unwrap()
        .unwrap();
    act(&store, &mut model, &mut view, Command::FilterMeeting);
    answer(&store, &mut model, &mut view, "laatste");
    let agreed = expected(&store, |a| a.meeting.map(|m| m.0) == Some(last.id));
    assert!(!agreed.is_empty());
    assert_eq!(ids(&model), agreed);
    act(&store, &mut model, &mut view, Command::FilterMeeting);
    answer(&store, &mut model, &mut view, &last.id.to_string());
    assert_eq!(ids(&model), agreed, "by number too");
}

#[test]
fn x_marks_done_and_open_again_saved_at_once() {
    let (dir, store, mut model, mut view) = on_actions();
    act(&store, &mut model, &mut view, Command::Down);
    let id = entries(&model)[1].0.id;
    let effects = update(&mut model, &mut view, Command::ToggleDone);
    assert!(matches!(effects.as_slice(), [Effect::SaveAction(a)] if a.id == id));
    let text = entries(&model)[1].0.text.clone();
    assert_eq!(view.flash, Some(format!("Gedaan: {text}")), "said back");
    crate::app::apply(&store, &mut model, &mut view, effects, today()).unwrap();
    assert_eq!(
        entries(&model)[1].1.status,
        ActionStatus::Done { on: today() },
        "the row stays, so x can undo it"
    );
    assert!(
        model.action_list.as_ref().unwrap().strays,
        "and the screen shows its status"
    );
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    let saved = store.action(id).unwrap().unwrap();
    assert_eq!(saved.status, ActionStatus::Done { on: today() });
    act(&store, &mut model, &mut view, Command::ToggleDone);
    assert_eq!(view.flash, Some(format!("Weer open: {text}")));
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    assert!(store.action(id).unwrap().unwrap().is_open());
}

#[test]
fn w_changes_the_due_date_and_a_bad_date_is_asked_again_with_the_text_kept() {
    let (dir, store, mut model, mut view) = on_actions();
    let (action, _) = entries(&model)[0].clone();
    act(&store, &mut model, &mut view, Command::ChangeDue);
    let current = crate::domain::dates::format_day(action.due, model.lang);
    assert_eq!(
        view.overlays
            .get::<crate::app::overlay::prompt::Prompt>()
            .unwrap()
            .text(),
        current
    );
    // Typing replaces the current date, which the prompt starts with selected.
    answer(&store, &mut model, &mut view, "31-02-2027");
    assert!(view.flash.is_some(), "refused");
    assert_eq!(
        view.overlays
            .get::<crate::app::overlay::prompt::Prompt>()
            .unwrap()
            .text(),
        "31-02-2027"
    );
    assert_eq!(store.action(action.id).unwrap().unwrap().due, action.due);
    answer(&store, &mut model, &mut view, "15-01-2027");
    assert!(!view.overlays.is_open(OverlayKind::Prompt));
    let due = chrono::NaiveDate::from_ymd_opt(2027, 1, 15).unwrap();
    assert_eq!(entries(&model)[0].1.due, due);
    assert_eq!(entries(&model)[0].1.days_overdue, 0);
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.action(action.id).unwrap().unwrap().due, due);
}

#[test]
fn paging_keeps_the_chosen_row_in_the_window() {
    let (_dir, store, mut model, mut view) = on_actions();
    // A window with ten rows for the list; no frame drawn: the size alone says the page.
    view.fit(80, 14);
    let count = entries(&model).len();
    act(&store, &mut model, &mut view, Command::PageDown);
    assert_eq!((view.actions.selected, view.actions.top), (10, 1));
    act(&store, &mut model, &mut view, Command::Last);
    assert_eq!(view.actions.selected, count - 1);
    assert_eq!(view.actions.top, count - 10);
    act(&store, &mut model, &mut view, Command::PageUp);
    assert_eq!(view.actions.top, count - 11);
    act(&store, &mut model, &mut view, Command::First);
    assert_eq!((view.actions.selected, view.actions.top), (0, 0));
    act(&store, &mut model, &mut view, Command::Up);
    assert_eq!(view.actions.selected, 0);
}

#[test]
fn esc_goes_back_to_the_start_screen() {
    let (_dir, store, mut model, mut view) = on_actions();
    act(&store, &mut model, &mut view, Command::Back);
    assert_eq!(model.screen, Screen::Dashboard);
    act(&store, &mut model, &mut view, Command::OpenActions);
    assert_eq!(model.screen, Screen::Actions);
}

#[test]
fn a_meeting_not_found_by_its_date_is_not_called_a_number() {
    let (_dir, store, mut model, mut view) = on_actions();
    act(&store, &mut model, &mut view, Command::FilterMeeting);
    answer(&store, &mut model, &mut view, "31-02");
    assert_eq!(
        view.flash.as_deref(),
        Some(
            "Geen vergadering gevonden bij \"31-02\": geef een datum (3-11), last of haar nummer."
        )
    );
    assert_eq!(
        view.overlays
            .get::<crate::app::overlay::prompt::Prompt>()
            .expect("asked again")
            .text(),
        "31-02"
    );
}

/// The page PgDn moves by is the rows the screen draws the list in: the chosen row ends at
/// the window's last row, the row after the first at its top.
#[test]
fn a_page_is_the_rows_the_screen_draws() {
    let (_dir, store, mut model, mut view) = on_actions();
    // Done, dropped, then every action: a list longer than the window.
    while entries(&model).len() <= 30
        && model.action_list.as_ref().unwrap().filter.status() != crate::query::actions::Status::All
    {
        act(&store, &mut model, &mut view, Command::CycleStatus);
    }
    view.fit(100, 30);
    act(&store, &mut model, &mut view, Command::PageDown);
    let rows = usize::from(view.fit.rows);
    assert!(entries(&model).len() > rows);
    assert_eq!(view.actions.selected, rows);
    let screen = crate::ui::tests::frame(&model, &mut view, 100, 30, crate::ui::theme::DEFAULT);
    let lines: Vec<&str> = screen.lines().collect();
    // The title, the rule with the filter and the column names come before the rows.
    let (first, last) = (lines[3], lines[3 + rows - 1]);
    let start =
        |row: &crate::query::actions::ActionRow| row.text.chars().take(12).collect::<String>();
    assert!(first.contains(&start(&entries(&model)[1].1)), "{screen}");
    assert!(last.contains(&start(&entries(&model)[rows].1)), "{screen}");
    assert!(
        lines[3 + rows].trim_end().len() < 100,
        "the status line: {screen}"
    );
}
