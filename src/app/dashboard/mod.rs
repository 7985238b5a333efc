//! The start screen: four lists (my actions, overdue, evaluation passed, recently changed),
//! one in focus, `Tab` to the next, `j`/`k` within, `Enter` opens the pupil of the row. And
//! "me": the member using this otter, asked once and changed with `m`.

use crate::app::admin::Ask;
use crate::app::overlay::prompt::Prompt;
use crate::app::{Effect, Model, Overlay, Screen, Settings, View};
use crate::domain::fold::fold;
use crate::domain::{Member, PhaseModel};
use crate::error::Result;
use crate::query::dashboard::{self, Dashboard};
use crate::store::Store;

/// The start screen's lists, in the order `Tab` visits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Panel {
    #[default]
    Mine,
    Overdue,
    Evaluations,
    Recent,
}

impl Panel {
    pub const ALL: [Panel; 4] = [
        Panel::Mine,
        Panel::Overdue,
        Panel::Evaluations,
        Panel::Recent,
    ];

    fn index(self) -> usize {
        Panel::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }

    /// How many rows the list has.
    pub fn len(self, dashboard: &Dashboard) -> usize {
        match self {
            Panel::Mine => dashboard.mine.len(),
            Panel::Overdue => dashboard.overdue.len(),
            Panel::Evaluations => dashboard.evaluations.len(),
            Panel::Recent => dashboard.recent.len(),
        }
    }
}

/// Which list has the focus and the chosen row of each.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DashView {
    pub panel: Panel,
    pub selected: [usize; 4],
}

impl DashView {
    pub fn selected(&self, panel: Panel) -> usize {
        self.selected[panel.index()]
    }

    /// Keeps each chosen row within its list after the lists were loaded again (actions
    /// done in a meeting make "mine" shorter).
    pub fn fit(&mut self, dashboard: &Dashboard) {
        for panel in Panel::ALL {
            let last = panel.len(dashboard).saturating_sub(1);
            let chosen = &mut self.selected[panel.index()];
            *chosen = (*chosen).min(last);
        }
    }
}

/// The start screen as `otter` opens it: the figures loaded, and "who are you?" asked when
/// nobody has been chosen yet.
pub fn first_screen(
    store: &Store,
    phases: &PhaseModel,
    settings: &Settings,
) -> Result<(Model, View)> {
    let model = Model {
        demo: settings.demo,
        monitoring_settings: settings.monitoring,
        dashboard: dashboard::load(store, phases, settings.today)?,
        prompt_draft: crate::app::overlay::prompt::draft::Kept::found(
            store.prompt_draft()?.as_deref(),
        ),
        ..Model::new(settings.lang, settings.today, phases.clone())
    };
    let mut view = View::default();
    ask_once(&model, &mut view);
    Ok((model, view))
}

/// Asks who the user is when nobody is chosen and there is someone to choose.
pub fn ask_once(model: &Model, view: &mut View) {
    let dashboard = &model.dashboard;
    if dashboard.me.is_none() && !dashboard.members.is_empty() {
        view.overlays.open(Overlay::Prompt(Prompt::new(Ask::Me)));
    }
}

/// `m`: choose again, starting from the name chosen before.
pub fn choose_me(model: &Model, view: &mut View) -> Vec<Effect> {
    if model.screen == Screen::Dashboard {
        view.overlays
            .open(Overlay::Prompt(match &model.dashboard.me {
                Some(me) => Prompt::prefilled(Ask::Me, me.name.clone()),
                None => Prompt::new(Ask::Me),
            }));
    }
    Vec::new()
}

/// The answer to "who are you?": a member's full name or the start of one (of the name or of
/// any word in it), if it fits just one; otherwise asked again.
pub fn answer_me(model: &Model, view: &mut View, typed: String) -> Vec<Effect> {
    if typed.is_empty() {
        return Vec::new();
    }
    match member_for(&typed, &model.dashboard.members) {
        Some(member) => vec![Effect::SetMe(member.id), Effect::LoadDashboard],
        None => {
            view.flash = Some((model.lang.texts().flash_no_member)(&typed));
            view.overlays.open(Overlay::Prompt(Prompt::new(Ask::Me)));
            Vec::new()
        }
    }
}

fn member_for<'m>(typed: &str, members: &'m [Member]) -> Option<&'m Member> {
    let wanted = fold(typed.trim());
    if let Some(exact) = members.iter().find(|m| fold(&m.name) == wanted) {
        return Some(exact);
    }
    let starting: Vec<&Member> = members
        .iter()
        .filter(|m| {
            let name = fold(&m.name);
            name.starts_with(&wanted) || name.split(' ').any(|word| word.starts_with(&wanted))
        })
        .collect();
    match starting.as_slice() {
        [one] => Some(one),
        _ => None,
    }
}

pub fn next_panel(view: &mut View) -> Vec<Effect> {
    let next = (view.dashboard.panel.index() + 1) % Panel::ALL.len();
    view.dashboard.panel = Panel::ALL[next];
    Vec::new()
}

pub fn select(model: &Model, view: &mut View, down: bool) -> Vec<Effect> {
    let panel = view.dashboard.panel;
    let last = panel.len(&model.dashboard).saturating_sub(1);
    let selected = &mut view.dashboard.selected[panel.index()];
    *selected = if down {
        (*selected + 1).min(last)
    } else {
        selected.saturating_sub(1)
    };
    Vec::new()
}

/// `Enter`: the dossier of the pupil of the chosen row.
pub fn open(model: &Model, view: &View) -> Vec<Effect> {
    use crate::app::dossier::DossierOf;
    let dashboard = &model.dashboard;
    let panel = view.dashboard.panel;
    let at = view.dashboard.selected(panel);
    let target = match panel {
        Panel::Mine => dashboard
            .mine
            .get(at)
            .map(|a| DossierOf::Action(crate::domain::ActionId(a.id))),
        Panel::Overdue => dashboard
            .overdue
            .get(at)
            .map(|a| DossierOf::Action(crate::domain::ActionId(a.id))),
        Panel::Evaluations => dashboard
            .evaluations
            .get(at)
            .map(|c| DossierOf::Case(c.case)),
        Panel::Recent => dashboard.recent.get(at).map(|c| DossierOf::Case(c.case)),
    };
    target.map(Effect::LoadDossier).into_iter().collect()
}

#[cfg(test)]
mod tests;
