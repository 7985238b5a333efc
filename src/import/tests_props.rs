//! No input makes the importer panic, and every row of a well-formed file is accounted for.

use proptest::prelude::*;

use super::*;

const HEADER: [&str; 6] = [
    "Roepnaam",
    "Tussenvoegsel",
    "Achternaam",
    "Geboortedatum",
    "Groep",
    "Leerkracht",
];

/// Cells drawn from what real exports hold and what breaks parsers: separators, quotes, line
/// ends, accents, Arabic, control characters.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Zéëïçğ ]{0,12}",
        "[0-9]{1,2}-[0-9]{1,2}-[0-9]{2,4}",
        "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        "(groep )?[0-9]{1,2}[a-c]?",
        "[;,\t\"\r\n\u{0}\u{feff}\u{fffd}ء-ي]{0,6}",
        any::<String>(),
    ]
}

fn existing_pupils() -> Vec<Pupil> {
    vec![Pupil {
        id: crate::domain::PupilId(1),
        first_name: "Sanne".into(),
        prefix: "de".into(),
        last_name: "Vries".into(),
        groep: 5,
        birth_date: chrono::NaiveDate::from_ymd_opt(2017, 3, 14).unwrap(),
        teacher: String::new(),
    }]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn no_bytes_panic_the_importer(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        // Without a mapping, no answer may be about a mapping.
        let result = prepare(&bytes, &Mapping::default(), &existing_pupils());
        prop_assert!(!matches!(
            result,
            Err(ImportError::MapWithEdexml | ImportError::UnknownField(_) | ImportError::BadMapping(_))
        ));
    }

    #[test]
    fn no_xml_like_text_panics_the_importer(
        parts in proptest::collection::vec(prop_oneof![
            Just("<leerlingen>".to_string()),
            Just("</leerlingen>".to_string()),
            Just("<leerling key=\"L1\">".to_string()),
            Just("</leerling>".to_string()),
            Just("<groep key=\"G1\"/>".to_string()),
            Just("<groepen><groep key=\"G1\"><jaargroep>".to_string()),
            Just("</jaargroep></groep></groepen>".to_string()),
            Just("<leerkracht><groepen><groep key=\"G1\"/></groepen>".to_string()),
            Just("</leerkracht>".to_string()),
            Just("<roepnaam>".to_string()),
            Just("</roepnaam>".to_string()),
            Just("&#x0;&amp;&bogus;<![CDATA[x]]>".to_string()),
            cell(),
        ], 0..40)
    ) {
        let text = format!("<?xml version=\"1.0\"?><EDEX>{}", parts.concat());
        // XML is read as EDEXML or refused as broken or not EDEXML: never taken for a CSV.
        let result = prepare(text.as_bytes(), &Mapping::default(), &existing_pupils());
        prop_assert!(
            matches!(
                &result,
                Ok(plan) if matches!(plan.source, Source::Edexml { .. })
            ) || matches!(&result, Err(ImportError::Xml { .. } | ImportError::NotEdexml)),
            "{:?}",
            result.as_ref().map(|plan| &plan.source)
        );
    }

    /// Whatever the cells, separator and encoding, each data row ends up exactly once as
    /// new, updated, unchanged or bad: nothing is lost silently.
    #[test]
    fn every_row_is_accounted_for(
        rows in proptest::collection::vec(proptest::collection::vec(cell(), 6), 1..12),
        separator in prop_oneof![Just(b';'), Just(b','), Just(b'\t')],
        windows_1252 in any::<bool>(),
    ) {
        let mut writer = ::csv::WriterBuilder::new().delimiter(separator).from_writer(Vec::new());
        writer.write_record(HEADER).unwrap();
        // A row of blanks only is skipped as a spreadsheet's trailing row: keep one cell.
        let rows: Vec<Vec<String>> = rows
            .into_iter()
            .map(|mut row| {
                if row.iter().all(|c| c.trim().is_empty()) {
                    row[3] = "x".into();
                }
                row
            })
            .collect();
        for row in &rows {
            writer.write_record(row).unwrap();
        }
        let text = String::from_utf8(writer.into_inner().unwrap()).unwrap();
        let bytes = if windows_1252 {
            encoding_rs::WINDOWS_1252.encode(&text).0.into_owned()
        } else {
            text.into_bytes()
        };
        let plan = prepare(&bytes, &Mapping::default(), &existing_pupils());
        prop_assert!(plan.is_ok(), "{plan:?}");
        let plan = plan.unwrap();
        let lines: std::collections::BTreeSet<usize> = plan.new.iter().map(|p| p.line)
            .chain(plan.updated.iter().map(|u| u.line))
            .chain(plan.unchanged.iter().map(|u| u.line))
            .chain(plan.bad.iter().map(|b| b.line))
            .collect();
        let counted = plan.new.len() + plan.updated.len() + plan.unchanged.len() + plan.bad.len();
        prop_assert_eq!(counted, rows.len());
        prop_assert_eq!(lines.len(), counted, "one outcome per line");
    }
}
