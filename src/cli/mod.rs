//! `otter` on the command line: quick look-ups that print plain text (or `--json`) and exit,
//! and the full screen when no command is given.

mod args;
mod print;
mod privacy;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;

use crate::domain::PhaseModel;
use crate::error::{Error, Result};
use crate::i18n::{Lang, Texts};
use crate::query;
use crate::store::Store;
pub use args::{Cli, Command, Export, Format};

/// Where a school's own phase model lives, beside its database.
const PHASE_FILE: &str = "phases.toml";
/// Hits printed per kind: the best ones; the heading says how many there are in all.
const SEARCH_LIMIT: usize = 20;

pub fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    let lang = args::language_of(&args);
    install_panic_message(lang);
    let matches = match args::command(lang.texts()).try_get_matches_from(&args) {
        Ok(matches) => matches,
        Err(err) => return usage_error(err, lang.texts()),
    };
    let cli = match <Cli as clap::FromArgMatches>::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(err) => return usage_error(err, lang.texts()),
    };
    let t = cli.lang.texts();
    if cli.demo && cli.command.is_some() {
        // --demo is a throwaway screen; with a command it would read the real database.
        eprintln!("otter: {}", (t.err_usage)(t.err_demo_with_command));
        return ExitCode::from(2);
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
    eprintln!("otter: {}", err.message(t, &data_dir.display().to_string()));
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
    let rendered = err.render().to_string();
    let first = rendered
        .lines()
        .next()
        .unwrap_or_default()
        .trim_start_matches("error: ");
    eprintln!("otter: {}", (t.err_usage)(first));
    ExitCode::from(2)
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

fn phase_model(data_dir: &Path) -> Result<PhaseModel> {
    let file = data_dir.join(PHASE_FILE);
    if file.is_file() {
        Ok(PhaseModel::load(&file)?)
    } else {
        Ok(PhaseModel::default())
    }
}

pub fn run(cli: Cli, data_dir: &Path, today: NaiveDate) -> Result<()> {
    let lang = cli.lang;
    let t = lang.texts();
    let screen = crate::app::Settings {
        lang,
        today,
        theme: cli.theme.clone(),
        demo: cli.demo,
    };
    if cli.demo && cli.command.is_none() {
        return crate::app::run_demo(screen);
    }
    // A school's broken model file is reported whatever the command, not only when a phase
    // happens to be shown.
    let model = phase_model(data_dir)?;
    let Some(command) = cli.command else {
        return crate::app::run(&Store::open(data_dir)?, &model, screen);
    };
    // A look-up never creates a database: a mistyped --data-dir would otherwise answer
    // "nothing found" from a new, empty one.
    if !matches!(command, Command::Demo { .. }) && !Store::exists(data_dir) {
        return Err(Error::NoDatabase(data_dir.to_path_buf()));
    }
    let store = Store::open(data_dir)?;
    let mut out = std::io::stdout().lock();
    let json = cli.json;
    let written = match command {
        Command::Demo { scale } => {
            if !store.is_empty() {
                return Err(Error::NotEmpty(data_dir.to_path_buf()));
            }
            if !json {
                eprintln!("{}", t.demo_filling);
            }
            let summary = crate::demo::fill(&store, scale, today)?;
            if json {
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
            }
        }
        Command::Pupils => {
            let rows = query::pupils::list(&store)?;
            if json {
                print::json(&mut out, &rows)
            } else {
                print::pupils(&mut out, &rows, t)
            }
        }
        Command::Pupil { name } => {
            let pupil = query::pupils::find(&store, &name.join(" "))?;
            let dossier = query::pupils::dossier(&store, pupil, today)?;
            if json {
                print::json(&mut out, &dossier)
            } else {
                print::dossier(&mut out, &dossier, &model, lang)
            }
        }
        Command::Actions(filter) => {
            let filter = query::actions::Filter {
                open: filter.open,
                status: filter.status,
                overdue: filter.overdue,
                owner: filter.owner,
                pupil: filter.pupil,
                meeting: filter.meeting,
            };
            let rows = query::actions::list(&store, &filter, today)?;
            if json {
                print::json(&mut out, &rows)
            } else {
                print::actions(&mut out, &rows, lang)
            }
        }
        Command::Meetings => {
            let rows = query::meetings::list(&store, today)?;
            if json {
                print::json(&mut out, &rows)
            } else {
                print::meetings(&mut out, &rows, lang)
            }
        }
        Command::Search { query: words } => {
            let found = query::search::search(&store, &words.join(" "), SEARCH_LIMIT)?;
            if json {
                print::json(&mut out, &found.hits().collect::<Vec<_>>())
            } else {
                print::hits(&mut out, &found, t)
            }
        }
        Command::Export(Export::Minutes {
            meeting,
            format: Format::Md,
        }) => {
            let minutes = query::meetings::minutes(&store, &meeting)?;
            print::line(
                &mut out,
                &crate::export::minutes::markdown(&minutes, &model, lang),
            )
        }
        Command::Forget { name, yes } => {
            let now = privacy::now(today);
            privacy::forget(&store, &name.join(" "), yes, now, t, &mut out, json)?
        }
        Command::Retention { erase, yes, years } => {
            let now = privacy::now(today);
            let asked = privacy::RetentionAsked { erase, yes, years };
            privacy::retention(&store, asked, now, t, &mut out, json)?
        }
        Command::Audit => privacy::audit(&store, t, &mut out, json)?,
        Command::Presentation { state } => privacy::presentation(&store, state, t, &mut out)?,
    };
    // A closed pipe (`otter pupils | head`) is not an error worth a message.
    match written {
        Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Output(err)),
        _ => Ok(()),
    }
}
