//! `s`: a new signal raised in the meeting. The chair picks the pupil by a few letters, types
//! the hulpvraag, and a case opens in the model's first phase: written with its first event
//! and the agenda item that puts it on screen, all at once or not at all.

use chrono::{NaiveDate, NaiveDateTime};
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

use crate::app::{Effect, Model, Overlay, OverlayKind, Screen, View};
use crate::domain::meeting::{AgendaItem, AgendaKind, CASE_TIMEBOX_MINUTES};
use crate::domain::{Case, CaseEvent, CaseId, EventKind, Meeting, Pseudonym, PupilId};
use crate::query::meeting::CaseBrief;
use crate::query::pick::{PupilMatch, PupilPicker};

/// Names shown at most: enough to tell a few namesakes apart, few enough for a shared screen.
pub const SHOWN: usize = 5;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Pupil,
    Question(PupilMatch),
}

/// The overlay: a query and the pupils it finds, then the hulpvraag for the one picked.
#[derive(Debug, Clone)]
pub struct Picker {
    pupils: PupilPicker,
    pub step: Step,
    /// The query, then the hulpvraag.
    pub editor: TextArea<'static>,
    pub shown: Vec<PupilMatch>,
    pub chosen: usize,
}

impl Picker {
    fn text(&self) -> String {
        self.editor.lines().join(" ").trim().to_string()
    }

    /// Whether enough is typed to look for names; before that none are shown.
    pub fn searching(&self) -> bool {
        crate::query::pick::long_enough(&self.text())
    }
}

/// A case to open, short of its number (the store gives it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSignal {
    pupil: PupilId,
    question: String,
    phase: String,
    today: NaiveDate,
    now: NaiveDateTime,
    meeting: Meeting,
}

impl NewSignal {
    /// The case, its `Opened` event, and the meeting with the case on its agenda and in front.
    pub fn numbered(self, number: (CaseId, Pseudonym)) -> (Case, CaseEvent, Meeting) {
        let id = number.0;
        let case = Case::signal(number, self.pupil, self.question, self.phase, self.today);
        let mut meeting = self.meeting;
        let event = CaseEvent {
            case: id,
            seq: 0,
            date: self.today,
            meeting: Some(meeting.id),
            reason: String::new(),
            kind: EventKind::Opened,
        };
        put_on_agenda(&mut meeting, id, self.now);
        (case, event, meeting)
    }
}

/// After the Nieuwe signalen item and the signals already raised under it, so they keep the
/// order they came in; after the item in front when the agenda has no such item.
fn put_on_agenda(meeting: &mut Meeting, case: CaseId, now: NaiveDateTime) {
    let agenda = &meeting.agenda;
    let at = match agenda.iter().position(|i| i.kind == AgendaKind::NewSignals) {
        Some(signals) => {
            let raised = agenda[signals + 1..]
                .iter()
                .take_while(|i| matches!(i.kind, AgendaKind::Case { .. }))
                .count();
            signals + 1 + raised
        }
        None => meeting.current_item + 1,
    }
    .min(agenda.len());
    let item = AgendaItem::new(AgendaKind::Case { case }, CASE_TIMEBOX_MINUTES);
    meeting.agenda.insert(at, item);
    if at <= meeting.current_item {
        meeting.current_item += 1;
    }
    meeting.go_to(at, now);
}

/// The pupils are read first; `ready` opens the overlay.
pub fn start(model: &Model) -> Vec<Effect> {
    if model.screen == Screen::Meeting && model.meeting.is_some() {
        vec![Effect::LoadPupils]
    } else {
        Vec::new()
    }
}

pub fn ready(view: &mut View, pupils: PupilPicker) -> Vec<Effect> {
    view.overlays.open(Overlay::Picker(Picker {
        pupils,
        step: Step::Pupil,
        editor: TextArea::default(),
        shown: Vec::new(),
        chosen: 0,
    }));
    Vec::new()
}

/// A key while the overlay is open: typed, Up and Down to choose, Enter to go on, Esc to stop.
pub fn key(model: &mut Model, view: &mut View, key: KeyEvent) -> Vec<Effect> {
    let t = model.lang.texts();
    let Some(picker) = view.overlays.get_mut::<Picker>() else {
        return Vec::new();
    };
    match (key.code, &picker.step) {
        (KeyCode::Esc, _) => {
            view.overlays.close(OverlayKind::Picker);
        }
        (KeyCode::Down, Step::Pupil) => {
            picker.chosen = (picker.chosen + 1).min(picker.shown.len().saturating_sub(1));
        }
        (KeyCode::Up, Step::Pupil) => picker.chosen = picker.chosen.saturating_sub(1),
        (KeyCode::Enter, Step::Pupil) => match picker.shown.get(picker.chosen) {
            Some(pupil) => {
                picker.step = Step::Question(pupil.clone());
                picker.editor = TextArea::default();
            }
            None => view.flash = Some(t.picker_type_more.to_string()),
        },
        (KeyCode::Enter, Step::Question(pupil)) => {
            let question = picker.text();
            if question.is_empty() {
                view.flash = Some(t.flash_question_needed.to_string());
                return Vec::new();
            }
            let Some(room) = model.meeting.as_ref() else {
                return Vec::new();
            };
            return vec![Effect::OpenSignal(Box::new(NewSignal {
                pupil: pupil.id,
                question,
                phase: model.phases.first().id().to_string(),
                today: model.today,
                now: model.now,
                meeting: room.meeting.clone(),
            }))];
        }
        _ => {
            picker.editor.input(key);
            refresh(picker);
        }
    }
    Vec::new()
}

/// Pasted text goes into the line, on one line.
pub fn paste(view: &mut View, text: &str) -> Vec<Effect> {
    if let Some(picker) = view.overlays.get_mut::<Picker>() {
        picker.editor.insert_str(text.replace(['\r', '\n'], " "));
        refresh(picker);
    }
    Vec::new()
}

fn refresh(picker: &mut Picker) {
    if picker.step == Step::Pupil {
        picker.shown = picker.pupils.matches(&picker.text(), SHOWN);
        picker.chosen = 0;
    }
}

/// The store wrote it: the case is on the agenda and in front.
pub fn opened(
    model: &mut Model,
    view: &mut View,
    brief: CaseBrief,
    meeting: Meeting,
) -> Vec<Effect> {
    let Some(room) = model.meeting.as_mut() else {
        return Vec::new();
    };
    let phase = model.phases.name(&brief.case.phase, model.lang);
    view.flash = Some((model.lang.texts().flash_signal_opened)(phase));
    room.cases.insert(brief.case.id, brief);
    room.meeting = meeting;
    view.overlays.close(OverlayKind::Picker);
    view.selected = 0;
    Vec::new()
}

#[cfg(test)]
mod tests;
