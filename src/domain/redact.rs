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

/// What a name becomes in a text shown to the room (`mask_words`): language-neutral, and not
/// [`REDACTED`], which says the pupil was erased.
pub const MASK: &str = "•••";

/// The whole words of a name, folded as search folds them: "Anne-Fleur El Amrani" gives
/// "anne", "fleur", "el" and "amrani". A one-letter word names no one.
pub fn name_words(name: &str) -> impl Iterator<Item = String> + '_ {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|word| word.chars().count() > 1)
        .map(super::fold::fold)
}

/// A text with some of its words masked for the room to see, and where each character of the
/// original went (`None` for one inside a masked word), so that marks put on the original
/// (the letters a search matched) can follow.
#[derive(Debug, PartialEq, Eq)]
pub struct Masked {
    pub text: String,
    pub moved: Vec<Option<usize>>,
}

/// `text` with every whole word that `hide` takes (given the word folded as search folds it)
/// replaced by [`MASK`]; `None` when no word was.
pub fn mask_words(text: &str, hide: impl Fn(&str) -> bool) -> Option<Masked> {
    let mut out = String::with_capacity(text.len());
    let mut moved = Vec::with_capacity(text.len());
    let mut shown = 0;
    let mut masked = false;
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !c.is_alphanumeric() {
            out.push(c);
            moved.push(Some(shown));
            shown += 1;
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(at, next)) = chars.peek() {
            if !next.is_alphanumeric() {
                break;
            }
            end = at + next.len_utf8();
            chars.next();
        }
        let word = &text[start..end];
        let count = word.chars().count();
        if hide(&super::fold::fold(word)) {
            out.push_str(MASK);
            moved.extend(std::iter::repeat_n(None, count));
            shown += MASK.chars().count();
            masked = true;
        } else {
            out.push_str(word);
            moved.extend((shown..shown + count).map(Some));
            shown += count;
        }
    }
    masked.then_some(Masked { text: out, moved })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_in_a_text_for_the_room_is_masked_and_marks_follow_the_words_kept() {
        let names: Vec<String> = name_words("Anne-Fleur El Amrani")
            .chain(name_words("Daan de Zoë"))
            .collect();
        assert_eq!(
            names,
            ["anne", "fleur", "el", "amrani", "daan", "de", "zoe"]
        );
        let hide = |word: &str| ["daan", "zoe"].contains(&word);
        let masked = mask_words("Ruzie met DAAN en zoë; Daantje bleef", hide).unwrap();
        assert_eq!(masked.text, "Ruzie met ••• en •••; Daantje bleef");
        // "Ruzie met " keeps its places; the four letters of DAAN are gone; " en " moves by
        // one (three bullets for four letters).
        assert_eq!(masked.moved[..10], (0..10).map(Some).collect::<Vec<_>>());
        assert_eq!(masked.moved[10..14], [None; 4]);
        assert_eq!(masked.moved[14], Some(13));
        // "zoë" is three letters, as the mask is: Daantje moves by DAAN's one.
        let daantje = "Ruzie met DAAN en zoë; ".chars().count();
        assert_eq!(masked.moved[daantje], Some(daantje - 1));
        assert_eq!(
            masked.moved.len(),
            "Ruzie met DAAN en zoë; Daantje bleef".chars().count()
        );
        assert_eq!(mask_words("Niemand genoemd", hide), None);
    }

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
