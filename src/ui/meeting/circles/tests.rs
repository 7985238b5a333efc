use super::wrap;

#[test]
fn wrapping_keeps_words_whole_and_cuts_only_a_word_too_long_for_a_line() {
    assert_eq!(
        wrap("leest graag voor aan de klas", 12),
        ["leest graag", "voor aan de", "klas"]
    );
    assert_eq!(wrap("Zoë çok güzel", 5), ["Zoë", "çok", "güzel"]);
    assert_eq!(
        wrap("onderwijsbehoeften", 8),
        ["onderwij", "sbehoeft", "en"]
    );
}
