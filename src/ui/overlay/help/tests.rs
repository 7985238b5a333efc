use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::*;
use crate::app::core::keymap::{Context, Keymap};
use crate::i18n::Lang;

/// On the smallest screen we design for, the help may shorten what a key does, never
/// leave a key out.
#[test]
fn every_key_of_every_screen_is_on_the_help_at_80x24() {
    let keymap = Keymap::default();
    let theme = Theme::builtin("donker").unwrap();
    let screens = [
        Context::Dashboard,
        Context::Meeting,
        Context::Prepare,
        Context::Actions,
        Context::Dossier,
    ];
    for context in screens {
        for lang in [Lang::Nl, Lang::En] {
            let entries = entries(&keymap.bindings(context), context, lang.texts());
            let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
            terminal
                .draw(|frame| render(frame, frame.area(), &entries, lang.texts(), &theme))
                .unwrap();
            let buffer = terminal.backend().buffer();
            let screen: String = buffer
                .content()
                .chunks(usize::from(buffer.area.width))
                .map(|row| row.iter().map(|cell| cell.symbol()).collect::<String>() + "\n")
                .collect();
            for entry in &entries {
                let keys = &entry.keys;
                assert!(
                    screen.contains(&format!("{keys}  ")),
                    "{context:?} {lang:?}: {keys} missing\n{screen}"
                );
            }
        }
    }
}

/// The keys that work inside the palette, the search and the forms are on `?` too, beside the
/// screen's own: a chair who never opened the palette learns Ctrl-n there.
#[test]
fn keys_inside_the_palette_the_search_and_the_forms_are_on_the_help() {
    use crate::app::core::keymap::Binding;
    let keymap = Keymap::default();
    let t = Lang::En.texts();
    let listed = |context| -> Vec<(String, &str)> {
        entries(&keymap.bindings(context), context, t)
            .into_iter()
            .map(|entry| (entry.keys, entry.text))
            .collect()
    };
    let rows = [
        ("↓ Tab Ctrl-n".to_string(), "next row in : and /"),
        ("↑ Shift-Tab Ctrl-p".to_string(), "previous row in : and /"),
    ];
    for context in [Context::Dashboard, Context::Actions, Context::Dossier] {
        let help = listed(context);
        for row in &rows {
            assert!(help.contains(row), "{context:?}: {row:?} in {help:?}");
        }
        assert!(
            !help.iter().any(|(_, text)| text.contains("form")),
            "{context:?}"
        );
    }
    let meeting = listed(Context::Meeting);
    assert!(meeting.contains(&("Tab".to_string(), "next box in a form")));
    assert!(meeting.contains(&("Shift-Tab".to_string(), "previous box in a form")));
    // After the screen's own keys, which come first as the keymap orders them.
    let own: Vec<Binding> = keymap.bindings(Context::Meeting);
    assert_eq!(meeting.len(), own.len() + 4);
    assert_eq!(meeting[0].1, own[0].command.describe(t));
}
