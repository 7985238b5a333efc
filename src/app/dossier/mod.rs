//! The pupil dossier: opened from a row of the start screen (or from search), scrolled with
//! `j`/`k`; `Tab` chooses one of the pupil's cases and `Enter` shows it; `x` exports the
//! pupil's extract; `Esc` goes back to where it was opened from.

use crate::app::meeting::export::Export;
use crate::app::{Effect, Model, Screen, View};
use crate::domain::PhaseModel;
use crate::domain::{ActionId, CaseId, PupilId};
use crate::i18n::Lang;
use crate::query::dossier::PupilDossier;
use crate::query::timeline::Entry;

/// Whose dossier to open: a pupil, or the pupil of a case or of an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DossierOf {
    Pupil(PupilId),
    Case(CaseId),
    Action(ActionId),
}

/// Where the dossier stands: the screen it came from, the chosen case, and whether that case
/// is shown over the timeline.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DossierView {
    pub from: Option<Screen>,
    pub case: usize,
    pub case_open: bool,
}

/// The dossier on screen with its timeline, built once when the dossier is read: the screen
/// draws the timeline on every frame. The dossier only changes by being read again, so the
/// two cannot drift apart.
#[derive(Debug, Clone)]
pub struct OpenDossier {
    dossier: PupilDossier,
    timeline: Vec<Entry>,
}

impl OpenDossier {
    pub fn new(dossier: PupilDossier, lang: Lang, phases: &PhaseModel) -> OpenDossier {
        let timeline = crate::query::timeline::dossier(&dossier, lang, phases);
        OpenDossier { dossier, timeline }
    }

    pub fn dossier(&self) -> &PupilDossier {
        &self.dossier
    }

    /// Newest first.
    pub fn timeline(&self) -> &[Entry] {
        &self.timeline
    }
}

/// Opens the dossier of `pupil` over the screen in front; `Esc` comes back to it.
pub fn open_dossier(pupil: PupilId) -> Vec<Effect> {
    vec![Effect::LoadDossier(DossierOf::Pupil(pupil))]
}

/// The store found the dossier: it takes the screen.
pub fn loaded(
    model: &mut Model,
    view: &mut View,
    dossier: PupilDossier,
    chosen: Option<crate::domain::CaseId>,
) -> Vec<Effect> {
    if model.screen != Screen::Dossier {
        view.dossier.from = Some(model.screen);
    }
    view.dossier.case = chosen
        .and_then(|id| dossier.cases.iter().position(|c| c.case.id == id))
        .unwrap_or(0);
    view.dossier.case_open = false;
    // Another dossier's timeline wraps otherwise: the next frame measures it anew.
    view.fit.drawn.timeline = None;
    view.item_scroll = 0;
    model.dossier = Some(Box::new(OpenDossier::new(
        dossier,
        model.lang,
        &model.phases,
    )));
    model.screen = Screen::Dossier;
    Vec::new()
}

/// `Esc`: the case shown closes first, then the dossier.
pub fn back(model: &mut Model, view: &mut View) -> Vec<Effect> {
    if view.dossier.case_open {
        view.dossier.case_open = false;
        view.item_scroll = 0;
        return Vec::new();
    }
    model.screen = view.dossier.from.take().unwrap_or(Screen::Dashboard);
    model.dossier = None;
    view.item_scroll = 0;
    if model.screen == Screen::Dashboard {
        // What was done elsewhere since the start screen was drawn shows on coming back.
        vec![Effect::LoadDashboard]
    } else {
        Vec::new()
    }
}

/// `Tab`: the next of the pupil's cases.
pub fn next_case(model: &Model, view: &mut View) -> Vec<Effect> {
    let cases = model
        .dossier
        .as_ref()
        .map_or(0, |d| d.dossier().cases.len());
    if cases > 0 {
        view.dossier.case = (view.dossier.case + 1) % cases;
        view.item_scroll = 0;
    }
    Vec::new()
}

/// `Enter`: the chosen case over the timeline, or back to the timeline.
pub fn toggle_case(model: &Model, view: &mut View) -> Vec<Effect> {
    let has_cases = model
        .dossier
        .as_ref()
        .is_some_and(|d| !d.dossier().cases.is_empty());
    view.dossier.case_open = has_cases && !view.dossier.case_open;
    view.item_scroll = 0;
    Vec::new()
}

/// `x`: the pupil's extract, written to the export folder.
pub fn export(model: &Model) -> Vec<Effect> {
    model.dossier.as_ref().map_or_else(Vec::new, |open| {
        vec![Effect::Export(Export::Extract(open.dossier().pupil.id))]
    })
}

#[cfg(test)]
mod tests;
