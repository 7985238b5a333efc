//! Matching the file's pupils to the ones otter has: a pupil is the same pupil when the full
//! name (ignoring case, accents and spacing) and the date of birth are the same. Such a pupil
//! is updated, never added a second time.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::fields::Field;
use super::values::{BadRow, Reason};
use super::{Incoming, Source};
use crate::domain::fold::fold;
use crate::domain::{Pupil, PupilId};

/// What an import would do, row by row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Plan {
    pub source: Source,
    pub new: Vec<Incoming>,
    pub updated: Vec<Update>,
    pub unchanged: Vec<Unchanged>,
    pub bad: Vec<BadRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Update {
    pub line: usize,
    pub after: Pupil,
    pub changes: Vec<Change>,
}

/// One field of an existing pupil that the file changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub field: Field,
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unchanged {
    pub line: usize,
    pub pupil: PupilId,
}

impl Plan {
    /// Rows that would change something.
    pub fn changes(&self) -> usize {
        self.new.len() + self.updated.len()
    }
}

fn key(name: &str, birth_date: NaiveDate) -> (String, NaiveDate) {
    let folded = fold(name);
    (
        folded.split_whitespace().collect::<Vec<_>>().join(" "),
        birth_date,
    )
}

pub fn plan(source: Source, rows: Vec<Result<Incoming, BadRow>>, existing: &[Pupil]) -> Plan {
    let mut known: HashMap<(String, NaiveDate), Vec<&Pupil>> = HashMap::new();
    for pupil in existing {
        known
            .entry(key(&pupil.full_name(), pupil.birth_date))
            .or_default()
            .push(pupil);
    }
    let mut plan = Plan {
        source,
        new: Vec::new(),
        updated: Vec::new(),
        unchanged: Vec::new(),
        bad: Vec::new(),
    };
    let mut seen: HashMap<(String, NaiveDate), usize> = HashMap::new();
    for row in rows {
        let incoming = match row {
            Ok(incoming) => incoming,
            Err(bad) => {
                plan.bad.push(bad);
                continue;
            }
        };
        let key = key(&incoming.full_name(), incoming.birth_date);
        if let Some(&first) = seen.get(&key) {
            plan.bad.push(BadRow {
                line: incoming.line,
                reason: Reason::SameAsLine(first),
            });
            continue;
        }
        seen.insert(key.clone(), incoming.line);
        match known.get(&key).map(Vec::as_slice) {
            None | Some([]) => plan.new.push(incoming),
            Some([pupil]) => {
                let after = updated(pupil, &incoming);
                let changes = changes(pupil, &after);
                if changes.is_empty() {
                    plan.unchanged.push(Unchanged {
                        line: incoming.line,
                        pupil: pupil.id,
                    });
                } else {
                    plan.updated.push(Update {
                        line: incoming.line,
                        after,
                        changes,
                    });
                }
            }
            Some(_) => plan.bad.push(BadRow {
                line: incoming.line,
                reason: Reason::FitsTwoPupils(incoming.full_name()),
            }),
        }
    }
    plan.bad.sort_by_key(|bad| bad.line);
    plan
}

/// The pupil as the file has them. Names change only in spelling (they matched); without a
/// tussenvoegsel column the split of the name is the file's guess, so otter keeps its own.
fn updated(pupil: &Pupil, incoming: &Incoming) -> Pupil {
    let mut after = pupil.clone();
    if let Some(prefix) = &incoming.prefix {
        after.first_name.clone_from(&incoming.first_name);
        after.prefix.clone_from(prefix);
        after.last_name.clone_from(&incoming.last_name);
    }
    after.groep = incoming.groep;
    if let Some(teacher) = &incoming.teacher {
        after.teacher.clone_from(teacher);
    }
    after
}

fn changes(before: &Pupil, after: &Pupil) -> Vec<Change> {
    let fields = [
        (Field::FirstName, &before.first_name, &after.first_name),
        (Field::Prefix, &before.prefix, &after.prefix),
        (Field::LastName, &before.last_name, &after.last_name),
        (Field::Teacher, &before.teacher, &after.teacher),
    ];
    let mut changes: Vec<Change> = fields
        .into_iter()
        .filter(|(_, from, to)| from != to)
        .map(|(field, from, to)| Change {
            field,
            from: from.clone(),
            to: to.clone(),
        })
        .collect();
    if before.groep != after.groep {
        changes.insert(
            0,
            Change {
                field: Field::Groep,
                from: before.groep.to_string(),
                to: after.groep.to_string(),
            },
        );
    }
    changes
}
