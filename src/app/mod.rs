//! The screen's state machine: messages in, state and effects out.

use chrono::NaiveDate;

use crate::domain::PhaseModel;
use crate::error::Result;
use crate::i18n::Lang;
use crate::store::Store;

pub fn run(_store: &Store, _model: &PhaseModel, _lang: Lang, _today: NaiveDate, _demo: bool) -> Result<()> {
    Ok(())
}

pub fn run_demo(_lang: Lang, _today: NaiveDate) -> Result<()> {
    Ok(())
}
