//! The one layout the keys are routed and scrolled by: what the window's size and the text
//! drawn in it say about the screen. The loop fills it: from the size before each frame
//! (`View::fit`), and from what the frame measured as it drew (`View::drawn`, from the
//! `Drawn` that `ui::render` returns). Drawing itself writes nothing.

use std::sync::Arc;

/// The smallest window the screens are drawn for: below it otter says so instead of drawing a
/// cramped screen.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Whether a window of this size is too small to draw a screen in.
pub fn too_small(width: u16, height: u16) -> bool {
    width < MIN_WIDTH || height < MIN_HEIGHT
}

/// The screens with a pane that pages (a meeting's item, the actions list) draw it between a
/// header line and the status line, inside a border or under a rule with the column names:
/// four rows fewer than the window has. `ui` lays them out so (tested against a drawn frame).
const ROWS_AROUND_A_PAGE: u16 = 4;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fit {
    /// The window is too small to draw the screen: keys and pastes do nothing then, as no one
    /// can see what they would change.
    pub too_small: bool,
    /// The rows of a pane that pages at this window's height: what PgDn and PgUp move by.
    pub rows: u16,
    /// What the last frame measured.
    pub drawn: Drawn,
}

impl Fit {
    /// From the window's size, before a frame is drawn in it; what the last frame measured is
    /// kept until the next one says otherwise.
    pub fn of(width: u16, height: u16, drawn: Drawn) -> Fit {
        Fit {
            too_small: too_small(width, height),
            rows: height.saturating_sub(ROWS_AROUND_A_PAGE),
            drawn,
        }
    }
}

/// What only drawing can know, because only drawing wraps the text: returned by `ui::render`
/// for the loop to keep in the view.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Drawn {
    /// How far the text in front (a meeting's item or the history over it, the dossier's
    /// timeline or case) scrolls before its end is in view: `j` stops there.
    pub scroll_max: u16,
    /// The rows each entry of the dossier's timeline takes at a width: measured once per width
    /// and dossier, reused by the frames after.
    pub timeline: Option<Arc<Heights>>,
}

/// The rows of each timeline entry, wrapped at `width`.
#[derive(Debug, PartialEq, Eq)]
pub struct Heights {
    pub width: u16,
    pub rows: Vec<usize>,
}
