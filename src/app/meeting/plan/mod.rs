//! The Plan phase's own fields: goals (one per line), the regiehouder and the evaluation date,
//! beside the phase notes (the notes editor itself, in `View::editor`). Tab walks the fields;
//! every change is saved at once.

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

use crate::app::OverlayKind;
use crate::app::meeting::form::{Editing, Form, form_mut, save_case, show_focus, text_box};
use crate::app::meeting::notes;
use crate::app::overlay::InOverlay;
use crate::app::{Effect, Model, View};
use crate::domain::dates::{DateContext, DateError, format_date, parse_date};
use crate::domain::{Case, CaseId};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Goals,
    Regiehouder,
    Evaluation,
    Notes,
}

/// The order Tab walks.
pub const FIELDS: [Field; 4] = [
    Field::Goals,
    Field::Regiehouder,
    Field::Evaluation,
    Field::Notes,
];

#[derive(Debug, Clone)]
pub struct PlanForm {
    pub case: CaseId,
    pub goals: TextArea<'static>,
    pub regiehouder: TextArea<'static>,
    /// What is typed stays here, also when it is not (yet) a date.
    pub evaluation: TextArea<'static>,
    /// The date the box reads now, if it reads as one.
    pub parsed: Option<NaiveDate>,
    pub focus: Field,
}

impl PlanForm {
    pub fn new(case: &Case) -> PlanForm {
        let mut form = PlanForm {
            case: case.id,
            goals: text_box(&case.goals.join("\n")),
            regiehouder: text_box(&case.regiehouder),
            evaluation: text_box(&case.evaluation_date.map(format_date).unwrap_or_default()),
            parsed: case.evaluation_date,
            focus: Field::Goals,
        };
        form.focus_on(Field::Goals, None);
        form
    }

    /// The plan of a case whose plan runs (Uitvoering, Evaluatie): what is written there most
    /// is the phase's notes, so typing goes there first; Tab reaches the plan's fields.
    pub fn to_correct(case: &Case) -> PlanForm {
        let mut form = PlanForm::new(case);
        form.focus_on(Field::Notes, None);
        form
    }

    fn focus_on(&mut self, field: Field, notes: Option<&mut TextArea<'static>>) {
        self.focus = field;
        show_focus(&mut self.goals, field == Field::Goals);
        show_focus(&mut self.regiehouder, field == Field::Regiehouder);
        show_focus(&mut self.evaluation, field == Field::Evaluation);
        if let Some(notes) = notes {
            show_focus(notes, field == Field::Notes);
        }
    }

    fn one_line(&self) -> bool {
        matches!(self.focus, Field::Regiehouder | Field::Evaluation)
    }
}

pub fn key(model: &mut Model, view: &mut View, key: KeyEvent) -> Vec<Effect> {
    let Some(Form::Plan(form)) = form_mut(view) else {
        return Vec::new();
    };
    let step = match key.code {
        _ if InOverlay::NextField.takes(key) => 1,
        KeyCode::Enter if form.one_line() => 1,
        _ if InOverlay::PreviousField.takes(key) => FIELDS.len() - 1,
        KeyCode::Esc => 0,
        _ => match current_box(form) {
            Some(text) => {
                text.input(key);
                return save(model, form);
            }
            None => return notes::key(model, view, key),
        },
    };
    // Leaving the regiehouder's box picks the member the name points to, as an owner is.
    let mut effects = Vec::new();
    if form.focus == Field::Regiehouder {
        let typed = form.regiehouder.lines().join(" ");
        let members = model
            .meeting
            .as_ref()
            .map_or(&[][..], |room| &room.members[..]);
        let name = regiehouder_for(&typed, members);
        if name != typed.trim() {
            form.regiehouder = text_box(&name);
            effects = save(model, form);
        }
    }
    // Leaving the date box checks it: a text that is no date keeps the box in front, with
    // the text, so nothing typed is lost.
    if form.focus == Field::Evaluation
        && let Err(message) = read_date(model, form)
    {
        view.flash = Some(message);
        return Vec::new();
    }
    if key.code == KeyCode::Esc {
        view.overlays.close(OverlayKind::Editor);
        return effects;
    }
    let at = FIELDS.iter().position(|f| *f == form.focus).unwrap_or(0);
    let next = FIELDS[(at + step) % FIELDS.len()];
    if let Some(Editing {
        notes,
        form: Some(Form::Plan(form)),
    }) = view.overlays.get_mut::<Editing>()
    {
        form.focus_on(next, notes.as_mut().map(|open| &mut open.editor));
    }
    effects
}

/// The regiehouder as typed, or the full name of the member it names (the whole name, or the
/// start of one active member's), as an action's owner is picked.
pub fn regiehouder_for(typed: &str, members: &[crate::domain::Member]) -> String {
    if typed.trim().is_empty() {
        return String::new();
    }
    match crate::app::meeting::new_action::owner_for(typed, members) {
        crate::domain::Owner::Member(id) => members
            .iter()
            .find(|m| m.id == id)
            .map_or_else(|| typed.trim().to_string(), |m| m.name.clone()),
        crate::domain::Owner::Other(_) => typed.trim().to_string(),
    }
}

/// A pasted text goes into the field with focus, whole; a one-line field takes it as one line.
pub fn paste(model: &mut Model, view: &mut View, text: &str) -> Vec<Effect> {
    let Some(Form::Plan(form)) = form_mut(view) else {
        return Vec::new();
    };
    let text = if form.one_line() {
        text.lines().collect::<Vec<_>>().join(" ")
    } else {
        text.to_string()
    };
    match current_box(form) {
        Some(field) => {
            field.insert_str(text);
            save(model, form)
        }
        None => notes::paste(model, view, &text),
    }
}

/// The box of the field with focus; the notes are the notes editor's.
fn current_box(form: &mut PlanForm) -> Option<&mut TextArea<'static>> {
    match form.focus {
        Field::Goals => Some(&mut form.goals),
        Field::Regiehouder => Some(&mut form.regiehouder),
        Field::Evaluation => Some(&mut form.evaluation),
        Field::Notes => None,
    }
}

fn save(model: &mut Model, form: &mut PlanForm) -> Vec<Effect> {
    match form.focus {
        Field::Goals => {
            let goals: Vec<String> = form
                .goals
                .lines()
                .iter()
                .map(|line| line.trim())
                .filter(|line| !line.is_empty())
                .map(str::to_string)
                .collect();
            save_case(model, form.case, |case| {
                let changed = case.goals != goals;
                case.goals = goals;
                changed
            })
        }
        Field::Regiehouder => {
            let name = form.regiehouder.lines().join(" ").trim().to_string();
            save_case(model, form.case, |case| {
                let changed = case.regiehouder != name;
                case.regiehouder = name;
                changed
            })
        }
        // A date is saved as soon as the text reads as one; while it does not (half typed),
        // the last date read stays until the box is left.
        Field::Evaluation => read_date(model, form).unwrap_or_default(),
        Field::Notes => Vec::new(),
    }
}

/// Reads the date box and saves what it says (an empty box: no date); the message of a text
/// that is no date.
fn read_date(model: &mut Model, form: &mut PlanForm) -> Result<Vec<Effect>, String> {
    let text = form.evaluation.lines().join(" ");
    let context = DateContext {
        today: model.today,
        next_meeting: model.meeting.as_ref().and_then(|r| r.next_ot()),
    };
    let day = if text.trim().is_empty() {
        None
    } else {
        match parse_date(&text, context) {
            Ok(day) => Some(day),
            Err(err) => {
                form.parsed = None;
                let t = model.lang.texts();
                return Err(match err {
                    DateError::NoNextMeeting => t.flash_no_next_meeting.to_string(),
                    _ => (t.flash_date_kept)(text.trim()),
                });
            }
        }
    };
    form.parsed = day;
    Ok(save_case(model, form.case, |case| {
        let changed = case.evaluation_date != day;
        case.evaluation_date = day;
        changed
    }))
}

#[cfg(test)]
mod tests;
