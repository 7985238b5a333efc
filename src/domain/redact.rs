//! Replacing an erased pupil's name in the texts that stay (closed minutes, notes of others):
//! whole words only, letter case and accents ignored (as search ignores them), so "Sanne"
//! goes but "Sannes" of another family stays, and "sanne" or "Zoe" typed in a hurry goes too.

use super::{Member, Pupil};

/// What an erased name becomes.
pub const REDACTED: &str = "[verwijderd]";

/// `text` with every whole-word occurrence of each of `names` replaced by [`REDACTED`];
/// `names` are tried in order, so give the full name before the first name.
pub fn redact(text: &str, names: &[&str]) -> String {
    let mut text = text.to_string();
    for name in names.iter().filter(|n| !n.trim().is_empty()) {
        text = redact_one(&text, name);
    }
    text
}

/// Whether `text` holds one of `names` as a whole word.
pub fn mentions(text: &str, names: &[&str]) -> bool {
    redact(text, names) != text
}

fn redact_one(text: &str, name: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut before: Option<char> = None;
    while let Some(first) = rest.chars().next() {
        let starts_word = !before.is_some_and(char::is_alphanumeric);
        if starts_word && let Some(len) = prefix_len_ignoring_case(rest, name) {
            let after = rest[len..].chars().next();
            if !after.is_some_and(char::is_alphanumeric) {
                out.push_str(REDACTED);
                before = name.chars().last();
                rest = &rest[len..];
                continue;
            }
        }
        out.push(first);
        before = Some(first);
        rest = &rest[first.len_utf8()..];
    }
    out
}

/// The byte length of the start of `text` that equals `name` but for letter case and
/// accents, letter by letter as search folds them.
fn prefix_len_ignoring_case(text: &str, name: &str) -> Option<usize> {
    let folded = |c: char| super::fold::fold(c.encode_utf8(&mut [0; 4]));
    let mut chars = text.char_indices();
    for wanted in name.chars() {
        let (_, got) = chars.next()?;
        if folded(got) != folded(wanted) {
            return None;
        }
    }
    Some(chars.next().map_or(text.len(), |(at, _)| at))
}

/// What each letter of a name becomes on a screen the room sees (`PupilNames`): not
/// [`REDACTED`], which says the pupil was erased.
pub const MASK: char = '•';

/// The words of every pupil's first and last name, folded as search folds them: what is
/// masked in a text the room sees (BRIEF §8: while presenting only the case under discussion
/// is named, and free text typed about one child may name another: "ruzie met Daan"). A
/// common word that is also someone's name ("Bakker") is masked too: on the wall, a word too
/// many hidden is the lesser harm. A last name is masked only as a name is written, with a
/// capital: "van der Meer" makes "Meer" a name and leaves "meer" a word. A team member's
/// whole name stays ("Erik Hoekstra" on the roll call, as an owner), though a pupil may share
/// its last name; the last name alone does not.
#[derive(Default, Clone, PartialEq, Eq)]
pub struct PupilNames {
    first: std::collections::HashSet<String>,
    last: std::collections::HashSet<String>,
    team: Vec<Vec<String>>,
}

impl std::fmt::Debug for PupilNames {
    /// The count only: a debug print must not list every child of the school.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "PupilNames({} words)",
            self.first.len() + self.last.len()
        )
    }
}

/// A word of a text: where it starts (in characters), how many it has, and folded.
struct Word {
    at: usize,
    len: usize,
    folded: String,
    /// Written with a capital first letter.
    capital: bool,
    /// Followed by "-" and a digit: the letters of a pseudonym ("Leerling EL-41") are no
    /// name, whatever pupil has them.
    code: bool,
}

impl PupilNames {
    pub fn of<'p>(
        pupils: impl IntoIterator<Item = &'p Pupil>,
        team: impl IntoIterator<Item = &'p Member>,
    ) -> PupilNames {
        let pupils: Vec<&Pupil> = pupils.into_iter().collect();
        PupilNames {
            first: pupils
                .iter()
                .flat_map(|pupil| name_words(&pupil.first_name))
                .collect(),
            last: pupils.iter().flat_map(|pupil| last_words(pupil)).collect(),
            team: team
                .into_iter()
                .map(|member| name_words(&member.name).collect::<Vec<_>>())
                .filter(|words| !words.is_empty())
                .collect(),
        }
    }

    /// For each character of `text`, whether it belongs to a whole word of a pupil's name,
    /// but for the words of `named` (the name the room may read: the case under discussion
    /// with consent "ja") and a team member's whole name; `None` when no word does.
    pub fn hidden(&self, text: &str, named: Option<&str>) -> Option<Vec<bool>> {
        let words = words(text);
        let name = |word: &Word| {
            !word.code
                && (self.first.contains(&word.folded)
                    || (word.capital && self.last.contains(&word.folded)))
        };
        if !words.iter().any(name) {
            return None;
        }
        let named: Vec<String> = named.map_or_else(Vec::new, |name| name_words(name).collect());
        let mut kept = vec![false; words.len()];
        for member in &self.team {
            for start in 0..words.len() {
                let run = words[start..].iter().take(member.len());
                if run.len() == member.len() && run.zip(member).all(|(w, m)| w.folded == *m) {
                    kept[start..start + member.len()].fill(true);
                }
            }
        }
        let mut hidden = vec![false; text.chars().count()];
        let mut any = false;
        for (word, kept) in words.iter().zip(kept) {
            if !kept && name(word) && !named.contains(&word.folded) {
                hidden[word.at..word.at + word.len].fill(true);
                any = true;
            }
        }
        any.then_some(hidden)
    }

    /// `text` with each letter of a word [`PupilNames::hidden`] finds shown as [`MASK`];
    /// `None` when there is none.
    pub fn masked(&self, text: &str) -> Option<String> {
        let hidden = self.hidden(text, None)?;
        Some(
            text.chars()
                .zip(hidden)
                .map(|(c, hide)| if hide { MASK } else { c })
                .collect(),
        )
    }

    /// Masks every string of `texts` in place ([`PupilNames::masked`]).
    pub fn mask_all<'t>(&self, texts: impl IntoIterator<Item = &'t mut String>) {
        for text in texts {
            if let Some(masked) = self.masked(text) {
                *text = masked;
            }
        }
    }
}

/// The whole words of `text` (runs of letters and digits).
fn words(text: &str) -> Vec<Word> {
    let chars: Vec<char> = text.chars().collect();
    let mut words = Vec::new();
    let mut at = 0;
    while at < chars.len() {
        if !chars[at].is_alphanumeric() {
            at += 1;
            continue;
        }
        let len = chars[at..]
            .iter()
            .take_while(|c| c.is_alphanumeric())
            .count();
        let word: String = chars[at..at + len].iter().collect();
        let code = chars.get(at + len) == Some(&'-')
            && chars.get(at + len + 1).is_some_and(char::is_ascii_digit);
        words.push(Word {
            at,
            len,
            folded: super::fold::fold(&word),
            capital: chars[at].is_uppercase(),
            code,
        });
        at += len;
    }
    words
}

/// A pupil's last-name words, not the tussenvoegsel ("van", "de"), which is every other Dutch
/// sentence's word too. Of a last name of several words, the short ones are particles of the
/// same kind ("El" of El Amrani, "Al"): "al" is a Dutch word, and masking it would cover half
/// the text without hiding anyone.
fn last_words(pupil: &Pupil) -> impl Iterator<Item = String> + '_ {
    let several = name_words(&pupil.last_name).nth(1).is_some();
    name_words(&pupil.last_name).filter(move |word| !several || word.chars().count() > 2)
}

/// The whole words of a name, folded as search folds them: "Anne-Fleur El Amrani" gives
/// "anne", "fleur", "el" and "amrani". A one-letter word names no one.
fn name_words(name: &str) -> impl Iterator<Item = String> + '_ {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|word| word.chars().count() > 1)
        .map(super::fold::fold)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_of_pupils_names_are_hidden_but_the_named_pupil_s() {
        let names = PupilNames::of(
            &[
                crate::testkit::pupil(1, "Anne-Fleur", "", "El Amrani"),
                crate::testkit::pupil(2, "Daan", "de", "Zoë"),
            ],
            &[],
        );
        let text = "Daan, DAAN en Zoe; Daantje van de Anne";
        let hidden = |named| -> String {
            let marks = names.hidden(text, named).unwrap();
            text.chars()
                .zip(marks)
                .map(|(c, hide)| if hide { MASK } else { c })
                .collect()
        };
        assert_eq!(hidden(None), "••••, •••• en •••; Daantje van de ••••");
        assert_eq!(
            hidden(Some("Daan de Zoë")),
            "Daan, DAAN en Zoe; Daantje van de ••••"
        );
        assert_eq!(names.hidden("Niemand genoemd", None), None);
        // The particle of a last name of several words is no name; a pseudonym's letters are
        // none either, whoever has them.
        assert_eq!(names.hidden("Het is al gedaan, el", None), None);
        let team = [Member {
            id: crate::domain::MemberId(1),
            name: "Erik Kok".into(),
            role: crate::domain::Role::Directeur,
            active: true,
            email: None,
        }];
        let names = PupilNames::of(&[crate::testkit::pupil(3, "Ed", "", "Kok")], &team);
        assert_eq!(names.hidden("Leerling ED-41 en KOK-7", None), None);
        let shown = |text: &str| -> String {
            let marks = names.hidden(text, None).unwrap_or_default();
            text.chars()
                .enumerate()
                .map(|(at, c)| {
                    if marks.get(at) == Some(&true) {
                        MASK
                    } else {
                        c
                    }
                })
                .collect()
        };
        assert_eq!(shown("Ed en Kok"), "•• en •••");
        assert_eq!(
            shown("ed en kok, KOK"),
            "•• en kok, •••",
            "a last name as a name is written"
        );
        // A team member's whole name stays; the last name alone is a pupil's too.
        assert_eq!(
            shown("Gebeld door Erik Kok, met Kok"),
            "Gebeld door Erik Kok, met •••"
        );
        assert_eq!(PupilNames::default().hidden(text, None), None);
    }

    #[test]
    fn whole_words_in_any_case_are_replaced_and_longer_words_kept() {
        let text = "Sanne de Vries las voor; SANNE lachte. Sannes broer en Susanne niet.";
        assert_eq!(
            redact(text, &["Sanne de Vries", "Sanne"]),
            "[verwijderd] las voor; [verwijderd] lachte. Sannes broer en Susanne niet."
        );
    }

    #[test]
    fn names_with_accents_and_other_scripts_are_found() {
        assert_eq!(
            redact("Gesprek met Zoë en zoë's moeder", &["Zoë"]),
            "Gesprek met [verwijderd] en [verwijderd]'s moeder"
        );
        assert_eq!(
            redact("Ouders van يوسف gebeld", &["يوسف"]),
            "Ouders van [verwijderd] gebeld"
        );
        assert!(mentions("over Ayşe", &["AYŞE"]));
        assert_eq!(
            redact("Zoe (zonder trema getypt) en Zoey", &["Zoë"]),
            "[verwijderd] (zonder trema getypt) en Zoey",
            "accents as search ignores them"
        );
        assert!(!mentions("over Ayşegül", &["Ayşe"]));
    }

    #[test]
    fn an_empty_name_replaces_nothing() {
        assert_eq!(redact("tekst", &["", " "]), "tekst");
    }
}
