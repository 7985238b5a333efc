//! The one catalog of UI text. `Texts` is a struct with one constant per language, so a text
//! missing in either language does not compile. Parameterised messages are functions.

pub mod cli;
pub mod crypto;
mod en;
pub mod help;
pub mod import;
mod nl;
pub mod privacy;
pub mod stats;
pub mod undo;
pub mod wording;

use serde::Serialize;

use crate::domain::phase::Requirement;
use crate::domain::{ActionStatus, Consent, MeetingKind, MeetingState, Role};

pub use crate::lang::Lang;

impl Lang {
    /// A recorded value as one line; the circles as "Kind: + … − … ? …" per circle, joined.
    /// `on` is the day it is read as of: a help start after it is planned, not started.
    pub fn recorded(
        self,
        value: &crate::domain::case::Recorded,
        on: chrono::NaiveDate,
    ) -> Vec<String> {
        use crate::domain::case::Recorded;
        use crate::domain::dates::format_day;
        let t = self.texts();
        match value {
            Recorded::Text(text) => vec![text.clone()],
            Recorded::List(items) => items.clone(),
            Recorded::Day(day) => vec![format_day(*day, self)],
            Recorded::HelpStarted(day) if *day > on => {
                vec![(t.recorded_help_planned)(&format_day(*day, self))]
            }
            Recorded::HelpStarted(day) => vec![(t.recorded_help_started)(&format_day(*day, self))],
            Recorded::WaitingSince(day) => vec![(t.recorded_waiting)(&format_day(*day, self))],
            Recorded::YesNo(yes) => {
                vec![if *yes { t.consent_yes } else { t.consent_no }.to_string()]
            }
            Recorded::Consent(consent) => vec![t.consent(*consent).to_string()],
            Recorded::Circles(circles) => circles
                .circles()
                .iter()
                .zip(t.circles)
                .filter(|(circle, _)| circle.is_filled())
                .map(|(circle, name)| {
                    let parts: Vec<String> = circle
                        .parts()
                        .iter()
                        .zip(["+", "−", "?"])
                        .filter(|(text, _)| !text.trim().is_empty())
                        .map(|(text, sign)| {
                            format!(
                                "{sign} {}",
                                text.split_whitespace().collect::<Vec<_>>().join(" ")
                            )
                        })
                        .collect();
                    format!("{name}: {}", parts.join(" "))
                })
                .collect(),
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Nl => &nl::NL,
            Lang::En => &en::EN,
        }
    }
}

/// A catalog label at the start of a line or a heading ("plaats" → "Plaats").
pub fn capitalised(label: &str) -> String {
    let mut chars = label.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[derive(Serialize)]
pub struct Texts {
    pub weekdays: [&'static str; 7],
    /// In the order of `Role::ALL`.
    pub roles: [&'static str; Role::ALL.len()],
    /// Ondersteuningsniveau 1 to 5.
    pub levels: [&'static str; 5],
    /// In the order of `Requirement::ALL`.
    pub requirements: [&'static str; Requirement::ALL.len()],
    /// What is recorded for each requirement, as a label, in the order of `Requirement::ALL`.
    pub recorded: [&'static str; Requirement::ALL.len()],
    /// What each command (`app::Command`) does, as the help and the palette name it.
    pub commands: CommandTexts,
    /// Importing pupils (`otter import pupils`, the palette's import).
    pub import: import::ImportTexts,
    /// Erasure, retention, the audit log, the presentation mode, consent changes.
    pub privacy: &'static privacy::PrivacyTexts,
    /// Monitoring figures and `otter stats`.
    pub stats: &'static stats::StatsTexts,
    /// Undo and corrections in a meeting.
    pub undo: &'static undo::UndoTexts,
    pub consent_unknown: &'static str,
    pub consent_yes: &'static str,
    pub consent_no: &'static str,
    pub consent_anonymous: &'static str,
    pub status_open: &'static str,
    pub status_done: &'static str,
    pub status_dropped: &'static str,
    pub meeting_planned: &'static str,
    pub meeting_open: &'static str,
    pub meeting_closed: &'static str,
    pub meeting_regular: &'static str,
    pub meeting_vooroverleg: &'static str,

    pub kind_pupil: &'static str,
    pub kind_case: &'static str,
    pub kind_note: &'static str,
    pub kind_decision: &'static str,
    pub kind_action: &'static str,
    pub search_title: &'static str,
    pub search_hint: &'static str,
    pub search_type_more: &'static str,
    /// While the index is read, beside the screen: what is typed waits for it.
    pub search_loading: &'static str,
    pub search_shared: &'static str,

    pub col_name: &'static str,
    pub col_groep: &'static str,
    /// The word before a pseudonym's code on screen ("Leerling KR-17", "Pupil KR-17").
    pub pseudonym_word: &'static str,
    pub col_birth: &'static str,
    pub col_teacher: &'static str,
    pub col_cases: &'static str,
    pub col_action: &'static str,
    pub col_owner: &'static str,
    pub col_due: &'static str,
    pub col_status: &'static str,
    pub col_pupil: &'static str,
    pub col_number: &'static str,
    pub col_date: &'static str,
    pub col_time: &'static str,
    pub col_place: &'static str,
    pub col_kind: &'static str,
    pub col_state: &'static str,
    pub col_phase: &'static str,
    pub col_level: &'static str,
    pub col_consent: &'static str,
    pub col_question: &'static str,
    pub col_overdue: &'static str,

    pub field_name: &'static str,
    pub field_query: &'static str,
    pub field_action: &'static str,
    pub field_owner: &'static str,
    pub prompt_action_text: &'static str,
    pub prompt_action_due: &'static str,
    pub field_decision: &'static str,
    pub nothing_found: &'static str,
    pub no_cases: &'static str,
    pub label_case: &'static str,
    pub label_history: &'static str,
    pub label_actions: &'static str,
    pub label_evaluation: &'static str,
    pub err_demo_with_command: &'static str,
    pub usage_missing_command: &'static str,
    pub demo_filling: &'static str,
    pub no_terminal_demo_note: &'static str,

    pub help_title: &'static str,
    pub minutes_title: &'static str,
    pub minutes_chair: &'static str,
    pub minutes_present: &'static str,
    pub minutes_absent_notice: &'static str,
    pub minutes_absent: &'static str,
    pub minutes_carried_over: &'static str,
    pub minutes_reviewed: &'static str,
    /// Earlier actions left open with another owner or due date.
    pub minutes_changed_actions: &'static str,
    pub minutes_recorded: &'static str,
    /// Over what a case had recorded before the meeting whose minutes these are.
    pub minutes_recorded_before: &'static str,
    pub minutes_next: &'static str,
    pub minutes_fixed_on: &'static str,
    pub minutes_nothing: &'static str,
    /// The Nieuwe signalen item in the minutes when the signals raised under it follow as
    /// items of their own: how many.
    #[serde(skip)]
    pub minutes_signals_below: fn(usize) -> String,
    /// A case on a closed meeting's agenda that it passed by without a note, decision, action
    /// or change: in the minutes, the dossier and the extract.
    pub not_discussed: &'static str,
    pub minutes_changes: &'static str,
    pub minutes_opened: &'static str,
    pub agenda_opening: &'static str,
    pub agenda_previous_minutes: &'static str,
    pub agenda_actions: &'static str,
    pub agenda_case: &'static str,
    pub agenda_new_signals: &'static str,
    pub agenda_rondvraag: &'static str,
    pub agenda_closing: &'static str,
    pub meeting_agenda: &'static str,
    pub meeting_question: &'static str,
    pub meeting_questions: &'static str,
    pub meeting_missing: &'static str,
    pub meeting_ready: &'static str,
    pub meeting_open_actions: &'static str,
    pub meeting_no_actions: &'static str,
    pub meeting_earlier_actions: &'static str,
    pub meeting_keys: &'static str,
    /// The key bar at the roll call: `A` first.
    pub attendance_keys: &'static str,
    /// `A`: how many were set to present; those already recorded keep their answer.
    #[serde(skip)]
    pub flash_all_present: fn(usize) -> String,
    pub meeting_timer_paused: &'static str,
    pub hint_opening: &'static str,
    pub hint_previous_minutes: &'static str,
    /// The previous meeting's day, number and count of cases, and how to scroll its minutes.
    #[serde(skip)]
    pub previous_minutes: fn(&str, u64, usize) -> String,
    pub hint_new_signals: &'static str,
    pub hint_rondvraag: &'static str,
    pub hint_closing: &'static str,
    pub blank_message: &'static str,
    pub flash_no_case: &'static str,
    pub flash_last_phase: &'static str,
    pub flash_first_phase: &'static str,
    pub flash_level_limit: &'static str,
    /// A prompt typed in before a quit or a crash, brought back with its text.
    pub flash_prompt_back: &'static str,
    pub flash_reason_needed: &'static str,
    pub prompt_hint: &'static str,
    pub meeting_notes: &'static str,
    pub meeting_no_notes: &'static str,
    pub editor_hint: &'static str,
    pub flash_minutes_fixed: &'static str,
    pub prompt_next_meeting: &'static str,
    pub presence_present: &'static str,
    pub presence_notice: &'static str,
    pub presence_absent: &'static str,
    pub presence_unknown: &'static str,
    pub attendance_hint: &'static str,
    pub review_hint: &'static str,
    pub history_hint: &'static str,
    pub history_empty: &'static str,
    pub history_decision: &'static str,
    pub history_action: &'static str,
    pub palette_hint: &'static str,
    pub more_below: &'static str,
    pub err_no_next_meeting: &'static str,
    pub err_no_date: &'static str,
    pub flash_close_open_first: &'static str,
    /// The edits kept while the disk refused them are written.
    pub flash_saved_again: &'static str,
    pub flash_nothing_to_reopen: &'static str,
    pub prompt_decision: &'static str,
    pub picker_title: &'static str,
    pub picker_query: &'static str,
    pub picker_hint: &'static str,
    pub picker_type_more: &'static str,
    pub flash_question_needed: &'static str,
    pub flash_elsewhere: &'static str,
    pub flash_answer_needed: &'static str,
    pub flash_yes_no: &'static str,
    pub flash_consent_words: &'static str,
    pub hint_date: &'static str,
    pub hint_yes_no: &'static str,
    pub hint_consent: &'static str,
    pub hint_help_start: &'static str,
    /// Beeldvorming's circles: kind, onderwijs, opvoeding.
    pub circles: [&'static str; 3],
    /// The three parts of a circle: +, −, ?.
    pub circle_parts: [&'static str; 3],
    pub circles_title: &'static str,
    pub circles_empty: &'static str,
    pub circles_hint: &'static str,
    pub plan_goals: &'static str,
    pub plan_goals_box: &'static str,
    pub plan_regiehouder: &'static str,
    pub plan_evaluation: &'static str,
    pub plan_not_set: &'static str,
    pub plan_hint: &'static str,
    pub flash_no_next_meeting: &'static str,
    pub app_title: &'static str,
    pub dash_next_meeting: &'static str,
    pub dash_no_meeting: &'static str,
    pub dash_overdue: &'static str,
    pub dash_no_overdue: &'static str,
    pub dash_school: &'static str,
    pub dash_keys: &'static str,
    pub dash_demo_banner: &'static str,
    pub dash_mine: &'static str,
    pub dash_no_me: &'static str,
    pub dash_no_mine: &'static str,
    pub dash_evaluations: &'static str,
    pub dash_no_evaluations: &'static str,
    pub dash_recent: &'static str,
    pub dash_no_recent: &'static str,
    /// A list's length: "12", or "200 of 13 594" when only the first are shown.
    #[serde(skip)]
    pub dash_count_of: fn(usize, usize) -> String,
    /// The first shown of a list whose length is only known not to exceed the second: "first
    /// 200 of at most 13 594".
    #[serde(skip)]
    pub dash_count_of_at_most: fn(usize, usize) -> String,
    pub col_change: &'static str,
    pub prompt_me: &'static str,
    #[serde(skip)]
    pub flash_no_member: fn(&str) -> String,
    pub flash_no_pupil: &'static str,
    /// A dossier asked for while a meeting is open: the room sees the screen.
    pub flash_dossier_presenting: &'static str,
    pub flash_import_presenting: &'static str,
    pub dossier_title: &'static str,
    pub dossier_cases: &'static str,
    pub dossier_timeline: &'static str,
    pub dossier_discussed: &'static str,
    pub dossier_on_agenda: &'static str,
    pub dossier_keys: &'static str,
    pub dossier_case_keys: &'static str,
    #[serde(skip)]
    pub dossier_anonymous_as: fn(&str) -> String,
    pub prepare_title: &'static str,
    pub prepare_team: &'static str,
    pub prepare_excused: &'static str,
    pub prepare_not_invited: &'static str,
    pub prepare_guest: &'static str,
    pub prepare_no_meeting: &'static str,
    pub prepare_keys_agenda: &'static str,
    pub prepare_keys_team: &'static str,
    pub prompt_plan_date: &'static str,
    pub prompt_plan_place: &'static str,
    pub prompt_item_title: &'static str,
    pub prompt_guest_name: &'static str,
    pub flash_fixed_item: &'static str,
    pub flash_past_date: &'static str,
    pub flash_no_proposals: &'static str,
    pub flash_last_invited: &'static str,
    /// `V` while preparing: what kind of meeting it is now.
    #[serde(skip)]
    pub flash_meeting_kind: fn(&str) -> String,
    pub actions_title: &'static str,
    pub actions_keys: &'static str,
    pub actions_none: &'static str,
    pub status_all: &'static str,
    pub filter_overdue: &'static str,
    pub filter_owner: &'static str,
    pub filter_pupil: &'static str,
    pub filter_meeting: &'static str,
    pub prompt_filter_owner: &'static str,
    pub prompt_filter_pupil: &'static str,
    pub prompt_filter_meeting: &'static str,

    pub about: &'static str,
    pub help_demo: &'static str,
    pub help_pupils: &'static str,
    pub help_pupil: &'static str,
    pub help_actions: &'static str,
    pub help_meetings: &'static str,
    pub help_search: &'static str,
    pub help_export: &'static str,
    pub help_export_minutes: &'static str,
    pub help_export_agenda: &'static str,
    pub help_agenda_meeting: &'static str,
    pub help_pupil_name: &'static str,
    pub help_query: &'static str,
    pub help_minutes_meeting: &'static str,
    pub help_presentation_state: &'static str,
    pub help_backup_file: &'static str,
    pub help_restore_file: &'static str,
    pub help_school_name: &'static str,
    pub help_meeting: &'static str,
    pub help_format: &'static str,
    pub help_data_dir: &'static str,
    pub help_lang: &'static str,
    pub help_json: &'static str,
    pub help_open_demo: &'static str,
    pub help_theme: &'static str,
    pub help_scale: &'static str,
    pub help_open: &'static str,
    pub help_owner: &'static str,
    pub help_overdue: &'static str,
    pub help_status: &'static str,
    pub help_pupil_filter: &'static str,
    pub help_meeting_filter: &'static str,
    pub help_backup: &'static str,
    pub help_restore: &'static str,
    pub help_force: &'static str,

    #[serde(skip)]
    pub err_in_use: fn(&str) -> String,
    #[serde(skip)]
    /// A database otter cannot read, with the newest automatic backup (if any) to restore:
    /// the way back as a command to type, without the reader's own (English) detail.
    pub err_damaged: fn(&str, Option<&str>) -> String,
    #[serde(skip)]
    pub err_foreign: fn(&str) -> String,
    #[serde(skip)]
    pub err_newer: fn(u32, u32) -> String,
    #[serde(skip)]
    pub err_no_migration: fn(u32) -> String,
    #[serde(skip)]
    pub err_exists: fn(&str) -> String,
    #[serde(skip)]
    pub err_disk: fn(&str) -> String,
    #[serde(skip)]
    pub err_not_empty: fn(&str) -> String,
    #[serde(skip)]
    pub err_no_pupil: fn(&str) -> String,
    #[serde(skip)]
    pub err_ambiguous: fn(&str, &str) -> String,
    #[serde(skip)]
    pub err_no_meeting: fn(&str) -> String,
    #[serde(skip)]
    pub err_no_owner: fn(&str) -> String,
    #[serde(skip)]
    pub err_empty: fn(&str) -> String,
    #[serde(skip)]
    pub err_date: fn(&str) -> String,
    #[serde(skip)]
    pub err_no_data_dir: fn() -> String,
    #[serde(skip)]
    pub err_terminal: fn(&str) -> String,
    #[serde(skip)]
    pub err_output: fn(&str) -> String,
    #[serde(skip)]
    pub err_no_database: fn(&str) -> String,
    #[serde(skip)]
    pub err_phase_model: fn(&str) -> String,
    #[serde(skip)]
    pub err_backup_file: fn(&str, &str) -> String,
    #[serde(skip)]
    pub err_backup_not_backup: fn(&str) -> String,
    #[serde(skip)]
    pub err_backup_newer: fn(&str) -> String,
    #[serde(skip)]
    pub err_backup_damaged: fn(&str, &str) -> String,
    #[serde(skip)]
    pub err_restore_not_empty: fn(&str) -> String,
    #[serde(skip)]
    pub err_restore_locked: fn(&str) -> String,
    #[serde(skip)]
    pub err_keep_backups: fn(&str) -> String,
    #[serde(skip)]
    pub notice_backup_failed: fn(&str) -> String,
    /// Why the disk refused a write, and how many edits the screen keeps to write later.
    #[serde(skip)]
    pub notice_unsaved: fn(&str, usize) -> String,
    /// The first quit while edits are kept: they would be lost.
    #[serde(skip)]
    pub notice_quit_unsaved: fn(usize) -> String,
    #[serde(skip)]
    pub backup_done: fn(usize, &str) -> String,
    #[serde(skip)]
    pub restore_done: fn(usize, &str, &str) -> String,
    #[serde(skip)]
    pub err_theme: fn(&str) -> String,
    #[serde(skip)]
    pub flash_action_done: fn(&str) -> String,
    #[serde(skip)]
    pub flash_action_reopened: fn(&str) -> String,
    #[serde(skip)]
    pub flash_action_due: fn(&str, &str) -> String,
    #[serde(skip)]
    pub prepare_proposed: fn(usize) -> String,
    /// Why a case is proposed for the agenda, beside it on the preparation screen.
    pub why_not_discussed: &'static str,
    #[serde(skip)]
    pub why_evaluation: fn(&str) -> String,
    pub why_carried_over: &'static str,
    pub why_new_signal: &'static str,
    #[serde(skip)]
    pub recorded_help_started: fn(&str) -> String,
    /// A help start after the day it is read as of.
    #[serde(skip)]
    pub recorded_help_planned: fn(&str) -> String,
    #[serde(skip)]
    pub recorded_waiting: fn(&str) -> String,
    #[serde(skip)]
    pub palette_theme: fn(&str) -> String,
    #[serde(skip)]
    pub minutes_reopened: fn(&str, &str) -> String,
    #[serde(skip)]
    pub minutes_owner_was: fn(&str) -> String,
    /// A meeting opened on another day than planned (the planned day): which date it carries.
    #[serde(skip)]
    pub prompt_held_on: fn(&str) -> String,
    /// Over a note in the minutes: the phase it was written in.
    #[serde(skip)]
    pub minutes_note_in: fn(&str) -> String,
    /// The new due date, and the one before.
    #[serde(skip)]
    pub minutes_due_was: fn(&str, &str) -> String,
    #[serde(skip)]
    pub prompt_reopen: fn(&str) -> String,
    #[serde(skip)]
    pub flash_missing: fn(&str) -> String,
    #[serde(skip)]
    pub flash_date_kept: fn(&str) -> String,
    #[serde(skip)]
    pub prompt_phase_back: fn(&str) -> String,
    #[serde(skip)]
    pub prompt_level: fn(u8, u8) -> String,
    #[serde(skip)]
    pub prompt_action_owner: fn(&str) -> String,
    /// Names the day the date was read as: "20-11" may be next year's.
    #[serde(skip)]
    pub prompt_plan_time: fn(&str) -> String,
    /// The three questions about an action already there name it: the row it is asked about
    /// may lie under the question's box.
    #[serde(skip)]
    pub prompt_drop_action: fn(&str) -> String,
    #[serde(skip)]
    pub prompt_new_owner: fn(&str) -> String,
    #[serde(skip)]
    pub prompt_new_due: fn(&str) -> String,
    #[serde(skip)]
    pub flash_action_saved: fn(&str, &str, &str) -> String,
    #[serde(skip)]
    pub flash_decision_saved: fn(&str) -> String,
    #[serde(skip)]
    pub picker_question: fn(&str) -> String,
    #[serde(skip)]
    pub flash_signal_opened: fn(&str) -> String,
    #[serde(skip)]
    pub err_internal: fn(&str) -> String,
    #[serde(skip)]
    pub err_usage: fn(&str) -> String,
    #[serde(skip)]
    pub usage_unknown_argument: fn(&str) -> String,
    #[serde(skip)]
    pub usage_unknown_command: fn(&str) -> String,
    #[serde(skip)]
    pub usage_invalid_value: fn(&str, &str, &str) -> String,
    #[serde(skip)]
    pub usage_missing: fn(&str) -> String,
    #[serde(skip)]
    pub usage_conflict: fn(&str, &str) -> String,
    #[serde(skip)]
    pub demo_done: fn(usize, usize, usize, usize, &str) -> String,
    #[serde(skip)]
    pub days_overdue: fn(i64) -> String,
    #[serde(skip)]
    pub too_small: fn(u16, u16) -> String,
    #[serde(skip)]
    pub count_cases: fn(usize) -> String,
    #[serde(skip)]
    pub prompt_guest_role: fn(&str) -> String,
    #[serde(skip)]
    pub flash_bad_time: fn(&str) -> String,
    #[serde(skip)]
    pub prepare_minutes: fn(u32, u32) -> String,
    /// `otter export agenda`: the title's first word, the facts' and the table's labels, and
    /// the line that says how pupils and guests are named.
    pub agenda_export_title: &'static str,
    pub agenda_export_length: &'static str,
    pub agenda_export_invited: &'static str,
    pub agenda_export_number: &'static str,
    pub agenda_export_item: &'static str,
    pub agenda_export_minutes: &'static str,
    pub agenda_export_privacy: &'static str,
    /// Minutes over the planned length, and the number of the first item past it.
    #[serde(skip)]
    pub prepare_overrun: fn(u32, usize) -> String,
    #[serde(skip)]
    pub count_actions: fn(usize) -> String,
    /// A group of search results: its kind, the hits shown, and how many there are.
    #[serde(skip)]
    pub search_heading: fn(&str, usize, usize) -> String,
    #[serde(skip)]
    pub flash_search_chosen: fn(&str) -> String,
    // Exports: minutes, the pupil's extract, actions as a spreadsheet and a calendar.
    pub export_school: &'static str,
    pub export_page: &'static str,
    pub export_page_of: &'static str,
    pub export_draft: &'static str,
    pub export_draft_banner: &'static str,
    pub export_none_planned: &'static str,
    pub export_extract_title: &'static str,
    pub export_extract_intro: &'static str,
    pub export_made_on: &'static str,
    pub export_no_cases: &'static str,
    pub export_case: &'static str,
    pub export_opened: &'static str,
    pub export_reason: &'static str,
    pub export_finished_on: &'static str,
    pub export_calendar_name: &'static str,
    pub export_minutes_file: &'static str,
    pub export_extract_file: &'static str,
    pub help_export_pupil: &'static str,
    pub help_export_actions: &'static str,
    pub help_output: &'static str,
    pub help_school: &'static str,
    pub school_none: &'static str,
    #[serde(skip)]
    pub export_draft_of: fn(&str) -> String,
    #[serde(skip)]
    pub export_anonymous: fn(&str) -> String,
    #[serde(skip)]
    pub export_meeting_on: fn(&str) -> String,
    #[serde(skip)]
    pub flash_exported: fn(&str) -> String,
    #[serde(skip)]
    pub flash_export_failed: fn(&str) -> String,
    /// Encryption at rest and the idle lock.
    #[serde(skip)]
    pub crypto: &'static crypto::CryptoTexts,
    /// The command line's look-ups and files, added later.
    #[serde(skip)]
    pub cli: &'static cli::CliTexts,
    /// clap's own words around the help of the command line.
    #[serde(skip)]
    pub help: &'static help::HelpTexts,
}

/// What each command does, one field per command: `app::Command::describe` picks the field by
/// an exhaustive match, so a new command without a text in both languages does not compile.
#[derive(Serialize)]
pub struct CommandTexts {
    pub open_meeting: &'static str,
    pub open_actions: &'static str,
    pub open: &'static str,
    pub next_panel: &'static str,
    pub choose_me: &'static str,
    pub export_extract: &'static str,
    pub import_pupils: &'static str,
    pub audit_log: &'static str,
    pub retention: &'static str,
    pub toggle_presentation: &'static str,
    pub erase_expired: &'static str,
    pub monitoring: &'static str,
    pub switch_period: &'static str,
    pub prepare_meeting: &'static str,
    pub plan_meeting: &'static str,
    pub reschedule: &'static str,
    pub move_item_up: &'static str,
    pub move_item_down: &'static str,
    pub longer_item: &'static str,
    pub shorter_item: &'static str,
    pub remove_item: &'static str,
    pub add_item: &'static str,
    pub add_proposals: &'static str,
    pub switch_pane: &'static str,
    pub toggle_invited: &'static str,
    pub add_guest: &'static str,
    pub toggle_vooroverleg: &'static str,
    pub next_item: &'static str,
    pub previous_item: &'static str,
    pub toggle_timer: &'static str,
    pub edit_notes: &'static str,
    pub add_action: &'static str,
    pub record_decision: &'static str,
    pub record_fields: &'static str,
    pub change_consent: &'static str,
    pub undo: &'static str,
    pub withdraw: &'static str,
    pub correct_question: &'static str,
    pub close_case: &'static str,
    pub history: &'static str,
    pub next_phase: &'static str,
    pub previous_phase: &'static str,
    pub level_up: &'static str,
    pub level_down: &'static str,
    pub new_signal: &'static str,
    pub close_meeting: &'static str,
    pub export_minutes: &'static str,
    pub reopen_meeting: &'static str,
    pub up: &'static str,
    pub down: &'static str,
    pub toggle_presence: &'static str,
    pub all_present: &'static str,
    pub toggle_done: &'static str,
    pub drop_action: &'static str,
    pub change_owner: &'static str,
    pub change_due: &'static str,
    pub cycle_status: &'static str,
    pub toggle_overdue: &'static str,
    pub filter_owner: &'static str,
    pub filter_pupil: &'static str,
    pub filter_meeting: &'static str,
    pub page_down: &'static str,
    pub page_up: &'static str,
    pub first: &'static str,
    pub last: &'static str,
    pub blank: &'static str,
    pub search: &'static str,
    pub palette: &'static str,
    pub back: &'static str,
    pub help: &'static str,
    pub quit: &'static str,
    /// Keys inside what opens over a screen (`app::overlay::InOverlay`).
    pub next_row: &'static str,
    pub previous_row: &'static str,
    pub next_field: &'static str,
    pub previous_field: &'static str,
}

impl Texts {
    pub fn role(&self, role: Role) -> &'static str {
        let index = Role::ALL.iter().position(|r| *r == role).unwrap_or(0);
        self.roles[index]
    }

    /// A pupil as a screen shows them: a pseudonym ("Leerling KR-17") in this language's word
    /// ("Pupil KR-17"), anything else (a name, initials) as it is.
    pub fn pseudonym<'a>(&self, shown: &'a str) -> std::borrow::Cow<'a, str> {
        match crate::domain::case::pseudonym_code(shown) {
            Some(code) if self.pseudonym_word != crate::domain::case::PSEUDONYM_WORD => {
                std::borrow::Cow::Owned(format!("{} {code}", self.pseudonym_word))
            }
            _ => std::borrow::Cow::Borrowed(shown),
        }
    }

    /// A guest as a shared screen or a mail shows them: "gast (ouder)", by the catalog's role
    /// only. Their name or the chair's own words for the role ("moeder van Sanne") would name
    /// the pupil.
    pub fn guest(&self, role: Role) -> String {
        // The English catalog explains a Dutch role in brackets ("leerkracht (teacher)"):
        // within the guest's brackets that becomes a comma, not brackets in brackets.
        let role = self.role(role).replace(" (", ", ").replace(')', "");
        format!("{} ({role})", self.prepare_guest)
    }

    /// A guest's role: in the chair's own words when they gave some, else the catalog's.
    pub fn guest_role<'a>(&self, role: Role, title: &'a str) -> &'a str {
        if title.is_empty() {
            self.role(role)
        } else {
            title
        }
    }

    pub fn recorded_label(&self, requirement: Requirement) -> &'static str {
        let index = Requirement::ALL.iter().position(|r| *r == requirement);
        index.map_or("", |i| self.recorded[i])
    }

    pub fn requirement(&self, requirement: Requirement) -> &'static str {
        let index = Requirement::ALL
            .iter()
            .position(|r| *r == requirement)
            .unwrap_or(0);
        self.requirements[index]
    }

    pub fn consent(&self, consent: Consent) -> &'static str {
        match consent {
            Consent::Unknown => self.consent_unknown,
            Consent::Yes => self.consent_yes,
            Consent::No => self.consent_no,
            Consent::Anonymous => self.consent_anonymous,
        }
    }

    pub fn status(&self, status: &ActionStatus) -> &'static str {
        match status {
            ActionStatus::Open => self.status_open,
            ActionStatus::Done { .. } => self.status_done,
            ActionStatus::Dropped { .. } => self.status_dropped,
        }
    }

    pub fn presence(&self, presence: crate::domain::Presence) -> &'static str {
        use crate::domain::Presence;
        match presence {
            Presence::Present => self.presence_present,
            Presence::AbsentWithNotice => self.presence_notice,
            Presence::Absent => self.presence_absent,
            Presence::NotRecorded => self.presence_unknown,
        }
    }

    pub fn meeting_state(&self, state: MeetingState) -> &'static str {
        match state {
            MeetingState::Planned => self.meeting_planned,
            MeetingState::Open => self.meeting_open,
            MeetingState::Closed => self.meeting_closed,
        }
    }

    pub fn meeting_kind(&self, kind: MeetingKind) -> &'static str {
        match kind {
            MeetingKind::Regular => self.meeting_regular,
            MeetingKind::Vooroverleg => self.meeting_vooroverleg,
        }
    }
}

#[cfg(test)]
mod tests;
