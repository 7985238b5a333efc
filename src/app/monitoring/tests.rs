use super::*;
use crate::domain::{Consent, Pupil};
use crate::store::Store;
use crate::testkit::app::{act, on_case, school};
use crate::testkit::today;

fn on_monitoring() -> (tempfile::TempDir, Store, Model, View) {
    let (dir, store, mut model) = school();
    let mut view = View::default();
    act(&store, &mut model, &mut view, Command::Monitoring);
    (dir, store, model, view)
}

fn row_of(model: &Model, figure: &Figure) -> usize {
    rows(&model.monitoring.as_ref().unwrap().data.figures)
        .iter()
        .position(|(f, _)| f == figure)
        .unwrap()
}

#[test]
fn m_opens_this_school_year_p_steps_through_the_terms_and_esc_goes_back() {
    let (_dir, store, mut model, mut view) = on_monitoring();
    assert_eq!(model.screen, Screen::Monitoring);
    let shown = |model: &Model| {
        let m = model.monitoring.as_ref().unwrap();
        (m.period, m.data.figures.period)
    };
    // The running year and term end today (as `otter stats` counts them), and terms 2 and 3,
    // not begun on 23-11-2026, are passed over.
    let year = Period::new(Period::school_year(2026).unwrap().from, today()).unwrap();
    assert_eq!(shown(&model), (PeriodChoice::Year, year));
    assert!(model.monitoring.as_ref().unwrap().data.figures.cases > 0);
    view.monitoring.row = 3;
    act(&store, &mut model, &mut view, Command::SwitchPeriod);
    assert_eq!(shown(&model), (PeriodChoice::Term(1), year));
    assert_eq!(view.monitoring.row, 3, "the same figure stays chosen");
    act(&store, &mut model, &mut view, Command::SwitchPeriod);
    assert_eq!(
        shown(&model),
        (PeriodChoice::LastYear, Period::school_year(2025).unwrap())
    );
    act(&store, &mut model, &mut view, Command::SwitchPeriod);
    assert_eq!(shown(&model), (PeriodChoice::Year, year));
    act(&store, &mut model, &mut view, Command::Back);
    assert_eq!(model.screen, Screen::Dashboard);
    // Back again, the screen opens on the period last chosen.
    act(&store, &mut model, &mut view, Command::Monitoring);
    assert_eq!(model.screen, Screen::Monitoring);
    assert_eq!(view.monitoring, MonitorView::default());
}

#[test]
fn enter_lists_the_cases_behind_a_figure_and_esc_closes_the_list_first() {
    let (_dir, store, mut model, mut view) = on_monitoring();
    act(&store, &mut model, &mut view, Command::Down);
    assert_eq!(view.monitoring.row, 1);
    act(&store, &mut model, &mut view, Command::Up);
    act(&store, &mut model, &mut view, Command::Up);
    assert_eq!(view.monitoring.row, 0, "the list stops at its top");
    act(&store, &mut model, &mut view, Command::Open);
    assert_eq!(view.monitoring.list, Some(0));
    let data = &model.monitoring.as_ref().unwrap().data;
    let listed = data.cases_behind(&Figure::Cases).unwrap().len();
    assert_eq!(listed, data.figures.cases as usize);
    for _ in 0..listed + 2 {
        act(&store, &mut model, &mut view, Command::Down);
    }
    assert_eq!(view.monitoring.list, Some(listed - 1));
    // Enter on the list opens the chosen case's dossier on that case; Esc comes back to the
    // list with the same case chosen.
    let data = &model.monitoring.as_ref().unwrap().data;
    let chosen = data.cases_behind(&Figure::Cases).unwrap()[listed - 1]
        .0
        .case;
    act(&store, &mut model, &mut view, Command::Open);
    assert_eq!(model.screen, Screen::Dossier);
    let dossier = model.dossier.as_ref().unwrap().dossier();
    assert_eq!(
        dossier.cases[view.dossier.case].case.id, chosen,
        "the dossier opens on the chosen case"
    );
    act(&store, &mut model, &mut view, Command::Back);
    assert_eq!(model.screen, Screen::Monitoring);
    assert_eq!(view.monitoring.list, Some(listed - 1));
    act(&store, &mut model, &mut view, Command::Back);
    assert_eq!(model.screen, Screen::Monitoring);
    assert_eq!(view.monitoring.list, None);
    assert_eq!(view.monitoring.row, 0);
    // A figure about meetings has no cases behind it: the status line says so.
    view.monitoring.row = row_of(&model, &Figure::MeetingsHeld);
    act(&store, &mut model, &mut view, Command::Open);
    assert_eq!(view.monitoring.list, None);
    assert_eq!(
        view.flash.as_deref(),
        Some(model.lang.texts().stats.screen_no_cases)
    );
}

/// Every pupil of the store whose full name is on the screen.
fn named(store: &Store, screen: &str) -> Vec<String> {
    crate::testkit::store::pupils_shown(store, screen, Pupil::full_name)
}

/// The list of every running case, drawn: pupils with consent "ja" are named, the others go
/// by their pseudonym, and with a meeting open nobody is named, not even the pupil under
/// discussion (docs/privacy.md).
#[test]
fn the_cases_behind_a_figure_go_by_pseudonym_while_a_meeting_is_open() {
    let screen_of = |store: &Store, model: &mut Model, view: &mut View| {
        act(store, model, view, Command::Monitoring);
        view.monitoring.row = row_of(model, &Figure::Cases);
        act(store, model, view, Command::Open);
        assert!(view.monitoring.list.is_some());
        crate::ui::tests::screen_of(model, view, 160, 48, "donker")
    };
    let (_dir, store, mut model) = school();
    let mut view = View::default();
    let private = screen_of(&store, &mut model, &mut view);
    assert!(!named(&store, &private).is_empty(), "{private}");
    let listed = model
        .monitoring
        .as_ref()
        .unwrap()
        .data
        .cases_behind(&Figure::Cases);
    let anonymous = listed
        .unwrap()
        .into_iter()
        .find(|(line, _)| !line.shown.is_named())
        .map(|(line, _)| line.shown.name().to_string())
        .expect("the demo has a running case without consent");
    assert!(private.contains(&anonymous), "{private}");
    assert!(
        private.contains(model.lang.texts().stats.screen_list_keys),
        "{private}"
    );

    let (_dir, store, mut model, mut view) = on_case(|brief| brief.case.consent == Consent::Yes);
    store
        .save(&model.meeting.as_ref().unwrap().meeting)
        .unwrap();
    act(&store, &mut model, &mut view, Command::Back);
    for lang in [crate::i18n::Lang::Nl, crate::i18n::Lang::En] {
        model.lang = lang;
        let presenting = screen_of(&store, &mut model, &mut view);
        assert!(model.monitoring.as_ref().unwrap().data.presenting);
        assert_eq!(
            named(&store, &presenting),
            Vec::<String>::new(),
            "{presenting}"
        );
        assert!(
            presenting.contains(model.lang.texts().stats.screen_presenting),
            "{presenting}"
        );
        // Enter on a case of the list opens no dossier while presenting: the key line does
        // not offer it, and the status line says why when it is pressed anyway.
        let stats = model.lang.texts().stats;
        assert!(
            presenting.contains(stats.screen_list_keys_presenting),
            "{presenting}"
        );
        assert!(!presenting.contains("Enter"), "{presenting}");
        act(&store, &mut model, &mut view, Command::Open);
        assert_eq!(model.screen, Screen::Monitoring);
        assert!(view.flash.is_some(), "the refusal is said");
        assert_eq!(
            named(&store, view.flash.as_deref().unwrap()),
            Vec::<String>::new()
        );
        // The figures with their charts and the open waits beside them name nobody either.
        act(&store, &mut model, &mut view, Command::Back);
        for (w, h) in [(80, 24), (160, 48)] {
            let figures = crate::ui::tests::screen_of(&model, &view, w, h, "donker");
            assert_eq!(named(&store, &figures), Vec::<String>::new(), "{figures}");
        }
    }
}

#[test]
fn the_start_screen_palette_and_help_offer_monitoring_and_its_keys_come_with_it() {
    use crate::app::core::keymap::{Context, Keymap};
    use crate::app::overlay::palette;
    let keymap = Keymap::default();
    let rows = palette::rows(&keymap, Screen::Dashboard, crate::i18n::Lang::Nl.texts());
    assert!(
        rows.iter()
            .any(|r| r.command == palette::Choice::Act(Command::Monitoring))
    );
    let on = |context, command| {
        keymap
            .bindings(context)
            .into_iter()
            .find(|b| b.command == command)
            .map(|b| b.keys)
    };
    assert_eq!(
        on(Context::Dashboard, Command::Monitoring),
        Some(vec!["M".to_string()])
    );
    assert_eq!(
        on(Context::Monitoring, Command::SwitchPeriod),
        Some(vec!["p".to_string()])
    );
    assert!(on(Context::Monitoring, Command::Open).is_some());
}

/// The walk found `?` here saying Enter opens "the pupil, the case": it lists the cases
/// behind the chosen figure, and on that list opens the dossier; the help says both, on the
/// figures and on that list alike.
#[test]
fn the_help_says_what_enter_does_here() {
    let (_dir, store, mut model, mut view) = on_monitoring();
    for list in [false, true] {
        if list {
            act(&store, &mut model, &mut view, Command::Open);
            assert!(view.monitoring.list.is_some());
        }
        act(&store, &mut model, &mut view, Command::Help);
        for lang in [crate::i18n::Lang::Nl, crate::i18n::Lang::En] {
            model.lang = lang;
            let t = lang.texts();
            let screen = crate::ui::tests::screen_of(&model, &view, 160, 48, "donker");
            assert!(screen.contains(t.stats.screen_enter), "{screen}");
            assert!(!screen.contains(t.commands.open), "{screen}");
        }
        act(&store, &mut model, &mut view, Command::Back);
    }
}

#[test]
fn the_screen_counts_with_the_settings_it_was_started_with() {
    let (_dir, store, _) = school();
    let settings = crate::app::Settings {
        lang: crate::i18n::Lang::Nl,
        today: today(),
        theme: None,
        demo: false,
        lock_after: 0,
        // A norm of one week: every wait longer than seven days is over it.
        monitoring: crate::monitoring::Settings {
            norm_weeks: 1,
            return_months: 3,
            threshold: 10,
        },
    };
    let (mut model, mut view) =
        crate::app::first_screen(&store, &crate::domain::PhaseModel::default(), &settings).unwrap();
    view.overlays.close(crate::app::OverlayKind::Prompt);
    act(&store, &mut model, &mut view, Command::Monitoring);
    let figures = &model.monitoring.as_ref().unwrap().data.figures;
    assert_eq!(figures.settings, settings.monitoring);
    assert_eq!(figures.norm.weeks, 1);
    assert_eq!(figures.returns.months, 3);
    let long_waits = figures.norm.waits.iter().filter(|w| w.days > 7).count();
    assert!(long_waits > 0, "the demo has waits longer than a week");
    assert_eq!(figures.norm.waiting_over_norm as usize, long_waits);
}

/// A large school's figures take seconds to read: `p` and `M` show a period read since the
/// last write again without reading the store, and any write has them read anew.
#[test]
fn periods_are_read_once_and_again_after_a_write() {
    use crate::app::core::effects::apply;
    let (_dir, store, mut model, mut view) = on_monitoring();
    let cases = |model: &Model| model.monitoring.as_ref().unwrap().data.figures.cases;
    let before = cases(&model);
    act(&store, &mut model, &mut view, Command::SwitchPeriod);
    assert_eq!(
        model.monitoring.as_ref().unwrap().period,
        PeriodChoice::Term(1)
    );
    // Written behind the screen's back: what is kept is shown, the store is not read.
    let mut extra = store.all::<crate::domain::Case>().next().unwrap().unwrap();
    extra.id = crate::domain::CaseId(store.next_id(crate::store::TreeId::Cases).unwrap());
    extra.opened = today();
    extra.closed = None;
    extra.phase = model.phases.first().id().to_string();
    store.insert(&extra).unwrap();
    act(&store, &mut model, &mut view, Command::SwitchPeriod);
    act(&store, &mut model, &mut view, Command::SwitchPeriod);
    assert_eq!(
        model.monitoring.as_ref().unwrap().period,
        PeriodChoice::Year
    );
    assert_eq!(cases(&model), before, "kept, not read again");
    act(&store, &mut model, &mut view, Command::Back);
    act(&store, &mut model, &mut view, Command::Monitoring);
    assert_eq!(cases(&model), before, "kept, not read again");
    // Typing in a prompt keeps its draft at every key: no record changes, nothing is read
    // again (every key dropped the figures once, which took seconds on a large school).
    act(&store, &mut model, &mut view, Command::Back);
    let effects = vec![Effect::SavePromptDraft(None)];
    apply(&store, &mut model, &mut view, effects, today()).unwrap();
    act(&store, &mut model, &mut view, Command::Monitoring);
    assert_eq!(cases(&model), before, "kept over a prompt's draft");
    // A write through the screen (presentation on, as a chair does) forgets them all.
    let effects = vec![Effect::SetPresentation(true)];
    apply(&store, &mut model, &mut view, effects, today()).unwrap();
    act(&store, &mut model, &mut view, Command::Monitoring);
    assert_eq!(cases(&model), before + 1, "read again after a write");
}

/// The walk found names cut at 120 and 200 columns: at every width each figure's name is
/// shown whole, on one line or wrapped onto the next.
#[test]
fn every_figure_name_is_shown_whole_at_any_width() {
    let (_dir, _store, model, view) = on_monitoring();
    let t = model.lang.texts().stats;
    let figures = &model.monitoring.as_ref().unwrap().data.figures;
    for (w, h) in [(80, 40), (120, 40), (160, 48), (200, 50)] {
        let screen = crate::ui::tests::screen_of(&model, &view, w, h, "donker");
        let lines: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
        // The names' column ends where the header's "waarde" begins.
        let (header, start) = lines
            .iter()
            .find_map(|l| {
                let text: String = l.iter().collect();
                let at = text.find(t.screen_cols[1])?;
                Some((l, text[..at].chars().count()))
            })
            .unwrap_or_else(|| panic!("no header at {w}x{h}:\n{screen}"));
        let left = header.iter().position(|c| *c == '│').unwrap() + 1;
        let column: Vec<String> = lines
            .iter()
            .filter(|l| l.len() > start)
            .map(|l| l[left..start].iter().collect::<String>().trim().to_string())
            .collect();
        let joined = column.join(" ");
        for (figure, _) in rows(figures) {
            let phase = |id: &str| model.phases.name(id, model.lang).to_string();
            let s = figures.settings;
            let name = t.figure(&figure, &phase, s.norm_weeks, s.return_months);
            assert!(joined.contains(&name), "{name:?} cut at {w}x{h}:\n{screen}");
        }
    }
}

/// At 120x36 the figures took the whole height beside the charts and the open waits, the
/// team's own list, were gone: the longest waits keep their rows under the figures, whichever
/// figure is chosen (the figures scroll).
#[test]
fn the_open_waits_keep_their_rows_at_120x36() {
    let (_dir, _store, model, mut view) = on_monitoring();
    let data = &model.monitoring.as_ref().unwrap().data;
    let waits = &data.figures.norm.waits;
    assert!(waits.len() >= 2, "the demo has open waits");
    let row = |at: usize| {
        let name = data.cases[&waits[at].case].shown.name().to_string();
        (name, waits[at].days.to_string())
    };
    for chosen in [0, rows(&data.figures).len() - 1] {
        view.monitoring.row = chosen;
        let screen = crate::ui::tests::screen_of(&model, &view, 120, 36, "donker");
        for at in 0..2 {
            let (name, days) = row(at);
            let line = screen.lines().find(|line| line.contains(&name));
            assert!(
                line.is_some_and(|line| line.contains(&format!(" {days} "))),
                "wait {at} ({name}, {days} days): {screen}"
            );
        }
    }
}
