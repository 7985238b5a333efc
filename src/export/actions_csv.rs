//! Actions for a spreadsheet. Excel with Dutch settings opens a file by double-click only
//! when it is separated by `;`, and reads it as UTF-8 only with a byte-order mark; dates are
//! written as dd-mm-jjjj, which it then takes for dates. The header speaks the chosen
//! language; the layout stays Dutch, since that is the spreadsheet the school has.

use crate::domain::ActionStatus;
use crate::domain::dates::format_date;
use crate::i18n::{Lang, capitalised};
use crate::query::actions::ActionRow;

/// UTF-8's byte-order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A text from the data as a cell a spreadsheet shows and never runs: a cell starting with
/// `=`, `+`, `-` or `@` (or a tab or carriage return before one) is read as a formula, so an
/// action typed as `=HYPERLINK(…)` would become a link on the IB's laptop. OWASP's way: a
/// leading `'`. LibreOffice Calc 7.4 opening the file evaluates `=1+1` to 2 but shows `'=1+1`
/// as that text, apostrophe and all; the rest of the cell reads as typed.
pub fn text_cell(text: &str) -> std::borrow::Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}").into(),
        _ => text.into(),
    }
}

pub fn write(rows: &[ActionRow], lang: Lang) -> std::io::Result<Vec<u8>> {
    let t = lang.texts();
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        // Excel on Windows expects CRLF; every other reader takes it too.
        .terminator(csv::Terminator::CRLF)
        .from_writer(BOM.to_vec());
    let header = [
        t.col_number,
        t.col_action,
        t.col_owner,
        t.col_pupil,
        t.col_due,
        t.col_status,
        t.export_finished_on,
        t.export_reason,
        t.col_overdue,
    ];
    writer.write_record(header.iter().map(|h| capitalised(h)))?;
    for row in rows {
        let (finished, reason) = match &row.status {
            ActionStatus::Open => (String::new(), String::new()),
            ActionStatus::Done { on } => (format_date(*on), String::new()),
            ActionStatus::Dropped { on, reason } => (format_date(*on), reason.clone()),
        };
        writer.write_record([
            row.id.to_string(),
            text_cell(&row.text).into_owned(),
            text_cell(&row.owner).into_owned(),
            text_cell(&row.pupil).into_owned(),
            format_date(row.due),
            t.status(&row.status).to_string(),
            finished,
            text_cell(&reason).into_owned(),
            if row.days_overdue > 0 {
                row.days_overdue.to_string()
            } else {
                String::new()
            },
        ])?;
    }
    writer.into_inner().map_err(|err| err.into_error())
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn row(id: u64, text: &str, owner: &str, status: ActionStatus) -> ActionRow {
        ActionRow {
            id,
            text: text.into(),
            owner: owner.into(),
            due: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            status,
            pupil: "Z.Ç.".into(),
            days_overdue: 12,
        }
    }

    fn cells(csv: &[u8]) -> Vec<Vec<String>> {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(&csv[BOM.len()..]);
        reader
            .records()
            .map(|record| record.unwrap().iter().map(str::to_string).collect())
            .collect()
    }

    #[test]
    fn a_cell_that_a_spreadsheet_would_run_as_a_formula_starts_with_an_apostrophe() {
        let dropped = ActionStatus::Dropped {
            on: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
            reason: "@SUM(A1:A9)".into(),
        };
        let rows = [
            row(
                1,
                "=HYPERLINK(\"https://x.example\";\"klik\")",
                "juf Anna",
                ActionStatus::Open,
            ),
            row(2, "+31 6 12345678 bellen", "-moeder", ActionStatus::Open),
            row(3, "\t=1+1", "meester Bas", dropped),
            row(4, "Bel ouders - morgen", "juf Anna", ActionStatus::Open),
        ];
        let cells = cells(&write(&rows, Lang::Nl).unwrap());
        assert_eq!(cells[0][1], "'=HYPERLINK(\"https://x.example\";\"klik\")");
        assert_eq!(cells[1][1], "'+31 6 12345678 bellen");
        assert_eq!(cells[1][2], "'-moeder");
        assert_eq!(cells[2][1], "'\t=1+1");
        assert_eq!(cells[2][7], "'@SUM(A1:A9)");
        // Text that does not start like a formula, and the numbers otter writes, stay as
        // they are.
        assert_eq!(cells[3][1], "Bel ouders - morgen");
        assert_eq!(cells[3][2], "juf Anna");
        assert_eq!((cells[3][0].as_str(), cells[3][8].as_str()), ("4", "12"));
        assert_eq!(cells[3][4], "01-12-2026");
    }
}
