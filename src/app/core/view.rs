//! Scroll, selection and what is open over the screen: screen state kept apart from the data.

use crate::app::actions as action_list;
use crate::app::core::fit::Drawn;
use crate::app::meeting::{form, notes};
use crate::app::overlay::{Overlay, OverlayKind};
use crate::app::{core, dashboard, dossier, monitoring, overlay, prepare};

/// Scroll, selection and overlays: screen state, kept apart from the data.
#[derive(Debug, Clone, Default)]
pub struct View {
    /// The start screen's list in focus and the chosen row of each.
    pub dashboard: dashboard::DashView,
    pub dossier: dossier::DossierView,
    /// What is open over the screen (the lock, the blanked screen, the help, the history, the
    /// palette, the search, the import's dry run, the notes editor and the forms, the new
    /// signal's picker, the one-line prompt), in the order they take keys.
    pub overlays: overlay::Overlays,
    /// A short message for the status line, gone at the next key.
    pub flash: Option<String>,
    /// The chosen row of a list in the meeting's item (attendance).
    pub selected: usize,
    /// How far the item in front (or the history over it) is scrolled down, when it does not
    /// fit (a case at 80x24).
    pub item_scroll: u16,
    pub prepare: prepare::PrepareView,
    pub actions: action_list::ListView,
    pub monitoring: monitoring::MonitorView,
    /// What `/` searches, read from the store at the first `/`; dropped when a write may
    /// change it.
    pub search_index: Option<std::sync::Arc<crate::query::search::SearchIndex>>,
    /// How many times a write dropped the index: an index read before the last such write
    /// may miss it, and is not taken when it arrives (`search::loaded`).
    pub search_epoch: u64,
    /// The window's size and what the last frame measured: what keys scroll and page by.
    pub fit: core::fit::Fit,
}

impl View {
    /// Takes the window's size before a frame is drawn in it.
    pub fn fit(&mut self, width: u16, height: u16) {
        self.fit = core::fit::Fit::of(width, height, std::mem::take(&mut self.fit.drawn));
    }

    /// Keeps what the frame just drawn measured, for the keys that come before the next one.
    pub fn drawn(&mut self, drawn: Drawn) {
        self.fit.drawn = drawn;
    }

    /// The overlay that takes the keys now, if any: the one place their precedence is written.
    pub fn front(&self) -> Option<OverlayKind> {
        self.overlays.front().map(Overlay::kind)
    }

    /// The notes editor, open on the case in front (alone, or as the plan form's notes).
    pub fn editor(&self) -> Option<&notes::NoteEditor> {
        self.overlays.get::<form::Editing>()?.notes.as_ref()
    }

    pub fn editor_mut(&mut self) -> Option<&mut notes::NoteEditor> {
        self.overlays.get_mut::<form::Editing>()?.notes.as_mut()
    }

    /// The circles or the plan's fields, open on the case in front.
    pub fn form(&self) -> Option<&form::Form> {
        self.overlays.get::<form::Editing>()?.form.as_ref()
    }

    /// Opens the notes editor (beside a form that is open), or closes it.
    pub fn set_editor(&mut self, notes: Option<notes::NoteEditor>) {
        let form = self.take_editing().form;
        self.put_editing(form::Editing { notes, form });
    }

    /// Opens a form (beside the notes editor that is open), or closes it.
    pub fn set_form(&mut self, form: Option<form::Form>) {
        let notes = self.take_editing().notes;
        self.put_editing(form::Editing { notes, form });
    }

    fn take_editing(&mut self) -> form::Editing {
        match self.overlays.close(OverlayKind::Editor) {
            Some(Overlay::Editor(editing)) => editing,
            _ => form::Editing::default(),
        }
    }

    /// The editing overlay is open while it holds an editor or a form.
    fn put_editing(&mut self, editing: form::Editing) {
        if editing.notes.is_some() || editing.form.is_some() {
            self.overlays.open(Overlay::Editor(editing));
        }
    }
}
