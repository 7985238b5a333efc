//! Domain values put into words, shared by the screens, the read models and the exports: an
//! agenda item's title, a line of a case's history. Here, beside the catalog, so that none of
//! them borrows from another's module.

use super::{Lang, Texts};
use crate::domain::agenda::Proposed;
use crate::domain::meeting::AgendaKind;
use crate::domain::{EventKind, PhaseModel};

/// An agenda item's title as the agenda and the minutes show it.
pub fn agenda_title(kind: &AgendaKind, t: &Texts) -> String {
    match kind {
        AgendaKind::Opening => t.agenda_opening.into(),
        AgendaKind::PreviousMinutes => t.agenda_previous_minutes.into(),
        AgendaKind::Actions => t.agenda_actions.into(),
        AgendaKind::Case { .. } => t.agenda_case.into(),
        AgendaKind::NewSignals => t.agenda_new_signals.into(),
        AgendaKind::Rondvraag => t.agenda_rondvraag.into(),
        AgendaKind::Closing => t.agenda_closing.into(),
        AgendaKind::Other { title } => title.clone(),
    }
}

/// Why a case is proposed for an agenda: "evaluatie 12-01", "nieuw signaal".
pub fn proposal_reason(why: Proposed, t: &Texts) -> String {
    match why {
        Proposed::NotDiscussed => t.why_not_discussed.into(),
        Proposed::Evaluation(day) => (t.why_evaluation)(&day.format("%d-%m").to_string()),
        Proposed::CarriedOver => t.why_carried_over.into(),
        Proposed::NewSignal => t.why_new_signal.into(),
    }
}

/// One line of a case's history: "fase Plan → Uitvoering", "niveau 2 → 3".
pub fn change_text(kind: &EventKind, model: &PhaseModel, lang: Lang) -> String {
    let t = lang.texts();
    match kind {
        EventKind::Opened => format!(
            "{}: {}",
            t.minutes_opened,
            model.name(model.first().id(), lang)
        ),
        EventKind::Phase { from, to } => {
            format!(
                "{} {} → {}",
                t.col_phase,
                model.name(from, lang),
                model.name(to, lang)
            )
        }
        EventKind::Level { from, to } => format!("{} {} → {}", t.col_level, from.get(), to.get()),
        EventKind::Consent { from, to } => {
            format!(
                "{} {} → {}",
                t.col_consent,
                t.consent(*from),
                t.consent(*to)
            )
        }
    }
}
