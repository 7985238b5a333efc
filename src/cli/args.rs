//! The command line (BRIEF §7): canonical names in English, Dutch aliases beside them.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::demo::Scale;
use crate::i18n::{Lang, Texts};

#[derive(Debug, Parser)]
#[command(name = "otter", version)]
pub struct Cli {
    #[arg(long, global = true, env = "OTTER_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    #[arg(
        long,
        global = true,
        env = "OTTER_LANG",
        value_enum,
        default_value = "nl"
    )]
    pub lang: Lang,
    #[arg(long, global = true)]
    pub json: bool,
    #[arg(long, global = true, env = "OTTER_THEME", value_name = "NAME")]
    pub theme: Option<String>,
    /// Open the screen on a fresh, temporary demo database.
    #[arg(long)]
    pub demo: bool,
    #[arg(
        long,
        global = true,
        env = "OTTER_LOCK_AFTER",
        value_name = "MINUTES",
        default_value_t = crate::app::overlay::lock::DEFAULT_MINUTES
    )]
    pub lock_after: u32,
    /// How long a meeting is put in a calendar: `meeting_minutes` of config.toml, not a flag.
    #[arg(skip = crate::domain::agenda::DEFAULT_MEETING_MINUTES)]
    pub meeting_minutes: u32,
    /// The monitoring settings in force (config.toml's `[monitoring]`, or `otter stats`'s
    /// flags): the screen computes its figures with them.
    #[arg(skip)]
    pub monitoring: crate::monitoring::Settings,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Demo {
        #[arg(long, value_enum, default_value = "school")]
        scale: Scale,
    },
    #[command(alias = "leerlingen")]
    Pupils,
    #[command(alias = "leerling")]
    Pupil {
        #[arg(required = true, num_args = 1..)]
        name: Vec<String>,
    },
    #[command(alias = "acties")]
    Actions(ActionArgs),
    #[command(alias = "vergaderingen")]
    Meetings,
    #[command(alias = "zoek")]
    Search {
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
    },
    #[command(subcommand)]
    Export(Export),
    #[command(alias = "vergeet")]
    Forget {
        #[arg(required = true, num_args = 1..)]
        name: Vec<String>,
        #[arg(long)]
        yes: bool,
    },
    #[command(alias = "bewaartermijn")]
    Retention {
        #[arg(long)]
        erase: bool,
        #[arg(long, requires = "erase")]
        yes: bool,
        #[arg(long, value_name = "N", conflicts_with = "erase")]
        years: Option<String>,
    },
    #[command(alias = "auditlog")]
    Audit,
    #[command(alias = "presentatie")]
    Presentation {
        #[arg(value_enum)]
        state: Option<OnOff>,
    },
    Backup {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    #[command(alias = "terugzetten")]
    Restore {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        #[arg(long)]
        force: bool,
    },
    #[command(alias = "wachtwoordzin")]
    Passphrase,
    School {
        #[arg(num_args = 0..)]
        name: Vec<String>,
    },
    #[command(subcommand, alias = "importeer")]
    Import(Import),
    #[command(alias = "cijfers")]
    Stats(StatsArgs),
    /// Where config.toml is, and each setting in force with where it comes from.
    Config,
    /// Tab completion for a shell, from this command line's own definition.
    Completions {
        #[arg(value_enum, value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
    /// The manual page (roff), from this command line's own definition.
    Man {
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// The team's members, and a member's e-mail address for invitations.
    Team {
        #[arg(num_args = 0..)]
        name: Vec<String>,
        #[arg(long, value_name = "ADDRESS", requires = "name")]
        email: Option<String>,
    },
}

/// `otter stats`: the figures of a period, or `otter stats combine` over schools' CSV files.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct StatsArgs {
    #[command(subcommand)]
    pub combine: Option<Combine>,
    #[arg(long, value_name = "DATE", conflicts_with_all = ["year", "term"])]
    pub from: Option<String>,
    #[arg(long, value_name = "DATE", conflicts_with_all = ["year", "term"])]
    pub to: Option<String>,
    #[arg(long, value_name = "YEAR")]
    pub year: Option<i32>,
    #[arg(long, value_name = "1|2|3", value_parser = clap::value_parser!(u8).range(1..=3))]
    pub term: Option<u8>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: StatsFormat,
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Only stricter than the default: a lower one would show smaller groups of pupils.
    #[arg(long, value_name = "N", default_value_t = 5,
          value_parser = clap::value_parser!(u32).range(5..=100))]
    pub threshold: u32,
    #[arg(long, value_name = "WEEKS", default_value_t = 14,
          value_parser = clap::value_parser!(u32).range(1..=104))]
    pub norm_weeks: u32,
    #[arg(long, value_name = "MONTHS", default_value_t = 12,
          value_parser = clap::value_parser!(u32).range(1..=60))]
    pub return_months: u32,
}

#[derive(Debug, Subcommand)]
pub enum Combine {
    #[command(alias = "optellen")]
    Combine {
        #[arg(required = true, num_args = 1.., value_name = "FILE")]
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "text")]
        format: CombineFormat,
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    Text,
    Json,
    Csv,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CombineFormat {
    Text,
    Csv,
}

#[derive(Debug, Subcommand)]
pub enum Import {
    #[command(alias = "leerlingen")]
    Pupils(ImportPupils),
}

#[derive(Debug, Args)]
pub struct ImportPupils {
    pub file: PathBuf,
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long)]
    pub skip_bad: bool,
    #[arg(long, value_name = "FIELD=COLUMN")]
    pub map: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OnOff {
    #[value(alias = "aan")]
    On,
    #[value(alias = "uit")]
    Off,
}

#[derive(Debug, Subcommand)]
pub enum Export {
    #[command(alias = "verslag")]
    Minutes {
        #[arg(long, default_value = "last", value_name = "ID|last|DATE")]
        meeting: String,
        #[arg(long, value_enum, default_value = "md")]
        format: Format,
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    // The agenda of a planned meeting, to mail before it: no pupil named.
    Agenda {
        #[arg(long, value_name = "ID|DATE")]
        meeting: Option<String>,
        #[arg(long, value_enum, default_value = "md")]
        format: Format,
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    #[command(alias = "leerling")]
    Pupil {
        #[arg(required = true, num_args = 1..)]
        name: Vec<String>,
        #[arg(long, value_enum, default_value = "md")]
        format: Format,
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    #[command(alias = "uitnodiging")]
    Invitation {
        #[arg(long, value_name = "ID|last|DATE")]
        meeting: Option<String>,
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    #[command(alias = "acties")]
    Actions {
        #[command(flatten)]
        filter: ActionArgs,
        #[arg(long, value_enum, default_value = "csv")]
        format: ListFormat,
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Md,
    Html,
}

/// How a list of actions leaves otter: a spreadsheet or a calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Csv,
    Ics,
}

#[derive(Debug, Args)]
pub struct ActionArgs {
    #[arg(long, conflicts_with = "status")]
    pub open: bool,
    #[arg(long, value_enum, default_value = "all")]
    pub status: crate::query::actions::Status,
    #[arg(long, value_name = "NAME")]
    pub owner: Option<String>,
    #[arg(long)]
    pub overdue: bool,
    #[arg(long, value_name = "NAME")]
    pub pupil: Option<String>,
    #[arg(long, value_name = "ID|last|DATE")]
    pub meeting: Option<String>,
}

/// The clap command with its help texts from the catalog, so `--help` speaks the chosen
/// language.
pub fn command(t: &Texts) -> clap::Command {
    use clap::CommandFactory;
    let arg_help =
        |cmd: clap::Command, id: &str, help: &'static str| cmd.mut_arg(id, |a| a.help(help));
    let mut cmd = Cli::command().about(t.about);
    cmd = arg_help(cmd, "data_dir", t.help_data_dir);
    cmd = arg_help(cmd, "lang", t.help_lang);
    cmd = arg_help(cmd, "json", t.help_json);
    cmd = arg_help(cmd, "theme", t.help_theme);
    cmd = arg_help(cmd, "demo", t.help_open_demo);
    cmd = arg_help(cmd, "lock_after", t.crypto.help_lock_after);
    let cmd = cmd
        .mut_subcommand("demo", |c| {
            arg_help(c.about(t.help_demo), "scale", t.help_scale)
        })
        .mut_subcommand("pupils", |c| c.about(t.help_pupils))
        .mut_subcommand("pupil", |c| {
            arg_help(c.about(t.help_pupil), "name", t.help_pupil_name)
        })
        .mut_subcommand("actions", |c| filter_help(c.about(t.help_actions), t))
        .mut_subcommand("meetings", |c| c.about(t.help_meetings))
        .mut_subcommand("search", |c| {
            arg_help(c.about(t.help_search), "query", t.help_query)
        })
        .mut_subcommand("forget", |c| {
            let c = arg_help(c.about(t.privacy.help_forget), "yes", t.privacy.help_yes);
            arg_help(c, "name", t.help_pupil_name)
        })
        .mut_subcommand("retention", |c| {
            let c = arg_help(
                c.about(t.privacy.help_retention),
                "erase",
                t.privacy.help_erase,
            );
            let c = arg_help(c, "yes", t.privacy.help_yes);
            arg_help(c, "years", t.privacy.help_years)
        })
        .mut_subcommand("audit", |c| c.about(t.privacy.help_audit))
        .mut_subcommand("presentation", |c| {
            arg_help(
                c.about(t.privacy.help_presentation),
                "state",
                t.help_presentation_state,
            )
        })
        .mut_subcommand("backup", |c| {
            arg_help(c.about(t.help_backup), "file", t.help_backup_file)
        })
        .mut_subcommand("restore", |c| {
            let c = arg_help(c.about(t.help_restore), "force", t.help_force);
            arg_help(c, "file", t.help_restore_file)
        })
        .mut_subcommand("passphrase", |c| c.about(t.crypto.help_passphrase))
        .mut_subcommand("import", |c| {
            c.about(t.import.help_import).mut_subcommand("pupils", |c| {
                let c = arg_help(
                    c.about(t.import.help_pupils),
                    "dry_run",
                    t.import.help_dry_run,
                );
                let c = arg_help(c, "file", t.import.help_file);
                let c = arg_help(c, "skip_bad", t.import.help_skip_bad);
                arg_help(c, "map", t.import.help_map)
            })
        })
        .mut_subcommand("stats", |c| {
            let s = t.stats;
            let c = arg_help(c.about(s.help_stats), "from", s.help_from);
            let c = arg_help(c, "to", s.help_to);
            let c = arg_help(c, "year", s.help_year);
            let c = arg_help(c, "term", s.help_term);
            let c = arg_help(c, "format", s.help_format);
            let c = arg_help(c, "threshold", s.help_threshold);
            let c = arg_help(c, "norm_weeks", s.help_norm_weeks);
            let c = arg_help(c, "return_months", s.help_return_months);
            arg_help(c, "output", t.help_output).mut_subcommand("combine", |c| {
                let c = arg_help(c.about(s.help_combine), "files", s.help_combine_files);
                let c = arg_help(c, "format", s.help_combine_format);
                arg_help(c, "output", t.help_output)
            })
        })
        .mut_subcommand("school", |c| {
            arg_help(c.about(t.help_school), "name", t.help_school_name)
        })
        .mut_subcommand("config", |c| c.about(t.cli.help_config))
        .mut_subcommand("completions", |c| {
            arg_help(c.about(t.cli.help_completions), "shell", t.cli.help_shell)
        })
        .mut_subcommand("man", |c| {
            arg_help(c.about(t.cli.help_man), "dir", t.cli.help_man_dir)
        })
        .mut_subcommand("team", |c| {
            let c = arg_help(c.about(t.cli.help_team), "name", t.cli.help_team_name);
            arg_help(c, "email", t.cli.help_email)
        })
        .mut_subcommand("export", |c| {
            c.about(t.help_export)
                .mut_subcommand("minutes", |c| {
                    let c = arg_help(c.about(t.help_export_minutes), "format", t.help_format);
                    let c = arg_help(c, "meeting", t.help_minutes_meeting);
                    arg_help(c, "output", t.help_output)
                })
                .mut_subcommand("agenda", |c| {
                    let c = arg_help(c.about(t.help_export_agenda), "format", t.help_format);
                    let c = arg_help(c, "meeting", t.help_agenda_meeting);
                    arg_help(c, "output", t.help_output)
                })
                .mut_subcommand("pupil", |c| {
                    let c = arg_help(c.about(t.help_export_pupil), "format", t.help_format);
                    let c = arg_help(c, "name", t.help_pupil_name);
                    arg_help(c, "output", t.help_output)
                })
                .mut_subcommand("invitation", |c| {
                    let c = arg_help(
                        c.about(t.cli.help_invitation),
                        "meeting",
                        t.cli.help_invitation_meeting,
                    );
                    arg_help(c, "output", t.help_output)
                })
                .mut_subcommand("actions", |c| {
                    let c = arg_help(c.about(t.help_export_actions), "format", t.help_format);
                    filter_help(arg_help(c, "output", t.help_output), t)
                })
        });
    super::help::localise(cmd, t.help)
}

/// The help of the filters `otter actions` and `otter export actions` share.
fn filter_help(cmd: clap::Command, t: &Texts) -> clap::Command {
    let arg_help =
        |cmd: clap::Command, id: &str, help: &'static str| cmd.mut_arg(id, |a| a.help(help));
    let cmd = arg_help(cmd, "open", t.help_open);
    let cmd = arg_help(cmd, "owner", t.help_owner);
    let cmd = arg_help(cmd, "status", t.help_status);
    let cmd = arg_help(cmd, "pupil", t.help_pupil_filter);
    let cmd = arg_help(cmd, "meeting", t.help_meeting_filter);
    arg_help(cmd, "overdue", t.help_overdue)
}

/// The command line parsed. clap's plain command parses exactly as `command`'s localised one
/// (which adds the catalog's texts, hides options in a command's help and writes its usage
/// lines) and is built in a fraction of the time: localising was a tenth of a look-up at the
/// school's size. What it refuses (help, the version, a mistake) is parsed again by `command`,
/// whose help and messages are in the chosen language.
pub fn matches(args: &[std::ffi::OsString], t: &Texts) -> Result<clap::ArgMatches, clap::Error> {
    use clap::CommandFactory;
    Cli::command()
        .try_get_matches_from(args)
        .or_else(|_| command(t).try_get_matches_from(args))
}

/// The language asked for (flag, environment, else config.toml's), read before clap so that
/// clap's own help can use it.
pub fn language_of(args: &[std::ffi::OsString], from_file: Option<Lang>) -> Lang {
    let from_flag = args
        .windows(2)
        .find_map(|pair| (pair[0] == "--lang").then(|| pair[1].to_string_lossy().to_string()));
    let inline = args.iter().find_map(|arg| {
        arg.to_str()
            .and_then(|arg| arg.strip_prefix("--lang="))
            .map(str::to_string)
    });
    let chosen = from_flag
        .or(inline)
        .or_else(|| std::env::var("OTTER_LANG").ok());
    match chosen.as_deref() {
        Some("en") => Lang::En,
        Some(_) => Lang::Nl,
        None => from_file.unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every argument of every command, by path, with its help text.
    fn helps(cmd: &clap::Command, path: &str, out: &mut Vec<(String, Option<String>)>) {
        for arg in cmd.get_arguments() {
            let id = arg.get_id().as_str();
            // clap's own --help and --version.
            if id == "help" || id == "version" {
                continue;
            }
            let help = arg.get_help().map(ToString::to_string);
            out.push((format!("{path} {id}"), help));
        }
        for sub in cmd.get_subcommands() {
            helps(sub, &format!("{path} {}", sub.get_name()), out);
        }
    }

    /// Every command's path, `otter` itself first.
    fn paths(cmd: &clap::Command, path: Vec<String>, out: &mut Vec<Vec<String>>) {
        out.push(path.clone());
        for sub in cmd.get_subcommands() {
            let mut below = path.clone();
            below.push(sub.get_name().to_string());
            paths(sub, below, out);
        }
    }

    #[test]
    fn the_plain_command_parses_as_the_localised_one() {
        use clap::{CommandFactory, FromArgMatches};
        let parsed = |cmd: clap::Command, argv: &[String]| {
            cmd.try_get_matches_from(argv)
                .map(|m| format!("{:?}", Cli::from_arg_matches(&m)))
                .map_err(|err| err.kind())
        };
        let mut commands = Vec::new();
        paths(&Cli::command(), vec!["otter".to_string()], &mut commands);
        let tails: &[&[&str]] = &[
            &[],
            &["--json"],
            &["--data-dir", "/tmp/x", "--lang", "en"],
            &["--lang=en", "-h"],
            &["--help"],
            &["-V"],
            &["--owner", "Marieke", "--open"],
            &["--overdue", "--meeting", "last"],
            &["--format", "csv", "--output", "-"],
            &["Daan", "de", "Vries"],
            &["--yes", "--erase", "--years", "3"],
            &["--no-such-option"],
            &["aan"],
            &["--theme", "licht", "--lock-after", "5"],
        ];
        let mut compared = 0;
        for path in &commands {
            for tail in tails {
                let argv: Vec<String> = path
                    .iter()
                    .cloned()
                    .chain(tail.iter().map(ToString::to_string))
                    .collect();
                let plain = parsed(Cli::command(), &argv);
                for lang in [Lang::Nl, Lang::En] {
                    let localised = parsed(command(lang.texts()), &argv);
                    match (&plain, &localised) {
                        (Ok(plain), Ok(localised)) => assert_eq!(plain, localised, "{argv:?}"),
                        // Shown by the localised command, in its language.
                        (Err(_), Err(_)) => {}
                        _ => panic!("{argv:?}: {plain:?} but localised {localised:?}"),
                    }
                }
                compared += usize::from(plain.is_ok());
            }
        }
        assert!(compared > 40, "{compared} command lines parsed");
    }

    #[test]
    fn every_argument_is_explained_in_both_languages_from_the_catalog() {
        let (mut nl, mut en) = (Vec::new(), Vec::new());
        helps(&command(Lang::Nl.texts()), "otter", &mut nl);
        helps(&command(Lang::En.texts()), "otter", &mut en);
        assert!(nl.len() > 30, "{nl:?}");
        assert_eq!(nl.len(), en.len());
        for ((path, dutch), (_, english)) in nl.iter().zip(&en) {
            let (Some(dutch), Some(english)) = (dutch, english) else {
                panic!("{path} has no help");
            };
            assert_ne!(dutch, english, "{path}: one text for both languages");
        }
    }
}
