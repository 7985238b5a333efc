//! `config.toml`: a person's own settings for otter on this laptop, in the platform's config
//! directory (`OTTER_CONFIG` names another file, for tests and for a school's managed
//! laptops). What is in force comes, in this order, from a flag, an environment variable, the
//! file, or otter's default; `otter config` shows which. A file that cannot be read as
//! settings is reported with its line and reason, and otter goes on with the defaults.

use std::path::{Path, PathBuf};

use clap::ArgMatches;
use clap::parser::ValueSource;
use serde::{Deserialize, Serialize};

use super::args::{Cli, Command};
use crate::i18n::{Lang, Texts};

/// Names the file instead of the platform's place; an empty value means no file at all.
pub const ENV: &str = "OTTER_CONFIG";
const FILE: &str = "config.toml";

/// The settings a file may hold; each is optional, an absent one is otter's default.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct File {
    pub language: Option<String>,
    pub theme: Option<String>,
    pub lock_after: Option<u32>,
    pub meeting_minutes: Option<u32>,
    #[serde(default)]
    pub monitoring: Monitoring,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Monitoring {
    pub threshold: Option<u32>,
    pub norm_weeks: Option<u32>,
    pub return_months: Option<u32>,
}

/// Why a file was not used: its line (0 when the file could not be read) and the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub line: usize,
    pub reason: String,
}

/// The file as read: where it is, and what it said or why it was not used.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub path: Option<PathBuf>,
    pub exists: bool,
    pub file: File,
    pub problem: Option<Problem>,
}

/// Where the file is: `OTTER_CONFIG`, else the platform's config directory.
fn path() -> Option<PathBuf> {
    match std::env::var_os(ENV) {
        Some(path) if path.is_empty() => None,
        Some(path) => Some(PathBuf::from(path)),
        None => directories::ProjectDirs::from("nl", "otter", "otter")
            .map(|dirs| dirs.config_dir().join(FILE)),
    }
}

pub fn load() -> Loaded {
    let Some(path) = path() else {
        return Loaded::default();
    };
    if !path.is_file() {
        return Loaded {
            path: Some(path),
            ..Loaded::default()
        };
    }
    let (file, problem) = match std::fs::read_to_string(&path) {
        Ok(text) => match parse(&text) {
            Ok(file) => (file, None),
            Err(problem) => (File::default(), Some(problem)),
        },
        Err(err) => (
            File::default(),
            Some(Problem {
                line: 0,
                reason: err.to_string(),
            }),
        ),
    };
    Loaded {
        path: Some(path),
        exists: true,
        file,
        problem,
    }
}

/// The settings of `text`, or the first line that is wrong and why. Values outside what the
/// flags accept are wrong too: a file cannot do what the command line may not.
pub fn parse(text: &str) -> Result<File, Problem> {
    let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
    let file: File = toml::from_str(text).map_err(|err| Problem {
        line: err.span().map_or(1, |span| line_of(span.start)),
        reason: err.message().trim().to_string(),
    })?;
    let line_with = |key: &str| {
        text.lines()
            .position(|line| line.trim_start().starts_with(key))
            .map_or(1, |i| i + 1)
    };
    let out_of_range =
        |key: &str, value: Option<u32>, range: std::ops::RangeInclusive<u32>| match value {
            Some(value) if !range.contains(&value) => Err(Problem {
                line: line_with(key),
                reason: format!("{key} = {value}: {}..={}", range.start(), range.end()),
            }),
            _ => Ok(()),
        };
    if let Some(language) = &file.language
        && !matches!(language.as_str(), "nl" | "en")
    {
        return Err(Problem {
            line: line_with("language"),
            reason: format!("language = \"{language}\": nl, en"),
        });
    }
    out_of_range("lock_after", file.lock_after, 0..=24 * 60)?;
    out_of_range("meeting_minutes", file.meeting_minutes, 15..=8 * 60)?;
    let m = &file.monitoring;
    out_of_range("threshold", m.threshold, 5..=100)?;
    out_of_range("norm_weeks", m.norm_weeks, 1..=104)?;
    out_of_range("return_months", m.return_months, 1..=60)?;
    Ok(file)
}

/// The language of the file, for `args::language_of` (flag and environment go first).
pub fn language(loaded: &Loaded) -> Option<Lang> {
    match loaded.file.language.as_deref() {
        Some("en") => Some(Lang::En),
        Some("nl") => Some(Lang::Nl),
        _ => None,
    }
}

/// Where a setting in force came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    Default,
    File,
    Environment,
    Flag,
}

/// One setting as it is in force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InForce {
    pub name: &'static str,
    pub value: String,
    pub source: Source,
}

fn clap_source(matches: &ArgMatches, id: &str) -> Option<Source> {
    match matches.value_source(id)? {
        ValueSource::CommandLine => Some(Source::Flag),
        ValueSource::EnvVariable => Some(Source::Environment),
        _ => None,
    }
}

/// `cli` with what the file sets where no flag or environment variable did, and each setting
/// in force with its source.
pub fn apply(cli: &mut Cli, matches: &ArgMatches, loaded: &Loaded) -> Vec<InForce> {
    let file = &loaded.file;
    let mut shown = Vec::new();
    let mut record = |name, value: String, source| {
        shown.push(InForce {
            name,
            value,
            source,
        })
    };
    // The language was chosen before clap ran (`args::language_of`), file included.
    let lang_source = clap_source(matches, "lang").unwrap_or(if file.language.is_some() {
        Source::File
    } else {
        Source::Default
    });
    if lang_source == Source::File
        && let Some(lang) = language(loaded)
    {
        cli.lang = lang;
    }
    let lang = match cli.lang {
        Lang::Nl => "nl",
        Lang::En => "en",
    };
    record("language", lang.to_string(), lang_source);

    let theme_source = clap_source(matches, "theme").unwrap_or(Source::Default);
    if theme_source == Source::Default && file.theme.is_some() {
        cli.theme = file.theme.clone();
    }
    let theme_source = match (theme_source, &file.theme) {
        (Source::Default, Some(_)) => Source::File,
        (source, _) => source,
    };
    let theme = cli
        .theme
        .clone()
        .unwrap_or_else(|| crate::ui::theme::DEFAULT.to_string());
    record("theme", theme, theme_source);

    let lock_source = from_file(
        clap_source(matches, "lock_after"),
        file.lock_after,
        &mut cli.lock_after,
    );
    record("lock_after", cli.lock_after.to_string(), lock_source);

    let meeting_source = from_file(None, file.meeting_minutes, &mut cli.meeting_minutes);
    record(
        "meeting_minutes",
        cli.meeting_minutes.to_string(),
        meeting_source,
    );

    // The monitoring settings are options of `otter stats`; elsewhere their defaults.
    let defaults = crate::monitoring::Settings::default();
    let mut elsewhere = (
        defaults.threshold,
        defaults.norm_weeks,
        defaults.return_months,
    );
    let stats_matches = matches.subcommand_matches("stats");
    let (threshold, norm_weeks, return_months) = match &mut cli.command {
        Some(Command::Stats(args)) => (
            &mut args.threshold,
            &mut args.norm_weeks,
            &mut args.return_months,
        ),
        _ => (&mut elsewhere.0, &mut elsewhere.1, &mut elsewhere.2),
    };
    let flag = |id| stats_matches.and_then(|m| clap_source(m, id));
    let m = &file.monitoring;
    let source = from_file(flag("threshold"), m.threshold, threshold);
    record("monitoring.threshold", threshold.to_string(), source);
    let source = from_file(flag("norm_weeks"), m.norm_weeks, norm_weeks);
    record("monitoring.norm_weeks", norm_weeks.to_string(), source);
    let source = from_file(flag("return_months"), m.return_months, return_months);
    record(
        "monitoring.return_months",
        return_months.to_string(),
        source,
    );
    cli.monitoring = crate::monitoring::Settings {
        threshold: *threshold,
        norm_weeks: *norm_weeks,
        return_months: *return_months,
    };
    shown
}

/// `value` from the file unless a flag or environment variable set it.
fn from_file(given: Option<Source>, in_file: Option<u32>, value: &mut u32) -> Source {
    match (given, in_file) {
        (Some(source), _) => source,
        (None, Some(from_file)) => {
            *value = from_file;
            Source::File
        }
        (None, None) => Source::Default,
    }
}

/// The warning for a file otter did not use, in the chosen language.
pub fn warning(loaded: &Loaded, t: &Texts) -> Option<String> {
    let problem = loaded.problem.as_ref()?;
    let path = loaded
        .path
        .as_deref()
        .map(Path::display)
        .map(|p| p.to_string())
        .unwrap_or_default();
    Some((t.cli.config_malformed)(
        &path,
        problem.line,
        &problem.reason,
    ))
}

/// `otter config`: where the file is and what is in force, from where.
pub fn show(
    loaded: &Loaded,
    in_force: &[InForce],
    t: &Texts,
    json: bool,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    let path = loaded.path.as_deref().map(|p| p.display().to_string());
    if json {
        #[derive(Serialize)]
        struct Shown<'a> {
            file: Option<&'a str>,
            exists: bool,
            #[serde(skip_serializing_if = "Option::is_none")]
            problem: Option<&'a Problem>,
            settings: &'a [InForce],
        }
        return super::print::json(
            out,
            &Shown {
                file: path.as_deref(),
                exists: loaded.exists,
                problem: loaded.problem.as_ref(),
                settings: in_force,
            },
        );
    }
    let c = t.cli;
    let place = match (&path, loaded.exists) {
        (None, _) => c.config_no_file.to_string(),
        (Some(path), true) => path.clone(),
        (Some(path), false) => (c.config_absent)(path),
    };
    writeln!(out, "{}: {place}", c.config_file)?;
    let width = in_force.iter().map(|s| s.name.len()).max().unwrap_or(0);
    for setting in in_force {
        let source = match setting.source {
            Source::Default => c.config_default,
            Source::File => c.config_from_file,
            Source::Environment => c.config_from_env,
            Source::Flag => c.config_from_flag,
        };
        writeln!(
            out,
            "{:width$}  {}  ({source})",
            setting.name, setting.value
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
