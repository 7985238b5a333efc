use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::keymap::{Context, Keymap};
use super::*;
use crate::query::actions::ActionRow;

fn model(overdue: usize) -> Model {
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
        lang: Lang::Nl,
        today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        demo: false,
        dashboard: Dashboard {
            overdue: (1..=overdue as u64).map(row).collect(),
            ..Dashboard::default()
        },
        notice: None,
    }
}

#[test]
fn quitting_is_one_key_and_needs_no_question() {
    let keymap = Keymap::default();
    for key in [
        KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
        KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE),
        KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE),
    ] {
        let action = keymap.action(Context::Dashboard, key).unwrap();
        assert_eq!(
            update(&model(0), &mut View::default(), action),
            vec![Effect::Quit]
        );
    }
}

#[test]
fn scrolling_stays_within_the_list() {
    let model = model(3);
    let mut view = View::default();
    for _ in 0..5 {
        update(&model, &mut view, Action::Down);
    }
    assert_eq!(view.overdue_offset, 2);
    update(&model, &mut view, Action::Up);
    assert_eq!(view.overdue_offset, 1);
}

#[test]
fn help_opens_and_any_key_closes_it_but_ctrl_c_still_quits() {
    let model = model(3);
    let mut view = View::default();
    update(&model, &mut view, Action::Help);
    assert!(view.help);
    assert_eq!(update(&model, &mut view, Action::Down), vec![]);
    assert!(!view.help);
    assert_eq!(view.overdue_offset, 0, "the closing key does nothing else");
    update(&model, &mut view, Action::Help);
    assert_eq!(update(&model, &mut view, Action::Quit), vec![Effect::Quit]);
}
