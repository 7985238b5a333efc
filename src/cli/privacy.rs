//! `otter forget`, `otter retention`, `otter audit` and `otter presentation`: erasure,
//! retention, the audit log and the presentation mode on the command line.

use std::io::{self, BufRead, IsTerminal, Write};

use chrono::{NaiveDate, NaiveDateTime};

use super::print;
use crate::domain::dates::format_date;
use crate::domain::{AuditEntry, AuditKind, retention};
use crate::error::{Error, Result};
use crate::i18n::Texts;
use crate::query;
use crate::store::Store;
use crate::store::erase::{Erasure, Scope};

/// Asks `question` on the terminal and reads the answer; refuses without a terminal, so a
/// script never erases by accident: it must say `--yes`.
fn confirm(t: &Texts, question: &str, name: Option<&str>) -> Result<()> {
    let stdin = io::stdin();
    if !stdin.is_terminal() {
        return Err(Error::NeedsConfirmation);
    }
    let mut err = crate::text::Visible::new(io::stderr().lock());
    write!(err, "{question}")
        .and_then(|()| err.flush())
        .map_err(Error::Terminal)?;
    let mut answer = String::new();
    stdin
        .lock()
        .read_line(&mut answer)
        .map_err(Error::Terminal)?;
    if t.privacy.confirms(&answer, name) {
        Ok(())
    } else {
        Err(Error::Cancelled)
    }
}

pub fn forget(
    store: &Store,
    name: &str,
    yes: bool,
    now: NaiveDateTime,
    t: &Texts,
    out: &mut impl Write,
    json: bool,
) -> Result<io::Result<()>> {
    let pupil = query::pupils::find(store, name)?;
    let full = pupil.full_name();
    // Unasked, the erasure goes only by the whole name: part of one that fits a single pupil
    // today may fit another child once the one meant is gone. A case's pseudonym is as
    // exact: no other case ever has it.
    let exact = query::pupils::is_full_name(&pupil, name)
        || query::pupils::pseudonym_case(store, name)?.is_some_and(|c| c.pupil == pupil.id);
    if yes && !exact {
        return Err(Error::ForgetNeedsFullName(name.trim().to_string(), full));
    }
    if !yes {
        let cases = store.cases_of_pupil(pupil.id)?.len();
        confirm(t, &(t.privacy.forget_confirm)(&full, cases), Some(&full))?;
    }
    let erasure = Erasure {
        pupil: pupil.id,
        scope: Scope::Pupil,
    };
    let audit = AuditEntry::new(now, AuditKind::Erasure, "otter forget");
    let erased = store.erase(&[erasure], audit)?;
    Ok(if json {
        print::json(out, &erased.counts())
    } else {
        print::line(
            out,
            &(t.privacy.forget_done)(&t.privacy.counts(&erased.counts())),
        )
    })
}

/// What `otter retention` was asked: a new setting, and whether to erase (unasked).
pub struct RetentionAsked {
    pub erase: bool,
    pub yes: bool,
    pub years: Option<String>,
}

pub fn retention(
    store: &Store,
    asked: RetentionAsked,
    now: NaiveDateTime,
    t: &Texts,
    out: &mut impl Write,
    json: bool,
) -> Result<io::Result<()>> {
    let RetentionAsked { erase, yes, years } = asked;
    if let Some(text) = years {
        let years = text
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|y| *y <= retention::MAX_YEARS)
            .ok_or(Error::RetentionYears(text))?;
        store.set_retention_years(years)?;
    }
    // The command line is nobody's wall (docs/privacy.md): it names as in private, meeting
    // or not, as every other look-up does.
    let list = query::retention::list(store, now.date(), crate::domain::Showing::Private)?;
    if !erase {
        return Ok(if json {
            print::json(out, &list)
        } else {
            expired(out, &list, t)
        });
    }
    if list.expired.is_empty() {
        return Ok(print::line(out, t.privacy.retention_nothing));
    }
    if !yes {
        expired(out, &list, t).map_err(Error::Output)?;
        confirm(
            t,
            &format!("{}: ", (t.privacy.retention_confirm)(list.expired.len())),
            None,
        )?;
    }
    let audit = AuditEntry::new(now, AuditKind::RetentionErasure, "otter retention --erase");
    let erased = store.erase(&list.erasures(), audit)?;
    Ok(if json {
        print::json(out, &erased.counts())
    } else {
        print::line(
            out,
            &(t.privacy.retention_erased)(&t.privacy.counts(&erased.counts())),
        )
    })
}

/// The list with names: this is the IB's own command line, not the shared screen.
fn expired(
    out: &mut impl Write,
    list: &query::retention::RetentionList,
    t: &Texts,
) -> io::Result<()> {
    print::line(out, &(t.privacy.retention_rule)(list.years))?;
    if list.expired.is_empty() {
        return print::line(out, t.privacy.retention_empty);
    }
    let rows: Vec<Vec<String>> = list
        .expired
        .iter()
        .map(|row| {
            vec![
                row.name.clone(),
                row.groep.to_string(),
                format_date(row.closed),
                format_date(row.erasable_from),
            ]
        })
        .collect();
    print::table(out, &t.privacy.retention_cols, &rows)
}

pub fn audit(store: &Store, t: &Texts, out: &mut impl Write, json: bool) -> Result<io::Result<()>> {
    // With the lines an export beside the screen left that the screen has not taken yet.
    let log = store.audit_shown()?;
    if json {
        return Ok(print::json(out, &log));
    }
    if log.is_empty() {
        return Ok(print::line(out, t.privacy.audit_empty));
    }
    let rows: Vec<Vec<String>> = log
        .iter()
        .map(|entry| {
            vec![
                entry.at.format("%d-%m-%Y %H:%M").to_string(),
                t.privacy.audit_kind(entry.kind).to_string(),
                entry.command.clone(),
                t.privacy.counts(&entry.counts),
            ]
        })
        .collect();
    Ok(print::table(out, &t.privacy.audit_cols, &rows))
}

pub fn presentation(
    store: &Store,
    state: Option<super::args::OnOff>,
    t: &Texts,
    out: &mut impl Write,
    json: bool,
) -> Result<io::Result<()>> {
    if let Some(state) = state {
        store.set_presentation(state == super::args::OnOff::On)?;
    }
    let on = store.presentation()?;
    if json {
        return Ok(print::json(out, &serde_json::json!({ "presentation": on })));
    }
    Ok(print::line(
        out,
        if on {
            t.privacy.presentation_on
        } else {
            t.privacy.presentation_off
        },
    ))
}

/// The moment an audit line records: today's date (`OTTER_TODAY` in tests) at the clock's time.
pub fn now(today: NaiveDate) -> NaiveDateTime {
    today.and_time(chrono::Local::now().time())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::today;

    fn listed(store: &Store) -> String {
        let asked = RetentionAsked {
            erase: false,
            yes: false,
            years: Some("0".into()),
        };
        let mut out = Vec::new();
        let at = today().and_hms_opt(12, 0, 0).unwrap();
        retention(
            store,
            asked,
            at,
            crate::i18n::Lang::Nl.texts(),
            &mut out,
            false,
        )
        .unwrap()
        .unwrap();
        String::from_utf8(out).unwrap()
    }

    /// `otter retention` in a second window names the expired cases as it does with no
    /// meeting open: an open meeting changes the screen, not the command line.
    #[test]
    fn retention_names_alike_with_and_without_a_meeting_open() {
        let (_dir, store, _model) = crate::testkit::app::school();
        let alone = listed(&store);
        let (_dir, in_meeting, _model, _view) = crate::testkit::app::meeting_opened();
        assert!(
            crate::query::meeting::in_meeting(&in_meeting).unwrap()
                != crate::domain::Showing::Private
        );
        assert_eq!(listed(&in_meeting), alone);
        assert!(alone.lines().count() > 2, "{alone}");
    }
}
