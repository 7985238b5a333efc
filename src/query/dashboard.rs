use chrono::NaiveDate;

use super::actions::{self, ActionRow, Filter};
use super::meetings::{self, MeetingRow};
use crate::domain::{Case, PhaseModel};
use crate::error::Result;
use crate::store::{Store, TreeId};

/// What the start screen shows.
#[derive(Debug, Clone, Default)]
pub struct Dashboard {
    pub pupils: usize,
    pub members: usize,
    /// Cases not in the model's final phase.
    pub active_cases: usize,
    pub next_meeting: Option<MeetingRow>,
    /// The meeting that may be reopened, if any closed.
    pub last_closed: Option<MeetingRow>,
    pub overdue: Vec<ActionRow>,
}

pub fn load(store: &Store, model: &PhaseModel, today: NaiveDate) -> Result<Dashboard> {
    let mut active_cases = 0;
    for case in store.all::<Case>() {
        if !model.is_final(&case?.phase) {
            active_cases += 1;
        }
    }
    let overdue = Filter {
        overdue: true,
        ..Filter::default()
    };
    Ok(Dashboard {
        pupils: store.count(TreeId::Pupils),
        members: store.count(TreeId::Members),
        active_cases,
        next_meeting: meetings::next(store, today)?,
        last_closed: meetings::last_closed(store)?,
        overdue: actions::list(store, &overdue, today)?,
    })
}
