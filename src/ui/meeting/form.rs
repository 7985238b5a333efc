//! A form open on the case in front (the circles, the plan's fields) takes the whole body of
//! the meeting screen: the whiteboard needs the width, and the agenda waits meanwhile.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType};
use ratatui_textarea::TextArea;

use crate::app::meeting::form::{Form, Kind, kind_of};
use crate::app::{Model, View};
use crate::domain::{Case, CaseId, Requirement};
use crate::query::meeting::MeetingRoom;
use crate::ui::theme::Theme;

#[allow(clippy::too_many_arguments)]
pub fn render(
    frame: &mut Frame,
    body: Rect,
    footer: Rect,
    model: &Model,
    view: &View,
    room: &MeetingRoom,
    form: &Form,
    theme: &Theme,
) {
    let t = model.lang.texts();
    let hint = match form {
        Form::Circles(editor) => {
            crate::ui::meeting::circles::render(frame, body, model, room, editor, theme);
            t.circles_hint
        }
        Form::Plan(plan) => {
            crate::ui::meeting::plan::render(frame, body, model, view, room, plan, theme);
            t.plan_hint
        }
    };
    frame.render_widget(crate::ui::status_line(model, view, hint, theme), footer);
}

/// The line over a form: the phase and the one pupil being discussed.
pub(super) fn title<'a>(
    model: &'a Model,
    room: &'a MeetingRoom,
    case: CaseId,
    theme: &Theme,
) -> Line<'a> {
    let t = model.lang.texts();
    let Some(brief) = room.cases.get(&case) else {
        return Line::default();
    };
    let name_style = if brief.shown().is_named() {
        theme.style("pupil.name")
    } else {
        theme.style("pupil.anonymous")
    };
    let mut title = vec![
        Span::styled(
            format!("{} — ", model.phases.name(&brief.case.phase, model.lang)),
            theme.style("ui.title"),
        ),
        Span::styled(t.pseudonym(&brief.subject()).into_owned(), name_style),
    ];
    if let Some(groep) = brief.groep() {
        title.push(Span::styled(
            format!(" · {} {groep}", t.col_groep),
            theme.style("ui.text"),
        ));
    }
    Line::from(title)
}

/// One box of a form. The one with focus has a thick border in the focus style, so it stands
/// out in the monochrome theme too.
pub(super) fn text_box(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    text: &TextArea<'static>,
    focused: bool,
    theme: &Theme,
) {
    let (border, border_style, title_style) = if focused {
        (BorderType::Thick, "ui.border.focus", "ui.title")
    } else {
        (BorderType::Plain, "ui.border", "ui.header")
    };
    let block = Block::bordered()
        .border_type(border)
        .border_style(theme.style(border_style))
        .title(Span::styled(title, theme.style(title_style)));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    frame.render_widget(text, inner);
}

/// What the case panel shows of the form of the case's phase, above its notes.
pub fn summary<'a>(case: &'a Case, width: usize, model: &'a Model, theme: &Theme) -> Vec<Line<'a>> {
    match kind_of(&model.phases, &case.phase) {
        Some(Kind::Circles) => crate::ui::meeting::circles::summary(case, width, model, theme),
        // A plan that runs is shown with what this phase recorded beside it (Evaluatie weighs
        // the outcome against the goals and the evaluation date).
        Some(Kind::Plan) if !model.phases.correctable(&case.phase).is_empty() => {
            let mut lines = crate::ui::meeting::plan::summary(case, model, theme);
            lines.extend(recorded(case, model, theme));
            lines
        }
        Some(Kind::Plan) => crate::ui::meeting::plan::summary(case, model, theme),
        None => recorded(case, model, theme),
    }
}

/// What `f` recorded for this phase, so the team sees the answers and not only what is
/// missing. The hulpvraag, consent, circles and actions have places of their own.
fn recorded<'a>(case: &Case, model: &Model, theme: &Theme) -> Vec<Line<'a>> {
    let t = model.lang.texts();
    let shown_elsewhere = [
        Requirement::Question,
        Requirement::Consent,
        Requirement::Circles,
    ];
    let mut lines = Vec::new();
    for (requirement, value) in model.phases.recorded(case, &[&case.phase]) {
        if shown_elsewhere.contains(&requirement) {
            continue;
        }
        lines.push(Line::from(vec![
            Span::styled(
                format!("{}: ", t.recorded_label(requirement)),
                theme.style("ui.header"),
            ),
            Span::styled(
                model.lang.recorded(&value, model.today).join("; "),
                theme.style("ui.text"),
            ),
        ]));
    }
    if !lines.is_empty() {
        lines.push(Line::default());
    }
    lines
}
