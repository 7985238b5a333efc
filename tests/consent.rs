//! BRIEF §8 for a pupil with one case discussed by name (consent "ja") and one discussed
//! anonymously ("anoniem"), both on the agenda of one meeting. The meeting is held on the
//! shared screen with the chair's keys and closed; then every document and command-line answer
//! that leaves otter is read, cut into the rows a reader takes together (an agenda item, a
//! table row, a calendar event, a search hit). A row of the anonymous case carries its
//! pseudonym and nothing of the pupil (name, initials, groep, leerkracht, birth date), so no
//! reader can tie it to the named case beside it; a row of the named case keeps the name. Only
//! the pupil's own dossier and extract put the two side by side, and say so.

mod common;

use std::path::Path;
use std::sync::{Mutex, MutexGuard, OnceLock};

use chrono::{NaiveDate, NaiveTime};
use common::{TODAY, otter, stdout_of};
use otter::app::core::keymap::Keymap;
use otter::app::{Command as Key, Flow, Message, Model, Screen, View, apply, update};
use otter::domain::meeting::{AgendaKind, MeetingState};
use otter::domain::{
    Action, ActionId, ActionStatus, Case, CaseEvent, CaseId, Consent, EventKind, Level, Meeting,
    MeetingId, Member, MemberId, Owner, PhaseModel, Pupil, PupilId, Role,
};
use otter::i18n::Lang;
use otter::store::{Store, TreeId};
use otter::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tempfile::TempDir;

fn today() -> NaiveDate {
    NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap()
}

/// What one case leaves behind: texts that mark its rows in any output.
#[derive(Debug, Clone, Copy)]
struct Trail {
    case: CaseId,
    question: &'static str,
    /// An action agreed before the meeting and carried over by it.
    carried: &'static str,
    /// An action agreed before the meeting and done in it.
    finished: &'static str,
    note: &'static str,
    decision: &'static str,
    action: &'static str,
    /// Why the case went up a level in the meeting.
    reason: &'static str,
}

impl Trail {
    fn marks(&self) -> [&'static str; 7] {
        [
            self.question,
            self.carried,
            self.finished,
            self.note,
            self.decision,
            self.action,
            self.reason,
        ]
    }

    fn marks_row(&self, row: &str) -> bool {
        self.marks().iter().any(|mark| row.contains(mark))
    }
}

const NAMED: Trail = Trail {
    case: CaseId(0),
    question: "Leest traag en raadt woorden",
    carried: "Leesonderzoek aanvragen bij het samenwerkingsverband",
    finished: "Toetsgegevens van vorig jaar opvragen",
    note: "Leest nu op AVI E4 en raadt minder.",
    decision: "Leesonderzoek afwachten",
    action: "Extra leestijd inroosteren",
    reason: "Het lezen vraagt meer dan de klas biedt",
};

const ANONYMOUS: Trail = Trail {
    case: CaseId(0),
    question: "Trekt zich terug in de pauze",
    carried: "Gesprek met de vertrouwenspersoon plannen",
    finished: "Observatie op het plein",
    note: "Speelt sinds de herfst alleen; thuis is veel veranderd.",
    decision: "Een pauzemaatje regelen",
    action: "Pauzemaatje zoeken",
    reason: "Zorgen nemen toe",
};

struct School {
    dir: TempDir,
    sanne: Pupil,
    named: Trail,
    anonymous: Trail,
    /// Each case's pseudonym as the store drew it: named, anonymous.
    pseudonyms: [String; 2],
    meeting: MeetingId,
    /// The shared screen at moments of the meeting, by name.
    screens: Vec<(&'static str, String)>,
}

impl School {
    fn pseudonym(&self) -> String {
        self.pseudonyms[1].clone()
    }

    /// Every field of the pupil that would tie a row to them.
    fn identity(&self) -> [String; 7] {
        let sanne = &self.sanne;
        [
            sanne.full_name(),
            sanne.first_name.clone(),
            sanne.last_name.clone(),
            "S.d.V.".into(),
            format!("groep {}", sanne.groep),
            sanne.teacher.clone(),
            sanne.birth_date.format("%d-%m-%Y").to_string(),
        ]
    }
}

/// The school, made once; otter takes the database for itself, so tests take turns on it.
fn school() -> (MutexGuard<'static, ()>, &'static School) {
    static SCHOOL: OnceLock<School> = OnceLock::new();
    static TURN: Mutex<()> = Mutex::new(());
    let turn = TURN.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    (turn, SCHOOL.get_or_init(hold_meeting))
}

fn id(store: &Store, tree: TreeId) -> u64 {
    store.next_id(tree).unwrap()
}

fn case(store: &Store, pupil: PupilId, question: &str, consent: Consent) -> CaseId {
    let case = Case {
        consent,
        level: Level::new(2).unwrap(),
        signalled_by: "leerkracht".into(),
        ..Case::signal(
            store.new_case().unwrap(),
            pupil,
            question.into(),
            "analyse".into(),
            NaiveDate::from_ymd_opt(2026, 9, 14).unwrap(),
        )
    };
    store.insert(&case).unwrap();
    store
        .insert(&CaseEvent {
            case: case.id,
            seq: 0,
            date: case.opened,
            meeting: None,
            reason: String::new(),
            kind: EventKind::Opened,
        })
        .unwrap();
    case.id
}

fn earlier_action(store: &Store, case: CaseId, text: &str, owner: Owner) -> ActionId {
    let action = Action {
        id: ActionId(id(store, TreeId::Actions)),
        text: text.into(),
        owner,
        due: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        status: ActionStatus::Open,
        created: NaiveDate::from_ymd_opt(2026, 10, 5).unwrap(),
        meeting: None,
        case: Some(case),
        agenda_item: None,
        carried_through: Vec::new(),
    };
    store.insert(&action).unwrap();
    action.id
}

fn send(store: &Store, model: &mut Model, view: &mut View, message: impl Into<Message>) {
    let effects = update(model, view, message);
    assert_eq!(
        apply(store, model, view, effects, today()).unwrap(),
        Flow::Continue
    );
}

fn answer(store: &Store, model: &mut Model, view: &mut View, text: &str) {
    for c in text.chars() {
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        send(store, model, view, Message::PromptKey(key));
    }
    let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
    send(store, model, view, Message::PromptKey(enter));
}

/// The screen as the projector shows it.
fn screen(model: &Model, view: &View) -> String {
    let theme = Theme::builtin("beamer").unwrap();
    let keymap = Keymap::default();
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).unwrap();
    terminal
        .draw(|frame| {
            otter::ui::render(frame, model, view, &theme, &keymap);
        })
        .unwrap();
    terminal
        .backend()
        .buffer()
        .content
        .chunks(160)
        .map(|row| row.iter().map(|cell| cell.symbol()).collect::<String>() + "\n")
        .collect()
}

fn go_to(store: &Store, model: &mut Model, view: &mut View, index: usize) {
    while model.meeting.as_ref().unwrap().meeting.current_item < index {
        send(store, model, view, Key::NextItem);
    }
}

/// On the case in front, with the keys: a note, a decision, a level up with its reason, an
/// action for the chair.
fn discuss(store: &Store, model: &mut Model, view: &mut View, trail: &Trail) {
    send(store, model, view, Key::EditNotes);
    assert!(view.editor().is_some(), "analyse has plain notes");
    send(store, model, view, Message::Paste(trail.note.into()));
    let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    send(store, model, view, Message::EditorKey(esc));
    send(store, model, view, Key::RecordDecision);
    answer(store, model, view, trail.decision);
    send(store, model, view, Key::LevelUp);
    answer(store, model, view, trail.reason);
    send(store, model, view, Key::AddAction);
    answer(store, model, view, trail.action);
    answer(store, model, view, "Fatima");
    answer(store, model, view, "+3w");
}

/// Daan with a named case; Sanne with a named and an anonymous case, each with an earlier
/// action still open and one that this meeting finishes; today's OT with the three cases,
/// held with keys and closed.
fn hold_meeting() -> School {
    let dir = TempDir::new().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let chair = Member {
        id: MemberId(id(&store, TreeId::Members)),
        name: "Fatima Benali".into(),
        role: Role::InternBegeleider,
        active: true,
        email: None,
    };
    store.insert(&chair).unwrap();
    store.set_me(chair.id).unwrap();
    store.set_school("OBS Het Otterveld").unwrap();
    // Daan first, so that no id of Sanne's is the id of her anonymous case: a pseudonym
    // derived from the pupil would then differ from the case's own.
    let daan = Pupil {
        id: PupilId(id(&store, TreeId::Pupils)),
        first_name: "Daan".into(),
        prefix: String::new(),
        last_name: "Jansen".into(),
        groep: 7,
        birth_date: NaiveDate::from_ymd_opt(2015, 6, 2).unwrap(),
        teacher: "meester Ruud".into(),
    };
    store.insert(&daan).unwrap();
    let other = case(&store, daan.id, "Rekent onder niveau", Consent::Yes);
    let sanne = Pupil {
        id: PupilId(id(&store, TreeId::Pupils)),
        first_name: "Sanne".into(),
        prefix: "de".into(),
        last_name: "Vries".into(),
        groep: 5,
        birth_date: NaiveDate::from_ymd_opt(2017, 3, 14).unwrap(),
        teacher: "juf Anouk".into(),
    };
    store.insert(&sanne).unwrap();
    let named = Trail {
        case: case(&store, sanne.id, NAMED.question, Consent::Yes),
        ..NAMED
    };
    let anonymous = Trail {
        case: case(&store, sanne.id, ANONYMOUS.question, Consent::Anonymous),
        ..ANONYMOUS
    };
    assert_ne!(anonymous.case.0, sanne.id.0);
    let mut finished = Vec::new();
    for trail in [&named, &anonymous] {
        earlier_action(&store, trail.case, trail.carried, Owner::Member(chair.id));
        let owner = Owner::Other("ouders".into());
        finished.push(earlier_action(&store, trail.case, trail.finished, owner));
    }
    let meeting = Meeting::planned(
        MeetingId(id(&store, TreeId::Meetings)),
        (today(), NaiveTime::from_hms_opt(8, 30, 0).unwrap()),
        "kamer IB".into(),
        Some(chair.id),
        &[named.case, anonymous.case, other],
    );
    store.insert(&meeting).unwrap();

    let phases = PhaseModel::default();
    let mut model = Model {
        dashboard: otter::query::dashboard::load(&store, &phases, today()).unwrap(),
        ..Model::new(Lang::Nl, today(), phases)
    };
    let mut view = View::default();
    let mut screens = Vec::new();
    send(&store, &mut model, &mut view, Key::OpenMeeting);
    assert_eq!(model.screen, Screen::Meeting);
    send(&store, &mut model, &mut view, Key::TogglePresence);
    let position = |model: &Model, kind: AgendaKind| {
        let agenda = &model.meeting.as_ref().unwrap().meeting.agenda;
        agenda.iter().position(|item| item.kind == kind).unwrap()
    };
    let item = position(&model, AgendaKind::Actions);
    go_to(&store, &mut model, &mut view, item);
    for done in &finished {
        let room = model.meeting.as_ref().unwrap();
        view.selected = room
            .earlier_actions
            .iter()
            .position(|(action, _)| action.id == *done)
            .unwrap();
        send(&store, &mut model, &mut view, Key::ToggleDone);
    }
    screens.push(("actiepunten", screen(&model, &view)));
    let item = position(&model, AgendaKind::Case { case: named.case });
    go_to(&store, &mut model, &mut view, item);
    discuss(&store, &mut model, &mut view, &named);
    screens.push(("named case", screen(&model, &view)));
    let item = position(
        &model,
        AgendaKind::Case {
            case: anonymous.case,
        },
    );
    go_to(&store, &mut model, &mut view, item);
    discuss(&store, &mut model, &mut view, &anonymous);
    screens.push(("anonymous case", screen(&model, &view)));
    send(&store, &mut model, &mut view, Key::History);
    screens.push(("anonymous case's history", screen(&model, &view)));
    send(&store, &mut model, &mut view, Key::History);
    // What `e` shows in a phase with a form: its title names the case in front.
    let case = store.case(anonymous.case).unwrap().unwrap();
    view.set_form(Some(otter::app::meeting::form::Form::Circles(
        otter::app::meeting::circles::CirclesEditor::new(&case),
    )));
    screens.push(("anonymous case's form", screen(&model, &view)));
    view.set_form(None);
    send(&store, &mut model, &mut view, Key::CloseMeeting);
    answer(&store, &mut model, &mut view, "+6w");
    assert_eq!(model.screen, Screen::Dashboard, "{:?}", view.flash);
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(
        store.meeting(meeting.id).unwrap().unwrap().state,
        MeetingState::Closed
    );
    assert!(store.minutes(meeting.id).unwrap().is_some());
    let pseudonyms = [named.case, anonymous.case].map(|case| {
        let case = store.case(case).unwrap().unwrap();
        case.pseudonym()
    });
    drop(store);
    School {
        dir,
        sanne,
        named,
        anonymous,
        pseudonyms,
        meeting: meeting.id,
        screens,
    }
}

fn run(dir: &Path, args: &[&str]) -> String {
    stdout_of(otter(dir).args(args))
}

/// The marks of each case seen in the rows of one output.
#[derive(Debug, Default)]
struct Seen {
    named: Vec<&'static str>,
    anonymous: Vec<&'static str>,
}

impl Seen {
    fn expect(&self, what: &str, named: &[&'static str], anonymous: &[&'static str]) {
        for mark in named {
            assert!(self.named.contains(mark), "{what}: {mark:?} not seen");
        }
        for mark in anonymous {
            assert!(self.anonymous.contains(mark), "{what}: {mark:?} not seen");
        }
    }
}

/// The rule, row by row: a row of the anonymous case (one of its texts, or its pseudonym)
/// carries the pseudonym and nothing of the pupil; a row of the named case carries the name as
/// `named_as` gives it (any one of them) and not the pseudonym; no row holds both cases.
fn check(school: &School, what: &str, rows: &[String], named_as: &[&str]) -> Seen {
    let pseudonym = school.pseudonym();
    let identity = school.identity();
    let mut seen = Seen::default();
    for row in rows {
        let named = school.named.marks_row(row);
        let anonymous = school.anonymous.marks_row(row) || row.contains(&pseudonym);
        assert!(
            !(named && anonymous),
            "{what}: one row holds both cases:\n{row}"
        );
        if anonymous {
            assert!(row.contains(&pseudonym), "{what}: no pseudonym in\n{row}");
            for field in &identity {
                assert!(!row.contains(field), "{what}: {field:?} in\n{row}");
            }
            let marks = school.anonymous.marks();
            seen.anonymous
                .extend(marks.iter().filter(|mark| row.contains(*mark)));
        }
        if named {
            assert!(
                named_as.iter().any(|name| row.contains(name)),
                "{what}: the named case without its name:\n{row}"
            );
            assert!(!row.contains(&pseudonym), "{what}: pseudonym in\n{row}");
            let marks = school.named.marks();
            seen.named
                .extend(marks.iter().filter(|mark| row.contains(*mark)));
        }
    }
    seen
}

fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::to_string).collect()
}

/// A document's case items whole and the rest line by line: an action table lists several
/// pupils, a case item one. `heading` starts each section ("\n## ", "<h2>"), numbered as on
/// the agenda: "4. Leerlingbespreking: …".
fn sections(text: &str, heading: &str) -> Vec<String> {
    let mut rows = Vec::new();
    for section in text.split(heading) {
        let case_item = section.split_once(". ").is_some_and(|(number, rest)| {
            number.parse::<u32>().is_ok() && rest.starts_with("Leerlingbespreking: ")
        });
        if case_item {
            rows.push(section.to_string());
        } else {
            rows.extend(lines(section));
        }
    }
    rows
}

fn json_rows(text: &str) -> Vec<String> {
    let value: serde_json::Value = serde_json::from_str(text).unwrap();
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row.to_string())
        .collect()
}

/// A meeting screen's two columns: the agenda, line by line, and the panel beside it (the item
/// in front, or the history over it); and the bars above and below them (the meeting and its
/// clock, the flash or the keys).
fn columns(screen: &str) -> (Vec<String>, Vec<String>, String) {
    let rows: Vec<Vec<char>> = screen.lines().map(|row| row.chars().collect()).collect();
    let split = rows[1]
        .windows(2)
        .position(|pair| pair == ['┐', '┌'])
        .expect("the agenda's box")
        + 1;
    let (agenda, panel) = rows[1..rows.len() - 1]
        .iter()
        .map(|row| {
            let at = split.min(row.len());
            (
                row[..at].iter().collect::<String>(),
                row[at..].iter().collect::<String>(),
            )
        })
        .unzip();
    let bars = [&rows[0], &rows[rows.len() - 1]]
        .map(|row| row.iter().collect::<String>())
        .join("\n");
    (agenda, panel, bars)
}

fn screen_of<'s>(school: &'s School, name: &str) -> &'s str {
    let (_, screen) = school.screens.iter().find(|(n, _)| *n == name).unwrap();
    screen
}

#[test]
fn the_pseudonym_is_the_anonymous_case_s_own_and_not_the_pupil_s() {
    let (_turn, school) = school();
    let [of_named, of_anonymous] = &school.pseudonyms;
    assert_ne!(of_named, of_anonymous, "each case its own");
    let minutes = run(
        school.dir.path(),
        &[
            "export",
            "minutes",
            "--meeting",
            &school.meeting.0.to_string(),
        ],
    );
    assert!(minutes.contains(&school.pseudonym()), "{minutes}");
    assert!(!minutes.contains(of_named.as_str()), "{minutes}");
}

#[test]
fn on_the_shared_screen_the_anonymous_case_shows_no_name_initials_or_groep() {
    let (_turn, school) = school();
    // While the meeting is open only the case under discussion is named; otherwise the named
    // case goes by its own pseudonym on the shared screen (BRIEF §8).
    let (full, elsewhere) = (school.sanne.full_name(), school.pseudonyms[0].clone());
    let other_item = elsewhere.as_str();
    let (named, anonymous) = (&school.named, &school.anonymous);

    let (agenda, panel, _) = columns(screen_of(school, "actiepunten"));
    check(school, "agenda", &agenda, &[other_item]);
    let seen = check(school, "actiepunten", &panel, &[other_item]);
    seen.expect(
        "actiepunten",
        &[named.carried, named.finished],
        &[anonymous.carried, anonymous.finished],
    );

    let (agenda, panel, _) = columns(screen_of(school, "named case"));
    check(school, "agenda", &agenda, &[&full, other_item]);
    let seen = check(school, "named case", &[panel.join("\n")], &[&full]);
    seen.expect(
        "named case",
        &[named.question, named.note, named.decision, named.action],
        &[],
    );

    for name in ["anonymous case", "anonymous case's history"] {
        let (agenda, panel, bars) = columns(screen_of(school, name));
        check(school, name, &agenda, &[other_item]);
        let seen = check(school, name, &[panel.join("\n")], &[]);
        seen.expect(
            name,
            &[],
            &[anonymous.note, anonymous.decision, anonymous.action],
        );
        for field in school.identity() {
            assert!(!bars.contains(&field), "{name}: {field:?} in\n{bars}");
        }
    }
    let form = screen_of(school, "anonymous case's form");
    check(school, "form", &[form.to_string()], &[]);
    assert!(form.contains(&school.pseudonym()), "{form}");
}

#[test]
fn the_minutes_name_the_named_case_only() {
    let (_turn, school) = school();
    let id = school.meeting.0.to_string();
    let markdown = run(school.dir.path(), &["export", "minutes", "--meeting", &id]);
    let html = run(
        school.dir.path(),
        &["export", "minutes", "--meeting", &id, "--format", "html"],
    );
    let full = school.sanne.full_name();
    for (what, rows) in [
        ("minutes (md)", sections(&markdown, "\n## ")),
        ("minutes (html)", sections(&html, "<h2>")),
    ] {
        let seen = check(school, what, &rows, &[&full]);
        let all = |t: &Trail| {
            [
                t.carried, t.finished, t.note, t.decision, t.action, t.reason,
            ]
        };
        seen.expect(what, &all(&school.named), &all(&school.anonymous));
    }
}

#[test]
fn the_action_list_and_the_calendar_name_the_named_case_only() {
    let (_turn, school) = school();
    let dir = school.dir.path();
    let full = school.sanne.full_name();
    let csv = run(dir, &["export", "actions"]);
    let ics = run(dir, &["export", "actions", "--format", "ics"]);
    // A calendar line longer than 75 octets goes on after a line break and a space.
    let ics = ics.replace("\r\n ", "");
    let events: Vec<String> = ics.split("BEGIN:VEVENT").map(str::to_string).collect();
    let table = run(dir, &["actions"]);
    let json = run(dir, &["actions", "--json"]);
    for (what, rows, named_as) in [
        ("actions (csv)", lines(&csv), full.as_str()),
        ("actions (ics)", events, "S.d.V."),
        ("otter actions", lines(&table), full.as_str()),
        ("otter actions --json", json_rows(&json), full.as_str()),
    ] {
        let seen = check(school, what, &rows, &[named_as]);
        let all = |t: &Trail| [t.carried, t.finished, t.action];
        seen.expect(what, &all(&school.named), &all(&school.anonymous));
    }
}

#[test]
fn search_and_the_meeting_list_on_the_command_line_name_the_named_case_only() {
    let (_turn, school) = school();
    let dir = school.dir.path();
    let full = school.sanne.full_name();
    for (trail, is_named) in [(&school.named, true), (&school.anonymous, false)] {
        for query in [trail.question, trail.note, trail.decision, trail.action] {
            let text = run(dir, &["search", query]);
            let json = run(dir, &["search", "--json", query]);
            for rows in [lines(&text), json_rows(&json)] {
                let seen = check(school, "otter search", &rows, &[&full]);
                let (named, anonymous): (&[&str], &[&str]) = if is_named {
                    (&[query], &[])
                } else {
                    (&[], &[query])
                };
                seen.expect(query, named, anonymous);
            }
        }
    }
    // The name finds the pupil, never the anonymous case.
    let by_name = run(dir, &["search", &full]);
    assert!(by_name.contains(&full), "{by_name}");
    assert!(!by_name.contains(&school.pseudonym()), "{by_name}");

    for args in [&["meetings"][..], &["meetings", "--json"]] {
        let meetings = run(dir, args);
        assert!(meetings.contains("3 casussen") || meetings.contains("\"cases\": 3"));
        for field in school.identity().iter().chain([&school.pseudonym()]) {
            assert!(!meetings.contains(field), "{field:?} in\n{meetings}");
        }
    }
}

#[test]
fn only_the_pupil_s_own_dossier_and_extract_put_the_name_beside_the_pseudonym() {
    let (_turn, school) = school();
    let dir = school.dir.path();
    let full = school.sanne.full_name();
    let pseudonym = school.pseudonym();
    let dossier = run(dir, &["pupil", &full]);
    let extract = run(dir, &["export", "pupil", &full]);
    for (what, text, says) in [
        (
            "dossier",
            dossier,
            format!("anoniem besproken als {pseudonym}"),
        ),
        ("extract", extract, format!("heet de leerling {pseudonym}.")),
    ] {
        assert!(text.contains(&full), "{what}: {text}");
        assert!(text.contains(&says), "{what}: {text}");
        for trail in [&school.named, &school.anonymous] {
            assert!(text.contains(trail.note), "{what}: {text}");
            assert!(text.contains(trail.action), "{what}: {text}");
        }
    }
}
