use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::dates::format_date;
use crate::domain::fold::fold;
use crate::domain::redact::PupilNames;
use crate::domain::{Case, Member, Pseudonym, Pupil, PupilId};
use crate::error::{Candidate, Error, Field, Result};
use crate::store::Store;

/// The words of every pupil's name, for a screen the room sees to mask in free text
/// (`ui::wall`): read when the screen starts presenting, not at every frame.
pub fn names_for_the_room(store: &Store) -> Result<std::sync::Arc<PupilNames>> {
    let pupils = store
        .all::<Pupil>()
        .collect::<std::result::Result<Vec<_>, _>>()?;
    let team = store
        .all::<Member>()
        .collect::<std::result::Result<Vec<_>, _>>()?;
    Ok(std::sync::Arc::new(PupilNames::of(&pupils, &team)))
}

#[derive(Debug, Clone, Serialize)]
pub struct PupilRow {
    pub id: u64,
    pub name: String,
    pub groep: u8,
    pub birth_date: NaiveDate,
    pub teacher: String,
    pub cases: usize,
}

/// All pupils, by groep and then name. `cases` counts only cases that may show the pupil's
/// name: a count beside a name would otherwise tell who is discussed anonymously.
///
/// The cases are read from their digests (`Store::case_histories`, 64 to a value, kept with the
/// records): a case's pupil and consent is all the count needs (privately, `Subject::of` names
/// an existing pupil exactly when `Consent::shows_name`), and reading every case whole made
/// the list grow faster than the school.
pub fn list(store: &Store) -> Result<Vec<PupilRow>> {
    let pupils: HashMap<PupilId, Pupil> = store
        .all::<Pupil>()
        .map(|pupil| pupil.map(|p| (p.id, p)))
        .collect::<std::result::Result<_, _>>()?;
    let mut visible: HashMap<PupilId, usize> = HashMap::new();
    for case in store.case_histories()?.iter().map(|h| h.case) {
        if pupils.contains_key(&case.pupil) && case.consent.shows_name() {
            *visible.entry(case.pupil).or_default() += 1;
        }
    }
    let mut rows = Vec::new();
    for pupil in pupils.into_values() {
        rows.push(PupilRow {
            id: pupil.id.0,
            name: pupil.full_name(),
            groep: pupil.groep,
            birth_date: pupil.birth_date,
            teacher: pupil.teacher.clone(),
            cases: visible.get(&pupil.id).copied().unwrap_or(0),
        });
    }
    // Namesakes in one groep stay in the order of their ids, as the store lists them.
    rows.sort_by_cached_key(|row| (row.groep, fold(&row.name), row.id));
    Ok(rows)
}

/// The pupil a person means by `name`: an exact full name (ignoring case and accents), or the
/// one pupil whose name contains it. A date of birth after the name (`Sanne de Vries
/// 14-03-2017`) tells apart two children with the same name.
///
/// The pseudonym of a case ("Leerling KR-47") names that case's pupil: the team knows an
/// anonymous case only by it.
pub fn find(store: &Store, name: &str) -> Result<Pupil> {
    if let Some(case) = pseudonym_case(store, name)?
        && let Some(pupil) = store.pupil(case.pupil)?
    {
        return Ok(pupil);
    }
    let (wanted_name, born) = split_birth_date(name.trim());
    let wanted = name_key(wanted_name);
    if wanted.is_empty() {
        return Err(Error::Empty(Field::Name));
    }
    let mut candidates = Vec::new();
    for pupil in store.all::<Pupil>() {
        let pupil = pupil?;
        if name_key(&pupil.full_name()).contains(&wanted)
            && born.is_none_or(|b| b == pupil.birth_date)
        {
            candidates.push(pupil);
        }
    }
    // A full name wins over names that contain it ("Sam" and "Sammy"), but two children with
    // the same full name are both shown, never one picked.
    let exact: Vec<Pupil> = candidates
        .iter()
        .filter(|p| name_key(&p.full_name()) == wanted)
        .cloned()
        .collect();
    let same_name = !exact.is_empty();
    if same_name {
        candidates = exact;
    }
    match candidates.len() {
        0 => Err(Error::NoPupil(name.trim().to_string())),
        1 => Ok(candidates.remove(0)),
        _ => {
            candidates.sort_by_cached_key(|p| (fold(&p.full_name()), p.birth_date));
            let named = named_cases(store)?;
            let mut names: Vec<Candidate> = candidates
                .iter()
                .map(|p| Candidate {
                    name: p.full_name(),
                    groep: p.groep,
                    born: format_date(p.birth_date),
                    // Only a case that may show the name: a mark beside a name for an
                    // anonymous case would tell who is discussed without it.
                    has_case: named.contains(&p.id),
                })
                .collect();
            names.truncate(8);
            if same_name {
                // Only the date of birth can tell them apart: say so, with one to copy.
                let first = &candidates[0];
                let example = format!("{} {}", first.full_name(), format_date(first.birth_date));
                Err(Error::SameName(first.full_name(), names, example))
            } else {
                Err(Error::AmbiguousPupil(name.trim().to_string(), names))
            }
        }
    }
}

/// The pupils with a case that may show their name (as `list` counts them), from the cases'
/// digests.
fn named_cases(store: &Store) -> Result<HashSet<PupilId>> {
    let mut named = HashSet::new();
    for case in store.case_histories()?.iter().map(|h| h.case) {
        if named.contains(&case.pupil) || !case.consent.shows_name() {
            continue;
        }
        if store.pupil(case.pupil)?.is_some() {
            named.insert(case.pupil);
        }
    }
    Ok(named)
}

/// The case whose pseudonym `name` is ("Leerling KR-47", "Pupil KR-47" or "KR-47", ignoring
/// letter case and spacing). Only a typed pseudonym reads the cases.
pub fn pseudonym_case(store: &Store, name: &str) -> Result<Option<Case>> {
    match Pseudonym::typed(name) {
        Some(pseudonym) => Ok(store.case_by_pseudonym(&pseudonym)?),
        None => Ok(None),
    }
}

/// Whether `name` is a pupil's whole name (ignoring case and accents, and a date of birth
/// after it), not a part of it.
pub fn is_full_name(pupil: &Pupil, name: &str) -> bool {
    let (name, _) = split_birth_date(name.trim());
    name_key(name) == name_key(&pupil.full_name())
}

/// A name as it is compared when someone types it: folded (`celik` is Çelik), without
/// apostrophes (`van t hof` is van 't Hof) and with single spaces.
pub(crate) fn name_key(name: &str) -> String {
    fold(name)
        .split_whitespace()
        .map(|word| word.replace('\'', ""))
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A name with a date of birth as its last word (dd-mm-jjjj or jjjj-mm-dd), split in the two.
fn split_birth_date(text: &str) -> (&str, Option<NaiveDate>) {
    let Some((name, last)) = text.rsplit_once(char::is_whitespace) else {
        return (text, None);
    };
    let day = ["%d-%m-%Y", "%Y-%m-%d"]
        .iter()
        .find_map(|format| NaiveDate::parse_from_str(last, format).ok());
    match day {
        Some(day) => (name.trim_end(), Some(day)),
        None => (text, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::{store::demo_store, today};

    /// The count beside each name, read from the digests, is what the whole cases say through
    /// `Subject::of`; the demo school has cases of every consent, so a case without consent to
    /// show the name is among them and counted nowhere.
    #[test]
    fn the_case_counts_from_the_digests_are_those_of_the_whole_cases() {
        let (_dir, store) = demo_store(today());
        let pupils: HashMap<PupilId, Pupil> = store
            .all::<Pupil>()
            .map(|p| p.map(|p| (p.id, p)).unwrap())
            .collect();
        let mut wanted: HashMap<u64, usize> = HashMap::new();
        let mut hidden = 0;
        for case in store.all::<Case>().map(|c| c.unwrap()) {
            let subject = crate::domain::Subject::of(
                pupils.get(&case.pupil),
                &case,
                crate::domain::Showing::Private,
            );
            if subject.is_named() {
                *wanted.entry(case.pupil.0).or_default() += 1;
            } else {
                hidden += 1;
            }
        }
        assert!(hidden > 0, "the demo has cases that hide the name");
        let rows = list(&store).unwrap();
        assert_eq!(rows.len(), pupils.len());
        for row in &rows {
            assert_eq!(
                row.cases,
                wanted.get(&row.id).copied().unwrap_or(0),
                "{}",
                row.id
            );
        }
        let named: HashSet<u64> = named_cases(&store).unwrap().iter().map(|p| p.0).collect();
        assert_eq!(named, wanted.keys().copied().collect());
    }
}
