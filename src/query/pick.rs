//! Picking a pupil by a few typed letters, fuzzy and ranked (nucleo). Names are matched in
//! their folded form: nucleo leaves its fast ASCII path for a name holding one diacritic, and
//! folding lets `celik` find Çelik. What is shown is the name as the administration spells it.

use std::cmp::Reverse;

use chrono::NaiveDate;

use super::fuzzy::{Finder, Key, Score, Words};
use crate::domain::{Pupil, PupilId};
use crate::error::Result;
use crate::store::Store;

#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    id: PupilId,
    key: Key,
    name: String,
    initials: String,
    groep: u8,
    birth_date: NaiveDate,
}

/// A pupil found, with what tells namesakes apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PupilMatch {
    pub id: PupilId,
    pub name: String,
    /// What the shared screen shows while others still match (`docs/privacy.md`).
    pub initials: String,
    pub groep: u8,
    pub birth_date: NaiveDate,
}

/// Every pupil, read once and folded once, ready to be matched on each key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PupilPicker {
    entries: Vec<Entry>,
}

impl PupilPicker {
    pub fn load(store: &Store) -> Result<PupilPicker> {
        let pupils = store
            .all::<Pupil>()
            .collect::<std::result::Result<Vec<_>, _>>()?;
        Ok(PupilPicker::new(pupils))
    }

    pub fn new(pupils: impl IntoIterator<Item = Pupil>) -> PupilPicker {
        let entries = pupils
            .into_iter()
            .map(|pupil| {
                let name = pupil.full_name();
                Entry {
                    id: pupil.id,
                    key: Key::new(&name),
                    name,
                    initials: pupil.initials(),
                    groep: pupil.groep,
                    birth_date: pupil.birth_date,
                }
            })
            .collect();
        PupilPicker { entries }
    }

    /// The best `limit` pupils for `query`, best first.
    pub fn matches(&self, query: &str, limit: usize) -> Vec<PupilMatch> {
        let words = Words::parse(query);
        let mut finder = Finder::default();
        let mut found: Vec<(Score, &Entry)> = self
            .entries
            .iter()
            .filter_map(|entry| Some((finder.score(entry.key.as_ref(), &words)?, entry)))
            .collect();
        // Of two equal scores the earlier match wins ("zoe" puts Zoë Çelik before Mo
        // Zoeteman), then the name. nucleo's own `prefer_prefix` is too strong for names: it
        // ranks "Cees Lik" above "Zoë Çelik" for "celik".
        found.sort_by_key(|(score, entry)| rank(*score, entry));
        found.truncate(limit);
        found
            .into_iter()
            .map(|(_, entry)| PupilMatch {
                id: entry.id,
                name: entry.name.clone(),
                initials: entry.initials.clone(),
                groep: entry.groep,
                birth_date: entry.birth_date,
            })
            .collect()
    }
}

fn rank(score: Score, entry: &Entry) -> (Reverse<u32>, u32, &Key, u64) {
    (Reverse(score.score), score.start, &entry.key, entry.id.0)
}

/// Whether `query` has enough letters to be matched at all.
pub fn long_enough(query: &str) -> bool {
    Words::parse(query).long_enough()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A pupil of the kit in `groep`, each born on another day.
    fn in_groep(id: u64, first: &str, prefix: &str, last: &str, groep: u8) -> Pupil {
        Pupil {
            groep,
            birth_date: NaiveDate::from_ymd_opt(2016, 1, id as u32).unwrap(),
            ..crate::testkit::pupil(id, first, prefix, last)
        }
    }

    fn school() -> PupilPicker {
        PupilPicker::new([
            in_groep(1, "Cees", "", "Lik", 3),
            in_groep(2, "Zoë", "", "Çelik", 5),
            in_groep(3, "Zoe", "", "Jansen", 4),
            in_groep(4, "Sanne", "de", "Vries", 6),
            in_groep(5, "Sanne", "", "Bakker", 2),
            in_groep(6, "Sam", "", "Bakker", 7),
            in_groep(7, "Joris", "", "Groß", 8),
            in_groep(8, "Mo", "", "Zoeteman", 1),
        ])
    }

    fn names(found: &[PupilMatch]) -> Vec<&str> {
        found.iter().map(|m| m.name.as_str()).collect()
    }

    #[test]
    fn celik_finds_celik_first() {
        let found = school().matches("celik", 5);
        assert_eq!(found[0].name, "Zoë Çelik", "{:?}", names(&found));
    }

    #[test]
    fn letters_scattered_over_a_name_are_no_match_but_a_typo_is() {
        let picker = PupilPicker::new(vec![
            in_groep(1, "Zoë", "", "Çelik", 5),
            in_groep(2, "Alicja", "", "Zielińska", 6),
            in_groep(3, "Sanne", "de", "Vries", 4),
        ]);
        assert_eq!(names(&picker.matches("celik", 5)), ["Zoë Çelik"]);
        assert_eq!(
            names(&picker.matches("cleik", 5)),
            Vec::<&str>::new(),
            "letters out of order are not a subsequence"
        );
        assert_eq!(
            names(&picker.matches("celk", 5)),
            ["Zoë Çelik"],
            "one left out"
        );
        assert_eq!(names(&picker.matches("snne vrie", 5)), ["Sanne de Vries"]);
    }

    #[test]
    fn zoe_finds_zoe_with_and_without_diacritic_ties_by_name() {
        let found = school().matches("zoe", 5);
        assert_eq!(names(&found)[..2], ["Zoë Çelik", "Zoe Jansen"]);
        let typed = school().matches("ZOË", 5);
        assert_eq!(names(&typed), names(&found), "the query is folded too");
    }

    #[test]
    fn words_match_on_their_own_and_the_limit_holds() {
        assert_eq!(
            names(&school().matches("sanne vries", 5)),
            ["Sanne de Vries"]
        );
        let bakker = school().matches("bakker", 1);
        assert_eq!(names(&bakker), ["Sam Bakker"], "nearer the start, then cut");
        assert_eq!(school().matches("a", 5), vec![]);
        assert!(school().matches("an", 5).len() <= 5);
        assert_eq!(school().matches("an", 2).len(), 2);
    }

    #[test]
    fn fewer_than_two_letters_finds_no_one() {
        for query in ["", " ", "s", " z ", "ë"] {
            assert_eq!(school().matches(query, 5), vec![], "{query:?}");
        }
    }

    #[test]
    fn a_folded_letter_finds_the_name_as_spelled() {
        let found = school().matches("gross", 5);
        assert_eq!(found[0].name, "Joris Groß");
    }
}
