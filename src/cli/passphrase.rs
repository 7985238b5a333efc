//! `otter passphrase` (`wachtwoordzin`): a new passphrase, or encryption turned on or off. The
//! current passphrase was asked when the database was opened.

use super::unlock::{NEW_PASSPHRASE_VAR, ask_new, env_passphrase};
use crate::domain::{AuditEntry, AuditKind};
use crate::error::{Error, Result};
use crate::i18n::crypto::CryptoTexts;
use crate::store::{KdfParams, Store};

/// Changes the passphrase; returns what to say.
pub fn change(mut store: Store, t: &'static CryptoTexts, terminal: bool) -> Result<&'static str> {
    let was_encrypted = store.is_encrypted();
    let new = match env_passphrase(NEW_PASSPHRASE_VAR) {
        Some(passphrase) => Some(passphrase),
        None if terminal => {
            // An empty passphrase turns encryption off (or keeps it off): only once confirmed.
            let confirm = if was_encrypted {
                t.confirm_off
            } else {
                t.confirm_none
            };
            ask_new(t, confirm)?
        }
        None => return Err(Error::NeedsTerminal),
    };
    if new.is_none() && !was_encrypted {
        return Ok(t.unchanged);
    }
    store.change_passphrase(new.as_deref().map(String::as_str), KdfParams::STANDARD)?;
    // sled keeps overwritten values in its files until they are rewritten, and the rolling
    // backups hold the old values (plain, or under the old passphrase): without this they
    // stay on disk.
    let (store, _) = store.purge()?;
    let now = chrono::Local::now().naive_local();
    store.audit(AuditEntry::new(
        now,
        AuditKind::PassphraseChange,
        "otter passphrase",
    ))?;
    Ok(match (was_encrypted, new.is_some()) {
        (true, true) => t.changed,
        (false, _) => t.turned_on,
        (true, false) => t.turned_off,
    })
}
