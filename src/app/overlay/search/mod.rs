//! `/`: one search over pupils, cases, actions, decisions and notes, narrowed as one types.
//!
//! The index is read from the store at the first `/` and kept (in `View::search_index`) until
//! something searchable is written. The overlay opens at once: the screen's loop reads the
//! index on a thread beside it (`reading`; a large school's takes seconds), the overlay says
//! "zoeken…", and what is typed meanwhile is searched when the index arrives.
//!
//! On the start screen pupils are named; with a meeting or its preparation in front, which
//! may be on the projector, no pupil is listed and a case's pupil is named by initials; while
//! a meeting is open, every case but the one under discussion by its pseudonym (BRIEF §8). A
//! case without consent is its pseudonym everywhere.

use std::sync::Arc;

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

use crate::app::overlay::{InOverlay, Overlay};
use crate::app::{Effect, Model, Screen, View};
use crate::domain::Showing;
use crate::query::search::{Audience, Hit, Results, SearchIndex, Session};

/// Hits kept per kind: more than a screen shows, few enough to build at every key.
pub const LIMIT: usize = 20;

/// The index the store gave, for `Message::SearchLoaded`, with the `View::search_epoch` it was
/// read in; two are equal when they are the same index (it is not compared entry by entry).
#[derive(Debug, Clone)]
pub struct Loaded {
    pub index: Arc<SearchIndex>,
    pub epoch: u64,
}

impl PartialEq for Loaded {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.index, &other.index) && self.epoch == other.epoch
    }
}

impl Eq for Loaded {}
/// The open overlay: what is typed, what it found, and the row chosen.
#[derive(Debug, Clone)]
pub struct Search {
    pub query: TextArea<'static>,
    pub audience: Audience,
    pub results: Results,
    /// Index into the hits of all groups, in order.
    pub selected: usize,
    session: Session,
}

impl Search {
    fn text(&self) -> String {
        self.query.lines().join(" ")
    }

    /// Whether enough is typed to search; before that the overlay says to type more.
    pub fn searching(&self) -> bool {
        crate::query::pick::long_enough(&self.text())
    }

    pub fn chosen(&self) -> Option<&Hit> {
        self.results.hits().nth(self.selected)
    }

    fn refresh(&mut self, index: &SearchIndex) {
        let text = self.text();
        self.results = self.session.search(index, &text, self.audience, LIMIT);
        self.selected = 0;
    }
}

/// Who may see the screen in front: while a meeting is open the room may see any screen
/// (BRIEF §8), and the meeting's showing decides who is named; otherwise only the start screen
/// is the chair's own, and the shared ones name a case's pupil by initials at most.
fn audience(model: &Model) -> Audience {
    let showing = model.showing();
    if showing != Showing::Private {
        return Audience::Shared(showing);
    }
    match model.screen {
        Screen::Dashboard
        | Screen::Actions
        | Screen::Dossier
        | Screen::Audit
        | Screen::Monitoring => Audience::Private,
        // The retention list follows the shared-screen rule: it names no pupil either.
        Screen::Meeting | Screen::Prepare | Screen::Retention => Audience::Shared(showing),
    }
}

/// Opens the overlay at once; the index is read beside it when there is none yet, and what
/// is typed meanwhile is searched when it arrives.
pub fn open(model: &Model, view: &mut View) -> Vec<Effect> {
    view.overlays.open(Overlay::Search(Search {
        query: TextArea::default(),
        audience: audience(model),
        results: Results::default(),
        selected: 0,
        session: Session::default(),
    }));
    match view.search_index {
        Some(_) => Vec::new(),
        None => vec![Effect::LoadSearch],
    }
}

fn close(view: &mut View) {
    view.overlays.close(crate::app::OverlayKind::Search);
}

/// The index arrives: kept, and the query typed so far searched in it. One read before a
/// write that may change what it finds is dropped, and read again if the overlay still
/// waits for it.
pub fn loaded(view: &mut View, loaded: Loaded) -> Vec<Effect> {
    let waiting = view.overlays.is_open(crate::app::OverlayKind::Search);
    if loaded.epoch != view.search_epoch {
        return match (waiting, &view.search_index) {
            (true, None) => vec![Effect::LoadSearch],
            _ => Vec::new(),
        };
    }
    if let Some(overlay) = view.overlays.get_mut::<Search>() {
        overlay.refresh(&loaded.index);
    }
    view.search_index = Some(loaded.index);
    Vec::new()
}

/// A key while the overlay is open: typed into the query, or choosing a row. Before the index
/// is there, typing and `Esc` work; the rest waits for hits to choose from.
pub fn key(model: &mut Model, view: &mut View, key: KeyEvent) -> Vec<Effect> {
    let Some(overlay) = view.overlays.get_mut::<Search>() else {
        return Vec::new();
    };
    let index = view.search_index.as_deref();
    let count = overlay.results.hits().count();
    match key.code {
        KeyCode::Esc => close(view),
        _ if InOverlay::NextRow.takes(key) => {
            overlay.selected = (overlay.selected + 1).min(count.saturating_sub(1));
        }
        _ if InOverlay::PreviousRow.takes(key) => {
            overlay.selected = overlay.selected.saturating_sub(1);
        }
        KeyCode::Enter => {
            let t = model.lang.texts();
            let Some(hit) = overlay.chosen() else {
                let wait = if index.is_none() {
                    t.search_loading
                } else {
                    t.search_type_more
                };
                view.flash = Some(wait.to_string());
                return Vec::new();
            };
            // A pupil's dossier names them: it opens from the chair's own screens, never over
            // the projector's. There the choice is only named.
            if let (Audience::Private, Some(pupil)) = (overlay.audience, hit.pupil) {
                let open = match hit.case {
                    Some(case) => vec![Effect::LoadDossier(crate::app::dossier::DossierOf::Case(
                        case,
                    ))],
                    None => crate::app::dossier::open_dossier(pupil),
                };
                close(view);
                return open;
            }
            view.flash = Some((t.flash_search_chosen)(&label(hit)));
            close(view);
        }
        _ => {
            if overlay.query.input(key)
                && let Some(index) = index
            {
                overlay.refresh(index);
            }
        }
    }
    Vec::new()
}

/// Pasted text goes into the query, on one line.
pub fn paste(view: &mut View, text: &str) -> Vec<Effect> {
    if let Some(overlay) = view.overlays.get_mut::<Search>() {
        overlay.query.insert_str(text.replace(['\r', '\n'], " "));
        if let Some(index) = view.search_index.as_deref() {
            overlay.refresh(index);
        }
    }
    Vec::new()
}

/// A hit as one line: its subject and its text.
pub fn label(hit: &Hit) -> String {
    match (hit.subject.is_empty(), hit.text.is_empty()) {
        (false, false) => format!("{} — {}", hit.subject, one_line(&hit.text)),
        (true, _) => one_line(&hit.text),
        (false, true) => hit.subject.clone(),
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub mod reading;

#[cfg(test)]
mod tests;
