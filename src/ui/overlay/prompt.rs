//! A one-line question (a reason, a date, a name) in a box over the bottom of the screen's
//! main pane, on whichever screen asked it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::app::Model;
use crate::app::meeting::case::{Ask, Prompt};
use crate::domain::dates::format_day;
use crate::i18n::capitalised;
use crate::ui::theme::Theme;

/// The question asked, in a box over the bottom of `area`.
pub fn render(frame: &mut Frame, area: Rect, model: &Model, prompt: &Prompt, theme: &Theme) {
    let t = model.lang.texts();
    let question = match &prompt.ask {
        Ask::PhaseBack { to } => (t.prompt_phase_back)(model.phases.name(to, model.lang)),
        Ask::Level { to } => {
            let from = model
                .meeting
                .as_ref()
                .and_then(|room| room.current_case())
                .map_or(0, |brief| brief.case.level.get());
            (t.prompt_level)(from, to.get())
        }
        Ask::ActionText => t.prompt_action_text.to_string(),
        Ask::ActionOwner { text } => (t.prompt_action_owner)(text),
        Ask::ActionDue { .. } => t.prompt_action_due.to_string(),
        Ask::NextMeeting => t.prompt_next_meeting.to_string(),
        Ask::DropAction { index } => (t.prompt_drop_action)(&earlier_action(model, *index)),
        Ask::NewOwner { index } => (t.prompt_new_owner)(&earlier_action(model, *index)),
        Ask::NewDue { index } => (t.prompt_new_due)(&earlier_action(model, *index)),
        Ask::ActionListDue { id } => {
            let text = model
                .action_list
                .iter()
                .flat_map(|list| &list.entries)
                .find(|(action, _)| action.id == *id)
                .map_or(String::new(), |(action, _)| action.text.clone());
            (t.prompt_new_due)(&text)
        }
        Ask::ActionFilter(field) => {
            use crate::app::actions::FilterField;
            match field {
                FilterField::Owner => t.prompt_filter_owner,
                FilterField::Pupil => t.prompt_filter_pupil,
                FilterField::Meeting => t.prompt_filter_meeting,
            }
            .to_string()
        }
        Ask::Decision => t.prompt_decision.to_string(),
        Ask::Prepare(ask) => crate::ui::prepare::question(ask, model.lang),
        Ask::Held(ask) => crate::app::meeting::held::question(ask, model),
        Ask::Me => t.prompt_me.to_string(),
        Ask::ImportFile => t.import.prompt_file.to_string(),
        Ask::Consent => t.privacy.consent_prompt.to_string(),
        Ask::EraseExpired { count } => (t.privacy.retention_confirm)(*count),
        Ask::Correct(ask) => crate::app::meeting::undo::question(ask, model),
        Ask::Reopen { .. } => {
            let day = model.dashboard.last_closed.as_ref().map(|m| m.date);
            (t.prompt_reopen)(&day.map_or(String::new(), |d| format_day(d, model.lang)))
        }
        Ask::Field { requirement } => {
            use crate::domain::phase::Requirement;
            let hint = match requirement {
                Requirement::EvaluationDate => t.hint_date,
                Requirement::ParentsInformed => t.hint_yes_no,
                Requirement::Consent => t.hint_consent,
                Requirement::HelpStartOrWait => t.hint_help_start,
                _ => "",
            };
            // The consent requirement already names its answers ("ja of anoniem"); the question
            // lists all three after the plain label.
            let asked = match requirement {
                Requirement::Consent => t.recorded_label(*requirement),
                _ => t.requirement(*requirement),
            };
            format!("{}{hint}", capitalised(asked))
        }
    };
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

/// The text of earlier action `index` of the meeting on screen.
fn earlier_action(model: &Model, index: usize) -> String {
    model
        .meeting
        .as_ref()
        .and_then(|room| room.earlier_actions.get(index))
        .map_or(String::new(), |(action, _)| action.text.clone())
}
