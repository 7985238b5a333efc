//! The `/` search over the whole screen: the query on top, then the hits grouped by kind under
//! headings, the letters that matched highlighted. Only the rows that fit are built; the chosen
//! one is kept in view. It covers everything behind it, so on a shared screen nothing but the
//! results (without pupil names) is shown.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use unicode_width::UnicodeWidthChar;

use crate::app::overlay::search::Search;
use crate::i18n::Texts;
use crate::query::search::{Audience, Hit, HitKind};
use crate::ui::theme::Theme;

/// `loading`: the index is still being read; what is typed is shown, and searched once it is
/// there.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    overlay: &Search,
    loading: bool,
    t: &Texts,
    theme: &Theme,
) {
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .border_style(theme.style("ui.border.focus"))
        .title(Span::styled(
            format!(" {} ", t.search_title),
            theme.style("ui.title"),
        ))
        .title_bottom(Span::styled(t.search_hint, theme.style("ui.text.dim")))
        .style(theme.style("ui.background"));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [query, rule, list] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(inner);
    let [prompt, typed] =
        Layout::horizontal([Constraint::Length(2), Constraint::Min(0)]).areas(query);
    frame.render_widget(Span::styled("/", theme.style("ui.help.key")), prompt);
    frame.render_widget(Block::new().style(theme.style("ui.text")), typed);
    frame.render_widget(&overlay.query, typed);
    let note = match overlay.audience {
        Audience::Shared(_) => t.search_shared,
        Audience::Private => "",
    };
    let rule_text = if note.is_empty() {
        String::new()
    } else {
        format!("{note} ")
    };
    let dashes = usize::from(rule.width).saturating_sub(rule_text.chars().count());
    frame.render_widget(
        Line::from(vec![
            Span::styled(rule_text, theme.style("pupil.anonymous")),
            Span::styled("─".repeat(dashes), theme.style("ui.border")),
        ]),
        rule,
    );
    let lines = if loading {
        vec![Line::styled(t.search_loading, theme.style("ui.text.dim"))]
    } else if !overlay.searching() {
        vec![Line::styled(t.search_type_more, theme.style("ui.text.dim"))]
    } else if overlay.results.is_empty() {
        vec![Line::styled(t.nothing_found, theme.style("ui.text.dim"))]
    } else {
        visible(overlay, list, t, theme)
    };
    frame.render_widget(Paragraph::new(lines), list);
}

/// The rows that fit in `area`, from a heading or hit such that the chosen hit is on screen.
fn visible<'a>(overlay: &'a Search, area: Rect, t: &Texts, theme: &Theme) -> Vec<Line<'a>> {
    // Each row is a heading (with the blank line before it) or a hit: counted first, cheaply,
    // so only the rows on screen are built.
    enum Row<'h> {
        Gap,
        Heading(HitKind, usize, usize),
        Hit(usize, &'h Hit),
    }
    let mut rows = Vec::new();
    let mut number = 0;
    for (n, group) in overlay.results.groups.iter().enumerate() {
        if n > 0 {
            rows.push(Row::Gap);
        }
        rows.push(Row::Heading(group.kind, group.hits.len(), group.total));
        for hit in &group.hits {
            rows.push(Row::Hit(number, hit));
            number += 1;
        }
    }
    let height = usize::from(area.height);
    let chosen = rows
        .iter()
        .position(|row| matches!(row, Row::Hit(n, _) if *n == overlay.selected))
        .unwrap_or(0);
    // The chosen row low on screen, its heading above it when it fits.
    let first = (chosen + 1).saturating_sub(height);
    let width = usize::from(area.width);
    rows.iter()
        .skip(first)
        .take(height)
        .map(|row| match row {
            Row::Gap => Line::default(),
            Row::Heading(kind, shown, total) => Line::styled(
                (t.search_heading)(kind.label(t), *shown, *total),
                theme.style("ui.header"),
            ),
            Row::Hit(n, hit) => hit_line(hit, *n == overlay.selected, width, theme),
        })
        .collect()
}

/// One hit: its subject, then its text from a little before the first matched letter, cut to
/// the width.
fn hit_line<'a>(hit: &'a Hit, chosen: bool, width: usize, theme: &Theme) -> Line<'a> {
    let row = if chosen {
        theme.style("ui.selection")
    } else {
        theme.style("ui.text")
    };
    let matched = if chosen {
        // Only the modifiers on the chosen row: a colour of its own could vanish in the
        // selection's background.
        row.add_modifier(theme.style("search.match").add_modifier)
    } else {
        row.patch(theme.style("search.match"))
    };
    let subject_style = if hit.anonymous && !chosen {
        theme.style("pupil.anonymous")
    } else {
        row
    };
    let mut out = Line::default().style(row);
    let mut room = width;
    push(&mut out, &mut room, if chosen { "› " } else { "  " }, row);
    if hit.kind == HitKind::Pupil {
        highlighted(
            &mut out,
            &mut room,
            &hit.subject,
            &hit.matched,
            row,
            matched,
        );
        return out;
    }
    if !hit.subject.is_empty() {
        push(&mut out, &mut room, &hit.subject, subject_style);
        push(&mut out, &mut room, " — ", row);
    }
    highlighted(&mut out, &mut room, &hit.text, &hit.matched, row, matched);
    out
}

fn push<'a>(line: &mut Line<'a>, room: &mut usize, text: &str, style: Style) {
    let mut taken = String::new();
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if w > *room {
            break;
        }
        *room -= w;
        taken.push(c);
    }
    line.spans.push(Span::styled(taken, style));
}

/// `text` on one line with the `matched` characters in their own style, starting shortly
/// before the first of them when it would be out of sight, and ending in "…" when cut.
fn highlighted(
    line: &mut Line<'_>,
    room: &mut usize,
    text: &str,
    matched: &[usize],
    style: Style,
    matched_style: Style,
) {
    let chars: Vec<char> = text
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    let first = matched.first().copied().unwrap_or(0);
    let mut start = 0;
    if first + 8 > *room {
        start = first.saturating_sub(*room / 3);
        push(line, room, "…", style);
    }
    let mut run = String::new();
    let mut run_matched = false;
    for (i, c) in chars.iter().enumerate().skip(start) {
        let w = c.width().unwrap_or(0);
        let last = i + 1 == chars.len();
        if w + usize::from(!last) > *room {
            flush(line, &mut run, run_matched, style, matched_style);
            push(line, room, "…", style);
            return;
        }
        let is_matched = matched.binary_search(&i).is_ok();
        if is_matched != run_matched {
            flush(line, &mut run, run_matched, style, matched_style);
            run_matched = is_matched;
        }
        run.push(*c);
        *room -= w;
    }
    flush(line, &mut run, run_matched, style, matched_style);
}

fn flush(line: &mut Line<'_>, run: &mut String, matched: bool, style: Style, matched_style: Style) {
    if !run.is_empty() {
        let style = if matched { matched_style } else { style };
        line.spans.push(Span::styled(std::mem::take(run), style));
    }
}
