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

/// An owner typed with a groep on a case not named ("juf Sanne van groep 4" beside a
/// pseudonym) is saved as typed, and the status line warns; on a case with "ja" it does not.
#[test]
fn an_owner_with_a_groep_on_an_unnamed_case_is_saved_with_a_warning() {
    use crate::app::Command;
    use crate::testkit::app::{act, answer, current, on_case};
    let owner = "juf Sanne van groep 4";
    for consent in [Consent::Anonymous, Consent::Yes] {
        let (dir, store, mut model, mut view) = on_case(|brief| brief.case.consent == consent);
        let case = current(&model).case.id;
        act(&store, &mut model, &mut view, Command::AddAction);
        answer(&store, &mut model, &mut view, "Gesprek over het lezen");
        answer(&store, &mut model, &mut view, owner);
        answer(&store, &mut model, &mut view, "vr");
        let flash = view.flash.clone().unwrap_or_default();
        let warned = flash.contains(model.lang.texts().privacy.owner_names_groep);
        assert_eq!(warned, consent != Consent::Yes, "{consent:?}: {flash}");
        drop(store);
        let store = crate::store::Store::open(dir.path()).unwrap();
        let saved = store
            .actions_of_meeting(model.meeting.as_ref().unwrap().meeting.id)
            .unwrap()
            .into_iter()
            .find(|action| action.case == Some(case) && action.text == "Gesprek over het lezen")
            .expect("saved all the same");
        assert_eq!(saved.owner, Owner::Other(owner.into()));
    }
}
