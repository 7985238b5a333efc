//! What leaves otter as a file or text: minutes, a pupil's extract, actions as a spreadsheet
//! and a calendar. Exports turn records and read models into text; they never touch the
//! screen or the store.
//!
//! Every export passes through one function per kind below, called by the command line and
//! by the screen alike. The audit line that something left otter is written by those two
//! callers (`cli`, `app::effects`): exports never touch the store.

pub mod actions_csv;
pub mod doc;
pub mod extract;
pub mod file;
pub mod html;
pub mod ics;
pub mod markdown;
pub mod minutes;
pub mod stats;

use chrono::NaiveDate;

use self::doc::{Doc, Item};
use self::html::Html;
use self::markdown::Markdown;
use crate::domain::case::Recorded;
use crate::domain::phase::Requirement;
use crate::domain::{Minutes, PhaseModel};
use crate::i18n::Lang;
use crate::query::calendar::Calendar;
use crate::query::dossier::PupilDossier;

/// A document's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
        }
    }
}

/// What every document says beside its records.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub model: &'a PhaseModel,
    pub lang: Lang,
    /// The school's name, empty when none is set.
    pub school: &'a str,
    pub today: NaiveDate,
}

pub fn minutes(minutes: &Minutes, status: minutes::Status, cx: &Context, format: Format) -> String {
    match format {
        Format::Markdown => {
            let mut doc = Markdown::new();
            minutes::write(&mut doc, minutes, status, cx);
            shown(doc.finish())
        }
        Format::Html => {
            let mut doc = Html::new(cx.lang);
            minutes::write(&mut doc, minutes, status, cx);
            shown(doc.finish())
        }
    }
}

pub fn extract(dossier: &PupilDossier, cx: &Context, format: Format) -> String {
    match format {
        Format::Markdown => {
            let mut doc = Markdown::new();
            extract::write(&mut doc, dossier, cx);
            shown(doc.finish())
        }
        Format::Html => {
            let mut doc = Html::new(cx.lang);
            extract::write(&mut doc, dossier, cx);
            shown(doc.finish())
        }
    }
}

/// Actions for a spreadsheet with Dutch settings.
pub fn actions_csv(
    rows: &[crate::query::actions::ActionRow],
    lang: Lang,
) -> std::io::Result<Vec<u8>> {
    let bytes = actions_csv::write(rows, lang)?;
    Ok(match String::from_utf8(bytes) {
        Ok(text) => shown(text).into_bytes(),
        Err(err) => err.into_bytes(),
    })
}

/// A meeting as an invitation to the team (see `ics::invitation`).
pub fn invitation(
    invitation: &crate::query::calendar::Invitation,
    calendar_id: &str,
    lang: Lang,
    stamp: chrono::NaiveDateTime,
    revisions: &mut crate::domain::calendar::Revisions,
) -> String {
    shown(ics::invitation(
        invitation,
        calendar_id,
        lang,
        stamp,
        revisions,
    ))
}

/// Actions and planned meetings for a calendar; `stamp` is when it was made (UTC).
pub fn calendar(
    calendar: &Calendar,
    lang: Lang,
    stamp: chrono::NaiveDateTime,
    revisions: &mut crate::domain::calendar::Revisions,
) -> String {
    shown(ics::write(calendar, lang, stamp, revisions))
}

/// Every document leaves through here: no control character from a name or a note reaches
/// the file, to be replayed by whoever `cat`s it or opens it in a viewer (`text::visible_lines`).
fn shown(document: String) -> String {
    match crate::text::visible_lines(&document) {
        std::borrow::Cow::Borrowed(_) => document,
        std::borrow::Cow::Owned(shown) => shown,
    }
}

/// What a case recorded for its phases, as bullets: one line, or a label over its lines.
fn recorded_items(recorded: &[(Requirement, Recorded)], lang: Lang) -> Vec<Item> {
    let t = lang.texts();
    recorded
        .iter()
        .map(|(requirement, value)| {
            let label = t.recorded_label(*requirement);
            match lang.recorded(value).as_slice() {
                [one] => Item::new(format!("{label}: {one}")),
                many => Item {
                    text: format!("{label}:"),
                    sub: many.to_vec(),
                },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests_text {
    use chrono::NaiveDate;

    use crate::domain::ActionStatus;
    use crate::i18n::Lang;
    use crate::query::actions::ActionRow;
    use crate::query::calendar::{Calendar, CalendarAction};

    const ESCAPED: &str = "Bel \x1b]0;pwned\x07ouders\x1b[2J \u{202E}terug\u{9b}";

    fn unsafe_chars(text: &str) -> Vec<char> {
        // Line ends and tabs are the formats' own; a bare CR is not.
        let mut chars = text.chars().peekable();
        let mut found = Vec::new();
        while let Some(c) = chars.next() {
            let line_end = c == '\n' || (c == '\r' && chars.peek() == Some(&'\n'));
            if crate::text::is_unsafe(c) && !line_end && c != '\t' {
                found.push(c);
            }
        }
        found
    }

    #[test]
    fn csv_and_calendar_files_hold_no_control_character_from_an_action() {
        let due = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let rows = [ActionRow {
            id: 1,
            text: ESCAPED.into(),
            owner: "juf\rAnna".into(),
            due,
            status: ActionStatus::Open,
            pupil: "Z.Ç.".into(),
            days_overdue: 0,
        }];
        let csv = String::from_utf8(super::actions_csv(&rows, Lang::Nl).unwrap()).unwrap();
        assert_eq!(unsafe_chars(&csv), Vec::<char>::new(), "{csv:?}");
        assert!(
            csv.contains("␛]0;pwned␇ouders␛[2J [U+202E]terug[U+009B]"),
            "{csv}"
        );

        let calendar = Calendar {
            id: "0123".into(),
            actions: vec![CalendarAction {
                id: 1,
                text: ESCAPED.into(),
                owner: "juf Anna".into(),
                due,
                status: ActionStatus::Open,
                pupil: String::new(),
            }],
            meetings: Vec::new(),
        };
        let stamp = due.and_hms_opt(8, 0, 0).unwrap();
        let ics = super::calendar(&calendar, Lang::Nl, stamp, &mut Default::default());
        assert_eq!(unsafe_chars(&ics), Vec::<char>::new(), "{ics:?}");
        assert!(ics.contains("\r\n"), "calendar lines keep their CRLF");
        assert!(ics.contains("␛[2J"), "{ics}");
    }
}
