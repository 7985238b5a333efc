//! A document as one self-contained HTML file: no scripts, no fonts or images to fetch, the
//! style inline. Its print style is what matters: A4, page numbers, and no table split over
//! two pages, so "print to PDF" in any browser gives a letter an IB can send.

use std::fmt::Write;

use super::doc::{Doc, Item};
use crate::i18n::{Lang, capitalised};

const STYLE: &str = include_str!("print.css");

/// Escapes text for HTML element content and attribute values.
pub fn escape(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for c in input.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escaped, with each line break kept as `<br>`.
fn lines(input: &str) -> String {
    input
        .lines()
        .map(|line| escape(line.trim()))
        .collect::<Vec<_>>()
        .join("<br>\n")
}

#[derive(Debug)]
pub struct Html {
    lang: Lang,
    title: String,
    body: String,
    /// The page footer's text beside the page number (the document's title).
    footer: String,
}

impl Html {
    pub fn new(lang: Lang) -> Html {
        Html {
            lang,
            title: String::new(),
            body: String::new(),
            footer: String::new(),
        }
    }
}

impl Html {
    /// A chart drawn by otter itself (never people's text unescaped): inline, so the page
    /// stays one file with nothing to fetch.
    pub fn svg(&mut self, svg: &str) {
        let _ = writeln!(self.body, "<figure class=\"chart\">\n{svg}\n</figure>");
    }
}

impl Doc for Html {
    fn title(&mut self, title: &str) {
        self.title = title.to_string();
        self.footer = title.to_string();
        let _ = writeln!(self.body, "<h1>{}</h1>", escape(title));
    }

    fn banner(&mut self, banner: &str) {
        let _ = writeln!(self.body, "<p class=\"banner\">{}</p>", escape(banner));
    }

    fn facts(&mut self, facts: &[(&str, String)]) {
        let filled: Vec<_> = facts
            .iter()
            .filter(|(_, value)| !value.trim().is_empty())
            .collect();
        if filled.is_empty() {
            return;
        }
        self.body.push_str("<dl class=\"facts\">\n");
        for (label, value) in filled {
            let _ = writeln!(
                self.body,
                "<dt>{}</dt><dd>{}</dd>",
                escape(&capitalised(label)),
                lines(value)
            );
        }
        self.body.push_str("</dl>\n");
    }

    fn heading(&mut self, heading: &str) {
        let _ = writeln!(self.body, "<h2>{}</h2>", escape(heading));
    }

    fn label(&mut self, label: &str) {
        let _ = writeln!(self.body, "<h3>{}</h3>", escape(label));
    }

    fn paragraph(&mut self, paragraph: &str) {
        let _ = writeln!(self.body, "<p>{}</p>", lines(paragraph));
    }

    fn list(&mut self, items: &[Item]) {
        self.body.push_str("<ul>\n");
        for item in items {
            let _ = write!(self.body, "<li>{}", escape(&item.text));
            if !item.sub.is_empty() {
                self.body.push_str("<ul>");
                for sub in &item.sub {
                    let _ = write!(self.body, "<li>{}</li>", escape(sub));
                }
                self.body.push_str("</ul>");
            }
            self.body.push_str("</li>\n");
        }
        self.body.push_str("</ul>\n");
    }

    fn table(&mut self, header: &[&str], rows: &[Vec<String>]) {
        self.body.push_str("<table>\n<thead><tr>");
        for column in header {
            let _ = write!(self.body, "<th>{}</th>", escape(&capitalised(column)));
        }
        self.body.push_str("</tr></thead>\n<tbody>\n");
        for row in rows {
            self.body.push_str("<tr>");
            for (column, cell) in row.iter().enumerate() {
                if column > 0 && is_short(cell) {
                    let _ = write!(self.body, "<td class=\"short\">{}</td>", lines(cell));
                } else {
                    let _ = write!(self.body, "<td>{}</td>", lines(cell));
                }
            }
            self.body.push_str("</tr>\n");
        }
        self.body.push_str("</tbody>\n</table>\n");
    }

    fn fine_print(&mut self, fine: &str) {
        let _ = writeln!(self.body, "<p class=\"fine\">{}</p>", escape(fine));
    }

    fn finish(self) -> String {
        let lang = match self.lang {
            Lang::Nl => "nl",
            Lang::En => "en",
        };
        let t = self.lang.texts();
        // The footer's text is set in CSS (`@page` margin boxes take no markup), as a string.
        let footer = css_string(&self.footer);
        let page = css_string(t.export_page);
        let of = css_string(t.export_page_of);
        let style = STYLE
            .replace("/*FOOTER*/", &footer)
            .replace("/*PAGE*/", &page)
            .replace("/*OF*/", &of);
        format!(
            "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta name=\"generator\" content=\"otter\">\n<title>{}</title>\n\
             <style>\n{style}</style>\n</head>\n<body>\n<main>\n{}</main>\n</body>\n</html>\n",
            escape(&self.title),
            self.body
        )
    }
}

/// A cell that reads best unbroken: "Marieke van den Berg", "Leerling HP-55", "ma 24-08-2026".
/// The first column (what was agreed) is never one: it takes the room the others leave.
fn is_short(cell: &str) -> bool {
    const SHORT: usize = 24;
    !cell.contains('\n') && cell.chars().count() <= SHORT
}

/// A CSS string literal: quotes, backslashes and line breaks escaped, and `<` as a CSS
/// escape: the string sits in a `<style>` element, which a `</style>` in a name would end.
fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            // Six hex digits: a CSS escape needs no space after it then.
            '<' => out.push_str("\\00003C"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn peoples_text_cannot_become_markup() {
        let mut doc = Html::new(Lang::Nl);
        doc.title("Verslag <OT>");
        doc.paragraph("<script>alert(1)</script>\nR&D \"x\"");
        doc.table(&["actiepunt"], &[vec!["a < b".into()]]);
        let html = doc.finish();
        assert!(html.contains("<h1>Verslag &lt;OT&gt;</h1>"), "{html}");
        assert!(
            html.contains(
                "<p>&lt;script&gt;alert(1)&lt;/script&gt;<br>\nR&amp;D &quot;x&quot;</p>"
            ),
            "{html}"
        );
        assert!(html.contains("<td>a &lt; b</td>"), "{html}");
        let mut doc = Html::new(Lang::Nl);
        doc.table(
            &["actiepunt", "eigenaar", "status"],
            &[vec![
                "Bellen".into(),
                "Marieke van den Berg".into(),
                "vervallen: de situatie is veranderd".into(),
            ]],
        );
        let html = doc.finish();
        assert!(
            html.contains(
                "<tr><td>Bellen</td><td class=\"short\">Marieke van den Berg</td>\
                 <td>vervallen: de situatie is veranderd</td></tr>"
            ),
            "names and dates stay whole, long text wraps: {html}"
        );
        assert!(!html.contains("<script>"), "{html}");
        // The title is also the printed page's footer, a string in the style sheet: a name
        // from the pupil administration must not end the style element there either.
        let mut doc = Html::new(Lang::Nl);
        doc.title("Bob</style><script>alert(1)</script>");
        let html = doc.finish();
        assert!(!html.contains("<script>"), "{html}");
        assert_eq!(html.matches("</style>").count(), 1, "{html}");
    }

    #[test]
    fn one_file_with_its_print_style_and_nothing_to_fetch() {
        let mut doc = Html::new(Lang::Nl);
        doc.title("Verslag \"OT\"");
        let html = doc.finish();
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"nl\">"));
        assert!(html.contains("size: A4"), "{html}");
        assert!(html.contains("counter(page)"), "{html}");
        assert!(html.contains("break-inside: avoid"), "{html}");
        assert!(html.contains("content: \"Verslag \\\"OT\\\"\""), "{html}");
        for fetches in ["src=", "href=", "@import", "url("] {
            assert!(!html.contains(fetches), "{fetches} in {html}");
        }
    }
}
