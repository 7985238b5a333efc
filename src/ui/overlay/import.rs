//! The dry run of an import over the start screen: the summary the command line prints, and
//! at the bottom what `Enter` does (or why it does nothing).

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::app::overlay::import::Review;
use crate::i18n::Texts;
use crate::ui::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, review: &Review, t: &Texts, theme: &Theme) {
    let width = area.width.saturating_sub(4).min(100);
    let height = area.height.saturating_sub(4);
    let [popup] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(popup);
    frame.render_widget(Clear, popup);
    let (hint, hint_style) = if review.can_import() {
        (t.import.keys_confirm, "ui.help.key")
    } else if review.plan.bad.is_empty() {
        (t.import.keys_nothing, "ui.text.dim")
    } else {
        (t.import.keys_refused, "ui.warning")
    };
    let block = Block::bordered()
        .border_style(theme.style("ui.border.focus"))
        .title(Span::styled(t.import.title, theme.style("ui.title")))
        .title_bottom(Span::styled(hint, theme.style(hint_style)))
        .style(theme.style("ui.background"));
    let lines: Vec<Line> = review
        .lines
        .iter()
        .map(|line| {
            // Headings stand out from the pupils under them; bad rows in the warning colour.
            let style = if line.starts_with("  !") {
                "ui.warning"
            } else if line.starts_with("  ") {
                "ui.text"
            } else {
                "ui.header"
            };
            Line::styled(line.as_str(), theme.style(style))
        })
        .collect();
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((review.scroll, 0)),
        popup,
    );
}
