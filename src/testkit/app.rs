//! The app's part of the kit: a model on the start screen or with the demo's meeting open on a
//! case, driven by messages over a real store the way the loop drives it.

use chrono::{NaiveDate, NaiveDateTime};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tempfile::TempDir;

use super::store::demo_store;
use super::today;
use crate::app::{Command, Flow, Message, Model, View, apply, update};
use crate::domain::PhaseModel;
use crate::domain::meeting::AgendaKind;
use crate::i18n::Lang;
use crate::query::actions::ActionRow;
use crate::query::dashboard::Dashboard;
use crate::store::Store;

pub(crate) fn at(hour: u32, minute: u32) -> NaiveDateTime {
    today().and_hms_opt(hour, minute, 0).unwrap()
}

pub(crate) fn model(overdue: usize) -> Model {
    let row = |id: u64| ActionRow {
        id,
        text: "Ouders bellen".into(),
        owner: "Fatima".into(),
        due: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
        status: crate::domain::ActionStatus::Open,
        pupil: "Sanne de Vries".into(),
        days_overdue: 21,
    };
    Model {
        now: at(14, 0),
        dashboard: Dashboard {
            overdue: (1..=overdue as u64).map(row).collect(),
            ..Dashboard::default()
        },
        ..Model::new(Lang::Nl, today(), PhaseModel::default())
    }
}

/// A demo school's store and a model on its start screen.
pub(crate) fn school() -> (TempDir, Store, Model) {
    let (dir, store) = demo_store(today());
    let mut model = model(0);
    model.dashboard = crate::query::dashboard::load(&store, &model.phases, today()).unwrap();
    (dir, store, model)
}

/// The demo school with its next meeting opened, as `m` opens it: the question of the date its
/// minutes carry is still open (see `open_meeting_today`).
pub(crate) fn meeting_opened() -> (TempDir, Store, Model, View) {
    let (dir, store, mut model) = school();
    let mut view = View::default();
    act(&store, &mut model, &mut view, Command::OpenMeeting);
    (dir, store, model, view)
}

/// The demo's next meeting opened (its date question still open) on its Actiepunten item: the
/// open actions of earlier meetings.
pub(crate) fn on_earlier_actions() -> (TempDir, Store, Model, View) {
    let (dir, store, mut model, mut view) = meeting_opened();
    act(&store, &mut model, &mut view, Command::NextItem);
    act(&store, &mut model, &mut view, Command::NextItem);
    let room = model.meeting.as_ref().unwrap();
    assert_eq!(
        room.meeting.agenda[room.meeting.current_item].kind,
        AgendaKind::Actions
    );
    (dir, store, model, view)
}

pub(crate) fn act(store: &Store, model: &mut Model, view: &mut View, command: Command) {
    let effects = update(model, view, command);
    assert_eq!(
        apply(store, model, view, effects, today()).unwrap(),
        Flow::Continue
    );
}

/// Opens the demo's next meeting, held today: it was planned on another day, so the minutes'
/// date is asked, and Enter takes today's.
pub(crate) fn open_meeting_today(store: &Store, model: &mut Model, view: &mut View) {
    act(store, model, view, Command::OpenMeeting);
    answer(store, model, view, "");
}

/// Opens the demo's next meeting on the first case item for which `pick` holds, held today.
pub(crate) fn on_case(
    pick: impl Fn(&crate::query::meeting::CaseBrief) -> bool,
) -> (TempDir, Store, Model, View) {
    let (dir, store, mut model) = school();
    let mut view = View::default();
    open_meeting_today(&store, &mut model, &mut view);
    let room = model.meeting.as_mut().unwrap();
    let item = room
        .meeting
        .agenda
        .iter()
        .position(|item| match item.kind {
            crate::domain::meeting::AgendaKind::Case { case } => pick(&room.cases[&case]),
            _ => false,
        })
        .expect("the demo's next meeting has such a case");
    room.meeting.current_item = item;
    (dir, store, model, view)
}

pub(crate) fn current(model: &Model) -> &crate::query::meeting::CaseBrief {
    let room = model.meeting.as_ref().unwrap();
    match room.meeting.agenda[room.meeting.current_item].kind {
        crate::domain::meeting::AgendaKind::Case { case } => &room.cases[&case],
        _ => panic!("not on a case"),
    }
}

pub(crate) fn typed(text: &str) -> Vec<Message> {
    text.chars()
        .map(|c| Message::PromptKey(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)))
        .collect()
}

pub(crate) fn send(store: &Store, model: &mut Model, view: &mut View, message: Message) {
    let effects = update(model, view, message);
    assert_eq!(
        apply(store, model, view, effects, today()).unwrap(),
        Flow::Continue
    );
}

pub(crate) fn answer(store: &Store, model: &mut Model, view: &mut View, text: &str) {
    for key in typed(text) {
        send(store, model, view, key);
    }
    let enter = Message::PromptKey(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    send(store, model, view, enter);
}

/// What a person would answer to each question of `f`.
pub(crate) fn reply(requirement: crate::domain::phase::Requirement) -> &'static str {
    use crate::domain::phase::Requirement::*;
    match requirement {
        Consent => "anoniem",
        ParentsInformed => "ja",
        EvaluationDate => "+6w",
        HelpStartOrWait => "wacht 20-11-2026",
        _ => "Vastgelegd in het OT",
    }
}

/// What `otter` starts the screen with in tests: Dutch, the fixed today, no lock.
pub(crate) fn settings() -> crate::app::Settings {
    crate::app::Settings {
        lang: crate::lang::Lang::Nl,
        today: crate::testkit::today(),
        theme: None,
        demo: false,
        lock_after: 0,
        monitoring: crate::monitoring::Settings::default(),
    }
}
