//! Timeline entries (`query::timeline`) as lines: the date dim before the heading, the body
//! indented under it.

use ratatui::text::{Line, Span};

use super::theme::Theme;
use crate::app::Model;
use crate::domain::dates::format_day;
use crate::query::timeline::Entry;

/// The entries as lines: the date dim before the heading, the body indented under it.
pub fn lines(entries: Vec<Entry>, model: &Model, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for entry in entries {
        lines.push(Line::from(vec![
            Span::styled(
                format!("{}  ", format_day(entry.date, model.lang)),
                theme.style("ui.text.dim"),
            ),
            Span::styled(entry.heading, theme.style("ui.text")),
        ]));
        lines.extend(
            entry
                .body
                .into_iter()
                .map(|text| Line::styled(format!("    {text}"), theme.style("ui.text"))),
        );
    }
    lines
}
