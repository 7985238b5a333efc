//! `otter stats`: the monitoring figures for the school leader, the gemeente and the
//! samenwerkingsverband, as text, JSON, CSV or one printable HTML page with its charts as
//! inline SVG. Everything written here comes from a disclosure-controlled `Report`: no case,
//! pupil or typed text can reach these files. `combine` adds up several schools' CSV files.

use std::fmt::Write as _;

use serde::Serialize;
use serde_json::{Value, json};

use super::actions_csv::BOM;
use super::doc::Doc;
use super::html::{Html, escape};
use crate::domain::PhaseModel;
use crate::domain::dates::format_date;
use crate::i18n::{Lang, capitalised};
use crate::monitoring::disclosure::Cell;
use crate::monitoring::report::{Figure, MonthCell, Report, Row, Stat};
use crate::monitoring::{Month, Period};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Csv,
    Html,
}

/// What every form says beside the figures.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    pub model: &'a PhaseModel,
    pub lang: Lang,
    pub school: &'a str,
}

pub fn write(report: &Report, cx: &Context, format: Format) -> std::io::Result<Vec<u8>> {
    Ok(match format {
        Format::Text => text(report, cx).into_bytes(),
        Format::Json => {
            let mut out = serde_json::to_vec_pretty(&json_of(report, cx))?;
            out.push(b'\n');
            out
        }
        Format::Csv => csv(report, cx)?,
        Format::Html => html(report, cx).into_bytes(),
    })
}

fn decimals(row: &Row) -> usize {
    match (row.stat, &row.figure) {
        (Stat::Mean, _) | (Stat::Median, Figure::MinutesPerCase) => 1,
        _ => 0,
    }
}

fn label(row: &Row, report: &Report, cx: &Context) -> String {
    let t = cx.lang.texts().stats;
    let phase = |id: &str| cx.model.name(id, cx.lang).to_string();
    let name = t.figure(
        &row.figure,
        &phase,
        report.settings.norm_weeks,
        report.settings.return_months,
    );
    let name = match row.stat {
        Stat::Count => capitalised(&name),
        stat => format!("{} ({})", capitalised(&name), t.stat(stat)),
    };
    // As on the screen: the share counts only the help that started, and would read rosier
    // than the waits are. The count is the report's own cell, under the same disclosure; a
    // cell hidden to protect another says nothing here either.
    let over = report
        .rows
        .iter()
        .find(|r| r.figure == Figure::WaitingOverNorm)
        .map(|r| r.value);
    match over {
        Some(cell @ (Cell::Count(1..) | Cell::Few))
            if row.figure == Figure::WithinNorm && row.stat == Stat::Percent =>
        {
            let count = cell.text(report.settings.threshold, 0);
            format!("{name} ({})", (t.still_waiting)(&count))
        }
        _ => name,
    }
}

fn period_text(period: Period) -> String {
    format!("{} – {}", format_date(period.from), format_date(period.to))
}

fn month_text(month: Month, lang: Lang) -> String {
    let t = lang.texts().stats;
    format!(
        "{} {}",
        t.months[(month.month as usize).saturating_sub(1) % 12],
        month.year
    )
}

fn settings_text(report: &Report, lang: Lang) -> String {
    let s = report.settings;
    (lang.texts().stats.settings_line)(s.norm_weeks, s.return_months, s.threshold)
}

/// Value and base as shown, for every row in report order, under its topic.
fn shown(report: &Report, cx: &Context) -> Vec<(&'static str, Vec<[String; 3]>)> {
    let t = cx.lang.texts().stats;
    let th = report.settings.threshold;
    let mut topics: Vec<(&'static str, Vec<[String; 3]>)> = Vec::new();
    for row in &report.rows {
        let topic = t.topic(row.figure.topic());
        if topics.last().is_none_or(|(last, _)| *last != topic) {
            topics.push((topic, Vec::new()));
        }
        let base = row.base.map(|b| b.text(th, 0)).unwrap_or_default();
        if let Some((_, rows)) = topics.last_mut() {
            rows.push([
                label(row, report, cx),
                local(row.value, decimals(row), th, cx.lang),
                base,
            ]);
        }
    }
    topics
}

/// A cell for people to read: Dutch numbers have a decimal comma.
fn local(cell: Cell, decimals: usize, threshold: u32, lang: Lang) -> String {
    match (cell, lang) {
        (Cell::Number(_), Lang::Nl) => cell.text(threshold, decimals).replace('.', ","),
        _ => cell.text(threshold, decimals),
    }
}

fn text(report: &Report, cx: &Context) -> String {
    let t = cx.lang.texts().stats;
    let th = report.settings.threshold;
    let mut out = String::new();
    let _ = writeln!(out, "{}", t.title);
    let _ = writeln!(
        out,
        "{}: {}",
        capitalised(t.period),
        period_text(report.period)
    );
    if !cx.school.trim().is_empty() {
        let _ = writeln!(out, "{}: {}", capitalised(t.school), cx.school.trim());
    }
    let _ = writeln!(out, "{}", settings_text(report, cx.lang));
    let topics = shown(report, cx);
    let width = topics
        .iter()
        .flat_map(|(_, rows)| rows)
        .map(|[label, _, _]| label.chars().count())
        .max()
        .unwrap_or(0);
    for (topic, rows) in &topics {
        let _ = writeln!(out, "\n{topic}");
        for [label, value, base] in rows {
            let pad = width - label.chars().count();
            let base = if base.is_empty() {
                String::new()
            } else {
                format!("  n={base}")
            };
            let _ = writeln!(out, "  {label}{:pad$}  {value:>6}{base}", "");
        }
    }
    let series = |out: &mut String, title: &str, cells: &[MonthCell]| {
        let _ = writeln!(out, "\n{title}");
        for cell in cells {
            let _ = writeln!(
                out,
                "  {:<9} {:>6}",
                month_text(cell.month, cx.lang),
                cell.value.text(th, 0)
            );
        }
    };
    series(&mut out, t.chart_signals, &report.signals_per_month);
    let _ = writeln!(out, "\n{}", t.chart_levels);
    let _ = writeln!(
        out,
        "  {:<9} {}",
        "",
        (1..=5)
            .map(|l| format!("{:>9}", format!("{} {l}", t.level)))
            .chain([format!("{:>9}", t.total)])
            .collect::<String>()
    );
    for month in &report.open_per_level {
        let cells: Vec<String> = month
            .levels
            .iter()
            .map(|c| format!("{:>9}", c.text(th, 0)))
            .collect();
        let _ = writeln!(
            out,
            "  {:<9} {}{:>9}",
            month_text(month.month, cx.lang),
            cells.join(""),
            month.total.text(th, 0)
        );
    }
    series(&mut out, t.chart_reaction, &report.reaction_per_month);
    let _ = writeln!(out, "\n{}", (t.disclosure)(th));
    let _ = writeln!(out, "{}", t.aggregate_only);
    out
}

fn cell_json(cell: Cell, decimals: usize, threshold: u32) -> Value {
    match cell {
        Cell::Count(n) => json!(n),
        Cell::Number(x) => {
            let scale = 10f64.powi(i32::try_from(decimals.max(1)).unwrap_or(1));
            json!((x * scale).round() / scale)
        }
        Cell::TooFew => Value::Null,
        other => json!(other.text(threshold, 0)),
    }
}

#[derive(Serialize)]
struct JsonRow {
    figure: String,
    statistic: &'static str,
    label: String,
    value: Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    part: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    base: Option<Value>,
}

fn month_key(month: Month) -> String {
    format!("{}-{:02}", month.year, month.month)
}

fn json_of(report: &Report, cx: &Context) -> Value {
    let th = report.settings.threshold;
    let rows: Vec<JsonRow> = report
        .rows
        .iter()
        .map(|row| JsonRow {
            figure: row.figure.key(),
            statistic: row.stat.key(),
            label: label(row, report, cx),
            value: cell_json(row.value, decimals(row), th),
            part: row.part.map(|c| cell_json(c, 0, th)),
            base: row.base.map(|c| cell_json(c, 0, th)),
        })
        .collect();
    let monthly = |cells: &[MonthCell]| -> Vec<Value> {
        cells
            .iter()
            .map(|m| {
                json!({
                    "month": month_key(m.month),
                    "value": cell_json(m.value, 0, th),
                    "base": m.base.map(|c| cell_json(c, 0, th)),
                })
            })
            .collect()
    };
    json!({
        "school": cx.school.trim(),
        "period": { "from": report.period.from, "to": report.period.to },
        "settings": report.settings,
        "figures": rows,
        "new_signals_per_month": monthly(&report.signals_per_month),
        "open_per_level_per_month": report.open_per_level.iter().map(|m| json!({
            "month": month_key(m.month),
            "levels": m.levels.iter().map(|c| cell_json(*c, 0, th)).collect::<Vec<_>>(),
            "total": cell_json(m.total, 0, th),
        })).collect::<Vec<_>>(),
        "signal_to_help_median_per_month": monthly(&report.reaction_per_month),
    })
}

/// The CSV's columns: the same names in every language, for `combine` and for a spreadsheet.
pub const CSV_HEADER: [&str; 7] = [
    "figure",
    "statistic",
    "value",
    "part",
    "base",
    "lower_bound",
    "label",
];

/// A number as a Dutch spreadsheet reads it: a decimal comma.
fn csv_cell(cell: Cell, decimals: usize, threshold: u32) -> String {
    match cell {
        Cell::Number(_) => cell.text(threshold, decimals).replace('.', ","),
        other => other.text(threshold, decimals),
    }
}

struct CsvRow {
    figure: String,
    statistic: String,
    value: String,
    part: String,
    base: String,
    lower_bound: bool,
    label: String,
}

fn csv_rows(report: &Report, cx: &Context) -> Vec<CsvRow> {
    let t = cx.lang.texts().stats;
    let th = report.settings.threshold;
    let plain = |figure: &str, statistic: &str, value: String, label: &str| CsvRow {
        figure: figure.to_string(),
        statistic: statistic.to_string(),
        value,
        part: String::new(),
        base: String::new(),
        lower_bound: false,
        label: label.to_string(),
    };
    let s = report.settings;
    let mut rows = vec![
        plain("period", "from", report.period.from.to_string(), t.period),
        plain("period", "to", report.period.to.to_string(), t.period),
        plain(
            "settings",
            "norm_weeks",
            s.norm_weeks.to_string(),
            t.settings,
        ),
        plain(
            "settings",
            "return_months",
            s.return_months.to_string(),
            t.settings,
        ),
        plain("settings", "threshold", s.threshold.to_string(), t.settings),
    ];
    let optional = |cell: Option<Cell>| cell.map(|c| csv_cell(c, 0, th)).unwrap_or_default();
    for row in &report.rows {
        rows.push(CsvRow {
            figure: row.figure.key(),
            statistic: row.stat.key().to_string(),
            value: csv_cell(row.value, decimals(row), th),
            part: optional(row.part),
            base: optional(row.base),
            lower_bound: false,
            label: label(row, report, cx),
        });
    }
    for m in &report.signals_per_month {
        let mut row = plain(
            &format!("new_signals.{}", month_key(m.month)),
            "count",
            csv_cell(m.value, 0, th),
            t.chart_signals,
        );
        row.label = format!("{} {}", t.chart_signals, month_text(m.month, cx.lang));
        rows.push(row);
    }
    for m in &report.open_per_level {
        for (level, cell) in m.levels.iter().enumerate() {
            rows.push(plain(
                &format!("open.{}.level_{}", month_key(m.month), level + 1),
                "count",
                csv_cell(*cell, 0, th),
                &format!(
                    "{} {}, {} {}",
                    t.chart_levels,
                    month_text(m.month, cx.lang),
                    t.level,
                    level + 1
                ),
            ));
        }
        rows.push(plain(
            &format!("open.{}", month_key(m.month)),
            "count",
            csv_cell(m.total, 0, th),
            &format!("{} {}", t.chart_levels, month_text(m.month, cx.lang)),
        ));
    }
    for m in &report.reaction_per_month {
        let mut row = plain(
            &format!("signal_to_help.{}", month_key(m.month)),
            "median",
            csv_cell(m.value, 0, th),
            &format!("{} {}", t.chart_reaction, month_text(m.month, cx.lang)),
        );
        row.base = optional(m.base);
        rows.push(row);
    }
    rows
}

fn write_csv(rows: &[CsvRow]) -> std::io::Result<Vec<u8>> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(BOM.to_vec());
    writer.write_record(CSV_HEADER)?;
    for row in rows {
        writer.write_record([
            row.figure.as_str(),
            &row.statistic,
            &row.value,
            &row.part,
            &row.base,
            if row.lower_bound { "true" } else { "false" },
            &row.label,
        ])?;
    }
    writer
        .into_inner()
        .map_err(|err| std::io::Error::other(err.to_string()))
}

fn csv(report: &Report, cx: &Context) -> std::io::Result<Vec<u8>> {
    write_csv(&csv_rows(report, cx))
}

// ---------------------------------------------------------------------------------------------
// HTML with inline SVG charts.

/// Okabe-Ito colours: told apart with every common colour blindness, and in grey print.
const LEVEL_COLOURS: [&str; 5] = ["#009E73", "#56B4E9", "#E69F00", "#D55E00", "#CC79A7"];
const BAR: &str = "#1f4e79";
/// The part of a bar made of hidden counts.
const HIDDEN: &str = "#bbbbbb";

const CHART_W: f64 = 640.0;
const CHART_H: f64 = 190.0;
const LEFT: f64 = 34.0;
const BOTTOM: f64 = 34.0;
const TOP: f64 = 16.0;

/// A step for the axis that gives a few round lines.
fn axis_step(max: f64) -> f64 {
    let rough = (max / 4.0).max(1.0);
    let power = 10f64.powf(rough.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|step| *step >= rough)
        .unwrap_or(rough)
}

/// Axis, grid lines and the month labels under `n` slots; returns the svg so far, the y scale
/// and the slot width.
fn frame(months: &[Month], max: f64, lang: Lang) -> (String, f64, f64) {
    let step = axis_step(max);
    let top_value = (max / step).ceil().max(1.0) * step;
    let plot_h = CHART_H - TOP - BOTTOM;
    let scale = plot_h / top_value;
    let slot = (CHART_W - LEFT - 8.0) / months.len().max(1) as f64;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {CHART_W} {CHART_H}\" \
         role=\"img\" font-family=\"Arial, sans-serif\" font-size=\"10\">\n"
    );
    let mut value = 0.0;
    while value <= top_value + 1e-9 {
        let y = CHART_H - BOTTOM - value * scale;
        let _ = writeln!(
            svg,
            "<line x1=\"{LEFT}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"#d0d7de\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#555\">{value}</text>",
            CHART_W - 8.0,
            LEFT - 4.0,
            y + 3.5
        );
        value += step;
    }
    let t = lang.texts().stats;
    for (i, month) in months.iter().enumerate() {
        let x = LEFT + slot * (i as f64 + 0.5);
        let _ = writeln!(
            svg,
            "<text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#333\">{}</text>",
            CHART_H - BOTTOM + 13.0,
            escape(t.months[(month.month as usize).saturating_sub(1) % 12])
        );
        // The year under January and under the first month.
        if i == 0 || month.month == 1 {
            let _ = writeln!(
                svg,
                "<text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#777\">{}</text>",
                CHART_H - BOTTOM + 25.0,
                month.year
            );
        }
    }
    (svg, scale, slot)
}

/// One bar per month; a cell not shown as a number gets its mark ("<5", "x", ".") instead.
fn bars(cells: &[MonthCell], threshold: u32, lang: Lang) -> String {
    let months: Vec<Month> = cells.iter().map(|c| c.month).collect();
    let max = cells
        .iter()
        .filter_map(|c| c.value.number())
        .fold(0.0, f64::max);
    let (mut svg, scale, slot) = frame(&months, max, lang);
    let base_y = CHART_H - BOTTOM;
    for (i, cell) in cells.iter().enumerate() {
        let x = LEFT + slot * i as f64 + slot * 0.2;
        let centre = LEFT + slot * (i as f64 + 0.5);
        match cell.value.number() {
            Some(value) => {
                let h = value * scale;
                let _ = writeln!(
                    svg,
                    "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{h:.1}\" fill=\"{BAR}\"/>\
                     <text x=\"{centre:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#111\">{value:.0}</text>",
                    base_y - h,
                    slot * 0.6,
                    base_y - h - 3.0
                );
            }
            None => {
                let _ = writeln!(
                    svg,
                    "<text x=\"{centre:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#777\">{}</text>",
                    base_y - 3.0,
                    escape(&cell.value.text(threshold, 0))
                );
            }
        }
    }
    svg.push_str("</svg>");
    svg
}

/// Bars per month stacked by level; only exact counts are drawn, the month's total on top.
fn stacked(report: &Report, lang: Lang) -> String {
    let t = lang.texts().stats;
    let th = report.settings.threshold;
    let months: Vec<Month> = report.open_per_level.iter().map(|m| m.month).collect();
    let max = report
        .open_per_level
        .iter()
        .map(|m| {
            let drawn = m.levels.iter().filter_map(|c| c.exact()).sum::<u32>();
            m.total.exact().unwrap_or(drawn).max(drawn)
        })
        .max()
        .unwrap_or(0);
    let (mut svg, scale, slot) = frame(&months, f64::from(max), lang);
    let base_y = CHART_H - BOTTOM;
    for (i, month) in report.open_per_level.iter().enumerate() {
        let x = LEFT + slot * i as f64 + slot * 0.2;
        let mut y = base_y;
        for (level, cell) in month.levels.iter().enumerate() {
            if let Some(n) = cell.exact().filter(|n| *n > 0) {
                let h = f64::from(n) * scale;
                y -= h;
                let _ = writeln!(
                    svg,
                    "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{h:.1}\" fill=\"{}\"/>",
                    slot * 0.6,
                    LEVEL_COLOURS[level]
                );
            }
        }
        // What the hidden cells hold together, when the total is known: grey, so the bar
        // has its true height without saying how the hidden part splits over the levels.
        let drawn: u32 = month.levels.iter().filter_map(|c| c.exact()).sum();
        if let Some(rest) = month.total.exact().and_then(|t| t.checked_sub(drawn))
            && rest > 0
        {
            let h = f64::from(rest) * scale;
            y -= h;
            let _ = writeln!(
                svg,
                "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{h:.1}\" fill=\"{HIDDEN}\"/>",
                slot * 0.6,
            );
        }
        let _ = writeln!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#111\">{}</text>",
            LEFT + slot * (i as f64 + 0.5),
            y - 3.0,
            escape(&month.total.text(th, 0))
        );
    }
    svg.push_str("</svg>\n");
    // The legend as text under the chart, so it prints and reads without colour too.
    let mut legend = String::from("<p class=\"legend\">");
    for (level, colour) in LEVEL_COLOURS.iter().enumerate() {
        let _ = write!(
            legend,
            "<span><svg width=\"10\" height=\"10\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\" fill=\"{colour}\"/></svg> {} {}</span> ",
            escape(t.level),
            level + 1
        );
    }
    let _ = write!(
        legend,
        "<span><svg width=\"10\" height=\"10\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\" fill=\"{HIDDEN}\"/></svg> {}</span>",
        escape(t.hidden_levels)
    );
    legend.push_str("</p>");
    svg + &legend
}

fn html(report: &Report, cx: &Context) -> String {
    let t = cx.lang.texts().stats;
    let th = report.settings.threshold;
    let mut doc = Html::new(cx.lang);
    doc.title(t.title);
    doc.facts(&[
        (t.school, cx.school.trim().to_string()),
        (t.period, period_text(report.period)),
        (t.settings, settings_text(report, cx.lang)),
    ]);
    doc.fine_print(&(t.disclosure)(th));
    doc.heading(t.chart_signals);
    doc.svg(&bars(&report.signals_per_month, th, cx.lang));
    doc.heading(t.chart_levels);
    doc.svg(&stacked(report, cx.lang));
    doc.heading(t.chart_reaction);
    doc.svg(&bars(&report.reaction_per_month, th, cx.lang));
    for (topic, rows) in shown(report, cx) {
        doc.heading(topic);
        let rows: Vec<Vec<String>> = rows.into_iter().map(Vec::from).collect();
        doc.table(&t.cols, &rows);
    }
    doc.fine_print(t.aggregate_only);
    doc.finish()
}

// ---------------------------------------------------------------------------------------------
// Combining several schools' CSV files.

/// What `otter stats` can refuse.
#[derive(Debug, thiserror::Error)]
pub enum StatsError {
    #[error("period ends before it begins")]
    Period,
    #[error("period has not begun")]
    NotBegun,
    #[error("a term needs a school year")]
    TermNeedsYear,
    #[error("{0}: {1}")]
    Read(String, String),
    #[error("{0}: line {1}")]
    Format(String, usize),
    #[error("{0}: another period")]
    OtherPeriod(String),
}

impl StatsError {
    pub fn message(&self, t: &crate::i18n::stats::StatsTexts) -> String {
        match self {
            StatsError::Period => t.err_period.to_string(),
            StatsError::NotBegun => t.err_not_begun.to_string(),
            StatsError::TermNeedsYear => t.err_term_needs_year.to_string(),
            StatsError::Read(file, why) => (t.err_combine_read)(file, why),
            StatsError::Format(file, line) => (t.err_combine_format)(file, *line),
            StatsError::OtherPeriod(file) => (t.err_combine_periods)(file),
        }
    }
}

/// A count read back: at least `value`, exactly when `exact`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Bound {
    value: u64,
    exact: bool,
}

impl std::ops::Add for Bound {
    type Output = Bound;
    fn add(self, other: Bound) -> Bound {
        Bound {
            value: self.value + other.value,
            exact: self.exact && other.exact,
        }
    }
}

/// "<5" is at least 1, "x" at least 0; a lower bound read back stays one.
fn bound(text: &str, lower: bool) -> Option<Bound> {
    let text = text.trim();
    if text.starts_with('<') {
        return Some(Bound {
            value: 1,
            exact: false,
        });
    }
    if text == "x" {
        return Some(Bound {
            value: 0,
            exact: false,
        });
    }
    text.parse().ok().map(|value| Bound {
        value,
        exact: !lower,
    })
}

struct Combined {
    figure: String,
    statistic: String,
    label: String,
    value: Option<Bound>,
    part: Option<Bound>,
    base: Option<Bound>,
}

/// One file's rows, by figure and statistic; the files are named for messages.
pub fn combine(
    files: &[(String, Vec<u8>)],
    lang: Lang,
    csv_out: bool,
) -> Result<Vec<u8>, StatsError> {
    let mut combined: Vec<Combined> = Vec::new();
    let mut meta: Vec<(String, String, String)> = Vec::new();
    for (index, (name, bytes)) in files.iter().enumerate() {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b';')
            .flexible(false)
            .from_reader(bytes.as_slice());
        let header = reader
            .headers()
            .map_err(|err| StatsError::Read(name.clone(), err.to_string()))?;
        if header.iter().collect::<Vec<_>>() != CSV_HEADER {
            return Err(StatsError::Format(name.clone(), 1));
        }
        let mut own_meta = Vec::new();
        for (line, record) in reader.records().enumerate() {
            let line = line + 2;
            let record = record.map_err(|_| StatsError::Format(name.clone(), line))?;
            let field = |i: usize| record.get(i).unwrap_or_default().to_string();
            let (figure, statistic) = (field(0), field(1));
            if figure == "period" || figure == "settings" {
                own_meta.push((figure, statistic, field(2)));
                continue;
            }
            if !matches!(statistic.as_str(), "count" | "percent") {
                continue;
            }
            let lower = field(5) == "true";
            let read = |i: usize| -> Result<Option<Bound>, StatsError> {
                let text = field(i);
                if text.is_empty() || text == "." {
                    return Ok(None);
                }
                bound(&text, lower)
                    .map(Some)
                    .ok_or_else(|| StatsError::Format(name.clone(), line))
            };
            let (value, part, base) = if statistic == "count" {
                (read(2)?, None, None)
            } else {
                (None, read(3)?, read(4)?)
            };
            match combined
                .iter_mut()
                .find(|c| c.figure == figure && c.statistic == statistic)
            {
                Some(c) => {
                    c.value = add(c.value, value);
                    c.part = add(c.part, part);
                    c.base = add(c.base, base);
                }
                None => combined.push(Combined {
                    figure,
                    statistic,
                    label: field(6),
                    value,
                    part,
                    base,
                }),
            }
        }
        if index == 0 {
            meta = own_meta;
        } else if own_meta != meta {
            return Err(StatsError::OtherPeriod(name.clone()));
        }
    }
    let t = lang.texts().stats;
    let percent = |c: &Combined| match (c.part, c.base) {
        (Some(part), Some(base)) if base.exact && base.value > 0 => Some(Bound {
            value: part.value * 1000 / base.value,
            exact: part.exact,
        }),
        _ => None,
    };
    if csv_out {
        let mut rows: Vec<CsvRow> = meta
            .iter()
            .map(|(figure, statistic, value)| CsvRow {
                figure: figure.clone(),
                statistic: statistic.clone(),
                value: value.clone(),
                part: String::new(),
                base: String::new(),
                lower_bound: false,
                label: String::new(),
            })
            .collect();
        let text = |b: Option<Bound>| b.map(|b| b.value.to_string()).unwrap_or_default();
        for c in &combined {
            let share = percent(c);
            let value = match c.statistic.as_str() {
                "count" => text(c.value),
                _ => share
                    .map(|s| format!("{},{}", s.value / 10, s.value % 10))
                    .unwrap_or_else(|| ".".into()),
            };
            let lower = [c.value, c.part, c.base]
                .into_iter()
                .flatten()
                .any(|b| !b.exact);
            rows.push(CsvRow {
                figure: c.figure.clone(),
                statistic: c.statistic.clone(),
                value,
                part: text(c.part),
                base: text(c.base),
                lower_bound: lower,
                label: c.label.clone(),
            });
        }
        return write_csv(&rows).map_err(|err| StatsError::Read(String::new(), err.to_string()));
    }
    let mut out = String::new();
    let _ = writeln!(out, "{}", t.combined);
    let _ = writeln!(out, "{}", (t.combined_of)(files.len()));
    if let (Some(from), Some(to)) = (
        meta.iter().find(|m| m.1 == "from"),
        meta.iter().find(|m| m.1 == "to"),
    ) {
        let _ = writeln!(out, "{}: {} – {}", capitalised(t.period), from.2, to.2);
    }
    let width = combined
        .iter()
        .map(|c| c.label.chars().count())
        .max()
        .unwrap_or(0);
    let mut any_lower = false;
    for c in &combined {
        let (value, exact) = match c.statistic.as_str() {
            "count" => match c.value {
                Some(b) => (b.value.to_string(), b.exact),
                None => (".".into(), true),
            },
            _ => match percent(c) {
                Some(s) => (format!("{}.{}%", s.value / 10, s.value % 10), s.exact),
                None => (".".into(), true),
            },
        };
        any_lower |= !exact;
        let mark = if exact { " " } else { "≥" };
        let pad = width - c.label.chars().count();
        let _ = writeln!(out, "  {}{:pad$}  {mark}{value:>7}", c.label, "");
    }
    if any_lower {
        let _ = writeln!(out, "\n≥ {}", t.lower_bound);
    }
    let _ = writeln!(out, "{}", t.combine_left_out);
    Ok(out.into_bytes())
}

fn add(a: Option<Bound>, b: Option<Bound>) -> Option<Bound> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a + b),
        (a, b) => a.or(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::monitoring::Settings;
    use crate::monitoring::report::MonthLevels;

    fn month(month: u32) -> Month {
        Month { year: 2025, month }
    }

    #[test]
    fn a_hidden_level_is_drawn_grey_and_never_in_its_own_colour() {
        let report = Report {
            period: Period::school_year(2025).unwrap(),
            settings: Settings::default(),
            rows: Vec::new(),
            signals_per_month: Vec::new(),
            open_per_level: vec![MonthLevels {
                month: month(9),
                levels: [
                    Cell::Few,
                    Cell::Count(8),
                    Cell::Few,
                    Cell::Hidden,
                    Cell::Count(0),
                ],
                total: Cell::Count(16),
            }],
            reaction_per_month: Vec::new(),
        };
        let svg = stacked(&report, Lang::Nl);
        let rects = |colour: &str| svg.matches(&format!("fill=\"{colour}\"/>")).count();
        // One bar of 8 in level 2's colour and 8 in grey; the legend has one swatch each.
        assert_eq!(rects(LEVEL_COLOURS[1]), 2, "{svg}");
        assert_eq!(rects(HIDDEN), 2, "{svg}");
        for level in [0, 2, 3, 4] {
            assert_eq!(rects(LEVEL_COLOURS[level]), 1, "level {}: {svg}", level + 1);
        }
        let chart = svg.split("<p class").next().unwrap();
        let heights: Vec<&str> = chart
            .split("<rect ")
            .skip(1)
            .filter_map(|rect| rect.split("height=\"").nth(1)?.split('"').next())
            .collect();
        assert_eq!(heights.len(), 2, "{chart}");
        assert_eq!(heights[0], heights[1], "8 drawn and 8 hidden: {svg}");
    }

    /// As the screen does, the report says beside the share of help started within the norm
    /// how many still wait beyond it: that share counts only help that started. The count
    /// is its own row's cell, under disclosure control; a hidden cell says nothing there.
    #[test]
    fn beside_within_the_norm_the_report_says_how_many_wait_beyond_it() {
        let model = PhaseModel::default();
        let row = |figure, stat, value| Row {
            figure,
            stat,
            value,
            part: None,
            base: None,
        };
        let report = |over: Cell| Report {
            period: Period::school_year(2025).unwrap(),
            settings: Settings::default(),
            rows: vec![
                row(Figure::WithinNorm, Stat::Percent, Cell::Number(80.0)),
                row(Figure::WaitingOverNorm, Stat::Count, over),
            ],
            signals_per_month: Vec::new(),
            open_per_level: Vec::new(),
            reaction_per_month: Vec::new(),
        };
        for lang in [Lang::Nl, Lang::En] {
            let cx = Context {
                model: &model,
                lang,
                school: "",
            };
            let t = lang.texts().stats;
            let none = report(Cell::Count(0));
            let plain = label(&none.rows[0], &none, &cx);
            assert!(!plain.contains(&(t.still_waiting)("0")), "{plain}");
            for (over, said) in [
                (Cell::Count(7), Some("7")),
                (Cell::Few, Some("<5")),
                (Cell::Hidden, None),
            ] {
                let report = report(over);
                let note = said.map(|n| format!(" ({})", (t.still_waiting)(n)));
                let expected = format!("{plain}{}", note.clone().unwrap_or_default());
                assert_eq!(label(&report.rows[0], &report, &cx), expected);
                if let Some(note) = note {
                    for format in [Format::Text, Format::Html] {
                        let written = String::from_utf8(write(&report, &cx, format).unwrap());
                        let written = written.unwrap().replace("&lt;", "<");
                        assert!(written.contains(&note), "{format:?}: {written}");
                    }
                }
            }
        }
    }

    #[test]
    fn dutch_numbers_have_a_decimal_comma_for_people_and_spreadsheets() {
        assert_eq!(local(Cell::Number(14.44), 1, 5, Lang::Nl), "14,4");
        assert_eq!(local(Cell::Number(14.44), 1, 5, Lang::En), "14.4");
        assert_eq!(local(Cell::TooFew, 1, 5, Lang::Nl), ".");
        assert_eq!(csv_cell(Cell::Number(0.75), 1, 5), "0,8");
        assert_eq!(
            bound("<5", false),
            Some(Bound {
                value: 1,
                exact: false
            })
        );
        assert_eq!(
            bound("x", false),
            Some(Bound {
                value: 0,
                exact: false
            })
        );
        assert_eq!(
            bound("12", true),
            Some(Bound {
                value: 12,
                exact: false
            })
        );
        assert_eq!(bound("12,5", false), None);
    }
}
