use chrono::NaiveDate;

use super::values::{birth_date, groep};
use super::*;
use crate::domain::PupilId;

const BOM_SEMICOLON: &[u8] =
    include_bytes!("../../tests/fixtures/import/parnassys_bom_semicolon.csv");
const UTF8_COMMA: &[u8] = include_bytes!("../../tests/fixtures/import/english_utf8_comma.csv");
const CP1252_TAB: &[u8] = include_bytes!("../../tests/fixtures/import/magister_1252_tab.csv");
const BAD_ROWS: &[u8] = include_bytes!("../../tests/fixtures/import/bad_rows.csv");
const EDEXML: &[u8] = include_bytes!("../../tests/fixtures/import/edexml.xml");

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn fresh(bytes: &[u8]) -> Plan {
    prepare(bytes, &Mapping::default(), &[]).unwrap()
}

fn names(plan: &Plan) -> Vec<String> {
    plan.new.iter().map(Incoming::full_name).collect()
}

/// The four pupils every CSV fixture holds, whatever its encoding and separator.
fn assert_the_four(plan: &Plan) {
    assert_eq!(
        names(plan),
        [
            "Sanne de Vries",
            "Zoë Çelik",
            "Daan van den Berg",
            "Inés Fernández"
        ]
    );
    let groeps: Vec<u8> = plan.new.iter().map(|p| p.groep).collect();
    assert_eq!(groeps, [5, 4, 6, 3]);
    let dates: Vec<NaiveDate> = plan.new.iter().map(|p| p.birth_date).collect();
    assert_eq!(
        dates,
        [
            day(2017, 3, 14),
            day(2018, 9, 2),
            day(2015, 11, 30),
            day(2019, 1, 7)
        ]
    );
    let lines: Vec<usize> = plan.new.iter().map(|p| p.line).collect();
    assert_eq!(lines, [2, 3, 4, 5]);
    assert!(plan.bad.is_empty(), "{:?}", plan.bad);
}

#[test]
fn utf8_with_bom_and_semicolons_is_read() {
    let plan = fresh(BOM_SEMICOLON);
    assert_the_four(&plan);
    assert_eq!(
        plan.source,
        Source::Csv {
            separator: ';',
            encoding: "UTF-8 (BOM)"
        }
    );
    assert_eq!(plan.new[1].teacher.as_deref(), Some("Mehmet Yıldız"));
    assert_eq!(plan.new[1].prefix.as_deref(), Some(""));
}

#[test]
fn utf8_with_commas_and_english_headers_is_read() {
    let plan = fresh(UTF8_COMMA);
    assert_the_four(&plan);
    assert_eq!(
        plan.source,
        Source::Csv {
            separator: ',',
            encoding: "UTF-8"
        }
    );
    // A quoted cell keeps its comma.
    assert_eq!(
        plan.new[2].teacher.as_deref(),
        Some("Anna Bakker, Piet de Wit")
    );
}

#[test]
fn windows_1252_with_tabs_and_magister_headers_is_read() {
    let plan = fresh(CP1252_TAB);
    assert_the_four(&plan);
    assert_eq!(
        plan.source,
        Source::Csv {
            separator: '\t',
            encoding: "windows-1252"
        }
    );
    assert_eq!(plan.new[1].teacher.as_deref(), Some("Mehmet Yildiz"));
}

/// A UTF-8 byte order mark before Windows-1252 text (a file saved in one program and edited
/// in another): the mark does not make "Zo\xEB" a name with a replacement character.
#[test]
fn a_byte_order_mark_before_windows_1252_is_read_as_windows_1252() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(CP1252_TAB);
    let plan = fresh(&bytes);
    assert_the_four(&plan);
    assert_eq!(
        plan.source,
        Source::Csv {
            separator: '\t',
            encoding: "windows-1252"
        }
    );
}

#[test]
fn utf16_from_excel_unicode_text_is_read() {
    let text = String::from_utf8(UTF8_COMMA.to_vec())
        .unwrap()
        .replace(',', "\t");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let plan = fresh(&bytes);
    assert_eq!(names(&plan)[1], "Zoë Çelik");
    assert!(matches!(
        plan.source,
        Source::Csv {
            separator: '\t',
            encoding: "UTF-16LE"
        }
    ));
}

#[test]
fn every_bad_row_is_reported_with_its_line_and_reason() {
    let plan = fresh(BAD_ROWS);
    assert_eq!(names(&plan), ["Sanne de Vries", "Julia Dekker"]);
    let bad: Vec<(usize, Reason)> = plan
        .bad
        .iter()
        .map(|b| (b.line, b.reason.clone()))
        .collect();
    assert_eq!(
        bad,
        [
            (3, Reason::EmptyFirstName),
            (4, Reason::ImpossibleDate("31-02-2016".into())),
            (5, Reason::BadGroep("9".into())),
            (6, Reason::BadDate("1-2-16".into())),
            (7, Reason::SameAsLine(2)),
            (8, Reason::BadGroep("groep 1/2".into())),
        ]
    );
    let text = summary::lines(&plan, "x.csv", crate::i18n::Lang::Nl).join("\n");
    assert!(
        text.contains("regel 4: datum \"31-02-2016\" bestaat niet"),
        "{text}"
    );
    assert!(text.contains("regel 7: dezelfde leerling als regel 2"));
}

#[test]
fn edexml_takes_groep_and_leerkrachten_through_the_group_keys() {
    let plan = fresh(EDEXML);
    assert_eq!(plan.source, Source::Edexml { encoding: "UTF-8" });
    assert_eq!(
        names(&plan),
        ["Sanne de Vries", "Zoë Çelik", "Daan van den Berg"]
    );
    let groeps: Vec<u8> = plan.new.iter().map(|p| p.groep).collect();
    // Sanne's own jaargroep; Zoë's through groep G4; Daan's from the name "Groep 6a".
    assert_eq!(groeps, [5, 4, 6]);
    let teachers: Vec<&str> = plan
        .new
        .iter()
        .map(|p| p.teacher.as_deref().unwrap())
        .collect();
    assert_eq!(
        teachers,
        ["Anna Bakker", "Mehmet Yıldız", "Anna Bakker, Piet de Wit"]
    );
    assert_eq!(plan.new[0].line, 32);
    assert_eq!(
        plan.bad,
        [BadRow {
            line: 62,
            reason: Reason::ImpossibleDate("2015-02-29".into())
        }]
    );
}

#[test]
fn edexml_is_told_by_its_content_and_broken_xml_by_its_line() {
    let broken = b"<?xml version=\"1.0\"?>\n<EDEX>\n<leerlingen>\n<leerling></leerlingen>\n";
    match prepare(broken, &Mapping::default(), &[]) {
        Err(ImportError::Xml { line, .. }) => assert_eq!(line, 4),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        prepare(b"<html><body/></html>", &Mapping::default(), &[]),
        Err(ImportError::NotEdexml)
    ));
    let mapping = Mapping::parse(&["roepnaam=1"]).unwrap();
    assert!(matches!(
        prepare(EDEXML, &mapping, &[]),
        Err(ImportError::MapWithEdexml)
    ));
}

fn existing(plan: &Plan) -> Vec<Pupil> {
    plan.new
        .iter()
        .enumerate()
        .map(|(i, p)| Pupil {
            id: PupilId(i as u64 + 1),
            first_name: p.first_name.clone(),
            prefix: p.prefix.clone().unwrap_or_default(),
            last_name: p.last_name.clone(),
            groep: p.groep,
            birth_date: p.birth_date,
            teacher: p.teacher.clone().unwrap_or_default(),
        })
        .collect()
}

type FieldChange = (Field, String, String);

#[test]
fn a_reimport_updates_instead_of_duplicating() {
    let pupils = existing(&fresh(BOM_SEMICOLON));
    let again = prepare(BOM_SEMICOLON, &Mapping::default(), &pupils).unwrap();
    assert!(again.new.is_empty() && again.updated.is_empty());
    assert_eq!(again.unchanged.len(), 4);

    // A new school year: Sanne moves up, Daan gets a new leerkracht; the name is matched
    // whatever its case, accents or spacing.
    let next_year = "roepnaam;tussenvoegsel;achternaam;geboortedatum;groep;leerkracht\n\
                     SANNE;de;vries;14-03-2017;6;Anna Bakker\n\
                     Daan;van  den;Berg;30-11-2015;6;Piet de Wit\n\
                     Lieke;;Smit;01-05-2020;2;Joost Smit\n";
    let plan = prepare(next_year.as_bytes(), &Mapping::default(), &pupils).unwrap();
    assert_eq!(names(&plan), ["Lieke Smit"]);
    let updated: Vec<(PupilId, Vec<FieldChange>)> = plan
        .updated
        .iter()
        .map(|u| {
            (
                u.after.id,
                u.changes
                    .iter()
                    .map(|c| (c.field, c.from.clone(), c.to.clone()))
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        updated,
        [
            (
                PupilId(1),
                vec![
                    (Field::Groep, "5".into(), "6".into()),
                    (Field::FirstName, "Sanne".into(), "SANNE".into()),
                    (Field::LastName, "Vries".into(), "vries".into()),
                ]
            ),
            (
                PupilId(3),
                vec![(Field::Teacher, "Anna Bakker".into(), "Piet de Wit".into())]
            ),
        ]
    );
}

#[test]
fn without_a_prefix_column_the_split_name_and_teacher_are_kept() {
    let pupils = existing(&fresh(BOM_SEMICOLON));
    let file = "Voornaam,Achternaam,Geboortedatum,Klas\nDaan,van den Berg,30-11-2015,7\n";
    let plan = prepare(file.as_bytes(), &Mapping::default(), &pupils).unwrap();
    assert_eq!(plan.updated.len(), 1);
    let after = &plan.updated[0].after;
    assert_eq!(
        (after.prefix.as_str(), after.last_name.as_str()),
        ("van den", "Berg")
    );
    assert_eq!(after.teacher, "Anna Bakker");
    assert_eq!(after.groep, 7);
}

#[test]
fn two_pupils_with_one_name_and_birthday_are_not_guessed_between() {
    let mut pupils = existing(&fresh(BOM_SEMICOLON));
    let mut twin = pupils[0].clone();
    twin.id = PupilId(99);
    pupils.push(twin);
    let plan = prepare(BOM_SEMICOLON, &Mapping::default(), &pupils).unwrap();
    assert_eq!(
        plan.bad,
        [BadRow {
            line: 2,
            reason: Reason::FitsTwoPupils("Sanne de Vries".into())
        }]
    );
}

#[test]
fn an_explicit_mapping_names_columns_by_header_or_number() {
    let file = "Naam kind;Familienaam;Dag van geboorte;Jaar\nSanne;Vries;14-03-2017;5\n";
    match prepare(file.as_bytes(), &Mapping::default(), &[]) {
        Err(ImportError::MissingColumn(Field::FirstName, headers)) => {
            assert_eq!(headers[0], "Naam kind")
        }
        other => panic!("{other:?}"),
    }
    let mapping = Mapping::parse(&[
        "roepnaam=naam kind",
        "achternaam=2",
        "geboortedatum=Dag van geboorte",
        "klas=4",
    ])
    .unwrap();
    let plan = prepare(file.as_bytes(), &mapping, &[]).unwrap();
    assert_eq!(names(&plan), ["Sanne Vries"]);
    assert_eq!(plan.new[0].groep, 5);
}

#[test]
fn a_wrong_mapping_is_a_clear_error() {
    assert!(matches!(
        Mapping::parse(&["naam=Voornaam"]),
        Err(ImportError::UnknownField(key)) if key == "naam"
    ));
    assert!(matches!(
        Mapping::parse(&["roepnaam"]),
        Err(ImportError::BadMapping(_))
    ));
    let file = b"Roepnaam;Achternaam;Geboortedatum;Groep\n";
    let mapping = Mapping::parse(&["groep=7"]).unwrap();
    assert!(matches!(
        prepare(file, &mapping, &[]),
        Err(ImportError::ColumnOutOfRange(7, 4))
    ));
    let mapping = Mapping::parse(&["groep=Klas"]).unwrap();
    assert!(matches!(
        prepare(file, &mapping, &[]),
        Err(ImportError::UnknownColumn(name, _)) if name == "Klas"
    ));
}

/// A stray quote at the start of a cell opens a quoted cell that runs on to the next quote or
/// the end of the file: the pupils on the lines it swallows must not vanish in silence, least
/// of all under `--skip-bad`.
#[test]
fn a_quote_left_open_names_the_lines_it_swallows() {
    let file = "Roepnaam;Achternaam;Geboortedatum;Groep\r\n\
                Sanne;Vries;14-03-2017;5\r\n\
                Daan;\"Berg;30-11-2015;6\r\n\
                Inés;Fernández;07-01-2019;3\r\n\
                Noor;Bakker;01-02-2016;7\r\n";
    let plan = fresh(file.as_bytes());
    assert_eq!(names(&plan), ["Sanne Vries"]);
    let bad: Vec<(usize, Reason)> = plan
        .bad
        .iter()
        .map(|b| (b.line, b.reason.clone()))
        .collect();
    assert_eq!(bad, [(3, Reason::UnclosedQuote(5))]);
    let text = summary::lines(&plan, "x.csv", crate::i18n::Lang::Nl).join("\n");
    assert!(text.contains("regel 3: "), "{text}");
    assert!(text.contains("regel 3 tot en met 5"), "{text}");
    // A quoted cell over two lines is allowed, when it is one cell and not rows run together.
    let teachers = "Roepnaam;Achternaam;Geboortedatum;Groep;Leerkracht\n\
                    Sanne;Vries;14-03-2017;5;\"Anna Bakker,\nPiet de Wit\"\n\
                    Noor;Bakker;01-02-2016;7;Joost\n";
    let plan = fresh(teachers.as_bytes());
    assert_eq!(names(&plan), ["Sanne Vries", "Noor Bakker"]);
    assert!(plan.bad.is_empty(), "{:?}", plan.bad);
    assert_eq!(plan.new[1].line, 4);
}

#[test]
fn the_separator_is_counted_outside_quotes_and_excel_may_name_it() {
    let quoted =
        "\"Roepnaam; of voornaam\",Achternaam,Geboortedatum,Groep\nSanne,Vries,14-03-2017,5\n";
    assert_eq!(text::separator(quoted), b',');
    let hinted = "sep=;\nRoepnaam;Achternaam;Geboortedatum;Groep\nSanne;Vries;14-03-2017;5\n";
    let plan = fresh(hinted.as_bytes());
    assert_eq!(names(&plan), ["Sanne Vries"]);
    assert_eq!(plan.new[0].line, 3);
}

#[test]
fn empty_input_has_no_header() {
    assert!(matches!(
        prepare(b"", &Mapping::default(), &[]),
        Err(ImportError::NoHeader)
    ));
    assert!(matches!(
        prepare(b"\n;;\n", &Mapping::default(), &[]),
        Err(ImportError::NoHeader)
    ));
}

#[test]
fn groep_is_read_as_administrations_write_it() {
    for (text, expected) in [
        ("5", Some(5)),
        ("groep 5", Some(5)),
        ("5B", Some(5)),
        ("Groep 8a", Some(8)),
        ("jaargroep 1", Some(1)),
        (" 07 ", Some(7)),
        ("9", None),
        ("0", None),
        ("1/2", None),
        ("5BC", None),
        ("groep", None),
        ("", None),
        ("kleuters", None),
    ] {
        assert_eq!(groep(text), expected, "{text:?}");
    }
}

#[test]
fn dates_are_read_in_the_dutch_forms_and_impossible_ones_refused() {
    for text in [
        "14-03-2017",
        "14-3-2017",
        "14/03/2017",
        "14.03.2017",
        "2017-03-14",
        "2017-03-14T00:00:00",
        "14-03-2017 00:00",
    ] {
        assert_eq!(birth_date(text), Ok(day(2017, 3, 14)), "{text}");
    }
    assert_eq!(
        birth_date("29-02-2017"),
        Err(Reason::ImpossibleDate("29-02-2017".into()))
    );
    assert_eq!(birth_date("29-02-2016"), Ok(day(2016, 2, 29)));
    for text in ["14-03-17", "2017/14", "maart 2017", "14-03-2017-1"] {
        assert_eq!(
            birth_date(text),
            Err(Reason::BadDate(text.into())),
            "{text}"
        );
    }
    assert_eq!(birth_date("  "), Err(Reason::EmptyBirthDate));
}

#[test]
fn a_file_over_the_limit_is_refused_before_it_is_read_whole() {
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("groot.csv");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(MAX_BYTES + 1).unwrap();
    assert!(matches!(
        read_file(&path),
        Err(ImportError::TooLarge {
            limit: MAX_BYTES,
            ..
        })
    ));
    assert!(matches!(
        read_file(&dir.path().join("weg.csv")),
        Err(ImportError::Read { .. })
    ));
}

#[test]
fn apply_writes_new_and_updated_pupils_in_one_go() {
    let dir = tempfile::TempDir::new().unwrap();
    {
        let store = Store::open(dir.path()).unwrap();
        let plan = fresh(BOM_SEMICOLON);
        assert_eq!(
            apply(&store, &plan).unwrap(),
            Applied { new: 4, updated: 0 }
        );
    }
    let store = Store::open(dir.path()).unwrap();
    let pupils: Vec<Pupil> = store.all::<Pupil>().map(Result::unwrap).collect();
    let plan = prepare(CP1252_TAB, &Mapping::default(), &pupils).unwrap();
    // The 1252 file spells one leerkracht without the Turkish ı: that is the only change.
    assert_eq!(plan.updated.len(), 1);
    assert_eq!(
        apply(&store, &plan).unwrap(),
        Applied { new: 0, updated: 1 }
    );
    let pupils: Vec<Pupil> = store.all::<Pupil>().map(Result::unwrap).collect();
    assert_eq!(pupils.len(), 4);
    let zoe = pupils.iter().find(|p| p.first_name == "Zoë").unwrap();
    assert_eq!(zoe.teacher, "Mehmet Yildiz");
    assert_eq!(
        crate::query::pupils::find(&store, "celik").unwrap().id,
        zoe.id,
        "found by her folded name"
    );
}

/// One file per mistake in tests/invalid_imports, each with the error it must give; a file
/// added there without an expectation fails this test.
#[test]
fn every_invalid_file_gets_its_own_error() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/invalid_imports");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        let err = prepare(&read_file(&path).unwrap(), &Mapping::default(), &[]).unwrap_err();
        let expected = match name.as_str() {
            "empty.csv" | "only_separators.csv" => matches!(err, ImportError::NoHeader),
            "no_achternaam_column.csv" => {
                matches!(err, ImportError::MissingColumn(Field::LastName, _))
            }
            "no_geboortedatum_column.csv" => {
                matches!(err, ImportError::MissingColumn(Field::BirthDate, _))
            }
            "no_groep_column.csv" => matches!(err, ImportError::MissingColumn(Field::Groep, _)),
            "mismatched_tags.xml" => matches!(err, ImportError::Xml { line: 5, .. }),
            "no_leerlingen.xml" | "html_page.xml" => matches!(err, ImportError::NotEdexml),
            other => panic!("no expectation for tests/invalid_imports/{other}"),
        };
        assert!(expected, "{name}: {err:?}");
        checked += 1;
    }
    assert_eq!(checked, 8);
}

#[test]
fn import_messages_carry_their_arguments_in_both_languages() {
    for lang in [crate::i18n::Lang::Nl, crate::i18n::Lang::En] {
        let t = lang.texts();
        let message = |err: crate::error::Error| err.message(t, "/data");
        let missing =
            ImportError::MissingColumn(Field::BirthDate, vec!["Naam".into(), "Klas".into()]);
        let text = message(missing.into());
        assert!(
            text.contains("geboortedatum") && text.contains("Naam, Klas"),
            "{text}"
        );
        assert!(message(ImportError::ColumnOutOfRange(9, 4).into()).contains('9'));
        let text = message(ImportError::UnknownField("naam".into()).into());
        assert!(
            text.contains("\"naam\"") && text.contains("roepnaam, tussenvoegsel"),
            "{text}"
        );
        let text = message(
            ImportError::Xml {
                line: 12,
                detail: "x".into(),
            }
            .into(),
        );
        assert!(text.contains("12"), "{text}");
        assert!(message(crate::error::Error::BadRows(3)).contains('3'));
        assert_eq!(crate::error::Error::BadRows(3).exit_code(), 1);
    }
}

/// One name typed in an old program (é as the single byte 0xE9) in an otherwise UTF-8 file:
/// the other names keep their letters, and the row with the odd byte is named, not guessed.
#[test]
fn one_stray_windows_1252_byte_in_utf8_is_a_bad_row_not_a_mojibake_file() {
    let mut bytes = "Roepnaam;Achternaam;Groep;Geboortedatum\n\
                     Zoë;Çelik;4;02-09-2018\n"
        .as_bytes()
        .to_vec();
    bytes.extend_from_slice(b"Ren\xe9;Smit;5;14-03-2017\n");
    bytes.extend_from_slice("Inés;Fernández;3;07-01-2019\n".as_bytes());
    let plan = fresh(&bytes);
    assert_eq!(names(&plan), ["Zoë Çelik", "Inés Fernández"]);
    assert_eq!(
        plan.source,
        Source::Csv {
            separator: ';',
            encoding: "UTF-8"
        }
    );
    assert_eq!(
        plan.bad,
        [BadRow {
            line: 3,
            reason: Reason::NotUtf8(Field::FirstName, "Ren\u{FFFD}".into())
        }]
    );
    let lines = summary::lines(&plan, "x.csv", crate::i18n::Lang::Nl);
    assert!(
        lines
            .iter()
            .any(|l| l.contains("regel 3: roepnaam bevat een teken dat geen UTF-8 is")),
        "{lines:?}"
    );
}

/// A file in Windows-1252 from the start is still read as such: no UTF-8 letter in it.
#[test]
fn a_whole_windows_1252_file_is_still_read_as_windows_1252() {
    let plan = fresh(b"Roepnaam;Achternaam;Groep;Geboortedatum\nRen\xe9;Smit;5;14-03-2017\n");
    assert_eq!(names(&plan), ["René Smit"]);
    assert!(plan.bad.is_empty());
}

#[test]
fn control_characters_in_names_are_refused_with_line_and_field_and_shown_visibly() {
    let text = "Roepnaam;Tussenvoegsel;Achternaam;Groep;Geboortedatum;Leerkracht\n\
                Sanne;de;Vries;5;14-03-2017;juf\tAnouk\n\
                \"Jan\x1b]0;pwned\x07\";;Jansen;4;02-09-2018;\n\
                Piet;;Bakker\u{202E}tnerruc;6;30-11-2015;\n\
                Kees;;Smit;7;01-01-2016;meester\x1b[2J\n\
                Lot;v\u{9b}an;Dam;7;01-01-2016;\n";
    let plan = fresh(text.as_bytes());
    // A tab is whitespace in a name, as it always was: made a space, not refused.
    assert_eq!(names(&plan), ["Sanne de Vries"]);
    assert_eq!(plan.new[0].teacher.as_deref(), Some("juf Anouk"));
    let bad: Vec<(usize, Reason)> = plan
        .bad
        .iter()
        .map(|b| (b.line, b.reason.clone()))
        .collect();
    assert_eq!(
        bad,
        [
            (
                3,
                Reason::ControlCharacter(Field::FirstName, "Jan␛]0;pwned␇".into())
            ),
            (
                4,
                Reason::ControlCharacter(Field::LastName, "Bakker[U+202E]tnerruc".into())
            ),
            (
                5,
                Reason::ControlCharacter(Field::Teacher, "meester␛[2J".into())
            ),
            (
                6,
                Reason::ControlCharacter(Field::Prefix, "v[U+009B]an".into())
            ),
        ]
    );
    for lang in [crate::i18n::Lang::Nl, crate::i18n::Lang::En] {
        for line in summary::lines(&plan, "x.csv", lang) {
            assert!(!line.chars().any(crate::text::is_unsafe), "{line:?}");
        }
    }
}

#[test]
fn edexml_names_with_control_characters_are_refused_too() {
    let xml = String::from_utf8(EDEXML.to_vec()).unwrap();
    let first = plan_names_of(&xml);
    assert!(!first.is_empty());
    // The first roepnaam of the fixture gets an escape (as a character reference, which XML
    // allows for ESC only in XML 1.1; raw here, as a careless export writes it).
    let target = format!("<roepnaam>{}</roepnaam>", first_roepnaam(&xml));
    assert!(xml.contains(&target), "{target}");
    let broken = xml.replacen(&target, "<roepnaam>Jan\u{1b}[2J</roepnaam>", 1);
    let plan = fresh(broken.as_bytes());
    assert!(
        plan.bad.iter().any(|b| matches!(&b.reason,
            Reason::ControlCharacter(Field::FirstName, v) if v == "Jan␛[2J")),
        "{:?}",
        plan.bad
    );
}

fn plan_names_of(xml: &str) -> Vec<String> {
    names(&fresh(xml.as_bytes()))
}

fn first_roepnaam(xml: &str) -> &str {
    let start = xml.find("<roepnaam>").unwrap() + "<roepnaam>".len();
    let end = start + xml[start..].find("</roepnaam>").unwrap();
    &xml[start..end]
}

/// Found by the fuzzer (fuzz/artifacts/import_csv-crash-b033799…): a control character in a
/// refused date was quoted raw in the plan's summary, which the screen shows.
#[test]
fn a_refused_date_with_a_control_character_is_quoted_visibly() {
    let plan = fresh(b"Roepnaam;Achternaam;Groep;Geboortedatum\nSanne;Vries;5;14-03-2017\x045B\n");
    let lines = summary::lines(&plan, "x.csv", crate::i18n::Lang::Nl);
    assert!(
        lines
            .iter()
            .any(|l| l.contains("\"14-03-2017␄5B\" is geen datum")),
        "{lines:?}"
    );
    assert!(lines.iter().all(|l| !l.chars().any(crate::text::is_unsafe)));
}
