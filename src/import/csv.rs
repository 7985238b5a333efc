//! A CSV export: the first non-empty row names the columns, every later row is a pupil.

use super::fields::{Field, Mapping};
use super::values::{BadRow, RawRow, Reason};
use super::{ImportError, text};

pub fn rows(
    content: &str,
    separator: u8,
    mapping: &Mapping,
) -> Result<Vec<Result<RawRow, BadRow>>, ImportError> {
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(content.as_bytes());
    let mut records = reader.records();
    if text::excel_hint(content).is_some() {
        records.next();
    }
    let headers: Vec<String> = loop {
        match records.next() {
            None => return Err(ImportError::NoHeader),
            Some(Ok(record)) if is_blank(&record) => {}
            Some(Ok(record)) => break record.iter().map(|h| h.trim().to_string()).collect(),
            // A header line the reader cannot take is no header to match columns against.
            Some(Err(_)) => return Err(ImportError::NoHeader),
        }
    };
    let columns = mapping.resolve(&headers)?;
    let field = |record: &::csv::StringRecord, field: Field| {
        columns[field as usize].map(|i| record.get(i).unwrap_or("").to_string())
    };
    let mut lines = text::Lines::new(content);
    let mut rows = Vec::new();
    for record in records {
        let record = match record {
            Ok(record) => record,
            Err(err) => {
                let line = err
                    .position()
                    .map_or(0, |p| lines.of_record(p.byte() as usize));
                rows.push(Err(BadRow {
                    line,
                    reason: Reason::Unreadable(err.to_string()),
                }));
                continue;
            }
        };
        if is_blank(&record) {
            continue;
        }
        let line = record
            .position()
            .map_or(0, |p| lines.of_record(p.byte() as usize));
        if record.iter().any(|cell| runs_over_rows(cell, separator)) {
            // A quote left open to the end of the file takes the last line end along.
            let spanned: usize = record
                .iter()
                .map(|cell| cell.trim_end().matches('\n').count())
                .sum();
            rows.push(Err(BadRow {
                line,
                reason: Reason::UnclosedQuote(line + spanned),
            }));
            continue;
        }
        rows.push(Ok(RawRow {
            line,
            first_name: field(&record, Field::FirstName).unwrap_or_default(),
            prefix: field(&record, Field::Prefix),
            last_name: field(&record, Field::LastName).unwrap_or_default(),
            groep: field(&record, Field::Groep).unwrap_or_default(),
            birth_date: field(&record, Field::BirthDate).unwrap_or_default(),
            teacher: field(&record, Field::Teacher),
        }));
    }
    Ok(rows)
}

/// A cell whose later lines hold the separator is rows run together behind a quote that was
/// opened and not closed where it should have been; a quoted cell may span lines (two
/// leerkrachten, one per line), but its own lines are no rows.
fn runs_over_rows(cell: &str, separator: u8) -> bool {
    cell.split('\n')
        .skip(1)
        .any(|line| line.as_bytes().contains(&separator))
}

/// Spreadsheets end a sheet with rows of separators only (`;;;;`).
fn is_blank(record: &::csv::StringRecord) -> bool {
    record.iter().all(|cell| cell.trim().is_empty())
}
