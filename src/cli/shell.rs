//! `otter completions SHELL` and `otter man`: generated from the same clap definition as the
//! help (`args::command`), so they name every command, alias and option there is, with the
//! help texts of the chosen language.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap_complete::Generator;

use crate::error::{Error, Result};
use crate::i18n::{Lang, Texts};

/// The completion script for `shell`.
pub fn completions(
    shell: clap_complete::Shell,
    lang: Lang,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let mut cmd = completable(super::args::command(lang.texts()));
    cmd.set_bin_name("otter");
    cmd.build();
    shell.try_generate(&cmd, out)
}

/// `cmd` with its commands' Dutch names (aliases, hidden from the help to keep it short)
/// offered for completion too: `otter leer<Tab>` is how a Dutch user types.
fn completable(cmd: clap::Command) -> clap::Command {
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect();
    names.iter().fold(cmd, |cmd, name| {
        cmd.mut_subcommand(name, |sub| {
            let aliases: Vec<String> = sub.get_all_aliases().map(str::to_string).collect();
            completable(sub).visible_aliases(aliases)
        })
    })
}

/// `otter man`: the page of `otter` itself on standard output, or with `dir` a page for it
/// and one for every command (`otter-export-minutes.1`), as the main page refers to them.
/// Returns the files written.
pub fn man(lang: Lang, dir: Option<&Path>, out: &mut impl Write) -> Result<Vec<PathBuf>> {
    let t = lang.texts();
    let cmd = super::args::command(t);
    let Some(dir) = dir else {
        page(&cmd, t, out).map_err(Error::Output)?;
        return Ok(Vec::new());
    };
    let mut pages = Vec::new();
    every_command(&cmd, &mut pages);
    let mut written = Vec::new();
    for cmd in pages {
        let name = cmd.get_display_name().unwrap_or(cmd.get_name()).to_string();
        let file = dir.join(format!("{name}.1"));
        let mut text = Vec::new();
        page(&cmd, t, &mut text).map_err(Error::Output)?;
        crate::atomic::write(&file, |err| err, |f| f.write_all(&text))
            .map_err(|err| Error::ExportFile(file.clone(), err))?;
        written.push(file);
    }
    Ok(written)
}

/// `cmd` and every command below it.
fn every_command(cmd: &clap::Command, pages: &mut Vec<clap::Command>) {
    pages.push(cmd.clone());
    for sub in cmd.get_subcommands() {
        every_command(sub, pages);
    }
}

/// One page in roff.
fn page(cmd: &clap::Command, t: &Texts, out: &mut impl Write) -> std::io::Result<()> {
    let mut page = Vec::new();
    clap_mangen::Man::new(cmd.clone()).render(&mut page)?;
    let page = String::from_utf8_lossy(&page);
    for line in page.lines() {
        // clap_mangen's headings are English; the rest is the catalog's already.
        let heading = line.strip_prefix(".SH ").and_then(|heading| {
            t.cli
                .man_headings
                .iter()
                .find(|(english, _)| *english == heading)
        });
        match heading {
            Some((_, ours)) => writeln!(out, ".SH {ours}")?,
            None => writeln!(out, "{line}")?,
        }
    }
    Ok(())
}
