//! The new-signal picker over the meeting screen.

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Modifier;

use crate::app::{Message, Model, View, update};
use crate::domain::Pupil;
use crate::i18n::Lang;
use crate::query::pick::PupilPicker;
use crate::ui::tests::{draw_view, on_first_case, screen_of};
use crate::ui::theme;

/// A pupil of the kit in `groep`, born on `born` (year, month, day).
fn born(id: u64, first: &str, prefix: &str, last: &str, groep: u8, born: (i32, u32, u32)) -> Pupil {
    Pupil {
        groep,
        birth_date: NaiveDate::from_ymd_opt(born.0, born.1, born.2).unwrap(),
        ..crate::testkit::pupil(id, first, prefix, last)
    }
}

/// Two namesakes among them, told apart by groep and birth date.
fn pupils() -> Vec<Pupil> {
    vec![
        born(1, "Zoë", "", "Çelik", 5, (2017, 3, 14)),
        born(2, "Zoe", "", "Jansen", 4, (2018, 6, 2)),
        born(3, "Zoë", "", "Çelik", 2, (2020, 9, 30)),
        born(4, "Zoltan", "", "Eekhof", 8, (2014, 1, 5)),
        born(5, "Mo", "", "Zoeteman", 1, (2021, 2, 11)),
        born(6, "Zofia", "van", "Oeveren", 3, (2019, 12, 24)),
        born(7, "Sanne", "de", "Vries", 6, (2016, 4, 8)),
    ]
}

pub(crate) fn key(code: KeyCode) -> Message {
    Message::PromptKey(KeyEvent::new(code, KeyModifiers::NONE))
}

/// The meeting on its first case, the picker open and `query` typed.
pub(crate) fn picking(lang: Lang, query: &str) -> (Model, View) {
    let mut model = on_first_case(lang);
    let mut view = View::default();
    let loaded = Message::PupilsLoaded(Box::new(PupilPicker::new(pupils())));
    update(&mut model, &mut view, loaded);
    for c in query.chars() {
        update(&mut model, &mut view, key(KeyCode::Char(c)));
    }
    (model, view)
}

fn screen_text(model: &Model, view: &View, theme: &str) -> String {
    screen_of(model, view, 160, 48, theme)
}

#[test]
fn no_name_is_shown_before_two_letters_not_even_the_case_in_front() {
    let (model, view) = picking(Lang::Nl, "z");
    let in_front = model
        .meeting
        .as_ref()
        .unwrap()
        .current_case()
        .unwrap()
        .subject();
    let screen = screen_text(&model, &view, theme::DEFAULT);
    assert!(
        !screen.contains(&in_front),
        "{in_front} shows under the picker"
    );
    for pupil in pupils() {
        assert!(!screen.contains(&pupil.first_name), "{}", pupil.full_name());
    }
}

#[test]
fn at_most_five_names_and_nothing_found_is_said() {
    // Six pupils have a "zo" in their name.
    let (model, view) = picking(Lang::Nl, "zo");
    let screen = screen_text(&model, &view, theme::DEFAULT);
    assert_eq!(screen.matches("· geboren").count(), 5);
    assert!(
        !screen.contains("Mo Zoeteman"),
        "the weakest match is left out"
    );
    let (model, view) = picking(Lang::Nl, "qq");
    assert!(screen_text(&model, &view, theme::DEFAULT).contains("Niets gevonden."));
}

#[test]
fn the_chosen_row_shows_in_the_monochrome_theme() {
    let (mut model, mut view) = picking(Lang::Nl, "celik");
    update(&mut model, &mut view, key(KeyCode::Down));
    let terminal = draw_view(&model, &view, 80, 24, theme::MONOCHROME);
    let buffer = terminal.backend().buffer();
    let rows: Vec<(u16, String)> = (0..24)
        .map(|y| (y, (0..80).map(|x| buffer[(x, y)].symbol()).collect()))
        .collect();
    let marked: Vec<&(u16, String)> = rows.iter().filter(|(_, row)| row.contains('›')).collect();
    assert_eq!(marked.len(), 1, "one row is chosen");
    let (y, row) = marked[0];
    assert!(row.contains("groep 2"), "the second Zoë Çelik: {row}");
    let x = row.chars().position(|c| c == '›').unwrap() as u16;
    assert!(buffer[(x, *y)].modifier.contains(Modifier::REVERSED));
    let other = rows
        .iter()
        .find(|(_, row)| row.contains("groep 5"))
        .unwrap();
    let name_x = other.1.chars().position(|c| c == 'Z').unwrap() as u16;
    assert!(
        !buffer[(name_x - 2, other.0)]
            .modifier
            .contains(Modifier::REVERSED)
    );
}

#[test]
fn while_several_match_the_wall_shows_initials_groep_and_year_of_birth_only() {
    for lang in [Lang::Nl, Lang::En] {
        let (model, view) = picking(lang, "zo");
        let screen = screen_text(&model, &view, theme::DEFAULT);
        for pupil in pupils() {
            assert!(!screen.contains(&pupil.full_name()), "{lang:?}: {screen}");
            let born = crate::domain::dates::format_date(pupil.birth_date);
            assert!(!screen.contains(&born), "{lang:?}: {born} on\n{screen}");
        }
        // The two namesakes are still told apart.
        assert!(
            screen.contains("Z.Ç.") && screen.contains("2017"),
            "{screen}"
        );
        assert!(screen.contains("2020"), "{screen}");
    }
}

#[test]
fn the_one_pupil_left_goes_by_initials_too_and_so_does_the_question() {
    // The picker is on the shared screen and a new signal's consent is not yet asked: not
    // even the one pupil left is named, nor their date of birth (an IB's walk found both).
    for lang in [Lang::Nl, Lang::En] {
        let (mut model, mut view) = picking(lang, "zoltan");
        let screen = screen_text(&model, &view, theme::DEFAULT);
        assert!(
            screen.contains("Z.E.") && screen.contains("2014"),
            "{screen}"
        );
        update(&mut model, &mut view, key(KeyCode::Enter));
        let asked = screen_text(&model, &view, theme::DEFAULT);
        assert!(
            asked.contains("Z.E."),
            "the question names the initials: {asked}"
        );
        for screen in [&screen, &asked] {
            for pupil in pupils() {
                assert!(!screen.contains(&pupil.full_name()), "{screen}");
                assert!(!screen.contains(&pupil.last_name), "{screen}");
            }
            assert!(!screen.contains("05-01-2014"), "{screen}");
        }
    }
}
