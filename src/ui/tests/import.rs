use crate::app::View;
use crate::app::overlay::import::Review;
use crate::i18n::Lang;
use crate::import::{Mapping, prepare, summary};
use crate::ui::tests::{draw_view, model};
use crate::ui::theme;

fn review(bytes: &[u8], lang: Lang) -> View {
    let plan = prepare(bytes, &Mapping::default(), &[]).unwrap();
    let lines = summary::lines(&plan, "leerlingen.csv", lang);
    View {
        overlays: [crate::app::Overlay::Import(Review {
            plan,
            lines,
            scroll: 0,
        })]
        .into_iter()
        .collect(),
        ..View::default()
    }
}

#[test]
fn import_dry_run_80x24_nl() {
    let view = review(
        include_bytes!("../../../tests/fixtures/import/parnassys_bom_semicolon.csv"),
        Lang::Nl,
    );
    let terminal = draw_view(&model(Lang::Nl, false), &view, 80, 24, theme::DEFAULT);
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn import_bad_rows_80x24_en() {
    let view = review(
        include_bytes!("../../../tests/fixtures/import/bad_rows.csv"),
        Lang::En,
    );
    let terminal = draw_view(&model(Lang::En, false), &view, 80, 24, theme::DEFAULT);
    insta::assert_snapshot!(terminal.backend());
}
