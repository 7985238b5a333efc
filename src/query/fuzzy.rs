//! Typed words matched against folded text: the part the pupil picker and the search share.
//!
//! Which entries match is decided here, and simply: every typed word's letters appear in order
//! within a stretch of the text at most [`SLACK`] letters longer than the word. That forgives a
//! left-out letter ("celk" finds Çelik) but not letters scattered over a long note, and it is
//! monotone: an entry matching "sann" also matched "san", so a search that grows letter by
//! letter only looks again at what it found before. Deciding that also tells the stretch's
//! shape ([`Fit`]: whole or with a letter between, at the start of a word or inside one). How
//! well an entry matches within its shape, and which letters to highlight, is nucleo's answer
//! over that stretch: about ten times the cost of the scan, so a search over a whole school
//! asks it only for the entries that may be shown.
//!
//! Keys are folded once (lowercase, no diacritics) and kept as bytes when they are ASCII:
//! nucleo leaves its fast ASCII path for a text holding a single "ë" or "–", about ten times
//! slower, and folding lets `celik` find Çelik.

use nucleo_matcher::{Config, Matcher, Utf32Str};

use crate::domain::fold::fold;

/// Letters a word's stretch may hold beyond the word's own.
pub const SLACK: usize = 1;

/// Fewer typed letters than this match nothing: a single letter would list half the school.
pub const MIN_QUERY_CHARS: usize = 2;

/// Of the stretches where a word fits, how many nucleo scores at most: a short word fits in
/// many places of a long note, and the first few are as good a ranking as all of them.
const MAX_WINDOWS: usize = 4;

/// Folded text in the form nucleo reads without converting it on every key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Key {
    Ascii(Box<[u8]>),
    Chars(Box<[char]>),
}

impl Key {
    pub fn new(text: &str) -> Key {
        Key::from(Folding::default().fold(text))
    }

    pub fn as_ref(&self) -> KeyRef<'_> {
        match self {
            Key::Ascii(bytes) => KeyRef::Ascii(bytes),
            Key::Chars(chars) => KeyRef::Chars(chars),
        }
    }

    pub fn len(&self) -> usize {
        self.as_ref().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Ord for Key {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_ref().cmp(&other.as_ref())
    }
}

impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl From<KeyRef<'_>> for Key {
    fn from(key: KeyRef<'_>) -> Key {
        match key {
            KeyRef::Ascii(bytes) => Key::Ascii(bytes.into()),
            KeyRef::Chars(chars) => Key::Chars(chars.into()),
        }
    }
}

/// Buffers a text is folded into, reused from text to text: `otter search` folds every text
/// of a school to see whether its query fits, and most fit not, so their keys are never kept
/// and need no allocation of their own.
#[derive(Debug, Default)]
pub struct Folding {
    bytes: Vec<u8>,
    chars: Vec<char>,
}

impl Folding {
    /// `text`'s key, as `Key::new` makes it, borrowed from the buffers until the next fold.
    pub fn fold(&mut self, text: &str) -> KeyRef<'_> {
        self.bytes.clear();
        self.chars.clear();
        if text.is_ascii() {
            // Folding ASCII lowercases it (`fold`); most of a school's texts are ASCII, and
            // this skips `fold`'s string.
            self.bytes
                .extend(text.bytes().map(|b| b.to_ascii_lowercase()));
            return KeyRef::Ascii(&self.bytes);
        }
        let folded = fold(text);
        if folded.is_ascii() {
            self.bytes.extend_from_slice(folded.as_bytes());
            KeyRef::Ascii(&self.bytes)
        } else {
            self.chars.extend(folded.chars());
            KeyRef::Chars(&self.chars)
        }
    }
}

/// A folded text borrowed from wherever it is kept: the search keeps all of a school's texts
/// in one buffer, so a pass over them reads memory in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyRef<'a> {
    Ascii(&'a [u8]),
    Chars(&'a [char]),
}

impl<'a> KeyRef<'a> {
    fn as_utf32(self) -> Utf32Str<'a> {
        match self {
            KeyRef::Ascii(bytes) => Utf32Str::Ascii(bytes),
            KeyRef::Chars(chars) => Utf32Str::Unicode(chars),
        }
    }

    pub fn len(&self) -> usize {
        match self {
            KeyRef::Ascii(bytes) => bytes.len(),
            KeyRef::Chars(chars) => chars.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Ord for KeyRef<'_> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_utf32().chars().cmp(other.as_utf32().chars())
    }
}

impl PartialOrd for KeyRef<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// The typed query: its words, folded.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Words {
    words: Vec<Word>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Word {
    key: Key,
}

impl Word {
    fn new(text: &str) -> Word {
        Word {
            key: Key::new(text),
        }
    }
}

impl Words {
    /// Words split at whitespace; no special characters, so a typed apostrophe ("d'Hondt") is
    /// just a letter.
    pub fn parse(query: &str) -> Words {
        Words {
            words: query.split_whitespace().map(Word::new).collect(),
        }
    }

    /// Whether enough is typed to match anything.
    pub fn long_enough(&self) -> bool {
        self.words.iter().map(|w| w.key.len()).sum::<usize>() >= MIN_QUERY_CHARS
    }

    /// Whether every text matching `self` also matches `earlier`: each earlier word is the
    /// start of the word now in its place (a letter was added, or a word).
    pub fn narrows(&self, earlier: &Words) -> bool {
        earlier.words.len() <= self.words.len()
            && earlier
                .words
                .iter()
                .zip(&self.words)
                .all(|(before, now)| starts_with(&now.key, &before.key))
    }
}

fn starts_with(word: &Key, start: &Key) -> bool {
    match (word, start) {
        (Key::Ascii(w), Key::Ascii(s)) => w.starts_with(s),
        (Key::Chars(w), Key::Chars(s)) => w.starts_with(s),
        (Key::Chars(w), Key::Ascii(s)) => {
            w.len() >= s.len() && w.iter().zip(s.iter()).all(|(c, b)| *c == char::from(*b))
        }
        // An ASCII word never starts with a non-ASCII one.
        (Key::Ascii(_), Key::Chars(_)) => false,
    }
}

/// How well a text matched: the sum of the words' scores, and where the first word's stretch
/// begins (of two equal scores the earlier match wins: people type a name from its start).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    pub score: u32,
    pub start: u32,
}

/// The shape of the stretches where the words fit, found without nucleo: per word 3 when its
/// letters stand together at the start of a word, 2 together inside a word, 1 with a letter
/// between at the start of a word, 0 inside one; summed over the words. `start` is where the
/// first word's stretch begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fit {
    pub class: u32,
    pub start: u32,
}

/// Whether `key` holds every word, and in what shape.
pub fn fit(key: KeyRef<'_>, words: &Words) -> Option<Fit> {
    if !words.long_enough() {
        return None;
    }
    let mut total = Fit {
        class: 0,
        start: u32::MAX,
    };
    for word in &words.words {
        let n = word.key.len();
        let mut best: Option<(u32, usize)> = None;
        let mut consider = |start: usize, end: usize, at_word_start: bool| {
            let class = 2 * u32::from(end - start == n) + u32::from(at_word_start);
            if best.is_none_or(|(top, _)| class > top) {
                best = Some((class, start));
            }
            class < 3
        };
        each_stretch(key, &word.key, &mut consider);
        let (class, start) = best?;
        total.class += class;
        total.start = total.start.min(start as u32);
    }
    Some(total)
}

/// [`stretches`] over whichever form key and word are kept in.
fn each_stretch(key: KeyRef<'_>, needle: &Key, found: &mut impl FnMut(usize, usize, bool) -> bool) {
    match (key, needle) {
        (KeyRef::Ascii(hay), Key::Ascii(bytes)) => stretches(hay, bytes, find_byte, found),
        (KeyRef::Chars(hay), Key::Chars(chars)) => stretches(hay, chars, find_char, found),
        (KeyRef::Chars(hay), Key::Ascii(bytes)) => {
            let chars: Vec<char> = bytes.iter().map(|b| char::from(*b)).collect();
            stretches(hay, &chars, find_char, found)
        }
        // An ASCII text never holds a word with other letters.
        (KeyRef::Ascii(_), Key::Chars(_)) => {}
    }
}

/// Matches words against keys; holds nucleo's scratch space, so one is reused for many keys.
pub struct Finder {
    matcher: Matcher,
    indices: Vec<u32>,
}

impl Default for Finder {
    fn default() -> Self {
        Finder {
            matcher: Matcher::new(Config::DEFAULT),
            indices: Vec::new(),
        }
    }
}

impl Finder {
    /// The score of `key` for `words`, or `None` when a word does not fit.
    pub fn score(&mut self, key: KeyRef<'_>, words: &Words) -> Option<Score> {
        self.find(key, words, None)
    }

    /// The score and the matched positions in the folded key, ascending.
    pub fn indices(&mut self, key: KeyRef<'_>, words: &Words) -> Option<(Score, Vec<u32>)> {
        let mut indices = Vec::new();
        let score = self.find(key, words, Some(&mut indices))?;
        indices.sort_unstable();
        indices.dedup();
        Some((score, indices))
    }

    fn find(
        &mut self,
        key: KeyRef<'_>,
        words: &Words,
        mut out: Option<&mut Vec<u32>>,
    ) -> Option<Score> {
        if !words.long_enough() {
            return None;
        }
        let mut total = Score {
            score: 0,
            start: u32::MAX,
        };
        for word in &words.words {
            let (score, start, end) = self.best(key, word)?;
            total.score += u32::from(score);
            total.start = total.start.min(start as u32);
            if let Some(out) = out.as_deref_mut() {
                // nucleo places the letters within the best stretch; its indices count from
                // the stretch's context start.
                let context = start.saturating_sub(1);
                let haystack = key.as_utf32().slice(context..end);
                self.indices.clear();
                self.matcher.fuzzy_indices(
                    haystack,
                    word.key.as_ref().as_utf32(),
                    &mut self.indices,
                )?;
                out.extend(self.indices.iter().map(|i| i + context as u32));
            }
        }
        Some(total)
    }

    /// The best-scoring stretch of `key` where `word` fits: (score, start, end).
    fn best(&mut self, key: KeyRef<'_>, word: &Word) -> Option<(u16, usize, usize)> {
        let mut best: Option<(u16, usize, usize)> = None;
        let matcher = &mut self.matcher;
        let needle = &word.key;
        let mut consider = |start: usize, end: usize, at_word_start: bool| {
            // One letter before the stretch, so nucleo sees whether it begins a word.
            let haystack = key.as_utf32().slice(start.saturating_sub(1)..end);
            if let Some(score) = matcher.fuzzy_match(haystack, needle.as_ref().as_utf32())
                && best.is_none_or(|(top, _, _)| score > top)
            {
                best = Some((score, start, end));
            }
            // The word whole at the start of a word: no other stretch scores higher.
            !(at_word_start && end - start == needle.len())
        };
        each_stretch(key, needle, &mut consider);
        best
    }
}

/// Texts shorter than this are searched byte by byte: memchr's SIMD search costs more to set up
/// than it saves on a line of sixty letters, and most texts are that short (measured on the
/// large demo school: 80 ms against 105 ms for a full pass).
const LONG: usize = 256;

fn find_byte(b: u8, hay: &[u8]) -> Option<usize> {
    if hay.len() >= LONG {
        memchr::memchr(b, hay)
    } else {
        hay.iter().position(|h| *h == b)
    }
}

fn find_char(c: char, hay: &[char]) -> Option<usize> {
    hay.iter().position(|h| *h == c)
}

/// Calls `found` with the shortest stretch of `hay` holding `needle` in order, at most `SLACK`
/// longer than it, for each starting letter (and whether that letter begins a word), until it
/// returns false or `MAX_WINDOWS` were found.
fn stretches<T: Copy + PartialEq + Into<u32>>(
    hay: &[T],
    needle: &[T],
    find: fn(T, &[T]) -> Option<usize>,
    found: &mut impl FnMut(usize, usize, bool) -> bool,
) {
    let n = needle.len();
    let Some(&first) = needle.first() else {
        return;
    };
    let (mut from, mut count) = (0, 0);
    while from + n <= hay.len() && count < MAX_WINDOWS {
        let Some(offset) = find(first, &hay[from..=hay.len() - n]) else {
            break;
        };
        let start = from + offset;
        from = start + 1;
        let limit = (start + n + SLACK).min(hay.len());
        let (mut matched, mut at) = (1, start + 1);
        while matched < n && at < limit {
            if hay[at] == needle[matched] {
                matched += 1;
            }
            at += 1;
        }
        if matched == n {
            count += 1;
            let at_word_start = start == 0 || !is_word(hay[start - 1].into());
            if !found(start, at, at_word_start) {
                return;
            }
        }
    }
}

fn is_word(c: u32) -> bool {
    char::from_u32(c).is_some_and(char::is_alphanumeric)
}

/// Positions in a folded key (ascending) turned into positions (in chars) of the text it was
/// folded from: folding is per character, but one character may fold to two ("ß" to "ss") or
/// to none.
pub fn in_original(text: &str, mut folded: Vec<u32>) -> Vec<usize> {
    folded.dedup();
    let mut owners = Vec::new();
    for (position, c) in text.chars().enumerate() {
        let len = fold(c.encode_utf8(&mut [0; 4])).chars().count();
        owners.extend(std::iter::repeat_n(position, len));
        if owners.len() > *folded.last().unwrap_or(&0) as usize {
            break;
        }
    }
    let mut positions: Vec<usize> = folded
        .into_iter()
        .filter_map(|i| owners.get(i as usize).copied())
        .collect();
    positions.dedup();
    positions
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fits(text: &str, query: &str) -> bool {
        Finder::default()
            .score(Key::new(text).as_ref(), &Words::parse(query))
            .is_some()
    }

    #[test]
    fn a_word_fits_with_a_letter_left_out_but_not_scattered() {
        assert!(fits("Zoë Çelik", "celik"));
        assert!(fits("Zoë Çelik", "celk"));
        assert!(fits("Zoë Çelik", "zoe celik"));
        assert!(!fits("Zoë Çelik", "cleik"), "out of order");
        assert!(!fits("Alicja Zielińska", "celik"), "scattered");
        assert!(!fits("Zoë Çelik", "c"), "too short");
    }

    #[test]
    fn a_word_starting_a_word_scores_higher() {
        let mut finder = Finder::default();
        let words = Words::parse("lez");
        let start = finder
            .score(Key::new("lezen gaat moeizaam").as_ref(), &words)
            .unwrap();
        let inside = finder
            .score(Key::new("moeite met blezen").as_ref(), &words)
            .unwrap();
        assert!(start.score > inside.score, "{start:?} {inside:?}");
    }

    #[test]
    fn narrowing_follows_added_letters_and_words() {
        let w = Words::parse;
        assert!(w("san").narrows(&w("sa")));
        assert!(w("sanne v").narrows(&w("sanne")));
        assert!(w("sanne").narrows(&w("sanne")));
        assert!(!w("sa").narrows(&w("san")));
        assert!(!w("sbn").narrows(&w("san")));
        assert!(w("çel").narrows(&w("ce")), "folded first");
    }

    #[test]
    fn indices_point_into_the_text_as_spelled() {
        let (_, folded) = Finder::default()
            .indices(Key::new("Joris Groß").as_ref(), &Words::parse("gross"))
            .unwrap();
        assert_eq!(in_original("Joris Groß", folded), [6, 7, 8, 9]);
        assert_eq!(in_original("Çelik", vec![0, 1]), [0, 1]);
    }

    /// A key folded into reused buffers is the key of `fold`: ASCII lowercased without `fold`,
    /// other letters through it, whatever the text folded before.
    #[test]
    fn folding_into_reused_buffers_gives_the_folded_key() {
        let mut folding = Folding::default();
        for text in [
            "Zoë Çelik",
            "Gesprek met OUDERS, 3x!",
            "Æsop – “lezen”",
            "",
            "ß",
        ] {
            let folded = fold(text);
            let expected = if folded.is_ascii() {
                Key::Ascii(folded.into_bytes().into_boxed_slice())
            } else {
                Key::Chars(folded.chars().collect())
            };
            assert_eq!(folding.fold(text), expected.as_ref(), "{text}");
            assert_eq!(Key::new(text), expected, "{text}");
        }
    }
}
