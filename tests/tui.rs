//! The real binary in a pseudo-terminal at a fixed size, read back through a terminal emulator.
//!
//! Unix only: on Windows portable-pty goes through ConPTY, which the Wine that runs the Windows
//! tests in CI (Debian's 8.0) does not carry: otter starts but its screen never reaches the
//! test, which waits for it in vain. The screens themselves are tested on every platform
//! through ratatui's `TestBackend`.

#![cfg(unix)]

mod common;

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

fn nonzero(n: u16) -> std::num::NonZero<u16> {
    std::num::NonZero::new(n).expect("a terminal has a size")
}

/// Asks `check` every 20 ms until it gives a value; `None` after two minutes, a deadline that
/// only keeps a broken build from hanging (a busy machine may take long, never that long).
fn poll_until<T>(mut check: impl FnMut() -> Option<T>) -> Option<T> {
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if let Some(value) = check() {
            return Some(value);
        }
        if Instant::now() >= deadline {
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

struct Session {
    screen: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Session {
    fn start(args: &[&str], data_dir: &std::path::Path, cols: u16, rows: u16) -> Session {
        Session::start_with(args, data_dir, cols, rows, &[])
    }

    fn start_with(
        args: &[&str],
        data_dir: &std::path::Path,
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Session {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_otter"));
        cmd.args(args);
        Session::spawn(cmd, data_dir, cols, rows, env)
    }

    /// `cmd` (otter, or a shell around it) in a new pseudo-terminal.
    fn spawn(
        mut cmd: CommandBuilder,
        data_dir: &std::path::Path,
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        cmd.env("OTTER_DATA_DIR", data_dir);
        cmd.env("OTTER_TODAY", common::TODAY);
        cmd.env("TERM", "xterm-256color");
        for (key, value) in env {
            cmd.env(key, value);
        }
        let child = pty.slave.spawn_command(cmd).unwrap();
        drop(pty.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            nonzero(rows),
            nonzero(cols),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pty.master.try_clone_reader().unwrap();
        let (screen_in, raw_in) = (screen.clone(), raw.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                screen_in.lock().unwrap().process(&buf[..n]);
                raw_in.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        let writer = pty.master.take_writer().unwrap();
        Session {
            screen,
            raw,
            writer,
            child,
            master: pty.master,
        }
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `text`.
    fn wait_for(&self, text: &str) -> String {
        self.wait_for_count(text, 1)
    }

    /// A demo school's next meeting opened at 120 columns and `rows` rows, on its first item.
    fn in_demo_meeting(rows: u16) -> (tempfile::TempDir, Session) {
        let dir = tempfile::TempDir::new().unwrap();
        common::otter(dir.path()).arg("demo").assert().success();
        let mut otter = Session::start(&[], dir.path(), 120, rows);
        otter.on_start_screen();
        otter.send("v");
        otter.wait_for("Opening en aanwezigheid");
        otter.held_as_planned();
        (dir, otter)
    }

    /// The demo's next OT is planned on another day than today: the question which date its
    /// minutes carry is asked, and `Esc` keeps the planned one.
    fn held_as_planned(&mut self) {
        // The question may come a frame after the meeting itself: waiting for the meeting
        // alone let the next keys land in the question on a busy machine (a CI run saw "nnn"
        // typed there). Every caller opens the demo's meeting on another day, so it is asked.
        self.wait_for("Deze OT stond gepland op");
        self.send("\x1b");
        self.wait_gone("Deze OT stond gepland op");
    }

    /// Waits until the screen no longer shows `text`. After an `Esc`, the next key goes only
    /// once what it closed is gone: sent at once, a terminal reads `Esc` and that key as one
    /// Alt key when both arrive in one read (a busy machine saw it leave a form open).
    fn wait_gone(&self, text: &str) {
        poll_until(|| (!self.contents().contains(text)).then_some(()))
            .unwrap_or_else(|| panic!("{text:?} stayed; screen:\n{}", self.contents()));
    }

    /// Past the start screen's "who are you?" (asked while nobody is chosen): later.
    fn on_start_screen(&mut self) {
        self.wait_for("Wie ben jij?");
        self.send("\x1b");
        self.wait_for("Enter openen");
    }

    /// Waits until one screen shows every one of `texts`.
    fn wait_for_all(&self, texts: &[&str]) -> String {
        poll_until(|| {
            let contents = self.contents();
            texts
                .iter()
                .all(|text| contents.contains(text))
                .then_some(contents)
        })
        .unwrap_or_else(|| {
            panic!(
                "never showed all of {texts:?}; screen:\n{}",
                self.contents()
            )
        })
    }

    /// Waits until `text` shows `times` times on the screen.
    fn wait_for_count(&self, text: &str, times: usize) -> String {
        poll_until(|| {
            let contents = self.contents();
            (contents.matches(text).count() >= times).then_some(contents)
        })
        .unwrap_or_else(|| {
            panic!(
                "never showed {text:?} {times} times; screen:\n{}",
                self.contents()
            )
        })
    }

    /// Sends `keys` once otter reads the terminal key by key. A passphrase prompt is printed
    /// before the terminal leaves line mode: a Ctrl-D that arrives in between is taken by the
    /// line discipline as the end of a line, not given to otter, which then waits for ever.
    fn send_unbuffered(&mut self, keys: &str) {
        let fd = self.master.as_raw_fd().expect("a unix pty");
        poll_until(|| {
            // SAFETY: `termios` is plain data, filled in by tcgetattr on an open descriptor.
            let mut termios: libc::termios = unsafe { std::mem::zeroed() };
            let read = unsafe { libc::tcgetattr(fd, &mut termios) } == 0;
            (read && termios.c_lflag & libc::ICANON == 0).then_some(())
        })
        .expect("otter never read the terminal key by key");
        self.send(keys);
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Whether otter's bytes hold `sequence`, waiting for the reader: on a busy machine it may
    /// still be draining the terminal after otter has exited.
    fn wrote(&self, sequence: &str) -> bool {
        poll_until(|| {
            String::from_utf8_lossy(&self.raw.lock().unwrap())
                .contains(sequence)
                .then_some(())
        })
        .is_some()
    }

    fn exit_code(&mut self) -> u32 {
        poll_until(|| {
            self.child
                .try_wait()
                .unwrap()
                .map(|status| status.exit_code())
        })
        .expect("otter did not exit")
    }

    /// Sends otter `signal` (`kill -SIGNAL`): a stop, a continue or a kill, as the machine
    /// would.
    fn signal(&self, signal: &str) {
        let pid = self.child.process_id().unwrap().to_string();
        let sent = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &pid])
            .status()
            .unwrap();
        assert!(sent.success(), "kill -{signal}");
    }

    /// Kills otter with SIGKILL, as a power cut or a closed laptop lid would end it: no
    /// handler runs, nothing is flushed on the way out.
    fn kill_9(&mut self) {
        self.signal("KILL");
        assert_ne!(self.exit_code(), 0, "killed, not ended");
    }
}

#[test]
fn the_start_screen_opens_shows_the_school_and_quits_on_q() {
    let dir = tempfile::TempDir::new().unwrap();
    common::otter(dir.path()).arg("demo").assert().success();
    let mut otter = Session::start(&[], dir.path(), 100, 30);
    let screen = otter.wait_for("Volgende OT");
    assert!(screen.contains("ma 23-11-2026"), "{screen}");
    otter.wait_for("Wie ben jij?");
    otter.send("mar\r");
    // The frame is written top to bottom: once its last list shows, the rest is there. The
    // list may show behind the question too, so the answer is waited for with it.
    let screen = otter.wait_for_all(&[
        "Mijn actiepunten · Marieke van den Berg",
        "Recent gewijzigd",
    ]);
    assert!(screen.contains("Actiepunten over datum"), "{screen}");
    assert!(screen.contains("Evaluatie verstreken"), "{screen}");
    otter.send("q");
    assert_eq!(otter.exit_code(), 0);
    assert!(
        otter.wrote("\x1b[?1049l"),
        "the alternate screen is left on exit"
    );

    // Asked once: the next start knows who it is.
    let mut otter = Session::start(&[], dir.path(), 100, 30);
    let screen = otter.wait_for("Recent gewijzigd");
    assert!(
        screen.contains("Mijn actiepunten · Marieke van den Berg"),
        "{screen}"
    );
    assert!(!screen.contains("Wie ben jij?"), "{screen}");
    otter.send("q");
    assert_eq!(otter.exit_code(), 0);
}

#[test]
fn a_terminal_made_too_small_says_so_and_ctrl_c_quits() {
    let dir = tempfile::TempDir::new().unwrap();
    let mut otter = Session::start(&["--lang", "en"], dir.path(), 100, 30);
    // A new database: no passphrase, confirmed.
    otter.wait_for("New passphrase");
    otter.send("\r");
    otter.wait_for("Really no encryption? (yes/no)");
    otter.send("yes\r");
    otter.wait_for("No OT is planned.");
    otter
        .master
        .resize(PtySize {
            rows: 12,
            cols: 40,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    otter
        .screen
        .lock()
        .unwrap()
        .screen_mut()
        .set_size(nonzero(12), nonzero(40));
    otter.wait_for("at least 80×24");
    otter.send("\x03");
    assert_eq!(otter.exit_code(), 0);
}

/// The meeting the database records as open.
fn open_meeting(store: &otter::store::Store) -> otter::domain::Meeting {
    store
        .meetings_by_date()
        .unwrap()
        .into_iter()
        .find(|m| m.state == otter::domain::MeetingState::Open)
        .expect("the meeting is recorded as open")
}

#[test]
fn a_meeting_opened_and_timed_is_saved_as_it_goes() {
    let (dir, mut otter) = Session::in_demo_meeting(32);
    otter.send("t");
    otter.send("n");
    otter.wait_for("▶ 2 Verslag vorige vergadering");
    otter.send("b");
    let hidden = otter.wait_for("Scherm verborgen");
    assert!(!hidden.contains("Verslag vorige vergadering"), "{hidden}");
    otter.send("x");
    otter.wait_for("▶ 2 Verslag vorige vergadering");
    // The previous minutes themselves are on the item, paged to their end with PgDn.
    otter.wait_for("Verslag OT-overleg di 03-11-2026");
    for _ in 0..40 {
        otter.send("\x1b[6~");
    }
    let end = otter.wait_for("Vastgesteld op");
    assert!(!end.contains("Verslag OT-overleg di 03-11-2026"), "{end}");
    otter.send("\x03");
    assert_eq!(otter.exit_code(), 0);

    let store = otter::store::Store::open(dir.path()).unwrap();
    let meeting = open_meeting(&store);
    assert_eq!(meeting.current_item, 1);
    assert!(
        meeting.timer_running(),
        "the timer still runs for when otter comes back"
    );
}

/// The short meeting of the issue: open, a case with a note, a phase attempt and an action,
/// close; then the record is read back through the command line.
#[test]
fn a_short_meeting_from_open_to_fixed_minutes() {
    let (dir, mut otter) = Session::in_demo_meeting(36);
    // The first member is present, the second sent notice.
    otter.send(" j  ");
    otter.wait_for("afwezig met bericht");
    otter.send("nnn");
    otter.wait_for("▶ 4 ");
    otter.send("e");
    // The case runs its plan (Uitvoering): e opens it on the phase notes.
    otter.wait_for("Aantekeningen · Uitvoering");
    otter.send("Moeder vertelt dat het thuis rustiger gaat. Zoë leest elke avond.");
    otter.send("\x1b");
    otter.wait_gone("Aantekeningen · Uitvoering");
    // The editor has closed when the meeting's keys are back in the status line.
    otter.wait_for("n volgende · p vorige");
    otter.send(">");
    otter.wait_for("[Evaluatie]");
    // A wrong key in front of the team: u takes the phase change back, > makes it again.
    otter.send("u");
    otter.wait_for("Ongedaan gemaakt: de fasewijziging; de casus is weer in Uitvoering.");
    otter.send(">");
    otter.wait_for("[Evaluatie]");
    otter.send("a");
    otter.wait_for("Nieuw actiepunt");
    otter.send("Gesprek met ouders over de voortgang\r");
    otter.wait_for("Wie is eigenaar");
    otter.send("moeder\r");
    otter.wait_for("Wanneer klaar?");
    otter.send("+2w\r");
    otter.wait_for(
        "Actiepunt bewaard: Gesprek met ouders over de voortgang — moeder — ma 07-12-2026",
    );
    otter.send("S");
    otter.wait_for("Datum volgende OT?");
    otter.send("+6w\r");
    otter.wait_for("Verslag vastgesteld");
    otter.send("\x03");
    assert_eq!(otter.exit_code(), 0);

    let minutes = common::stdout_of(common::otter(dir.path()).args([
        "export",
        "minutes",
        "--meeting",
        "last",
    ]));
    assert!(minutes.starts_with("# Verslag OT-overleg "), "{minutes}");
    assert!(
        minutes.contains("- **Aanwezig:** Marieke van den Berg\n"),
        "{minutes}"
    );
    assert!(
        minutes.contains("- **Afwezig met bericht:** Erik Hoekstra"),
        "{minutes}"
    );
    assert!(minutes.contains("Moeder vertelt dat het thuis rustiger gaat. Zoë leest elke avond."));
    assert_eq!(
        minutes.matches("fase Uitvoering → Evaluatie").count(),
        1,
        "the change taken back is not in the minutes: {minutes}"
    );
    assert!(minutes.contains("| Gesprek met ouders over de voortgang | moeder | ma 07-12-2026 |"));
    assert!(
        minutes.contains("**Volgende vergadering:** di 26-01-2027"),
        "{minutes}"
    );
    let meetings = common::json_of(common::otter(dir.path()).arg("meetings"));
    assert_eq!(meetings[0]["state"], "planned");
    assert_eq!(meetings[0]["date"], "2027-01-26");
}

/// Keys that arrive in one burst (a paste the terminal does not bracket) are saved as one note,
/// and saved before they are shown: killed the moment the last word is on screen, otter has
/// the whole text on disk.
#[test]
fn a_burst_of_typed_keys_is_on_disk_once_it_is_on_screen() {
    let (dir, mut otter) = Session::in_demo_meeting(36);
    otter.send("nnn");
    otter.wait_for("▶ 4 ");
    otter.send("e");
    // The case runs its plan (Uitvoering): e opens it on the phase notes.
    otter.wait_for("Aantekeningen · Uitvoering");
    let text = format!(
        "{}EINDE",
        "Verslag van de logopedist overgenomen. ".repeat(150)
    );
    otter.send(&text);
    otter.wait_for("EINDE");
    otter.kill_9();

    let store = otter::store::Store::open(dir.path()).unwrap();
    let meeting = open_meeting(&store);
    let notes = store.notes_of_meeting(meeting.id).unwrap();
    let typed: Vec<_> = notes
        .iter()
        .filter(|n| n.text.contains("logopedist"))
        .collect();
    assert_eq!(typed.len(), 1, "one note, not one per key");
    assert_eq!(typed[0].text, text);
}

/// A besluit half typed in its one-line question when otter is killed: after a restart the
/// question comes back on the same case with every character (found by an IB walk: the box
/// was empty and nothing was saved).
#[test]
fn a_half_typed_answer_survives_kill_9_and_comes_back_on_its_case() {
    let (dir, mut otter) = Session::in_demo_meeting(36);
    otter.send("nnn");
    otter.wait_for("▶ 4 ");
    otter.send("D");
    otter.wait_for("Besluit: wat is afgesproken?");
    otter.send("Ouders en school spreken af dat de jeugdarts EINDE");
    otter.wait_for("EINDE");
    otter.kill_9();

    let mut otter = Session::start(&[], dir.path(), 120, 36);
    otter.on_start_screen();
    otter.send("v");
    let screen = otter.wait_for("jeugdarts EINDE");
    assert!(screen.contains("▶ 4 "), "on the same item:\n{screen}");
    otter.send(" belt\r");
    otter.wait_for("Besluit vastgelegd");
    otter.send("\x03");
    otter.exit_code();
    let store = otter::store::Store::open(dir.path()).unwrap();
    let meeting = open_meeting(&store);
    let decisions = store.decisions_of_meeting(meeting.id).unwrap();
    assert!(
        decisions
            .iter()
            .any(|d| d.text == "Ouders en school spreken af dat de jeugdarts EINDE belt"),
        "{decisions:?}"
    );
    assert_eq!(store.prompt_draft().unwrap(), None);
}

/// crossterm 0.29.0 writes a bare reset for every colour under `NO_COLOR`, which can wipe the
/// modifiers that show the chosen row in the monochrome theme; a terminal emulator shows
/// whether the selection survives.
#[test]
fn under_no_color_the_chosen_row_is_still_shown_reversed() {
    let dir = tempfile::TempDir::new().unwrap();
    common::otter(dir.path()).arg("demo").assert().success();
    let mut otter = Session::start_with(&[], dir.path(), 100, 30, &[("NO_COLOR", "1")]);
    otter.on_start_screen();
    otter.send("v");
    otter.wait_for("Marieke van den Berg");
    otter.held_as_planned();
    otter.send("j");
    // Whether the cells that spell `name` on screen are drawn reversed.
    let reversed = |name: &str| -> Option<bool> {
        let parser = otter.screen.lock().unwrap();
        let screen = parser.screen();
        let (rows, cols) = screen.size();
        let (rows, cols) = (rows.get(), cols.get());
        (0..rows).find_map(|row| {
            let line = screen.contents_between(row, 0, row, cols);
            let at = line.find(name)?;
            let col = line[..at].chars().count() as u16;
            let width = name.chars().count() as u16;
            Some((col..col + width).all(|c| screen.cell(row, c).is_some_and(|cell| cell.inverse())))
        })
    };
    poll_until(|| (reversed("Erik Hoekstra") == Some(true)).then_some(())).unwrap_or_else(|| {
        panic!(
            "the chosen row never showed reversed:\n{}",
            otter.contents()
        )
    });
    assert_eq!(
        reversed("Marieke van den Berg"),
        Some(false),
        "only the chosen row is reversed"
    );
    otter.send("\x03");
    assert_eq!(otter.exit_code(), 0);
}

/// `E` in a running meeting writes the draft minutes where `OTTER_EXPORT_DIR` says, and the
/// status line says where.
#[test]
fn e_in_a_meeting_writes_draft_minutes_to_the_export_folder() {
    let dir = tempfile::TempDir::new().unwrap();
    let out = tempfile::TempDir::new().unwrap();
    common::otter(dir.path()).arg("demo").assert().success();
    let export_dir = out.path().to_str().unwrap();
    let mut otter = Session::start_with(
        &[],
        dir.path(),
        160,
        40,
        &[("OTTER_EXPORT_DIR", export_dir)],
    );
    otter.on_start_screen();
    otter.send("v");
    otter.wait_for("Opening en aanwezigheid");
    otter.held_as_planned();
    otter.send("E");
    let file = out.path().join("verslag-OT-2026-12-15-concept.html");
    otter.wait_for(&format!("Geschreven: {}", file.display()));
    otter.send("\x03");
    assert_eq!(otter.exit_code(), 0);
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(html.contains("<h1>Verslag OT-overleg di 15-12-2026 (concept)</h1>"));
    assert!(
        !dir.path()
            .join("verslag-OT-2026-12-15-concept.html")
            .exists()
    );
}

#[test]
fn a_new_database_asks_its_passphrase_twice_and_later_starts_allow_three_tries() {
    let dir = tempfile::TempDir::new().unwrap();
    let mut otter = Session::start(&["--lang", "en"], dir.path(), 100, 30);
    otter.wait_for("so that whoever gets hold of this computer");
    otter.wait_for("New passphrase");
    otter.send("paard batterij\r");
    otter.wait_for("Repeat the passphrase");
    otter.send("paard batterijen\r");
    otter.wait_for("The two passphrases differ");
    otter.wait_for_count("New passphrase", 2);
    otter.send("paard batterij\r");
    otter.wait_for_count("Repeat the passphrase", 2);
    otter.send("paard batterij\r");
    let screen = otter.wait_for("No OT is planned.");
    assert!(!screen.contains("paard"), "typed without echo: {screen}");
    otter.send("\x03");
    assert_eq!(otter.exit_code(), 0);
    common::otter(dir.path())
        .arg("meetings")
        .assert()
        .code(1)
        .stderr(predicates::str::contains("versleuteld"));

    // Three wrong tries: refused with a message, exit code 1.
    let mut otter = Session::start(&["--lang", "en"], dir.path(), 100, 30);
    for attempt in 1..=3 {
        otter.wait_for_count("Passphrase: ", attempt);
        otter.send("paard\r");
    }
    assert_eq!(otter.exit_code(), 1);
    // Its last words may still be on their way from the terminal when it has exited.
    let screen = otter.wait_for("Wrong passphrase for the database");
    assert_eq!(
        screen.matches("Wrong passphrase; try again.").count(),
        2,
        "{screen}"
    );
    assert!(
        screen.contains("Wrong passphrase for the database"),
        "{screen}"
    );

    // Ctrl-D gives no passphrase: the database is encrypted, nothing is wrong with the disk.
    let mut otter = Session::start(&["--lang", "en"], dir.path(), 100, 30);
    otter.wait_for("Passphrase: ");
    otter.send_unbuffered("\x04");
    assert_eq!(otter.exit_code(), 1);
    let screen = otter.wait_for("is encrypted");
    assert!(!screen.contains("isk"), "{screen}");

    // A wrong one, then the right one.
    let mut otter = Session::start(&["--lang", "en"], dir.path(), 100, 30);
    otter.wait_for("Passphrase: ");
    otter.send("paard\r");
    otter.wait_for_count("Passphrase: ", 2);
    otter.send("paard batterij\r");
    otter.wait_for("No OT is planned.");
    otter.send("\x03");
    assert_eq!(otter.exit_code(), 0);
}

#[test]
fn otter_passphrase_on_a_terminal_turns_encryption_on_and_off_after_a_yes() {
    let dir = tempfile::TempDir::new().unwrap();
    common::otter(dir.path()).arg("demo").assert().success();
    let mut otter = Session::start(&["--lang", "en", "passphrase"], dir.path(), 100, 30);
    otter.wait_for("New passphrase");
    otter.send("aan en uit\r");
    otter.wait_for("Repeat the passphrase");
    otter.send("aan en uit\r");
    otter.wait_for("Encryption is on; all data is encrypted.");
    assert_eq!(otter.exit_code(), 0);
    common::otter(dir.path()).arg("pupils").assert().code(1);

    let mut otter = Session::start(&["--lang", "en", "wachtwoordzin"], dir.path(), 100, 30);
    otter.wait_for("Passphrase: ");
    otter.send("aan en uit\r");
    otter.wait_for("New passphrase");
    otter.send("\r");
    otter.wait_for("Turning encryption off");
    otter.send("no\r");
    // Not confirmed: asked again.
    otter.wait_for_count("New passphrase", 2);
    otter.send("\r");
    otter.wait_for_count("Turning encryption off", 2);
    otter.send("yes\r");
    otter.wait_for("Encryption is off.");
    assert_eq!(otter.exit_code(), 0);
    common::otter(dir.path()).arg("pupils").assert().success();
}

/// A panic (injected with the debug-only `OTTER_TEST_PANIC`, key F12) in the middle of typing
/// a note: the terminal is given back whole (raw mode off, cursor shown, alternate screen
/// left), and the note typed before it is on disk.
#[test]
fn a_panic_gives_the_terminal_back_and_loses_nothing_typed() {
    let dir = tempfile::TempDir::new().unwrap();
    common::otter(dir.path()).arg("demo").assert().success();
    let mut shell = CommandBuilder::new("sh");
    // stty reads the terminal as otter left it.
    shell.args([
        "-c",
        "\"$0\"; echo \"EXIT=$?\"; stty -a",
        env!("CARGO_BIN_EXE_otter"),
    ]);
    let mut otter = Session::spawn(shell, dir.path(), 120, 36, &[("OTTER_TEST_PANIC", "1")]);
    otter.on_start_screen();
    otter.send("v");
    otter.held_as_planned();
    otter.send("nnn");
    otter.wait_for("▶ 4 ");
    otter.send("e");
    otter.wait_for("Aantekeningen · Uitvoering");
    otter.send("Getypt voor de paniek EINDE");
    otter.wait_for("EINDE");
    let before = otter.raw.lock().unwrap().len();
    otter.send("\x1b[24~");
    assert!(otter.wrote("EXIT=101"), "otter panicked");
    assert!(otter.wrote("icanon"), "stty answered");
    let after = String::from_utf8_lossy(&otter.raw.lock().unwrap()[before..]).into_owned();
    assert!(
        after.contains("\x1b[?1049l"),
        "alternate screen left: {after:?}"
    );
    assert!(after.contains("\x1b[?25h"), "cursor shown: {after:?}");
    assert!(!after.contains("-icanon"), "raw mode off: {after:?}");
    assert!(after.contains(" echo "), "echo on: {after:?}");
    {
        let parser = otter.screen.lock().unwrap();
        assert!(!parser.screen().alternate_screen());
        assert!(!parser.screen().hide_cursor());
    }

    let store = otter::store::Store::open(dir.path()).unwrap();
    let meeting = open_meeting(&store);
    let notes = store.notes_of_meeting(meeting.id).unwrap();
    assert!(
        notes
            .iter()
            .any(|n| n.text == "Getypt voor de paniek EINDE"),
        "{notes:?}"
    );
}

/// Typing in the screen, killed with SIGKILL again and again (the kill loop of the screen;
/// the commands' loops are in `tests/kill_loops.rs`): every word that was on screen is on
/// disk after each kill, in the one note, and the indexes agree with the records.
/// `OTTER_KILL_ROUNDS` multiplies the rounds.
#[test]
fn typing_killed_again_and_again_loses_no_word_that_was_on_screen() {
    let times: usize = std::env::var("OTTER_KILL_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    let dir = tempfile::TempDir::new().unwrap();
    common::otter(dir.path()).arg("demo").assert().success();
    let mut acknowledged = Vec::new();
    for round in 0..20 * times {
        let mut otter = Session::start(&[], dir.path(), 120, 36);
        otter.on_start_screen();
        otter.send("v");
        if round == 0 {
            otter.held_as_planned();
            otter.send("nnn");
        }
        // The meeting opens again on the item it was left at.
        otter.wait_for("▶ 4 ");
        otter.send("e");
        otter.wait_for("Aantekeningen · Uitvoering");
        for k in 0..1 + round % 4 {
            let word = format!("r{round}w{k}");
            otter.send(&format!("{word} "));
            otter.wait_for(&word);
            acknowledged.push(word);
        }
        otter.kill_9();

        let store = otter::store::Store::open(dir.path()).unwrap();
        assert_eq!(store.index_drift().unwrap(), Vec::<String>::new());
        let meeting = open_meeting(&store);
        let notes = store.notes_of_meeting(meeting.id).unwrap();
        let typed: Vec<_> = notes.iter().filter(|n| n.text.contains("r0w0")).collect();
        assert_eq!(typed.len(), 1, "one note");
        let words: Vec<&str> = typed[0].text.split_whitespace().collect();
        assert_eq!(words, acknowledged, "round {round}");
    }
}

/// `/` in an open meeting through the real loop, which reads the index on a thread beside the
/// screen: the overlay opens, what is typed at once is searched when the index arrives, and
/// the projector shows no pupil's full name or initials, only pseudonyms.
#[test]
fn slash_during_a_meeting_searches_what_was_typed_and_names_no_pupil() {
    let (dir, mut otter) = Session::in_demo_meeting(40);
    otter.send("/zoe");
    // "zoe" is a demo pupil's first name (Zoë): the wall masks it where it was typed too.
    // Waiting for the results alone once caught the screen after "zo", before the "e" arrived.
    let screen = otter.wait_for_all(&["/ •••", "Casussen ("]);
    assert!(screen.contains("Leerling "), "{screen}");
    otter.send("\x03");
    assert_eq!(otter.exit_code(), 0);

    let store = otter::store::Store::open(dir.path()).unwrap();
    for pupil in store.all::<otter::domain::Pupil>().map(Result::unwrap) {
        for shown in [pupil.full_name(), pupil.initials()] {
            assert!(!screen.contains(&shown), "shows {shown}:\n{screen}");
        }
    }
    // Every "Leerling …" on the screen is a case's pseudonym, not the word before a name: the
    // meeting is on its opening item, so no case is under discussion and none may be named.
    let pseudonyms: std::collections::BTreeSet<String> = store
        .all::<otter::domain::Case>()
        .map(|case| case.unwrap().pseudonym())
        .collect();
    for (at, _) in screen.match_indices("Leerling ") {
        let code = screen[at + "Leerling ".len()..]
            .split_whitespace()
            .next()
            .unwrap_or("");
        let shown = format!("Leerling {code}");
        assert!(
            pseudonyms.contains(&shown),
            "{shown:?} is no pseudonym:\n{screen}"
        );
    }
}

/// An IB keeps the screen open all day: the previous minutes, a pupil's extract and the
/// figures exported from a second window answer, their audit lines wait in the inbox (no name
/// in it), the screen takes them into the log on its tick and shows them on the audit screen
/// it has open, and each is in the log once.
#[test]
fn exports_and_stats_beside_the_open_screen_answer_and_their_audit_lines_reach_the_log_once() {
    let dir = tempfile::TempDir::new().unwrap();
    common::otter(dir.path()).arg("demo").assert().success();
    let pupils = common::stdout_of(common::otter(dir.path()).args(["pupils", "--json"]));
    let pupils: serde_json::Value = serde_json::from_str(&pupils).unwrap();
    let name = pupils[0]["name"].as_str().unwrap().to_string();
    let mut otter = Session::start(&[], dir.path(), 120, 30);
    otter.on_start_screen();
    otter.send("L");
    otter.wait_for("Auditlog");
    let out = tempfile::TempDir::new().unwrap();
    let extract = out.path().join("uittreksel.html");
    // The screen stopped while the exports run, so their lines are still in the inbox to be
    // read (its tick would take them within a second).
    otter.signal("STOP");
    let minutes = common::stdout_of(common::otter(dir.path()).args(["export", "minutes"]));
    assert!(minutes.starts_with("# Verslag OT-overleg"), "{minutes}");
    common::otter(dir.path())
        .args(["export", "pupil", &name, "--format", "html", "-o"])
        .arg(&extract)
        .assert()
        .success();
    assert!(std::fs::read_to_string(&extract).unwrap().contains(&name));
    let stats = common::stdout_of(common::otter(dir.path()).arg("stats"));
    assert!(stats.starts_with("Monitoringrapport"), "{stats}");
    let inbox = dir.path().join("inbox");
    let lines = std::fs::read_dir(&inbox).unwrap().count();
    assert_eq!(lines, 3, "one line per command, none taken yet");
    assert!(
        !common::any_file_holds(&inbox, &name),
        "the inbox names the pupil"
    );
    // A look-up beside the screen shows them, whether the screen took them yet or not.
    let audit = common::stdout_of(common::otter(dir.path()).arg("audit"));
    for command in ["otter export minutes", "otter export pupil", "otter stats"] {
        assert_eq!(audit.matches(command).count(), 1, "{audit}");
    }
    otter.signal("CONT");
    // The screen's tick takes them and the audit screen it shows is read again.
    otter.wait_for("otter stats");
    let screen = otter.wait_for("otter export minutes");
    assert!(screen.contains("otter export pupil"), "{screen}");
    poll_until(|| (std::fs::read_dir(&inbox).unwrap().count() == 0).then_some(()))
        .expect("the inbox was never emptied");
    otter.send("\x03");
    assert_eq!(otter.exit_code(), 0);
    let log = common::json_of(common::otter(dir.path()).arg("audit"));
    assert!(
        !log.to_string().contains(&name),
        "the log names the pupil: {log}"
    );
    let log = log.as_array().unwrap();
    let seqs: Vec<u64> = log.iter().map(|e| e["seq"].as_u64().unwrap()).collect();
    let commands: Vec<&str> = log.iter().map(|e| e["command"].as_str().unwrap()).collect();
    assert_eq!(
        commands,
        ["otter export minutes", "otter export pupil", "otter stats"]
    );
    assert_eq!(seqs, [1, 2, 3], "each line once, numbered in turn");
}
