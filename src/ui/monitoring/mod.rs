//! The monitoring screen: the figures of a period in a list a person walks with j/k, charts
//! beside it when the window is wide enough (they go first when it is not), and the cases
//! behind the chosen figure over the body after `Enter`.

mod charts;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Row, Table};

use crate::app::monitoring::{Monitoring, Value, rows};
use crate::app::{Model, View};
use crate::domain::dates::format_date;
use crate::monitoring::report::Figure;
use crate::ui::theme::Theme;

/// Below this width the figures take the whole body and the charts are left out.
const WIDE: u16 = 120;

pub fn render(frame: &mut Frame, area: Rect, model: &Model, view: &View, theme: &Theme) {
    let s = model.lang.texts().stats;
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(area);
    let Some(screen) = model.monitoring.as_deref() else {
        return;
    };
    frame.render_widget(title(model, screen, theme), header);
    let keys = if view.monitoring.list.is_some() {
        s.screen_list_keys
    } else {
        s.screen_keys
    };
    frame.render_widget(crate::ui::status_line(model, view, keys, theme), footer);
    let rows = rows(&screen.data.figures);
    if let (Some(at), Some((figure, value))) = (view.monitoring.list, rows.get(view.monitoring.row))
    {
        cases(frame, body, model, screen, (figure, value), at, theme);
        return;
    }
    if body.width < WIDE {
        figures(frame, body, model, screen, view, theme);
        return;
    }
    // The charts keep room for a school year's twelve months; the figures take the rest, and
    // the open waits go under them where the figures leave room.
    let left = body.width.saturating_sub(50).min(72);
    let [left, right] =
        Layout::horizontal([Constraint::Length(left), Constraint::Fill(1)]).areas(body);
    let height = u16::try_from(rows.len() + 3).unwrap_or(u16::MAX);
    let [figures_area, waits] =
        Layout::vertical([Constraint::Max(height), Constraint::Fill(1)]).areas(left);
    figures(frame, figures_area, model, screen, view, theme);
    if waits.height >= 4 {
        charts::waits(frame, waits, model, screen, theme);
    }
    charts::render(frame, right, model, screen, theme);
}

fn title<'a>(model: &Model, screen: &Monitoring, theme: &Theme) -> Line<'a> {
    let s = model.lang.texts().stats;
    let year = screen.period.school_year(model.today);
    let period = match screen.period {
        crate::app::monitoring::PeriodChoice::Term(n) => (s.screen_term)(n, year),
        _ => (s.screen_year)(year),
    };
    let span = screen.data.figures.period;
    let mut spans = vec![
        Span::styled(s.screen_title, theme.style("ui.title")),
        Span::styled(
            format!(
                " · {period} ({} – {})",
                format_date(span.from),
                format_date(span.to)
            ),
            theme.style("ui.text"),
        ),
    ];
    if screen.data.presenting {
        spans.push(Span::styled(
            format!(" · {}", s.screen_presenting),
            theme.style("ui.warning"),
        ));
    }
    Line::from(spans)
}

/// A figure's name in the screen's language.
pub(crate) fn name(model: &Model, figure: &Figure) -> String {
    let settings = model
        .monitoring
        .as_ref()
        .map(|m| m.data.figures.settings)
        .unwrap_or_default();
    model.lang.texts().stats.figure(
        figure,
        &|id| model.phases.name(id, model.lang).to_string(),
        settings.norm_weeks,
        settings.return_months,
    )
}

/// The value and what it rests on, as text.
fn value_text(model: &Model, value: &Value) -> (String, String) {
    let s = model.lang.texts().stats;
    let none = "–".to_string();
    match value {
        Value::Count(n) => (n.to_string(), String::new()),
        Value::Share(share) => (
            share.percent().map_or(none, |p| format!("{p:.0}%")),
            format!("{} / {}", share.part, share.base),
        ),
        Value::Spread(spread) | Value::Minutes(spread) => {
            let unit = match value {
                Value::Minutes(_) => s.screen_minutes,
                _ => s.screen_days,
            };
            let text = match (spread.median, spread.p80) {
                (Some(median), Some(p80)) => {
                    format!("{median:.0} {unit} · {} {p80:.0}", s.screen_p80)
                }
                _ => none,
            };
            (text, spread.base.to_string())
        }
        Value::Mean(mean) => (
            mean.value().map_or(none, |v| {
                let text = format!("{v:.1}");
                // Dutch writes a decimal comma, as the printed report does.
                match model.lang {
                    crate::i18n::Lang::Nl => text.replace('.', ","),
                    crate::i18n::Lang::En => text,
                }
            }),
            mean.base.to_string(),
        ),
    }
}

fn figures(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    screen: &Monitoring,
    view: &View,
    theme: &Theme,
) {
    let s = model.lang.texts().stats;
    let rows = rows(&screen.data.figures);
    let visible = usize::from(area.height.saturating_sub(3)).max(1);
    let selected = view.monitoring.row.min(rows.len().saturating_sub(1));
    let top = (selected + 1).saturating_sub(visible);
    let lines = rows
        .iter()
        .enumerate()
        .skip(top)
        .take(visible)
        .map(|(index, (figure, value))| {
            let (value, base) = value_text(model, value);
            let style = if index == selected {
                theme.style("ui.selection")
            } else {
                theme.style("ui.text")
            };
            Row::new(vec![name(model, figure), value, base]).style(style)
        });
    let table = Table::new(
        lines,
        [
            Constraint::Fill(1),
            Constraint::Length(16),
            Constraint::Length(9),
        ],
    )
    .header(Row::new(s.screen_cols.to_vec()).style(theme.style("ui.header")))
    .block(crate::ui::panel(s.topics[0], theme, true));
    frame.render_widget(table, area);
}

fn cases(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    screen: &Monitoring,
    (figure, value): (&Figure, &Value),
    at: usize,
    theme: &Theme,
) {
    let s = model.lang.texts().stats;
    let listed = screen.data.cases_behind(figure).unwrap_or_default();
    let title = (s.screen_cases_of)(&name(model, figure), listed.len());
    // Only a share has cases that are not counted in its part.
    let share = matches!(value, Value::Share(_));
    let visible = usize::from(area.height.saturating_sub(3)).max(1);
    let selected = at.min(listed.len().saturating_sub(1));
    let top = (selected + 1).saturating_sub(visible);
    let lines = listed
        .iter()
        .enumerate()
        .skip(top)
        .take(visible)
        .map(|(index, (line, part))| {
            let style = if index == selected {
                theme.style("ui.selection")
            } else if line.shown.is_named() {
                theme.style("pupil.name")
            } else {
                theme.style("pupil.anonymous")
            };
            let counted = if *part { "✓" } else { "" };
            // A plain count has every listed case in it: its "telt" column would stay empty.
            let counted = share.then(|| counted.to_string());
            Row::new(counted.into_iter().chain([
                line.shown.name().to_string(),
                line.shown.groep().map_or(String::new(), |g| g.to_string()),
                model.phases.name(&line.phase, model.lang).to_string(),
                line.level.get().to_string(),
                format_date(line.opened),
            ]))
            .style(style)
        });
    let skip = usize::from(!share);
    let widths = [6, 30, 6, 14, 7, 11].map(Constraint::Length);
    let table = Table::new(lines, widths.into_iter().skip(skip))
        .header(
            Row::new(s.screen_list_cols.iter().skip(skip).copied()).style(theme.style("ui.header")),
        )
        .block(
            Block::new()
                .borders(Borders::ALL)
                .border_style(theme.style("ui.border.focus"))
                .title(Span::styled(title, theme.style("ui.header"))),
        );
    frame.render_widget(table, area);
}
