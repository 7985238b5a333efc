use std::fs;
use std::path::Path;

use ratatui::style::{Color, Modifier, Style};

use super::{
    BUILTIN, DEFAULT, REQUIRED_KEYS, Theme, ThemeError, UserThemes, builtin_names, load,
    load_user_themes, resolve, wants_monochrome,
};

const THEMES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/themes");
const INVALID: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/invalid_themes");

fn builtin(name: &str) -> Theme {
    resolve::resolve(name, &UserThemes::default()).unwrap_or_else(|err| panic!("{err}"))
}

fn user_dir(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        fs::write(dir.path().join(format!("{name}.toml")), text).unwrap();
    }
    dir
}

#[test]
fn every_file_in_themes_is_built_in_and_defines_every_required_key() {
    let mut names = Vec::new();
    for entry in fs::read_dir(THEMES).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_str().unwrap().to_owned();
        let embedded = BUILTIN.iter().find(|(builtin, _)| *builtin == name);
        let (_, text) = embedded.unwrap_or_else(|| panic!("{name} is not in BUILTIN"));
        assert_eq!(*text, fs::read_to_string(&path).unwrap());
        let theme = builtin(&name);
        for key in REQUIRED_KEYS {
            assert!(theme.styles.contains_key(*key), "{name} lacks {key}");
        }
        names.push(name);
    }
    names.sort();
    assert_eq!(names, builtin_names());
    assert_eq!(BUILTIN.len(), builtin_names().len());
}

#[test]
fn a_key_falls_back_to_its_prefix_and_finally_to_ui_text() {
    let donker = builtin("donker");
    let overdue = Style::new()
        .fg(Color::LightRed)
        .add_modifier(Modifier::BOLD);
    assert_eq!(donker.style("action.overdue"), overdue);
    assert_eq!(donker.style("action.overdue.today"), overdue);
    assert_eq!(
        donker.style("ui.text.dim.hint"),
        Style::new().fg(Color::DarkGray)
    );
    // donker has no plain `action`, so that goes to ui.text, as does nonsense.
    assert_eq!(donker.style("action.unknown"), Style::new().fg(Color::Gray));
    assert_eq!(donker.style("nonsense"), Style::new().fg(Color::Gray));

    let dir = user_dir(&[(
        "eigen",
        "inherits = \"donker\"\n\"level\" = \"#0072b2\"\n\"action\" = { fg = \"blue\", modifiers = [\"italic\"] }\n",
    )]);
    let (theme, err) = load("eigen", Some(dir.path()));
    assert_eq!(err, None);
    assert_eq!(
        theme.style("level.3"),
        Style::new().fg(Color::Rgb(0, 0x72, 0xb2))
    );
    let action = Style::new().fg(Color::Blue).add_modifier(Modifier::ITALIC);
    assert_eq!(theme.style("action.unknown"), action);
    assert_eq!(theme.style("action.overdue"), overdue);
}

#[test]
fn a_child_overrides_keys_and_its_palette_recolours_what_it_inherits() {
    let dir = user_dir(&[(
        "paars",
        "inherits = \"donker\"\n\"ui.text\" = \"#102030\"\n[palette]\naccent = \"magenta\"\n",
    )]);
    let (theme, err) = load("paars", Some(dir.path()));
    assert_eq!(err, None);
    assert_eq!(theme.name(), "paars");
    assert_eq!(
        theme.style("ui.text"),
        Style::new().fg(Color::Rgb(16, 32, 48))
    );
    let selection = theme.style("ui.selection");
    assert_eq!(
        (selection.fg, selection.bg),
        (Some(Color::Black), Some(Color::Magenta))
    );
    let donker = builtin("donker");
    assert_eq!(theme.style("timer.over"), donker.style("timer.over"));
}

#[test]
fn a_user_file_replaces_a_built_in_and_may_inherit_it() {
    let dir = user_dir(&[(
        "donker",
        "inherits = \"donker\"\n\"ui.title\" = \"yellow\"\n",
    )]);
    let (theme, err) = load("donker", Some(dir.path()));
    assert_eq!(err, None);
    assert_eq!(theme.style("ui.title"), Style::new().fg(Color::Yellow));
    assert_eq!(theme.style("ui.text"), builtin("donker").style("ui.text"));
    assert_eq!(
        load_user_themes(dir.path()).names().collect::<Vec<_>>(),
        ["donker"]
    );
}

#[test]
fn mono_shows_everything_with_modifiers_and_never_a_colour() {
    let mono = builtin("mono");
    for key in REQUIRED_KEYS {
        let style = mono.style(key);
        assert_eq!((style.fg, style.bg), (None, None), "mono colours {key}");
    }
    for key in [
        "ui.selection",
        "ui.border.focus",
        "phase.current",
        "agenda.current",
    ] {
        assert!(!mono.style(key).add_modifier.is_empty(), "mono hides {key}");
    }
    assert!(
        mono.style("ui.selection")
            .add_modifier
            .contains(Modifier::REVERSED)
    );
    for (a, b) in STATE_PAIRS {
        assert_ne!(mono.style(a), mono.style(b), "mono: {a} looks like {b}");
    }
}

/// States a reader must tell apart at a glance.
const STATE_PAIRS: [(&str, &str); 4] = [
    ("action.overdue", "action.done"),
    ("action.overdue", "action.open"),
    ("timer.over", "timer.running"),
    ("phase.current", "phase.done"),
];

fn rgb(colour: Option<Color>) -> [u8; 3] {
    match colour {
        Some(Color::Rgb(r, g, b)) => [r, g, b],
        other => panic!("expected #rrggbb, got {other:?}"),
    }
}

fn linear(channel: u8) -> f64 {
    let c = f64::from(channel) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

/// WCAG 2 relative luminance, after an optional colour-vision matrix on linear RGB.
fn luminance(colour: [u8; 3], vision: &[[f64; 3]; 3]) -> f64 {
    let lin = colour.map(linear);
    let seen: Vec<f64> = vision
        .iter()
        .map(|row| (row[0] * lin[0] + row[1] * lin[1] + row[2] * lin[2]).clamp(0.0, 1.0))
        .collect();
    0.2126 * seen[0] + 0.7152 * seen[1] + 0.0722 * seen[2]
}

fn contrast(a: [u8; 3], b: [u8; 3], vision: &[[f64; 3]; 3]) -> f64 {
    let (la, lb) = (luminance(a, vision), luminance(b, vision));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

const NORMAL: [[f64; 3]; 3] = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]];
// Machado, Oliveira and Fernandes (2009), severity 1.0.
const PROTANOPIA: [[f64; 3]; 3] = [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
];
const DEUTERANOPIA: [[f64; 3]; 3] = [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.011820, 0.042940, 0.968881],
];

#[test]
fn beamer_is_black_on_white_with_strong_contrast_everywhere() {
    let beamer = builtin("beamer");
    let background = rgb(beamer.style("ui.background").bg);
    let text = rgb(beamer.style("ui.text").fg);
    assert!(contrast(text, background, &NORMAL) >= 7.0);
    assert!(
        luminance(background, &NORMAL) > 0.9,
        "the background is not white"
    );
    // 4.5:1 is WCAG AA for text; pale or pastel accents cannot reach it on white.
    for key in REQUIRED_KEYS {
        let style = beamer.style(key);
        let fg = style.fg.map_or(text, |fg| rgb(Some(fg)));
        let bg = style.bg.map_or(background, |bg| rgb(Some(bg)));
        let ratio = contrast(fg, bg, &NORMAL);
        assert!(ratio >= 4.5, "beamer {key}: {ratio:.2}:1");
    }
}

/// Two states are told apart without red against green when their styles differ in a
/// modifier (which survives every colour vision, a bleached projector and NO_COLOR) and, in
/// addition, their foregrounds differ in luminance by at least 1.5:1 for normal vision and for
/// simulated protanopia and deuteranopia: lightness is the channel dichromats keep.
#[test]
fn kleurenblind_never_tells_states_apart_by_hue_alone() {
    let theme = builtin("kleurenblind");
    for (a, b) in STATE_PAIRS {
        let (sa, sb) = (theme.style(a), theme.style(b));
        assert_ne!(
            sa.add_modifier, sb.add_modifier,
            "{a} and {b}: same modifiers"
        );
        for vision in [NORMAL, PROTANOPIA, DEUTERANOPIA] {
            let ratio = contrast(rgb(sa.fg), rgb(sb.fg), &vision);
            assert!(ratio >= 1.5, "{a} and {b}: {ratio:.2}:1");
        }
    }
}

/// Each fixture in tests/invalid_themes, loaded as a user theme: where the error points, and
/// part of its reason.
#[rustfmt::skip]
const INVALID_THEMES: &[(&str, &str, &str)] = &[
    ("bad_hex",             "bad_hex.toml:4",             "bad colour `#12345g`"),
    ("bad_palette",         "bad_palette.toml:6",         "palette entry `accent`: unknown colour `base`"),
    ("cycle_a",             "cycle_b.toml:4",             "inheritance cycle: cycle_a -> cycle_b -> cycle_a"),
    ("cycle_b",             "cycle_a.toml:2",             "inheritance cycle: cycle_b -> cycle_a -> cycle_b"),
    ("inherits_in_palette", "inherits_in_palette.toml:4", "`inherits` is inside [palette]"),
    ("palette_first",       "palette_first.toml:7",       "`ui.selection` is inside [palette]"),
    ("syntax_error",        "syntax_error.toml:4",        "invalid basic string"),
    ("unknown_colour",      "unknown_colour.toml:5",      "unknown colour `purple`"),
    ("unknown_inherits",    "unknown_inherits.toml:3",    "inherits: no theme `licht`"),
    ("unknown_key",         "unknown_key.toml:4",         "unknown key `acton.overdue`"),
    ("unknown_modifier",    "unknown_modifier.toml:6",    "unknown modifier `blink`"),
    ("unquoted_key",        "unquoted_key.toml:4",        "write dotted keys in quotes"),
    ("wrong_type",          "wrong_type.toml:4",          "invalid type: string \"bold\", expected a sequence"),
];

#[test]
fn every_invalid_theme_names_file_and_line_and_falls_back_to_donker() {
    let donker = builtin(DEFAULT);
    for (name, location, reason) in INVALID_THEMES {
        let (theme, err) = load(name, Some(Path::new(INVALID)));
        let err = err.unwrap_or_else(|| panic!("{name} loaded without error"));
        let (file, line) = location.split_once(':').unwrap();
        assert!(Path::new(&err.file).ends_with(file), "{name}: {err}");
        assert_eq!(err.line.to_string(), line, "{name}: {err}");
        assert!(err.reason.contains(reason), "{name}: {err}");
        let display = format!("{}:{}: {}", err.file, err.line, err.reason);
        assert_eq!(err.to_string(), display);
        assert_eq!(theme, donker, "{name}");
    }
    let mut fixtures: Vec<String> = fs::read_dir(INVALID)
        .unwrap()
        .map(|entry| {
            let path = entry.unwrap().path();
            path.file_stem().unwrap().to_str().unwrap().to_owned()
        })
        .collect();
    fixtures.sort();
    let covered: Vec<&str> = INVALID_THEMES.iter().map(|fixture| fixture.0).collect();
    assert_eq!(fixtures, covered, "every fixture needs an expectation");
}

#[test]
fn an_unknown_theme_is_an_error_about_the_whole_file() {
    let (theme, err) = load("licht", None);
    assert_eq!(theme, builtin(DEFAULT));
    let err = err.unwrap();
    assert_eq!(
        err,
        ThemeError {
            file: "themes/licht.toml".into(),
            line: 0,
            reason: "no theme `licht` (there are beamer, donker, kleurenblind, mono)".into(),
        }
    );
    assert_eq!(
        err.to_string(),
        "themes/licht.toml: no theme `licht` (there are beamer, donker, kleurenblind, mono)"
    );
}

#[test]
fn a_missing_user_directory_is_no_user_themes() {
    let missing = Path::new(INVALID).join("no such directory");
    assert_eq!(load_user_themes(&missing).names().count(), 0);
    let (theme, err) = load("beamer", Some(&missing));
    assert_eq!((theme.name(), err), ("beamer", None));
}

#[test]
fn monochrome_when_no_color_is_set_or_the_terminal_is_dumb() {
    let cases = [
        (None, None, false),
        (None, Some("xterm-256color"), false),
        (Some(""), Some("xterm-256color"), false),
        (Some("1"), Some("xterm-256color"), true),
        (Some("0"), None, true),
        (None, Some("dumb"), true),
        (Some(""), Some("dumb"), true),
        (Some("yes"), Some("dumb"), true),
    ];
    for (no_color, term, expected) in cases {
        assert_eq!(
            wants_monochrome(no_color, term),
            expected,
            "{no_color:?} {term:?}"
        );
    }
}
