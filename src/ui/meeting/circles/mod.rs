//! Beeldvorming's three circles: the editor (three columns of three boxes, as on the
//! whiteboard) and the compact picture on the case panel.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::app::Model;
use crate::app::meeting::circles::CirclesEditor;
use crate::domain::Case;
use crate::domain::case::Circle;
use crate::query::meeting::MeetingRoom;
use crate::ui::theme::Theme;

/// The signs of a circle's parts; the same in every language.
const SIGNS: [&str; 3] = ["+", "−", "?"];
/// Between the columns on the case panel.
const GAP: usize = 3;
/// Narrower than this, a column is too thin to read and the circles are stacked.
const MIN_COLUMN: usize = 18;

pub fn render(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    room: &MeetingRoom,
    editor: &CirclesEditor,
    theme: &Theme,
) {
    let t = model.lang.texts();
    let [top, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    frame.render_widget(
        crate::ui::meeting::form::title(model, room, editor.case, theme),
        top,
    );
    let columns = Layout::horizontal([Constraint::Ratio(1, 3); 3]).split(body);
    for (circle, column) in columns.iter().enumerate() {
        let [heading, boxes] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(*column);
        frame.render_widget(
            Line::styled(t.circles[circle], theme.style("ui.header")).centered(),
            heading,
        );
        let boxes = Layout::vertical([Constraint::Ratio(1, 3); 3]).split(boxes);
        for (part, area) in boxes.iter().enumerate() {
            let index = circle * 3 + part;
            crate::ui::meeting::form::text_box(
                frame,
                *area,
                t.circle_parts[part],
                &editor.boxes[index],
                index == editor.focus,
                theme,
            );
        }
    }
}

/// The circles on the case panel, `width` wide: three columns, or stacked when narrow.
pub fn summary<'a>(case: &Case, width: usize, model: &Model, theme: &Theme) -> Vec<Line<'a>> {
    let t = model.lang.texts();
    let mut lines = vec![Line::styled(t.circles_title, theme.style("ui.header"))];
    let circles = case.circles.circles();
    let column = width.saturating_sub(2 + 2 * GAP) / 3;
    if column >= MIN_COLUMN {
        let columns: Vec<Vec<(String, Style)>> = circles
            .iter()
            .enumerate()
            .map(|(index, circle)| {
                let mut rows = vec![(t.circles[index].to_string(), theme.style("ui.header"))];
                rows.extend(parts(circle, column, t.circles_empty, theme));
                rows
            })
            .collect();
        let height = columns.iter().map(Vec::len).max().unwrap_or(0);
        for row in 0..height {
            let mut spans = vec![Span::raw("  ")];
            for (index, rows) in columns.iter().enumerate() {
                let (text, style) = rows.get(row).cloned().unwrap_or_default();
                let pad = column.saturating_sub(text.width());
                spans.push(Span::styled(text, style));
                if index + 1 < columns.len() {
                    spans.push(Span::raw(" ".repeat(pad + GAP)));
                }
            }
            lines.push(Line::from(spans));
        }
    } else {
        // The panel wraps these lines itself.
        for (index, circle) in circles.iter().enumerate() {
            lines.push(Line::styled(
                format!("  {}", t.circles[index]),
                theme.style("ui.header"),
            ));
            for (text, style) in parts(circle, usize::MAX, t.circles_empty, theme) {
                lines.push(Line::styled(format!("    {text}"), style));
            }
        }
    }
    lines.push(Line::default());
    lines
}

/// A circle's parts as lines of at most `width` columns: each starts with its sign, what it
/// wraps onto is indented under the text.
fn parts(circle: &Circle, width: usize, empty: &str, theme: &Theme) -> Vec<(String, Style)> {
    let mut rows = Vec::new();
    for (sign, text) in SIGNS.iter().zip(circle.parts()) {
        let mut first = true;
        for line in text.lines().filter(|line| !line.trim().is_empty()) {
            for piece in wrap(line.trim(), width.saturating_sub(2).max(1)) {
                let lead = if first { *sign } else { " " };
                first = false;
                rows.push((format!("{lead} {piece}"), theme.style("ui.text")));
            }
        }
    }
    if rows.is_empty() {
        rows.push((empty.to_string(), theme.style("ui.text.dim")));
    }
    rows
}

/// Greedy word wrap by display width; a word longer than a line is cut.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed = if line.is_empty() { 0 } else { 1 } + word.width();
        if !line.is_empty() && line.width() + needed > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        for c in word.chars() {
            if line.width() + c.width().unwrap_or(0) > width {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests;
