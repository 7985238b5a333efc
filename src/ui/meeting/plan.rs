//! The Plan phase's fields: the form (goals, regiehouder, evaluation date beside the phase
//! notes) and their lines on the case panel.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui_textarea::TextArea;

use crate::app::meeting::plan::{Field, PlanForm};
use crate::app::{Model, View};
use crate::domain::Case;
use crate::domain::dates::format_day;
use crate::query::meeting::MeetingRoom;
use crate::ui::theme::Theme;

pub fn render(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    view: &View,
    room: &MeetingRoom,
    form: &PlanForm,
    theme: &Theme,
) {
    let t = model.lang.texts();
    let [top, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    frame.render_widget(
        crate::ui::meeting::form::title(model, room, form.case, theme),
        top,
    );
    let [left, right] = Layout::horizontal([Constraint::Ratio(1, 2); 2]).areas(body);
    let [goals, regiehouder, evaluation] = Layout::vertical([
        Constraint::Min(4),
        Constraint::Length(3),
        Constraint::Length(3),
    ])
    .areas(left);
    let focus = |field| form.focus == field;
    crate::ui::meeting::form::text_box(
        frame,
        goals,
        t.plan_goals_box,
        &form.goals,
        focus(Field::Goals),
        theme,
    );
    crate::ui::meeting::form::text_box(
        frame,
        regiehouder,
        t.plan_regiehouder,
        &form.regiehouder,
        focus(Field::Regiehouder),
        theme,
    );
    // The title says which day the box reads as, while typing too.
    let date = match form.parsed {
        Some(day) => format!("{} · {}", t.plan_evaluation, format_day(day, model.lang)),
        None => format!("{}{}", t.plan_evaluation, t.hint_date),
    };
    crate::ui::meeting::form::text_box(
        frame,
        evaluation,
        &date,
        &form.evaluation,
        focus(Field::Evaluation),
        theme,
    );
    let phase = model.phases.name(
        room.cases.get(&form.case).map_or("", |b| &b.case.phase),
        model.lang,
    );
    let notes = format!("{} · {phase}", t.meeting_notes);
    // Until the store has numbered a new note there is no editor yet: an empty box.
    let empty = TextArea::default();
    let editor = view.editor().map_or(&empty, |open| &open.editor);
    crate::ui::meeting::form::text_box(frame, right, &notes, editor, focus(Field::Notes), theme);
}

/// Goals, regiehouder and evaluation date, each on lines of their own.
pub fn summary<'a>(case: &Case, model: &Model, theme: &Theme) -> Vec<Line<'a>> {
    let t = model.lang.texts();
    let label = |text: &str| Span::styled(format!("{text}: "), theme.style("ui.header"));
    let not_set = || Span::styled(t.plan_not_set, theme.style("ui.text.dim"));
    let mut lines = vec![Line::from(label(t.plan_goals))];
    let goals: Vec<&String> = case.goals.iter().filter(|g| !g.trim().is_empty()).collect();
    if goals.is_empty() {
        lines.push(Line::from(vec![Span::raw("  "), not_set()]));
    }
    for goal in goals {
        lines.push(Line::styled(format!("  • {goal}"), theme.style("ui.text")));
    }
    let regiehouder = if case.regiehouder.trim().is_empty() {
        not_set()
    } else {
        Span::styled(case.regiehouder.clone(), theme.style("ui.text"))
    };
    lines.push(Line::from(vec![label(t.plan_regiehouder), regiehouder]));
    let evaluation = match case.evaluation_date {
        Some(day) => Span::styled(format_day(day, model.lang), theme.style("ui.text")),
        None => not_set(),
    };
    lines.push(Line::from(vec![label(t.plan_evaluation), evaluation]));
    lines.push(Line::default());
    lines
}
