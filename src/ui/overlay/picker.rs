//! The new-signal overlay over the item pane: the query, then at most a few pupils, the chosen
//! one marked; then the hulpvraag for the pupil picked. It covers the whole pane. It opens
//! only in a meeting, on the shared screen, and a new signal's consent is not yet asked: every
//! pupil goes by initials, groep and year of birth, the one picked too (`docs/privacy.md`).

use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::app::meeting::signal::{Picker, Step};
use crate::app::{Model, View};
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
            (t.picker_question)(&pupil.initials),
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
    match view
        .overlays
        .get::<crate::app::meeting::signal::Picker>()
        .map(|picker| &picker.step)
    {
        Some(Step::Question(_)) => t.prompt_hint,
        _ => t.picker_hint,
    }
}

/// One line per pupil, initials in one column so groep and year of birth line up.
fn pupil_rows<'a>(
    pupils: &'a [PupilMatch],
    chosen: Option<usize>,
    t: &Texts,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let width = pupils.iter().map(|p| p.initials.width()).max().unwrap_or(0);
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
            let row = format!(
                "{}{}{:pad$}   {} {} · {} {}",
                if is_chosen { "› " } else { "  " },
                pupil.initials,
                "",
                t.col_groep,
                pupil.groep,
                t.col_birth,
                pupil.birth_date.year(),
                pad = width - pupil.initials.width(),
            );
            Line::styled(row, style)
        })
        .collect()
}
