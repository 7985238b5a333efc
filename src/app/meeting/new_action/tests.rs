use super::*;
use crate::domain::{MemberId, Role};

fn members() -> Vec<Member> {
    let member = |id, name: &str, active| Member {
        id: MemberId(id),
        name: name.into(),
        role: Role::Jeugdconsulent,
        active,
        email: None,
    };
    vec![
        member(1, "Fatma Özkan", true),
        member(2, "Fatima Benali", true),
        member(3, "Rachid Amezian", true),
        member(4, "Ruud Oud", false),
    ]
}

#[test]
fn owners_are_members_when_the_name_says_so_and_free_text_otherwise() {
    assert_eq!(
        owner_for("fatma ozkan", &members()),
        Owner::Member(MemberId(1))
    );
    assert_eq!(owner_for("Rach", &members()), Owner::Member(MemberId(3)));
    assert_eq!(
        owner_for("Fat", &members()),
        Owner::Other("Fat".into()),
        "two members"
    );
    assert_eq!(
        owner_for("Ruud", &members()),
        Owner::Other("Ruud".into()),
        "no longer active"
    );
    assert_eq!(
        owner_for("Ruud Oud", &members()),
        Owner::Member(MemberId(4)),
        "unless named in full"
    );
    assert_eq!(
        owner_for(" moeder ", &members()),
        Owner::Other("moeder".into())
    );
}
