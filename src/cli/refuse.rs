//! What clap accepts but otter would not do as asked: refused as a usage error (exit 2)
//! before any database opens, rather than silently answered otherwise.

use clap::ArgMatches;

use super::args::{ActionArgs, Cli, Command, Export};
use crate::i18n::Texts;
use crate::query::actions::Status;

/// Why the command line cannot be done as typed, in the chosen language; `None` when it can.
pub fn refused(cli: &Cli, matches: &ArgMatches, t: &Texts) -> Option<String> {
    let path = path_of(matches);
    if cli.json && !super::help::answers_json(&path) {
        let typed = std::iter::once("otter")
            .chain(path.iter().copied())
            .collect::<Vec<_>>()
            .join(" ");
        return Some((t.cli.usage_no_json)(&typed));
    }
    let filter = match &cli.command {
        Some(Command::Actions(filter)) | Some(Command::Export(Export::Actions { filter, .. })) => {
            filter
        }
        _ => return None,
    };
    overdue_beside_status(filter).map(|status| (t.cli.usage_overdue_status)(status))
}

/// `--overdue` asks for open actions past due: beside `--status done` or `dropped` there are
/// none, and answering the open ones would not be what was asked.
fn overdue_beside_status(filter: &ActionArgs) -> Option<&'static str> {
    if !filter.overdue {
        return None;
    }
    match filter.status {
        Status::Done => Some("done"),
        Status::Dropped => Some("dropped"),
        Status::All | Status::Open => None,
    }
}

/// The canonical names of the subcommands typed, aliases resolved (`zoek` is `search`).
fn path_of(matches: &ArgMatches) -> Vec<&str> {
    let mut path = Vec::new();
    let mut at = matches;
    while let Some((name, below)) = at.subcommand() {
        path.push(name);
        at = below;
    }
    path
}
