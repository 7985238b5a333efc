//! Builders for the unit tests, in one place: here records as the store keeps them (a pupil, a
//! case, a day of November 2026), which the domain's own tests use too, so this file names
//! nothing above the domain; in `store` a store filled with the demo school; in `app` a model
//! driven by messages over such a store (the demo's meeting open, on a case).
//!
//! A builder gives plain, valid defaults; a test that cares about a field says so with struct
//! update syntax (`Pupil { groep: 3, ..pupil(1, "Cees", "", "Lik") }`).

pub(crate) mod app;
pub(crate) mod store;

use chrono::NaiveDate;

use crate::domain::{Case, CaseId, Pupil, PupilId};

/// Day `d` of November 2026, the month the tests live in.
pub(crate) fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

/// The day the tests take as today: Monday 23 November 2026.
pub(crate) fn today() -> NaiveDate {
    day(23)
}

/// A pupil in groep 5, born 14 March 2017, in juf Anouk's class.
pub(crate) fn pupil(id: u64, first: &str, prefix: &str, last: &str) -> Pupil {
    Pupil {
        id: PupilId(id),
        first_name: first.into(),
        prefix: prefix.into(),
        last_name: last.into(),
        groep: 5,
        birth_date: NaiveDate::from_ymd_opt(2017, 3, 14).unwrap(),
        teacher: "juf Anouk".into(),
    }
}

/// A case just signalled on 2 November, consent not yet asked.
pub(crate) fn case(id: u64, pupil: u64, question: &str) -> Case {
    Case::signal(
        CaseId(id),
        PupilId(pupil),
        question.into(),
        "signaal".into(),
        day(2),
    )
}
