//! `otter team`: the members of the team, and a member's e-mail address, which a meeting's
//! invitation (`otter export invitation`) is sent to.

use std::io::{self, Write};

use super::print;
use crate::domain::Member;
use crate::domain::fold::fold;
use crate::error::{Error, Result};
use crate::i18n::Texts;
use crate::store::Store;

/// Lists the members; with a name, that member; with `--email`, sets (or with "" clears) the
/// member's address first.
pub fn run(
    store: &Store,
    name: &[String],
    email: Option<&str>,
    t: &Texts,
    out: &mut impl Write,
    json: bool,
) -> Result<io::Result<()>> {
    let name = name.join(" ");
    if name.trim().is_empty() {
        let members: Vec<Member> = store
            .all::<Member>()
            .collect::<std::result::Result<_, _>>()?;
        return Ok(if json {
            print::json(out, &members)
        } else if members.is_empty() {
            print::line(out, t.cli.team_none)
        } else {
            members
                .iter()
                .try_for_each(|member| print::line(out, &member_line(member, t)))
        });
    }
    let mut member = find(store, &name)?;
    let Some(email) = email else {
        return Ok(if json {
            print::json(out, &member)
        } else {
            print::line(out, &member_line(&member, t))
        });
    };
    let email = email.trim();
    member.email = if email.is_empty() {
        None
    } else if is_address(email) {
        Some(email.to_string())
    } else {
        return Err(Error::BadEmail(email.to_string()));
    };
    store.save(&member)?;
    Ok(if json {
        print::json(out, &member)
    } else {
        match &member.email {
            Some(email) => print::line(out, &(t.cli.email_set)(&member.name, email)),
            None => print::line(out, &(t.cli.email_cleared)(&member.name)),
        }
    })
}

fn member_line(member: &Member, t: &Texts) -> String {
    let email = member.email.as_deref().unwrap_or(t.cli.team_no_email);
    format!("{} · {} · {email}", member.name, t.role(member.role))
}

/// The member a person means: the whole name, or a part of one member's name.
fn find(store: &Store, name: &str) -> Result<Member> {
    let wanted = fold(name.trim());
    let members: Vec<Member> = store
        .all::<Member>()
        .collect::<std::result::Result<_, _>>()?;
    if let Some(exact) = members.iter().find(|m| fold(&m.name) == wanted) {
        return Ok(exact.clone());
    }
    let mut partial: Vec<Member> = members
        .into_iter()
        .filter(|m| fold(&m.name).contains(&wanted))
        .collect();
    match partial.len() {
        0 => Err(Error::NoOwner(name.trim().to_string())),
        1 => Ok(partial.remove(0)),
        _ => Err(Error::Ambiguous(
            name.trim().to_string(),
            partial.into_iter().map(|m| m.name).collect(),
        )),
    }
}

/// An address an invitation can go to: one `@` with text on both sides, a dot in the domain,
/// and nothing that would break the calendar line it is written on (`mailto:` takes no
/// spaces, quotes, `;`, `,` or `:`).
pub fn is_address(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let plain = |part: &str| {
        !part.is_empty()
            && part
                .chars()
                .all(|c| c.is_alphanumeric() || "._%+-'".contains(c))
    };
    plain(local) && plain(domain) && domain.contains('.') && !domain.starts_with('.')
}

#[cfg(test)]
mod tests {
    use super::is_address;

    #[test]
    fn an_address_is_one_at_sign_between_plain_parts() {
        for good in [
            "ib@school.nl",
            "m.de.vries+ot@obs-otterveld.nl",
            "jan'o@x.be",
        ] {
            assert!(is_address(good), "{good}");
        }
        for bad in [
            "",
            "ib",
            "ib@",
            "@school.nl",
            "ib@school",
            "a@b@c.nl",
            "ib @school.nl",
            "ib@school.nl;ROLE=CHAIR",
            "ib@school.nl:x",
            "\"ib\"@school.nl",
            "ib@.nl",
        ] {
            assert!(!is_address(bad), "{bad}");
        }
    }
}
