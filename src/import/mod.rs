//! Pupils from the pupil administration: an EDEXML file or a CSV export (ParnasSys, ESIS,
//! Magister). Reading is pure, bytes in and a `Plan` out (new pupils, updates with what
//! changes, unchanged, bad rows with their line and reason); `apply` writes a plan in one
//! transaction, all or nothing. See docs/import.md.

mod csv;
mod edexml;
mod fields;
mod plan;
pub mod summary;
mod text;
mod values;

use std::io::Read;
use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;

pub use fields::{Field, Mapping};
pub use plan::{Change, Plan, Unchanged, Update};
pub use values::{BadRow, Reason};

use crate::domain::Pupil;
use crate::store::{Store, StoreError, TreeId};

/// Larger than any school's export by far; a bigger file is a mistake (a photo, a backup),
/// and reading it whole would take the memory of the laptop in the meeting.
pub const MAX_BYTES: u64 = 50 * 1024 * 1024;

/// A file that cannot be read as a whole: nothing of it is imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read {path}: {io}")]
    Read { path: String, io: std::io::Error },
    #[error("{path} is larger than {limit} bytes")]
    TooLarge { path: String, limit: u64 },
    #[error("no header line")]
    NoHeader,
    #[error("no column for {0:?}")]
    MissingColumn(Field, Vec<String>),
    #[error("no column named {0}")]
    UnknownColumn(String, Vec<String>),
    #[error("column {0} of {1}")]
    ColumnOutOfRange(usize, usize),
    #[error("unknown field {0}")]
    UnknownField(String),
    #[error("mapping without '=': {0}")]
    BadMapping(String),
    #[error("broken XML at line {line}: {detail}")]
    Xml { line: usize, detail: String },
    #[error("XML without leerlingen")]
    NotEdexml,
    #[error("--map with EDEXML")]
    MapWithEdexml,
}

/// What the file turned out to be.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "format", rename_all = "snake_case")]
pub enum Source {
    Csv {
        separator: char,
        encoding: &'static str,
    },
    Edexml {
        encoding: &'static str,
    },
}

/// One pupil as the file gives it, checked but not yet matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Incoming {
    pub line: usize,
    pub first_name: String,
    /// `None` when the file has no tussenvoegsel column: an existing pupil keeps theirs.
    pub prefix: Option<String>,
    pub last_name: String,
    pub groep: u8,
    pub birth_date: NaiveDate,
    /// `None` when the file names no leerkracht: an existing pupil keeps theirs.
    pub teacher: Option<String>,
}

impl Incoming {
    pub fn full_name(&self) -> String {
        let prefix = self.prefix.as_deref().unwrap_or("");
        crate::domain::pupil::full_name(&self.first_name, prefix, &self.last_name)
    }
}

/// Reads a file of at most `MAX_BYTES`.
pub fn read_file(path: &Path) -> Result<Vec<u8>, ImportError> {
    let shown = path.display().to_string();
    let failed = |io: std::io::Error| ImportError::Read {
        path: shown.clone(),
        io,
    };
    let file = std::fs::File::open(path).map_err(failed)?;
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(failed)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(ImportError::TooLarge {
            path: shown,
            limit: MAX_BYTES,
        });
    }
    Ok(bytes)
}

/// What importing `bytes` would do to the pupils there are now.
pub fn prepare(bytes: &[u8], mapping: &Mapping, existing: &[Pupil]) -> Result<Plan, ImportError> {
    let (text, encoding) = text::decode(bytes);
    let (source, rows) = if edexml::looks_like_xml(&text) {
        if !mapping.is_empty() {
            return Err(ImportError::MapWithEdexml);
        }
        (Source::Edexml { encoding }, edexml::rows(&text)?)
    } else {
        let separator = text::separator(&text);
        let rows = csv::rows(&text, separator, mapping)?;
        let separator = char::from(separator);
        (
            Source::Csv {
                separator,
                encoding,
            },
            rows,
        )
    };
    let checked = rows.into_iter().map(values::check).collect();
    Ok(plan::plan(source, checked, existing))
}

/// How many pupils a plan added and changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Applied {
    pub new: usize,
    pub updated: usize,
}

/// Writes the new and updated pupils of `plan` in one transaction. Bad rows are not the
/// caller's to ignore by accident: it decides (`--skip-bad`) before calling this.
pub fn apply(store: &Store, plan: &Plan) -> Result<Applied, StoreError> {
    let mut tx = store.tx();
    for incoming in &plan.new {
        let pupil = Pupil {
            id: crate::domain::PupilId(store.next_id(TreeId::Pupils)?),
            first_name: incoming.first_name.clone(),
            prefix: incoming.prefix.clone().unwrap_or_default(),
            last_name: incoming.last_name.clone(),
            groep: incoming.groep,
            birth_date: incoming.birth_date,
            teacher: incoming.teacher.clone().unwrap_or_default(),
        };
        tx.insert(&pupil)?;
    }
    for update in &plan.updated {
        tx.put(&update.after)?;
    }
    tx.commit()?;
    Ok(Applied {
        new: plan.new.len(),
        updated: plan.updated.len(),
    })
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_props;
