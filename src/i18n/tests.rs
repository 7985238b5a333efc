use super::{Lang, Texts};

fn strings(texts: &Texts) -> Vec<(String, String)> {
    fn walk(path: String, value: serde_json::Value, out: &mut Vec<(String, String)>) {
        match value {
            serde_json::Value::String(text) => out.push((path, text)),
            serde_json::Value::Array(items) => {
                for (index, item) in items.into_iter().enumerate() {
                    walk(format!("{path}[{index}]"), item, out);
                }
            }
            serde_json::Value::Object(fields) => {
                for (name, item) in fields {
                    walk(format!("{path}.{name}"), item, out);
                }
            }
            other => panic!("unexpected catalog value at {path}: {other}"),
        }
    }
    let mut out = Vec::new();
    walk(
        String::new(),
        serde_json::to_value(texts).unwrap(),
        &mut out,
    );
    out
}

#[test]
fn every_text_is_filled_in_both_languages() {
    for lang in [Lang::Nl, Lang::En] {
        let texts = strings(lang.texts());
        assert!(texts.len() > 100, "catalog walked: {}", texts.len());
        for (path, text) in texts {
            assert!(!text.trim().is_empty(), "{lang:?}{path} is empty");
        }
    }
}

#[test]
fn english_is_translated_not_copied() {
    let nl = strings(Lang::Nl.texts());
    let en = strings(Lang::En.texts());
    let same: Vec<_> = nl
        .iter()
        .zip(&en)
        .filter(|((_, a), (_, b))| a == b)
        .map(|((path, _), _)| path.clone())
        .collect();
    // Some words are the same in both (open, status, school, agenda, export). Each is named here,
    // so a text left untranslated shows up as a new path. The monitoring screen's minutes
    // and its name are the same in both.
    let alike = [
        ".agenda_export_title",
        ".col_status",
        ".dash_school",
        ".export_school",
        ".import.fields[3]",
        ".meeting_agenda",
        ".privacy.audit_kinds[0]",
        ".privacy.counted[10]",
        ".privacy.retention_cols[1]",
        ".stats.screen_list_cols[2]",
        ".stats.screen_minutes",
        ".stats.screen_title",
        ".status_open",
    ];
    let unexpected: Vec<_> = same
        .iter()
        .filter(|path| !alike.contains(&path.as_str()))
        .collect();
    assert!(
        unexpected.is_empty(),
        "identical in nl and en: {unexpected:?}"
    );
}

#[test]
fn messages_carry_their_arguments() {
    for lang in [Lang::Nl, Lang::En] {
        let t = lang.texts();
        assert!((t.err_in_use)("/data/x").contains("/data/x"));
        let damaged = (t.err_damaged)("/d", Some("/d/backups/b.json"));
        assert!(damaged.contains("otter restore \"/d/backups/b.json\" --force --data-dir \"/d\""));
        assert!((t.err_damaged)("/d", None).contains("otter restore"));
        assert!((t.err_newer)(7, 1).contains('7'));
        assert!((t.err_no_pupil)("Zoë").contains("Zoë"));
        assert!((t.err_ambiguous)("Sa", "Sanne, Sara").contains("Sanne, Sara"));
        assert!((t.err_date)("31-02").contains("31-02"));
        assert!((t.demo_done)(450, 80, 17, 300, "/d").contains("450"));
        assert!((t.days_overdue)(3).contains('3'));
        assert!((t.too_small)(10, 3).contains("10×3"));
        assert!((t.err_restore_locked)("/data/x").contains("/data/x"));
        assert!((t.crypto.replacing)("/data/x").contains("/data/x"));
        assert!((t.prompt_drop_action)("Ouders bellen").contains("Ouders bellen"));
        assert!((t.prompt_new_owner)("Ouders bellen").contains("Ouders bellen"));
        assert!((t.prompt_new_due)("Ouders bellen").contains("Ouders bellen"));
        assert!((t.prompt_plan_time)("za 20-11-2027").contains("za 20-11-2027"));
    }
}

#[test]
fn one_case_to_erase_is_one_casus() {
    let nl = Lang::Nl.texts();
    assert_eq!(
        (nl.privacy.retention_confirm)(1),
        "1 casus definitief verwijderen? Typ ja en Enter (Esc: niets doen)"
    );
    assert!((nl.privacy.retention_confirm)(2).starts_with("2 casussen "));
    assert!(
        (nl.privacy.forget_confirm)("Emma de Wit", 1).starts_with("Emma de Wit en 1 casus met")
    );
    assert!(
        (nl.privacy.forget_confirm)("Emma de Wit", 3).starts_with("Emma de Wit en 3 casussen met")
    );
    let en = Lang::En.texts();
    assert!((en.privacy.retention_confirm)(1).starts_with("Erase 1 case for good?"));
    assert!(
        (en.privacy.forget_confirm)("Emma de Wit", 1)
            .starts_with("Erase Emma de Wit and 1 case with")
    );
}

/// A guest is shown by the catalog's role in brackets; the English catalog's own brackets
/// around a Dutch term become a comma, and a pupil to choose between says "group" in English.
#[test]
fn a_guest_s_role_and_a_pupil_s_group_read_well_in_both_languages() {
    use crate::domain::Role;
    assert_eq!(
        Lang::Nl.texts().guest(Role::Leerkracht),
        "gast (leerkracht)"
    );
    assert_eq!(
        Lang::En.texts().guest(Role::Leerkracht),
        "guest (leerkracht, teacher)"
    );
    assert_eq!(Lang::En.texts().guest(Role::Ouder), "guest (parent)");
    let candidate = (super::cli::EN.pupil_candidate)("Daan Jansen", 4, "01-02-2018", true);
    assert_eq!(candidate, "Daan Jansen (group 4, 01-02-2018, has a case)");
}
