//! One search over pupils, cases (hulpvraag), actions, decisions and notes, for the `/` overlay
//! and `otter search` alike.
//!
//! The store is read once into an index in memory (names are indexed nowhere on disk), each
//! entry with its folded key, the text as written, and the subject as it may be shown. A
//! [`Session`] follows a query typed letter by letter: a query that only adds to the previous
//! one is matched against the previous hits alone (see [`super::fuzzy`] for why that is sound),
//! and a deleted letter goes back to the hits it had.
//!
//! Privacy (BRIEF §8): a case without consent is known by its pseudonym, and its pupil's name
//! is in no key, so typing the name never brings up the case. The index keeps each case and
//! its pupil, not a label: how a hit names the pupil is decided when the hit is made, through
//! [`crate::domain::Subject::of`] with the audience's [`Showing`]. On a shared screen
//! ([`Audience::Shared`]) no pupil is listed at all and a case's pupil is named by initials at
//! most; while a meeting is open only the case under discussion, with consent "ja", is.

use std::cmp::Reverse;
use std::collections::{BTreeSet, HashMap};
use std::sync::atomic::{AtomicBool, Ordering};

use serde::Serialize;

use super::fuzzy::{Finder, Fit, Folding, Key, KeyRef, Words, fit, in_original};
use crate::domain::{Action, Case, CaseId, Decision, Note, Pupil, PupilId, Showing, Subject};
use crate::error::{Error, Field, Result};
use crate::store::Store;
use crate::store::search_text::{TextKind, Texts};

/// The kinds of result, in the order their groups are shown: a pupil's name before a word deep
/// in a note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    Pupil,
    Case,
    Action,
    Decision,
    Note,
}

impl HitKind {
    /// The heading of a group of search results.
    pub fn label(self, t: &crate::i18n::Texts) -> &'static str {
        match self {
            HitKind::Pupil => t.kind_pupil,
            HitKind::Case => t.kind_case,
            HitKind::Action => t.kind_action,
            HitKind::Decision => t.kind_decision,
            HitKind::Note => t.kind_note,
        }
    }

    pub const ALL: [HitKind; 5] = [
        HitKind::Pupil,
        HitKind::Case,
        HitKind::Action,
        HitKind::Decision,
        HitKind::Note,
    ];
}

/// Who looks at the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// The chair's own screen or the command line: names, except for cases without consent.
    Private,
    /// A shared screen (the meeting on the projector, its preparation): no pupil listed, and
    /// a case's pupil as [`Subject::short`] gives it for this showing. While a meeting is open
    /// that is the meeting's own showing, so every case but the one under discussion goes by
    /// its pseudonym.
    Shared(Showing),
}

impl Audience {
    fn showing(self) -> Showing {
        match self {
            Audience::Private => Showing::Private,
            Audience::Shared(showing) => showing,
        }
    }
}

/// One result. Printed (`--json`) without a case number beside a pseudonym: `otter
/// retention` and a search hit that names the case print that number beside the name, and
/// together they would tie the pseudonym to the pupil.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub kind: HitKind,
    pub id: u64,
    /// The pupil's name (for a pupil, or a case that may show it), the initials on a shared
    /// screen, or the case's pseudonym: as `Subject::of` decides for the audience.
    pub subject: String,
    /// The matched text: hulpvraag, action, decision or note; empty for a pupil.
    pub text: String,
    /// The case the result belongs to (for a case, itself).
    pub case: Option<CaseId>,
    /// Named by the case's pseudonym (no consent to show the name).
    pub anonymous: bool,
    /// The pupil, to open the dossier; never printed, so a pseudonym is not tied to a pupil
    /// number in `--json`.
    pub pupil: Option<PupilId>,
    /// The matched positions (in chars) of `text`, or of `subject` for a pupil; ascending.
    pub matched: Vec<usize>,
}

impl Serialize for Hit {
    /// `kind`, `id`, `subject`, `text` and `case`; a hit shown by its pseudonym has no `case`,
    /// and a case hit so shown no `id` (its number).
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut hit = serializer.serialize_struct("Hit", 5)?;
        hit.serialize_field("kind", &self.kind)?;
        if self.anonymous && self.kind == HitKind::Case {
            hit.skip_field("id")?;
        } else {
            hit.serialize_field("id", &self.id)?;
        }
        hit.serialize_field("subject", &self.subject)?;
        hit.serialize_field("text", &self.text)?;
        match self.case.filter(|_| !self.anonymous) {
            Some(case) => hit.serialize_field("case", &case)?,
            None => hit.skip_field("case")?,
        }
        hit.end()
    }
}

/// The best hits of one kind, and how many there were in all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub kind: HitKind,
    pub total: usize,
    pub hits: Vec<Hit>,
}

/// Groups in the order of [`HitKind`]; kinds without hits are left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Results {
    pub groups: Vec<Group>,
}

impl Results {
    pub fn hits(&self) -> impl Iterator<Item = &Hit> {
        self.groups.iter().flat_map(|group| &group.hits)
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }
}

/// Of each kind, how many entries per hit shown nucleo scores: the best by the shape of their
/// match and its position.
const SCORED_PER_HIT: usize = 4;

struct Entry {
    kind: HitKind,
    id: u64,
    text: Box<str>,
    /// The case it belongs to: none for a pupil, or a note of the meeting itself.
    case: Option<CaseId>,
}

/// Every entry's folded key, one after the other in two buffers: a pass over a school then
/// reads memory in order instead of following half a million pointers, which made the scan
/// wait on memory more than it matched.
#[derive(Default)]
struct Keys {
    bytes: Vec<u8>,
    chars: Vec<char>,
    spans: Vec<Span>,
}

#[derive(Clone, Copy)]
struct Span {
    start: usize,
    end: usize,
    ascii: bool,
}

impl Keys {
    fn push(&mut self, key: &Key) {
        let span = match key {
            Key::Ascii(bytes) => {
                let start = self.bytes.len();
                self.bytes.extend_from_slice(bytes);
                Span {
                    start,
                    end: self.bytes.len(),
                    ascii: true,
                }
            }
            Key::Chars(chars) => {
                let start = self.chars.len();
                self.chars.extend_from_slice(chars);
                Span {
                    start,
                    end: self.chars.len(),
                    ascii: false,
                }
            }
        };
        self.spans.push(span);
    }

    fn get(&self, at: u32) -> KeyRef<'_> {
        let Span { start, end, ascii } = self.spans[at as usize];
        if ascii {
            KeyRef::Ascii(&self.bytes[start..end])
        } else {
            KeyRef::Chars(&self.chars[start..end])
        }
    }
}

/// Every searchable text of the school, folded once.
#[derive(Default)]
pub struct SearchIndex {
    /// In the order of `HitKind`, so each kind's hits are one run.
    entries: Vec<Entry>,
    /// The folded key of `entries[i]` at `i`.
    keys: Keys,
    /// Every case (for `otter search`, those its hits name), for naming its pupil when a hit
    /// is made: never a label decided before the audience is known. The index outlives the
    /// screen it was built on.
    cases: HashMap<CaseId, Case>,
    pupils: HashMap<PupilId, Pupil>,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("entries", &self.entries.len())
            .finish()
    }
}

impl SearchIndex {
    /// Every searchable text of `store`, folded once.
    pub fn load(store: &Store) -> Result<SearchIndex> {
        read(store, None, &AtomicBool::new(false))
    }

    /// As `load`, but reading stops early, with part of the index, once `stop` is set: the
    /// screen sets it when it closes while the index is read beside it, so that no reader
    /// holds the database as it is rewritten or reopened.
    pub fn load_until(store: &Store, stop: &AtomicBool) -> Result<SearchIndex> {
        read(store, None, stop)
    }

    pub fn new(
        pupils: impl IntoIterator<Item = Pupil>,
        cases: impl IntoIterator<Item = Case>,
        actions: impl IntoIterator<Item = Action>,
        decisions: impl IntoIterator<Item = Decision>,
        notes: impl IntoIterator<Item = Note>,
    ) -> SearchIndex {
        let mut builder = Builder::default();
        pupils.into_iter().for_each(|pupil| builder.pupil(pupil));
        cases.into_iter().for_each(|case| builder.case(case));
        for action in actions {
            builder.push(HitKind::Action, action.id.0, action.case, &action.text);
        }
        for decision in decisions {
            builder.push(
                HitKind::Decision,
                decision.id.0,
                decision.case,
                &decision.text,
            );
        }
        for note in notes {
            builder.push(HitKind::Note, note.id.0, note.case, &note.text);
        }
        builder.finish()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The best `limit` hits of each kind for `query`, searched afresh.
    pub fn matches(&self, query: &str, audience: Audience, limit: usize) -> Results {
        Session::default().search(self, query, audience, limit)
    }

    /// Of `count` candidates, the entries that match, with the shape of their match, in the
    /// candidates' order. A pass over many (the first two letters go through every entry of
    /// the school) is split over the machine's cores and the parts joined in order.
    fn filter(
        &self,
        count: usize,
        candidate: impl Fn(usize) -> u32 + Sync,
        words: &Words,
    ) -> Vec<(u32, Fit)> {
        const PER_THREAD: usize = 50_000;
        let threads = std::thread::available_parallelism()
            .map_or(1, usize::from)
            .min(count.div_ceil(PER_THREAD))
            .max(1);
        self.filter_split(count, &candidate, words, threads)
    }

    fn filter_split(
        &self,
        count: usize,
        candidate: &(impl Fn(usize) -> u32 + Sync),
        words: &Words,
        threads: usize,
    ) -> Vec<(u32, Fit)> {
        let part = |range: std::ops::Range<usize>| -> Vec<(u32, Fit)> {
            range
                .map(candidate)
                .filter_map(|at| Some((at, fit(self.keys.get(at), words)?)))
                .collect()
        };
        if threads <= 1 {
            return part(0..count);
        }
        let chunk = count.div_ceil(threads);
        std::thread::scope(|scope| {
            let parts: Vec<_> = (0..threads)
                .map(|n| {
                    let range = (n * chunk).min(count)..((n + 1) * chunk).min(count);
                    scope.spawn(move || part(range))
                })
                .collect();
            parts
                .into_iter()
                // A matcher that panicked is a bug: it surfaces as one, not as fewer hits.
                .flat_map(|part| part.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        })
    }

    /// Each kind's best `limit` hits. The shape of the match ranks first (a word typed whole at
    /// the start of a word before one found inside a word), then nucleo's score, then the
    /// earlier match. nucleo scores only the few best by shape and position: a common start
    /// such as "ge" fits most notes of a school, and scoring them all took longer than a
    /// keystroke may.
    fn results(
        &self,
        found: &[(u32, Fit)],
        words: &Words,
        audience: Audience,
        limit: usize,
        finder: &mut Finder,
    ) -> Results {
        let ranked = self.ranked(found, words, audience, limit, finder);
        self.groups(ranked, words, audience, finder)
    }

    /// `results`' choice: of each kind, how many were found and the entries to show, best
    /// first. Which case an entry names plays no part, so `otter search` reads only the cases
    /// of the entries chosen.
    fn ranked(
        &self,
        found: &[(u32, Fit)],
        words: &Words,
        audience: Audience,
        limit: usize,
        finder: &mut Finder,
    ) -> Vec<(HitKind, usize, Vec<u32>)> {
        let mut groups = Vec::new();
        let mut rest = found;
        while let Some((first, _)) = rest.first() {
            let kind = self.entries[*first as usize].kind;
            let end = rest
                .iter()
                .position(|(at, _)| self.entries[*at as usize].kind != kind)
                .unwrap_or(rest.len());
            let (run, after) = rest.split_at(end);
            rest = after;
            if kind == HitKind::Pupil && audience != Audience::Private {
                continue;
            }
            // Pupils of equal rank by name; anything else newest first.
            let tie = |at: u32| match kind {
                HitKind::Pupil => (Some(self.keys.get(at)), Reverse(0)),
                _ => (None, Reverse(self.entries[at as usize].id)),
            };
            let mut best = run.to_vec();
            let candidates = limit.saturating_mul(SCORED_PER_HIT);
            if best.len() > candidates && candidates > 0 {
                let by_shape = |(at, fit): &(u32, Fit)| (Reverse(fit.class), fit.start, tie(*at));
                best.select_nth_unstable_by(candidates - 1, |a, b| by_shape(a).cmp(&by_shape(b)));
                best.truncate(candidates);
            }
            let mut scored: Vec<(u32, Fit, u32)> = best
                .into_iter()
                .map(|(at, fit)| {
                    let score = finder.score(self.keys.get(at), words);
                    (at, fit, score.map_or(0, |score| score.score))
                })
                .collect();
            scored.sort_by_key(|&(at, fit, score)| {
                (Reverse(fit.class), Reverse(score), fit.start, tie(at))
            });
            scored.truncate(limit);
            let chosen = scored.iter().map(|&(at, _, _)| at).collect();
            groups.push((kind, run.len(), chosen));
        }
        groups
    }

    /// The hits of the entries `ranked` chose.
    fn groups(
        &self,
        ranked: Vec<(HitKind, usize, Vec<u32>)>,
        words: &Words,
        audience: Audience,
        finder: &mut Finder,
    ) -> Results {
        let groups = ranked
            .into_iter()
            .map(|(kind, total, chosen)| Group {
                kind,
                total,
                hits: chosen
                    .into_iter()
                    .map(|at| self.hit(at, words, audience, finder))
                    .collect(),
            })
            .collect();
        Results { groups }
    }

    fn hit(&self, at: u32, words: &Words, audience: Audience, finder: &mut Finder) -> Hit {
        let entry = &self.entries[at as usize];
        let matched = finder
            .indices(self.keys.get(at), words)
            .map(|(_, folded)| in_original(&entry.text, folded))
            .unwrap_or_default();
        let case = entry.case.and_then(|case| self.cases.get(&case));
        let shown =
            case.map(|case| Subject::of(self.pupils.get(&case.pupil), case, audience.showing()));
        let (subject, text) = match (entry.kind, &shown) {
            (HitKind::Pupil, _) => (entry.text.to_string(), String::new()),
            (_, Some(shown)) => {
                let label = match audience {
                    Audience::Private => shown.name(),
                    Audience::Shared(_) => shown.short(),
                };
                (label.to_string(), entry.text.to_string())
            }
            (_, None) => (String::new(), entry.text.to_string()),
        };
        Hit {
            kind: entry.kind,
            id: entry.id,
            subject,
            text,
            case: case.map(|case| case.id),
            anonymous: shown.as_ref().is_some_and(|shown| !shown.is_named()),
            pupil: match entry.kind {
                HitKind::Pupil => Some(PupilId(entry.id)),
                _ => case.map(|case| case.pupil),
            },
            matched,
        }
    }
}

/// The index of `store`: with `only`, just the entries those words fit (`otter search` asks one
/// query, so no other entry is kept). The texts of actions, decisions and notes, and for
/// `otter search` those of the cases, come from the kept search texts
/// ([`crate::store::search_text`]): a third of the records' bytes on a large school, in a
/// block per 64 records. The kinds are read side by side, each text folded on the thread that
/// read it: on a large school one thread took seconds, and most of it was reading and folding,
/// not matching.
fn read(store: &Store, only: Option<&Words>, stop: &AtomicBool) -> Result<SearchIndex> {
    let (people, texts) = std::thread::scope(|scope| {
        let texts = [
            (TextKind::Action, HitKind::Action),
            (TextKind::Decision, HitKind::Decision),
            (TextKind::Note, HitKind::Note),
        ]
        .map(|(kept, kind)| scope.spawn(move || texts(store, kept, kind, only, stop)));
        let people = people(store, only, stop);
        // A reader that panicked is a bug: it surfaces as one, not as fewer hits.
        let texts = texts.map(|reading| {
            reading
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e))
        });
        (people, texts)
    });
    let mut builder = people?;
    for part in texts {
        for text in part? {
            builder.add_folded(text);
        }
    }
    Ok(builder.finish())
}

/// The pupils and the cases, which the other texts name their pupil through. With `only`, a
/// case is read from its kept texts, and its texts kept only where the words fit; the cases
/// the hits shown name are read whole once they are chosen (`search`), not all 50,000 of a
/// large school.
fn people(store: &Store, only: Option<&Words>, stop: &AtomicBool) -> Result<Builder> {
    let mut builder = Builder {
        only: only.cloned(),
        ..Builder::default()
    };
    for pupil in store.all::<Pupil>().take_while(|_| !stopped(stop)) {
        builder.pupil(pupil?);
    }
    match only {
        None => {
            for case in store.all::<Case>().take_while(|_| !stopped(stop)) {
                builder.case(case?);
            }
        }
        Some(_) => store.scan_search_texts(
            TextKind::Case,
            || stopped(stop),
            |texts| {
                builder.kept_case(texts);
                Ok(())
            },
        )?,
    }
    Ok(builder)
}

fn stopped(stop: &AtomicBool) -> bool {
    stop.load(Ordering::Relaxed)
}

/// A text of an action, a decision or a note, folded where it was read.
struct Folded {
    kind: HitKind,
    id: u64,
    case: Option<CaseId>,
    text: String,
    key: Key,
}

/// Whether `words` fit `text`, folded into `scratch`, so that a text that does not fit costs
/// no allocation.
fn fits(text: &str, words: &Words, scratch: &mut Folding) -> bool {
    fit(scratch.fold(text), words).is_some()
}

/// The kept texts of `kept`, folded, in id order; with `only`, those the words fit.
fn texts(
    store: &Store,
    kept: TextKind,
    kind: HitKind,
    only: Option<&Words>,
    stop: &AtomicBool,
) -> Result<Vec<Folded>> {
    let mut found = Vec::new();
    let mut scratch = Folding::default();
    store.scan_search_texts(
        kept,
        || stopped(stop),
        |Texts { id, case, text, .. }| {
            if only.is_some_and(|words| !fits(text, words, &mut scratch)) {
                return Ok(());
            }
            found.push(Folded {
                kind,
                id,
                case,
                key: Key::new(text),
                text: text.to_string(),
            });
            Ok(())
        },
    )?;
    Ok(found)
}

#[derive(Default)]
struct Builder {
    /// Keep only the entries these words fit.
    only: Option<Words>,
    pupils: HashMap<PupilId, Pupil>,
    entries: Vec<(Entry, Key)>,
    cases: HashMap<CaseId, Case>,
    /// `fits`' buffer, reused for every text.
    scratch: Folding,
}

impl Builder {
    fn pupil(&mut self, pupil: Pupil) {
        self.push(HitKind::Pupil, pupil.id.0, None, &pupil.full_name());
        self.pupils.insert(pupil.id, pupil);
    }

    /// A case read whole: its texts, and the case kept for naming its pupil.
    fn case(&mut self, case: Case) {
        let named = Subject::of(self.pupils.get(&case.pupil), &case, Showing::Private).is_named();
        let pseudonym = case.pseudonym.shown();
        let written = case.searchable_form_texts();
        self.case_texts(case.id, named, &case.question, &pseudonym, written);
        self.cases.insert(case.id, case);
    }

    /// A case as `otter search` reads it, from its kept texts: only its texts, where the
    /// words fit. Named as `Subject::of` names it privately (`Subject::names`).
    fn kept_case(&mut self, texts: Texts<'_>) {
        let found = texts
            .pupil
            .is_some_and(|pupil| self.pupils.contains_key(&pupil));
        let case = CaseId(texts.id);
        let named = texts
            .consent
            .is_some_and(|consent| Subject::names(found, case, consent, Showing::Private));
        let written = texts.written.iter().copied();
        self.case_texts(case, named, texts.text, texts.pseudonym, written);
    }

    fn case_texts<'t>(
        &mut self,
        id: CaseId,
        named: bool,
        question: &str,
        pseudonym: &str,
        written: impl Iterator<Item = &'t str>,
    ) {
        // The team knows an anonymous case by its pseudonym only, so that is what it types:
        // the case is found by it too. After the question, so the letters matched in the
        // question still point into the text shown. Which name a hit shows is decided when
        // it is made (`SearchIndex::hit`).
        let key = if named {
            self.key_if_wanted(question)
        } else {
            let known = format!("{question} {pseudonym}");
            self.key_if_wanted(&known)
        };
        if let Some(key) = key {
            self.push_keyed(HitKind::Case, id.0, Some(id), question, key);
        }
        // What the team wrote down in the case's form is found too, each text a hit of the
        // case showing that text: hypotheses, the research decision, the goals and the three
        // circles.
        for text in written {
            self.push(HitKind::Case, id.0, Some(id), text);
        }
    }

    fn add_folded(&mut self, folded: Folded) {
        let Folded {
            kind,
            id,
            case,
            text,
            key,
        } = folded;
        self.push_keyed(kind, id, case, &text, key);
    }

    fn push(&mut self, kind: HitKind, id: u64, case: Option<CaseId>, text: &str) {
        if let Some(key) = self.key_if_wanted(text) {
            self.push_keyed(kind, id, case, text, key);
        }
    }

    /// `text`'s key, unless the words to keep do not fit it: then it is never made.
    fn key_if_wanted(&mut self, text: &str) -> Option<Key> {
        match &self.only {
            Some(words) if !fits(text, words, &mut self.scratch) => None,
            _ => Some(Key::new(text)),
        }
    }

    fn push_keyed(&mut self, kind: HitKind, id: u64, case: Option<CaseId>, text: &str, key: Key) {
        let wanted = match &self.only {
            Some(words) => fit(key.as_ref(), words).is_some(),
            None => !key.is_empty(),
        };
        if wanted {
            let entry = Entry {
                kind,
                id,
                text: text.into(),
                case,
            };
            self.entries.push((entry, key));
        }
    }

    fn finish(mut self) -> SearchIndex {
        // Stable: within a kind the store's (id) order stays.
        self.entries.sort_by_key(|(entry, _)| entry.kind);
        let mut keys = Keys::default();
        let entries = self
            .entries
            .into_iter()
            .map(|(entry, key)| {
                keys.push(&key);
                entry
            })
            .collect();
        SearchIndex {
            entries,
            keys,
            cases: self.cases,
            pupils: self.pupils,
        }
    }
}

/// A query typed letter by letter: the hits of each step, so the next letter searches only
/// those and a deleted one goes back a step.
#[derive(Debug, Clone, Default)]
pub struct Session {
    steps: Vec<(Words, Vec<(u32, Fit)>)>,
}

impl Session {
    pub fn search(
        &mut self,
        index: &SearchIndex,
        query: &str,
        audience: Audience,
        limit: usize,
    ) -> Results {
        let words = Words::parse(query);
        if !words.long_enough() {
            self.steps.clear();
            return Results::default();
        }
        while self
            .steps
            .last()
            .is_some_and(|(earlier, _)| !words.narrows(earlier))
        {
            self.steps.pop();
        }
        let mut finder = Finder::default();
        let same = self
            .steps
            .last()
            .is_some_and(|(earlier, _)| *earlier == words);
        if !same {
            let found = match self.steps.last() {
                Some((_, hits)) => index.filter(hits.len(), |i| hits[i].0, &words),
                None => index.filter(index.len(), |i| i as u32, &words),
            };
            self.steps.push((words.clone(), found));
        }
        let (_, found) = self.steps.last().expect("pushed above");
        index.results(found, &words, audience, limit, &mut finder)
    }
}

/// `otter search`: every kind's hits, best first, as the chair's own screen shows them.
pub fn search(store: &Store, query: &str, limit: usize) -> Result<Results> {
    if query.trim().is_empty() {
        return Err(Error::Empty(Field::Query));
    }
    if !Words::parse(query).long_enough() {
        return Err(Error::ShortQuery);
    }
    let words = Words::parse(query);
    let mut index = read(store, Some(&words), &AtomicBool::new(false))?;
    // As `matches` answers, but the cases are read whole only for the hits shown: a common
    // word fits texts of tens of thousands of cases on a large school.
    let found = index.filter(index.len(), |i| i as u32, &words);
    let mut finder = Finder::default();
    let ranked = index.ranked(&found, &words, Audience::Private, limit, &mut finder);
    let named: BTreeSet<CaseId> = ranked
        .iter()
        .flat_map(|(_, _, chosen)| chosen)
        .filter_map(|&at| index.entries[at as usize].case)
        .collect();
    for id in named {
        if let Some(case) = store.case(id)? {
            index.cases.insert(id, case);
        }
    }
    Ok(index.groups(ranked, &words, Audience::Private, &mut finder))
}

#[cfg(test)]
pub(crate) mod tests;
