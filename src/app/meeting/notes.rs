//! `e` on a case: the notes of its current phase in this meeting, in a multi-line editor; on
//! the meeting's own items (verslag, nieuwe signalen, rondvraag, sluiting) the item's free
//! notes. Every keystroke that changes the text is saved before the next frame.

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::{TextArea, WrapMode};

use crate::app::{Effect, Model, Screen, View};
use crate::domain::meeting::AgendaKind;
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

/// Items with notes of their own; the opening and the actions have lists that take the keys.
fn has_free_notes(kind: &AgendaKind) -> bool {
    !matches!(
        kind,
        AgendaKind::Opening | AgendaKind::Actions | AgendaKind::Case { .. }
    )
}

pub fn open(model: &mut Model, view: &mut View) -> Vec<Effect> {
    let Some(room) = room_on_screen(model) else {
        return Vec::new();
    };
    let existing = match room.current_case() {
        Some(brief) => brief.note_of(room.meeting.id),
        None if room
            .meeting
            .agenda
            .get(room.meeting.current_item)
            .is_some_and(|item| has_free_notes(&item.kind)) =>
        {
            room.item_note()
        }
        None => return Vec::new(),
    };
    match existing {
        Some(note) => {
            view.set_editor(Some(NoteEditor::new(note.clone())));
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
    let brief = room.current_case();
    view.set_editor(Some(NoteEditor::new(Note {
        id,
        case: brief.map(|brief| brief.case.id),
        phase: brief.map(|brief| brief.case.phase.clone()),
        meeting: Some(room.meeting.id),
        agenda_item: room.current_item_index(),
        date: model.today,
        text: String::new(),
    })));
    Vec::new()
}

pub fn key(model: &mut Model, view: &mut View, key: KeyEvent) -> Vec<Effect> {
    if key.code == KeyCode::Esc {
        view.set_editor(None);
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
    let Some(open) = view.editor_mut() else {
        return Vec::new();
    };
    change(&mut open.editor);
    let text = open.editor.lines().join("\n");
    if text == open.note.text {
        return Vec::new();
    }
    open.note.text = text;
    let note = open.note.clone();
    // The notes on screen follow the editor, so reopening it finds this note.
    let Some(room) = model.meeting.as_mut() else {
        return Vec::new();
    };
    let notes = match note.case {
        Some(case) => room.cases.get_mut(&case).map(|brief| &mut brief.notes),
        None => Some(&mut room.notes),
    };
    if let Some(notes) = notes {
        match notes.iter_mut().find(|n| n.id == note.id) {
            Some(stored) => *stored = note.clone(),
            None => notes.push(note.clone()),
        }
    }
    vec![Effect::SaveNote(Box::new(note))]
}
