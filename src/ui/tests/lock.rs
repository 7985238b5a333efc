//! The idle lock's screen: nothing of the data behind it, the typing masked.

use zeroize::Zeroizing;

use crate::app::View;
use crate::app::overlay::lock::{LockPrompt, Secret};
use crate::i18n::Lang;
use crate::ui::tests::{draw_view, meeting_model, model, screen_of};
use crate::ui::theme;

fn locked(typed: &str, wrong: bool) -> View {
    View {
        overlays: [
            crate::app::Overlay::Help,
            crate::app::Overlay::Lock(LockPrompt {
                typed: Secret(Zeroizing::new(typed.into())),
                wrong,
            }),
        ]
        .into_iter()
        .collect(),
        ..View::default()
    }
}

#[test]
fn the_lock_screen_shows_nothing_of_the_data_and_masks_the_typing() {
    for model in [model(Lang::Nl, false), meeting_model(Lang::Nl, 3)] {
        let text = screen_of(&model, &locked("geheim", false), 80, 24, theme::DEFAULT);
        let shown: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(
            shown,
            [
                "otter is vergrendeld",
                "Typ de wachtwoordzin en druk op Enter.",
                "Wachtwoordzin: ••••••▏",
            ]
        );
    }
}

#[test]
fn lock_screen_wrong_passphrase_80x24_en() {
    let view = locked("", true);
    insta::assert_snapshot!(
        draw_view(&meeting_model(Lang::En, 3), &view, 80, 24, theme::DEFAULT).backend()
    );
}

#[test]
fn lock_screen_80x24_nl() {
    let view = locked("abc", false);
    insta::assert_snapshot!(
        draw_view(&model(Lang::Nl, false), &view, 80, 24, theme::DEFAULT).backend()
    );
}
