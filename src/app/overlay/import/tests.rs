use std::path::{Path, PathBuf};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tempfile::TempDir;

use crate::app::admin::Ask;
use crate::app::overlay::prompt::Ask as Asked;
use crate::app::{Command, Message, OverlayKind, Screen, View};
use crate::domain::Pupil;
use crate::store::Store;
use crate::testkit::app::{act, answer, model, send};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn key(code: KeyCode) -> Message {
    Message::ImportKey(KeyEvent::new(code, KeyModifiers::NONE))
}

/// `I` on the start screen, and the fixture's path typed at the question.
fn import_file(store: &Store, model: &mut crate::app::Model, view: &mut View, name: &str) {
    act(store, model, view, Command::ImportPupils);
    answer(store, model, view, &fixture(name).display().to_string());
}

fn pupils(store: &Store) -> Vec<Pupil> {
    store.all::<Pupil>().map(Result::unwrap).collect()
}

#[test]
fn the_file_is_asked_its_dry_run_shown_and_enter_imports_it() {
    let dir = TempDir::new().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let (mut model, mut view) = (model(0), View::default());
    act(&store, &mut model, &mut view, Command::ImportPupils);
    assert_eq!(
        view.overlays
            .get::<crate::app::overlay::prompt::Prompt>()
            .map(|p| p.ask.clone()),
        Some(Asked::Admin(Ask::ImportFile))
    );
    // Dropped on the terminal, a path arrives in quotes.
    let path = format!("'{}'", fixture("parnassys_bom_semicolon.csv").display());
    answer(&store, &mut model, &mut view, &path);
    let review = view
        .overlays
        .get::<crate::app::overlay::import::Review>()
        .expect("the dry run is shown");
    assert!(review.can_import());
    assert!(
        review.lines.contains(&"Nieuw: 4".to_string()),
        "{:?}",
        review.lines
    );
    assert!(pupils(&store).is_empty(), "nothing written before Enter");

    send(&store, &mut model, &mut view, key(KeyCode::Enter));
    assert!(!view.overlays.is_open(OverlayKind::Import));
    assert_eq!(
        view.flash.as_deref(),
        Some("Geïmporteerd: 4 nieuw, 0 bijgewerkt.")
    );
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(pupils(&store).len(), 4);
}

#[test]
fn a_file_with_bad_rows_is_shown_but_not_imported() {
    let dir = TempDir::new().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let (mut model, mut view) = (model(0), View::default());
    import_file(&store, &mut model, &mut view, "bad_rows.csv");
    let review = view
        .overlays
        .get::<crate::app::overlay::import::Review>()
        .unwrap();
    assert!(!review.can_import());
    assert!(
        review
            .lines
            .iter()
            .any(|l| l == "  ! regel 3: roepnaam is leeg")
    );
    send(&store, &mut model, &mut view, key(KeyCode::Down));
    assert_eq!(
        view.overlays
            .get::<crate::app::overlay::import::Review>()
            .unwrap()
            .scroll,
        1
    );
    send(&store, &mut model, &mut view, key(KeyCode::Enter));
    assert!(
        !view.overlays.is_open(OverlayKind::Import),
        "Enter only closes it"
    );
    assert!(pupils(&store).is_empty());
}

#[test]
fn esc_cancels_and_an_unreadable_file_is_said_in_the_status_line() {
    let dir = TempDir::new().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let (mut model, mut view) = (model(0), View::default());
    import_file(&store, &mut model, &mut view, "edexml.xml");
    assert!(view.overlays.is_open(OverlayKind::Import));
    send(&store, &mut model, &mut view, key(KeyCode::Esc));
    assert!(!view.overlays.is_open(OverlayKind::Import));
    assert!(pupils(&store).is_empty());

    act(&store, &mut model, &mut view, Command::ImportPupils);
    answer(&store, &mut model, &mut view, "/nergens/leerlingen.csv");
    let flash = view.flash.clone().unwrap();
    assert!(
        flash.starts_with("/nergens/leerlingen.csv kan niet worden gelezen"),
        "{flash}"
    );
    assert!(!view.overlays.is_open(OverlayKind::Import));
}

#[test]
fn importing_is_offered_on_the_start_screen_only() {
    let (mut model, mut view) = (model(0), View::default());
    model.screen = Screen::Meeting;
    crate::app::update(&mut model, &mut view, Command::ImportPupils);
    assert!(!view.overlays.is_open(OverlayKind::Prompt));
    let names: Vec<_> = crate::app::overlay::palette::rows(
        &crate::app::core::keymap::Keymap::default(),
        Screen::Dashboard,
        crate::i18n::Lang::Nl.texts(),
    )
    .into_iter()
    .map(|row| row.name)
    .collect();
    assert!(
        names.contains(&"Leerlingen importeren (EDEXML of CSV)".to_string()),
        "{names:?}"
    );
    let meeting = crate::app::overlay::palette::rows(
        &crate::app::core::keymap::Keymap::default(),
        Screen::Meeting,
        crate::i18n::Lang::Nl.texts(),
    );
    assert!(
        !meeting
            .iter()
            .any(|row| row.name.starts_with("Leerlingen importeren"))
    );
}
