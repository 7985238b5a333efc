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
        match pupil {
            Some(pupil) if Subject::names(true, case.id, case.consent, showing) => Subject::Named {
                full_name: pupil.full_name(),
                initials: pupil.initials(),
                groep: pupil.groep,
            },
            _ => Subject::Pseudonym(case.pseudonym()),
        }
    }

    /// Whether `of` names the pupil, from what it decides by: whether the pupil is found, the
    /// case and its consent, and who sees it. For a reader that has these and not the case
    /// whole (`otter search`, from the kept search texts).
    pub fn names(pupil_found: bool, case: CaseId, consent: Consent, showing: Showing) -> bool {
        let named = match showing {
            Showing::Private => consent.shows_name(),
            Showing::Presenting { discussed } => discussed == Some(case) && consent == Consent::Yes,
        };
        pupil_found && named
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

    /// An owner typed as free text ("leerkracht groep 3"), as it may stand beside this
    /// subject: beside a pseudonym without the groep, which would narrow the pupil down to one
    /// class as the groep beside a name would ("leerkracht").
    pub fn owner_beside(&self, owner: &str) -> String {
        match self {
            Subject::Named { .. } => owner.to_string(),
            Subject::Pseudonym(_) => without_groep(owner),
        }
    }
}

/// Whether `text` names a groep ("leerkracht groep 5", "juf van groep4", "gr. 3"): the one
/// rule for what [`Subject::owner_beside`] takes out, which the meeting screen also warns of
/// when an owner is typed.
pub fn names_a_groep(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (0..words.len()).any(|at| groep_at(&words, at).is_some())
}

/// `text` without the groep it names (see [`groep_at`]), and the spaces and punctuation left
/// dangling: "leerkracht (groep 3)" is "leerkracht", "juf (groep 3, Sanne)" is "juf (Sanne)".
fn without_groep(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut kept: Vec<String> = Vec::new();
    // A bracket opened by the words taken out, for the next word kept.
    let mut opened = false;
    let mut at = 0;
    while at < words.len() {
        let Some(taken) = groep_at(&words, at) else {
            let word = words[at];
            kept.push(if opened {
                format!("({word}")
            } else {
                word.to_string()
            });
            opened = false;
            at += 1;
            continue;
        };
        let first = words[at];
        let last = words[at + taken - 1];
        let (opens, closes) = (first.starts_with('('), last.ends_with(')'));
        if opens && !closes {
            opened = true;
        } else if closes
            && !opens
            && let Some(word) = kept.last_mut()
        {
            word.push(')');
        }
        at += taken;
    }
    kept.join(" ")
}

/// How many of `words` from `at` name a groep: "groep", "group", "gr." or "gr" and a number
/// ("groep 3", "Groep 5/6", "group 7b", "gr. 3"), or the two written as one ("groep3",
/// "gr.3"); brackets and trailing commas aside. Not "groepsleerkracht", nor "groep" alone.
fn groep_at(words: &[&str], at: usize) -> Option<usize> {
    const NAMES: [&str; 4] = ["groep", "group", "gr.", "gr"];
    let word = words[at]
        .trim_start_matches('(')
        .trim_end_matches([',', ';', ':', ')'])
        .to_ascii_lowercase();
    let a_number = |text: &str| text.starts_with(|c: char| c.is_ascii_digit());
    for name in NAMES {
        let Some(rest) = word.strip_prefix(name) else {
            continue;
        };
        if a_number(rest) {
            return Some(1);
        }
        let next = words.get(at + 1).map(|next| next.trim_start_matches('('));
        if rest.is_empty() && next.is_some_and(a_number) {
            return Some(2);
        }
    }
    None
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
    fn an_owner_beside_a_pseudonym_does_not_say_the_groep() {
        let hidden = Subject::of(Some(&pupil()), &case(Consent::Anonymous), Showing::Private);
        for (typed, shown) in [
            ("leerkracht groep 3", "leerkracht"),
            ("Leerkracht Groep 5/6 (juf)", "Leerkracht (juf)"),
            ("teacher group 7b", "teacher"),
            ("leerkracht (groep 3)", "leerkracht"),
            ("juf (groep 3, Sanne)", "juf (Sanne)"),
            ("(juf van groep 3)", "(juf van)"),
            ("leerkracht groep3", "leerkracht"),
            ("Leerkracht Groep5", "Leerkracht"),
            ("leerkracht gr. 3", "leerkracht"),
            ("leerkracht gr.3", "leerkracht"),
            ("juf Sanne van groep 4", "juf Sanne van"),
            ("ouders", "ouders"),
            ("groepsleerkracht", "groepsleerkracht"),
            ("intern begeleider groep", "intern begeleider groep"),
            ("de groepsbespreking", "de groepsbespreking"),
            ("grote zus", "grote zus"),
        ] {
            assert_eq!(hidden.owner_beside(typed), shown, "{typed}");
            // The warning on the meeting screen follows the same rule.
            assert_eq!(names_a_groep(typed), shown != typed, "{typed}");
        }
        assert_eq!(
            named().owner_beside("leerkracht groep 3"),
            "leerkracht groep 3"
        );
    }

    #[test]
    fn a_pupil_not_found_is_shown_by_the_pseudonym() {
        let subject = Subject::of(None, &case(Consent::Yes), Showing::Private);
        assert_eq!(subject.name(), case(Consent::Yes).pseudonym());
    }
}
