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
        let bindings = keymap.bindings(context);
        for lang in [Lang::Nl, Lang::En] {
            let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
            terminal
                .draw(|frame| {
                    render(
                        frame,
                        frame.area(),
                        context,
                        &bindings,
                        lang.texts(),
                        &theme,
                    )
                })
                .unwrap();
            let buffer = terminal.backend().buffer();
            let screen: String = buffer
                .content()
                .chunks(usize::from(buffer.area.width))
                .map(|row| row.iter().map(|cell| cell.symbol()).collect::<String>() + "\n")
                .collect();
            for binding in &bindings {
                let keys = keys_of(binding);
                assert!(
                    screen.contains(&format!("{keys}  ")),
                    "{context:?} {lang:?}: {keys} missing\n{screen}"
                );
            }
        }
    }
}
