//! EDEXML, the exchange format of the Dutch pupil administrations (edustandaard.nl): a
//! `school`, `groepen` (each `groep` with a key, `naam` and `jaargroep`), `leerlingen` (each
//! `leerling` with `achternaam`, `voorvoegsel`, `roepnaam`, `geboortedatum`, `jaargroep` and a
//! `groep` key) and `leerkrachten` (each with the keys of their `groepen`). Elements are read
//! by their local name, so any namespace prefix and elements otter does not use are fine.

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use super::ImportError;
use super::text::Lines;
use super::values::{BadRow, RawRow};

/// Whether the text is XML rather than CSV: decided by content, not by the file's name.
pub fn looks_like_xml(text: &str) -> bool {
    text.trim_start().starts_with('<')
}

#[derive(Default)]
struct Group {
    name: String,
    jaargroep: String,
}

#[derive(Default)]
struct PupilXml {
    line: usize,
    first_name: String,
    prefix: String,
    last_name: String,
    birth_date: String,
    jaargroep: String,
    group: Option<String>,
}

#[derive(Default)]
struct TeacherXml {
    first_name: String,
    prefix: String,
    last_name: String,
    groups: Vec<String>,
}

impl TeacherXml {
    fn name(&self) -> String {
        crate::domain::pupil::full_name(&self.first_name, &self.prefix, &self.last_name)
    }
}

/// What is being read: the element names from the root down.
#[derive(Default)]
struct Walk {
    path: Vec<String>,
    text: String,
    groups: HashMap<String, Group>,
    group: Option<(String, Group)>,
    pupils: Vec<PupilXml>,
    pupil: Option<PupilXml>,
    teachers: Vec<TeacherXml>,
    teacher: Option<TeacherXml>,
    saw_pupils: bool,
}

impl Walk {
    fn parent(&self) -> &str {
        self.path.last().map_or("", String::as_str)
    }

    fn open(&mut self, element: &BytesStart, line: usize, empty: bool) {
        let name = local(element);
        let key = attribute(element, "key");
        match (self.parent(), name.as_str()) {
            ("leerlingen", "leerling") if !empty => {
                self.pupil = Some(PupilXml {
                    line,
                    ..PupilXml::default()
                });
            }
            ("leerling", "groep") => {
                if let Some(pupil) = self.pupil.as_mut() {
                    pupil.group = key;
                }
            }
            ("groepen", "groep") if self.teacher.is_some() => {
                if let (Some(teacher), Some(key)) = (self.teacher.as_mut(), key) {
                    teacher.groups.push(key);
                }
            }
            ("groepen", "groep") if !empty => {
                self.group = Some((key.unwrap_or_default(), Group::default()));
            }
            ("leerkrachten", "leerkracht") if !empty => self.teacher = Some(TeacherXml::default()),
            (_, "leerlingen") => self.saw_pupils = true,
            _ => {}
        }
        if !empty {
            self.path.push(name);
        }
        self.text.clear();
    }

    fn close(&mut self) {
        let name = self.path.pop().unwrap_or_default();
        let value = std::mem::take(&mut self.text).trim().to_string();
        match (self.parent(), name.as_str()) {
            ("leerlingen", "leerling") => self.pupils.extend(self.pupil.take()),
            ("groepen", "groep") if self.teacher.is_none() => {
                if let Some((key, group)) = self.group.take() {
                    self.groups.insert(key, group);
                }
            }
            ("leerkrachten", "leerkracht") => self.teachers.extend(self.teacher.take()),
            ("leerling", field) => {
                if let Some(pupil) = self.pupil.as_mut() {
                    let slot = match field {
                        "roepnaam" => &mut pupil.first_name,
                        "voorvoegsel" => &mut pupil.prefix,
                        "achternaam" => &mut pupil.last_name,
                        "geboortedatum" => &mut pupil.birth_date,
                        "jaargroep" => &mut pupil.jaargroep,
                        _ => return,
                    };
                    *slot = value;
                }
            }
            ("groep", field) => {
                if let Some((_, group)) = self.group.as_mut() {
                    match field {
                        "naam" => group.name = value,
                        "jaargroep" => group.jaargroep = value,
                        _ => {}
                    }
                }
            }
            ("leerkracht", field) => {
                if let Some(teacher) = self.teacher.as_mut() {
                    match field {
                        "roepnaam" => teacher.first_name = value,
                        "voorvoegsel" => teacher.prefix = value,
                        "achternaam" => teacher.last_name = value,
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }

    /// Each pupil with the jaargroep of their groep when they have none of their own, and the
    /// leerkrachten of that groep.
    fn rows(self) -> Vec<Result<RawRow, BadRow>> {
        let mut teachers_of: HashMap<&str, Vec<String>> = HashMap::new();
        for teacher in &self.teachers {
            for group in &teacher.groups {
                teachers_of
                    .entry(group.as_str())
                    .or_default()
                    .push(teacher.name());
            }
        }
        let has_teachers = !self.teachers.is_empty();
        self.pupils
            .into_iter()
            .map(|pupil| {
                let group = pupil.group.as_deref().and_then(|key| self.groups.get(key));
                let groep = match (&pupil.jaargroep, group) {
                    (own, _) if !own.is_empty() => own.clone(),
                    (_, Some(group)) if !group.jaargroep.is_empty() => group.jaargroep.clone(),
                    (_, Some(group)) => group.name.clone(),
                    _ => String::new(),
                };
                let teacher = pupil
                    .group
                    .as_deref()
                    .and_then(|key| teachers_of.get(key))
                    .map(|names| names.join(", "));
                Ok(RawRow {
                    line: pupil.line,
                    first_name: pupil.first_name,
                    prefix: Some(pupil.prefix),
                    last_name: pupil.last_name,
                    groep,
                    birth_date: pupil.birth_date,
                    // A file without leerkrachten says nothing about them: keep what otter has.
                    teacher: teacher.or_else(|| has_teachers.then(String::new)),
                })
            })
            .collect()
    }
}

fn local(element: &BytesStart) -> String {
    element.local_name().as_ref().to_string()
}

fn attribute(element: &BytesStart, name: &str) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.normalized_value(XmlVersion::Implicit1_0).ok())
        .map(|value| value.trim().to_string())
}

pub fn rows(text: &str) -> Result<Vec<Result<RawRow, BadRow>>, ImportError> {
    let mut reader = Reader::from_str(text);
    let mut lines = Lines::new(text);
    let mut walk = Walk::default();
    loop {
        let event = reader.read_event().map_err(|err| ImportError::Xml {
            line: lines.at(reader.error_position() as usize),
            detail: err.to_string(),
        })?;
        match event {
            Event::Start(element) => {
                let line = lines.at(reader.buffer_position() as usize);
                walk.open(&element, line, false);
            }
            Event::Empty(element) => {
                let line = lines.at(reader.buffer_position() as usize);
                walk.open(&element, line, true);
            }
            Event::End(_) => walk.close(),
            Event::Text(content) => walk.text.push_str(&content.xml10_content()),
            Event::CData(content) => walk.text.push_str(&content.xml10_content()),
            Event::GeneralRef(reference) => {
                if let Ok(Some(c)) = reference.resolve_char_ref() {
                    walk.text.push(c);
                } else if let Some(known) = quick_xml::escape::resolve_predefined_entity(&reference)
                {
                    walk.text.push_str(known);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !walk.saw_pupils {
        return Err(ImportError::NotEdexml);
    }
    Ok(walk.rows())
}
