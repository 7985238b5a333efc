//! Plain-text and JSON output of the command line.

use std::io::{self, Write};

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::domain::PhaseModel;
use crate::domain::dates::{format_date, format_day};
use crate::i18n::{Lang, Texts};
use crate::query::actions::ActionRow;
use crate::query::dossier::PupilDossier;
use crate::query::meetings::MeetingRow;
use crate::query::pupils::PupilRow;
use crate::query::search::Results;

pub fn json<T: Serialize>(out: &mut impl Write, value: &T) -> io::Result<()> {
    // Serialised first, so a closed pipe shows up as the io error it is.
    let mut text = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
    // serde escapes every control character in a string (the line ends left are its own
    // layout); a bidi override it leaves as it is, and only inside a string can one occur,
    // where `\uXXXX` is the same character to a reader.
    let bidi = |c: char| crate::text::is_unsafe(c) && !c.is_control();
    if text.chars().any(bidi) {
        text = text
            .chars()
            .map(|c| match c {
                c if bidi(c) => format!("\\u{:04x}", u32::from(c)),
                c => c.to_string(),
            })
            .collect();
    }
    text.push('\n');
    out.write_all(text.as_bytes())
}

pub fn line(out: &mut impl Write, text: &str) -> io::Result<()> {
    writeln!(out, "{text}")
}

/// Columns padded to the widest cell, measured in terminal cells (names with é or ğ, Arabic).
pub(super) fn table(out: &mut impl Write, header: &[&str], rows: &[Vec<String>]) -> io::Result<()> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.width());
        }
    }
    let write_row =
        |out: &mut dyn Write, cells: &mut dyn Iterator<Item = &str>| -> io::Result<()> {
            let mut text = String::new();
            for (index, cell) in cells.enumerate() {
                text.push_str(cell);
                if index + 1 < widths.len() {
                    text.push_str(&" ".repeat(widths[index] - cell.width() + 2));
                }
            }
            writeln!(out, "{}", text.trim_end())
        };
    write_row(out, &mut header.iter().copied())?;
    for row in rows {
        write_row(out, &mut row.iter().map(String::as_str))?;
    }
    Ok(())
}

pub fn pupils(out: &mut impl Write, rows: &[PupilRow], t: &Texts) -> io::Result<()> {
    if rows.is_empty() {
        return line(out, t.nothing_found);
    }
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.name.clone(),
                r.groep.to_string(),
                format_date(r.birth_date),
                r.teacher.clone(),
                r.cases.to_string(),
            ]
        })
        .collect();
    table(
        out,
        &[
            t.col_name,
            t.col_groep,
            t.col_birth,
            t.col_teacher,
            t.col_cases,
        ],
        &cells,
    )
}

pub fn actions(out: &mut impl Write, rows: &[ActionRow], lang: Lang) -> io::Result<()> {
    let t = lang.texts();
    if rows.is_empty() {
        return line(out, t.nothing_found);
    }
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                format_day(r.due, lang),
                r.owner.clone(),
                r.pupil.clone(),
                t.status(&r.status).to_string(),
                if r.days_overdue > 0 {
                    (t.days_overdue)(r.days_overdue)
                } else {
                    String::new()
                },
                r.text.clone(),
            ]
        })
        .collect();
    table(
        out,
        &[
            t.col_due,
            t.col_owner,
            t.col_pupil,
            t.col_status,
            t.col_overdue,
            t.col_action,
        ],
        &cells,
    )
}

pub fn meetings(out: &mut impl Write, rows: &[MeetingRow], lang: Lang) -> io::Result<()> {
    let t = lang.texts();
    if rows.is_empty() {
        return line(out, t.nothing_found);
    }
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            // The number is what `--meeting` and `export minutes --meeting` take.
            vec![
                r.id.to_string(),
                format_day(r.date, lang),
                r.time.format("%H:%M").to_string(),
                r.place.clone(),
                t.meeting_kind(r.kind).to_string(),
                t.meeting_state(r.state).to_string(),
                (t.count_cases)(r.cases),
            ]
        })
        .collect();
    table(
        out,
        &[
            t.col_number,
            t.col_date,
            t.col_time,
            t.col_place,
            t.col_kind,
            t.col_state,
            t.col_cases,
        ],
        &cells,
    )
}

pub fn hits(out: &mut impl Write, found: &Results, t: &Texts) -> io::Result<()> {
    if found.is_empty() {
        return line(out, t.nothing_found);
    }
    for (n, group) in found.groups.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        writeln!(
            out,
            "{}",
            (t.search_heading)(group.kind.label(t), group.hits.len(), group.total)
        )?;
        for hit in &group.hits {
            match (hit.subject.is_empty(), hit.text.is_empty()) {
                (false, false) => writeln!(out, "  {} — {}", hit.subject, one_line(&hit.text))?,
                (true, _) => writeln!(out, "  {}", one_line(&hit.text))?,
                (false, true) => writeln!(out, "  {}", hit.subject)?,
            }
        }
    }
    Ok(())
}

/// A note of several paragraphs on one line, cut at a readable length.
fn one_line(text: &str) -> String {
    const MAX: usize = 100;
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= MAX {
        flat
    } else {
        let cut: String = flat.chars().take(MAX - 1).collect();
        format!("{cut}…")
    }
}

pub fn dossier(
    out: &mut impl Write,
    dossier: &PupilDossier,
    model: &PhaseModel,
    lang: Lang,
) -> io::Result<()> {
    let t = lang.texts();
    let pupil = &dossier.pupil;
    write!(
        out,
        "{} · {} {} · {} {}",
        pupil.full_name(),
        t.col_groep,
        pupil.groep,
        t.col_birth,
        format_date(pupil.birth_date),
    )?;
    // An import without a leerkracht column leaves it empty.
    if !pupil.teacher.is_empty() {
        write!(out, " · {} {}", t.col_teacher, pupil.teacher)?;
    }
    writeln!(out)?;
    if dossier.cases.is_empty() {
        return writeln!(out, "{}", t.no_cases);
    }
    for (number, records) in dossier.cases.iter().enumerate() {
        let case = &records.case;
        writeln!(out)?;
        // Numbered as the timeline below names them when there is more than one.
        let number = if dossier.cases.len() > 1 {
            format!("[{}] ", number + 1)
        } else {
            String::new()
        };
        writeln!(
            out,
            "{number}{} {} · {} · {} {} · {} {}",
            t.label_case,
            case.id,
            model.name(&case.phase, lang),
            t.col_level,
            case.level.get(),
            t.col_consent,
            t.consent(case.consent)
        )?;
        let shown = dossier.shown(case);
        if !shown.is_named() {
            writeln!(out, "  {}", (t.dossier_anonymous_as)(shown.name()))?;
        }
        writeln!(out, "  {}", case.question)?;
        if let Some(date) = case.evaluation_date {
            writeln!(out, "  {}: {}", t.label_evaluation, format_day(date, lang))?;
        }
    }
    let entries = crate::query::timeline::dossier(dossier, lang, model);
    if !entries.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", t.dossier_timeline)?;
    }
    for entry in entries {
        writeln!(out, "  {}  {}", format_day(entry.date, lang), entry.heading)?;
        for line in entry.body {
            writeln!(out, "      {line}")?;
        }
    }
    Ok(())
}
