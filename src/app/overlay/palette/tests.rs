use super::*;
use crate::i18n::Lang;

fn typed(palette: &mut Palette, text: &str) {
    palette.query.insert_str(text);
}

#[test]
fn the_palette_shows_the_keys_of_the_loops_keymap() {
    let mut model = Model::new(Lang::En, chrono::NaiveDate::MIN, Default::default());
    model.keymap = Keymap::parse("[global]\n\"ctrl-x\" = \"quit\"\n").unwrap();
    let mut view = View::default();
    open(&model, &mut view);
    let palette = view
        .overlays
        .get::<crate::app::overlay::palette::Palette>()
        .expect("open");
    let quit = palette
        .rows
        .iter()
        .find(|r| r.command == Choice::Act(Command::Quit))
        .unwrap();
    assert_eq!(quit.keys, vec!["ctrl-x".to_string()]);
}

#[test]
fn the_palette_narrows_by_words_in_the_name_and_by_key() {
    let mut palette = Palette::new(rows(&Keymap::default(), Screen::Meeting, Lang::Nl.texts()));
    let all = palette.matches().len();
    assert!(all > 20, "every meeting action and the themes: {all}");
    typed(&mut palette, "niveau omh");
    let names: Vec<&str> = palette.matches().iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Niveau omhoog (opschalen, met reden)"]);
    let mut palette = Palette::new(rows(&Keymap::default(), Screen::Meeting, Lang::Nl.texts()));
    typed(&mut palette, "beamer");
    assert_eq!(palette.matches()[0].command, Choice::Theme("beamer"));
    let mut palette = Palette::new(rows(&Keymap::default(), Screen::Meeting, Lang::Nl.texts()));
    typed(&mut palette, "S");
    assert!(
        palette
            .matches()
            .iter()
            .any(|r| r.command == Choice::Act(Command::CloseMeeting)),
        "a key finds its action"
    );
}

#[test]
fn the_dashboard_palette_has_no_meeting_actions() {
    let rows = rows(&Keymap::default(), Screen::Dashboard, Lang::En.texts());
    assert!(
        rows.iter()
            .any(|r| r.command == Choice::Act(Command::OpenMeeting))
    );
    assert!(
        !rows
            .iter()
            .any(|r| r.command == Choice::Act(Command::NextPhase))
    );
}

/// The palette names a key as the help does: on the monitoring screen Enter lists the cases
/// behind a figure, it opens nothing.
#[test]
fn the_palette_names_a_screens_own_meaning_of_a_key_as_the_help_does() {
    let t = Lang::En.texts();
    let rows = rows(&Keymap::default(), Screen::Monitoring, t);
    let enter = rows
        .iter()
        .find(|r| r.command == Choice::Act(Command::Open))
        .expect("Enter is on the monitoring palette");
    assert_eq!(enter.name, crate::i18n::capitalised(t.stats.screen_enter));
    assert_ne!(
        enter.name,
        crate::i18n::capitalised(Command::Open.describe(t))
    );
}
