//! The charts beside the figures: running cases per level and per phase, new signals and
//! reactietijd per month, closings by the phase they closed from; and the open waits, under
//! the figures.

use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, Row, Table};

use crate::app::Model;
use crate::app::monitoring::Monitoring;
use crate::ui::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, model: &Model, screen: &Monitoring, theme: &Theme) {
    let s = model.lang.texts().stats;
    let f = &screen.data.figures;
    let [top, signals, reaction, closed] = Layout::vertical([Constraint::Fill(1); 4]).areas(area);
    let [levels, phases] =
        Layout::horizontal([Constraint::Length(26), Constraint::Fill(1)]).areas(top);

    let now = f
        .open_per_level
        .last()
        .map(|at| at.levels)
        .unwrap_or_default();
    let bars: Vec<Bar> = (1..=5)
        .zip(now)
        .map(|(level, n)| Bar::with_label(level.to_string(), u64::from(n)))
        .collect();
    let chart = BarChart::vertical(bars)
        .bar_width(3)
        .bar_gap(1)
        .bar_style(theme.style("level"))
        .block(crate::ui::panel(s.chart_levels_now, theme, false));
    frame.render_widget(chart, levels);

    let phase = |id: &str| model.phases.name(id, model.lang).to_string();
    let bars: Vec<Bar> = f
        .open_per_phase
        .iter()
        .map(|(id, n)| Bar::with_label(phase(id), u64::from(*n)))
        .collect();
    frame.render_widget(horizontal(bars, s.chart_phases, theme), phases);

    let month = |m: crate::monitoring::Month| {
        s.months
            .get(usize::try_from(m.month).unwrap_or(0).wrapping_sub(1))
            .copied()
            .unwrap_or("")
    };
    let bars: Vec<Bar> = f
        .signals_per_month
        .iter()
        .map(|m| Bar::with_label(month(m.month), u64::from(m.count)))
        .collect();
    frame.render_widget(monthly(bars, s.chart_signals, theme), signals);

    let bars: Vec<Bar> = f
        .reaction_per_month
        .iter()
        .map(|m| {
            let bar = Bar::default().label(Line::from(month(m.month)));
            match m.spread.median {
                // Rounded whole days: a bar cannot draw a fraction worth reading.
                Some(days) => bar.value(days.round() as u64),
                None => bar.value(0).text_value("–"),
            }
        })
        .collect();
    frame.render_widget(monthly(bars, s.chart_reaction_short, theme), reaction);

    let bars: Vec<Bar> = f
        .levels
        .closed_from
        .iter()
        .map(|(id, n)| {
            let label = id.as_deref().map_or("?".to_string(), phase);
            Bar::with_label(label, u64::from(*n))
        })
        .collect();
    frame.render_widget(horizontal(bars, s.chart_closed_from, theme), closed);
}

fn monthly<'a>(bars: Vec<Bar<'a>>, title: &'a str, theme: &Theme) -> BarChart<'a> {
    BarChart::vertical(bars)
        .bar_width(3)
        .bar_gap(1)
        .bar_style(theme.style("phase.current"))
        .block(crate::ui::panel(title, theme, false))
}

fn horizontal<'a>(bars: Vec<Bar<'a>>, title: &'a str, theme: &Theme) -> BarChart<'a> {
    BarChart::horizontal(bars)
        .bar_gap(0)
        .direction(Direction::Horizontal)
        .bar_style(theme.style("phase.done"))
        .block(crate::ui::panel(title, theme, false))
}

/// The open waits, longest first, as many as fit; those over the norm stand out.
pub fn waits(frame: &mut Frame, area: Rect, model: &Model, screen: &Monitoring, theme: &Theme) {
    let s = model.lang.texts().stats;
    let f = &screen.data.figures;
    let limit = i64::from(f.norm.weeks) * 7;
    let visible = usize::from(area.height.saturating_sub(3));
    let rows = f.norm.waits.iter().take(visible).map(|wait| {
        let who = screen
            .data
            .cases
            .get(&wait.case)
            .map_or(String::new(), |line| line.shown.name().to_string());
        let style = if wait.days > limit {
            theme.style("action.overdue")
        } else {
            theme.style("ui.text")
        };
        Row::new(vec![who, wait.days.to_string()]).style(style)
    });
    let title = (s.waits_title)(f.norm.waiting, f.norm.waiting_over_norm, f.norm.weeks);
    let table = Table::new(rows, [Constraint::Fill(1), Constraint::Length(6)])
        .header(Row::new(s.waits_cols.to_vec()).style(theme.style("ui.header")))
        .block(crate::ui::panel(&title, theme, false));
    frame.render_widget(table, area);
}
