use crate::app::{Model, Screen, View};
use crate::domain::meeting::{Attendance, Attendee};
use crate::domain::{Presence, Role};
use crate::i18n::Lang;
use crate::testkit::day;
use crate::ui::tests::{model, screen_of};
use crate::ui::theme;

/// The demo school's next meeting being prepared, with a guest invited.
pub(crate) fn preparing(lang: Lang) -> Model {
    let (_dir, store) = crate::testkit::store::demo_store(day(23));
    let phases = crate::domain::PhaseModel::default();
    let id = crate::query::prepare::next_planned(&store, day(23))
        .unwrap()
        .unwrap();
    let mut preparation = crate::query::prepare::load(&store, &phases, id).unwrap();
    preparation.meeting.attendance.push(Attendance {
        who: Attendee::Guest {
            name: "Fatma Yılmaz".into(),
            role: Role::Ouder,
            title: String::new(),
        },
        presence: Presence::NotRecorded,
    });
    let mut model = model(lang, false);
    model.screen = Screen::Prepare;
    model.prepare = Some(preparation);
    model
}

fn text(model: &Model, view: &View) -> String {
    screen_of(model, view, 160, 48, theme::DEFAULT)
}

#[test]
fn no_pupil_is_named_in_full_while_preparing() {
    let (_dir, store) = crate::testkit::store::demo_store(day(23));
    let model = preparing(Lang::Nl);
    let screen = text(&model, &View::default());
    let preparation = model.prepare.as_ref().unwrap();
    assert!(preparation.cases.len() > 3);
    for (id, line) in &preparation.cases {
        let case = store.case(*id).unwrap().unwrap();
        let pupil = store.pupil(case.pupil).unwrap().unwrap();
        assert!(!screen.contains(&pupil.full_name()), "case {id}");
        let on_agenda = preparation.meeting.cases().any(|c| c == *id);
        if on_agenda {
            assert!(screen.contains(&line.short), "case {id} by {}", line.short);
        }
    }
}

#[test]
fn the_time_question_names_the_day_the_date_was_read_as() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut model = preparing(Lang::Nl);
    let mut view = View::default();
    crate::app::update(&mut model, &mut view, crate::app::Command::PlanMeeting);
    // 23-11-2026 is today: "20-11" without a year is next year's.
    for c in "20-11".chars() {
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        crate::app::update(&mut model, &mut view, crate::app::Message::PromptKey(key));
    }
    let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
    crate::app::update(&mut model, &mut view, crate::app::Message::PromptKey(enter));
    let screen = text(&model, &view);
    assert!(
        screen.contains("Hoe laat op za 20-11-2027? (leeg: 08:30)"),
        "{screen}"
    );
}
