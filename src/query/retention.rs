//! Closed cases past the bewaartermijn (`domain::retention`), for `otter retention` and its
//! screen, and the erasure they ask for.

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::{Case, CaseId, Pupil, PupilId, Showing, Subject, retention};
use crate::error::Result;
use crate::store::Store;
use crate::store::erase::{Erasure, Scope};

/// One closed case past retention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Expired {
    pub case: CaseId,
    #[serde(skip)]
    pub pupil: PupilId,
    /// The pupil's full name: for the IB's own command line only.
    pub name: String,
    /// How a shared screen shows the pupil: initials and groep, or the pseudonym.
    #[serde(skip)]
    pub shown: Subject,
    pub groep: u8,
    pub closed: NaiveDate,
    pub erasable_from: NaiveDate,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RetentionList {
    /// The setting, in school years.
    pub years: u32,
    /// Oldest closing first.
    pub expired: Vec<Expired>,
}

impl RetentionList {
    /// The erasure of every listed case, per pupil; the pupils themselves stay.
    pub fn erasures(&self) -> Vec<Erasure> {
        let mut erasures: Vec<Erasure> = Vec::new();
        for row in &self.expired {
            match erasures.iter_mut().find(|e| e.pupil == row.pupil) {
                Some(Erasure {
                    scope: Scope::Cases(cases),
                    ..
                }) => cases.push(row.case),
                _ => erasures.push(Erasure {
                    pupil: row.pupil,
                    scope: Scope::Cases(vec![row.case]),
                }),
            }
        }
        erasures
    }
}

/// `showing`: the screen's (`meeting::showing`), or `Showing::Private` for the command line.
pub fn list(store: &Store, today: NaiveDate, showing: Showing) -> Result<RetentionList> {
    let years = store.retention_years()?;
    let mut expired = Vec::new();
    for case in store.all::<Case>() {
        let case = case?;
        let Some(closed) = case.closed else {
            continue;
        };
        if !retention::is_past(closed, years, today) {
            continue;
        }
        let pupil: Option<Pupil> = store.pupil(case.pupil)?;
        let (name, groep) = pupil
            .as_ref()
            .map_or((String::new(), 0), |p| (p.full_name(), p.groep));
        expired.push(Expired {
            case: case.id,
            pupil: case.pupil,
            shown: Subject::of(pupil.as_ref(), &case, showing),
            name,
            groep,
            closed,
            erasable_from: retention::erasable_from(closed, years),
        });
    }
    expired.sort_by_key(|row| (row.closed, row.case));
    Ok(RetentionList { years, expired })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Consent;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn lists_cases_past_the_setting_with_initials_or_the_pseudonym() {
        let dir = tempfile::TempDir::new().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let pupil = Pupil {
            id: PupilId(1),
            first_name: "Sanne".into(),
            prefix: "de".into(),
            last_name: "Vries".into(),
            groep: 6,
            birth_date: date(2016, 1, 1),
            teacher: String::new(),
        };
        store.insert(&pupil).unwrap();
        let closed = |id, on: Option<NaiveDate>, consent| Case {
            closed: on,
            consent,
            ..Case::signal(
                (CaseId(id), crate::domain::Pseudonym::from_random(id, 2)),
                PupilId(1),
                "vraag".into(),
                "signaal".into(),
                date(2023, 1, 1),
            )
        };
        store
            .insert(&closed(1, Some(date(2024, 7, 31)), Consent::Yes))
            .unwrap();
        store
            .insert(&closed(2, Some(date(2024, 8, 1)), Consent::Yes))
            .unwrap();
        store.insert(&closed(3, None, Consent::Yes)).unwrap();
        store
            .insert(&closed(4, Some(date(2023, 5, 1)), Consent::Anonymous))
            .unwrap();
        let list = list(&store, date(2026, 8, 1), Showing::Private).unwrap();
        assert_eq!(list.years, 2);
        let cases: Vec<u64> = list.expired.iter().map(|e| e.case.0).collect();
        assert_eq!(cases, [4, 1], "closed a day later is a school year later");
        assert_eq!(list.expired[1].shown.short(), "S.d.V.");
        assert_eq!(list.expired[1].shown.groep(), Some(list.expired[1].groep));
        assert_eq!(
            list.expired[0].shown.short(),
            crate::domain::Pseudonym::from_random(4, 2).shown()
        );
        assert_eq!(list.expired[0].shown.groep(), None, "no groep beside it");
        assert_eq!(list.expired[1].name, "Sanne de Vries");
        assert_eq!(list.erasures().len(), 1, "one pupil, both cases");
        store.set_retention_years(1).unwrap();
        assert_eq!(
            super::list(&store, date(2026, 8, 1), Showing::Private)
                .unwrap()
                .expired
                .len(),
            3
        );
    }
}
