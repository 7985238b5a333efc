//! A one-line question (a reason, a date, a name) in a box over the bottom of the screen's
//! main pane, on whichever screen asked it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::app::Model;
use crate::app::overlay::prompt::Prompt;
use crate::ui::theme::Theme;

/// The question asked, in a box over the bottom of `area`.
pub fn render(frame: &mut Frame, area: Rect, model: &Model, prompt: &Prompt, theme: &Theme) {
    let question = prompt.ask.question(model);
    // A question longer than the box is wide is wrapped above the answer, not cut off.
    let question: Vec<Line> = crate::ui::wrap(&question, usize::from(area.width.saturating_sub(2)))
        .into_iter()
        .map(|line| Line::styled(line, theme.style("ui.title")))
        .collect();
    let height = (question.len() as u16 + 3).min(area.height);
    let [_, bottom] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(height)]).areas(area);
    frame.render_widget(Clear, bottom);
    let block = Block::bordered()
        .border_style(theme.style("ui.border.focus"))
        .style(theme.style("ui.background"));
    let inner = block.inner(bottom);
    frame.render_widget(block, bottom);
    let [question_area, answer] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(inner);
    frame.render_widget(Paragraph::new(question), question_area);
    frame.render_widget(Block::new().style(theme.style("ui.text")), answer);
    frame.render_widget(&prompt.editor, answer);
}
