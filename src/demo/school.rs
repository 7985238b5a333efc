//! The people: the OT and the pupils with their leerkrachten.

use std::collections::HashSet;

use chrono::{Datelike, Duration, NaiveDate};

use super::names::{TEAM, pupil_name, teachers};
use super::rng::Rng;
use super::texts::Who;
use super::writer::Writer;
use crate::domain::{Member, MemberId, Pupil, PupilId, Role};
use crate::error::Result;
use crate::store::TreeId;

/// The school year a day belongs to, by the year it starts in (August on).
pub fn school_year(date: NaiveDate) -> i32 {
    if date.month() >= 8 {
        date.year()
    } else {
        date.year() - 1
    }
}

/// The groep a pupil who is in `groep` on `today` was in on `then`; pupils do not repeat a year
/// in the demo, and one too young for school then counts as groep 1.
pub fn groep_on(groep: u8, today: NaiveDate, then: NaiveDate) -> u8 {
    let back = (school_year(today) - school_year(then)).max(0);
    (i32::from(groep) - back).max(1) as u8
}

pub struct Team {
    pub members: Vec<Member>,
    /// The day the second schoolmaatschappelijk werker took over from the first.
    pub handover: NaiveDate,
}

impl Team {
    pub fn write(writer: &mut Writer<'_>, handover: NaiveDate) -> Result<Team> {
        let mut members = Vec::with_capacity(TEAM.len());
        for (name, role, active) in TEAM {
            let member = Member {
                id: MemberId(writer.id(TreeId::Members)?),
                name: (*name).to_string(),
                role: *role,
                active: *active,
                email: None,
            };
            writer.insert(&member)?;
            members.push(member);
        }
        Ok(Team { members, handover })
    }

    pub fn chair(&self) -> &Member {
        &self.members[0]
    }

    pub fn name(&self, id: MemberId) -> &str {
        self.members
            .iter()
            .find(|m| m.id == id)
            .map_or("", |m| m.name.as_str())
    }

    /// Whether `member` sat in the OT on `date`: the first SMW until the handover, the second after.
    pub fn serves_on(&self, member: &Member, date: NaiveDate) -> bool {
        if member.role != Role::SchoolmaatschappelijkWerker {
            return true;
        }
        member.active == (date >= self.handover)
    }

    /// The member who takes an action meant for `who` on `date`; None for people outside the OT.
    pub fn member_for(&self, who: Who, date: NaiveDate) -> Option<&Member> {
        let role = match who {
            Who::Ib => Role::InternBegeleider,
            Who::Dir => Role::Directeur,
            Who::Jc => Role::Jeugdconsulent,
            Who::Smw => Role::SchoolmaatschappelijkWerker,
            Who::Jvk => Role::Jeugdverpleegkundige,
            Who::Ozg => Role::OnderwijszorgGeneralist,
            Who::Swv => Role::ConsultantSwv,
            Who::Teacher | Who::Mother | Who::Father | Who::Parents => return None,
        };
        self.members
            .iter()
            .find(|m| m.role == role && self.serves_on(m, date))
    }

    pub fn is_leaving(&self, member: MemberId) -> bool {
        self.members.iter().any(|m| m.id == member && !m.active)
    }
}

pub struct Pupils {
    pub list: Vec<Pupil>,
    pub girls: Vec<bool>,
}

pub struct Size {
    pub classes_per_groep: usize,
    pub class_size: (i64, i64),
}

pub fn write_pupils(
    rng: &mut Rng,
    writer: &mut Writer<'_>,
    today: NaiveDate,
    size: &Size,
) -> Result<Pupils> {
    let teacher_names = teachers(rng, 8 * size.classes_per_groep);
    let year = school_year(today);
    // Distinct names while the pools allow: a demo where "Sanne de Vries" means two pupils
    // would only show the ambiguity dialog.
    let mut taken = HashSet::new();
    let mut pupils = Pupils {
        list: Vec::new(),
        girls: Vec::new(),
    };
    for groep in 1..=8u8 {
        // Born between 1 October and 30 September: the intake rule of groep 1.
        let born_from =
            NaiveDate::from_ymd_opt(year - i32::from(groep) - 4, 10, 1).unwrap_or(today);
        for class in 0..size.classes_per_groep {
            let teacher = &teacher_names[(usize::from(groep) - 1) * size.classes_per_groep + class];
            let mut members = Vec::new();
            for _ in 0..rng.range(size.class_size.0, size.class_size.1) {
                let girl = rng.chance(0.5);
                let mut name = pupil_name(rng, girl);
                for _ in 0..20 {
                    let full = (name.first.clone(), name.prefix.clone(), name.last.clone());
                    if taken.insert(full) {
                        break;
                    }
                    name = pupil_name(rng, girl);
                }
                let birth_date = born_from + Duration::days(rng.range(0, 364));
                members.push((name, girl, birth_date));
            }
            // The administration lists a class by last name.
            members.sort_by(|a, b| (&a.0.last, &a.0.first).cmp(&(&b.0.last, &b.0.first)));
            for (name, girl, birth_date) in members {
                let pupil = Pupil {
                    id: PupilId(writer.id(TreeId::Pupils)?),
                    first_name: name.first,
                    prefix: name.prefix,
                    last_name: name.last,
                    groep,
                    birth_date,
                    teacher: teacher.clone(),
                };
                writer.insert(&pupil)?;
                pupils.list.push(pupil);
                pupils.girls.push(girl);
            }
        }
    }
    Ok(pupils)
}
