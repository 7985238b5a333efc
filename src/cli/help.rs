//! clap's own words in the chosen language: the headings, its help and version flags, the
//! notes on defaults, values and environment variables, the placeholders of a usage line. And
//! each command lists only the options that do something there.

use clap::{Arg, ArgAction, Command};

use crate::i18n::help::HelpTexts;

/// Commands that never answer in JSON (nor does the screen, `otter` without a command).
const WITHOUT_JSON: &[&str] = &[
    "passphrase",
    "export",
    "combine",
    "completions",
    "man",
    "help",
];
/// Options of the screen alone.
const SCREEN_ONLY: &[&str] = &["theme", "lock_after"];

/// `cmd` with clap's text from the catalog, built: every command's global options are in place
/// and can be told apart per command.
pub fn localise(cmd: Command, t: &HelpTexts) -> Command {
    let mut cmd = cmd
        .disable_help_flag(true)
        .disable_version_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .global(true)
                .help(t.help_flag),
        )
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(t.version_flag),
        );
    cmd.build();
    localise_built(cmd, t, &[])
}

/// One command of the built tree, `path` the names of the commands above it and its own.
fn localise_built(mut cmd: Command, t: &HelpTexts, path: &[&str]) -> Command {
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|arg| arg.get_id().to_string())
        .collect();
    for id in &ids {
        let applies = applies(id, path);
        cmd = cmd.mut_arg(id, |arg| {
            let arg = noted(arg, t);
            if applies { arg } else { arg.hide(true) }
        });
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect();
    for name in &names {
        cmd = cmd.mut_subcommand(name, |sub| {
            if name == "help" {
                // clap's own `help` command: its subtree only copies the others' names.
                return sub.about(t.help_command);
            }
            let mut below = path.to_vec();
            below.push(name);
            localise_built(sub, t, &below)
        });
    }
    let aliases: Vec<&str> = cmd.get_all_aliases().collect();
    if !aliases.is_empty() {
        let about = cmd.get_about().map(ToString::to_string).unwrap_or_default();
        let aliases = (t.aliases)(&aliases.join(", "));
        cmd = cmd.about(format!("{about} {aliases}"));
    }
    let style = cmd.get_styles().get_usage();
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{}{}:{} {{usage}}\n\n{{all-args}}{{after-help}}",
        style.render(),
        t.usage,
        style.render_reset()
    );
    cmd = cmd
        .help_template(template)
        .subcommand_help_heading(t.commands)
        .subcommand_value_name(t.command_value);
    let usage = usage_line(&mut cmd, t);
    cmd.override_usage(usage)
}

/// Whether the command at `path` (canonical names) answers in JSON with `--json`: the
/// screen, the passphrase and the exports do not; `otter stats combine` writes text or CSV.
pub fn answers_json(path: &[&str]) -> bool {
    !path.is_empty() && !path.iter().any(|name| WITHOUT_JSON.contains(name))
}

/// Whether the option `id` does anything on the command at `path`.
fn applies(id: &str, path: &[&str]) -> bool {
    if SCREEN_ONLY.contains(&id) {
        return path.is_empty();
    }
    if id == "json" {
        return answers_json(path);
    }
    true
}

/// The argument under its heading, its placeholders translated, and clap's English notes
/// (default, possible values, environment variable) said after its help in the catalog's.
fn noted(arg: Arg, t: &HelpTexts) -> Arg {
    let mut notes = Vec::new();
    if let Some(env) = arg.get_env().filter(|_| !arg.is_hide_env_set()) {
        notes.push((t.env)(&env.to_string_lossy()));
    }
    let takes_values = arg.get_action().takes_values();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|value| value.to_string_lossy().into_owned())
        .collect();
    if takes_values && !defaults.is_empty() && !arg.is_hide_default_value_set() {
        notes.push((t.default)(&defaults.join(" ")));
    }
    let possible: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|value| !value.is_hide_set())
        .map(|value| value.get_name().to_string())
        .collect();
    if takes_values && !possible.is_empty() && !arg.is_hide_possible_values_set() {
        notes.push((t.possible)(&possible.join(", ")));
    }
    let names: Option<Vec<clap::builder::Str>> = arg.get_value_names().map(|names| {
        names
            .iter()
            .map(|name| (t.value_name)(name.as_str()).map_or_else(|| name.clone(), Into::into))
            .collect()
    });
    let heading = if arg.is_positional() {
        t.arguments
    } else {
        t.options
    };
    let mut arg = arg
        .hide_env(true)
        .hide_default_value(true)
        .hide_possible_values(true)
        .help_heading(heading);
    if let Some(names) = names {
        arg = arg.value_names(names);
    }
    if notes.is_empty() {
        return arg;
    }
    let help = arg.get_help().map(ToString::to_string);
    let help = match help {
        Some(help) => format!("{help} {}", notes.join(" ")),
        None => notes.join(" "),
    };
    arg.help(help)
}

/// The command's usage line as clap makes it, with the placeholder clap writes in English in
/// this language; without its heading, which the template writes.
fn usage_line(cmd: &mut Command, t: &HelpTexts) -> String {
    let rendered = cmd.render_usage().ansi().to_string();
    let reset = cmd.get_styles().get_usage().render_reset().to_string();
    let line = rendered
        .split_once("Usage:")
        .map_or(rendered.as_str(), |(_, rest)| rest);
    let line = line
        .strip_prefix(reset.as_str())
        .unwrap_or(line)
        .trim_start();
    line.replace("[OPTIONS]", t.options_tag)
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::super::args::{Cli, command};
    use crate::i18n::Lang;

    /// Every command's help as a person sees it, by its path; clap's own `help` command only
    /// sends to the others.
    fn helps(cmd: &mut clap::Command, path: &str, out: &mut Vec<(String, String)>) {
        out.push((path.to_string(), cmd.render_help().to_string()));
        for sub in cmd.get_subcommands_mut() {
            if sub.get_name() != "help" {
                let below = format!("{path} {}", sub.get_name());
                helps(sub, &below, out);
            }
        }
    }

    fn all_helps(lang: Lang) -> Vec<(String, String)> {
        let mut out = Vec::new();
        helps(&mut command(lang.texts()), "otter", &mut out);
        out
    }

    fn help_of(lang: Lang, path: &[&str]) -> String {
        let wanted = std::iter::once("otter")
            .chain(path.iter().copied())
            .collect::<Vec<_>>()
            .join(" ");
        all_helps(lang)
            .into_iter()
            .find_map(|(path, help)| (path == wanted).then_some(help))
            .unwrap_or_else(|| panic!("no command {wanted}"))
    }

    #[test]
    fn dutch_help_has_no_english_of_clap_on_any_command() {
        let helps = all_helps(Lang::Nl);
        assert!(helps.len() > 20, "{}", helps.len());
        let english = [
            "Usage",
            "Options:",
            "Commands:",
            "Arguments:",
            "Print ",
            "[default",
            "[possible",
            "[env",
            "[alias",
            "[OPTIONS]",
            "COMMAND",
            "<NAME>",
            "<FILE>",
            "<DIR>",
            "<QUERY>",
        ];
        for (path, help) in &helps {
            assert!(help.contains("Gebruik: otter"), "{path}:\n{help}");
            assert!(help.contains("Opties:"), "{path}:\n{help}");
            assert!(help.contains("-h, --help"), "{path}:\n{help}");
            for word in english {
                assert!(!help.contains(word), "{path} says {word}:\n{help}");
            }
        }
        let top = help_of(Lang::Nl, &[]);
        for expected in [
            "Gebruik: otter [OPTIES] [OPDRACHT]",
            "Opdrachten:",
            "Toon deze hulp",
            "-V, --version",
            "Toon de versie",
            "[omgevingsvariabele: OTTER_LANG] [standaard: nl] [mogelijke waarden: nl, en]",
            "Toon deze hulp, of die van de genoemde opdracht",
            "[ook: leerlingen]",
        ] {
            assert!(top.contains(expected), "no {expected}:\n{top}");
        }
        let pupil = help_of(Lang::Nl, &["pupil"]);
        assert!(pupil.contains("Argumenten:\n  <NAAM>..."), "{pupil}");
        let minutes = help_of(Lang::Nl, &["export", "minutes"]);
        assert!(
            minutes.contains("--meeting <NR|last|DATUM>") && minutes.contains("[standaard: md]"),
            "{minutes}"
        );
    }

    #[test]
    fn english_help_keeps_clap_s_words() {
        let top = help_of(Lang::En, &[]);
        for expected in [
            "Usage: otter [OPTIONS] [COMMAND]",
            "Commands:",
            "Options:",
            "[env: OTTER_LANG] [default: nl] [possible values: nl, en]",
            "[aliases: leerlingen]",
        ] {
            assert!(top.contains(expected), "no {expected}:\n{top}");
        }
    }

    /// `--json` where a command answers in JSON, `--theme` and `--lock-after` on the screen
    /// (otter without a command) alone.
    #[test]
    fn a_command_lists_only_the_options_that_do_something_there() {
        let listed = |path: &[&str], option: &str| help_of(Lang::Nl, path).contains(option);
        for option in ["--theme", "--lock-after", "--demo", "--data-dir", "--lang"] {
            assert!(listed(&[], option), "otter {option}");
        }
        assert!(!listed(&[], "--json"));
        for path in [
            &["pupils"][..],
            &["backup"],
            &["import", "pupils"],
            &["forget"],
        ] {
            assert!(listed(path, "--json"), "{path:?}");
            assert!(listed(path, "--data-dir"), "{path:?}");
            for option in ["--theme", "--lock-after", "--demo"] {
                assert!(!listed(path, option), "{path:?} {option}");
            }
        }
        for path in [
            &["passphrase"][..],
            &["export", "minutes"],
            &["export", "actions"],
        ] {
            assert!(!listed(path, "--json"), "{path:?}");
        }
    }

    /// A new option with a placeholder clap's derive made up (its field's name) needs a Dutch
    /// one in the catalog.
    #[test]
    fn every_placeholder_has_a_dutch_name() {
        fn walk(cmd: &clap::Command, out: &mut Vec<String>) {
            let valued = cmd
                .get_arguments()
                .filter(|arg| arg.get_action().takes_values());
            for arg in valued {
                for name in arg.get_value_names().unwrap_or_default() {
                    out.push(name.to_string());
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, out);
            }
        }
        let mut names = vec!["COMMAND".to_string()];
        walk(&Cli::command(), &mut names);
        let dutch = Lang::Nl.texts().help.value_name;
        let missing: Vec<_> = names.iter().filter(|name| dutch(name).is_none()).collect();
        assert!(missing.is_empty(), "{missing:?}");
    }
}
