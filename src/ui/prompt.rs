//! The one-line prompt: its question as the title of a box over the bottom of an area.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Block, Clear};

use super::theme::Theme;
use crate::app::case::Prompt;

pub fn render(frame: &mut Frame, area: Rect, question: String, prompt: &Prompt, theme: &Theme) {
    let [_, bottom] = Layout::vertical([Constraint::Min(0), Constraint::Length(3)]).areas(area);
    frame.render_widget(Clear, bottom);
    let block = Block::bordered()
        .border_style(theme.style("ui.border.focus"))
        .title(Span::styled(question, theme.style("ui.title")));
    let inner = block.inner(bottom);
    frame.render_widget(block, bottom);
    frame.render_widget(Block::new().style(theme.style("ui.text")), inner);
    frame.render_widget(&prompt.editor, inner);
}
