//! Rendering: pure functions of the app's state. Nothing here writes, reads the clock or
//! touches the store, so every screen can be snapshot-tested.

mod actions;
mod admin;
mod dashboard;
mod dossier;
mod meeting;
mod monitoring;
mod overlay;
mod prepare;
pub mod theme;
mod timeline;
mod wall;

// The screens and overlays `render` draws, by their short names.
use admin::{audit, retention};
use overlay::{help, import, lock, palette, prompt, search};

use ratatui::Frame;
use ratatui::layout::Alignment;
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::app::core::keymap::{Context, Keymap};
use crate::app::{Drawn, Model, Overlay, OverlayKind, Screen, View};
use theme::Theme;

/// Draws a frame; what only drawing could measure (how far the text in front scrolls) comes
/// back for the loop to keep (`View::drawn`).
pub fn render(
    frame: &mut Frame,
    model: &Model,
    view: &View,
    theme: &Theme,
    keymap: &Keymap,
) -> Drawn {
    let drawn = draw(frame, model, view, theme, keymap);
    shown(frame.buffer_mut());
    if let Some((names, named)) = wall::of(model) {
        wall::mask(frame.buffer_mut(), names, named.as_deref());
    }
    drawn
}

/// ratatui leaves out control characters as it puts text in cells, but writes what a cell
/// holds to the terminal as it is: a bidi override from a name would reach it, and so would
/// anything a widget sets as a cell's symbol directly. Every cell is shown with the one rule
/// (`text::visible`), a sign wider than its cell as the replacement character.
fn shown(buffer: &mut ratatui::buffer::Buffer) {
    for cell in &mut buffer.content {
        if cell.symbol().chars().any(crate::text::is_unsafe) {
            let sign = crate::text::visible(cell.symbol()).into_owned();
            let sign = if sign.chars().count() == 1 {
                sign
            } else {
                "\u{FFFD}".into()
            };
            cell.set_symbol(&sign);
        }
    }
}

fn draw(frame: &mut Frame, model: &Model, view: &View, theme: &Theme, keymap: &Keymap) -> Drawn {
    let area = frame.area();
    // The whole frame is painted, or a dark theme shows only behind some widgets.
    frame.render_widget(Block::new().style(theme.style("ui.background")), area);
    if crate::app::too_small(area.width, area.height) {
        let message = (model.lang.texts().too_small)(area.width, area.height);
        frame.render_widget(
            Paragraph::new(message)
                .style(theme.style("ui.warning"))
                .alignment(Alignment::Center)
                .wrap(Wrap { trim: true }),
            area,
        );
        return Drawn::default();
    }
    // Locked: nothing of the data is drawn, whatever was open.
    match view.overlays.front() {
        Some(Overlay::Lock(prompt)) => {
            lock::render(frame, area, prompt, model.lang.texts(), theme);
            return Drawn::default();
        }
        Some(Overlay::Blank(said)) => {
            // A blanked screen says only what the step that blanked it said (the meeting
            // closed), or that it is hidden; never the flash, which may name a pupil.
            let line = said.unwrap_or(model.lang.texts().blank_message);
            meeting::render_blank(frame, area, line, theme);
            return Drawn::default();
        }
        _ => {}
    }
    let (context, drawn) = match (model.screen, &model.meeting) {
        (Screen::Meeting, Some(room)) => (
            Context::Meeting,
            meeting::render(frame, area, model, view, room, theme),
        ),
        (Screen::Actions, _) => {
            actions::render(frame, area, model, view, theme);
            (Context::Actions, Drawn::default())
        }
        (Screen::Dossier, _) if model.dossier.is_some() => (
            Context::Dossier,
            dossier::render(frame, area, model, view, theme),
        ),
        (Screen::Prepare, _) => {
            prepare::render(frame, area, model, view, theme);
            (Context::Prepare, Drawn::default())
        }
        (Screen::Audit, _) => {
            audit::render(frame, area, model, view, theme);
            (Context::Audit, Drawn::default())
        }
        (Screen::Retention, _) => {
            retention::render(frame, area, model, view, theme);
            (Context::Retention, Drawn::default())
        }
        (Screen::Monitoring, _) if model.monitoring.is_some() => {
            monitoring::render(frame, area, model, view, theme);
            (Context::Monitoring, Drawn::default())
        }
        _ => {
            dashboard::render(frame, area, model, view, theme);
            (Context::Dashboard, Drawn::default())
        }
    };
    // The overlay that takes the keys is drawn over the screen; the editors, the prompt and
    // the picker are drawn by the screen they belong to.
    let texts = model.lang.texts();
    match view.overlays.front() {
        Some(Overlay::Help) => {
            let entries = help::entries(&keymap.bindings(context), context, texts);
            help::render(frame, area, &entries, texts, theme);
        }
        Some(Overlay::Palette(open)) => palette::render(frame, area, open, texts, theme),
        Some(Overlay::Search(open)) => {
            let loading = view.search_index.is_none();
            search::render(frame, area, open, loading, texts, theme)
        }
        Some(Overlay::Import(review)) => import::render(frame, area, review, texts, theme),
        // The lock and the blanked screen are drawn instead of the screen (above); the history,
        // the editors, the picker and the prompt by the screen, over what they are about.
        Some(
            Overlay::Lock(_)
            | Overlay::Blank(_)
            | Overlay::History
            | Overlay::Editor(_)
            | Overlay::Picker(_)
            | Overlay::Prompt(_),
        )
        | None => {}
    }
    drawn
}

/// The bottom line of a screen: a notice (something went wrong) before a flash (what was just
/// done) before how to answer an open prompt, else `keys`, the screen's own hint.
pub(crate) fn status_line(
    model: &Model,
    view: &View,
    keys: &'static str,
    theme: &Theme,
) -> ratatui::text::Line<'static> {
    use ratatui::text::Line;
    match (&model.notice, &view.flash) {
        (Some(notice), _) => Line::styled(notice.clone(), theme.style("ui.error")),
        (None, Some(flash)) => Line::styled(flash.clone(), theme.style("ui.warning")),
        (None, None) => {
            let hint = if view.overlays.is_open(OverlayKind::Prompt) {
                model.lang.texts().prompt_hint
            } else {
                keys
            };
            Line::styled(hint, theme.style("ui.text.dim"))
        }
    }
}

/// A bordered pane with its title; the one with focus is drawn in the focus colour.
pub(crate) fn panel<'a>(title: &'a str, theme: &Theme, focus: bool) -> Block<'a> {
    let border = if focus {
        "ui.border.focus"
    } else {
        "ui.border"
    };
    Block::bordered()
        .border_style(theme.style(border))
        .title(ratatui::text::Span::styled(title, theme.style("ui.header")))
}

/// How far a bordered `paragraph` in `area` is scrolled, and how far it could go. The view
/// asks for a scroll; only the renderer knows the wrapped lines, so it draws within the limit
/// and returns it (for `j` to stop at the end: `Drawn::scroll_max`).
pub(crate) fn bounded_scroll(
    paragraph: &Paragraph,
    area: ratatui::layout::Rect,
    view: &View,
) -> (u16, u16) {
    bounded_rows(
        paragraph.line_count(area.width.saturating_sub(2)),
        area,
        view,
    )
}

/// The same for content of `rows` rows, however it is drawn.
pub(crate) fn bounded_rows(rows: usize, area: ratatui::layout::Rect, view: &View) -> (u16, u16) {
    let visible = usize::from(area.height.saturating_sub(2));
    let overflow = u16::try_from(rows.saturating_sub(visible)).unwrap_or(u16::MAX);
    (view.item_scroll.min(overflow), overflow)
}

/// Greedy word wrap at spaces: what is too long for its box continues on the next line.
pub(crate) fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let line = lines.last_mut().expect("starts with one line");
        let taken = line.chars().count();
        if taken > 0 && taken + 1 + word.chars().count() > width {
            lines.push(word.to_string());
        } else {
            if taken > 0 {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines
}

#[cfg(test)]
pub(crate) mod tests;
