//! The last pass of every frame the room may see: any word of a pupil's name left in free text
//! (a note about one child naming another, a hulpvraag typed with the child's first name on a
//! case without consent "ja") is masked in the drawn cells, whichever screen or overlay put it
//! there. Labels are decided by `domain::Subject`; this pass catches what people typed.

use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

use crate::app::Model;
use crate::domain::redact::{MASK, PupilNames};
use crate::domain::{Showing, Subject};

/// The names to mask and the one the room may read, or `None` on a private screen.
pub fn of(model: &Model) -> Option<(&PupilNames, Option<String>)> {
    let showing = model.showing();
    let Showing::Presenting { discussed } = showing else {
        return None;
    };
    // The meeting room's names when a meeting is open here, else those the start screen read
    // when it found the room presenting.
    let names = model
        .meeting
        .as_ref()
        .map_or(&*model.dashboard.names, |room| &*room.names);
    let named = discussed
        .and_then(|case| model.meeting.as_ref()?.cases.get(&case))
        .and_then(|brief| match brief.shown() {
            Subject::Named { full_name, .. } => Some(full_name),
            Subject::Pseudonym(_) => None,
        });
    Some((names, named))
}

/// Masks, row by row, every word of `names` but `named`'s in `buffer`.
pub fn mask(buffer: &mut Buffer, names: &PupilNames, named: Option<&str>) {
    let area = buffer.area;
    // One row's text and, for each of its characters, the cell it is drawn in and how many
    // cells that one takes; kept across rows so a frame allocates them once, not per row.
    let mut text = String::new();
    let mut cells: Vec<(u16, u16)> = Vec::new();
    for y in area.top()..area.bottom() {
        text.clear();
        cells.clear();
        let mut x = area.left();
        while x < area.right() {
            let symbol = buffer[(x, y)].symbol();
            let width = (symbol.width() as u16).max(1);
            for c in symbol.chars() {
                text.push(c);
                cells.push((x, width));
            }
            x += width;
        }
        // Borders, rules and blank rows hold no name.
        if !text.chars().any(char::is_alphabetic) {
            continue;
        }
        let Some(hidden) = names.hidden(&text, named) else {
            continue;
        };
        for (at, _) in hidden.iter().enumerate().filter(|(_, hide)| **hide) {
            let (x, width) = cells[at];
            for covered in x..(x + width).min(area.right()) {
                buffer[(covered, y)].set_char(MASK);
            }
        }
    }
}

#[cfg(test)]
mod tests;
