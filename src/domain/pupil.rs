use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::PupilId;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pupil {
    pub id: PupilId,
    /// Roepnaam: the name the pupil is called by.
    pub first_name: String,
    /// Tussenvoegsel ("van", "de", "el"), empty when there is none.
    #[serde(default)]
    pub prefix: String,
    pub last_name: String,
    /// Groep 1 to 8.
    pub groep: u8,
    pub birth_date: NaiveDate,
    /// The leerkracht, as the administration names them.
    #[serde(default)]
    pub teacher: String,
}

/// A Dutch name written whole: first name, tussenvoegsel (when there is one), last name.
pub fn full_name(first: &str, prefix: &str, last: &str) -> String {
    [first, prefix, last]
        .iter()
        .filter(|part| !part.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

impl Pupil {
    pub fn full_name(&self) -> String {
        full_name(&self.first_name, &self.prefix, &self.last_name)
    }

    /// "S.d.V.": what a shared screen shows of a named pupil who is not being discussed.
    pub fn initials(&self) -> String {
        [&self.first_name, &self.prefix, &self.last_name]
            .iter()
            .filter_map(|part| part.chars().next())
            .map(|c| format!("{c}."))
            .collect()
    }

    /// Age in whole years on `day`; consent rules depend on it (BRIEF §4).
    pub fn age_on(&self, day: NaiveDate) -> u32 {
        day.years_since(self.birth_date).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::pupil;

    #[test]
    fn full_name_skips_an_empty_prefix() {
        assert_eq!(pupil(1, "Sanne", "", "Vries").full_name(), "Sanne Vries");
        assert_eq!(
            pupil(1, "Sanne", "de", "Vries").full_name(),
            "Sanne de Vries"
        );
    }

    #[test]
    fn initials_take_the_prefix_too() {
        assert_eq!(pupil(1, "Sanne", "", "Vries").initials(), "S.V.");
        assert_eq!(pupil(1, "Sanne", "de", "Vries").initials(), "S.d.V.");
    }

    #[test]
    fn age_counts_whole_years() {
        let p = pupil(1, "Sanne", "", "Vries");
        assert_eq!(p.age_on(NaiveDate::from_ymd_opt(2026, 3, 13).unwrap()), 8);
        assert_eq!(p.age_on(NaiveDate::from_ymd_opt(2026, 3, 14).unwrap()), 9);
    }
}
