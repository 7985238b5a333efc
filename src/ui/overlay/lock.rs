//! The idle lock's screen: nothing of the data, a title and a masked one-line prompt.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

use crate::app::overlay::lock::LockPrompt;
use crate::i18n::Texts;
use crate::ui::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, prompt: &LockPrompt, t: &Texts, theme: &Theme) {
    let t = t.crypto;
    frame.render_widget(Block::new().style(theme.style("privacy.blank")), area);
    let [title, _, hint, _, answer, _, wrong] = Layout::vertical([Constraint::Length(1); 7])
        .flex(ratatui::layout::Flex::Center)
        .areas(area);
    frame.render_widget(
        Line::styled(t.lock_title, theme.style("ui.title")).centered(),
        title,
    );
    frame.render_widget(
        Line::styled(t.lock_hint, theme.style("privacy.blank")).centered(),
        hint,
    );
    // One dot per character typed: its length shows the typing is received, nothing else.
    let dots = "•".repeat(prompt.typed.0.chars().count());
    frame.render_widget(
        Line::from(vec![
            Span::styled(t.lock_label, theme.style("privacy.blank")),
            Span::styled(format!("{dots}▏"), theme.style("ui.text")),
        ])
        .centered(),
        answer,
    );
    if prompt.wrong {
        frame.render_widget(
            Line::styled(t.lock_wrong, theme.style("ui.warning")).centered(),
            wrong,
        );
    }
}
