//! Just enough Markdown: text from people goes in escaped, so a note with `*` or `|` renders
//! as written, and the blocks of a [`Doc`] come out as CommonMark with pipe tables, which
//! every common viewer (GitHub, GitLab, VS Code, Obsidian) renders alike.

use std::fmt::Write;

use super::doc::{Doc, Item};
use crate::i18n::capitalised;

/// Escapes what Markdown would read as markup, and keeps line breaks inside a paragraph.
pub fn text(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for (index, line) in input.lines().enumerate() {
        if index > 0 {
            // Two spaces: a line break within the same paragraph.
            out.push_str("  \n");
        }
        let body = line.trim();
        // A line that would start a heading, a list or a quote. A numbered list is broken by
        // escaping its dot: CommonMark escapes punctuation only, so `\1.` would show the `\`.
        let numbered = numbered_list(body);
        // `=` and `-` under a line make it a heading, `~~~` opens a code block.
        if numbered.is_none() && body.starts_with(['#', '>', '-', '+', '=', '~']) {
            out.push('\\');
        }
        escape_into(&mut out, body, numbered);
    }
    out
}

/// Escapes inline markup only: for text after `# ` or `## `, where nothing starts a block.
fn inline(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    escape_into(
        &mut out,
        &input.split_whitespace().collect::<Vec<_>>().join(" "),
        None,
    );
    out
}

fn escape_into(out: &mut String, text: &str, also_at: Option<usize>) {
    for (at, c) in text.char_indices() {
        // `&` too: `&copy;` would show as ©.
        if Some(at) == also_at || matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '|' | '&')
        {
            out.push('\\');
        }
        out.push(c);
    }
}

/// A table cell or a list item: one line, escaped.
pub fn cell(input: &str) -> String {
    text(&input.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Where the `.` or `)` of a line that would start a numbered list stands.
fn numbered_list(line: &str) -> Option<usize> {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    (digits > 0 && line[digits..].starts_with(['.', ')'])).then_some(digits)
}

/// A document as Markdown: each block followed by a blank line.
#[derive(Debug, Default)]
pub struct Markdown {
    out: String,
}

impl Markdown {
    pub fn new() -> Markdown {
        Markdown::default()
    }
}

impl Doc for Markdown {
    fn title(&mut self, title: &str) {
        let _ = writeln!(self.out, "# {}\n", inline(title));
    }

    fn banner(&mut self, banner: &str) {
        let _ = writeln!(self.out, "> **{}**\n", cell(banner));
    }

    fn facts(&mut self, facts: &[(&str, String)]) {
        let mut any = false;
        for (label, value) in facts.iter().filter(|(_, value)| !value.trim().is_empty()) {
            let _ = writeln!(self.out, "- **{}:** {}", capitalised(label), cell(value));
            any = true;
        }
        if any {
            self.out.push('\n');
        }
    }

    fn heading(&mut self, heading: &str) {
        let _ = writeln!(self.out, "## {}\n", inline(heading));
    }

    fn label(&mut self, label: &str) {
        let _ = writeln!(self.out, "**{}**\n", cell(label));
    }

    fn paragraph(&mut self, paragraph: &str) {
        let _ = writeln!(self.out, "{}\n", text(paragraph));
    }

    fn list(&mut self, items: &[Item]) {
        for item in items {
            let _ = writeln!(self.out, "- {}", cell(&item.text));
            for sub in &item.sub {
                let _ = writeln!(self.out, "  - {}", cell(sub));
            }
        }
        self.out.push('\n');
    }

    fn table(&mut self, header: &[&str], rows: &[Vec<String>]) {
        let header: Vec<String> = header.iter().map(|h| cell(&capitalised(h))).collect();
        let _ = writeln!(self.out, "| {} |", header.join(" | "));
        let _ = writeln!(self.out, "|{}", "---|".repeat(header.len()));
        for row in rows {
            let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
            let _ = writeln!(self.out, "| {} |", cells.join(" | "));
        }
        self.out.push('\n');
    }

    fn fine_print(&mut self, fine: &str) {
        let _ = writeln!(self.out, "*{}*\n", cell(fine));
    }

    fn finish(mut self) -> String {
        let end = self.out.trim_end().len();
        self.out.truncate(end);
        self.out.push('\n');
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_peoples_text_is_escaped() {
        assert_eq!(text("*boos* | _stil_"), "\\*boos\\* \\| \\_stil\\_");
        assert_eq!(text("# geen kop"), "\\# geen kop");
        assert_eq!(text("1. geen lijst"), "1\\. geen lijst");
        assert_eq!(text("12) geen lijst"), "12\\) geen lijst");
        assert_eq!(text("- geen lijst"), "\\- geen lijst");
        assert_eq!(text("regel een\nregel twee"), "regel een  \nregel twee");
        assert_eq!(text("Zoë <b>"), "Zoë \\<b>");
        assert_eq!(text("regel\n===\n~~~"), "regel  \n\\===  \n\\~~~");
        assert_eq!(text("R&D &copy;"), "R\\&D \\&copy;");
    }

    /// Whatever a person typed, a CommonMark reader shows one paragraph with that text.
    #[test]
    fn a_commonmark_reader_gets_back_what_was_typed() {
        use pulldown_cmark::{Event, Parser, Tag};
        let typed = "# kop?\n1. lijst?\n- lijst?\n> citaat?\nregel\n===\n~~~\n\
                     *nadruk* _ook_ `code` [link](x) <b> | R&D &copy; \\ einde";
        let mut paragraphs = 0;
        let mut back = String::new();
        for event in Parser::new(&text(typed)) {
            match event {
                Event::Start(Tag::Paragraph) => paragraphs += 1,
                Event::Start(tag) => panic!("{tag:?} in {}", text(typed)),
                Event::Text(t) => back.push_str(&t),
                Event::HardBreak => back.push('\n'),
                Event::End(_) => {}
                other => panic!("{other:?} in {}", text(typed)),
            }
        }
        assert_eq!(paragraphs, 1);
        assert_eq!(back, typed);
    }

    #[test]
    fn a_cell_is_one_line() {
        assert_eq!(cell("twee\nregels  hier"), "twee regels hier");
    }

    #[test]
    fn blocks_are_separated_by_blank_lines_and_tables_are_pipe_tables() {
        let mut doc = Markdown::new();
        doc.title("Verslag");
        doc.facts(&[("plaats", "kamer IB".into()), ("afwezig", String::new())]);
        doc.heading("3. Leerlingbespreking: Leerling KR-17");
        doc.table(
            &["actiepunt", "eigenaar"],
            &[vec!["Bellen | mailen".into(), "IB".into()]],
        );
        doc.list(&[Item {
            text: "Drie cirkels:".into(),
            sub: vec!["Kind: + leest".into()],
        }]);
        assert_eq!(
            doc.finish(),
            "# Verslag\n\n- **Plaats:** kamer IB\n\n## 3. Leerlingbespreking: Leerling KR-17\n\n\
             | Actiepunt | Eigenaar |\n|---|---|\n| Bellen \\| mailen | IB |\n\n\
             - Drie cirkels:\n  - Kind: + leest\n"
        );
    }
}
