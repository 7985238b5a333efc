use super::*;
use crate::domain::case::{Circle, Circles, Consent, Level};
use crate::domain::{ActionId, CaseId, MemberId, Owner, PupilId};
use crate::testkit::day;

/// A case at `phase` with nothing recorded.
fn bare_case(phase: &str) -> Case {
    Case {
        level: Level::new(2).unwrap(),
        ..Case::signal(
            (CaseId(1), crate::domain::Pseudonym::from_random(1, 2)),
            PupilId(1),
            String::new(),
            phase.into(),
            day(2),
        )
    }
}

fn action_for(case: CaseId, status: ActionStatus) -> Action {
    Action {
        id: ActionId(1),
        text: "Gesprek met ouders".into(),
        owner: Owner::Member(MemberId(1)),
        due: day(30),
        status,
        created: day(2),
        meeting: None,
        case: Some(case),
        agenda_item: None,
        carried_through: vec![],
    }
}

/// Records exactly what `requirement` asks, and nothing else.
fn record(case: &mut Case, actions: &mut Vec<Action>, requirement: Requirement) {
    let circle = || Circle {
        plus: "leest graag".into(),
        ..Circle::default()
    };
    match requirement {
        Requirement::SignalledBy => case.signalled_by = "leerkracht groep 5".into(),
        Requirement::Question => case.question = "Hoe helpen we haar bij rekenen?".into(),
        Requirement::Consent => case.consent = Consent::Yes,
        Requirement::Circles => {
            case.circles = Circles {
                child: circle(),
                education: circle(),
                upbringing: circle(),
            }
        }
        Requirement::Hypotheses => case.hypotheses = "Mogelijk dyscalculie".into(),
        Requirement::ResearchDecision => case.research_decision = "Geen onderzoek nu".into(),
        Requirement::Goal => case.goals = vec!["Tafels van 1-5 beheersen".into()],
        Requirement::Action => actions.push(action_for(case.id, ActionStatus::Open)),
        Requirement::Regiehouder => case.regiehouder = "IB".into(),
        Requirement::EvaluationDate => case.evaluation_date = Some(day(28)),
        Requirement::HelpStartOrWait => case.help_start = Some(day(10)),
        Requirement::Outcome => case.outcome = "Doel bereikt".into(),
        Requirement::ParentsInformed => case.parents_informed = true,
        Requirement::ClosingReason => case.closing_reason = "Doel bereikt, afgeschaald".into(),
    }
}

#[test]
fn the_default_model_has_the_seven_phases_of_the_brief() {
    let model = PhaseModel::default();
    let ids: Vec<&str> = model.phases().iter().map(Phase::id).collect();
    assert_eq!(
        ids,
        [
            "signaal",
            "beeldvorming",
            "analyse",
            "plan",
            "uitvoering",
            "evaluatie",
            "afgesloten"
        ]
    );
    assert_eq!(model.name("beeldvorming", Lang::Nl), "Beeldvorming");
    assert_eq!(model.name("beeldvorming", Lang::En), "Picture");
    assert_eq!(model.get("plan").unwrap().questions.get(Lang::Nl).len(), 4);
}

/// For every phase: leaving forwards is refused, naming exactly what is missing, until each
/// requirement is recorded; then it is allowed.
#[test]
fn every_phase_refuses_to_move_forward_until_its_requirements_are_recorded() {
    let model = PhaseModel::default();
    let phases = model.phases();
    for pair in phases.windows(2) {
        let (from, to) = (&pair[0], &pair[1]);
        let mut case = bare_case(from.id());
        let mut actions = Vec::new();
        let mut needed: Vec<Requirement> = from.requires.clone();
        needed.extend(to.requires_on_entry.iter().copied());
        assert!(!needed.is_empty(), "{} requires nothing", from.id());
        for (done, requirement) in needed.iter().enumerate() {
            assert_eq!(
                model.check_move(&case, &actions, to.id(), ""),
                Err(MoveRefused::Missing(needed[done..].to_vec())),
                "{} → {} after recording {:?}",
                from.id(),
                to.id(),
                &needed[..done]
            );
            record(&mut case, &mut actions, *requirement);
        }
        assert_eq!(
            model.check_move(&case, &actions, to.id(), ""),
            Ok(()),
            "{} → {}",
            from.id(),
            to.id()
        );
    }
}

#[test]
fn every_phase_may_move_back_with_a_reason_only() {
    let model = PhaseModel::default();
    for pair in model.phases().windows(2) {
        let (earlier, later) = (&pair[0], &pair[1]);
        let case = bare_case(later.id());
        assert_eq!(
            model.check_move(&case, &[], earlier.id(), "  "),
            Err(MoveRefused::ReasonRequired),
            "{} → {}",
            later.id(),
            earlier.id()
        );
        assert_eq!(
            model.check_move(&case, &[], earlier.id(), "beeld klopt nog niet"),
            Ok(()),
            "{} → {}",
            later.id(),
            earlier.id()
        );
    }
}

#[test]
fn skipping_ahead_needs_everything_of_the_phases_passed() {
    let model = PhaseModel::default();
    let mut case = bare_case("signaal");
    let mut actions = Vec::new();
    for requirement in [
        Requirement::SignalledBy,
        Requirement::Question,
        Requirement::Consent,
    ] {
        record(&mut case, &mut actions, requirement);
    }
    assert_eq!(
        model.check_move(&case, &actions, "plan", ""),
        Err(MoveRefused::Missing(vec![
            Requirement::Circles,
            Requirement::Hypotheses,
            Requirement::ResearchDecision
        ]))
    );
}

#[test]
fn consent_no_does_not_let_a_signal_go_on() {
    let model = PhaseModel::default();
    let mut case = bare_case("signaal");
    case.signalled_by = "ouders".into();
    case.question = "Hoe helpen we hem?".into();
    case.consent = Consent::No;
    assert_eq!(
        model.check_move(&case, &[], "beeldvorming", ""),
        Err(MoveRefused::Missing(vec![Requirement::Consent]))
    );
    case.consent = Consent::Anonymous;
    assert_eq!(model.check_move(&case, &[], "beeldvorming", ""), Ok(()));
}

#[test]
fn a_dropped_action_does_not_count_for_the_plan() {
    let case = bare_case("plan");
    let dropped = action_for(
        case.id,
        ActionStatus::Dropped {
            on: day(3),
            reason: "dubbel".into(),
        },
    );
    let other_case = action_for(CaseId(99), ActionStatus::Open);
    assert!(!Requirement::Action.is_met(&case, &[dropped, other_case]));
    let done = action_for(case.id, ActionStatus::Done { on: day(4) });
    assert!(Requirement::Action.is_met(&case, &[done]));
}

#[test]
fn odd_moves_are_refused_plainly() {
    let model = PhaseModel::default();
    let case = bare_case("analyse");
    assert_eq!(
        model.check_move(&case, &[], "analyse", "x"),
        Err(MoveRefused::AlreadyThere)
    );
    assert_eq!(
        model.check_move(&case, &[], "nergens", "x"),
        Err(MoveRefused::UnknownPhase("nergens".into()))
    );
    assert!(model.next("afgesloten").is_none());
    assert!(model.previous("signaal").is_none());
    assert_eq!(model.next("plan").unwrap().id(), "uitvoering");
}

#[test]
fn a_school_may_replace_the_model_with_its_own_file() {
    let text = r#"
[[phase]]
id = "melding"
name = "Melding"
questions = ["Wat zien we?"]
requires = ["question"]

[[phase]]
id = "klaar"
name = { nl = "Klaar", en = "Done" }
requires_on_entry = ["closing_reason"]
"#;
    let model = PhaseModel::parse(text, "school.toml").unwrap();
    assert_eq!(
        model.name("melding", Lang::En),
        "Melding",
        "one name for both languages"
    );
    assert_eq!(model.name("klaar", Lang::En), "Done");
    let mut case = bare_case("melding");
    assert_eq!(
        model.check_move(&case, &[], "klaar", ""),
        Err(MoveRefused::Missing(vec![
            Requirement::Question,
            Requirement::ClosingReason
        ]))
    );
    case.question = "Waarom is hij zo stil?".into();
    case.closing_reason = "Opgelost".into();
    assert_eq!(model.check_move(&case, &[], "klaar", ""), Ok(()));
}

/// One file per mistake, each refused with its line and reason.
#[test]
fn broken_model_files_are_refused_with_file_line_and_reason() {
    let cases: &[(&str, usize, &str)] = &[
        (
            "[[phase]]\nid = \"a\"\nname = \"A\"\n[[phase]]\nid = \"b\"\nname = \"B\"\nrequires = [\"hypothesen\"]\n",
            7,
            "unknown variant",
        ),
        (
            "[[phase]]\nid = \"a\"\nname = \"A\"\n\n[[phase]]\nid = \"a\"\nname = \"B\"\n",
            6,
            "appears twice",
        ),
        (
            "[[phase]]\nid = \"a\"\nname = \"A\"\n",
            1,
            "at least two phases",
        ),
        (
            "[[phase]]\nid = \"a\"\nname = \"A\"\n[[phase]]\nid = \"B c\"\nname = \"B\"\n",
            5,
            "lowercase",
        ),
        (
            "[[phase]]\nid = \"a\"\nname = \"A\"\n[[phase]]\nid = \"b\"\nname = \"\"\n",
            5,
            "empty name",
        ),
        (
            "[[phase]]\nid = \"a\"\nname = \"A\"\ncolour = \"red\"\n[[phase]]\nid = \"b\"\nname = \"B\"\n",
            4,
            "unknown field",
        ),
        ("[[phase]]\nid = \"a\"\nname = \"A\n", 3, ""),
    ];
    for (text, line, reason) in cases {
        let err = PhaseModel::parse(text, "fases.toml").expect_err(text);
        assert_eq!(err.file, "fases.toml");
        assert_eq!(err.line, *line, "{text}\n→ {err}");
        assert!(err.reason.contains(reason), "{err}");
        assert!(err.to_string().starts_with(&format!("fases.toml:{line}: ")));
    }
}

#[test]
fn a_case_may_close_early_with_a_reason_but_not_skip_its_evaluation() {
    let model = PhaseModel::default();
    let mut case = bare_case("plan");
    assert_eq!(
        model.check_move(&case, &[], "afgesloten", ""),
        Err(MoveRefused::Missing(vec![Requirement::ClosingReason]))
    );
    case.closing_reason = "Gezin verhuisd naar een andere gemeente".into();
    assert_eq!(model.check_move(&case, &[], "afgesloten", ""), Ok(()));
    // From Evaluatie, the normal step still asks for the outcome and the parents' feedback.
    case.phase = "evaluatie".into();
    assert_eq!(
        model.check_move(&case, &[], "afgesloten", ""),
        Err(MoveRefused::Missing(vec![
            Requirement::Outcome,
            Requirement::ParentsInformed
        ]))
    );
}

#[test]
fn a_phase_asks_what_it_requires_and_what_the_next_requires_on_entry() {
    let model = PhaseModel::default();
    use Requirement::*;
    assert_eq!(model.asks("signaal"), [SignalledBy, Question, Consent]);
    assert_eq!(
        model.asks("plan"),
        [Goal, Action, Regiehouder, EvaluationDate]
    );
    // The closing reason is asked in Evaluatie, before the case may enter Afgesloten.
    assert_eq!(
        model.asks("evaluatie"),
        [Outcome, ParentsInformed, ClosingReason]
    );
    assert_eq!(model.asks("afgesloten"), [ClosingReason]);
    assert!(model.asks("onbekend").is_empty());
}

#[test]
fn what_is_missing_to_move_on_is_what_the_move_would_be_refused_for() {
    let model = PhaseModel::default();
    for phase in model.phases() {
        let case = bare_case(phase.id());
        let missing = model.missing_to_move_on(&case, &[]);
        match model.next(phase.id()) {
            Some(next) if missing.is_empty() => {
                assert_eq!(model.check_move(&case, &[], next.id(), ""), Ok(()));
            }
            Some(next) => assert_eq!(
                model.check_move(&case, &[], next.id(), ""),
                Err(MoveRefused::Missing(missing.clone()))
            ),
            None => assert!(missing.is_empty(), "nothing after {}", phase.id()),
        }
        // Everything missing is something the phase asks, so `f` can ask it.
        let asks = model.asks(phase.id());
        assert!(missing.iter().all(|r| asks.contains(r)), "{}", phase.id());
    }
    use Requirement::*;
    assert_eq!(
        model.missing_to_move_on(&bare_case("evaluatie"), &[]),
        [Outcome, ParentsInformed, ClosingReason]
    );
}

#[test]
fn what_was_recorded_is_read_for_the_phases_visited_only() {
    let model = PhaseModel::default();
    let mut case = bare_case("evaluatie");
    let mut actions = Vec::new();
    use Requirement::*;
    for requirement in [Goal, Action, Outcome, ClosingReason] {
        record(&mut case, &mut actions, requirement);
    }
    // A "nee" to the parents' feedback is no answer yet; actions are listed on their own.
    case.parents_informed = false;
    let kinds = |case: &Case, visited: &[&str]| -> Vec<Requirement> {
        model
            .recorded(case, visited)
            .into_iter()
            .map(|(r, _)| r)
            .collect()
    };
    assert_eq!(kinds(&case, &["evaluatie"]), [Outcome, ClosingReason]);
    assert_eq!(
        kinds(&case, &["evaluatie", "plan"]),
        [Goal, Outcome, ClosingReason]
    );
    case.parents_informed = true;
    assert_eq!(
        kinds(&case, &["evaluatie"]),
        [Outcome, ParentsInformed, ClosingReason]
    );
    assert!(kinds(&case, &["onbekend"]).is_empty());
}

#[test]
fn the_plan_is_correctable_after_the_plan_phase_until_the_case_is_closed() {
    use Requirement::{EvaluationDate, Goal, Regiehouder};
    let model = PhaseModel::default();
    for phase in ["signaal", "beeldvorming", "analyse", "plan", "afgesloten"] {
        assert!(model.correctable(phase).is_empty(), "{phase}");
    }
    for phase in ["uitvoering", "evaluatie"] {
        assert_eq!(
            model.correctable(phase),
            vec![Goal, Regiehouder, EvaluationDate],
            "{phase}"
        );
    }
    assert!(model.correctable("onbekend").is_empty());
}

#[test]
fn a_case_closes_early_from_any_phase_with_only_a_reason() {
    let model = PhaseModel::default();
    for phase in ["signaal", "analyse", "plan", "uitvoering", "evaluatie"] {
        let mut case = bare_case(phase);
        assert_eq!(
            model.check_close_early(&case),
            Err(MoveRefused::Missing(vec![Requirement::ClosingReason])),
            "{phase}"
        );
        case.closing_reason = "Verhuisd naar Zwolle".into();
        assert_eq!(model.check_close_early(&case), Ok("afgesloten"), "{phase}");
    }
    let mut closed = bare_case("afgesloten");
    closed.closing_reason = "Doel bereikt".into();
    assert_eq!(
        model.check_close_early(&closed),
        Err(MoveRefused::AlreadyThere)
    );
    // Evaluatie's own questions stand for `>`, not for closing early.
    let mut evaluated = bare_case("evaluatie");
    evaluated.closing_reason = "Ouders trekken zich terug".into();
    assert!(matches!(
        model.check_move(&evaluated, &[], "afgesloten", ""),
        Err(MoveRefused::Missing(_))
    ));
    let strict = PhaseModel::parse(
        "[[phase]]\nid = \"a\"\nname = \"A\"\n[[phase]]\nid = \"b\"\nname = \"B\"\n",
        "test",
    )
    .unwrap();
    assert_eq!(
        strict.check_close_early(&bare_case("a")),
        Err(MoveRefused::NoEarlyExit)
    );
}

/// The plan is agreed on entering the phase that asks for the help's start; a model without
/// one agrees it after the phase that asks for a goal, and one with neither at its end.
#[test]
fn a_plan_is_agreed_by_entering_the_phase_after_it() {
    assert_eq!(PhaseModel::default().plan_agreed().id(), "uitvoering");
    let model = |goal_in: &str| {
        let text = format!(
            "[[phase]]\nid = \"melding\"\nname = \"Melding\"\nrequires = [{goal_in}]\n\n\
             [[phase]]\nid = \"hulp\"\nname = \"Hulp\"\n\n\
             [[phase]]\nid = \"klaar\"\nname = \"Klaar\"\n"
        );
        PhaseModel::parse(&text, "school.toml").unwrap()
    };
    assert_eq!(model("\"goal\"").plan_agreed().id(), "hulp");
    assert_eq!(model("").plan_agreed().id(), "klaar");
}
