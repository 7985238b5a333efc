//! How a pupil is shown (BRIEF §8): named — full name, initials and groep — or by the case's
//! pseudonym, without the groep, which beside a pseudonym would narrow the pupil down to one
//! class. Decided once, in [`Subject::of`], from the pupil, the case's consent and whether otter
//! is presenting; every screen, list, export and the command line ask it.

use super::case::Case;
use super::pupil::Pupil;

/// Who sees the pupil: the team member at their own screen or command line, or the room
/// (a meeting is open, or the presentation mode is on).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Showing {
    Private,
    Presenting,
}

/// A case's pupil as they may be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    Named {
        full_name: String,
        initials: String,
        groep: u8,
    },
    Pseudonym(String),
}

impl Subject {
    /// The one decision. "ja" names the pupil; "nee" and "anoniem" never do; "nog niet
    /// gevraagd" names them too, since a new signal must say whom it is about. A pupil that
    /// cannot be found is never shown as an empty name.
    pub fn of(pupil: Option<&Pupil>, case: &Case, showing: Showing) -> Subject {
        let named = case.consent.shows_name();
        // `showing` is where the rule for a shared screen goes (issue 13); today the room
        // sees what the team sees.
        let _ = showing;
        match pupil {
            Some(pupil) if named => Subject::Named {
                full_name: pupil.full_name(),
                initials: pupil.initials(),
                groep: pupil.groep,
            },
            _ => Subject::Pseudonym(case.pseudonym()),
        }
    }

    /// The full name, or the pseudonym: for the case being discussed, and lists of cases.
    pub fn name(&self) -> &str {
        match self {
            Subject::Named { full_name, .. } => full_name,
            Subject::Pseudonym(pseudonym) => pseudonym,
        }
    }

    /// The initials, or the pseudonym: for a case that is not the one on screen.
    pub fn short(&self) -> &str {
        match self {
            Subject::Named { initials, .. } => initials,
            Subject::Pseudonym(pseudonym) => pseudonym,
        }
    }

    /// The groep, only beside a name.
    pub fn groep(&self) -> Option<u8> {
        match self {
            Subject::Named { groep, .. } => Some(*groep),
            Subject::Pseudonym(_) => None,
        }
    }

    pub fn is_named(&self) -> bool {
        matches!(self, Subject::Named { .. })
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::{CaseId, Consent, PupilId};

    fn pupil() -> Pupil {
        Pupil {
            id: PupilId(3),
            first_name: "Emir".into(),
            prefix: String::new(),
            last_name: "Güneş".into(),
            groep: 6,
            birth_date: NaiveDate::from_ymd_opt(2016, 5, 1).unwrap(),
            teacher: String::new(),
        }
    }

    fn case(consent: Consent) -> Case {
        let day = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
        Case {
            consent,
            ..Case::signal(
                CaseId(17),
                PupilId(3),
                "Leest traag".into(),
                "signaal".into(),
                day,
            )
        }
    }

    #[test]
    fn consent_decides_between_the_name_and_the_pseudonym() {
        let named = Subject::Named {
            full_name: "Emir Güneş".into(),
            initials: "E.G.".into(),
            groep: 6,
        };
        for showing in [Showing::Private, Showing::Presenting] {
            for consent in [Consent::Yes, Consent::Unknown] {
                assert_eq!(Subject::of(Some(&pupil()), &case(consent), showing), named);
            }
            for consent in [Consent::No, Consent::Anonymous] {
                let subject = Subject::of(Some(&pupil()), &case(consent), showing);
                assert_eq!(subject, Subject::Pseudonym(case(consent).pseudonym()));
                assert_eq!(subject.name(), subject.short());
                assert_eq!(subject.groep(), None, "no groep beside a pseudonym");
                assert!(!subject.is_named());
            }
        }
        assert_eq!(named.name(), "Emir Güneş");
        assert_eq!(named.short(), "E.G.");
        assert_eq!(named.groep(), Some(6));
    }

    #[test]
    fn a_pupil_not_found_is_shown_by_the_pseudonym() {
        let subject = Subject::of(None, &case(Consent::Yes), Showing::Private);
        assert_eq!(subject.name(), case(Consent::Yes).pseudonym());
    }
}
