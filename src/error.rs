//! Errors a person can meet, each with a message in their language and an exit code
//! (documented in docs/architecture.md).

use std::path::PathBuf;

use crate::domain::dates::DateError;
use crate::domain::phase::ModelError;
use crate::i18n::Texts;
use crate::import::ImportError;
use crate::store::StoreError;
use crate::store::backup::{BackupError, Damage};

/// One of several pupils a name fits, as a message lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub name: String,
    pub groep: u8,
    /// The date of birth as it is typed to tell namesakes apart.
    pub born: String,
    /// Whether the pupil has a case that may show the name.
    pub has_case: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("demo refuses a non-empty database")]
    NotEmpty(PathBuf),
    #[error("no pupil {0}")]
    NoPupil(String),
    #[error("ambiguous {0}")]
    Ambiguous(String, Vec<String>),
    /// Pupils with one full name, told apart by date of birth only: the name, the candidates
    /// and the name with a date to copy.
    #[error("same name {0}")]
    SameName(String, Vec<Candidate>, String),
    /// Part of a name that fits several pupils: what was typed and (some of) the pupils.
    #[error("ambiguous pupil {0}")]
    AmbiguousPupil(String, Vec<Candidate>),
    /// `otter team NAME --email` with something that is no address.
    #[error("bad e-mail address")]
    BadEmail(String),
    /// An invitation without anyone to send it: no chair or "me" with an address.
    #[error("no organizer")]
    NoOrganizer,
    /// `otter forget --yes` with part of a name: what was typed and the full name it fits.
    #[error("forget needs the full name of {1}")]
    ForgetNeedsFullName(String, String),
    #[error("no closed meeting {0}")]
    NoMeeting(String),
    /// `--meeting` names no meeting: no such number or date.
    #[error("no meeting {0}")]
    UnknownMeeting(String),
    /// `--meeting last` while no meeting has been closed yet.
    #[error("no closed meeting yet")]
    NoClosedMeeting,
    /// `otter export agenda` or `invitation` without `--meeting` while no meeting is planned.
    #[error("no planned meeting")]
    NoPlannedMeeting,
    /// Minutes asked for of a meeting not closed, on this date.
    #[error("meeting of {0} not fixed")]
    NotFixed(String),
    #[error("no owner {0}")]
    NoOwner(String),
    #[error("empty {0:?}")]
    Empty(Field),
    #[error("query too short")]
    ShortQuery,
    #[error("bad date: {0}")]
    Date(#[from] DateError),
    #[error("no data directory")]
    NoDataDir,
    #[error("terminal: {0}")]
    Terminal(std::io::Error),
    /// Writing the answer of a command failed (a full disk behind a redirect).
    #[error("output: {0}")]
    Output(std::io::Error),
    /// The file `otter export -o` names could not be written.
    #[error("export file {0}: {1}")]
    ExportFile(PathBuf, std::io::Error),
    #[error("no database in {0}")]
    NoDatabase(PathBuf),
    #[error(transparent)]
    PhaseModel(#[from] ModelError),
    #[error(transparent)]
    Import(#[from] ImportError),
    /// An import stopped by its bad rows (without `--skip-bad`): nothing was written.
    #[error("{0} bad rows")]
    BadRows(usize),
    /// A new passphrase is needed and there is no terminal to ask it on.
    #[error("no terminal for the new passphrase")]
    NeedsTerminal,
    /// A backup file that cannot be read, written or restored (never `BackupError::Store`:
    /// that becomes `Error::Store`).
    #[error(transparent)]
    Backup(BackupError),
    #[error("OTTER_KEEP_BACKUPS: {0}")]
    KeepBackups(String),
    /// An erasure asked for without a terminal to confirm on and without `--yes`.
    #[error("confirmation needed")]
    NeedsConfirmation,
    /// The confirmation of an erasure was not given: nothing was erased.
    #[error("cancelled")]
    Cancelled,
    #[error("bad retention {0}")]
    RetentionYears(String),
    #[error(transparent)]
    Stats(#[from] crate::export::stats::StatsError),
}

impl From<BackupError> for Error {
    fn from(err: BackupError) -> Self {
        match err {
            BackupError::Store(err) => Error::Store(err),
            other => Error::Backup(other),
        }
    }
}

/// An input that must not be empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name,
    Query,
    Action,
    Owner,
    Decision,
}

pub type Result<T> = std::result::Result<T, Error>;

/// Exit codes: 0 success, 1 a user error (unknown name, bad input), 2 wrong use of the
/// command line (from clap), 3 database in use, 4 database damaged, foreign or newer,
/// 5 disk or terminal failure.
pub mod exit {
    pub const USER: u8 = 1;
    pub const IN_USE: u8 = 3;
    pub const DATABASE: u8 = 4;
    pub const SYSTEM: u8 = 5;
}

/// A look-up is read again when its store says a writer moved a page it read.
impl crate::store::MaybeMoved for Error {
    fn moved(&self) -> bool {
        matches!(self, Error::Store(err) if err.moved())
    }
}

impl Error {
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Store(StoreError::InUse(_)) => exit::IN_USE,
            Error::Store(
                StoreError::Damaged(_)
                | StoreError::Foreign(_)
                | StoreError::Newer { .. }
                | StoreError::NoMigration { .. }
                | StoreError::Interrupted,
            )
            | Error::Backup(BackupError::LiveDamaged(_)) => exit::DATABASE,
            Error::Store(StoreError::Io(_))
            | Error::Terminal(_)
            | Error::Output(_)
            | Error::ExportFile(..)
            | Error::NoDataDir
            | Error::Backup(BackupError::File(..)) => exit::SYSTEM,
            _ => exit::USER,
        }
    }

    pub fn message(&self, t: &Texts, data_dir: &str) -> String {
        match self {
            Error::Store(err) => store_message(err, t, data_dir),
            Error::NotEmpty(_) => (t.err_not_empty)(data_dir),
            Error::NoPupil(name) => (t.err_no_pupil)(name),
            Error::Ambiguous(name, candidates) => (t.err_ambiguous)(name, &candidates.join(", ")),
            Error::SameName(name, candidates, example) => {
                (t.cli.err_same_name)(name, &candidates_text(candidates, t), example)
            }
            Error::AmbiguousPupil(name, candidates) => {
                (t.err_ambiguous)(name, &candidates_text(candidates, t))
            }
            Error::BadEmail(text) => (t.cli.err_bad_email)(text),
            Error::NoOrganizer => t.cli.err_no_organizer.to_string(),
            Error::NoPlannedMeeting => t.cli.err_no_planned_meeting.to_string(),
            Error::ForgetNeedsFullName(typed, full) => (t.cli.err_forget_full_name)(typed, full),
            Error::NoOwner(name) => (t.err_no_owner)(name),
            Error::Stats(err) => err.message(t.stats),
            Error::NoMeeting(id) => (t.err_no_meeting)(id),
            Error::UnknownMeeting(which) => (t.cli.err_unknown_meeting)(which),
            Error::NoClosedMeeting => t.cli.err_no_closed_meeting.to_string(),
            Error::NotFixed(date) => (t.cli.err_not_fixed)(date),
            Error::Empty(Field::Name) => (t.err_empty)(t.field_name),
            Error::Empty(Field::Query) => (t.err_empty)(t.field_query),
            Error::Empty(Field::Action) => (t.err_empty)(t.field_action),
            Error::Empty(Field::Owner) => (t.err_empty)(t.field_owner),
            Error::Empty(Field::Decision) => (t.err_empty)(t.field_decision),
            Error::ShortQuery => t.search_type_more.to_string(),
            Error::Date(DateError::Impossible(text) | DateError::Unrecognised(text)) => {
                (t.err_date)(text)
            }
            Error::Date(DateError::NoNextMeeting) => t.err_no_next_meeting.to_string(),
            Error::Date(DateError::Empty) => t.err_no_date.to_string(),
            Error::NoDataDir => (t.err_no_data_dir)(),
            Error::Terminal(io) => (t.err_terminal)(&io_text(io, t)),
            Error::Output(io) => (t.err_output)(&io_text(io, t)),
            Error::ExportFile(file, io) => export_file_message(file, io, t),
            Error::NoDatabase(_) => (t.err_no_database)(data_dir),
            Error::PhaseModel(err) => (t.err_phase_model)(&err.to_string()),
            Error::Import(err) => import_message(err, t),
            Error::BadRows(count) => (t.import.err_bad_rows)(*count),
            Error::NeedsTerminal => t.crypto.err_needs_terminal.to_string(),
            Error::Backup(err) => backup_message(err, t, data_dir),
            Error::KeepBackups(value) => (t.err_keep_backups)(value),
            Error::NeedsConfirmation => t.privacy.err_needs_yes.to_string(),
            Error::Cancelled => t.privacy.err_cancelled.to_string(),
            Error::RetentionYears(text) => (t.privacy.err_years)(text),
        }
    }
}

/// An export's file not written: by its folder when that is what is wrong (not there, or not
/// to be written in), since the folder is what the person has to change.
fn export_file_message(file: &std::path::Path, io: &std::io::Error, t: &Texts) -> String {
    use std::io::ErrorKind;
    let folder = match file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => std::path::Path::new("."),
    };
    let (shown_folder, shown_file) = (folder.display().to_string(), file.display().to_string());
    match io.kind() {
        ErrorKind::NotFound if !folder.is_dir() => {
            (t.cli.err_export_no_folder)(&shown_folder, &shown_file)
        }
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => {
            (t.cli.err_export_folder_read_only)(&shown_folder, &shown_file, &io_text(io, t))
        }
        _ => (t.cli.err_export_file)(&shown_file, &io_text(io, t)),
    }
}

/// A disk or terminal failure in the chosen language: by its kind where that has a text, else
/// by the operating system's number, never in the system's own words ("Broken pipe (os error
/// 32)"). A failure otter or a library made up keeps its text.
fn io_text(io: &std::io::Error, t: &Texts) -> String {
    if let Some(text) = (t.cli.io_kind)(io.kind()) {
        return text.to_string();
    }
    match io.raw_os_error() {
        Some(code) => (t.cli.io_os)(code),
        None => io.to_string(),
    }
}

fn import_message(err: &ImportError, texts: &Texts) -> String {
    let t = &texts.import;
    match err {
        ImportError::Read { path, io } => (t.err_read)(path, &io_text(io, texts)),
        ImportError::TooLarge { path, limit } => (t.err_too_large)(path, *limit),
        ImportError::NoHeader => t.err_no_header.to_string(),
        ImportError::MissingColumn(field, headers) => {
            (t.err_missing_column)(field.key(), &headers.join(", "))
        }
        ImportError::UnknownColumn(name, headers) => {
            (t.err_unknown_column)(name, &headers.join(", "))
        }
        ImportError::ColumnOutOfRange(number, count) => (t.err_column_range)(*number, *count),
        ImportError::UnknownField(key) => {
            let known: Vec<&str> = crate::import::Field::ALL.iter().map(|f| f.key()).collect();
            (t.err_unknown_field)(key, &known.join(", "))
        }
        ImportError::BadMapping(text) => (t.err_bad_mapping)(text),
        ImportError::Xml { line, detail } => (t.err_xml)(*line, detail),
        ImportError::NotEdexml => t.err_not_edexml.to_string(),
        ImportError::MapWithEdexml => t.err_map_with_edexml.to_string(),
    }
}

fn store_message(err: &StoreError, t: &Texts, data_dir: &str) -> String {
    match err {
        StoreError::InUse(_) => (t.err_in_use)(data_dir),
        // The detail is the reader's own (sled's, in English): the way back is what helps.
        StoreError::Damaged(_) => {
            let newest = crate::store::backup::newest(std::path::Path::new(data_dir));
            let newest = newest.map(|file| file.display().to_string());
            (t.err_damaged)(data_dir, newest.as_deref())
        }
        StoreError::Foreign(_) => (t.err_foreign)(data_dir),
        StoreError::Newer { found, supported } => (t.err_newer)(*found, *supported),
        StoreError::NoMigration { from } => (t.err_no_migration)(*from),
        StoreError::Exists(tree) => (t.err_exists)(tree),
        StoreError::Io(io) => (t.err_disk)(&io_text(io, t)),
        StoreError::Encrypted => (t.crypto.err_encrypted)(data_dir),
        StoreError::WrongPassphrase => (t.crypto.err_wrong)(data_dir),
        StoreError::Interrupted => t.crypto.err_interrupted.to_string(),
    }
}

fn backup_message(err: &BackupError, t: &Texts, data_dir: &str) -> String {
    let shown = |path: &std::path::Path| path.display().to_string();
    match err {
        BackupError::File(file, io) => (t.err_backup_file)(&shown(file), &io_text(io, t)),
        BackupError::NotBackup(file) => (t.err_backup_not_backup)(&shown(file)),
        BackupError::Newer(file) => (t.err_backup_newer)(&shown(file)),
        BackupError::Damaged(file, damage) => {
            let detail = match damage {
                Damage::StopsEarly { line } => (t.cli.backup_stops_early)(*line),
                Damage::Unreadable { line, column } => (t.cli.backup_unreadable)(*line, *column),
                Damage::Seal => t.cli.backup_seal_broken.to_string(),
                Damage::Other(detail) => detail.clone(),
            };
            (t.err_backup_damaged)(&shown(file), &detail)
        }
        BackupError::NotEmpty(dir) => (t.err_restore_not_empty)(&shown(dir)),
        BackupError::LiveLocked(dir) => (t.err_restore_locked)(&shown(dir)),
        BackupError::LiveDamaged(dir) => (t.cli.err_restore_damaged)(&shown(dir)),
        BackupError::Sealed(file) => (t.cli.err_backup_sealed)(&shown(file)),
        BackupError::WrongPassphrase(file) => (t.cli.err_backup_wrong)(&shown(file)),
        // `From<BackupError>` makes these `Error::Store`.
        BackupError::Store(err) => store_message(err, t, data_dir),
    }
}

fn candidates_text(candidates: &[Candidate], t: &Texts) -> String {
    candidates
        .iter()
        .map(|c| (t.cli.pupil_candidate)(&c.name, c.groep, &c.born, c.has_case))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use std::io::{Error as IoError, ErrorKind};

    use super::*;
    use crate::i18n::Lang;

    /// The operating system's own text is English whatever the language asked ("No such file
    /// or directory (os error 2)"), and a temporary file's path may ride along in it.
    #[test]
    fn disk_and_file_failures_are_told_in_the_chosen_language() {
        let t = Lang::Nl.texts();
        let full = Error::Store(StoreError::Io(IoError::from(ErrorKind::StorageFull)));
        assert_eq!(
            full.message(t, "/data"),
            "Schijffout: de schijf is vol. Wat al bewaard was, blijft bewaard."
        );
        let temp = IoError::new(
            ErrorKind::NotFound,
            "No such file or directory (os error 2) at path \"/usb/.otter-x1Y2\"",
        );
        let backup = Error::Backup(BackupError::File(PathBuf::from("/usb/b.json"), temp));
        let text = backup.message(t, "/data");
        assert!(
            text.contains("/usb/b.json") && text.contains("bestaat niet"),
            "{text}"
        );
        assert!(
            !text.contains(".otter-") && !text.contains("os error"),
            "{text}"
        );
        let denied = Error::Store(StoreError::Io(IoError::from(ErrorKind::PermissionDenied)));
        let text = denied.message(t, "/data");
        assert!(text.contains("geen toestemming"), "{text}");
        let text = denied.message(Lang::En.texts(), "/data");
        assert!(text.contains("permission denied"), "{text}");
        // A backup cut short or garbled is the common damage: said in Dutch, with where.
        let cut = Error::Backup(BackupError::Damaged(
            PathBuf::from("ot.json"),
            Damage::StopsEarly { line: 494 },
        ));
        assert_eq!(
            cut.message(t, "/data"),
            "De back-up ot.json is beschadigd of onvolledig (het bestand houdt op bij regel 494); er is niets teruggezet."
        );
        let garbled = Error::Backup(BackupError::Damaged(
            PathBuf::from("ot.json"),
            Damage::Unreadable {
                line: 5,
                column: 73,
            },
        ));
        let text = garbled.message(t, "/data");
        assert!(text.contains("regel 5, kolom 73"), "{text}");
        // A failure otter itself describes keeps its text.
        let odd = Error::Output(IoError::other("kapotte kabel"));
        assert!(odd.message(t, "/data").ends_with("kapotte kabel"));
    }

    /// `otter backup - | head` and the like: the system's English must not reach a Dutch
    /// message, neither for a common failure nor for one otter has no words for.
    #[test]
    fn the_operating_systems_english_never_reaches_a_dutch_message() {
        let t = Lang::Nl.texts();
        let closed = Error::Backup(BackupError::File(
            PathBuf::from("-"),
            IoError::from(ErrorKind::BrokenPipe),
        ));
        let text = closed.message(t, "/data");
        assert!(text.contains("de uitvoer las, is gestopt"), "{text}");
        assert!(!text.to_lowercase().contains("broken pipe"), "{text}");
        // A number no system has a kind for: its English text ("Unknown error 9999 (os error
        // 9999)") stays out, its number is kept.
        let odd = Error::Output(IoError::from_raw_os_error(9999));
        let text = odd.message(t, "/data");
        assert!(
            text.contains("fout 9999 van het besturingssysteem"),
            "{text}"
        );
        assert!(
            !text.contains("os error") && !text.contains("Unknown"),
            "{text}"
        );
        let text = odd.message(Lang::En.texts(), "/data");
        assert!(text.contains("operating system error 9999"), "{text}");
    }
}
