use super::tests::{day, draw, draw_view, model};
use super::theme;
use crate::app::case::{Ask, Prompt};
use crate::app::prepare::{self, PrepareView};
use crate::app::{Model, Screen, View};
use crate::domain::meeting::{Attendance, Attendee};
use crate::domain::{Presence, Role};
use crate::i18n::Lang;

/// The demo school's next meeting being prepared, with a guest invited.
fn preparing(lang: Lang) -> Model {
    let dir = tempfile::TempDir::new().unwrap();
    let store = crate::store::Store::open(dir.path()).unwrap();
    crate::demo::fill(&store, crate::demo::Scale::School, day(23)).unwrap();
    let phases = crate::domain::PhaseModel::default();
    let id = crate::query::prepare::next_planned(&store, day(23))
        .unwrap()
        .unwrap();
    let mut preparation = crate::query::prepare::load(&store, &phases, id).unwrap();
    preparation.meeting.attendance.push(Attendance {
        who: Attendee::Guest {
            name: "Fatma Yılmaz".into(),
            role: Role::Ouder,
        },
        presence: Presence::NotRecorded,
    });
    let mut model = model(lang, false);
    model.screen = Screen::Prepare;
    model.prepare = Some(preparation);
    model
}

fn text(model: &Model, view: &View) -> String {
    draw_view(model, view, 160, 48, theme::DEFAULT)
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect()
}

#[test]
fn prepare_80x24_nl() {
    insta::assert_snapshot!(draw(&preparing(Lang::Nl), 80, 24).backend());
}

#[test]
fn prepare_160x48_nl() {
    insta::assert_snapshot!(draw(&preparing(Lang::Nl), 160, 48).backend());
}

#[test]
fn prepare_80x24_en() {
    insta::assert_snapshot!(draw(&preparing(Lang::En), 80, 24).backend());
}

#[test]
fn prepare_160x48_en_on_the_participants() {
    let view = View {
        prepare: PrepareView {
            item: 4,
            person: 2,
            on_team: true,
        },
        ..View::default()
    };
    insta::assert_snapshot!(
        draw_view(&preparing(Lang::En), &view, 160, 48, theme::DEFAULT).backend()
    );
}

#[test]
fn prepare_guest_role_prompt_80x24_nl() {
    let view = View {
        prompt: Some(Prompt::new(Ask::Prepare(prepare::Ask::GuestRole {
            name: "Fatma Yılmaz".into(),
        }))),
        ..View::default()
    };
    insta::assert_snapshot!(
        draw_view(&preparing(Lang::Nl), &view, 80, 24, theme::DEFAULT).backend()
    );
}

#[test]
fn prepare_without_a_meeting_asks_the_date_80x24_en() {
    let mut model = model(Lang::En, false);
    model.screen = Screen::Prepare;
    let view = View {
        prompt: Some(Prompt::new(Ask::Prepare(prepare::Ask::Date))),
        ..View::default()
    };
    insta::assert_snapshot!(draw_view(&model, &view, 80, 24, theme::DEFAULT).backend());
}

#[test]
fn prepare_help_lists_the_preparation_keys() {
    let view = View {
        help: true,
        ..View::default()
    };
    insta::assert_snapshot!(
        draw_view(&preparing(Lang::Nl), &view, 160, 48, theme::DEFAULT).backend()
    );
}

#[test]
fn no_pupil_is_named_in_full_while_preparing() {
    let dir = tempfile::TempDir::new().unwrap();
    let store = crate::store::Store::open(dir.path()).unwrap();
    crate::demo::fill(&store, crate::demo::Scale::School, day(23)).unwrap();
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
