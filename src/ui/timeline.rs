//! Timeline entries (`query::timeline`) as lines: the date dim before the heading, the body
//! indented under it.

use ratatui::text::{Line, Span};

use super::theme::Theme;
use crate::app::Model;
use crate::domain::dates::format_day;
use crate::query::timeline::Entry;

/// The entries as lines, one after the other.
pub fn lines<'a>(entries: &'a [Entry], model: &Model, theme: &Theme) -> Vec<Line<'a>> {
    entries
        .iter()
        .flat_map(|entry| entry_lines(entry, model, theme))
        .collect()
}

/// One entry: the date dim before the heading, the body indented under it.
pub fn entry_lines<'a>(entry: &'a Entry, model: &Model, theme: &Theme) -> Vec<Line<'a>> {
    let mut lines = vec![Line::from(vec![
        Span::styled(
            format!("{}  ", format_day(entry.date, model.lang)),
            theme.style("ui.text.dim"),
        ),
        Span::styled(entry.heading.as_str(), theme.style("ui.text")),
    ])];
    lines.extend(
        entry
            .body
            .iter()
            .map(|text| Line::styled(format!("    {text}"), theme.style("ui.text"))),
    );
    lines
}
