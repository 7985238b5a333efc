//! `e` on a case: the notes of its current phase in this meeting, in a multi-line editor.
//! Every keystroke that changes the text is saved before the next frame.

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::{TextArea, WrapMode};

use super::{Effect, Model, Screen, View};
use crate::domain::{Note, NoteId};

#[derive(Debug, Clone)]
pub struct NoteEditor {
    pub note: Note,
    pub editor: TextArea<'static>,
}

impl NoteEditor {
    fn new(note: Note) -> NoteEditor {
        let mut editor = TextArea::new(note.text.lines().map(str::to_string).collect());
        editor.set_wrap_mode(WrapMode::WordOrGlyph);
        editor.move_cursor(ratatui_textarea::CursorMove::Bottom);
        editor.move_cursor(ratatui_textarea::CursorMove::End);
        NoteEditor { note, editor }
    }
}

/// The meeting, when its screen is in front.
fn room_on_screen(model: &Model) -> Option<&crate::query::meeting::MeetingRoom> {
    (model.screen == Screen::Meeting).then_some(model.meeting.as_ref()?)
}

pub fn open(model: &mut Model, view: &mut View) -> Vec<Effect> {
    let Some(room) = room_on_screen(model) else {
        return Vec::new();
    };
    let Some(brief) = room.current_case() else {
        return Vec::new();
    };
    match brief.note_of(room.meeting.id) {
        Some(note) => {
            view.editor = Some(NoteEditor::new(note.clone()));
            Vec::new()
        }
        // A new note needs a number from the store first.
        None => vec![Effect::NewNote],
    }
}

/// The store gave the new note its number.
pub fn ready(model: &mut Model, view: &mut View, id: NoteId) -> Vec<Effect> {
    let Some(room) = room_on_screen(model) else {
        return Vec::new();
    };
    let Some(brief) = room.current_case() else {
        return Vec::new();
    };
    view.editor = Some(NoteEditor::new(Note {
        id,
        case: Some(brief.case.id),
        phase: Some(brief.case.phase.clone()),
        meeting: Some(room.meeting.id),
        agenda_item: room.current_item_index(),
        date: model.today,
        text: String::new(),
    }));
    Vec::new()
}

pub fn key(model: &mut Model, view: &mut View, key: KeyEvent) -> Vec<Effect> {
    if key.code == KeyCode::Esc {
        view.editor = None;
        return Vec::new();
    }
    edit(model, view, |editor| {
        editor.input(key);
    })
}

/// A pasted text arrives whole, and is saved once.
pub fn paste(model: &mut Model, view: &mut View, text: &str) -> Vec<Effect> {
    edit(model, view, |editor| {
        editor.insert_str(text);
    })
}

fn edit(
    model: &mut Model,
    view: &mut View,
    change: impl FnOnce(&mut TextArea<'static>),
) -> Vec<Effect> {
    let Some(open) = view.editor.as_mut() else {
        return Vec::new();
    };
    change(&mut open.editor);
    let text = open.editor.lines().join("\n");
    if text == open.note.text {
        return Vec::new();
    }
    open.note.text = text;
    let note = open.note.clone();
    // The case's notes on screen follow the editor, so reopening it finds this note.
    if let Some(brief) = model
        .meeting
        .as_mut()
        .and_then(|room| note.case.and_then(|case| room.cases.get_mut(&case)))
    {
        match brief.notes.iter_mut().find(|n| n.id == note.id) {
            Some(stored) => *stored = note.clone(),
            None => brief.notes.push(note.clone()),
        }
    }
    vec![Effect::SaveNote(Box::new(note))]
}
