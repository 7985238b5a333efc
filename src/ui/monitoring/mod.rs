//! The monitoring screen: the figures of a period in a list a person walks with j/k, charts
//! beside it when the window is wide enough (they go first when it is not), and the cases
//! behind the chosen figure over the body after `Enter`.

mod charts;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Row, Table};

use crate::app::monitoring::{Monitoring, Value, rows};
use crate::app::{Model, View};
use crate::domain::dates::format_date;
use crate::monitoring::report::Figure;
use crate::ui::theme::Theme;

/// Below this width the figures take the whole body and the charts are left out.
const WIDE: u16 = 120;
/// What the charts keep beside the figures: a school year's twelve months of bars.
const CHARTS: u16 = 50;
/// The value column: "100 dagen", "15,5", "100%".
const VALUE: usize = 10;
/// The column of what a share rests on: "123 / 456".
const BASE: usize = 9;
/// The open waits always shown under the figures when there are as many.
const WAITS: usize = 5;

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
    // Enter opens no dossier while the room sees the screen: the list does not offer it then.
    let keys = if view.monitoring.list.is_some() && screen.data.presenting {
        s.screen_list_keys_presenting
    } else if view.monitoring.list.is_some() {
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
        let labels = usize::from(body.width).saturating_sub(fixed_width());
        figures(frame, body, model, screen, view, labels, theme);
        return;
    }
    // The charts keep room for a school year's twelve months; the figures take what their
    // longest name needs of the rest, a name that does not fit is wrapped, never cut.
    let needed = fixed_width() + longest_label(model, screen);
    let left = u16::try_from(needed)
        .unwrap_or(u16::MAX)
        .min(body.width.saturating_sub(CHARTS));
    let [left, right] =
        Layout::horizontal([Constraint::Length(left), Constraint::Fill(1)]).areas(body);
    let labels = usize::from(left.width).saturating_sub(fixed_width());
    let lines: usize = rows
        .iter()
        .map(|(figure, _)| label(model, screen, figure, labels).len())
        .sum();
    let height = u16::try_from(lines + 4).unwrap_or(u16::MAX);
    // The open waits keep room for a few of the longest under the figures, which scroll:
    // at 120x36 the figures took the whole height and the team's own list was gone.
    let waits_rows = screen.data.figures.norm.waits.len().clamp(1, WAITS);
    let waits_height = u16::try_from(waits_rows + 3).unwrap_or(u16::MAX);
    let figures_height = height.min(left.height.saturating_sub(waits_height));
    let [figures_area, waits] =
        Layout::vertical([Constraint::Length(figures_height), Constraint::Fill(1)]).areas(left);
    figures(frame, figures_area, model, screen, view, labels, theme);
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

/// The columns beside a figure's name, with their spacing and the panel's borders.
fn fixed_width() -> usize {
    VALUE * 2 + BASE + 3 + 2
}

/// A figure's name as the list shows it, in lines of at most `width` columns. Beside the share
/// of help started within the norm it says how many still wait beyond it: that share counts
/// only the help that started, and would read rosier than the waits are.
fn label(model: &Model, screen: &Monitoring, figure: &Figure, width: usize) -> Vec<String> {
    let mut text = name(model, figure);
    let over = screen.data.figures.norm.waiting_over_norm;
    if *figure == Figure::WithinNorm && over > 0 {
        let still = (model.lang.texts().stats.still_waiting)(&over.to_string());
        text = format!("{text} ({still})");
    }
    crate::ui::wrap(&text, width.max(1))
}

/// The widest figure name on one line; what is said beside a name wraps under it.
fn longest_label(model: &Model, screen: &Monitoring) -> usize {
    rows(&screen.data.figures)
        .iter()
        .map(|(figure, _)| name(model, figure).chars().count())
        .max()
        .unwrap_or(0)
}

/// The value, the value 8 in 10 cases stay within (for a figure in days or minutes), and
/// what it rests on, as text.
fn value_text(model: &Model, value: &Value) -> [String; 3] {
    let s = model.lang.texts().stats;
    let none = "–".to_string();
    match value {
        Value::Count(n) => [n.to_string(), String::new(), String::new()],
        Value::Share(share) => [
            share.percent().map_or(none, |p| format!("{p:.0}%")),
            String::new(),
            format!("{} / {}", share.part, share.base),
        ],
        Value::Spread(spread) | Value::Minutes(spread) => {
            let unit = match value {
                Value::Minutes(_) => s.screen_minutes,
                _ => s.screen_days,
            };
            let of = |v: Option<f64>| v.map_or(none.clone(), |v| format!("{v:.0} {unit}"));
            [of(spread.median), of(spread.p80), spread.base.to_string()]
        }
        Value::Mean(mean) => [
            mean.value().map_or(none, |v| {
                let text = format!("{v:.1}");
                // Dutch writes a decimal comma, as the printed report does.
                match model.lang {
                    crate::i18n::Lang::Nl => text.replace('.', ","),
                    crate::i18n::Lang::En => text,
                }
            }),
            String::new(),
            mean.base.to_string(),
        ],
    }
}

/// The first of `heights` to show so that the one `at` is in `room` lines.
fn top_for(heights: &[usize], at: usize, room: usize) -> usize {
    let mut top = 0;
    while top < at && heights[top..=at].iter().sum::<usize>() > room {
        top += 1;
    }
    top
}

fn figures(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    screen: &Monitoring,
    view: &View,
    labels: usize,
    theme: &Theme,
) {
    let s = model.lang.texts().stats;
    let rows = rows(&screen.data.figures);
    let names: Vec<Vec<String>> = rows
        .iter()
        .map(|(figure, _)| label(model, screen, figure, labels))
        .collect();
    let heights: Vec<usize> = names.iter().map(Vec::len).collect();
    // "8 van de 10 binnen" over two lines: its column is as wide as the values under it.
    let header: Vec<Vec<String>> = s
        .screen_cols
        .iter()
        .map(|col| crate::ui::wrap(col, VALUE))
        .collect();
    let header_height = header.iter().map(Vec::len).max().unwrap_or(1);
    let header = Row::new(header.into_iter().map(|lines| Text::from(lines.join("\n"))))
        .height(u16::try_from(header_height).unwrap_or(1))
        .style(theme.style("ui.header"));
    let room = usize::from(area.height)
        .saturating_sub(2 + header_height)
        .max(1);
    let selected = view.monitoring.row.min(rows.len().saturating_sub(1));
    let top = top_for(&heights, selected, room);
    let lines = rows
        .iter()
        .zip(names)
        .enumerate()
        .skip(top)
        .map(|(index, ((_, value), name))| {
            let [value, within, base] = value_text(model, value);
            let style = if index == selected {
                theme.style("ui.selection")
            } else {
                theme.style("ui.text")
            };
            let height = u16::try_from(name.len()).unwrap_or(1);
            Row::new(vec![
                Text::from(name.join("\n")),
                value.into(),
                within.into(),
                base.into(),
            ])
            .height(height)
            .style(style)
        });
    let table = Table::new(
        lines,
        [
            Constraint::Fill(1),
            Constraint::Length(VALUE as u16),
            Constraint::Length(VALUE as u16),
            Constraint::Length(BASE as u16),
        ],
    )
    .header(header)
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
    let in_days = screen.data.in_days(figure);
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
            let days = in_days.then(|| {
                screen
                    .data
                    .days_behind(figure, line.case)
                    .map_or(String::new(), |days| days.to_string())
            });
            Row::new(
                counted
                    .into_iter()
                    .chain([
                        line.shown.name().to_string(),
                        line.shown.groep().map_or(String::new(), |g| g.to_string()),
                        model.phases.name(&line.phase, model.lang).to_string(),
                        line.level.get().to_string(),
                        format_date(line.opened),
                    ])
                    .chain(days),
            )
            .style(style)
        });
    // Which columns this list has: "telt" for a share, "dagen" for a figure in days.
    let shown = |at: usize| (at > 0 || share) && (at < 6 || in_days);
    let widths = [6, 30, 6, 14, 7, 11, 6]
        .into_iter()
        .enumerate()
        .filter(|(at, _)| shown(*at))
        .map(|(_, width)| Constraint::Length(width));
    let header = s
        .screen_list_cols
        .iter()
        .enumerate()
        .filter(|(at, _)| shown(*at))
        .map(|(_, col)| *col);
    let table = Table::new(lines, widths)
        .header(Row::new(header).style(theme.style("ui.header")))
        .block(
            Block::new()
                .borders(Borders::ALL)
                .border_style(theme.style("ui.border.focus"))
                .title(Span::styled(title, theme.style("ui.header"))),
        );
    frame.render_widget(table, area);
}
