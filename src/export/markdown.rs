//! Just enough Markdown: text from people goes in escaped, so a note with `*` or `|` renders
//! as written.

/// Escapes what Markdown would read as markup, and keeps line breaks inside a paragraph.
pub fn text(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for (index, line) in input.lines().enumerate() {
        if index > 0 {
            // Two spaces: a line break within the same paragraph.
            out.push_str("  \n");
        }
        let line = line.trim_end();
        let body = line.trim_start();
        // A line that would start a heading, a list or a quote.
        if body.starts_with(['#', '>', '-', '+']) || starts_numbered_list(body) {
            out.push('\\');
        }
        for c in body.chars() {
            if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '|') {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// A table cell: one line, escaped.
pub fn cell(input: &str) -> String {
    text(&input.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn starts_numbered_list(line: &str) -> bool {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && line[digits..].starts_with(['.', ')'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_peoples_text_is_escaped() {
        assert_eq!(text("*boos* | _stil_"), "\\*boos\\* \\| \\_stil\\_");
        assert_eq!(text("# geen kop"), "\\# geen kop");
        assert_eq!(text("1. geen lijst"), "\\1. geen lijst");
        assert_eq!(text("- geen lijst"), "\\- geen lijst");
        assert_eq!(text("regel een\nregel twee"), "regel een  \nregel twee");
        assert_eq!(text("Zoë <b>"), "Zoë \\<b>");
    }

    #[test]
    fn a_cell_is_one_line() {
        assert_eq!(cell("twee\nregels  hier"), "twee regels hier");
    }
}
