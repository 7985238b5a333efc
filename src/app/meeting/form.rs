//! `e` in a phase that asks for more than free text: the three circles where the phase requires
//! them (Beeldvorming), the plan's fields where it requires goals, a regiehouder or an
//! evaluation date (Plan), and in the phases after it that may still correct them
//! (`PhaseModel::correctable`: Uitvoering, Evaluatie). The phase model decides, not the
//! phase's name, so a school that renames its phases keeps its forms. Every other phase gets
//! the plain notes editor.

use ratatui::crossterm::event::KeyEvent;
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use crate::app::core::model::case_on_screen;
use crate::app::meeting::circles::CirclesEditor;
use crate::app::meeting::notes;
use crate::app::meeting::plan::PlanForm;
use crate::app::{Effect, Model, View};
use crate::domain::phase::Requirement;
use crate::domain::{Case, CaseId, NoteId, PhaseModel};

/// What is being typed on the case in front: the notes editor, a form, or the plan's form with
/// the notes editor beside it as its notes. One overlay (`Overlay::Editor`), open while it
/// holds either.
#[derive(Debug, Clone, Default)]
pub struct Editing {
    pub notes: Option<notes::NoteEditor>,
    pub form: Option<Form>,
}

#[derive(Debug, Clone)]
pub enum Form {
    Circles(CirclesEditor),
    /// Boxed: four text boxes make it much larger than the circles' list.
    Plan(Box<PlanForm>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Circles,
    Plan,
}

/// The form of a phase, from what the phase asks.
pub fn kind_of(phases: &PhaseModel, phase: &str) -> Option<Kind> {
    let asks = phases.asks(phase);
    let plan = [
        Requirement::Goal,
        Requirement::Regiehouder,
        Requirement::EvaluationDate,
    ];
    if asks.contains(&Requirement::Circles) {
        Some(Kind::Circles)
    } else if asks.iter().any(|r| plan.contains(r)) || !phases.correctable(phase).is_empty() {
        Some(Kind::Plan)
    } else {
        None
    }
}

pub fn open(model: &mut Model, view: &mut View) -> Vec<Effect> {
    // The meeting's own items have free notes.
    let Some(brief) = case_on_screen(model) else {
        return notes::open(model, view);
    };
    let case = brief.case.clone();
    match kind_of(&model.phases, &case.phase) {
        Some(Kind::Circles) => {
            view.set_form(Some(Form::Circles(CirclesEditor::new(&case))));
            return Vec::new();
        }
        Some(Kind::Plan) if !model.phases.correctable(&case.phase).is_empty() => {
            view.set_form(Some(Form::Plan(Box::new(PlanForm::to_correct(&case)))));
        }
        Some(Kind::Plan) => view.set_form(Some(Form::Plan(Box::new(PlanForm::new(&case))))),
        None => {}
    }
    // The plan's notes are the phase notes, in the notes editor itself.
    notes::open(model, view)
}

pub fn key(model: &mut Model, view: &mut View, key: KeyEvent) -> Vec<Effect> {
    match view.form() {
        Some(Form::Circles(_)) => crate::app::meeting::circles::key(model, view, key),
        Some(Form::Plan(_)) => crate::app::meeting::plan::key(model, view, key),
        None => notes::key(model, view, key),
    }
}

/// Terminals (tmux among them) paste line breaks as carriage returns; the editors break lines
/// only at `\n` and would keep a lone `\r` as an invisible character in the text.
pub fn paste(model: &mut Model, view: &mut View, text: &str) -> Vec<Effect> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    match view.form() {
        Some(Form::Circles(_)) => crate::app::meeting::circles::paste(model, view, &text),
        Some(Form::Plan(_)) => crate::app::meeting::plan::paste(model, view, &text),
        None => notes::paste(model, view, &text),
    }
}

/// A new note of the plan form starts as a field without focus.
pub fn note_ready(model: &mut Model, view: &mut View, id: NoteId) -> Vec<Effect> {
    let effects = notes::ready(model, view, id);
    if let Some(Editing {
        notes: Some(open),
        form: Some(Form::Plan(form)),
    }) = view.overlays.get_mut::<Editing>()
    {
        show_focus(
            &mut open.editor,
            form.focus == crate::app::meeting::plan::Field::Notes,
        );
    }
    effects
}

/// The open form, to type into.
pub(super) fn form_mut(view: &mut View) -> Option<&mut Form> {
    view.overlays.get_mut::<Editing>()?.form.as_mut()
}

/// A box of a form, its cursor at the end of what is there.
pub(super) fn text_box(text: &str) -> TextArea<'static> {
    let mut editor = TextArea::new(text.lines().map(str::to_string).collect());
    editor.set_wrap_mode(WrapMode::WordOrGlyph);
    editor.move_cursor(CursorMove::Bottom);
    editor.move_cursor(CursorMove::End);
    editor
}

/// Only the box with focus shows a cursor, so the eye finds where typing goes.
pub(super) fn show_focus(editor: &mut TextArea<'static>, focused: bool) {
    if focused {
        editor.set_cursor_style(Style::default().add_modifier(Modifier::REVERSED));
        editor.set_cursor_line_style(Style::default().add_modifier(Modifier::UNDERLINED));
    } else {
        editor.set_cursor_style(Style::default());
        editor.set_cursor_line_style(Style::default());
    }
}

/// Applies `change` to the case of a form and, when it changed anything, saves the case and
/// recomputes what its phase still needs (so `>` may move it on).
pub(super) fn save_case(
    model: &mut Model,
    case: CaseId,
    change: impl FnOnce(&mut Case) -> bool,
) -> Vec<Effect> {
    let Some(brief) = model
        .meeting
        .as_mut()
        .and_then(|room| room.cases.get_mut(&case))
    else {
        return Vec::new();
    };
    let before = brief.case.clone();
    if !change(&mut brief.case) {
        return Vec::new();
    }
    brief.recheck(&model.phases);
    let fields = brief.case.fields_changed_from(&before);
    let mut effects = vec![Effect::SaveCase(Box::new(brief.case.clone()))];
    effects.extend(crate::app::meeting::mark_changed(model, case, &fields));
    effects
}
