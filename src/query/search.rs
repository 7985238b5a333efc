//! Search over pupils, cases (hulpvraag), notes, decisions and actions. For now a substring
//! match on folded text; the store's search buckets make it one pass over a few thousand items.

use serde::Serialize;

use super::Labels;
use crate::domain::fold::fold;
use crate::domain::{ActionId, CaseId, PupilId};
use crate::error::{Error, Field, Result};
use crate::store::{Store, TreeId};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    Pupil,
    Case,
    Note,
    Decision,
    Action,
}

#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub kind: HitKind,
    pub id: u64,
    /// The pupil's name (for a pupil, or a case that may show it) or the case's pseudonym.
    pub subject: String,
    /// The matched text: hulpvraag, note, decision or action.
    pub text: String,
}

/// Hits grouped by kind (pupils first), in id order within a kind.
pub fn search(store: &Store, query: &str) -> Result<Vec<Hit>> {
    if fold(query.trim()).is_empty() {
        return Err(Error::Empty(Field::Query));
    }
    let mut labels = Labels::new(store);
    let mut hits = Vec::new();
    for (tree, id) in store.search(query.trim())? {
        let hit = match tree {
            TreeId::Pupils => store.pupil(PupilId(id))?.map(|pupil| Hit {
                kind: HitKind::Pupil,
                id,
                subject: pupil.full_name(),
                text: String::new(),
            }),
            TreeId::Cases => match store.case(CaseId(id))? {
                Some(case) => Some(Hit {
                    kind: HitKind::Case,
                    id,
                    subject: labels.subject(case.id)?,
                    text: case.question,
                }),
                None => None,
            },
            TreeId::Notes => match store.note(id)? {
                Some(note) => Some(Hit {
                    kind: HitKind::Note,
                    id,
                    subject: subject_of(&mut labels, note.case)?,
                    text: note.text,
                }),
                None => None,
            },
            TreeId::Decisions => match store.decision(id)? {
                Some(decision) => Some(Hit {
                    kind: HitKind::Decision,
                    id,
                    subject: subject_of(&mut labels, decision.case)?,
                    text: decision.text,
                }),
                None => None,
            },
            TreeId::Actions => match store.action(ActionId(id))? {
                Some(action) => Some(Hit {
                    kind: HitKind::Action,
                    id,
                    subject: subject_of(&mut labels, action.case)?,
                    text: action.text,
                }),
                None => None,
            },
            _ => None,
        };
        hits.extend(hit);
    }
    hits.sort_by_key(|hit| (hit.kind, hit.id));
    Ok(hits)
}

fn subject_of(labels: &mut Labels<'_>, case: Option<CaseId>) -> Result<String> {
    Ok(match case {
        Some(case) => labels.subject(case)?,
        None => String::new(),
    })
}
