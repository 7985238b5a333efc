//! The previous minutes on the Verslag item: the same walk as the exported minutes
//! (`export::minutes::write`), drawn as lines for the screen, so what the room reads is what
//! was sent round.

use ratatui::style::Style;
use ratatui::text::Line;

use crate::app::Model;
use crate::domain::meeting::Presence;
use crate::export::doc::{Doc, Item};
use crate::export::minutes::{Status, write};
use crate::i18n::capitalised;
use crate::query::meeting::PreviousMeeting;
use crate::ui::theme::Theme;

/// The minutes as screen lines. They come from the meeting room, which gives every pupil by
/// the pseudonym (`query::meetings::relabel`) and its guests apart, without their names.
pub fn lines(previous: &PreviousMeeting, model: &Model, theme: &Theme) -> Vec<Line<'static>> {
    let Some(minutes) = previous.minutes.as_ref() else {
        return Vec::new();
    };
    let cx = crate::export::Context {
        model: &model.phases,
        lang: model.lang,
        // The school is on the wall already; the facts leave an empty value out.
        school: "",
        today: model.today,
    };
    // The minutes keep their pupils' pseudonyms in Dutch; the screen speaks its language.
    let t = model.lang.texts();
    let mut shown = minutes.clone();
    let actions = shown.items.iter_mut().flat_map(|item| {
        let reviewed = item.reviewed.iter_mut().map(|review| &mut review.action);
        item.actions.iter_mut().chain(reviewed)
    });
    for action in actions.chain(shown.carried_over.iter_mut()) {
        action.subject = t.pseudonym(&action.subject).into_owned();
    }
    for item in &mut shown.items {
        item.subject = t.pseudonym(&item.subject).into_owned();
    }
    for (presence, role) in &previous.guests {
        let list = match presence {
            Presence::Present => &mut shown.present,
            Presence::AbsentWithNotice => &mut shown.absent_with_notice,
            Presence::Absent | Presence::NotRecorded => &mut shown.absent,
        };
        list.push(t.guest(*role));
    }
    let mut doc = Screen::new(theme);
    write(&mut doc, &shown, Status::Fixed, &cx);
    doc.lines
}

/// A [`Doc`] that draws: headings and labels in the theme's heading style, tables as one line
/// per row.
struct Screen {
    lines: Vec<Line<'static>>,
    title: Style,
    header: Style,
    text: Style,
    dim: Style,
}

impl Screen {
    fn new(theme: &Theme) -> Screen {
        Screen {
            lines: Vec::new(),
            title: theme.style("ui.title"),
            header: theme.style("ui.header"),
            text: theme.style("ui.text"),
            dim: theme.style("ui.text.dim"),
        }
    }

    fn push(&mut self, text: String, style: Style) {
        self.lines.push(Line::styled(text, style));
    }
}

impl Doc for Screen {
    fn title(&mut self, text: &str) {
        self.push(text.to_string(), self.title);
    }

    fn banner(&mut self, text: &str) {
        self.push(text.to_string(), self.header);
    }

    fn facts(&mut self, facts: &[(&str, String)]) {
        for (label, value) in facts.iter().filter(|(_, value)| !value.trim().is_empty()) {
            self.push(format!("{}: {value}", capitalised(label)), self.text);
        }
    }

    fn heading(&mut self, text: &str) {
        self.lines.push(Line::default());
        self.push(text.to_string(), self.title);
    }

    fn label(&mut self, text: &str) {
        self.push(text.to_string(), self.header);
    }

    fn paragraph(&mut self, text: &str) {
        for line in text.lines() {
            self.push(format!("  {line}"), self.text);
        }
    }

    fn list(&mut self, items: &[Item]) {
        for item in items {
            self.push(format!("  • {}", item.text), self.text);
            for sub in &item.sub {
                self.push(format!("    – {sub}"), self.text);
            }
        }
    }

    fn table(&mut self, header: &[&str], rows: &[Vec<String>]) {
        let header: Vec<String> = header.iter().map(|h| capitalised(h)).collect();
        self.push(format!("  {}", header.join(" · ")), self.dim);
        for row in rows {
            self.push(format!("  • {}", row.join(" · ")), self.text);
        }
    }

    fn fine_print(&mut self, text: &str) {
        self.lines.push(Line::default());
        self.push(text.to_string(), self.dim);
    }

    /// The plain text, as a person reads the screen.
    fn finish(self) -> String {
        let lines: Vec<String> = self.lines.iter().map(ToString::to_string).collect();
        lines.join("\n")
    }
}
