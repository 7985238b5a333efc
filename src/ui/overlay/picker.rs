//! The new-signal overlay over the item pane: the query, then at most a few pupils, the chosen
//! one marked; then the hulpvraag for the pupil picked. It covers the whole pane, and while
//! more than one pupil matches they go by initials, groep and year of birth: the room sees
//! the name of the one pupil the signal is about, never the others (`docs/privacy.md`).

use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::app::meeting::signal::{Picker, Step};
use crate::app::{Model, View};
use crate::domain::dates::format_date;
use crate::i18n::Texts;
use crate::query::pick::PupilMatch;
use crate::ui::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, model: &Model, picker: &Picker, theme: &Theme) {
    let t = model.lang.texts();
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .border_style(theme.style("ui.border.focus"))
        .style(theme.style("ui.background"))
        .title(Span::styled(t.picker_title, theme.style("ui.title")));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [input, list] = Layout::vertical([Constraint::Length(3), Constraint::Min(0)]).areas(inner);

    let (question, rows) = match &picker.step {
        Step::Pupil => {
            let rows = if picker.searching() && picker.shown.is_empty() {
                vec![Line::styled(t.nothing_found, theme.style("ui.text.dim"))]
            } else {
                pupil_rows(&picker.shown, Some(picker.chosen), t, theme)
            };
            (t.picker_query.to_string(), rows)
        }
        Step::Question(pupil) => (
            (t.picker_question)(&pupil.name),
            pupil_rows(std::slice::from_ref(pupil), None, t, theme),
        ),
    };
    let input_block = Block::bordered()
        .border_style(theme.style("ui.border.focus"))
        .title(Span::styled(question, theme.style("ui.title")));
    let line = input_block.inner(input);
    frame.render_widget(input_block, input);
    frame.render_widget(Block::new().style(theme.style("ui.text")), line);
    frame.render_widget(&picker.editor, line);
    frame.render_widget(Paragraph::new(rows), list);
}

/// The keys of the overlay's step, for the status line.
pub fn hint(view: &View, t: &Texts) -> &'static str {
    match view.picker.as_ref().map(|picker| &picker.step) {
        Some(Step::Question(_)) => t.prompt_hint,
        _ => t.picker_hint,
    }
}

/// One line per pupil, names in one column so groep and birth date line up. Only a single
/// pupil left is named, with their birth date; several go by initials and year of birth.
fn pupil_rows<'a>(
    pupils: &'a [PupilMatch],
    chosen: Option<usize>,
    t: &Texts,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let named = pupils.len() == 1;
    let shown =
        |pupil: &'a PupilMatch| -> &'a str { if named { &pupil.name } else { &pupil.initials } };
    let width = pupils.iter().map(|p| shown(p).width()).max().unwrap_or(0);
    pupils
        .iter()
        .enumerate()
        .map(|(index, pupil)| {
            let is_chosen = chosen == Some(index);
            let style = if is_chosen {
                theme.style("ui.selection")
            } else {
                theme.style("ui.text")
            };
            // Underlined on top of the row's own style, so the matched letters show in every
            // theme and on the chosen row too.
            let matched = style.add_modifier(Modifier::UNDERLINED);
            let mut spans = vec![Span::styled(if is_chosen { "› " } else { "  " }, style)];
            spans.extend(shown(pupil).chars().enumerate().map(|(i, c)| {
                let style: Style = if named && pupil.matched.contains(&i) {
                    matched
                } else {
                    style
                };
                Span::styled(c.to_string(), style)
            }));
            let details = format!(
                "{:pad$}   {} {} · {} {}",
                "",
                t.col_groep,
                pupil.groep,
                t.col_birth,
                if named {
                    format_date(pupil.birth_date)
                } else {
                    pupil.birth_date.year().to_string()
                },
                pad = width - shown(pupil).width(),
            );
            spans.push(Span::styled(details, style));
            Line::from(spans).style(style)
        })
        .collect()
}
