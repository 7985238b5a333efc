use super::*;

fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

#[test]
fn screen_keys_and_global_keys_both_work() {
    let keymap = Keymap::default();
    let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(
        keymap.command(Context::Dashboard, ctrl_c),
        Some(Command::Quit)
    );
    let j = press(KeyCode::Char('j'), KeyModifiers::NONE);
    assert_eq!(keymap.command(Context::Dashboard, j), Some(Command::Down));
    let c = press(KeyCode::Char('c'), KeyModifiers::NONE);
    assert_eq!(
        keymap.command(Context::Dashboard, c),
        None,
        "plain c is not ctrl-c"
    );
}

#[test]
fn help_lists_each_action_once_with_all_its_keys() {
    let bindings = Keymap::default().bindings(Context::Dashboard);
    let quit = bindings
        .iter()
        .find(|b| b.command == Command::Quit)
        .unwrap();
    assert_eq!(quit.keys, ["q", "ctrl-c"], "Esc goes back, it never quits");
    let actions: Vec<Command> = bindings.iter().map(|b| b.command).collect();
    let mut unique = actions.clone();
    unique.dedup();
    assert_eq!(actions, unique);
}

#[test]
fn q_goes_back_on_every_screen_that_lists_and_quits_only_from_the_start() {
    let keymap = Keymap::default();
    let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
    for context in [
        Context::Dossier,
        Context::Actions,
        Context::Audit,
        Context::Retention,
        Context::Monitoring,
    ] {
        assert_eq!(
            keymap.command(context, q),
            Some(Command::Back),
            "{context:?}"
        );
    }
    assert_eq!(keymap.command(Context::Dashboard, q), Some(Command::Quit));
}

#[test]
fn a_bad_keymap_is_refused_with_the_culprit() {
    let unknown_key = Keymap::parse("[global]\n\"hyper-x\" = \"quit\"\n").unwrap_err();
    assert!(unknown_key.contains("hyper-x"), "{unknown_key}");
    let unknown_action = Keymap::parse("[global]\n\"x\" = \"explode\"\n").unwrap_err();
    assert!(unknown_action.contains("explode"), "{unknown_action}");
}

/// The help and the palette list a screen's commands in the order `Command` declares them,
/// each once, ending with the help and quitting.
#[test]
fn bindings_come_in_the_order_commands_are_declared() {
    for context in [Context::Dashboard, Context::Meeting, Context::Actions] {
        let actions: Vec<Command> = Keymap::default()
            .bindings(context)
            .iter()
            .map(|b| b.command)
            .collect();
        assert!(
            actions.is_sorted_by(|a, b| a < b),
            "{context:?}: {actions:?}"
        );
        assert_eq!(actions[actions.len() - 2..], [Command::Help, Command::Quit]);
    }
}
