//! Beeldvorming's three circles side by side (kind, onderwijs, opvoeding), each with what goes
//! well (+), what worries (−) and what is unknown (?): nine boxes, Tab walks them. Every
//! keystroke that changes a box saves the case.

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

use crate::app::meeting::form::{Form, form_mut, save_case, show_focus, text_box};
use crate::app::overlay::InOverlay;
use crate::app::{Effect, Model, View};
use crate::domain::{Case, CaseId};

/// Three circles of three parts.
pub const BOXES: usize = 9;

#[derive(Debug, Clone)]
pub struct CirclesEditor {
    pub case: CaseId,
    /// Circle by circle, each + − ?: the order Tab walks, down a column and on to the next.
    pub boxes: Vec<TextArea<'static>>,
    pub focus: usize,
}

impl CirclesEditor {
    pub fn new(case: &Case) -> CirclesEditor {
        let boxes = case
            .circles
            .circles()
            .into_iter()
            .flat_map(|circle| circle.parts())
            .map(|text| text_box(text))
            .collect();
        let mut editor = CirclesEditor {
            case: case.id,
            boxes,
            focus: 0,
        };
        editor.focus_on(0);
        editor
    }

    fn focus_on(&mut self, index: usize) {
        self.focus = index;
        for (at, text) in self.boxes.iter_mut().enumerate() {
            show_focus(text, at == index);
        }
    }
}

pub fn key(model: &mut Model, view: &mut View, key: KeyEvent) -> Vec<Effect> {
    if key.code == KeyCode::Esc {
        view.set_form(None);
        return Vec::new();
    }
    let Some(Form::Circles(editor)) = form_mut(view) else {
        return Vec::new();
    };
    match key.code {
        _ if InOverlay::NextField.takes(key) => {
            editor.focus_on((editor.focus + 1) % BOXES);
            Vec::new()
        }
        _ if InOverlay::PreviousField.takes(key) => {
            editor.focus_on((editor.focus + BOXES - 1) % BOXES);
            Vec::new()
        }
        _ => {
            editor.boxes[editor.focus].input(key);
            save(model, editor)
        }
    }
}

/// A pasted text goes into the box with focus, whole, and is saved once.
pub fn paste(model: &mut Model, view: &mut View, text: &str) -> Vec<Effect> {
    let Some(Form::Circles(editor)) = form_mut(view) else {
        return Vec::new();
    };
    editor.boxes[editor.focus].insert_str(text);
    save(model, editor)
}

fn save(model: &mut Model, editor: &CirclesEditor) -> Vec<Effect> {
    let index = editor.focus;
    let text = editor.boxes[index].lines().join("\n");
    save_case(model, editor.case, |case| {
        let circle = case.circles.circles_mut().into_iter().nth(index / 3);
        let Some(part) = circle.and_then(|c| c.parts_mut().into_iter().nth(index % 3)) else {
            return false;
        };
        if *part == text {
            return false;
        }
        *part = text;
        true
    })
}

#[cfg(test)]
pub(crate) mod tests;
