//! Texts of the command line's look-ups and files added after the main catalog, kept in their
//! own part so they grow without touching the rest.

/// Messages of `otter pupil`, `forget`, `export`, `backup` and `restore`.
pub struct CliTexts {
    /// Two or more pupils with the same full name: the name alone cannot tell them apart.
    pub err_same_name: fn(&str, &str, &str) -> String,
    /// One of the pupils a name fits: name, groep, date of birth, whether it has a case.
    pub pupil_candidate: fn(&str, u8, &str, bool) -> String,
    /// `otter forget --yes` with part of a name: an erasure without a question takes the full
    /// name only.
    pub err_forget_full_name: fn(&str, &str) -> String,
    /// `otter export -o FILE` could not write the file (its folder missing, a full disk).
    pub err_export_file: fn(&str, &str) -> String,
    /// The same when the file's folder is not there (a typo, a USB stick not plugged in):
    /// the folder, then the file.
    pub err_export_no_folder: fn(&str, &str) -> String,
    /// The same when the folder may not be written (read-only): the folder, the file, why.
    pub err_export_folder_read_only: fn(&str, &str, &str) -> String,
    /// A disk or terminal failure by its kind, for the common ones; the operating system says
    /// the rest (in its own language).
    pub io_kind: fn(std::io::ErrorKind) -> Option<&'static str>,
    /// Any other failure the operating system reports, by its number: its own text is in the
    /// system's language (English on most machines), the number is what a helpdesk looks up.
    pub io_os: fn(i32) -> String,
    /// `otter restore` without `--force` over a database that cannot be read.
    pub err_restore_damaged: fn(&str) -> String,
    /// A look-up from a data directory otter cannot write (a read-only disk): said once.
    pub read_only_dir: fn(&str) -> String,
    /// Where a damaged backup stops, or what of it cannot be read.
    pub backup_stops_early: fn(usize) -> String,
    pub backup_unreadable: fn(usize, usize) -> String,
    /// `--meeting` with a number or date that is no meeting.
    pub err_unknown_meeting: fn(&str) -> String,
    pub err_no_closed_meeting: &'static str,
    pub err_no_planned_meeting: &'static str,
    /// Minutes asked for of the meeting on this date, which is not closed.
    pub err_not_fixed: fn(&str) -> String,
    /// After a restore over a database whose audit log names erasures.
    pub restore_after_erasures: fn(usize) -> String,
    /// A sealed backup restored without a passphrase, or with one that does not open it.
    pub err_backup_sealed: fn(&str) -> String,
    pub err_backup_wrong: fn(&str) -> String,
    /// What is wrong with a sealed backup whose seal does not hold.
    pub backup_seal_broken: &'static str,
    /// `--json` on a command that does not answer in JSON (the command, as typed in full).
    pub usage_no_json: fn(&str) -> String,
    /// `--overdue` beside a `--status` other than open: overdue actions are open ones.
    pub usage_overdue_status: fn(&str) -> String,
    pub help_team: &'static str,
    pub help_team_name: &'static str,
    pub help_email: &'static str,
    pub help_invitation: &'static str,
    pub help_invitation_meeting: &'static str,
    /// `otter team`: no members yet; a member's line; a member's address set or cleared.
    pub team_none: &'static str,
    pub team_no_email: &'static str,
    pub email_set: fn(&str, &str) -> String,
    pub email_cleared: fn(&str) -> String,
    /// An address that is not one (`naam@school.nl`).
    pub err_bad_email: fn(&str) -> String,
    /// An invitation needs a sender: neither the chair nor "me" has an address.
    pub err_no_organizer: &'static str,
    /// No meeting to invite to: none planned.
    pub help_config: &'static str,
    /// config.toml could not be used: file, line (0: not readable), reason; the defaults hold.
    pub config_malformed: fn(&str, usize, &str) -> String,
    /// `otter config`: the file's heading, no file at all (`OTTER_CONFIG=""`), a file not
    /// there, and the four sources.
    pub config_file: &'static str,
    pub config_no_file: &'static str,
    pub config_absent: fn(&str) -> String,
    pub config_default: &'static str,
    pub config_from_file: &'static str,
    pub config_from_env: &'static str,
    pub config_from_flag: &'static str,
    pub help_completions: &'static str,
    pub help_shell: &'static str,
    pub help_man: &'static str,
    pub help_man_dir: &'static str,
    /// `otter man --dir`: how many pages were written.
    pub man_written: fn(usize) -> String,
    /// The manual page's section headings that clap_mangen writes in English, in this
    /// language.
    pub man_headings: &'static [(&'static str, &'static str)],
}

pub const NL: CliTexts = CliTexts {
    err_same_name: |name, candidates, example| {
        format!(
            "Er zijn meer leerlingen met de naam {name}: {candidates}. Geef de geboortedatum erbij, bijvoorbeeld: {example}."
        )
    },
    pupil_candidate: |name, groep, born, has_case| {
        let case = if has_case { ", heeft een casus" } else { "" };
        format!("{name} (groep {groep}, {born}{case})")
    },
    err_forget_full_name: |typed, full| {
        format!(
            "Met --yes verwijdert otter alleen bij de volledige naam: \"{typed}\" is {full}. Geef \"{full}\", of laat --yes weg om te bevestigen."
        )
    },
    err_export_file: |file, detail| format!("{file} kon niet worden geschreven: {detail}"),
    err_export_no_folder: |folder, file| {
        format!(
            "De map {folder} bestaat niet, dus {file} is niet geschreven. Maak de map eerst, of kies een andere (is de USB-stick aangesloten?)."
        )
    },
    err_export_folder_read_only: |folder, file, detail| {
        format!(
            "In de map {folder} kan otter niet schrijven ({detail}), dus {file} is niet geschreven. Kies een andere map."
        )
    },
    io_kind: |kind| {
        use std::io::ErrorKind;
        Some(match kind {
            ErrorKind::NotFound => "het bestand of de map bestaat niet",
            ErrorKind::PermissionDenied => {
                "geen toestemming om hier te lezen of te schrijven (alleen-lezen of van een andere gebruiker)"
            }
            ErrorKind::StorageFull | ErrorKind::QuotaExceeded => "de schijf is vol",
            ErrorKind::ReadOnlyFilesystem => "de schijf is alleen-lezen",
            ErrorKind::IsADirectory => "dat is een map, geen bestand",
            ErrorKind::NotADirectory => "een deel van het pad is een bestand, geen map",
            ErrorKind::FileTooLarge => "het bestand is te groot voor deze schijf",
            ErrorKind::UnexpectedEof => "de invoer hield op (Ctrl-D)",
            ErrorKind::BrokenPipe => "het programma dat de uitvoer las, is gestopt",
            ErrorKind::AlreadyExists => "dat bestand bestaat al",
            ErrorKind::DirectoryNotEmpty => "de map is niet leeg",
            ErrorKind::ResourceBusy | ErrorKind::ExecutableFileBusy => {
                "het bestand is in gebruik door een ander programma"
            }
            ErrorKind::InvalidFilename => "de naam van het bestand is te lang of niet toegestaan",
            ErrorKind::CrossesDevices => {
                "het bestand kan niet naar een andere schijf worden verplaatst"
            }
            ErrorKind::TimedOut => "de schijf of het netwerk antwoordde niet op tijd",
            ErrorKind::Interrupted => "onderbroken",
            ErrorKind::OutOfMemory => "het geheugen is vol",
            _ => return None,
        })
    },
    io_os: |code| format!("fout {code} van het besturingssysteem"),
    err_restore_damaged: |dir| {
        format!(
            "De database in {dir} is beschadigd. Vervang haar door de back-up met otter restore BESTAND --force; bewaar eerst een kopie van de map als u haar wilt laten onderzoeken."
        )
    },
    read_only_dir: |dir| {
        format!(
            "Let op: {dir} is alleen-lezen. otter kan hier lezen, maar wijzigingen kunnen niet worden bewaard."
        )
    },
    backup_stops_early: |line| format!("het bestand houdt op bij regel {line}"),
    backup_unreadable: |line, column| {
        format!("een record dat otter niet kan lezen, op regel {line}, kolom {column}")
    },
    err_unknown_meeting: |which| {
        format!(
            "Geen vergadering gevonden bij \"{which}\": geef een datum (3-11), last of haar nummer."
        )
    },
    err_no_closed_meeting: "Er is nog geen vastgestelde vergadering.",
    err_no_planned_meeting: "Er is geen vergadering gepland: plan er een met P en N op het startscherm, of noem er een met --meeting.",
    err_not_fixed: |date| {
        format!("De vergadering van {date} is nog niet vastgesteld: er is nog geen verslag.")
    },
    restore_after_erasures: |count| {
        let erasures = if count == 1 {
            "1 verwijdering".to_string()
        } else {
            format!("{count} verwijderingen")
        };
        format!(
            "Let op: de auditlog noemt {erasures} van vóór het terugzetten (otter forget, bewaartermijn). Een leerling of casus die toen is verwijderd en in deze back-up stond, is nu terug: verwijder hem opnieuw."
        )
    },
    err_backup_sealed: |file| {
        format!(
            "De back-up {file} is versleuteld; geef de wachtwoordzin waarmee hij gemaakt is (op de terminal of in OTTER_PASSPHRASE). Er is niets teruggezet."
        )
    },
    err_backup_wrong: |file| {
        format!("Verkeerde wachtwoordzin voor de back-up {file}; er is niets teruggezet.")
    },
    backup_seal_broken: "het versleutelde bestand is afgebroken of veranderd",
    usage_no_json: |command| format!("{command} antwoordt niet in JSON; laat --json weg"),
    help_team: "De teamleden, en het e-mailadres van een teamlid voor uitnodigingen",
    help_team_name: "Het teamlid: (een deel van) de naam",
    help_email: "Het e-mailadres voor uitnodigingen; leeg (\"\") haalt het weg",
    help_invitation: "Een vergadering als uitnodiging (iCalendar) voor de teamleden met een e-mailadres",
    help_invitation_meeting: "Welke vergadering: nummer, datum of last; standaard de eerstvolgende",
    team_none: "Nog geen teamleden.",
    team_no_email: "geen e-mailadres",
    email_set: |name, email| format!("E-mailadres van {name}: {email}"),
    email_cleared: |name| format!("{name} heeft geen e-mailadres meer."),
    err_bad_email: |text| format!("\"{text}\" is geen e-mailadres (zoals naam@school.nl)."),
    err_no_organizer: "Een uitnodiging heeft een afzender nodig: geef de voorzitter of jezelf een e-mailadres met otter team NAAM --email ADRES.",
    help_config: "Waar config.toml staat, en elke instelling die geldt en waar die vandaan komt",
    config_malformed: |file, line, reason| {
        let place = if line == 0 {
            file.to_string()
        } else {
            format!("{file}, regel {line}")
        };
        format!(
            "de instellingen in {place} zijn niet gebruikt ({reason}); otter gaat verder met de standaardinstellingen"
        )
    },
    config_file: "Instellingenbestand",
    config_no_file: "geen (OTTER_CONFIG is leeg)",
    config_absent: |path| format!("{path} (bestaat nog niet)"),
    config_default: "standaard",
    config_from_file: "uit het bestand",
    config_from_env: "uit een omgevingsvariabele",
    config_from_flag: "uit een optie",
    help_completions: "Tab-aanvulling voor een shell, naar de standaarduitvoer (zie de handleiding waar die heen moet)",
    help_shell: "De shell",
    help_man: "De handleiding als man-pagina (roff), naar de standaarduitvoer",
    help_man_dir: "Schrijf een pagina voor otter en voor elke opdracht in deze map",
    man_written: |n| format!("{n} man-pagina's geschreven."),
    man_headings: &[
        ("NAME", "NAAM"),
        ("SYNOPSIS", "OVERZICHT"),
        ("DESCRIPTION", "BESCHRIJVING"),
        ("OPTIONS", "OPTIES"),
        ("SUBCOMMANDS", "OPDRACHTEN"),
        ("VERSION", "VERSIE"),
    ],
    usage_overdue_status: |status| {
        format!(
            "--overdue toont open actiepunten waarvan de datum voorbij is en gaat niet samen met --status {status}"
        )
    },
};

pub const EN: CliTexts = CliTexts {
    err_same_name: |name, candidates, example| {
        format!(
            "More than one pupil is named {name}: {candidates}. Add the date of birth, for example: {example}."
        )
    },
    pupil_candidate: |name, groep, born, has_case| {
        let case = if has_case { ", has a case" } else { "" };
        format!("{name} (group {groep}, {born}{case})")
    },
    err_forget_full_name: |typed, full| {
        format!(
            "With --yes otter erases by the full name only: \"{typed}\" is {full}. Give \"{full}\", or leave out --yes to confirm."
        )
    },
    err_export_file: |file, detail| format!("{file} could not be written: {detail}"),
    err_export_no_folder: |folder, file| {
        format!(
            "The folder {folder} does not exist, so {file} was not written. Make the folder first, or choose another (is the USB stick plugged in?)."
        )
    },
    err_export_folder_read_only: |folder, file, detail| {
        format!(
            "otter cannot write in the folder {folder} ({detail}), so {file} was not written. Choose another folder."
        )
    },
    io_kind: |kind| {
        use std::io::ErrorKind;
        Some(match kind {
            ErrorKind::NotFound => "the file or folder does not exist",
            ErrorKind::PermissionDenied => "permission denied (read-only, or another user's)",
            ErrorKind::StorageFull | ErrorKind::QuotaExceeded => "the disk is full",
            ErrorKind::ReadOnlyFilesystem => "the disk is read-only",
            ErrorKind::IsADirectory => "that is a folder, not a file",
            ErrorKind::NotADirectory => "part of the path is a file, not a folder",
            ErrorKind::FileTooLarge => "the file is too large for this disk",
            ErrorKind::UnexpectedEof => "the input ended (Ctrl-D)",
            ErrorKind::BrokenPipe => "the program reading the output has stopped",
            ErrorKind::AlreadyExists => "that file already exists",
            ErrorKind::DirectoryNotEmpty => "the folder is not empty",
            ErrorKind::ResourceBusy | ErrorKind::ExecutableFileBusy => {
                "the file is in use by another program"
            }
            ErrorKind::InvalidFilename => "the file name is too long or not allowed",
            ErrorKind::CrossesDevices => "the file cannot be moved to another disk",
            ErrorKind::TimedOut => "the disk or network did not answer in time",
            ErrorKind::Interrupted => "interrupted",
            ErrorKind::OutOfMemory => "out of memory",
            _ => return None,
        })
    },
    io_os: |code| format!("operating system error {code}"),
    err_restore_damaged: |dir| {
        format!(
            "The database in {dir} is damaged. Replace it by the backup with otter restore FILE --force; keep a copy of the folder first if it is to be examined."
        )
    },
    read_only_dir: |dir| {
        format!("Note: {dir} is read-only. otter can read here, but changes cannot be saved.")
    },
    backup_stops_early: |line| format!("the file stops early, at line {line}"),
    backup_unreadable: |line, column| {
        format!("a record otter cannot read, at line {line}, column {column}")
    },
    err_unknown_meeting: |which| {
        format!("No meeting found for \"{which}\": give a date (3-11), last or its number.")
    },
    err_no_closed_meeting: "No meeting has been closed yet.",
    err_no_planned_meeting: "No meeting is planned: plan one with P and N on the start screen, or name one with --meeting.",
    err_not_fixed: |date| format!("The meeting of {date} is not closed yet: it has no minutes."),
    restore_after_erasures: |count| {
        let erasures = if count == 1 {
            "1 erasure".to_string()
        } else {
            format!("{count} erasures")
        };
        format!(
            "Note: the audit log names {erasures} from before this restore (otter forget, retention). A pupil or case erased then that was in this backup is back now: erase it again."
        )
    },
    err_backup_sealed: |file| {
        format!(
            "The backup {file} is encrypted; give the passphrase it was made with (at the terminal or in OTTER_PASSPHRASE). Nothing was restored."
        )
    },
    err_backup_wrong: |file| {
        format!("Wrong passphrase for the backup {file}; nothing was restored.")
    },
    backup_seal_broken: "the encrypted file is cut short or changed",
    usage_no_json: |command| format!("{command} does not answer in JSON; leave out --json"),
    help_team: "The team's members, and a member's e-mail address for invitations",
    help_team_name: "The member: (part of) the name",
    help_email: "The e-mail address for invitations; empty (\"\") removes it",
    help_invitation: "A meeting as an invitation (iCalendar) to the members with an e-mail address",
    help_invitation_meeting: "Which meeting: number, date or last; the next one by default",
    team_none: "No team members yet.",
    team_no_email: "no e-mail address",
    email_set: |name, email| format!("E-mail address of {name}: {email}"),
    email_cleared: |name| format!("{name} has no e-mail address any more."),
    err_bad_email: |text| format!("\"{text}\" is not an e-mail address (like name@school.nl)."),
    err_no_organizer: "An invitation needs a sender: give the chair or yourself an e-mail address with otter team NAME --email ADDRESS.",
    help_config: "Where config.toml is, and each setting in force and where it comes from",
    config_malformed: |file, line, reason| {
        let place = if line == 0 {
            file.to_string()
        } else {
            format!("{file}, line {line}")
        };
        format!("the settings in {place} were not used ({reason}); otter goes on with the defaults")
    },
    config_file: "Settings file",
    config_no_file: "none (OTTER_CONFIG is empty)",
    config_absent: |path| format!("{path} (not there yet)"),
    config_default: "default",
    config_from_file: "from the file",
    config_from_env: "from an environment variable",
    config_from_flag: "from an option",
    help_completions: "Tab completion for a shell, to standard output (the guide says where it goes)",
    help_shell: "The shell",
    help_man: "The guide as a manual page (roff), to standard output",
    help_man_dir: "Write a page for otter and for every command into this folder",
    man_written: |n| format!("{n} manual pages written."),
    man_headings: &[],
    usage_overdue_status: |status| {
        format!(
            "--overdue shows open actions past their date and does not go with --status {status}"
        )
    },
};
