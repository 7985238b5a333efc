//! The texts of encryption at rest and the idle lock, kept in their own part of the catalog.

/// Prompts, messages and the lock screen.
pub struct CryptoTexts {
    /// Said once, before a new database asks for its passphrase.
    pub why: &'static str,
    pub prompt_new: &'static str,
    pub prompt_repeat: &'static str,
    pub prompt_current: &'static str,
    pub prompt_passphrase: &'static str,
    /// Said before the passphrase of the database a restore replaces is asked.
    pub replacing: fn(&str) -> String,
    pub mismatch: &'static str,
    pub wrong_try_again: &'static str,
    /// Asked before a database is made (or left) without encryption; answered yes or no.
    pub confirm_none: &'static str,
    pub confirm_off: &'static str,
    /// The answer that confirms (`ja`, `yes`).
    pub yes: &'static str,
    pub created_plain: fn(&str) -> String,
    pub changed: &'static str,
    pub turned_on: &'static str,
    pub turned_off: &'static str,
    pub unchanged: &'static str,
    pub err_encrypted: fn(&str) -> String,
    pub err_wrong: fn(&str) -> String,
    pub err_interrupted: &'static str,
    pub err_needs_terminal: &'static str,
    pub help_passphrase: &'static str,
    pub help_lock_after: &'static str,
    pub lock_title: &'static str,
    pub lock_hint: &'static str,
    pub lock_label: &'static str,
    pub lock_wrong: &'static str,
}

pub const NL: CryptoTexts = CryptoTexts {
    why: "otter versleutelt de leerlinggegevens met een wachtwoordzin, zodat wie deze computer \
          of zijn schijf in handen krijgt ze niet kan lezen.",
    prompt_new: "Nieuwe wachtwoordzin (leeg: geen versleuteling): ",
    prompt_repeat: "Herhaal de wachtwoordzin: ",
    prompt_current: "Huidige wachtwoordzin: ",
    prompt_passphrase: "Wachtwoordzin: ",
    replacing: |dir| {
        format!(
            "De database in {dir}, die de back-up vervangt, is versleuteld. Geef haar \
             wachtwoordzin, dan blijft haar auditlog bewaard."
        )
    },
    mismatch: "De twee wachtwoordzinnen verschillen; probeer het opnieuw.",
    wrong_try_again: "Verkeerde wachtwoordzin; probeer het opnieuw.",
    confirm_none: "Zonder wachtwoordzin staan namen en aantekeningen leesbaar op de schijf. \
                   Echt zonder versleuteling? (ja/nee) ",
    confirm_off: "Versleuteling uitzetten: namen en aantekeningen komen leesbaar op de schijf. \
                  Doorgaan? (ja/nee) ",
    yes: "ja",
    created_plain: |dir| {
        format!(
            "Geen terminal en geen OTTER_PASSPHRASE: de nieuwe database in {dir} is niet \
             versleuteld."
        )
    },
    changed: "Wachtwoordzin gewijzigd; alle gegevens zijn opnieuw versleuteld.",
    turned_on: "Versleuteling staat aan; alle gegevens zijn versleuteld.",
    turned_off: "Versleuteling staat uit.",
    unchanged: "Niets gewijzigd.",
    err_encrypted: |dir| {
        format!(
            "De database in {dir} is versleuteld; geef de wachtwoordzin (op de terminal of in \
             OTTER_PASSPHRASE)."
        )
    },
    err_wrong: |dir| format!("Verkeerde wachtwoordzin voor de database in {dir}."),
    err_interrupted: "Het wijzigen van de wachtwoordzin is onderbroken; open de database \
                      opnieuw om het af te maken.",
    err_needs_terminal: "De nieuwe wachtwoordzin wordt op de terminal gevraagd (of gelezen uit \
                         OTTER_NEW_PASSPHRASE).",
    help_passphrase: "Wijzig de wachtwoordzin, of zet versleuteling aan of uit",
    help_lock_after: "Vergrendel het scherm na zoveel minuten zonder toets (0: nooit)",
    lock_title: "otter is vergrendeld",
    lock_hint: "Typ de wachtwoordzin en druk op Enter.",
    lock_label: "Wachtwoordzin: ",
    lock_wrong: "Verkeerde wachtwoordzin.",
};

pub const EN: CryptoTexts = CryptoTexts {
    why: "otter encrypts the pupil data with a passphrase, so that whoever gets hold of this \
          computer or its disk cannot read it.",
    prompt_new: "New passphrase (empty: no encryption): ",
    prompt_repeat: "Repeat the passphrase: ",
    prompt_current: "Current passphrase: ",
    prompt_passphrase: "Passphrase: ",
    replacing: |dir| {
        format!(
            "The database in {dir}, which the backup replaces, is encrypted. Give its \
             passphrase, so that its audit log is kept."
        )
    },
    mismatch: "The two passphrases differ; try again.",
    wrong_try_again: "Wrong passphrase; try again.",
    confirm_none: "Without a passphrase, names and notes are readable on the disk. Really no \
                   encryption? (yes/no) ",
    confirm_off: "Turning encryption off: names and notes become readable on the disk. \
                  Continue? (yes/no) ",
    yes: "yes",
    created_plain: |dir| {
        format!("No terminal and no OTTER_PASSPHRASE: the new database in {dir} is not encrypted.")
    },
    changed: "Passphrase changed; all data is encrypted anew.",
    turned_on: "Encryption is on; all data is encrypted.",
    turned_off: "Encryption is off.",
    unchanged: "Nothing changed.",
    err_encrypted: |dir| {
        format!(
            "The database in {dir} is encrypted; give the passphrase (on the terminal or in \
             OTTER_PASSPHRASE)."
        )
    },
    err_wrong: |dir| format!("Wrong passphrase for the database in {dir}."),
    err_interrupted: "Changing the passphrase was interrupted; open the database again to \
                      finish it.",
    err_needs_terminal: "The new passphrase is asked on the terminal (or read from \
                         OTTER_NEW_PASSPHRASE).",
    help_passphrase: "Change the passphrase, or turn encryption on or off",
    help_lock_after: "Lock the screen after this many minutes without a key (0: never)",
    lock_title: "otter is locked",
    lock_hint: "Type the passphrase and press Enter.",
    lock_label: "Passphrase: ",
    lock_wrong: "Wrong passphrase.",
};
