//! The `/` search over the start screen and over the meeting, at both sizes and in both
//! languages: groups, highlighted letters, an anonymous case under its pseudonym, and on the
//! meeting screen no pupil at all.

use std::sync::Arc;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::{Command, Message, Model, View, update};
use crate::domain::Consent;
use crate::i18n::Lang;
use crate::query::search::SearchIndex;
use crate::query::search::tests::{action, case, decision, note};
use crate::testkit::pupil;
use crate::ui::tests::{draw_view, meeting_model, model};
use crate::ui::theme::{self, Theme};

/// Zoë Çelik and two namesakes; Sanne de Vries's case is discussed anonymously.
fn index() -> SearchIndex {
    SearchIndex::new(
        [
            pupil(1, "Zoë", "", "Çelik"),
            pupil(2, "Zoe", "", "Jansen"),
            pupil(3, "Mo", "", "Zoeteman"),
            pupil(4, "Sanne", "de", "Vries"),
        ],
        [
            case(10, 1, "Leest traag en raadt woorden", Consent::Yes),
            case(
                11,
                4,
                "Zoekt weinig contact met klasgenoten",
                Consent::Anonymous,
            ),
        ],
        [action(
            20,
            10,
            "Gesprek met moeder: zoeken naar een logopedist in de buurt",
        )],
        [decision(
            30,
            11,
            "Schoolmaatschappelijk werk zoekt contact met thuis",
        )],
        [note(
            40,
            Some(10),
            "Ouders vertellen dat Zoë thuis graag voorleest aan haar broertje, maar op \
             school stil wordt zodra ze hardop moet lezen.",
        )],
    )
}

/// `model` with the search open and "zoe" typed.
fn searching(mut model: Model) -> (Model, View) {
    let mut view = View {
        search_index: Some(Arc::new(index())),
        ..View::default()
    };
    update(&mut model, &mut view, Command::Search);
    for c in "zoe".chars() {
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        update(&mut model, &mut view, Message::SearchKey(key));
    }
    (model, view)
}

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];

#[test]
fn the_search_in_both_sizes_and_languages() {
    for (lang, code) in [(Lang::Nl, "nl"), (Lang::En, "en")] {
        let screens = [
            ("dashboard", searching(model(lang, false))),
            ("meeting", searching(meeting_model(lang, 0))),
        ];
        for (name, (model, view)) in screens {
            for (width, height) in SIZES {
                let terminal = draw_view(&model, &view, width, height, theme::DEFAULT);
                insta::assert_snapshot!(
                    format!("search_{name}_{width}x{height}_{code}"),
                    terminal.backend()
                );
            }
        }
    }
}

fn row_text(buffer: &ratatui::buffer::Buffer, y: u16) -> String {
    (0..buffer.area.width)
        .map(|x| buffer[(x, y)].symbol().to_string())
        .collect()
}

#[test]
fn matched_letters_take_the_match_style_and_no_name_is_on_the_meeting_screen() {
    let theme = Theme::builtin(theme::DEFAULT).unwrap();
    let (model, view) = searching(model(Lang::Nl, false));
    let terminal = draw_view(&model, &view, 80, 24, theme::DEFAULT);
    let buffer = terminal.backend().buffer();
    // The second pupil row, not the chosen one: "  Zoe Jansen", its first three letters matched.
    let y = (0..24)
        .find(|y| row_text(buffer, *y).contains("Zoe Jansen"))
        .unwrap();
    let row = row_text(buffer, y);
    let x = row[..row.find("Zoe Jansen").unwrap()].chars().count() as u16;
    let expected = theme.style("search.match");
    for dx in 0..3 {
        let cell = &buffer[(x + dx, y)];
        assert_eq!(Some(cell.fg), expected.fg, "column {}", x + dx);
        assert!(cell.modifier.contains(expected.add_modifier));
    }
    assert_ne!(Some(buffer[(x + 3, y)].fg), expected.fg);

    let (model, view) = searching(meeting_model(Lang::Nl, 0));
    let terminal = draw_view(&model, &view, 160, 48, theme::DEFAULT);
    let screen: String = (0..48)
        .map(|y| row_text(terminal.backend().buffer(), y))
        .collect();
    for name in ["Zoë Çelik", "Zoe Jansen", "Zoeteman", "Sanne", "Vries"] {
        assert!(!screen.contains(name), "{name} on the shared screen");
    }
    assert!(screen.contains("Z.Ç."), "{screen}");
    assert!(screen.contains("Leerling "), "{screen}");
}
