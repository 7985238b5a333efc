//! The texts of erasure, retention, the audit log, the presentation mode and consent changes:
//! one part of the catalog, reached as `Texts::privacy`.

use serde::Serialize;

use crate::domain::{AuditKind, Counted};

#[derive(Serialize)]
pub struct PrivacyTexts {
    pub audit_title: &'static str,
    pub audit_empty: &'static str,
    pub audit_keys: &'static str,
    /// When, what, command, how many.
    pub audit_cols: [&'static str; 4],
    /// In the order of `AuditKind`.
    pub audit_kinds: [&'static str; 9],
    /// In the order of `Counted`.
    pub counted: [&'static str; 11],
    pub retention_title: &'static str,
    #[serde(skip)]
    pub retention_rule: fn(u32) -> String,
    pub retention_empty: &'static str,
    pub retention_keys: &'static str,
    /// Pupil, groep, closed, erasable since.
    pub retention_cols: [&'static str; 4],
    #[serde(skip)]
    pub retention_confirm: fn(usize) -> String,
    #[serde(skip)]
    pub retention_erased: fn(&str) -> String,
    pub retention_nothing: &'static str,
    pub presentation_on: &'static str,
    pub presentation_off: &'static str,
    pub presentation_hidden: &'static str,
    /// In place of a filter's typed text that may be a pupil's name, while the room sees it.
    pub filter_hidden: &'static str,
    /// A dossier or an import's dry run asked for with the presentation mode on.
    pub presentation_refused: &'static str,
    /// After an action saved on a case not named: its owner as typed names a groep.
    pub owner_names_groep: &'static str,
    pub consent_prompt: &'static str,
    #[serde(skip)]
    pub consent_changed: fn(&str) -> String,
    #[serde(skip)]
    pub forget_confirm: fn(&str, usize) -> String,
    #[serde(skip)]
    pub forget_done: fn(&str) -> String,
    #[serde(skip)]
    pub backups_dropped: fn(&str) -> String,
    pub confirm_words: [&'static str; 2],
    pub help_forget: &'static str,
    pub help_yes: &'static str,
    pub help_retention: &'static str,
    pub help_erase: &'static str,
    pub help_years: &'static str,
    pub help_audit: &'static str,
    pub help_presentation: &'static str,
    pub err_needs_yes: &'static str,
    pub err_cancelled: &'static str,
    #[serde(skip)]
    pub err_years: fn(&str) -> String,
}

impl PrivacyTexts {
    pub fn audit_kind(&self, kind: AuditKind) -> &'static str {
        self.audit_kinds[match kind {
            AuditKind::Export => 0,
            AuditKind::Erasure => 1,
            AuditKind::Restore => 2,
            AuditKind::PassphraseChange => 3,
            AuditKind::ReopenedMeeting => 4,
            AuditKind::RetentionErasure => 5,
            AuditKind::Undone => 6,
            AuditKind::Withdrawn => 7,
            AuditKind::UnreadableLine => 8,
        }]
    }

    pub fn counted(&self, what: Counted) -> &'static str {
        self.counted[what as usize]
    }

    /// "leerlingen 1, casussen 2": how many of what, never which.
    pub fn counts(&self, counts: &[(Counted, u64)]) -> String {
        counts
            .iter()
            .map(|(what, n)| format!("{} {n}", self.counted(*what)))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Whether a typed confirmation says yes ("ja", or the name asked for).
    pub fn confirms(&self, typed: &str, name: Option<&str>) -> bool {
        let typed = typed.trim();
        self.confirm_words
            .iter()
            .any(|word| typed.eq_ignore_ascii_case(word))
            || name.is_some_and(|name| {
                !typed.is_empty() && typed.to_lowercase() == name.to_lowercase()
            })
    }
}

pub const NL: PrivacyTexts = PrivacyTexts {
    audit_title: "Auditlog",
    audit_empty: "Nog niets vastgelegd.",
    audit_keys: "j/k bladeren · Esc terug",
    audit_cols: ["wanneer", "wat", "opdracht", "aantallen"],
    audit_kinds: [
        "export",
        "verwijdering",
        "terugzetten back-up",
        "wachtwoord gewijzigd",
        "vergadering heropend",
        "bewaartermijn verlopen",
        "ongedaan gemaakt in vergadering",
        "casus ingetrokken",
        "auditregel onleesbaar (bewaard in inbox)",
    ],
    counted: [
        "leerlingen",
        "casussen",
        "gebeurtenissen",
        "aantekeningen",
        "besluiten",
        "actiepunten",
        "vergaderingen",
        "agendapunten",
        "verslagen",
        "teksten",
        "records",
    ],
    retention_title: "Bewaartermijn verlopen",
    retention_rule: |years| {
        format!(
            "Bewaartermijn: {years} schooljaren na het schooljaar waarin de casus is afgesloten (schooljaar begint 1 augustus)."
        )
    },
    retention_empty: "Geen afgesloten casussen over de bewaartermijn.",
    retention_keys: "j/k kiezen · X alles verwijderen · Esc terug",
    retention_cols: ["leerling", "groep", "afgesloten", "verwijderen sinds"],
    retention_confirm: |count| {
        let cases = if count == 1 { "casus" } else { "casussen" };
        format!("{count} {cases} definitief verwijderen? Typ ja en Enter (Esc: niets doen)")
    },
    retention_erased: |counts| format!("Verwijderd: {counts}."),
    retention_nothing: "Niets te verwijderen.",
    presentation_on: "Presentatiemodus aan: het scherm toont alleen schuilnamen en geen persoonlijke lijsten.",
    presentation_off: "Presentatiemodus uit.",
    presentation_hidden: "Verborgen: presentatiemodus.",
    filter_hidden: "verborgen",
    presentation_refused: "Presentatiemodus aan (gedeeld scherm): geen dossier en geen import. Z op het startscherm zet hem uit.",
    owner_names_groep: "Let op: de eigenaar noemt een groep, en deze casus heeft geen toestemming \"ja\". Een groep kan de leerling verraden.",
    consent_prompt: "Toestemming ouders: ja, nee of anoniem, eventueel met hoe (ja, moeder gebeld)",
    consent_changed: |to| format!("Toestemming ouders: {to}."),
    forget_confirm: |name, cases| {
        let noun = if cases == 1 { "casus" } else { "casussen" };
        format!(
            "{name} en {cases} {noun} met aantekeningen, besluiten en actiepunten definitief verwijderen? Typ de naam of ja: "
        )
    },
    forget_done: |counts| format!("Verwijderd: {counts}. Vastgelegd in de auditlog, zonder naam."),
    backups_dropped: |names| {
        format!(
            "Automatische back-ups verwijderd (ze konden het verwijderde bevatten): {names}. Er is een nieuwe gemaakt."
        )
    },
    confirm_words: ["ja", "yes"],
    help_forget: "Een leerling overal verwijderen (casussen, aantekeningen, actiepunten; naam uit verslagen)",
    help_yes: "Niet om bevestiging vragen (voor scripts)",
    help_retention: "Afgesloten casussen over de bewaartermijn tonen",
    help_erase: "Die casussen verwijderen (vraagt om bevestiging)",
    help_years: "De bewaartermijn instellen, in schooljaren",
    help_audit: "De auditlog tonen: exports, verwijderingen, heropende vergaderingen",
    help_presentation: "Presentatiemodus aan of uit zetten (aan/uit), of zonder argument tonen",
    err_needs_yes: "Bevestiging nodig: draai dit in een terminal of geef --yes mee.",
    err_cancelled: "Niets verwijderd.",
    err_years: |text| {
        format!("\"{text}\" is geen bewaartermijn: geef een aantal schooljaren van 0 tot 20.")
    },
};

pub const EN: PrivacyTexts = PrivacyTexts {
    audit_title: "Audit log",
    audit_empty: "Nothing recorded yet.",
    audit_keys: "j/k scroll · Esc back",
    audit_cols: ["when", "what", "command", "counts"],
    audit_kinds: [
        "export",
        "erasure",
        "backup restored",
        "passphrase changed",
        "meeting reopened",
        "retention expired",
        "undone in a meeting",
        "case withdrawn",
        "audit line unreadable (kept in inbox)",
    ],
    counted: [
        "pupils",
        "cases",
        "events",
        "notes",
        "decisions",
        "actions",
        "meetings",
        "agenda items",
        "minutes",
        "texts",
        "records",
    ],
    retention_title: "Retention expired",
    retention_rule: |years| {
        format!(
            "Retention: {years} school years after the school year in which the case closed (a school year starts on 1 August)."
        )
    },
    retention_empty: "No closed cases past retention.",
    retention_keys: "j/k choose · X erase all · Esc back",
    retention_cols: ["pupil", "groep", "closed", "erasable since"],
    retention_confirm: |count| {
        let cases = if count == 1 { "case" } else { "cases" };
        format!("Erase {count} {cases} for good? Type yes and Enter (Esc: do nothing)")
    },
    retention_erased: |counts| format!("Erased: {counts}."),
    retention_nothing: "Nothing to erase.",
    presentation_on: "Presentation mode on: the screen shows pseudonyms only and no personal lists.",
    presentation_off: "Presentation mode off.",
    presentation_hidden: "Hidden: presentation mode.",
    filter_hidden: "hidden",
    presentation_refused: "Presentation mode is on (shared screen): no dossier and no import. Z on the start screen turns it off.",
    owner_names_groep: "Note: the owner names a groep, and this case has no consent \"ja\". A groep can give the pupil away.",
    consent_prompt: "Parents' consent: yes, no or anonymous, optionally how (yes, mother phoned)",
    consent_changed: |to| format!("Parents' consent: {to}."),
    forget_confirm: |name, cases| {
        let noun = if cases == 1 { "case" } else { "cases" };
        format!(
            "Erase {name} and {cases} {noun} with their notes, decisions and actions for good? Type the name or yes: "
        )
    },
    forget_done: |counts| format!("Erased: {counts}. Recorded in the audit log, without the name."),
    backups_dropped: |names| {
        format!(
            "Automatic backups removed (they could hold what was erased): {names}. A new one was made."
        )
    },
    confirm_words: ["yes", "ja"],
    help_forget: "Erase a pupil everywhere (cases, notes, actions; name out of minutes)",
    help_yes: "Do not ask for confirmation (for scripts)",
    help_retention: "List closed cases past the retention period",
    help_erase: "Erase those cases (asks for confirmation)",
    help_years: "Set the retention period, in school years",
    help_audit: "Show the audit log: exports, erasures, reopened meetings",
    help_presentation: "Switch the presentation mode on or off (on/off), or show it",
    err_needs_yes: "Confirmation needed: run this in a terminal or pass --yes.",
    err_cancelled: "Nothing erased.",
    err_years: |text| {
        format!("\"{text}\" is not a retention period: give a number of school years from 0 to 20.")
    },
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_confirmation_is_ja_or_the_name_and_nothing_else() {
        for t in [&NL, &EN] {
            assert!(t.confirms(" JA ", None));
            assert!(t.confirms("sanne de vries", Some("Sanne de Vries")));
            assert!(!t.confirms("", Some("Sanne de Vries")));
            assert!(!t.confirms("j", Some("Sanne de Vries")));
            assert!(!t.confirms("Sanne", Some("Sanne de Vries")));
        }
    }

    #[test]
    fn every_kind_and_count_has_a_name_in_both_languages() {
        for t in [&NL, &EN] {
            assert_eq!(t.audit_kind(AuditKind::RetentionErasure), t.audit_kinds[5]);
            assert_eq!(t.counted(Counted::Records), t.counted[10]);
            assert!(
                t.counts(&[(Counted::Pupils, 1), (Counted::Cases, 2)])
                    .contains('2')
            );
            assert!((t.retention_rule)(2).contains('2'));
            assert!((t.forget_confirm)("Zoë", 3).contains("Zoë"));
            assert!((t.err_years)("x").contains("\"x\""));
        }
    }
}
