//! Search finds what the team wrote in a case's form, not only its hulpvraag: hypotheses, the
//! research decision, the goals and the three circles, each shown under the case's subject.

use chrono::NaiveDate;

use crate::domain::{Case, CaseId, Consent, Pupil, PupilId};
use crate::query::search::{Audience, HitKind, SearchIndex};

fn case_with_a_form(consent: Consent) -> (Pupil, Case) {
    let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let pupil = Pupil {
        id: PupilId(1),
        first_name: "Sanne".into(),
        prefix: "de".into(),
        last_name: "Vries".into(),
        groep: 5,
        birth_date: NaiveDate::from_ymd_opt(2016, 1, 1).unwrap(),
        teacher: String::new(),
    };
    let mut case = Case::signal(
        (CaseId(7), crate::domain::Pseudonym::from_random(7, 2)),
        pupil.id,
        "Wat heeft zij nodig bij rekenen?".into(),
        "signaal".into(),
        day,
    );
    case.consent = consent;
    case.hypotheses = "Mogelijk dyscalculie".into();
    case.research_decision = "Didactisch onderzoek door de orthopedagoog".into();
    case.goals = vec!["Tafels tot tien automatiseren".into()];
    case.circles.child.plus = "Doorzetter".into();
    case.circles.education.minus = "Grote klas".into();
    case.circles.upbringing.unknown = "Huiswerkbegeleiding".into();
    (pupil, case)
}

#[test]
fn hypotheses_research_goals_and_circles_are_found_under_their_case() {
    let (pupil, case) = case_with_a_form(Consent::Yes);
    let index = SearchIndex::new([pupil], [case], [], [], []);
    for (query, text) in [
        ("dyscalculie", "Mogelijk dyscalculie"),
        (
            "orthopedagoog",
            "Didactisch onderzoek door de orthopedagoog",
        ),
        ("tafels", "Tafels tot tien automatiseren"),
        ("doorzetter", "Doorzetter"),
        ("grote klas", "Grote klas"),
        ("huiswerkbegeleiding", "Huiswerkbegeleiding"),
    ] {
        let found = index.matches(query, Audience::Private, 10);
        let hits: Vec<_> = found.hits().collect();
        assert_eq!(hits.len(), 1, "{query}: {hits:?}");
        assert_eq!(hits[0].kind, HitKind::Case);
        assert_eq!(hits[0].id, 7);
        assert_eq!(hits[0].text, text);
        assert_eq!(hits[0].subject, "Sanne de Vries");
    }
}

#[test]
fn a_form_s_text_of_an_anonymous_case_is_shown_under_its_pseudonym() {
    let (pupil, case) = case_with_a_form(Consent::Anonymous);
    let pseudonym = case.pseudonym();
    let index = SearchIndex::new([pupil], [case], [], [], []);
    let found = index.matches("dyscalculie", Audience::Private, 10);
    let hits: Vec<_> = found.hits().collect();
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].subject, pseudonym);
}
