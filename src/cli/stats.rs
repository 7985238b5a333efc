//! `otter stats` and `otter stats combine`.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::args::{Combine, CombineFormat, StatsArgs, StatsFormat};
use crate::domain::dates::{DateContext, parse_date};
use crate::domain::{AuditEntry, PhaseModel};
use crate::error::{Error, Result};
use crate::export::stats::{self, StatsError};
use crate::i18n::Lang;
use crate::monitoring::{Period, Settings, report};
use crate::query;
use crate::store::Store;

/// The period asked for, cut off at `today`: a school year by default, the current one.
pub fn period(args: &StatsArgs, today: NaiveDate) -> Result<Period> {
    let context = DateContext {
        today,
        next_meeting: None,
    };
    let day = |text: &Option<String>| -> Result<Option<NaiveDate>> {
        text.as_deref()
            .map(|text| parse_date(text, context))
            .transpose()
            .map_err(Error::from)
    };
    let (from, to) = (day(&args.from)?, day(&args.to)?);
    let period = if from.is_some() || to.is_some() {
        let to = to.unwrap_or(today);
        let from = from.unwrap_or_else(|| {
            Period::school_year(Period::school_year_of(to)).map_or(to, |year| year.from)
        });
        Period::new(from, to)
    } else {
        let year = args.year.unwrap_or_else(|| Period::school_year_of(today));
        match args.term {
            Some(term) => Period::term(year, term),
            None => Period::school_year(year),
        }
    };
    let period = period.ok_or(StatsError::Period)?;
    Ok(period.as_of(today).ok_or(StatsError::NotBegun)?)
}

/// Writes the figures computed with `settings` (config.toml's `[monitoring]` and this
/// command's flags, `Cli::monitoring`); the caller records the export in the audit log once
/// it is written. Gives back the store it read last (a fresh open when the screen beside it
/// moved a page, `Store::read_here`), which has the audit line written.
#[allow(clippy::too_many_arguments)]
pub fn run(
    store: Store,
    model: &PhaseModel,
    args: &StatsArgs,
    settings: Settings,
    lang: Lang,
    today: NaiveDate,
    json: bool,
    out: &mut impl Write,
) -> Result<(std::io::Result<()>, Store)> {
    let period = period(args, today)?;
    // Read again if the screen beside it moved a page meanwhile, as an export is: a moved
    // page reads as damaged.
    let ((figures, school), store) = store.read_here(|store| -> Result<_> {
        let figures = query::monitoring::figures(store, model, settings, period, today)?;
        Ok((figures, store.school()?))
    })?;
    let report = report::report(&figures);
    let cx = stats::Context {
        model,
        lang,
        school: &school,
    };
    let format = match args.format {
        // The global `--json` asks every command for JSON; an explicit format still wins.
        StatsFormat::Text if json => stats::Format::Json,
        StatsFormat::Text => stats::Format::Text,
        StatsFormat::Json => stats::Format::Json,
        StatsFormat::Csv => stats::Format::Csv,
        StatsFormat::Html => stats::Format::Html,
    };
    let bytes = stats::write(&report, &cx, format).map_err(Error::Output)?;
    let written = written(&bytes, args.output.as_deref(), out)?;
    if written.is_ok() {
        let now = super::privacy::now(today);
        store.audit(AuditEntry::export(now, "otter stats", false))?;
    }
    Ok((written, store))
}

/// `otter stats combine`: reads no database.
pub fn combine(combine: &Combine, lang: Lang, out: &mut impl Write) -> Result<std::io::Result<()>> {
    let Combine::Combine {
        files,
        format,
        output,
    } = combine;
    let read = files
        .iter()
        .map(|file| {
            let name = file.display().to_string();
            std::fs::read(file)
                .map(|bytes| (name.clone(), bytes))
                .map_err(|err| StatsError::Read(name, err.to_string()))
        })
        .collect::<std::result::Result<Vec<_>, _>>()?;
    let bytes = stats::combine(&read, lang, *format == CombineFormat::Csv)?;
    written(&bytes, output.as_deref(), out)
}

fn written(
    bytes: &[u8],
    output: Option<&Path>,
    out: &mut impl Write,
) -> Result<std::io::Result<()>> {
    match output {
        Some(path) => {
            let path: PathBuf = path.to_path_buf();
            crate::atomic::write(&path, |err| err, |file| file.write_all(bytes))
                .map_err(|err| Error::ExportFile(path.clone(), err))?;
            Ok(Ok(()))
        }
        None => Ok(out.write_all(bytes)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Command, View};
    use crate::testkit::app::{act, school};
    use crate::testkit::today;

    #[test]
    fn the_screen_and_otter_stats_count_the_same_period_the_same() {
        let (_dir, mut store, mut model) = school();
        let mut view = View::default();
        act(&store, &mut model, &mut view, Command::Monitoring);
        let phases = model.phases.clone();
        let school = store.school().unwrap();
        let cx = stats::Context {
            model: &phases,
            lang: model.lang,
            school: &school,
        };
        let args = |term: Option<u8>| StatsArgs {
            combine: None,
            from: None,
            to: None,
            year: None,
            term,
            format: StatsFormat::Json,
            output: None,
            threshold: 5,
            norm_weeks: 14,
            return_months: 12,
        };
        // The running year, then term 1 (`p`): the screen's figures written as `otter stats
        // --format json` writes them, against what that command writes.
        for term in [None, Some(1)] {
            let screen = model.monitoring.as_ref().unwrap();
            let shown = stats::write(
                &report::report(&screen.data.figures),
                &cx,
                stats::Format::Json,
            )
            .unwrap();
            let mut cli = Vec::new();
            let (written, read) = run(
                store,
                &phases,
                &args(term),
                Settings::default(),
                model.lang,
                today(),
                false,
                &mut cli,
            )
            .unwrap();
            written.unwrap();
            store = read;
            assert_eq!(
                String::from_utf8(shown).unwrap(),
                String::from_utf8(cli).unwrap()
            );
            act(&store, &mut model, &mut view, Command::SwitchPeriod);
        }
    }

    /// `otter stats` beside the screen reads a page the screen moved meanwhile again, as an
    /// export does, instead of calling the database damaged.
    #[test]
    fn stats_beside_the_screen_reads_a_moved_page_again() {
        let (dir, screen, model) = school();
        let args = StatsArgs {
            combine: None,
            from: None,
            to: None,
            year: None,
            term: None,
            format: StatsFormat::Json,
            output: None,
            threshold: 5,
            norm_weeks: 14,
            return_months: 12,
        };
        let stats = |store: Store| {
            let mut out = Vec::new();
            run(
                store,
                &model.phases,
                &args,
                Settings::default(),
                model.lang,
                today(),
                false,
                &mut out,
            )
            .map(|(written, store)| {
                written.unwrap();
                (String::from_utf8(out).unwrap(), store)
            })
        };
        let (expected, _screen) = stats(screen).unwrap();
        let beside = Store::open_to_read(dir.path(), &mut crate::store::Given::new(None)).unwrap();
        assert!(beside.beside_writer());
        beside.move_pages(1);
        assert_eq!(stats(beside).unwrap().0, expected);
    }
}
