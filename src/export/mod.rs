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
            doc.finish()
        }
        Format::Html => {
            let mut doc = Html::new(cx.lang);
            minutes::write(&mut doc, minutes, status, cx);
            doc.finish()
        }
    }
}

pub fn extract(dossier: &PupilDossier, cx: &Context, format: Format) -> String {
    match format {
        Format::Markdown => {
            let mut doc = Markdown::new();
            extract::write(&mut doc, dossier, cx);
            doc.finish()
        }
        Format::Html => {
            let mut doc = Html::new(cx.lang);
            extract::write(&mut doc, dossier, cx);
            doc.finish()
        }
    }
}

/// Actions for a spreadsheet with Dutch settings.
pub fn actions_csv(
    rows: &[crate::query::actions::ActionRow],
    lang: Lang,
) -> std::io::Result<Vec<u8>> {
    actions_csv::write(rows, lang)
}

/// Actions and planned meetings for a calendar; `stamp` is when it was made (UTC).
pub fn calendar(calendar: &Calendar, lang: Lang, stamp: chrono::NaiveDateTime) -> String {
    ics::write(calendar, lang, stamp)
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
