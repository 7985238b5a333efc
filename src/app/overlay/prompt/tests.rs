use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::app::{Message, Overlay, OverlayKind, update};
use crate::testkit::app::model;

fn enter(model: &mut Model, view: &mut View) -> Vec<Effect> {
    let key = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
    update(model, view, Message::PromptKey(key))
}

fn type_in(model: &mut Model, view: &mut View, text: &str) {
    for c in text.chars() {
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        update(model, view, Message::PromptKey(key));
    }
}

/// The wrapper hands the answer to the feature that asked: reopening takes the reason typed,
/// and only a reason, as the prompt itself refuses an empty one.
#[test]
fn a_reason_is_required_before_the_feature_is_handed_the_answer() {
    let mut model = model(0);
    let mut view = View {
        overlays: [Overlay::Prompt(Prompt::new(Ask::Reopen {
            meeting: MeetingId(7),
        }))]
        .into_iter()
        .collect(),
        ..View::default()
    };
    assert_eq!(enter(&mut model, &mut view), Vec::new());
    assert!(view.overlays.is_open(OverlayKind::Prompt), "still asked");
    assert_eq!(
        view.flash.as_deref(),
        Some(model.lang.texts().flash_reason_needed)
    );
    type_in(&mut model, &mut view, "Besluit vergeten");
    assert_eq!(
        enter(&mut model, &mut view),
        vec![Effect::ReopenMeeting(
            MeetingId(7),
            "Besluit vergeten".to_string()
        )]
    );
    assert!(!view.overlays.is_open(OverlayKind::Prompt));
}

/// A question that is no reason closes on an empty answer and its feature decides what that
/// means: nobody chosen as "me" leaves everything as it was.
#[test]
fn a_question_without_a_reason_takes_an_empty_answer() {
    let mut model = model(0);
    let mut view = View {
        overlays: [Overlay::Prompt(Prompt::new(admin::Ask::Me))]
            .into_iter()
            .collect(),
        ..View::default()
    };
    assert_eq!(enter(&mut model, &mut view), Vec::new());
    assert!(!view.overlays.is_open(OverlayKind::Prompt));
    assert_eq!(view.flash, None);
}

/// A feature's own question goes in as it is and is worded by that feature.
#[test]
fn a_feature_s_question_is_wrapped_and_worded_by_the_feature() {
    let model = model(0);
    let t = model.lang.texts();
    let prompt = Prompt::new(admin::Ask::Me);
    assert_eq!(prompt.ask, Ask::Admin(admin::Ask::Me));
    assert_eq!(prompt.ask.question(&model), t.prompt_me);
    let prompt = Prompt::prefilled(new_action::Ask::Text, "Ouders bellen".into());
    assert_eq!(prompt.ask, Ask::Actions(new_action::Ask::Text));
    assert_eq!(prompt.ask.question(&model), t.prompt_action_text);
    assert_eq!(prompt.text(), "Ouders bellen");
}
