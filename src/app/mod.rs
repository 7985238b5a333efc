//! The screen's state machine: messages in, state and effects out. The loop in `crate::tui`
//! feeds it keys, applies the effects to the store and draws with `ui`.

pub mod actions;
pub(crate) mod admin;
pub mod core;
pub mod dashboard;
pub mod dossier;
pub mod meeting;
pub mod monitoring;
pub mod overlay;
pub mod prepare;

// The features `update` dispatches to, by their short names.
use self::actions as action_list;
use self::admin::{audit, retention};
use self::core::effects;
use self::meeting::{
    attendance, case, close, consent, decision, export, fields, form, new_action, notes, reopen,
    review, signal, undo,
};
pub use self::overlay::{Layer, Overlay};
use self::overlay::{import, lock, palette, prompt, search};

use chrono::{NaiveDate, NaiveDateTime};

pub use dashboard::first_screen;
pub use dossier::open_dossier;
pub use effects::{Flow, apply};

use ratatui::crossterm::event::KeyEvent;

use crate::domain::{
    Case, CaseEvent, Meeting, MeetingId, MeetingState, Note, NoteId, PhaseModel, Showing,
};
use crate::i18n::Lang;
use crate::query::dashboard::Dashboard;
use crate::query::meeting::MeetingRoom;
use crate::query::prepare::Preparation;

/// How the screen was asked for on the command line.
#[derive(Debug, Clone)]
pub struct Settings {
    pub lang: Lang,
    pub today: NaiveDate,
    pub theme: Option<String>,
    pub demo: bool,
    /// Minutes without a key before an encrypted database's screen locks (0: never).
    pub lock_after: u32,
    /// `[monitoring]` of config.toml, as `otter stats` reads it.
    pub monitoring: crate::monitoring::Settings,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Screen {
    Dashboard,
    Meeting,
    Prepare,
    Actions,
    Dossier,
    Audit,
    Retention,
    Monitoring,
}

/// Everything a frame is drawn from.
#[derive(Debug, Clone)]
pub struct Model {
    pub lang: Lang,
    pub today: NaiveDate,
    /// The clock, set by the loop before each update and frame (the timer reads it).
    pub now: NaiveDateTime,
    /// A throwaway demo database: the screen says so.
    pub demo: bool,
    pub phases: PhaseModel,
    pub screen: Screen,
    pub dashboard: Dashboard,
    /// The meeting being run, once opened.
    pub meeting: Option<MeetingRoom>,
    /// The meeting being prepared, once found or planned.
    pub prepare: Option<Preparation>,
    /// The actions screen's filter and what answers it, once opened.
    pub action_list: Option<action_list::ActionList>,
    /// The pupil dossier on screen, once opened.
    pub dossier: Option<Box<dossier::OpenDossier>>,
    /// The audit log, newest first, once opened.
    pub audit: Vec<crate::domain::AuditEntry>,
    /// The closed cases past the bewaartermijn, once opened.
    pub retention: Option<crate::query::retention::RetentionList>,
    /// The monitoring figures of the period chosen, once opened.
    pub monitoring: Option<Box<monitoring::Monitoring>>,
    /// What the monitoring figures are computed with (config.toml's `[monitoring]`).
    pub monitoring_settings: crate::monitoring::Settings,
    /// A message for the status bar, such as a theme file that could not be read.
    pub notice: Option<String>,
    /// Edits the disk refused (full, read-only), kept until they can be written.
    pub unsaved: core::effects::Unsaved,
    /// Where `x` and `E` write their documents (`export::file::dir`, outside the data).
    pub export_dir: std::path::PathBuf,
    /// When the screen locks (encryption on).
    pub idle: lock::Idle,
    /// The keys: what the loop routes by, and what the help and the palette show.
    pub keymap: core::keymap::Keymap,
    /// What was typed in the one-line prompt and is kept in the store (`prompt::draft`).
    pub prompt_draft: overlay::prompt::draft::Kept,
}

impl Model {
    /// The day a change is dated: the open meeting's, which the chair chose when it was opened
    /// on another day than planned; else the clock's.
    pub fn meeting_day(&self) -> NaiveDate {
        self.meeting
            .as_ref()
            .map_or(self.today, |room| room.meeting.date)
    }

    /// Who may see the screen, whichever screen is in front (BRIEF §8): the room while a
    /// meeting is open, with the case of its item in front the one under discussion; with the
    /// presentation mode on, or an open meeting the start screen found
    /// (`Dashboard::presenting`) before the meeting screen was opened, the room too, with no
    /// case under discussion. The one answer every screen and overlay asks.
    pub fn showing(&self) -> Showing {
        match self.meeting.as_ref().map(|room| room.meeting.showing()) {
            Some(showing @ Showing::Presenting { .. }) => showing,
            _ if self.dashboard.presenting => Showing::Presenting { discussed: None },
            _ => Showing::Private,
        }
    }

    /// Whether the room may see the screen ([`Model::showing`]).
    pub fn presenting(&self) -> bool {
        self.showing() != Showing::Private
    }

    /// The start screen with nothing loaded yet, at midnight of `today`; whoever builds one
    /// fills in what it shows.
    pub fn new(lang: Lang, today: NaiveDate, phases: PhaseModel) -> Model {
        Model {
            lang,
            today,
            now: today.and_time(chrono::NaiveTime::MIN),
            demo: false,
            phases,
            screen: Screen::Dashboard,
            dashboard: Dashboard::default(),
            meeting: None,
            prepare: None,
            action_list: None,
            dossier: None,
            audit: Vec::new(),
            retention: None,
            monitoring: None,
            monitoring_settings: crate::monitoring::Settings::default(),
            notice: None,
            unsaved: core::effects::Unsaved::default(),
            export_dir: crate::export::file::dir(),
            idle: lock::Idle::never(today.and_time(chrono::NaiveTime::MIN)),
            keymap: core::keymap::Keymap::default(),
            prompt_draft: overlay::prompt::draft::Kept::default(),
        }
    }
}

/// Scroll, selection and overlays: screen state, kept apart from the data.
#[derive(Debug, Clone, Default)]
pub struct View {
    /// The start screen's list in focus and the chosen row of each.
    pub dashboard: dashboard::DashView,
    pub dossier: dossier::DossierView,
    /// What is open over the screen (the lock, the blanked screen, the help, the history, the
    /// palette, the search, the import's dry run, the new signal's picker, the one-line
    /// prompt), in the order they take keys.
    pub layers: overlay::Layers,
    /// A short message for the status line, gone at the next key.
    pub flash: Option<String>,
    /// The notes editor, open on the case in front.
    pub editor: Option<notes::NoteEditor>,
    /// The circles or the plan's fields, open on the case in front (with `editor` as the
    /// plan's notes).
    pub form: Option<form::Form>,
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

pub use core::fit::{Drawn, too_small};

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
    pub fn front(&self) -> Option<Overlay> {
        // The notes editor and the forms are still fields of their own: whichever of them and
        // the front layer comes first in `Overlay`'s order is in front.
        let editing = (self.editor.is_some() || self.form.is_some()).then_some(Overlay::Editor);
        let layer = self.layers.front().map(Layer::kind);
        layer.into_iter().chain(editing).min()
    }
}

/// Everything a person can do, by name: the keymap maps keys to these, and the help overlay
/// and the catalog describe them. Declared in the order the help and the palette list them
/// (`Ord`), so a new command has its place where it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Command {
    OpenMeeting,
    OpenActions,
    Open,
    NextPanel,
    ChooseMe,
    ExportExtract,
    ImportPupils,
    AuditLog,
    Retention,
    TogglePresentation,
    EraseExpired,
    Monitoring,
    SwitchPeriod,
    PrepareMeeting,
    PlanMeeting,
    Reschedule,
    MoveItemUp,
    MoveItemDown,
    LongerItem,
    ShorterItem,
    RemoveItem,
    AddItem,
    AddProposals,
    SwitchPane,
    ToggleInvited,
    AddGuest,
    ToggleVooroverleg,
    NextItem,
    PreviousItem,
    ToggleTimer,
    EditNotes,
    AddAction,
    RecordDecision,
    RecordFields,
    CorrectQuestion,
    ChangeConsent,
    History,
    NextPhase,
    PreviousPhase,
    LevelUp,
    LevelDown,
    CloseCase,
    NewSignal,
    Undo,
    Withdraw,
    CloseMeeting,
    ExportMinutes,
    ReopenMeeting,
    Up,
    Down,
    TogglePresence,
    AllPresent,
    ToggleDone,
    DropAction,
    ChangeOwner,
    ChangeDue,
    CycleStatus,
    ToggleOverdue,
    FilterOwner,
    FilterPupil,
    FilterMeeting,
    PageDown,
    PageUp,
    First,
    Last,
    Blank,
    Search,
    Palette,
    Back,
    Help,
    Quit,
}

impl Command {
    /// What the command does on the screen `context`, as the help and the palette name it:
    /// a screen that gives its key a meaning of its own says so (Enter on the monitoring
    /// screen lists the cases behind a figure, it opens nothing).
    pub fn describe_on(
        self,
        context: core::keymap::Context,
        texts: &crate::i18n::Texts,
    ) -> &'static str {
        match context {
            core::keymap::Context::Monitoring => monitoring::describe(self, texts),
            _ => None,
        }
        .unwrap_or_else(|| self.describe(texts))
    }

    /// What the command does, as the help and the palette name it.
    pub fn describe(self, texts: &crate::i18n::Texts) -> &'static str {
        let c = &texts.commands;
        match self {
            Command::OpenMeeting => c.open_meeting,
            Command::OpenActions => c.open_actions,
            Command::Open => c.open,
            Command::NextPanel => c.next_panel,
            Command::ChooseMe => c.choose_me,
            Command::ExportExtract => c.export_extract,
            Command::ImportPupils => c.import_pupils,
            Command::AuditLog => c.audit_log,
            Command::Retention => c.retention,
            Command::TogglePresentation => c.toggle_presentation,
            Command::EraseExpired => c.erase_expired,
            Command::Monitoring => c.monitoring,
            Command::SwitchPeriod => c.switch_period,
            Command::PrepareMeeting => c.prepare_meeting,
            Command::PlanMeeting => c.plan_meeting,
            Command::Reschedule => c.reschedule,
            Command::MoveItemUp => c.move_item_up,
            Command::MoveItemDown => c.move_item_down,
            Command::LongerItem => c.longer_item,
            Command::ShorterItem => c.shorter_item,
            Command::RemoveItem => c.remove_item,
            Command::AddItem => c.add_item,
            Command::AddProposals => c.add_proposals,
            Command::SwitchPane => c.switch_pane,
            Command::ToggleInvited => c.toggle_invited,
            Command::AddGuest => c.add_guest,
            Command::ToggleVooroverleg => c.toggle_vooroverleg,
            Command::NextItem => c.next_item,
            Command::PreviousItem => c.previous_item,
            Command::ToggleTimer => c.toggle_timer,
            Command::EditNotes => c.edit_notes,
            Command::AddAction => c.add_action,
            Command::RecordDecision => c.record_decision,
            Command::RecordFields => c.record_fields,
            Command::ChangeConsent => c.change_consent,
            Command::History => c.history,
            Command::NextPhase => c.next_phase,
            Command::PreviousPhase => c.previous_phase,
            Command::LevelUp => c.level_up,
            Command::LevelDown => c.level_down,
            Command::NewSignal => c.new_signal,
            Command::Undo => c.undo,
            Command::Withdraw => c.withdraw,
            Command::CorrectQuestion => c.correct_question,
            Command::CloseCase => c.close_case,
            Command::CloseMeeting => c.close_meeting,
            Command::ExportMinutes => c.export_minutes,
            Command::ReopenMeeting => c.reopen_meeting,
            Command::Up => c.up,
            Command::Down => c.down,
            Command::TogglePresence => c.toggle_presence,
            Command::AllPresent => c.all_present,
            Command::ToggleDone => c.toggle_done,
            Command::DropAction => c.drop_action,
            Command::ChangeOwner => c.change_owner,
            Command::ChangeDue => c.change_due,
            Command::CycleStatus => c.cycle_status,
            Command::ToggleOverdue => c.toggle_overdue,
            Command::FilterOwner => c.filter_owner,
            Command::FilterPupil => c.filter_pupil,
            Command::FilterMeeting => c.filter_meeting,
            Command::PageDown => c.page_down,
            Command::PageUp => c.page_up,
            Command::First => c.first,
            Command::Last => c.last,
            Command::Blank => c.blank,
            Command::Search => c.search,
            Command::Palette => c.palette,
            Command::Back => c.back,
            Command::Help => c.help,
            Command::Quit => c.quit,
        }
    }
}

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
            if view.front() == Some(Overlay::Lock) {
                return Vec::new();
            }
            lock::touch(model)
        }
        _ => {}
    }
    view.flash = None;
    let action = match message {
        Message::MeetingLoaded => return meeting_loaded(model, view),
        Message::PromptKey(key) if view.front() == Some(Overlay::Picker) => {
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
                Some(Overlay::Search) => search::paste(view, &text),
                Some(Overlay::Picker) => signal::paste(view, &text),
                Some(Overlay::Prompt) => prompt::paste(view, &text),
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
        Some(Overlay::History) if matches!(action, Command::Down | Command::Up) => {
            scroll(view, action == Command::Down);
            return Vec::new();
        }
        // Blanking wins over any overlay: whoever walks in sees nothing.
        Some(Overlay::Blank | Overlay::Help | Overlay::History)
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
            view.layers.open(Layer::Blank(None));
            Vec::new()
        }
        Command::Help => {
            view.layers.open(Layer::Help);
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
                view.layers.open(Layer::History);
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
    view.layers.close(Overlay::Help);
    view.layers.close(Overlay::Blank);
    if view.layers.close(Overlay::History).is_some() {
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

/// The case being discussed, when the meeting screen shows one.
fn case_on_screen(model: &mut Model) -> Option<&mut crate::query::meeting::CaseBrief> {
    if model.screen != Screen::Meeting {
        return None;
    }
    model.meeting.as_mut()?.current_case_mut()
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

#[cfg(test)]
pub(crate) mod tests;
