//! Who is asked to come: the active team, each invited unless the chair says otherwise, and
//! guests (a leerkracht, parents). The meeting's attendance is the invitation list; the roll
//! call at the opening starts from it.

use super::{Ask, PrepareView, Refusal, ask, save};
use crate::app::{Effect, Model, View};
use crate::domain::Role;
use crate::domain::fold::fold;
use crate::domain::meeting::{Attendance, Attendee, Presence};
use crate::i18n::Lang;
use crate::query::prepare::Preparation;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Invite {
    Invited,
    /// Has sent word they cannot come (afgemeld).
    Excused,
    NotInvited,
}

/// One row of the participants pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub who: Attendee,
    pub invite: Invite,
}

/// The active team first, then the guests.
pub fn rows(preparation: &Preparation) -> Vec<Row> {
    let attendance = &preparation.meeting.attendance;
    let invite = |presence| match presence {
        Presence::AbsentWithNotice | Presence::Absent => Invite::Excused,
        Presence::NotRecorded | Presence::Present => Invite::Invited,
    };
    let members = preparation.members.iter().map(|member| {
        let who = Attendee::Member(member.id);
        let invite = attendance
            .iter()
            .find(|a| a.who == who)
            .map_or(Invite::NotInvited, |a| invite(a.presence));
        Row { who, invite }
    });
    let guests = attendance
        .iter()
        .filter(|a| matches!(a.who, Attendee::Guest { .. }))
        .map(|a| Row {
            who: a.who.clone(),
            invite: invite(a.presence),
        });
    members.chain(guests).collect()
}

/// Space: invited → excused → not invited (a guest leaves the list) → invited. At least one
/// member stays on the list, or the roll call would take it for a list nobody prepared.
pub fn toggle(preparation: &mut Preparation, state: &mut PrepareView) -> Result<bool, Refusal> {
    let Some(row) = rows(preparation).into_iter().nth(state.person) else {
        return Ok(false);
    };
    let attendance = &mut preparation.meeting.attendance;
    let at = attendance.iter().position(|a| a.who == row.who);
    match (row.invite, at) {
        (Invite::Invited, Some(at)) => attendance[at].presence = Presence::AbsentWithNotice,
        (Invite::Excused, Some(at)) => {
            let members = attendance
                .iter()
                .filter(|a| matches!(a.who, Attendee::Member(_)))
                .count();
            if matches!(row.who, Attendee::Member(_)) && members == 1 {
                return Err(Refusal::LastInvited);
            }
            attendance.remove(at);
        }
        (_, _) => attendance.push(Attendance {
            who: row.who,
            presence: Presence::NotRecorded,
        }),
    }
    state.person = state.person.min(rows(preparation).len().saturating_sub(1));
    Ok(true)
}

/// Guests are most often the pupil's leerkracht or parents: those roles win a tie.
const GUEST_ROLES: [Role; 3] = [Role::Leerkracht, Role::Ouder, Role::Overig];

/// Words for a parent that name no role of the catalog.
const PARENT_WORDS: [&str; 6] = ["moeder", "vader", "verzorger", "mother", "father", "carer"];

/// The role a person means, typed in Dutch or English: the start of any word of its name.
pub fn role_for(typed: &str) -> Option<Role> {
    let wanted = fold(typed.trim());
    if wanted.is_empty() {
        return None;
    }
    if PARENT_WORDS.iter().any(|word| word.starts_with(&wanted)) {
        return Some(Role::Ouder);
    }
    let others = Role::ALL.into_iter().filter(|r| !GUEST_ROLES.contains(r));
    GUEST_ROLES.into_iter().chain(others).find(|&role| {
        [Lang::Nl, Lang::En]
            .iter()
            .any(|lang| starts_a_word(&fold(lang.texts().role(role)), &wanted))
    })
}

/// A guest's role as typed: a role of the catalog when the text names one ("leerk", "moeder"),
/// else the text itself as the role's own words, under the role its first word names
/// ("leerkracht groep 5" is a leerkracht) or under "overig".
pub fn guest_role(typed: &str) -> (Role, String) {
    let typed = typed.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(role) = role_for(&typed) {
        return (role, String::new());
    }
    let first = typed.split(' ').next().unwrap_or_default();
    (role_for(first).unwrap_or(Role::Overig), typed)
}

/// Whether `wanted` begins at the start of the text or of a word in it.
fn starts_a_word(text: &str, wanted: &str) -> bool {
    let mut after_gap = true;
    text.char_indices().any(|(at, c)| {
        let starts = after_gap && text[at..].starts_with(wanted);
        after_gap = !c.is_alphanumeric();
        starts
    })
}

/// `g`: the guest's name, then their role.
pub fn answer(model: &mut Model, view: &mut View, question: Ask, text: String) -> Vec<Effect> {
    let t = model.lang.texts();
    let Some(preparation) = model.prepare.as_mut() else {
        return Vec::new();
    };
    match question {
        Ask::GuestName if text.is_empty() => {
            view.flash = Some(t.flash_answer_needed.to_string());
            ask(view, Ask::GuestName);
        }
        Ask::GuestName => ask(view, Ask::GuestRole { name: text }),
        Ask::GuestRole { name } if text.trim().is_empty() => {
            view.flash = Some(t.flash_answer_needed.to_string());
            ask(view, Ask::GuestRole { name });
        }
        Ask::GuestRole { name } => {
            let (role, title) = guest_role(&text);
            preparation.meeting.attendance.push(Attendance {
                who: Attendee::Guest { name, role, title },
                presence: Presence::NotRecorded,
            });
            view.prepare.on_team = true;
            view.prepare.person = rows(preparation).len() - 1;
            return save(preparation);
        }
        Ask::Date | Ask::Time { .. } | Ask::Place { .. } | Ask::ItemTitle => {}
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_guest_role_is_found_in_either_language_and_by_the_start_of_a_word() {
        assert_eq!(role_for("leerkracht"), Some(Role::Leerkracht));
        assert_eq!(
            role_for("Teacher"),
            Some(Role::Leerkracht),
            "a tie goes to a guest role"
        );
        assert_eq!(role_for("ouder"), Some(Role::Ouder));
        assert_eq!(role_for("parent"), Some(Role::Ouder));
        assert_eq!(role_for("moeder"), Some(Role::Ouder));
        assert_eq!(role_for("jeugdarts"), Some(Role::Jeugdverpleegkundige));
        assert_eq!(role_for("youth doc"), Some(Role::Jeugdverpleegkundige));
        assert_eq!(role_for("intern begeleider"), Some(Role::InternBegeleider));
        assert_eq!(role_for("SMW"), None, "no such word");
        assert_eq!(role_for("  "), None);
    }

    #[test]
    fn a_guest_role_the_catalog_lacks_is_kept_in_the_chair_s_words() {
        assert_eq!(guest_role("leerk"), (Role::Leerkracht, String::new()));
        assert_eq!(
            guest_role(" leerkracht  groep 5 "),
            (Role::Leerkracht, "leerkracht groep 5".into())
        );
        assert_eq!(guest_role("tante"), (Role::Overig, "tante".into()));
    }
}
