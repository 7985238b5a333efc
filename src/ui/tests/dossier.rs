use crate::app::{Screen, View};
use crate::domain::Consent;
use crate::i18n::Lang;
use crate::testkit::day;
use crate::ui::tests::{model, screen_of};
use crate::ui::theme;

#[test]
fn the_consent_of_each_case_is_shown_whole_in_the_dossier() {
    let (_dir, store) = crate::testkit::store::demo_store(day(23));
    let case = store
        .all::<crate::domain::Case>()
        .map(Result::unwrap)
        .find(|c| c.consent == Consent::Unknown)
        .expect("the demo has a signal whose consent is not asked yet");
    let found = crate::query::dossier::load(&store, case.pupil)
        .unwrap()
        .unwrap();
    for lang in [Lang::Nl, Lang::En] {
        let mut model = model(lang, false);
        model.screen = Screen::Dossier;
        model.dossier = Some(Box::new(crate::app::dossier::OpenDossier::new(
            found.clone(),
            lang,
            &model.phases,
        )));
        let screen = screen_of(&model, &View::default(), 80, 24, theme::DEFAULT);
        let consent = lang.texts().consent(Consent::Unknown);
        assert!(screen.contains(consent), "{consent} cut off:\n{screen}");
    }
}
