//! The circles editor, the plan form and what the case panel shows of them.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::{Command, Message, Model, View, update};
use crate::domain::NoteId;
use crate::domain::meeting::AgendaKind;
use crate::i18n::Lang;
use crate::ui::tests::{draw_view, meeting_model};
use crate::ui::theme;

/// The demo's next meeting on its first case in Signaal, put in `phase` (the meeting has no
/// case in Beeldvorming).
fn on_case_in(lang: Lang, phase: &str) -> Model {
    let mut model = meeting_model(lang, 0);
    let phases = model.phases.clone();
    let room = model.meeting.as_mut().unwrap();
    room.meeting.current_item = room
        .meeting
        .agenda
        .iter()
        .position(|item| match item.kind {
            AgendaKind::Case { case } => room.cases[&case].case.phase == "signaal",
            _ => false,
        })
        .unwrap();
    let brief = room.current_case_mut().unwrap();
    brief.case.phase = phase.to_string();
    brief.missing = phases.missing_to_move_on(&brief.case, &brief.own_actions);
    model
}

fn press(model: &mut Model, view: &mut View, code: KeyCode) {
    let key = KeyEvent::new(code, KeyModifiers::NONE);
    update(model, view, Message::EditorKey(key));
}

fn paste(model: &mut Model, view: &mut View, text: &str) {
    update(model, view, Message::Paste(text.to_string()));
}

/// Six of the nine boxes filled, the focus on onderwijs' worries.
pub(crate) fn circles_open(lang: Lang) -> (Model, View) {
    let mut model = on_case_in(lang, "beeldvorming");
    let mut view = View::default();
    update(&mut model, &mut view, Command::EditNotes);
    let texts = [
        (0, "Sociaal sterk, helpt anderen graag"),
        (
            1,
            "Snel afgeleid bij rekenen\nKlaagt over buikpijn op maandag",
        ),
        (3, "Fijne band met de juf"),
        (5, "Wat helpt bij het plannen?"),
        (8, "Hoe gaat het thuis sinds de verhuizing?"),
        (4, "Instructie is vaak te lang"),
    ];
    let mut at = 0;
    for (index, text) in texts {
        while at != index {
            press(&mut model, &mut view, KeyCode::Tab);
            at = (at + 1) % 9;
        }
        paste(&mut model, &mut view, text);
    }
    (model, view)
}

pub(crate) fn plan_open(lang: Lang) -> (Model, View) {
    let mut model = on_case_in(lang, "plan");
    let mut view = View::default();
    update(&mut model, &mut view, Command::EditNotes);
    update(&mut model, &mut view, Message::NoteReady(NoteId(999)));
    paste(
        &mut model,
        &mut view,
        "Leesplezier vergroten\nZelfstandig starten met rekenen",
    );
    press(&mut model, &mut view, KeyCode::Tab);
    paste(&mut model, &mut view, "Fatima Benali (IB)");
    press(&mut model, &mut view, KeyCode::Tab);
    paste(&mut model, &mut view, "+6w");
    press(&mut model, &mut view, KeyCode::Tab);
    paste(&mut model, &mut view, "Ouders stemmen in met het plan.");
    press(&mut model, &mut view, KeyCode::BackTab);
    (model, view)
}

fn screen(model: &Model, view: &View, width: u16, height: u16) -> String {
    draw_view(model, view, width, height, theme::DEFAULT)
        .backend()
        .to_string()
}

#[test]
fn the_box_with_focus_has_a_thick_border_in_every_theme() {
    let (model, view) = circles_open(Lang::Nl);
    for name in theme::builtin_names() {
        let terminal = draw_view(&model, &view, 160, 48, name);
        let thick = terminal
            .backend()
            .buffer()
            .content()
            .iter()
            .filter(|cell| cell.symbol() == "┏")
            .count();
        assert_eq!(thick, 1, "{name}: one box has focus");
    }
}

#[test]
fn case_panel_with_circles_in_columns_160x48_nl() {
    let (model, mut view) = circles_open(Lang::Nl);
    view.set_form(None);
    insta::assert_snapshot!(screen(&model, &view, 160, 48));
}

#[test]
fn case_panel_with_circles_stacked_80x24_en() {
    let (model, mut view) = circles_open(Lang::En);
    view.set_form(None);
    insta::assert_snapshot!(screen(&model, &view, 80, 24));
}

#[test]
fn case_panel_in_plan_160x48_en() {
    let (model, mut view) = plan_open(Lang::En);
    view.set_form(None);
    view.set_editor(None);
    insta::assert_snapshot!(screen(&model, &view, 160, 48));
}
