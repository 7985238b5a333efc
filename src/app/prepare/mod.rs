//! Preparing the OT (BRIEF §2): plan a meeting or open the next planned one, shape its agenda
//! (order, timeboxes, the proposed cases) and say who comes. Every change is saved at once.
//! Two panes: the agenda and the participants; `Tab` switches, `j`/`k` choose in the one in
//! focus, and the agenda's own keys work whichever pane has it.

mod agenda;
mod plan;
pub mod team;

use chrono::{NaiveDate, NaiveTime};

use crate::app::overlay::prompt::Prompt;
use crate::app::{Command, Effect, Model, Overlay, Screen, View};
use crate::domain::MeetingKind;
use crate::domain::dates::format_day;
use crate::i18n::{Lang, Texts};
use crate::query::prepare::Preparation;

/// What the one-line prompt asks while preparing.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Ask {
    Date,
    Time { date: NaiveDate },
    Place { date: NaiveDate, time: NaiveTime },
    ItemTitle,
    GuestName,
    GuestRole { name: String },
}

impl Ask {
    /// A guest's role is asked with their name already typed.
    pub fn carries_typing(&self) -> bool {
        matches!(self, Ask::GuestRole { .. })
    }
}

/// The question of a preparation prompt.
pub fn question(ask: &Ask, lang: Lang) -> String {
    let t = lang.texts();
    match ask {
        Ask::Date => t.prompt_plan_date.to_string(),
        Ask::Time { date } => (t.prompt_plan_time)(&format_day(*date, lang)),
        Ask::Place { .. } => t.prompt_plan_place.to_string(),
        Ask::ItemTitle => t.prompt_item_title.to_string(),
        Ask::GuestName => t.prompt_guest_name.to_string(),
        Ask::GuestRole { name } => (t.prompt_guest_role)(name),
    }
}

/// Why a change is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The opening and the closing stay where they are.
    Fixed,
    NothingProposed,
    /// The roll call takes a list without members for one nobody prepared.
    LastInvited,
}

impl Refusal {
    pub fn text(self, t: &Texts) -> &'static str {
        match self {
            Refusal::Fixed => t.flash_fixed_item,
            Refusal::NothingProposed => t.flash_no_proposals,
            Refusal::LastInvited => t.flash_last_invited,
        }
    }
}

/// The chosen rows of both panes, and which pane has the keys.
#[derive(Debug, Clone, Copy, Default)]
pub struct PrepareView {
    pub item: usize,
    pub person: usize,
    pub on_team: bool,
    /// The date, time and place asked are this meeting's new ones, not a new meeting's.
    pub rescheduling: bool,
}

/// The store found the next planned meeting, or none: then planning one starts at once.
pub fn loaded(model: &mut Model, view: &mut View) -> Vec<Effect> {
    model.screen = Screen::Prepare;
    view.prepare = PrepareView::default();
    // A meeting found comes with who is invited (`query::prepare::load`).
    if model.prepare.is_none() {
        ask(view, Ask::Date);
    }
    Vec::new()
}

pub fn act(model: &mut Model, view: &mut View, command: Command) -> Vec<Effect> {
    if model.screen != Screen::Prepare {
        return Vec::new();
    }
    if command == Command::PlanMeeting {
        view.prepare.rescheduling = false;
        ask(view, Ask::Date);
        return Vec::new();
    }
    if command == Command::Reschedule {
        if let Some(preparation) = model.prepare.as_ref() {
            view.prepare.rescheduling = true;
            let current = preparation.meeting.date.format("%d-%m-%Y").to_string();
            view.overlays
                .open(Overlay::Prompt(Prompt::prefilled(Ask::Date, current)));
        }
        return Vec::new();
    }
    let t = model.lang.texts();
    let Some(preparation) = model.prepare.as_mut() else {
        return Vec::new();
    };
    let state = &mut view.prepare;
    let changed = match command {
        Command::SwitchPane => {
            state.on_team = !state.on_team;
            Ok(false)
        }
        Command::ToggleInvited if !state.on_team => {
            state.on_team = true;
            Ok(false)
        }
        Command::ToggleInvited => team::toggle(preparation, state),
        Command::AddGuest => {
            ask(view, Ask::GuestName);
            Ok(false)
        }
        Command::AddItem => {
            ask(view, Ask::ItemTitle);
            Ok(false)
        }
        // Only the name changes: a vooroverleg has the same agenda and roll call, and its
        // header and minutes say which meeting it was.
        Command::ToggleVooroverleg => {
            let meeting = &mut preparation.meeting;
            meeting.kind = match meeting.kind {
                MeetingKind::Regular => MeetingKind::Vooroverleg,
                MeetingKind::Vooroverleg => MeetingKind::Regular,
            };
            view.flash = Some((t.flash_meeting_kind)(t.meeting_kind(meeting.kind)));
            Ok(true)
        }
        other => agenda::change(preparation, state, other),
    };
    let changed = changed.unwrap_or_else(|refusal| {
        view.flash = Some(refusal.text(t).to_string());
        false
    });
    if changed {
        save(preparation)
    } else {
        Vec::new()
    }
}

/// `j`/`k`: the row in the pane in focus.
pub fn select(model: &Model, view: &mut View, down: bool) -> Vec<Effect> {
    let Some(preparation) = model.prepare.as_ref() else {
        return Vec::new();
    };
    let state = &mut view.prepare;
    let (row, rows) = if state.on_team {
        (&mut state.person, team::rows(preparation).len())
    } else {
        (&mut state.item, preparation.meeting.agenda.len())
    };
    *row = if down {
        (*row + 1).min(rows.saturating_sub(1))
    } else {
        row.saturating_sub(1)
    };
    Vec::new()
}

/// `Enter`: the meeting prepared here opens, as from the start screen.
pub fn start(model: &Model) -> Vec<Effect> {
    match model.prepare.as_ref() {
        Some(preparation) if model.screen == Screen::Prepare => {
            vec![Effect::StartMeeting(preparation.meeting.id)]
        }
        _ => Vec::new(),
    }
}

pub fn answer(model: &mut Model, view: &mut View, ask: Ask, text: String) -> Vec<Effect> {
    match ask {
        Ask::Date | Ask::Time { .. } | Ask::Place { .. } => plan::answer(model, view, ask, text),
        Ask::ItemTitle => agenda::add_titled(model, view, text),
        Ask::GuestName | Ask::GuestRole { .. } => team::answer(model, view, ask, text),
    }
}

fn ask(view: &mut View, ask: Ask) {
    view.overlays.open(Overlay::Prompt(Prompt::new(ask)));
}

fn save(preparation: &Preparation) -> Vec<Effect> {
    vec![Effect::SaveMeeting(Box::new(preparation.meeting.clone()))]
}

#[cfg(test)]
mod tests;
