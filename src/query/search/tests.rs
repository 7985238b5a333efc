use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;
use crate::domain::{ActionId, ActionStatus, Consent, DecisionId, NoteId, Owner};
use crate::testkit::pupil;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// The pseudonym [`case`] gives case `id`.
fn pseudonym_for(id: CaseId) -> String {
    crate::domain::Pseudonym::from_random(id.0, 2).shown()
}

pub(crate) fn case(id: u64, pupil: u64, question: &str, consent: Consent) -> Case {
    let mut case = Case::signal(
        (CaseId(id), crate::domain::Pseudonym::from_random(id, 2)),
        PupilId(pupil),
        question.into(),
        "signaal".into(),
        day(),
    );
    case.consent = consent;
    case
}

pub(crate) fn action(id: u64, case: u64, text: &str) -> Action {
    Action {
        id: ActionId(id),
        text: text.into(),
        owner: Owner::Other("moeder".into()),
        due: day(),
        status: ActionStatus::Open,
        created: day(),
        meeting: None,
        case: Some(CaseId(case)),
        agenda_item: None,
        carried_through: Vec::new(),
    }
}

pub(crate) fn note(id: u64, case: Option<u64>, text: &str) -> Note {
    Note {
        id: NoteId(id),
        case: case.map(CaseId),
        phase: None,
        meeting: None,
        agenda_item: None,
        date: day(),
        text: text.into(),
    }
}

pub(crate) fn decision(id: u64, case: u64, text: &str) -> Decision {
    Decision {
        id: DecisionId(id),
        case: Some(CaseId(case)),
        meeting: None,
        agenda_item: None,
        date: day(),
        text: text.into(),
    }
}

/// Sanne de Vries's only case is discussed anonymously.
fn school() -> SearchIndex {
    SearchIndex::new(
        [
            pupil(1, "Cees", "", "Lik"),
            pupil(2, "Zoë", "", "Çelik"),
            pupil(3, "Zoe", "", "Jansen"),
            pupil(4, "Sanne", "de", "Vries"),
            pupil(5, "Mo", "", "Zoeteman"),
            pupil(6, "Joris", "", "Groß"),
        ],
        [
            case(10, 2, "Leest traag en raadt woorden", Consent::Yes),
            case(
                11,
                4,
                "Trekt zich terug in de klas – sinds de zomer",
                Consent::Anonymous,
            ),
            case(12, 6, "Rekenen blijft achter", Consent::Unknown),
        ],
        [
            action(
                20,
                10,
                "Leesonderzoek aanvragen bij het samenwerkingsverband",
            ),
            action(21, 11, "Gesprek met moeder over de zomer"),
        ],
        [decision(30, 11, "Schoolmaatschappelijk werk inschakelen")],
        [
            note(
                40,
                Some(10),
                "Ouders vertellen dat Zoë thuis graag voorleest aan Sanne.",
            ),
            note(41, Some(11), "Teruggetrokken sinds de verhuizing."),
            note(42, None, "Rondvraag: studiedag in maart."),
        ],
    )
}

fn subjects(results: &Results, kind: HitKind) -> Vec<&str> {
    results
        .groups
        .iter()
        .filter(|g| g.kind == kind)
        .flat_map(|g| &g.hits)
        .map(|h| h.subject.as_str())
        .collect()
}

fn kinds(results: &Results) -> Vec<HitKind> {
    results.groups.iter().map(|g| g.kind).collect()
}

#[test]
fn celik_finds_celik_first_and_zoe_finds_zoe() {
    let index = school();
    let found = index.matches("celik", Audience::Private, 10);
    assert_eq!(subjects(&found, HitKind::Pupil)[0], "Zoë Çelik");
    assert_eq!(found.groups[0].hits[0].matched, [4, 5, 6, 7, 8]);
    let found = index.matches("zoe", Audience::Private, 10);
    assert_eq!(
        subjects(&found, HitKind::Pupil),
        ["Zoë Çelik", "Zoe Jansen", "Mo Zoeteman"]
    );
    assert_eq!(
        index.matches("ZOË", Audience::Private, 10),
        found,
        "the query is folded too"
    );
}

#[test]
fn a_pupils_name_comes_before_a_note_that_holds_it() {
    // "zoe" also fits "zomer" with a letter left out, in the groups after the pupils.
    let found = school().matches("zoe", Audience::Private, 10);
    assert_eq!(
        kinds(&found),
        [
            HitKind::Pupil,
            HitKind::Case,
            HitKind::Action,
            HitKind::Note
        ]
    );
    assert_eq!(found.groups[3].hits[0].matched, [21, 22, 23]);
    let found = school().matches("zomer", Audience::Private, 10);
    assert_eq!(kinds(&found), [HitKind::Case, HitKind::Action]);
}

#[test]
fn groups_keep_the_best_few_and_count_all() {
    let found = school().matches("zoe", Audience::Private, 2);
    assert_eq!(found.groups[0].total, 3);
    assert_eq!(
        subjects(&found, HitKind::Pupil),
        ["Zoë Çelik", "Zoe Jansen"]
    );
}

#[test]
fn an_anonymous_case_is_found_by_its_pseudonym_and_shown_under_it() {
    let index = school();
    let pseudonym = pseudonym_for(CaseId(11));
    let number = pseudonym.rsplit(' ').next().unwrap();
    for query in [pseudonym.as_str(), number] {
        let found = index.matches(query, Audience::Private, 10);
        let cases: Vec<&Hit> = found.hits().filter(|h| h.kind == HitKind::Case).collect();
        assert_eq!(cases.len(), 1, "{query}: {found:?}");
        assert_eq!(cases[0].id, 11);
        assert_eq!(cases[0].subject, pseudonym);
        assert!(
            !cases[0].text.contains(&pseudonym),
            "the text stays the hulpvraag"
        );
    }
    let shared = index.matches(&pseudonym, Audience::Shared(Showing::Private), 10);
    assert_eq!(shared.hits().next().unwrap().subject, pseudonym);
}

#[test]
fn an_anonymous_case_is_found_by_its_text_under_its_pseudonym_only() {
    let index = school();
    let pseudonym = pseudonym_for(CaseId(11));
    // Her name finds her as a pupil, and nothing of her case.
    let found = index.matches("sanne vries", Audience::Private, 10);
    assert_eq!(kinds(&found), [HitKind::Pupil]);
    let found = index.matches("sanne", Audience::Private, 10);
    assert_eq!(subjects(&found, HitKind::Note), ["Zoë Çelik"]);
    for query in ["zomer", "teruggetrokken", "schoolmaatschappelijk", "trekt"] {
        let found = index.matches(query, Audience::Private, 10);
        assert!(!found.is_empty(), "{query}");
        for hit in found.hits() {
            assert_eq!(hit.subject, pseudonym, "{query}: {hit:?}");
            assert!(!hit.text.contains("Sanne"), "{query}: {hit:?}");
        }
    }
    let json = serde_json::to_string(&index.matches("zomer", Audience::Private, 10).groups[0].hits)
        .unwrap();
    assert!(
        !json.contains("\"pupil\""),
        "no pupil number ties it: {json}"
    );
}

#[test]
fn a_shared_screen_lists_no_pupil_and_names_by_initials() {
    let index = school();
    let found = index.matches("zoe", Audience::Shared(Showing::Private), 10);
    assert!(!kinds(&found).contains(&HitKind::Pupil));
    assert_eq!(subjects(&found, HitKind::Note), ["Z.Ç."]);
    let found = index.matches("rekenen", Audience::Shared(Showing::Private), 10);
    assert_eq!(subjects(&found, HitKind::Case), ["J.G."]);
    let found = index.matches("zomer", Audience::Shared(Showing::Private), 10);
    assert!(found.hits().all(|h| h.subject.starts_with("Leerling ")));
}

/// While a meeting is open the hit names a pupil as the meeting's showing decides, not as the
/// index was built: the case under discussion (consent "ja") by initials, every other case by
/// its pseudonym, the consent "nog niet gevraagd" included.
#[test]
fn while_presenting_only_the_discussed_case_is_named() {
    let index = school();
    let presenting = |discussed| {
        Audience::Shared(Showing::Presenting {
            discussed: Some(CaseId(discussed)),
        })
    };
    let found = index.matches("leest", presenting(10), 10);
    assert_eq!(subjects(&found, HitKind::Case), ["Z.Ç."]);
    assert!(!found.hits().next().unwrap().anonymous);
    let found = index.matches("leest", presenting(12), 10);
    assert_eq!(subjects(&found, HitKind::Case), [pseudonym_for(CaseId(10))]);
    assert!(found.hits().next().unwrap().anonymous);
    let found = index.matches("rekenen", presenting(12), 10);
    assert_eq!(
        subjects(&found, HitKind::Case),
        [pseudonym_for(CaseId(12))],
        "consent not yet asked is not consent"
    );
    let nothing_discussed = Audience::Shared(Showing::Presenting { discussed: None });
    for query in ["zoe", "rekenen", "zomer", "leesonderzoek"] {
        for hit in index.matches(query, nothing_discussed, 10).hits() {
            assert!(hit.subject.starts_with("Leerling "), "{query}: {hit:?}");
        }
    }
}

#[test]
fn a_note_of_the_meeting_itself_has_no_subject() {
    let found = school().matches("studiedag", Audience::Private, 10);
    assert_eq!(subjects(&found, HitKind::Note), [""]);
}

#[test]
fn a_word_typed_whole_at_a_words_start_wins_over_many_found_inside_words() {
    // Thirty newer notes hold "ge" inside a word; the oldest begins a word with it.
    let notes = (1..=31).map(|id| {
        let text = if id == 1 {
            "gesprek gepland"
        } else {
            "de vlieger is weg"
        };
        note(id, None, text)
    });
    let index = SearchIndex::new([], [], [], [], notes);
    let found = index.matches("ge", Audience::Private, 2);
    assert_eq!(found.groups[0].total, 31);
    let texts: Vec<&str> = found.hits().map(|hit| hit.text.as_str()).collect();
    assert_eq!(texts, ["gesprek gepland", "de vlieger is weg"]);
    assert_eq!(found.groups[0].hits[1].id, 31, "then the newest");
}

#[test]
fn too_little_typed_finds_nothing() {
    for query in ["", " ", "z", " e ", "ë"] {
        assert!(school().matches(query, Audience::Private, 10).is_empty());
    }
}

#[test]
fn matched_positions_point_at_the_letters_typed() {
    let index = school();
    for query in ["gross", "zomer", "trekt terug", "celik", "lees", "vries"] {
        let words = fold(query).replace(' ', "");
        for hit in index.matches(query, Audience::Private, 10).hits() {
            let shown = if hit.kind == HitKind::Pupil {
                &hit.subject
            } else {
                &hit.text
            };
            let chars: Vec<char> = shown.chars().collect();
            let letters: String = hit
                .matched
                .iter()
                .map(|&i| fold(&chars[i].to_string()))
                .collect();
            assert!(!hit.matched.is_empty(), "{query}: {hit:?}");
            assert!(
                letters.chars().all(|c| words.contains(c)),
                "{query}: {letters} in {shown}"
            );
        }
    }
    let found = index.matches("gross", Audience::Private, 10);
    assert_eq!(
        found.groups[0].hits[0].matched,
        [6, 7, 8, 9],
        "ß is one letter"
    );
}

use crate::domain::fold::fold;

/// Typing, deleting and retyping: each step's results as a fresh search gives them.
#[derive(Debug, Clone)]
enum Key {
    Type(char),
    Delete,
}

fn keys() -> impl Strategy<Value = Vec<Key>> {
    let letter = prop::sample::select(vec!['a', 'e', 'o', 'z', 'r', 's', 'n', 'l', 'ë', ' ', 'k']);
    prop::collection::vec(
        prop_oneof![4 => letter.prop_map(Key::Type), 1 => Just(Key::Delete)],
        0..14,
    )
}

proptest! {
    #[test]
    fn typing_letter_by_letter_finds_what_a_fresh_search_finds(keys in keys()) {
        let index = school();
        let mut session = Session::default();
        let mut query = String::new();
        for key in keys {
            match key {
                Key::Type(c) => query.push(c),
                Key::Delete => { query.pop(); }
            }
            let typed = session.search(&index, &query, Audience::Private, 3);
            let fresh = index.matches(&query, Audience::Private, 3);
            prop_assert_eq!(typed, fresh, "{:?}", query);
        }
    }
}

#[test]
fn a_search_split_over_threads_finds_what_one_pass_finds_in_the_same_order() {
    let index = school();
    for query in ["de", "zoe", "ouders", "celik", "e e", "lees"] {
        let words = Words::parse(query);
        let every = |i| i as u32;
        let one = index.filter_split(index.len(), &every, &words, 1);
        assert!(!one.is_empty(), "{query} finds something");
        // Narrowing searches among earlier hits: here every other entry.
        let even = |i| 2 * i as u32;
        let half = index.len().div_ceil(2);
        let among_one = index.filter_split(half, &even, &words, 1);
        for threads in [2, 3, 7] {
            assert_eq!(
                index.filter_split(index.len(), &every, &words, threads),
                one,
                "{query}, {threads}"
            );
            assert_eq!(
                index.filter_split(half, &even, &words, threads),
                among_one,
                "{query} among half, {threads}"
            );
        }
        assert!(among_one.iter().all(|(at, _)| at % 2 == 0));
        assert_eq!(
            among_one,
            one.iter()
                .filter(|(at, _)| at % 2 == 0)
                .copied()
                .collect::<Vec<_>>()
        );
    }
}

/// `otter search` keeps only the entries its query fits while it reads; what it answers is what
/// the whole index answers, for names, words of every kind and a pseudonym, and an index read
/// from the store holds what one built from the same records does.
#[test]
fn the_command_s_search_answers_as_the_whole_index() {
    let (_dir, store) = crate::testkit::store::demo_store(day());
    let whole = SearchIndex::load(&store).unwrap();
    let records = |tree| store.count(tree);
    use crate::store::TreeId;
    assert!(
        whole.len() >= records(TreeId::Pupils) + records(TreeId::Cases) + records(TreeId::Actions),
        "every text read"
    );
    let anonymous = store
        .all::<Case>()
        .map(|r| r.unwrap())
        .find(|case| !case.consent.shows_name())
        .expect("the demo has an anonymous case");
    let queries = [
        "de",
        "jan",
        "gesprek ouders",
        "logopedie",
        "ouders herkennen",
        &anonymous.pseudonym(),
    ];
    for query in queries {
        let answered = search(&store, query, 5).unwrap();
        assert!(!answered.is_empty(), "{query}");
        assert_eq!(
            answered,
            whole.matches(query, Audience::Private, 5),
            "{query}"
        );
    }
    let built = SearchIndex::new(
        store.all::<Pupil>().map(|r| r.unwrap()),
        store.all::<Case>().map(|r| r.unwrap()),
        store.all::<Action>().map(|r| r.unwrap()),
        store.all::<Decision>().map(|r| r.unwrap()),
        store.all::<Note>().map(|r| r.unwrap()),
    );
    assert_eq!(built.len(), whole.len());
    for query in queries {
        assert_eq!(
            built.matches(query, Audience::Private, 50),
            whole.matches(query, Audience::Private, 50),
            "{query}"
        );
    }
}

/// `otter search` reads a case's texts, and the texts of actions, decisions and notes, from
/// the kept search texts (`Store::scan_search_texts`), borrowing them: a text with an escaped
/// character (a quote, a line break, a backslash), one with letters beyond ASCII folded as the
/// index folds it, every text of a case's form, a sealed database opened block by block, and
/// a note of a case that is gone naming no one. Each answers as the whole index does.
#[test]
fn the_command_s_search_reads_escaped_folded_sealed_and_orphaned_texts_as_the_index() {
    for passphrase in [None, Some("geheim")] {
        let dir = tempfile::TempDir::new().unwrap();
        let mut given = crate::store::Given {
            params: crate::store::KdfParams::FAST,
            ..crate::store::Given::new(passphrase)
        };
        let store = Store::open_with(dir.path(), &mut given).unwrap();
        store.insert(&pupil(1, "Zoë", "", "Çelik")).unwrap();
        store.insert(&pupil(2, "Sanne", "de", "Vries")).unwrap();
        let mut named = case(1, 1, "Zoë leest \"traag\"\nen raadt", Consent::Yes);
        named.hypotheses = "Mogelijk dyslexie \\ of iets anders".into();
        named.goals = vec!["Leest \"vlot\" in groep 5".into(), "Rekent".into()];
        named.circles.child.plus = "Doorzetter".into();
        named.circles.upbringing.unknown = "Thuistaal: Turks – \"soms\"".into();
        store.insert(&named).unwrap();
        let mut anonymous = case(2, 2, "Zoekt \"rust\"", Consent::Anonymous);
        anonymous.research_decision = "Onderzoek naar leesbegrip".into();
        store.insert(&anonymous).unwrap();
        store
            .insert(&action(1, 1, "Gesprek met \"moeder\" over lezen"))
            .unwrap();
        store
            .insert(&decision(1, 2, "Leesbegrip\tonderzoeken"))
            .unwrap();
        store
            .insert(&note(1, Some(99), "Leest thuis \"veel\""))
            .unwrap();
        store.insert(&note(2, None, "Lezen op de agenda")).unwrap();
        let whole = SearchIndex::load(&store).unwrap();
        let queries = [
            "traag",
            "zoe",
            "celik",
            "dyslexie",
            "vlot",
            "doorzetter",
            "turks soms",
            "rust",
            "leesbegrip",
            "moeder",
            "veel",
            "lezen",
            &anonymous.pseudonym(),
        ];
        for query in queries {
            let answered = search(&store, query, 5).unwrap();
            assert!(!answered.is_empty(), "{query} ({passphrase:?})");
            assert_eq!(
                answered,
                whole.matches(query, Audience::Private, 5),
                "{query} ({passphrase:?})"
            );
        }
        let texts = |query| {
            search(&store, query, 5)
                .unwrap()
                .hits()
                .map(|hit| (hit.subject.clone(), hit.text.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            texts("traag"),
            [(
                "Zoë Çelik".to_string(),
                "Zoë leest \"traag\"\nen raadt".to_string()
            )]
        );
        assert_eq!(
            texts("rust"),
            [(anonymous.pseudonym(), "Zoekt \"rust\"".to_string())]
        );
        assert_eq!(
            texts("veel"),
            [(String::new(), "Leest thuis \"veel\"".to_string())]
        );
    }
}
