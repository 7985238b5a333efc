//! The direction of the layers (docs/architecture.md), read from the sources: `domain` imports
//! nothing above it and does no I/O, `ui` never reaches the store, and `app` never calls `ui`.
//! A reviewer cannot keep these by eye across a hundred files; this test does.

use std::path::{Path, PathBuf};

/// The modules of `src/` the domain may not name: everything but itself and the leaf `lang`.
const ABOVE_DOMAIN: &[&str] = &[
    "app", "atomic", "cli", "demo", "error", "export", "i18n", "import", "query", "store", "tui",
    "ui",
];

/// Paths and calls that reach the disk, the network, other processes, the environment or the
/// clock. A rule of the domain takes today's date as a value.
const IO: &[&str] = &[
    "std::fs",
    "std::io",
    "std::net",
    "std::process",
    "std::env",
    "std::time",
    "SystemTime",
    "Instant::now",
    "Local::now",
    "Utc::now",
    "File::open",
    "File::create",
    "println!",
    "eprintln!",
    "print!",
    "eprint!",
];

#[test]
fn the_domain_imports_no_layer_above_it_and_does_no_io() {
    let mut found = Vec::new();
    for file in rust_files(&src().join("domain")) {
        let code = code_of(&read(&file));
        for module in crate_modules(&code, depth_of(&file)) {
            if ABOVE_DOMAIN.contains(&module.as_str()) {
                found.push(format!("{}: imports crate::{module}", shown(&file)));
            }
        }
        for io in io_uses(&code) {
            found.push(format!("{}: {io}", shown(&file)));
        }
    }
    assert!(
        found.is_empty(),
        "the domain reaches above it:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_screen_never_reaches_the_store() {
    let mut found = Vec::new();
    for file in rust_files(&src().join("ui")) {
        // Tests build a school in a store to draw it; the drawing code itself may not.
        if is_test_file(&file) {
            continue;
        }
        let code = without_test_module(&code_of(&read(&file)));
        if crate_modules(&code, depth_of(&file))
            .iter()
            .any(|m| m == "store")
        {
            found.push(shown(&file));
        }
    }
    assert!(found.is_empty(), "ui imports store: {}", found.join(", "));
}

#[test]
fn the_state_machine_never_calls_the_drawing_or_the_loop() {
    let mut found = Vec::new();
    for file in rust_files(&src().join("app")) {
        // Tests draw what a run of messages left on screen; the state machine itself may not.
        if is_test_file(&file) {
            continue;
        }
        let code = without_test_module(&code_of(&read(&file)));
        if crate_modules(&code, depth_of(&file))
            .iter()
            .any(|m| m == "ui" || m == "tui")
        {
            found.push(shown(&file));
        }
    }
    assert!(
        found.is_empty(),
        "app imports ui or tui: {}",
        found.join(", ")
    );
}

/// The scanner itself: each way of naming a module or doing I/O is seen, and comments and
/// strings are not mistaken for code.
#[test]
fn the_scanner_sees_every_way_of_naming_a_module() {
    let modules = |text: &str, depth: usize| crate_modules(&code_of(text), depth);
    assert_eq!(modules("use crate::store::Store;", 2), ["store"]);
    assert_eq!(
        modules("use crate::{domain::Case, app};", 2),
        ["domain", "app"]
    );
    assert_eq!(
        modules("use crate::{\n    query::{self, pick},\n    ui,\n};", 2),
        ["query", "ui"]
    );
    assert_eq!(modules("let x = crate::i18n::Lang::Nl;", 2), ["i18n"]);
    // From src/domain/phase.rs `super` is the domain and `super::super` the crate.
    assert_eq!(modules("use super::super::export::Doc;", 2), ["export"]);
    assert_eq!(modules("use super::case::Case;", 2), Vec::<String>::new());
    assert_eq!(modules("use super::app;", 1), ["app"]);
    assert!(modules("// use crate::store;\n/// crate::app", 2).is_empty());
    assert!(modules("let s = \"crate::store\";", 2).is_empty());

    let io = |text: &str| io_uses(&code_of(text));
    assert_eq!(io("use std::fs::File;"), ["std::fs"]);
    assert_eq!(io("use std::{collections::HashMap, env};"), ["std::env"]);
    assert_eq!(io("let now = chrono::Local::now();"), ["Local::now"]);
    assert!(io("let x = std::mem::take(&mut y); // std::fs").is_empty());
    assert!(io("let text = \"std::fs\";").is_empty());

    let tests_cut =
        without_test_module("use crate::ui;\n#[cfg(test)]\nmod tests {\n use crate::store;\n}\n");
    assert_eq!(crate_modules(&tests_cut, 1), ["ui"]);
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn read(file: &Path) -> String {
    std::fs::read_to_string(file).unwrap_or_else(|err| panic!("{}: {err}", file.display()))
}

fn shown(file: &Path) -> String {
    file.strip_prefix(src())
        .unwrap_or(file)
        .display()
        .to_string()
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    assert!(!files.is_empty(), "no sources in {}", dir.display());
    files
}

fn is_test_file(file: &Path) -> bool {
    let stem = file
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    stem.starts_with("tests") || file.components().any(|c| c.as_os_str() == "tests")
}

/// How many modules deep a file's own module is: `src/domain/mod.rs` 1, `src/domain/case.rs` 2.
fn depth_of(file: &Path) -> usize {
    let relative = file.strip_prefix(src()).unwrap_or(file);
    let parts = relative.components().count();
    let is_mod = relative.file_name().is_some_and(|n| n == "mod.rs");
    if is_mod { parts - 1 } else { parts }
}

/// The source without comments and with every string and char literal emptied, so that only
/// code is searched.
fn code_of(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i += 2;
            while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                i += 1;
            }
            i += 2;
        } else if c == 'r'
            && matches!(next, Some('"' | '#'))
            && !is_ident(chars.get(i.wrapping_sub(1)))
        {
            // A raw string: r"…" or r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            let closing: String = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            let rest: String = chars[j..].iter().collect();
            let end = rest
                .find(&closing)
                .map_or(rest.len(), |at| at + closing.len());
            out.push_str("\"\"");
            i = j + rest[..end].chars().count();
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' && is_char_literal(&chars[i..]) {
            i += 1;
            while i < chars.len() && chars[i] != '\'' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("' '");
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn is_ident(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || *c == '_')
}

/// `'a'` or `'\n'`, not a lifetime `'a`.
fn is_char_literal(rest: &[char]) -> bool {
    matches!(rest, ['\'', '\\', ..] | ['\'', _, '\'', ..])
}

/// Everything from the `#[cfg(test)]` before the file's inline test module on is left out.
fn without_test_module(code: &str) -> String {
    let mut kept = Vec::new();
    let mut lines = code.lines().peekable();
    while let Some(line) = lines.next() {
        if line.trim() == "#[cfg(test)]"
            && lines
                .peek()
                .is_some_and(|next| next.trim_start().starts_with("mod "))
        {
            break;
        }
        kept.push(line);
    }
    kept.join("\n")
}

/// The top modules of the crate a file names, each once, in order: `crate::x`, `crate::{x, y}`,
/// and `super::…::x` where the `super`s climb to the crate's root.
fn crate_modules(code: &str, depth: usize) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let mut add = |name: &str| {
        if !name.is_empty() && !found.iter().any(|f| f == name) {
            found.push(name.to_string());
        }
    };
    let words = tokens(code);
    for (at, word) in words.iter().enumerate() {
        let after = if word == "crate" && !is_path_tail(&words, at) {
            Some(at + 1)
        } else if word == "super" && !is_path_tail(&words, at) {
            let mut climbed = 1;
            let mut j = at + 1;
            while words.get(j).map(String::as_str) == Some("::")
                && words.get(j + 1).map(String::as_str) == Some("super")
            {
                climbed += 1;
                j += 2;
            }
            (climbed >= depth).then_some(j)
        } else {
            None
        };
        let Some(j) = after else { continue };
        if words.get(j).map(String::as_str) != Some("::") {
            continue;
        }
        match words.get(j + 1).map(String::as_str) {
            Some("{") => group_heads(&words[j + 2..]).into_iter().for_each(&mut add),
            Some(name) => add(name),
            None => {}
        }
    }
    found
}

/// `a::crate` is no path from the root; only a leading `crate` or `super` is.
fn is_path_tail(words: &[String], at: usize) -> bool {
    at > 0 && words[at - 1] == "::" && at > 1 && words[at - 2] != "super"
}

/// Identifiers, `::` and single punctuation, in order.
fn tokens(code: &str) -> Vec<String> {
    let mut words = Vec::new();
    let chars: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            words.push(chars[start..i].iter().collect());
        } else if c == ':' && chars.get(i + 1) == Some(&':') {
            words.push("::".into());
            i += 2;
        } else {
            if !c.is_whitespace() {
                words.push(c.to_string());
            }
            i += 1;
        }
    }
    words
}

/// The I/O paths and calls of [`IO`] the code uses, `use std::{…, fs}` included.
fn io_uses(code: &str) -> Vec<String> {
    let flat: String = tokens(code).join(" ").replace(" :: ", "::");
    let mut found: Vec<String> = Vec::new();
    for io in IO {
        let pattern = io.replace('!', " !");
        let hit = flat.match_indices(&pattern).any(|(at, _)| {
            let before = flat[..at].chars().next_back();
            let after = flat[at + pattern.len()..].chars().next();
            !is_ident(before.as_ref()) && !is_ident(after.as_ref())
        });
        if hit {
            found.push(io.to_string());
        }
    }
    // `use std::{fs, …}`: the std modules named at the top of a group.
    for module in std_group_modules(code) {
        let path = format!("std::{module}");
        if IO.contains(&path.as_str()) && !found.contains(&path) {
            found.push(path);
        }
    }
    found
}

fn std_group_modules(code: &str) -> Vec<String> {
    let words = tokens(code);
    let mut found = Vec::new();
    for at in 0..words.len() {
        if words[at] == "std"
            && words.get(at + 1).map(String::as_str) == Some("::")
            && words.get(at + 2).map(String::as_str) == Some("{")
        {
            found.extend(
                group_heads(&words[at + 3..])
                    .into_iter()
                    .map(str::to_string),
            );
        }
    }
    found
}

/// The names at the top of a `{ … }` group whose opening brace is just before `words`: the
/// first word after the brace and after each `,` at that level.
fn group_heads(words: &[String]) -> Vec<&str> {
    let mut heads = Vec::new();
    let mut level = 0;
    let mut expect = true;
    for w in words {
        match w.as_str() {
            "{" => level += 1,
            "}" if level == 0 => break,
            "}" => level -= 1,
            "," if level == 0 => expect = true,
            name if expect && level == 0 => {
                heads.push(name);
                expect = false;
            }
            _ => {}
        }
    }
    heads
}
