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
            row.text.clone(),
            row.owner.clone(),
            row.pupil.clone(),
            format_date(row.due),
            t.status(&row.status).to_string(),
            finished,
            reason,
            if row.days_overdue > 0 {
                row.days_overdue.to_string()
            } else {
                String::new()
            },
        ])?;
    }
    writer.into_inner().map_err(|err| err.into_error())
}
