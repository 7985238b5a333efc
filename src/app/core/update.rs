//! The state machine's one step: a `Message` in, the model and view changed, `Effect`s out for
//! the loop to carry out.

use crate::app::actions as action_list;
use crate::app::admin::{audit, retention};
use crate::app::core::command::Command;
use crate::app::core::model::case_on_screen;
use crate::app::core::model::{Model, Screen};
use crate::app::core::view::View;
use crate::app::meeting::{
    attendance, case, close, consent, decision, export, fields, form, new_action, reopen, review,
    signal, undo,
};
use crate::app::overlay::{Overlay, OverlayKind};
use crate::app::overlay::{import, lock, palette, prompt, search};
use crate::app::{dashboard, dossier, meeting, monitoring, overlay, prepare};

use chrono::NaiveDate;

use ratatui::crossterm::event::KeyEvent;

use crate::domain::{Case, CaseEvent, Meeting, MeetingId, MeetingState, Note, NoteId};

/// What the loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Quit,
    /// Find the meeting in progress or the next one, and put it in `Model::meeting`; then
    /// update with `Message::MeetingLoaded`.
    LoadMeeting,
    /// Reload the start screen's figures.
    LoadDashboard,
    SaveMeeting(Box<Meeting>),
    /// A changed case and the event of its history, written together or not at all.
    SaveCaseChange(Box<(Case, CaseEvent)>),
    /// Give a new note its number; then update with `Message::NoteReady`.
    NewNote,
    SaveNote(Box<Note>),
    SaveAction(Box<crate::domain::Action>),
    SaveCase(Box<Case>),
    /// Number and save a new decision; then update with `Message::DecisionAdded`.
    NewDecision(Box<crate::domain::Decision>),
    /// Number and save a new action; then update with `Message::ActionAdded`.
    NewAction(Box<crate::domain::Action>),
    /// Fix the minutes of this (now closed) meeting, carry the open actions over and plan
    /// the next one, in one write; then update with `Message::MeetingClosed`.
    CloseMeeting(Box<Meeting>),
    /// Open closed meeting `0` again for reason `1`; then load it as `LoadMeeting` does.
    ReopenMeeting(MeetingId, String),
    /// Draw with this theme from now on (the loop holds the theme, not the model).
    UseTheme(String),
    /// Read the pupils for the picker; then update with `Message::PupilsLoaded`.
    LoadPupils,
    /// Number the new case and write it with its event and the meeting that puts it on the
    /// agenda, together; then update with `Message::SignalOpened`.
    OpenSignal(Box<signal::NewSignal>),
    /// Find the next planned meeting and put it in `Model::prepare` (or none); then update
    /// with `Message::PreparationLoaded`.
    LoadPreparation,
    /// Number and save a new planned meeting with the template agenda and the proposed cases,
    /// and prepare it; then update with `Message::PreparationLoaded`.
    PlanMeeting {
        date: NaiveDate,
        time: chrono::NaiveTime,
        place: String,
    },
    /// Open this meeting, as `LoadMeeting` opens the next one.
    StartMeeting(MeetingId),
    /// Read the actions that answer `filter`; then update with `Message::ActionsLoaded`, or
    /// with `Message::ActionsRefused` (an unknown owner or meeting) and what was `typed`.
    LoadActions {
        filter: Box<crate::query::actions::Filter>,
        typed: Option<(action_list::FilterField, String)>,
    },
    /// Remember this member as the person using otter ("my actions").
    SetMe(crate::domain::MemberId),
    /// Keep what is typed in the one-line prompt, or forget it (`None`).
    SavePromptDraft(Option<Box<overlay::prompt::draft::Draft>>),
    /// Read a pupil's dossier; then update with `Message::DossierLoaded`.
    LoadDossier(dossier::DossierOf),
    /// Read everything `/` searches; then update with `Message::SearchLoaded`. The screen's
    /// loop reads it on a thread of its own, so keys go on meanwhile; `apply` reads it at once.
    LoadSearch,
    /// Read this file and plan its import against the pupils there are (a dry run); then
    /// update with `Message::ImportPlanned`.
    PlanImport(std::path::PathBuf),
    /// Write the plan's new and updated pupils in one transaction; then update with
    /// `Message::Imported`.
    ImportPupils(Box<crate::import::Plan>),
    /// Write a document to the export folder (outside the data directory) and say where.
    Export(export::Export),
    /// Check the passphrase typed on the lock screen against the key slot; then update with
    /// `Message::PassphraseChecked`.
    CheckPassphrase(lock::Secret),
    /// Read the audit log; then update with `Message::AuditLoaded`.
    LoadAudit,
    /// Read the closed cases past retention; then update with `Message::RetentionLoaded`.
    LoadRetention,
    /// Erase the listed cases (the list the person confirmed) with an audit line; then load
    /// the list again.
    EraseExpired(Box<crate::query::retention::RetentionList>),
    /// Store the presentation mode; then reload the start screen.
    SetPresentation(bool),
    /// An earlier action settled or changed in meeting `meeting` (the Actiepunten item),
    /// written with the step that takes it back.
    SettleAction {
        meeting: MeetingId,
        action: Box<crate::domain::Action>,
    },
    /// Take the last change made in this open meeting back; then reload it and update with
    /// `Message::Undone`.
    Undo(MeetingId),
    /// Remove case `case`, opened by mistake in `meeting`, with everything recorded about it
    /// and its agenda item, with an audit line; then reload the meeting and update with
    /// `Message::Withdrawn`.
    Withdraw {
        meeting: MeetingId,
        case: crate::domain::CaseId,
    },
    /// Read the monitoring figures of this period; then update with
    /// `Message::MonitoringLoaded`.
    LoadMonitoring(monitoring::PeriodChoice),
}

/// What reaches `update`: a person's action, or the loop reporting back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    Act(Command),
    /// A key while a prompt (or the pupil picker) is open.
    PromptKey(KeyEvent),
    /// A key while the notes editor or a form (circles, plan) is open.
    EditorKey(KeyEvent),
    /// A key while the command palette is open.
    PaletteKey(KeyEvent),
    /// A key while the search is open.
    SearchKey(KeyEvent),
    /// Text pasted into the terminal (bracketed paste), whole.
    Paste(String),
    NoteReady(NoteId),
    ActionAdded(Box<crate::domain::Action>),
    MeetingClosed,
    DecisionAdded(Box<crate::domain::Decision>),
    /// A key without a meaning on this screen: it still closes an overlay or unblanks.
    OtherKey,
    /// A key while the window is too small to show anything: it does nothing.
    Unseen,
    MeetingLoaded,
    PupilsLoaded(Box<crate::query::pick::PupilPicker>),
    SignalOpened(Box<(crate::query::meeting::CaseBrief, Meeting)>),
    PreparationLoaded,
    ActionsLoaded(Box<action_list::ActionList>),
    ActionsRefused(Box<action_list::Refused>),
    /// The dossier, and the case chosen when it was opened from one.
    DossierLoaded(
        Box<(
            crate::query::dossier::PupilDossier,
            Option<crate::domain::CaseId>,
        )>,
    ),
    SearchLoaded(search::Loaded),
    /// A key while the import's dry run is on screen.
    ImportKey(KeyEvent),
    /// The dry run of the file named (its name as shown and its plan), or why it failed.
    ImportPlanned(Box<Result<(String, crate::import::Plan), String>>),
    Imported(crate::import::Applied),
    /// A second of the clock passed (or a key is about to be read): the idle lock may close.
    Tick,
    /// A key while the lock screen is up.
    LockKey(KeyEvent),
    /// Whether the passphrase typed on the lock screen is the right one.
    PassphraseChecked(bool),
    AuditLoaded(Vec<crate::domain::AuditEntry>),
    RetentionLoaded(Box<crate::query::retention::RetentionList>),
    /// The change `u` took back (the meeting is reloaded), or `None`: nothing left.
    Undone(Option<Box<crate::domain::Change>>),
    Withdrawn,
    /// The figures are in `Model::monitoring`.
    MonitoringLoaded,
}

impl From<Command> for Message {
    fn from(action: Command) -> Message {
        Message::Act(action)
    }
}

pub fn update(model: &mut Model, view: &mut View, message: impl Into<Message>) -> Vec<Effect> {
    let message = match message.into() {
        // Pasted and typed text enters here: the escapes a paste brings along are no text.
        Message::Paste(text) => Message::Paste(crate::text::cleaned(&text).into_owned()),
        message => message,
    };
    match message {
        Message::Unseen => return Vec::new(),
        Message::Paste(_) if view.fit.too_small => return Vec::new(),
        Message::Tick => return lock::tick(model, view),
        // It arrives from beside the screen, whenever the reading is done: it changes what
        // the search shows, not the status line.
        Message::SearchLoaded(index) => return search::loaded(view, index),
        Message::LockKey(key) => return lock::key(view, key),
        Message::PassphraseChecked(right) => return lock::checked(model, view, right),
        Message::Act(_)
        | Message::PromptKey(_)
        | Message::EditorKey(_)
        | Message::PaletteKey(_)
        | Message::SearchKey(_)
        | Message::ImportKey(_)
        | Message::Paste(_)
        | Message::OtherKey => {
            // Behind the lock nothing a person does reaches the data, however it arrives
            // (routing sends keys to the lock; a paste comes on its own).
            if view.front() == Some(OverlayKind::Lock) {
                return Vec::new();
            }
            lock::touch(model)
        }
        _ => {}
    }
    view.flash = None;
    let action = match message {
        Message::MeetingLoaded => return meeting_loaded(model, view),
        Message::PromptKey(key) if view.front() == Some(OverlayKind::Picker) => {
            return signal::key(model, view, key);
        }
        Message::PreparationLoaded => return prepare::loaded(model, view),
        Message::ActionsLoaded(list) => return action_list::loaded(model, view, *list),
        Message::ActionsRefused(refused) => return action_list::refused(view, *refused),
        Message::DossierLoaded(loaded) => {
            let (found, chosen) = *loaded;
            return dossier::loaded(model, view, found, chosen);
        }
        Message::PromptKey(key) => return prompt::key(model, view, key),
        Message::EditorKey(key) => return form::key(model, view, key),
        Message::PaletteKey(key) => return palette::key(model, view, key),
        Message::SearchKey(key) => return search::key(model, view, key),
        Message::ImportKey(key) => return import::key(view, key),
        Message::ImportPlanned(planned) => {
            import::planned(model, view, *planned);
            return Vec::new();
        }
        Message::Imported(applied) => return import::imported(model, view, applied),
        Message::AuditLoaded(entries) => return audit::loaded(model, view, entries),
        Message::RetentionLoaded(list) => return retention::loaded(model, view, *list),
        Message::Undone(change) => return undo::undone(model, view, change.as_deref()),
        Message::Withdrawn => return undo::withdrawn(model, view),
        Message::MonitoringLoaded => return monitoring::loaded(model, view),
        // A paste goes where typing goes.
        Message::Paste(text) => {
            return match view.front() {
                Some(OverlayKind::Search) => search::paste(view, &text),
                Some(OverlayKind::Picker) => signal::paste(view, &text),
                Some(OverlayKind::Prompt) => prompt::paste(view, &text),
                _ => form::paste(model, view, &text),
            };
        }
        Message::NoteReady(id) => return form::note_ready(model, view, id),
        Message::ActionAdded(action) => return new_action::added(model, view, *action),
        Message::MeetingClosed => return close::closed(model, view),
        Message::DecisionAdded(decision) => return decision::added(model, view, *decision),
        Message::PupilsLoaded(pupils) => return signal::ready(view, *pupils),
        Message::SignalOpened(opened) => {
            let (brief, meeting) = *opened;
            return signal::opened(model, view, brief, meeting);
        }
        Message::OtherKey => {
            close_overlays(view);
            return Vec::new();
        }
        Message::Tick
        | Message::LockKey(_)
        | Message::PassphraseChecked(_)
        | Message::SearchLoaded(_)
        | Message::Unseen => {
            return Vec::new();
        }
        Message::Act(action) => action,
    };
    // An overlay or a blanked screen closes on any key first; Ctrl-c still quits.
    match view.front() {
        Some(OverlayKind::History) if matches!(action, Command::Down | Command::Up) => {
            scroll(view, action == Command::Down);
            return Vec::new();
        }
        // Blanking wins over any overlay: whoever walks in sees nothing.
        Some(OverlayKind::Blank | OverlayKind::Help | OverlayKind::History)
            if !matches!(action, Command::Quit | Command::Blank) =>
        {
            close_overlays(view);
            return Vec::new();
        }
        _ => {}
    }
    match action {
        _ if model.screen == Screen::Actions && action_list::takes(action) => {
            action_list::act(model, view, action)
        }
        Command::OpenActions => action_list::open(model),
        _ if model.screen == Screen::Monitoring && monitoring::takes(action) => {
            monitoring::act(model, view, action)
        }
        Command::Monitoring => monitoring::open(model),
        Command::SwitchPeriod => Vec::new(),
        Command::PageDown | Command::PageUp if model.screen == Screen::Meeting => {
            page(view, action == Command::PageDown);
            Vec::new()
        }
        Command::CycleStatus
        | Command::ToggleOverdue
        | Command::FilterOwner
        | Command::FilterPupil
        | Command::FilterMeeting
        | Command::PageDown
        | Command::PageUp
        | Command::First
        | Command::Last => Vec::new(),
        Command::Quit => vec![Effect::Quit],
        Command::Blank => {
            close_overlays(view);
            view.overlays.open(Overlay::Blank(None));
            Vec::new()
        }
        Command::Help => {
            view.overlays.open(Overlay::Help);
            Vec::new()
        }
        Command::Down | Command::Up
            if matches!(model.screen, Screen::Audit | Screen::Retention) =>
        {
            audit::select(model, view, action == Command::Down)
        }
        Command::AuditLog => vec![Effect::LoadAudit],
        Command::Retention => vec![Effect::LoadRetention],
        Command::TogglePresentation => vec![Effect::SetPresentation(!model.dashboard.presentation)],
        Command::EraseExpired => retention::start_erase(model, view),
        // The help lists these on every item; on one without a case they say why nothing
        // happens.
        Command::NextPhase
        | Command::PreviousPhase
        | Command::LevelUp
        | Command::LevelDown
        | Command::RecordFields
        | Command::ChangeConsent
        | Command::CorrectQuestion
        | Command::CloseCase
        | Command::History
            if model.screen == Screen::Meeting && case_on_screen(model).is_none() =>
        {
            view.flash = Some(model.lang.texts().flash_no_case.to_string());
            Vec::new()
        }
        Command::ChangeConsent => consent::start(model, view),
        Command::Down | Command::Up if model.screen == Screen::Dossier => {
            scroll(view, action == Command::Down);
            Vec::new()
        }
        Command::Back if model.screen == Screen::Dossier => dossier::back(model, view),
        Command::Open | Command::NextPanel if model.screen == Screen::Dossier => {
            if action == Command::Open {
                dossier::toggle_case(model, view)
            } else {
                dossier::next_case(model, view)
            }
        }
        Command::ExportExtract if model.screen == Screen::Dossier => dossier::export(model),
        Command::ExportMinutes if model.screen == Screen::Meeting => export::minutes(model),
        Command::Open if model.screen == Screen::Dashboard => dashboard::open(model, view),
        Command::NextPanel if model.screen == Screen::Dashboard => dashboard::next_panel(view),
        Command::Open | Command::NextPanel | Command::ExportExtract | Command::ExportMinutes => {
            Vec::new()
        }
        Command::ChooseMe => dashboard::choose_me(model, view),
        Command::ImportPupils => import::start(model, view),
        Command::Down | Command::Up if model.screen == Screen::Prepare => {
            prepare::select(model, view, action == Command::Down)
        }
        Command::OpenMeeting if model.screen == Screen::Prepare => prepare::start(model),
        Command::PrepareMeeting => vec![Effect::LoadPreparation],
        Command::PlanMeeting
        | Command::Reschedule
        | Command::MoveItemUp
        | Command::MoveItemDown
        | Command::LongerItem
        | Command::ShorterItem
        | Command::RemoveItem
        | Command::AddItem
        | Command::AddProposals
        | Command::SwitchPane
        | Command::ToggleInvited
        | Command::AddGuest
        | Command::ToggleVooroverleg => prepare::act(model, view, action),
        Command::Down | Command::Up
            if model.screen == Screen::Meeting && !attendance::on_list(model) =>
        {
            scroll(view, action == Command::Down);
            Vec::new()
        }
        Command::Down | Command::Up if model.screen == Screen::Meeting => {
            attendance::select(model, view, action == Command::Down)
        }
        Command::TogglePresence => attendance::toggle(model, view),
        Command::AllPresent => attendance::all_present(model, view),
        Command::ToggleDone => review::toggle_done(model, view),
        Command::DropAction => review::start_drop(model, view),
        Command::ChangeOwner | Command::ChangeDue => review::start_change(model, view, action),
        Command::RecordDecision => decision::start(model, view),
        Command::RecordFields => fields::start(model, view),
        Command::Palette => palette::open(model, view),
        Command::Search => search::open(model, view),
        Command::ReopenMeeting => reopen::start(model, view),
        Command::History => {
            if case_on_screen(model).is_some() {
                view.overlays.open(Overlay::History);
            }
            view.item_scroll = 0;
            Vec::new()
        }
        Command::NewSignal => signal::start(model),
        Command::Undo => undo::start(model),
        Command::Withdraw => undo::start_withdraw(model, view),
        Command::CorrectQuestion => undo::start_question(model, view),
        Command::CloseCase => undo::start_close(model, view),
        Command::Down | Command::Up => dashboard::select(model, view, action == Command::Down),
        Command::OpenMeeting => vec![Effect::LoadMeeting],
        Command::NextPhase => case::next_phase(model, view),
        Command::PreviousPhase => case::previous_phase(model, view),
        Command::LevelUp => case::level(model, view, true),
        Command::LevelDown => case::level(model, view, false),
        Command::EditNotes => form::open(model, view),
        Command::AddAction => new_action::start(model, view),
        Command::CloseMeeting => close::start(model, view),
        Command::Back => {
            model.screen = Screen::Dashboard;
            vec![Effect::LoadDashboard]
        }
        Command::NextItem | Command::PreviousItem | Command::ToggleTimer => {
            let now = model.now;
            let Some(room) = model
                .meeting
                .as_mut()
                .filter(|_| model.screen == Screen::Meeting)
            else {
                return Vec::new();
            };
            let meeting = &mut room.meeting;
            view.selected = 0;
            view.item_scroll = 0;
            match action {
                Command::NextItem => meeting.go_to(meeting.current_item + 1, now),
                Command::PreviousItem if meeting.current_item > 0 => {
                    meeting.go_to(meeting.current_item - 1, now)
                }
                Command::ToggleTimer if meeting.timer_running() => meeting.pause_timer(now),
                Command::ToggleTimer => meeting.start_timer(now),
                _ => return Vec::new(),
            }
            vec![Effect::SaveMeeting(Box::new(meeting.clone()))]
        }
    }
}

fn close_overlays(view: &mut View) {
    view.overlays.close(OverlayKind::Help);
    view.overlays.close(OverlayKind::Blank);
    if view.overlays.close(OverlayKind::History).is_some() {
        // The history and the item share the scroll: the item comes back at its top.
        view.item_scroll = 0;
    }
}

/// One line down or up in what is in front (the item, or the history over it), as far as the
/// last frame measured it goes.
fn scroll(view: &mut View, down: bool) {
    view.item_scroll = if down {
        (view.item_scroll + 1).min(view.fit.drawn.scroll_max)
    } else {
        view.item_scroll.saturating_sub(1)
    };
}

/// A page down or up in the item in front (the previous minutes, a long case): the rows the
/// window has for it, less one kept in view for the eye to follow.
fn page(view: &mut View, down: bool) {
    let step = view.fit.rows.saturating_sub(1).max(1);
    view.item_scroll = if down {
        view.item_scroll
            .saturating_add(step)
            .min(view.fit.drawn.scroll_max)
    } else {
        view.item_scroll.saturating_sub(step)
    };
}

/// A planned meeting opens when the chair first enters it; that is recorded.
fn meeting_loaded(model: &mut Model, view: &mut View) -> Vec<Effect> {
    let Some(room) = model.meeting.as_mut() else {
        model.notice = Some(model.lang.texts().dash_no_meeting.to_string());
        return Vec::new();
    };
    model.screen = Screen::Meeting;
    if room.meeting.state == MeetingState::Planned {
        room.meeting.state = MeetingState::Open;
        // The roll call starts from who is invited.
        room.meeting.invite_team(&room.members);
        let opened = Effect::SaveMeeting(Box::new(room.meeting.clone()));
        meeting::held::ask_if_moved(model, view);
        return vec![opened];
    }
    Vec::new()
}
