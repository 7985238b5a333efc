//! Replacing an erased pupil's name in the texts that stay (closed minutes, notes of others):
//! whole words only, letter case and accents ignored (as search ignores them), so "Sanne"
//! goes but "Sannes" of another family stays, and "sanne" or "Zoe" typed in a hurry goes too.

/// What an erased name becomes.
pub const REDACTED: &str = "[verwijderd]";

/// `text` with every whole-word occurrence of each of `names` replaced by [`REDACTED`];
/// `names` are tried in order, so give the full name before the first name.
pub fn redact(text: &str, names: &[&str]) -> String {
    let mut text = text.to_string();
    for name in names.iter().filter(|n| !n.trim().is_empty()) {
        text = redact_one(&text, name);
    }
    text
}

/// Whether `text` holds one of `names` as a whole word.
pub fn mentions(text: &str, names: &[&str]) -> bool {
    redact(text, names) != text
}

fn redact_one(text: &str, name: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut before: Option<char> = None;
    while let Some(first) = rest.chars().next() {
        let starts_word = !before.is_some_and(char::is_alphanumeric);
        if starts_word && let Some(len) = prefix_len_ignoring_case(rest, name) {
            let after = rest[len..].chars().next();
            if !after.is_some_and(char::is_alphanumeric) {
                out.push_str(REDACTED);
                before = name.chars().last();
                rest = &rest[len..];
                continue;
            }
        }
        out.push(first);
        before = Some(first);
        rest = &rest[first.len_utf8()..];
    }
    out
}

/// The byte length of the start of `text` that equals `name` but for letter case and
/// accents, letter by letter as search folds them.
fn prefix_len_ignoring_case(text: &str, name: &str) -> Option<usize> {
    let folded = |c: char| super::fold::fold(c.encode_utf8(&mut [0; 4]));
    let mut chars = text.char_indices();
    for wanted in name.chars() {
        let (_, got) = chars.next()?;
        if folded(got) != folded(wanted) {
            return None;
        }
    }
    Some(chars.next().map_or(text.len(), |(at, _)| at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_in_any_case_are_replaced_and_longer_words_kept() {
        let text = "Sanne de Vries las voor; SANNE lachte. Sannes broer en Susanne niet.";
        assert_eq!(
            redact(text, &["Sanne de Vries", "Sanne"]),
            "[verwijderd] las voor; [verwijderd] lachte. Sannes broer en Susanne niet."
        );
    }

    #[test]
    fn names_with_accents_and_other_scripts_are_found() {
        assert_eq!(
            redact("Gesprek met Zoë en zoë's moeder", &["Zoë"]),
            "Gesprek met [verwijderd] en [verwijderd]'s moeder"
        );
        assert_eq!(
            redact("Ouders van يوسف gebeld", &["يوسف"]),
            "Ouders van [verwijderd] gebeld"
        );
        assert!(mentions("over Ayşe", &["AYŞE"]));
        assert_eq!(
            redact("Zoe (zonder trema getypt) en Zoey", &["Zoë"]),
            "[verwijderd] (zonder trema getypt) en Zoey",
            "accents as search ignores them"
        );
        assert!(!mentions("over Ayşegül", &["Ayşe"]));
    }

    #[test]
    fn an_empty_name_replaces_nothing() {
        assert_eq!(redact("tekst", &["", " "]), "tekst");
    }
}
