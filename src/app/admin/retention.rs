//! `T` on the start screen (or `:` bewaartermijn): the closed cases past the bewaartermijn,
//! shown as on a shared screen (initials and groep), and `X` to erase them all after typing
//! "ja". The erasure is the one `otter forget` uses, case by case: a pupil keeps their newer
//! cases.

use crate::app::admin::Ask;
use crate::app::overlay::prompt::Prompt;
use crate::app::{Effect, Model, Overlay, Screen, View};
use crate::query::retention::RetentionList;

pub fn loaded(model: &mut Model, view: &mut View, list: RetentionList) -> Vec<Effect> {
    model.retention = Some(list);
    model.screen = Screen::Retention;
    view.selected = 0;
    Vec::new()
}

pub fn start_erase(model: &Model, view: &mut View) -> Vec<Effect> {
    let t = model.lang.texts();
    match model
        .retention
        .as_ref()
        .filter(|_| model.screen == Screen::Retention)
    {
        Some(list) if !list.expired.is_empty() => {
            view.overlays
                .open(Overlay::Prompt(Prompt::new(Ask::EraseExpired {
                    count: list.expired.len(),
                })));
        }
        Some(_) => view.flash = Some(t.privacy.retention_nothing.to_string()),
        None => {}
    }
    Vec::new()
}

/// The confirmation: only "ja" (or "yes") erases; anything else leaves everything as it was.
pub fn answer(model: &mut Model, view: &mut View, text: &str) -> Vec<Effect> {
    let t = model.lang.texts();
    match model.retention.as_ref() {
        Some(list) if t.privacy.confirms(text, None) => {
            vec![Effect::EraseExpired(Box::new(list.clone()))]
        }
        _ => {
            view.flash = Some(t.privacy.err_cancelled.to_string());
            Vec::new()
        }
    }
}
