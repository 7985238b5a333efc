//! What a frame is drawn from (`Model`), which screen is in front, and how the screen was
//! asked for on the command line.

use crate::app::actions as action_list;
use crate::app::overlay::lock;
use crate::app::{core, dossier, monitoring, overlay};

use chrono::{NaiveDate, NaiveDateTime};

use crate::domain::{PhaseModel, Showing};
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

/// The case being discussed, when the meeting screen shows one.
pub(crate) fn case_on_screen(model: &mut Model) -> Option<&mut crate::query::meeting::CaseBrief> {
    if model.screen != Screen::Meeting {
        return None;
    }
    model.meeting.as_mut()?.current_case_mut()
}
