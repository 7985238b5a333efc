//! Editing one action in place, the same way wherever it is shown: the Actiepunten item of a
//! meeting and the actions screen. Both keep the action with the row drawn from it, and both
//! hand the changed action to the store at once.

use chrono::NaiveDate;

use crate::app::Effect;
use crate::domain::dates::{DateContext, parse_date};
use crate::domain::{Action, ActionStatus};
use crate::error::Error;
use crate::i18n::Texts;
use crate::query::actions::ActionRow;

/// `x`: done today, or open again (a dropped action too, when it turns out to be needed).
pub fn toggle_done(action: &mut Action, row: &mut ActionRow, today: NaiveDate) -> Effect {
    action.status = match action.status {
        ActionStatus::Open => ActionStatus::Done { on: today },
        _ => ActionStatus::Open,
    };
    row.status = action.status.clone();
    row.days_overdue = action.days_overdue(today);
    Effect::SaveAction(Box::new(action.clone()))
}

/// `w`: the due date as typed (`12-12`, `vr`, `+2w`, `volgende ot`), or the catalog's message
/// saying why it cannot be read, for the prompt to ask again with the text kept.
pub fn change_due(
    action: &mut Action,
    row: &mut ActionRow,
    typed: &str,
    context: DateContext,
    t: &Texts,
) -> Result<Effect, String> {
    let due = parse_date(typed, context).map_err(|err| Error::from(err).message(t, ""))?;
    action.due = due;
    row.due = due;
    row.days_overdue = action.days_overdue(context.today);
    Ok(Effect::SaveAction(Box::new(action.clone())))
}
