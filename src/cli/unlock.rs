//! Where the passphrase comes from on the command line: `OTTER_PASSPHRASE` for scripts, else
//! the terminal (without echo, three tries), else nothing: creation never waits for input
//! without a terminal.

use std::io::{BufRead, IsTerminal, Write};

use crate::i18n::crypto::CryptoTexts;
use crate::store::{Passphrase, StoreError, Unlock};

/// The variable scripts set; documented in docs/privacy.md with its risk.
pub const PASSPHRASE_VAR: &str = "OTTER_PASSPHRASE";
/// The new passphrase of `otter passphrase` without a terminal.
pub const NEW_PASSPHRASE_VAR: &str = "OTTER_NEW_PASSPHRASE";
/// Tries at the terminal before the database is refused.
const TRIES: u32 = 3;

pub struct CliUnlock {
    t: &'static CryptoTexts,
    from_env: Option<Passphrase>,
    terminal: bool,
    /// A demo database is encrypted only when `OTTER_PASSPHRASE` asks for it.
    demo: bool,
    dir: String,
}

impl CliUnlock {
    pub fn new(t: &'static CryptoTexts, dir: &std::path::Path, demo: bool) -> CliUnlock {
        CliUnlock {
            t,
            from_env: env_passphrase(PASSPHRASE_VAR),
            terminal: std::io::stdin().is_terminal(),
            demo,
            dir: dir.display().to_string(),
        }
    }

    /// Whether a person can be asked.
    pub fn terminal(&self) -> bool {
        self.terminal
    }

    /// Whether the passphrase is asked on the terminal rather than taken from the environment.
    fn asks(&self) -> bool {
        self.from_env.is_none() && self.terminal
    }
}

impl Unlock for CliUnlock {
    fn choose(&mut self) -> Result<Option<Passphrase>, StoreError> {
        if let Some(passphrase) = &self.from_env {
            return Ok(Some(passphrase.clone()));
        }
        if self.demo {
            return Ok(None);
        }
        if !self.terminal {
            eprintln!("otter: {}", (self.t.created_plain)(&self.dir));
            return Ok(None);
        }
        eprintln!("{}", self.t.why);
        ask_new(self.t, self.t.confirm_none)
    }

    fn passphrase(&mut self, attempt: u32) -> Result<Option<Passphrase>, StoreError> {
        if let Some(passphrase) = &self.from_env {
            return Ok((attempt == 1).then(|| passphrase.clone()));
        }
        if !self.terminal {
            return Ok(None);
        }
        if attempt > 1 {
            eprintln!("{}", self.t.wrong_try_again);
        }
        match ask(self.t.prompt_passphrase) {
            // Ctrl-D gives no passphrase, as a closed input does: "encrypted", not a disk error.
            Err(StoreError::Io(err)) if err.kind() == std::io::ErrorKind::UnexpectedEof => Ok(None),
            other => other.map(Some),
        }
    }

    fn replacing(&mut self) {
        if self.asks() {
            eprintln!("{}", (self.t.replacing)(&self.dir));
        }
    }

    fn tries(&self) -> u32 {
        if self.asks() { TRIES } else { 1 }
    }
}

/// A new passphrase typed twice; an empty one means none, after `confirm_none` is answered yes.
pub fn ask_new(t: &CryptoTexts, confirm_none: &str) -> Result<Option<Passphrase>, StoreError> {
    loop {
        let first = ask(t.prompt_new)?;
        if first.is_empty() {
            if confirmed(confirm_none, t.yes)? {
                return Ok(None);
            }
            continue;
        }
        let second = ask(t.prompt_repeat)?;
        if first == second {
            return Ok(Some(first));
        }
        eprintln!("{}", t.mismatch);
    }
}

/// A passphrase from the environment; an empty value counts as none.
pub fn env_passphrase(var: &str) -> Option<Passphrase> {
    std::env::var(var)
        .ok()
        .map(Passphrase::new)
        .filter(|p| !p.is_empty())
}

/// Typed without echo on the terminal.
pub fn ask(prompt: &str) -> Result<Passphrase, StoreError> {
    Ok(Passphrase::new(rpassword::prompt_password(prompt)?))
}

/// A yes or no on the terminal; only the word `yes` (in the chosen language) is a yes.
pub fn confirmed(question: &str, yes: &str) -> Result<bool, StoreError> {
    eprint!("{question}");
    std::io::stderr().flush()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    Ok(answer.trim().eq_ignore_ascii_case(yes))
}
