//! Rendering: pure functions of the app's state. Nothing here writes, reads the clock or
//! touches the store, so every screen can be snapshot-tested.

mod dashboard;

use ratatui::Frame;
use ratatui::layout::Alignment;
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::{Model, View};

/// Below this otter says so instead of drawing a cramped screen.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

pub fn render(frame: &mut Frame, model: &Model, view: &View) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let message = (model.lang.texts().too_small)(area.width, area.height);
        frame.render_widget(
            Paragraph::new(message)
                .alignment(Alignment::Center)
                .wrap(Wrap { trim: true }),
            area,
        );
        return;
    }
    dashboard::render(frame, area, model, view);
}

#[cfg(test)]
mod tests;
