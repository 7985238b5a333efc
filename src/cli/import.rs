//! `otter import pupils FILE`: the plan is printed first (`--dry-run` stops there), then
//! written in one transaction, or not at all when bad rows stop it.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use super::args::ImportPupils;
use super::print;
use crate::domain::Pupil;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::import::{self, Applied, Mapping, Plan};
use crate::store::{Store, Unlock};

#[derive(Serialize)]
struct Report<'p> {
    #[serde(flatten)]
    plan: &'p Plan,
    dry_run: bool,
    imported: Option<Applied>,
}

pub fn run(
    args: &ImportPupils,
    data_dir: &Path,
    unlock: &mut dyn Unlock,
    json: bool,
    lang: Lang,
) -> Result<()> {
    let t = &lang.texts().import;
    let mapping = Mapping::parse(&args.map)?;
    let bytes = import::read_file(&args.file)?;
    // A dry run writes nothing, not even a new empty database.
    let store = if args.dry_run && !Store::exists(data_dir) {
        None
    } else {
        Some(Store::open_with(data_dir, unlock)?)
    };
    let existing = match &store {
        Some(store) => store
            .all::<Pupil>()
            .collect::<std::result::Result<_, _>>()?,
        None => Vec::new(),
    };
    let plan = import::prepare(&bytes, &mapping, &existing)?;
    let refused = !plan.bad.is_empty() && !args.skip_bad;
    let imported = match &store {
        Some(store) if !args.dry_run && !refused && plan.changes() > 0 => {
            Some(import::apply(store, &plan)?)
        }
        _ => None,
    };
    let mut out = crate::text::Visible::new(std::io::stdout().lock());
    let written = if json {
        print::json(
            &mut out,
            &Report {
                plan: &plan,
                dry_run: args.dry_run,
                imported,
            },
        )
    } else {
        let file = args.file.display().to_string();
        let mut lines = import::summary::lines(&plan, &file, lang);
        if args.dry_run {
            lines.push(t.dry_run.to_string());
        } else if !refused {
            if !plan.bad.is_empty() {
                lines.push((t.skipped)(plan.bad.len()));
            }
            let applied = imported.unwrap_or(Applied { new: 0, updated: 0 });
            lines.push((t.done)(applied.new, applied.updated));
        }
        lines.iter().try_for_each(|line| writeln!(out, "{line}"))
    };
    match written {
        Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => return Err(Error::Output(err)),
        _ => {}
    }
    if refused {
        return Err(Error::BadRows(plan.bad.len()));
    }
    Ok(())
}
