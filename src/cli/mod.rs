//! `otter` on the command line: quick look-ups that print plain text (or `--json`) and exit,
//! and the full screen when no command is given.

mod args;
mod calendar;
mod config;
mod help;
mod import;
mod passphrase;
mod print;
mod privacy;
mod refuse;
mod shell;
mod stats;
mod team;
mod unlock;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;

use crate::domain::AuditEntry;
use crate::domain::PhaseModel;
use crate::domain::phase::ModelError;
use crate::error::{Error, Result};
use crate::i18n::{Lang, Texts};
use crate::query;
use crate::store::{Store, backup};
pub use args::{Cli, Command, Export, Format, Import, ImportPupils, ListFormat};

/// Where a school's own phase model lives, beside its database.
const PHASE_FILE: &str = "phases.toml";
/// Hits printed per kind: the best ones; the heading says how many there are in all.
const SEARCH_LIMIT: usize = 20;

pub fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    let loaded = config::load();
    let lang = args::language_of(&args, config::language(&loaded));
    install_panic_message(lang);
    let matches = match args::matches(&args, lang.texts()) {
        Ok(matches) => matches,
        Err(err) => return usage_error(err, lang.texts()),
    };
    let mut cli = match <Cli as clap::FromArgMatches>::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(err) => return usage_error(err, lang.texts()),
    };
    let in_force = config::apply(&mut cli, &matches, &loaded);
    let t = cli.lang.texts();
    if let Some(warning) = config::warning(&loaded, t) {
        eprintln!("otter: {}", crate::text::visible_lines(&warning));
    }
    if cli.demo && cli.command.is_some() {
        // --demo is a throwaway screen; with a command it would read the real database.
        eprintln!("otter: {}", (t.err_usage)(t.err_demo_with_command));
        return ExitCode::from(2);
    }
    if let Some(why) = refuse::refused(&cli, &matches, t) {
        eprintln!("otter: {}", (t.err_usage)(&why));
        return ExitCode::from(2);
    }
    // Generated from the command line itself: no database, no data directory.
    match cli.command {
        Some(Command::Completions { shell }) => {
            let mut out = std::io::stdout().lock();
            return match finish(shell::completions(shell, cli.lang, &mut out)) {
                Ok(()) => ExitCode::SUCCESS,
                Err(err) => report(&err, t, Path::new("")),
            };
        }
        Some(Command::Man { ref dir }) => {
            let mut out = std::io::stdout().lock();
            return match shell::man(cli.lang, dir.as_deref(), &mut out) {
                Ok(written) => {
                    if !written.is_empty() {
                        eprintln!("{}", (t.cli.man_written)(written.len()));
                    }
                    ExitCode::SUCCESS
                }
                Err(Error::Output(err)) if err.kind() == std::io::ErrorKind::BrokenPipe => {
                    ExitCode::SUCCESS
                }
                Err(err) => report(&err, t, Path::new("")),
            };
        }
        _ => {}
    }
    if matches!(cli.command, Some(Command::Config)) {
        let mut out = crate::text::Visible::new(std::io::stdout().lock());
        let shown = config::show(&loaded, &in_force, t, cli.json, &mut out);
        return match finish(shown) {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => report(&err, t, Path::new("")),
        };
    }
    let data_dir = match data_dir(&cli) {
        Ok(dir) => dir,
        Err(err) => return report(&err, t, Path::new("")),
    };
    match run(cli, &data_dir, today()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => report(&err, t, &data_dir),
    }
}

fn report(err: &Error, t: &Texts, data_dir: &Path) -> ExitCode {
    let message = err.message(t, &data_dir.display().to_string());
    // Messages quote file names, headers and names from the data: shown, never replayed.
    eprintln!("otter: {}", crate::text::visible_lines(&message));
    ExitCode::from(err.exit_code())
}

/// clap's help and version go to stdout as usual; its errors become one line in our language.
fn usage_error(err: clap::Error, t: &Texts) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        err.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    ) {
        let _ = err.print();
        return ExitCode::SUCCESS;
    }
    let detail = usage_detail(&err, t).unwrap_or_else(|| {
        // A kind we do not phrase ourselves keeps clap's own (English) first line.
        let rendered = err.render().to_string();
        let first = rendered.lines().next().unwrap_or_default();
        first.trim_start_matches("error: ").to_string()
    });
    eprintln!("otter: {}", (t.err_usage)(&detail));
    ExitCode::from(2)
}

/// The common usage errors in the chosen language, from what clap found.
fn usage_detail(err: &clap::Error, t: &Texts) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let context = |kind| match err.get(kind)? {
        ContextValue::String(text) => Some(format!("'{text}'")),
        ContextValue::Strings(texts) => Some(
            texts
                .iter()
                .map(|text| format!("'{text}'"))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        _ => None,
    };
    match err.kind() {
        ErrorKind::UnknownArgument => Some((t.usage_unknown_argument)(&context(
            ContextKind::InvalidArg,
        )?)),
        ErrorKind::InvalidSubcommand => Some((t.usage_unknown_command)(&context(
            ContextKind::InvalidSubcommand,
        )?)),
        // A value clap could not parse (a number that is not one) is the same mistake to
        // the person who typed it; the parser's own reason is English.
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => Some((t.usage_invalid_value)(
            &context(ContextKind::InvalidValue)?,
            &context(ContextKind::InvalidArg)?,
            &context(ContextKind::ValidValue).unwrap_or_default(),
        )),
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            Some(t.usage_missing_command.to_string())
        }
        ErrorKind::MissingRequiredArgument => {
            Some((t.usage_missing)(&context(ContextKind::InvalidArg)?))
        }
        ErrorKind::ArgumentConflict => Some((t.usage_conflict)(
            &context(ContextKind::InvalidArg)?,
            &context(ContextKind::PriorArg)?,
        )),
        _ => None,
    }
}

/// No backtrace and no data in the message: where it happened, that what was saved is saved.
fn install_panic_message(lang: Lang) {
    std::panic::set_hook(Box::new(move |info| {
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("otter: {}", (lang.texts().err_internal)(&place));
    }));
}

fn data_dir(cli: &Cli) -> Result<PathBuf> {
    if let Some(dir) = &cli.data_dir {
        return Ok(dir.clone());
    }
    directories::ProjectDirs::from("nl", "otter", "otter")
        // The local, not the roaming, directory: on a school's Windows laptop a roaming profile
        // would copy pupil data to a server at every logoff.
        .map(|dirs| dirs.data_local_dir().to_path_buf())
        .ok_or(Error::NoDataDir)
}

/// The local date, or `OTTER_TODAY` (yyyy-mm-dd) so that tests and captured screens are
/// repeatable.
fn today() -> NaiveDate {
    std::env::var("OTTER_TODAY")
        .ok()
        .and_then(|text| NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok())
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// The domain only parses a model; reading the school's file is the command line's I/O. A
/// file that cannot be read is refused as a broken model, naming the file.
fn phase_model(data_dir: &Path) -> Result<PhaseModel> {
    let file = data_dir.join(PHASE_FILE);
    if !file.is_file() {
        return Ok(PhaseModel::default());
    }
    let name = file.display().to_string();
    let text = std::fs::read_to_string(&file).map_err(|err| ModelError {
        file: name.clone(),
        line: 0,
        reason: err.to_string(),
    })?;
    Ok(PhaseModel::parse(&text, &name)?)
}

pub fn run(cli: Cli, data_dir: &Path, today: NaiveDate) -> Result<()> {
    let lang = cli.lang;
    let t = lang.texts();
    let screen = crate::app::Settings {
        lang,
        today,
        theme: cli.theme.clone(),
        demo: cli.demo,
        lock_after: cli.lock_after,
        monitoring: cli.monitoring,
    };
    let demo = cli.demo || matches!(cli.command, Some(Command::Demo { .. }));
    let mut unlock = unlock::CliUnlock::new(t.crypto, data_dir, demo);
    if cli.demo && cli.command.is_none() {
        return crate::tui::run_demo(screen, &mut unlock);
    }
    // A school's broken model file is reported whatever the command, not only when a phase
    // happens to be shown.
    let model = phase_model(data_dir)?;
    // Checked before any store opens: a migration or a closed meeting writes a rolling backup.
    let keep = std::env::var(backup::KEEP_ENV).ok();
    backup::parse_keep(keep.as_deref()).map_err(Error::KeepBackups)?;
    let Some(command) = cli.command else {
        let store = Store::open_with(data_dir, &mut unlock)?;
        let (store, saved) = crate::tui::run(store, &model, screen)?;
        // An erasure on the screen (retention) is rewritten out of sled's files as the screen
        // closes, not only at the next start.
        if store.rewrite_pending()? {
            store.purge()?;
        } else if saved {
            // Every edit was flushed as it was made, so sled's shutdown has nothing left to
            // do but an fsync, joining its threads and freeing its page table page by page:
            // a tenth of a large school's session from start to first frame and out again.
            // Edits the disk refused are left to it, which flushes once more.
            let _ = store.leave();
        }
        return Ok(());
    };
    // An import opens the store itself: a real one may create the database, a dry run never.
    let command = match command {
        Command::Import(Import::Pupils(args)) => {
            return import::run(&args, data_dir, &mut unlock, cli.json, lang);
        }
        command => command,
    };
    // Adding up schools' files reads no database.
    let command = match command {
        Command::Stats(args::StatsArgs {
            combine: Some(combine),
            ..
        }) => {
            let mut out = std::io::stdout().lock();
            return finish(stats::combine(&combine, lang, &mut out)?);
        }
        command => command,
    };
    let command = match command {
        Command::Restore { file, force } => {
            return restore(data_dir, &file, force, &mut unlock, cli.json, t);
        }
        other => other,
    };
    // A look-up never creates a database: a mistyped --data-dir would otherwise answer
    // "nothing found" from a new, empty one.
    if !matches!(command, Command::Demo { .. }) && !Store::exists(data_dir) {
        crate::store::tidy_unfinished(data_dir)?;
        return Err(Error::NoDatabase(data_dir.to_path_buf()));
    }
    let mut store = if reads_only(&command) {
        // A backup reads every page once: with a cache for that, in bounded memory. So does
        // a search, of the trees it reads.
        let store = if matches!(command, Command::Backup { .. } | Command::Search { .. }) {
            Store::open_to_stream(data_dir, &mut unlock)?
        } else {
            Store::open_to_read(data_dir, &mut unlock)?
        };
        if !Store::writable(data_dir) {
            eprintln!(
                "otter: {}",
                (t.cli.read_only_dir)(&data_dir.display().to_string())
            );
        }
        store
    } else if audited_only(&command) {
        open_beside_screen(data_dir, &mut unlock)?
    } else {
        Store::open_with(data_dir, &mut unlock)?
    };
    let json = cli.json;
    if answered_whole(&command) {
        // Answered into memory and printed once whole: beside the screen's writes a look-up
        // may have to read again (`Store::read`), and must not print twice.
        let (answer, store) =
            store.read_here(|store| look_up(store, &command, &model, lang, today, json))?;
        // Nothing is left to flush (as at the end of `run`).
        let _ = store.leave();
        let mut out = crate::text::Visible::new(std::io::stdout().lock());
        return finish(std::io::Write::write_all(&mut out, &answer));
    }
    let mut out = crate::text::Visible::new(std::io::stdout().lock());
    let written = match command {
        Command::Demo { scale } => {
            if !store.is_empty() {
                return Err(Error::NotEmpty(data_dir.to_path_buf()));
            }
            if !json {
                eprintln!("{}", t.demo_filling);
            }
            // Built beside the empty database and swapped in whole: a demo killed half-way
            // leaves the empty one, and the next `demo` starts again.
            let (store, summary) = store.rebuild(|new| crate::demo::fill(new, scale, today))?;
            // After a bulk write the next open, often a look-up that cannot write the
            // snapshot, would read the whole log again: sled writes it now.
            drop(store.settled()?);
            let written = if json {
                print::json(&mut out, &summary)
            } else {
                let dir = data_dir.display().to_string();
                print::line(
                    &mut out,
                    &(t.demo_done)(
                        summary.pupils,
                        summary.cases,
                        summary.meetings,
                        summary.actions,
                        &dir,
                    ),
                )
            };
            return finish(written);
        }
        Command::Passphrase => {
            let said = passphrase::change(store, t.crypto, unlock.terminal())?;
            return finish(print::line(&mut out, said));
        }
        Command::Pupils
        | Command::Pupil { .. }
        | Command::Actions(_)
        | Command::Meetings
        | Command::Search { .. }
        | Command::Audit => unreachable!("answered above"),
        Command::Backup { file } => {
            let summary = if file.as_os_str() == "-" {
                // A line at a time would be a write to the terminal or pipe per record.
                let mut buffered = std::io::BufWriter::new(&mut out);
                let summary = backup::write_to(&store, &mut buffered, &file)?;
                std::io::Write::flush(&mut buffered).map_err(Error::Output)?;
                summary
            } else {
                backup::write_backup(&store, &file)?
            };
            // On standard error when the backup itself is on standard output.
            let done = (t.backup_done)(summary.records, &file.display().to_string());
            match (json, file.as_os_str() == "-") {
                (_, true) => {
                    eprintln!("{done}");
                    Ok(())
                }
                (true, false) => print::json(&mut out, &summary),
                (false, false) => print::line(&mut out, &done),
            }
        }
        Command::Restore { .. } => unreachable!("restored above"),
        Command::School { name } => {
            let name = name.join(" ");
            let name = name.trim();
            if !name.is_empty() {
                store.set_school(name)?;
            }
            let school = store.school()?;
            if json {
                print::json(&mut out, &school)
            } else if school.is_empty() {
                print::line(&mut out, t.school_none)
            } else {
                print::line(&mut out, &school)
            }
        }
        Command::Export(export) => {
            let school = store.school()?;
            let cx = crate::export::Context {
                model: &model,
                lang,
                school: &school,
                today,
            };
            let (command, extract) = match &export {
                Export::Minutes { .. } => ("otter export minutes", false),
                Export::Agenda { .. } => ("otter export agenda", false),
                Export::Pupil { .. } => ("otter export pupil", true),
                Export::Actions { .. } => ("otter export actions", false),
                Export::Invitation { .. } => ("otter export invitation", false),
            };
            // Read again if the screen beside it moved a page meanwhile, as a look-up is.
            let ((bytes, output), read) =
                store.read_here(|store| exported(store, &export, &cx, cli.meeting_minutes))?;
            store = read;
            let written = match output {
                // Not `export::file::write`, which makes the screen's export folder: a folder
                // typed here that is not there is a typo or a USB stick not plugged in, and the
                // document would land on the laptop's own disk instead.
                Some(path) => {
                    crate::atomic::write(&path, |err| err, |file| file.write_all(&bytes))
                        .map_err(|err| Error::ExportFile(path.clone(), err))?;
                    Ok(())
                }
                None => std::io::Write::write_all(&mut out, &bytes),
            };
            if written.is_ok() {
                let now = privacy::now(today);
                store.audit(AuditEntry::export(now, command, extract))?;
            }
            written
        }
        // Answered above, before the store was opened.
        Command::Import(_)
        | Command::Config
        | Command::Completions { .. }
        | Command::Man { .. } => Ok(()),
        Command::Forget { name, yes } => {
            let now = privacy::now(today);
            privacy::forget(&store, &name.join(" "), yes, now, t, &mut out, json)?
        }
        Command::Retention { erase, yes, years } => {
            let now = privacy::now(today);
            let asked = privacy::RetentionAsked { erase, yes, years };
            privacy::retention(&store, asked, now, t, &mut out, json)?
        }
        Command::Stats(args) => {
            let (written, read) = stats::run(
                store,
                &model,
                &args,
                cli.monitoring,
                lang,
                today,
                json,
                &mut out,
            )?;
            store = read;
            written
        }
        Command::Presentation { state } => privacy::presentation(&store, state, t, &mut out, json)?,
        Command::Team { name, email } => {
            team::run(&store, &name, email.as_deref(), t, &mut out, json)?
        }
    };
    // An erasure is only done once no file keeps what it removed: the database is rewritten
    // and the rolling backups that may hold it are replaced by one of what is left.
    if store.rewrite_pending()? {
        let (_, dropped) = store.purge()?;
        if !dropped.is_empty() {
            eprintln!("{}", (t.privacy.backups_dropped)(&dropped.join(", ")));
        }
    } else {
        // Every write was flushed when it was made.
        let _ = store.leave();
    }
    finish(written)
}

/// The look-ups answered whole into memory, so that they can be read again (`Store::read`).
fn answered_whole(command: &Command) -> bool {
    matches!(
        command,
        Command::Pupils
            | Command::Pupil { .. }
            | Command::Actions(_)
            | Command::Meetings
            | Command::Search { .. }
            | Command::Audit
    )
}

/// The answer of a look-up (`answered_whole`), as it is printed.
fn look_up(
    store: &Store,
    command: &Command,
    model: &PhaseModel,
    lang: Lang,
    today: NaiveDate,
    json: bool,
) -> Result<Vec<u8>> {
    let t = lang.texts();
    let mut answer = Vec::new();
    let out = &mut answer;
    let written = match command {
        Command::Pupils => {
            let rows = query::pupils::list(store)?;
            if json {
                print::json(out, &rows)
            } else {
                print::pupils(out, &rows, t)
            }
        }
        Command::Pupil { name } => {
            let wanted = name.join(" ");
            let pupil = query::pupils::find(store, &wanted)?;
            let dossier = query::dossier::load(store, pupil.id)?.ok_or(Error::NoPupil(wanted))?;
            if json {
                print::json(out, &dossier)
            } else {
                print::dossier(out, &dossier, model, lang)
            }
        }
        Command::Actions(filter) => {
            let filter = action_filter(filter);
            let rows = query::actions::list(store, &filter, today)?;
            if json {
                print::json(out, &rows)
            } else {
                print::actions(out, &rows, lang)
            }
        }
        Command::Meetings => {
            let rows = query::meetings::list(store, today)?;
            if json {
                print::json(out, &rows)
            } else {
                print::meetings(out, &rows, lang)
            }
        }
        Command::Search { query: words } => {
            let found = query::search::search(store, &words.join(" "), SEARCH_LIMIT)?;
            if json {
                print::json(out, &found.hits().collect::<Vec<_>>())
            } else {
                print::hits(out, &found, t)
            }
        }
        Command::Audit => privacy::audit(store, t, out, json)?,
        _ => unreachable!("not a look-up answered whole"),
    };
    written.map_err(Error::Output)?;
    Ok(answer)
}

/// The commands that only read the database, which open it without writing (an export
/// writes its audit line, so it is not one of them: `audited_only`).
fn reads_only(command: &Command) -> bool {
    match command {
        Command::Pupils
        | Command::Pupil { .. }
        | Command::Actions(_)
        | Command::Meetings
        | Command::Search { .. }
        | Command::Backup { .. }
        | Command::Audit => true,
        Command::School { name } => name.join(" ").trim().is_empty(),
        Command::Presentation { state } => state.is_none(),
        Command::Team { email, .. } => email.is_none(),
        _ => false,
    }
}

/// The commands whose only write is their audit line: an export (a calendar's revisions are
/// kept only when it can write them, `calendar`), and `otter stats`.
fn audited_only(command: &Command) -> bool {
    matches!(command, Command::Export(_) | Command::Stats(_))
}

/// The store for a command whose only write is its audit line: opened for writing, or, while
/// another otter (the screen) holds the database, opened to read beside it. Its audit line
/// then waits in the inbox until the screen takes it into the log (`Store::audit`).
fn open_beside_screen(data_dir: &Path, unlock: &mut unlock::CliUnlock) -> Result<Store> {
    match Store::open_with(data_dir, unlock) {
        Err(crate::store::StoreError::InUse(_)) => Ok(Store::open_to_read(data_dir, unlock)?),
        opened => Ok(opened?),
    }
}

/// A closed pipe (`otter pupils | head`) is not an error worth a message.
fn finish(written: std::io::Result<()>) -> Result<()> {
    match written {
        Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Output(err)),
        _ => Ok(()),
    }
}

fn action_filter(args: &args::ActionArgs) -> query::actions::Filter {
    query::actions::Filter {
        open: args.open,
        status: args.status,
        overdue: args.overdue,
        owner: args.owner.clone(),
        pupil: args.pupil.clone(),
        meeting: args.meeting.clone(),
    }
}

fn document_format(format: Format) -> crate::export::Format {
    match format {
        Format::Md => crate::export::Format::Markdown,
        Format::Html => crate::export::Format::Html,
    }
}

/// The bytes an `otter export` writes, and the file it writes them to (stdout when none);
/// a calendar's meetings are `meeting_minutes` long.
fn exported(
    store: &Store,
    export: &Export,
    cx: &crate::export::Context,
    meeting_minutes: u32,
) -> Result<(Vec<u8>, Option<PathBuf>)> {
    use crate::export::minutes::Status;
    Ok(match export {
        Export::Minutes {
            meeting,
            format,
            output,
        } => {
            let minutes = query::meetings::minutes(store, meeting, cx.today)?;
            let text =
                crate::export::minutes(&minutes, Status::Fixed, cx, document_format(*format));
            (text.into_bytes(), output.clone())
        }
        Export::Agenda {
            meeting,
            format,
            output,
        } => {
            let id = match meeting {
                Some(which) => query::meetings::resolve(store, which, cx.today)?,
                None => {
                    query::prepare::next_planned(store, cx.today)?.ok_or(Error::NoPlannedMeeting)?
                }
            };
            let preparation = query::prepare::load(store, cx.model, id)?;
            let text = crate::export::agenda(&preparation, cx, document_format(*format));
            (text.into_bytes(), output.clone())
        }
        Export::Pupil {
            name,
            format,
            output,
        } => {
            let name = name.join(" ");
            let pupil = query::pupils::find(store, &name)?;
            let dossier = query::dossier::load(store, pupil.id)?.ok_or(Error::NoPupil(name))?;
            let text = crate::export::extract(&dossier, cx, document_format(*format));
            (text.into_bytes(), output.clone())
        }
        Export::Invitation { meeting, output } => {
            let stamp = chrono::Utc::now().naive_utc();
            (
                calendar::invitation(store, meeting.as_deref(), cx, stamp, meeting_minutes)?,
                output.clone(),
            )
        }
        Export::Actions {
            filter,
            format,
            output,
        } => {
            let filter = action_filter(filter);
            let bytes = match format {
                ListFormat::Csv => {
                    let rows = query::actions::list(store, &filter, cx.today)?;
                    crate::export::actions_csv(&rows, cx.lang).map_err(Error::Output)?
                }
                ListFormat::Ics => {
                    let stamp = chrono::Utc::now().naive_utc();
                    calendar::actions(store, &filter, cx, stamp, meeting_minutes)?
                }
            };
            (bytes, output.clone())
        }
    })
}

/// `otter restore`: the one command that may replace a database, so it opens none first.
fn restore(
    data_dir: &Path,
    file: &Path,
    force: bool,
    unlock: &mut dyn crate::store::Unlock,
    json: bool,
    t: &Texts,
) -> Result<()> {
    let summary = backup::restore(data_dir, file, force, unlock)?;
    if summary.erasures_before > 0 {
        eprintln!(
            "otter: {}",
            (t.cli.restore_after_erasures)(summary.erasures_before)
        );
    }
    let mut out = crate::text::Visible::new(std::io::stdout().lock());
    finish(if json {
        print::json(&mut out, &summary)
    } else {
        let (file, dir) = (file.display().to_string(), data_dir.display().to_string());
        print::line(&mut out, &(t.restore_done)(summary.records, &file, &dir))
    })
}
