//! Changing the case on screen during a meeting: its phase (`>` `<`) and its level (`+` `-`).
//! Moving back and changing the level ask for a reason in a one-line prompt.

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::style::{Modifier, Style};
use ratatui_textarea::TextArea;

use crate::app::{Effect, Model, View, case_on_screen};
use crate::domain::phase::MoveRefused;
use crate::domain::{CaseEvent, ChangeContext, Level, Owner};
use crate::query::meeting::CaseBrief;

/// What the one-line prompt asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    PhaseBack {
        to: String,
    },
    Level {
        to: Level,
    },
    ActionText,
    ActionOwner {
        text: String,
    },
    ActionDue {
        text: String,
        owner: Owner,
    },
    /// Closing the meeting: the date of the next one (empty for none yet).
    NextMeeting,
    /// Dropping earlier action number `index`: why.
    DropAction {
        index: usize,
    },
    /// Earlier action number `index` gets another owner.
    NewOwner {
        index: usize,
    },
    /// Earlier action number `index` gets another due date.
    NewDue {
        index: usize,
    },
    /// A besluit: what was agreed.
    Decision,
    /// Why the closed meeting is opened again.
    Reopen {
        meeting: crate::domain::MeetingId,
    },
    /// Something the case's phase asks for.
    Field {
        requirement: crate::domain::phase::Requirement,
    },
    /// Planning the meeting, its agenda or its guests.
    Prepare(crate::app::prepare::Ask),
    /// The actions screen: a filter's text (empty clears it).
    ActionFilter(crate::app::actions::FilterField),
    /// The actions screen: action `id` gets another due date.
    ActionListDue {
        id: crate::domain::ActionId,
    },
    /// Who is using otter: a member's name, for "my actions".
    Me,
    /// The path of a file of pupils to import.
    ImportFile,
    /// The parents' consent of the case on screen: ja, nee or anoniem.
    Consent,
    /// Erasing the `count` cases past retention: "ja" to confirm.
    EraseExpired {
        count: usize,
    },
    /// The date of a meeting opened on another day than planned.
    Held(crate::app::meeting::held::Ask),
    /// Putting a mistake right in the meeting.
    Correct(crate::app::meeting::undo::Ask),
}

#[derive(Debug, Clone)]
pub struct Prompt {
    pub ask: Ask,
    pub editor: TextArea<'static>,
}

impl Prompt {
    pub fn new(ask: Ask) -> Prompt {
        Prompt {
            ask,
            editor: TextArea::default(),
        }
    }

    /// A question whose answer starts from what is there now, selected: typing replaces it,
    /// an arrow key keeps it to change a little.
    pub fn prefilled(ask: Ask, current: String) -> Prompt {
        let mut editor = TextArea::new(vec![current]);
        editor.set_selection_style(Style::new().add_modifier(Modifier::REVERSED));
        editor.select_all();
        Prompt { ask, editor }
    }

    pub fn text(&self) -> String {
        self.editor.lines().join(" ").trim().to_string()
    }
}

pub fn next_phase(model: &mut Model, view: &mut View) -> Vec<Effect> {
    let t = model.lang.texts();
    let phases = model.phases.clone();
    let Some(brief) = case_on_screen(model) else {
        return Vec::new();
    };
    let Some(to) = phases.next(&brief.case.phase).map(|p| p.id().to_string()) else {
        view.flash = Some(t.flash_last_phase.to_string());
        return Vec::new();
    };
    record_phase(model, view, &to, String::new())
}

pub fn previous_phase(model: &mut Model, view: &mut View) -> Vec<Effect> {
    let t = model.lang.texts();
    let phases = model.phases.clone();
    let Some(brief) = case_on_screen(model) else {
        return Vec::new();
    };
    match phases.previous(&brief.case.phase) {
        Some(to) => {
            view.prompt = Some(Prompt::new(Ask::PhaseBack {
                to: to.id().to_string(),
            }))
        }
        None => view.flash = Some(t.flash_first_phase.to_string()),
    }
    Vec::new()
}

pub fn level(model: &mut Model, view: &mut View, up: bool) -> Vec<Effect> {
    let t = model.lang.texts();
    let Some(brief) = case_on_screen(model) else {
        return Vec::new();
    };
    let to = if up {
        brief.case.level.up()
    } else {
        brief.case.level.down()
    };
    match to {
        Some(to) => view.prompt = Some(Prompt::new(Ask::Level { to })),
        None => view.flash = Some(t.flash_level_limit.to_string()),
    }
    Vec::new()
}

/// A key while the prompt is open: typed into it, or Enter to confirm, Esc to cancel.
pub fn prompt_key(model: &mut Model, view: &mut View, key: KeyEvent) -> Vec<Effect> {
    let Some(prompt) = view.prompt.as_mut() else {
        return Vec::new();
    };
    match key.code {
        KeyCode::Esc => {
            view.prompt = None;
            Vec::new()
        }
        KeyCode::Enter => {
            let answer = prompt.text();
            let ask = prompt.ask.clone();
            let is_reason = matches!(
                ask,
                Ask::PhaseBack { .. }
                    | Ask::Level { .. }
                    | Ask::DropAction { .. }
                    | Ask::Reopen { .. }
            );
            if is_reason && answer.is_empty() {
                view.flash = Some(model.lang.texts().flash_reason_needed.to_string());
                return Vec::new();
            }
            view.prompt = None;
            let typed = answer.clone();
            let effects = match ask.clone() {
                Ask::NextMeeting => crate::app::meeting::close::answer(model, view, &answer),
                Ask::PhaseBack { to } => record_phase(model, view, &to, answer),
                Ask::Level { to } => record_level(model, to, answer),
                Ask::DropAction { index } => {
                    crate::app::meeting::review::drop_with(model, index, answer)
                }
                Ask::NewOwner { .. } | Ask::NewDue { .. } => {
                    crate::app::meeting::review::change_with(model, view, ask.clone(), answer)
                }
                Ask::Decision => crate::app::meeting::decision::record(model, view, answer),
                Ask::Reopen { meeting } => vec![Effect::ReopenMeeting(meeting, answer)],
                Ask::Field { requirement } => {
                    crate::app::meeting::fields::answer(model, view, requirement, answer)
                }
                Ask::Prepare(ask) => crate::app::prepare::answer(model, view, ask, answer),
                Ask::Held(ask) => crate::app::meeting::held::answer(model, view, ask, &answer),
                Ask::ActionFilter(_) | Ask::ActionListDue { .. } => {
                    crate::app::actions::answer(model, view, ask.clone(), answer)
                }
                Ask::Me => crate::app::dashboard::answer_me(model, view, answer),
                Ask::ImportFile => crate::app::overlay::import::answer(&answer),
                Ask::Consent => crate::app::meeting::consent::answer(model, view, &answer),
                Ask::EraseExpired { .. } => {
                    crate::app::admin::retention::answer(model, view, &answer)
                }
                Ask::Correct(ask) => crate::app::meeting::undo::answer(model, view, ask, &answer),
                other => crate::app::meeting::new_action::answer(model, view, other, answer),
            };
            // Whichever question refused the answer asks again with what was typed there to
            // correct, not an empty line.
            if let Some(again) = view.prompt.as_mut()
                && again.ask == ask
                && again.text().is_empty()
            {
                *again = Prompt::prefilled(ask, typed);
            }
            effects
        }
        _ => {
            prompt.editor.input(key);
            Vec::new()
        }
    }
}

/// A pasted text in a one-line answer: its lines joined with spaces.
pub fn paste(view: &mut View, text: &str) -> Vec<Effect> {
    if let Some(prompt) = view.prompt.as_mut() {
        let line: Vec<&str> = text.split_whitespace().collect();
        prompt.editor.insert_str(line.join(" "));
    }
    Vec::new()
}

pub(crate) fn change_context(model: &mut Model, reason: String) -> Option<ChangeContext> {
    let meeting = model.meeting.as_ref().map(|room| room.meeting.id);
    let date = model.meeting_day();
    let seq = case_on_screen(model)?.next_seq();
    Some(ChangeContext {
        seq,
        date,
        meeting,
        reason,
    })
}

/// Moves the case in front to phase `to` when the phase model allows it (forwards with what
/// the phases ask recorded, backwards with a reason), else says why not.
fn record_phase(model: &mut Model, view: &mut View, to: &str, reason: String) -> Vec<Effect> {
    let t = model.lang.texts();
    let closes = model.phases.is_final(to);
    let phases = model.phases.clone();
    let Some(brief) = case_on_screen(model) else {
        return Vec::new();
    };
    match phases.check_move(&brief.case, &brief.own_actions, to, &reason) {
        Ok(()) => {}
        Err(MoveRefused::Missing(missing)) => {
            let names: Vec<&str> = missing.iter().map(|r| t.requirement(*r)).collect();
            view.flash = Some((t.flash_missing)(&names.join(", ")));
            return Vec::new();
        }
        Err(MoveRefused::ReasonRequired) => {
            view.flash = Some(t.flash_reason_needed.to_string());
            return Vec::new();
        }
        Err(
            MoveRefused::UnknownPhase(_) | MoveRefused::AlreadyThere | MoveRefused::NoEarlyExit,
        ) => return Vec::new(),
    }
    let Some(at) = change_context(model, reason) else {
        return Vec::new();
    };
    let Some(brief) = case_on_screen(model) else {
        return Vec::new();
    };
    let event = brief.case.move_to_phase(to, closes, at);
    after_change(brief, &phases, &event);
    vec![Effect::SaveCaseChange(Box::new((
        brief.case.clone(),
        event,
    )))]
}

fn record_level(model: &mut Model, to: Level, reason: String) -> Vec<Effect> {
    let phases = model.phases.clone();
    let Some(at) = change_context(model, reason) else {
        return Vec::new();
    };
    let Some(brief) = case_on_screen(model) else {
        return Vec::new();
    };
    let event = brief.case.change_level(to, at);
    after_change(brief, &phases, &event);
    vec![Effect::SaveCaseChange(Box::new((
        brief.case.clone(),
        event,
    )))]
}

pub(crate) fn after_change(
    brief: &mut CaseBrief,
    phases: &crate::domain::PhaseModel,
    event: &CaseEvent,
) {
    brief.events.push(event.clone());
    brief.recheck(phases);
}
