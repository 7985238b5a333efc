//! `h` on a case: its whole story over the item, newest first — phase, level and consent
//! changes with their reasons, the notes of earlier meetings, decisions and actions.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::app::{Model, View};
use crate::query::meeting::{CaseBrief, MeetingRoom};
use crate::query::timeline::{Records, entries, newest_first};
use crate::ui::theme::Theme;
use crate::ui::timeline;

/// Draws the history over `area`; how far it scrolls comes back.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    view: &View,
    room: &MeetingRoom,
    brief: &CaseBrief,
    theme: &Theme,
) -> u16 {
    let t = model.lang.texts();
    let records = Records {
        events: &brief.events,
        notes: &brief.notes,
        decisions: &brief.decisions,
        actions: brief
            .own_actions
            .iter()
            .map(|action| (action, room.owner_name(&action.owner)))
            .collect(),
    };
    let mut entries = entries(records, "", model.lang, &model.phases);
    newest_first(&mut entries);
    let mut lines = Vec::new();
    if entries.is_empty() {
        lines.push(Line::styled(t.history_empty, theme.style("ui.text.dim")));
    }
    lines.extend(timeline::lines(&entries, model, theme));
    let paragraph = Paragraph::new(lines)
        .style(theme.style("ui.background"))
        .wrap(Wrap { trim: false });
    let (offset, overflow) = crate::ui::bounded_scroll(&paragraph, area, view);
    let hint = if offset < overflow {
        format!("{} · {}", t.more_below, t.history_hint)
    } else {
        t.history_hint.to_string()
    };
    let block = Block::bordered()
        .border_style(theme.style("ui.border.focus"))
        .title(Span::styled(
            format!("{} · {}", t.label_history, t.pseudonym(&brief.subject())),
            theme.style("ui.title"),
        ))
        .title_bottom(Span::styled(hint, theme.style("ui.text.dim")));
    frame.render_widget(Clear, area);
    frame.render_widget(paragraph.scroll((offset, 0)).block(block), area);
    overflow
}
