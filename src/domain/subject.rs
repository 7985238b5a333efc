//! How a pupil is shown (BRIEF §8): named — full name, initials and groep — or by the case's
//! pseudonym, without the groep, which beside a pseudonym would narrow the pupil down to one
//! class. Decided once, in [`Subject::of`], from the pupil, the case's consent and whether otter
//! is presenting; every screen, list, export and the command line ask it.

use super::case::{Case, Consent};
use super::ids::CaseId;
use super::pupil::Pupil;

/// Who sees the pupil: the team member at their own screen or command line, or the room
/// while a meeting is open, whatever screen is in front.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Showing {
    Private,
    /// The room sees the screen; `discussed` is the case of the agenda item in front, if any.
    Presenting {
        discussed: Option<CaseId>,
    },
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
    /// The one decision. Privately "ja" names the pupil; "nee" and "anoniem" never do; "nog
    /// niet gevraagd" names them too, since a new signal must say whom it is about. While
    /// presenting only the case under discussion is named, and only with "ja": consent not
    /// yet asked is not consent (BRIEF §8). A pupil that cannot be found is never shown as an
    /// empty name.
    pub fn of(pupil: Option<&Pupil>, case: &Case, showing: Showing) -> Subject {
        let named = match showing {
            Showing::Private => case.consent.shows_name(),
            Showing::Presenting { discussed } => {
                discussed == Some(case.id) && case.consent == Consent::Yes
            }
        };
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
    use super::*;
    use crate::domain::{CaseId, Consent};

    fn pupil() -> Pupil {
        Pupil {
            groep: 6,
            ..crate::testkit::pupil(3, "Emir", "", "Güneş")
        }
    }

    fn case(consent: Consent) -> Case {
        Case {
            consent,
            ..crate::testkit::case(17, 3, "Leest traag")
        }
    }

    fn named() -> Subject {
        Subject::Named {
            full_name: "Emir Güneş".into(),
            initials: "E.G.".into(),
            groep: 6,
        }
    }

    #[test]
    fn consent_decides_between_the_name_and_the_pseudonym() {
        let named = named();
        let discussed = Showing::Presenting {
            discussed: Some(CaseId(17)),
        };
        for consent in [Consent::Yes, Consent::Unknown] {
            let subject = Subject::of(Some(&pupil()), &case(consent), Showing::Private);
            assert_eq!(subject, named);
        }
        for showing in [Showing::Private, discussed] {
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
    fn presenting_names_only_the_discussed_case_and_only_with_consent() {
        let discussed = |id| Showing::Presenting {
            discussed: Some(CaseId(id)),
        };
        let yes = case(Consent::Yes);
        assert_eq!(Subject::of(Some(&pupil()), &yes, discussed(17)), named());
        // Another case on screen, or none (the dashboard while a meeting is open).
        for showing in [discussed(18), Showing::Presenting { discussed: None }] {
            let subject = Subject::of(Some(&pupil()), &yes, showing);
            assert_eq!(subject, Subject::Pseudonym(yes.pseudonym()));
        }
        // Consent not yet asked is not consent on a shared screen.
        let unknown = case(Consent::Unknown);
        let subject = Subject::of(Some(&pupil()), &unknown, discussed(17));
        assert_eq!(subject, Subject::Pseudonym(unknown.pseudonym()));
    }

    #[test]
    fn a_pupil_not_found_is_shown_by_the_pseudonym() {
        let subject = Subject::of(None, &case(Consent::Yes), Showing::Private);
        assert_eq!(subject.name(), case(Consent::Yes).pseudonym());
    }
}
