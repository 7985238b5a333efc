//! The pupil's fields, the column headers that name them in Dutch and English exports, and
//! the mapping a person gives when a header is not recognised (`--map roepnaam=Voornaam`).

use serde::Serialize;

use super::ImportError;
use crate::domain::fold::fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    FirstName,
    Prefix,
    LastName,
    Groep,
    BirthDate,
    Teacher,
}

impl Field {
    pub const ALL: [Field; 6] = [
        Field::FirstName,
        Field::Prefix,
        Field::LastName,
        Field::Groep,
        Field::BirthDate,
        Field::Teacher,
    ];

    /// The name `--map` and the docs use.
    pub fn key(self) -> &'static str {
        match self {
            Field::FirstName => "roepnaam",
            Field::Prefix => "tussenvoegsel",
            Field::LastName => "achternaam",
            Field::Groep => "groep",
            Field::BirthDate => "geboortedatum",
            Field::Teacher => "leerkracht",
        }
    }

    /// Other names `--map` accepts for the field.
    fn other_keys(self) -> &'static [&'static str] {
        match self {
            Field::FirstName => &["voornaam", "first_name", "firstname"],
            Field::Prefix => &["voorvoegsel", "prefix"],
            Field::LastName => &["last_name", "lastname", "surname"],
            Field::Groep => &["klas", "group", "class"],
            Field::BirthDate => &["birth_date", "birthdate", "date_of_birth"],
            Field::Teacher => &["teacher"],
        }
    }

    /// Column headers that name the field, folded to letters and digits, best first: a file
    /// with both "Roepnaam" and "Voornaam" takes the roepnaam.
    pub fn headers(self) -> &'static [&'static str] {
        match self {
            Field::FirstName => &[
                "roepnaam",
                "roepnaamleerling",
                "voornaam",
                "voornaamleerling",
                "firstname",
                "preferredname",
                "givenname",
                "forename",
            ],
            Field::Prefix => &[
                "tussenvoegsel",
                "tussenvoegsels",
                "voorvoegsel",
                "voorvoegsels",
                "tussenv",
                "prefix",
                "surnameprefix",
                "nameprefix",
            ],
            Field::LastName => &[
                "achternaam",
                "achternaamleerling",
                "geslachtsnaam",
                "lastname",
                "surname",
                "familyname",
            ],
            Field::Groep => &[
                "groep",
                "jaargroep",
                "stamgroep",
                "groepsnaam",
                "klas",
                "group",
                "class",
                "grade",
                "yeargroup",
            ],
            Field::BirthDate => &[
                "geboortedatum",
                "gebdatum",
                "geboren",
                "dateofbirth",
                "birthdate",
                "dob",
            ],
            Field::Teacher => &[
                "leerkracht",
                "leerkrachten",
                "groepsleerkracht",
                "mentor",
                "docent",
                "teacher",
                "classteacher",
            ],
        }
    }

    /// Without these a row cannot become a pupil.
    pub fn required(self) -> bool {
        !matches!(self, Field::Prefix | Field::Teacher)
    }

    fn named(key: &str) -> Option<Field> {
        let key = key.trim().to_lowercase();
        Field::ALL
            .into_iter()
            .find(|field| field.key() == key || field.other_keys().contains(&key.as_str()))
    }
}

/// A header as it is compared: folded, letters and digits only ("Geb. datum" → "gebdatum").
pub fn normal(header: &str) -> String {
    fold(header)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

/// Where a mapped field is: a column header or a column number (from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Column {
    Header(String),
    Number(usize),
}

/// Fields given a column explicitly; the others are found by their header.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mapping {
    columns: Vec<(Field, Column)>,
}

impl Mapping {
    /// From `--map FIELD=COLUMN` arguments, each checked: an unknown field is an error, not a
    /// silently ignored typo.
    pub fn parse<S: AsRef<str>>(specs: &[S]) -> Result<Mapping, ImportError> {
        let mut mapping = Mapping::default();
        for spec in specs {
            let spec = spec.as_ref();
            let (key, column) = spec
                .split_once('=')
                .ok_or_else(|| ImportError::BadMapping(spec.to_string()))?;
            let field =
                Field::named(key).ok_or_else(|| ImportError::UnknownField(key.trim().into()))?;
            let column = column.trim();
            if column.is_empty() {
                return Err(ImportError::BadMapping(spec.to_string()));
            }
            let column = match column.parse::<usize>() {
                Ok(number) => Column::Number(number),
                Err(_) => Column::Header(column.to_string()),
            };
            mapping.columns.retain(|(f, _)| *f != field);
            mapping.columns.push((field, column));
        }
        Ok(mapping)
    }

    pub fn is_empty(&self) -> bool {
        self.columns.is_empty()
    }

    /// The column index of every field found, given the file's header row.
    pub fn resolve(&self, headers: &[String]) -> Result<[Option<usize>; 6], ImportError> {
        let normals: Vec<String> = headers.iter().map(|h| normal(h)).collect();
        let mut found = [None; 6];
        for (slot, field) in found.iter_mut().zip(Field::ALL) {
            *slot = match self.columns.iter().find(|(f, _)| *f == field) {
                Some((_, Column::Number(number))) => {
                    if *number == 0 || *number > headers.len() {
                        return Err(ImportError::ColumnOutOfRange(*number, headers.len()));
                    }
                    Some(number - 1)
                }
                Some((_, Column::Header(name))) => {
                    let wanted = normal(name);
                    let index = normals
                        .iter()
                        .position(|h| !wanted.is_empty() && *h == wanted);
                    Some(index.ok_or_else(|| {
                        ImportError::UnknownColumn(name.clone(), headers.to_vec())
                    })?)
                }
                None => field
                    .headers()
                    .iter()
                    .find_map(|alias| normals.iter().position(|h| h == alias)),
            };
        }
        for (slot, field) in found.iter().zip(Field::ALL) {
            if slot.is_none() && field.required() {
                return Err(ImportError::MissingColumn(field, headers.to_vec()));
            }
        }
        Ok(found)
    }
}
