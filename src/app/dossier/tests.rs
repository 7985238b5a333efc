use crate::app::dossier::DossierOf;
use crate::app::{Command, Effect, Model, Screen, View, apply, open_dossier, update};
use crate::domain::{ActionStatus, Case, ChangeContext, Consent, Note, Pupil};
use crate::i18n::wording::change_text;
use crate::store::Store;
use crate::testkit::app::school;
use crate::testkit::today;

/// The demo pupil with an anonymous case and the most notes: the dossier's hardest test.
fn anonymous_pupil(store: &Store) -> Pupil {
    let case = store
        .all::<Case>()
        .map(Result::unwrap)
        .filter(|c| c.consent == Consent::Anonymous)
        .max_by_key(|c| store.notes_of_case(c.id).unwrap().len())
        .expect("the demo has an anonymous case");
    store.pupil(case.pupil).unwrap().unwrap()
}

fn screen_text(model: &Model, view: &View, width: u16, height: u16) -> String {
    crate::ui::tests::screen_of(model, view, width, height, crate::ui::theme::DEFAULT)
}

#[test]
fn the_dossier_holds_the_pupils_cases_and_their_records_and_nothing_of_another_pupil() {
    let (_dir, store, mut model) = school();
    let mut view = View::default();
    let pupil = anonymous_pupil(&store);
    for effect in open_dossier(pupil.id) {
        let effects = vec![effect];
        crate::app::apply(&store, &mut model, &mut view, effects, today()).unwrap();
    }
    assert_eq!(model.screen, Screen::Dossier);
    let dossier = model.dossier.as_deref().unwrap().dossier();
    assert_eq!(dossier.pupil, pupil);
    let own = store.cases_of_pupil(pupil.id).unwrap();
    assert_eq!(dossier.cases.len(), own.len());
    for records in &dossier.cases {
        let id = records.case.id;
        assert_eq!(records.case.pupil, pupil.id);
        assert!(records.events.iter().all(|e| e.case == id));
        assert!(records.notes.iter().all(|n| n.case == Some(id)));
        assert!(records.decisions.iter().all(|d| d.case == Some(id)));
        assert!(records.actions.iter().all(|(a, _)| a.case == Some(id)));
        assert_eq!(records.events, store.events_of_case(id).unwrap());
    }
    let ids: Vec<_> = own.iter().map(|c| c.id).collect();
    assert!(!dossier.meetings.is_empty());
    for meeting in &dossier.meetings {
        assert!(meeting.cases.iter().all(|c| ids.contains(c)));
        let agenda = store.meeting(meeting.meeting).unwrap().unwrap();
        assert!(
            meeting
                .cases
                .iter()
                .all(|c| agenda.cases().any(|a| a == *c))
        );
    }

    // On screen: the name beside the pseudonym (the one place it may stand), the newest note
    // at the top of the timeline, and no other pupil's name.
    let text = screen_text(&model, &view, 160, 48);
    assert!(text.contains(&pupil.full_name()), "{text}");
    let anonymous = own
        .iter()
        .find(|c| c.consent == Consent::Anonymous)
        .unwrap();
    assert!(text.contains(&anonymous.pseudonym()), "{text}");
    let newest: Note = dossier
        .cases
        .iter()
        .flat_map(|c| c.notes.iter())
        .filter(|n| !n.text.trim().is_empty())
        .max_by_key(|n| n.date)
        .cloned()
        .expect("the pupil has notes");
    let first_words: String = newest.text.chars().take(30).collect();
    assert!(text.contains(&first_words), "{first_words} in {text}");
    for other in store.all::<Pupil>().map(Result::unwrap) {
        if other.id != pupil.id && other.full_name() != pupil.full_name() {
            assert!(
                !text.contains(&other.full_name()),
                "{} shown",
                other.full_name()
            );
        }
    }
}

#[test]
fn the_timeline_scrolls_a_case_opens_with_enter_and_esc_goes_back_where_it_came_from() {
    let (_dir, store, mut model) = school();
    let mut view = View::default();
    let pupil = anonymous_pupil(&store);
    let effects = open_dossier(pupil.id);
    crate::app::apply(&store, &mut model, &mut view, effects, today()).unwrap();
    let top = screen_text(&model, &view, 80, 24);
    let max = view.item_scroll_max.get();
    assert!(max > 0, "a long timeline does not fit 80x24");
    for _ in 0..max + 3 {
        update(&mut model, &mut view, Command::Down);
        screen_text(&model, &view, 80, 24);
    }
    assert_eq!(view.item_scroll, max);
    assert_ne!(top, screen_text(&model, &view, 80, 24));

    update(&mut model, &mut view, Command::Open);
    assert!(view.dossier.case_open);
    assert_eq!(view.item_scroll, 0, "the case starts at its top");
    let case = &model.dossier.as_ref().unwrap().dossier().cases[0].case;
    let shown = screen_text(&model, &view, 80, 24);
    assert!(
        shown.contains(&case.question.chars().take(20).collect::<String>()),
        "{shown}"
    );
    update(&mut model, &mut view, Command::Back);
    assert!(!view.dossier.case_open, "Esc closes the case first");
    assert_eq!(model.screen, Screen::Dossier);

    let pupil = model.dossier.as_ref().unwrap().dossier().pupil.id;
    let effects = update(&mut model, &mut view, Command::ExportExtract);
    assert_eq!(
        effects,
        vec![crate::app::Effect::Export(
            crate::app::meeting::export::Export::Extract(pupil)
        )]
    );

    let effects = update(&mut model, &mut view, Command::Back);
    assert_eq!(model.screen, Screen::Dashboard);
    assert_eq!(effects, vec![crate::app::Effect::LoadDashboard]);
}

/// The timeline is built when the dossier is read, not on every frame: an edit made while the
/// dossier is open (an action marked done, the consent changed) shows in it once the dossier
/// is read again, which every change of what the dossier holds goes through.
#[test]
fn an_edit_while_the_dossier_is_open_shows_in_its_timeline_once_it_is_read_again() {
    let (_dir, store, mut model) = school();
    let mut view = View::default();
    let action = store
        .all::<crate::domain::Action>()
        .map(Result::unwrap)
        .find(|a| a.is_open() && a.case.is_some())
        .expect("the demo has an open action of a case");
    let mut case = store.case(action.case.unwrap()).unwrap().unwrap();
    let open = vec![Effect::LoadDossier(DossierOf::Action(action.id))];
    apply(&store, &mut model, &mut view, open.clone(), today()).unwrap();
    assert_eq!(model.screen, Screen::Dossier);
    let t = model.lang.texts();
    let action_entry = |model: &Model| {
        model
            .dossier
            .as_deref()
            .unwrap()
            .timeline()
            .iter()
            .find(|e| e.heading.contains(&action.text))
            .map(|e| e.heading.clone())
            .expect("the action is in the timeline")
    };
    assert!(action_entry(&model).contains(t.status_open));

    let mut done = action.clone();
    done.status = ActionStatus::Done { on: today() };
    let to = if case.consent == Consent::No {
        Consent::Yes
    } else {
        Consent::No
    };
    let at = ChangeContext {
        seq: store.events_of_case(case.id).unwrap().len() as u32,
        date: today(),
        meeting: None,
        reason: String::new(),
    };
    let event = case.change_consent(to, at).expect("the consent changes");
    let consent_text = change_text(&event.kind, &model.phases, model.lang);
    let edits = vec![
        Effect::SaveAction(Box::new(done)),
        Effect::SaveCaseChange(Box::new((case.clone(), event))),
    ];
    apply(&store, &mut model, &mut view, edits, today()).unwrap();
    apply(&store, &mut model, &mut view, open, today()).unwrap();

    let timeline = model.dossier.as_deref().unwrap().timeline();
    assert!(
        timeline[0].heading.ends_with(&consent_text),
        "the consent change of today is the newest entry: {}",
        timeline[0].heading
    );
    assert!(action_entry(&model).contains(t.status_done));
    assert_eq!(
        view.dossier.from,
        Some(Screen::Dashboard),
        "Esc still goes back"
    );
    let shown = screen_text(&model, &view, 160, 48);
    assert!(shown.contains(&consent_text), "{shown}");
}
