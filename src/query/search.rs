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
//! is in no key, so typing the name never brings up the case. On a shared screen
//! ([`Audience::Shared`]) no pupil is listed at all and a case's pupil is named by initials.

use std::cmp::Reverse;
use std::collections::HashMap;

use serde::Serialize;

use super::fuzzy::{Finder, Key, Score, Words, in_original};
use crate::domain::{Action, Case, CaseId, Decision, Note, Pupil, PupilId};
use crate::error::{Error, Field, Result};
use crate::store::Store;

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
    /// A shared screen (the meeting on the projector): no pupil listed, initials for a case.
    Shared,
}

/// One result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hit {
    pub kind: HitKind,
    pub id: u64,
    /// The pupil's name (for a pupil, or a case that may show it), the initials on a shared
    /// screen, or the case's pseudonym.
    pub subject: String,
    /// The matched text: hulpvraag, action, decision or note; empty for a pupil.
    pub text: String,
    /// The case the result belongs to (for a case, itself).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub case: Option<CaseId>,
    /// Named by the case's pseudonym (no consent to show the name).
    #[serde(skip)]
    pub anonymous: bool,
    /// The pupil, to open the dossier; never printed, so a pseudonym is not tied to a pupil
    /// number in `--json`.
    #[serde(skip)]
    pub pupil: Option<PupilId>,
    /// The matched positions (in chars) of `text`, or of `subject` for a pupil; ascending.
    #[serde(skip)]
    pub matched: Vec<usize>,
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

const NO_SUBJECT: u32 = u32::MAX;

struct Entry {
    kind: HitKind,
    id: u64,
    key: Key,
    text: Box<str>,
    /// Index into `subjects`, or `NO_SUBJECT` (a pupil, or a note of the meeting itself).
    subject: u32,
}

/// How a case's pupil is named.
struct Subject {
    case: CaseId,
    pupil: PupilId,
    /// The name, or the pseudonym without consent.
    name: String,
    /// The initials, or the pseudonym.
    short: String,
    anonymous: bool,
}

/// Every searchable text of the school, folded once.
#[derive(Default)]
pub struct SearchIndex {
    /// In the order of `HitKind`, so each kind's hits are one run.
    entries: Vec<Entry>,
    subjects: Vec<Subject>,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("entries", &self.entries.len())
            .finish()
    }
}

impl SearchIndex {
    pub fn load(store: &Store) -> Result<SearchIndex> {
        let mut builder = Builder::default();
        for pupil in store.all::<Pupil>() {
            builder.pupil(pupil?);
        }
        for case in store.all::<Case>() {
            builder.case(case?);
        }
        for action in store.all::<Action>() {
            let action = action?;
            builder.add(HitKind::Action, action.id.0, action.case, &action.text);
        }
        for decision in store.all::<Decision>() {
            let decision = decision?;
            builder.add(
                HitKind::Decision,
                decision.id.0,
                decision.case,
                &decision.text,
            );
        }
        for note in store.all::<Note>() {
            let note = note?;
            builder.add(HitKind::Note, note.id.0, note.case, &note.text);
        }
        Ok(builder.finish())
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
            builder.add(HitKind::Action, action.id.0, action.case, &action.text);
        }
        for decision in decisions {
            builder.add(
                HitKind::Decision,
                decision.id.0,
                decision.case,
                &decision.text,
            );
        }
        for note in notes {
            builder.add(HitKind::Note, note.id.0, note.case, &note.text);
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

    /// The entries among `candidates` that match, with their scores, in index order.
    fn filter(
        &self,
        candidates: impl Iterator<Item = u32>,
        words: &Words,
        finder: &mut Finder,
    ) -> Vec<(u32, Score)> {
        candidates
            .filter_map(|at| {
                let score = finder.score(&self.entries[at as usize].key, words)?;
                Some((at, score))
            })
            .collect()
    }

    /// The first search of a query goes through every entry: on a large school that is most
    /// of the time a keystroke takes, so the entries are split over the machine's cores, each
    /// with its own matcher, and the parts joined in index order.
    fn filter_all(&self, words: &Words) -> Vec<(u32, Score)> {
        const PER_THREAD: usize = 50_000;
        let count = self.entries.len();
        let threads = std::thread::available_parallelism()
            .map_or(1, usize::from)
            .min(count.div_ceil(PER_THREAD))
            .max(1);
        self.filter_split(words, threads)
    }

    fn filter_split(&self, words: &Words, threads: usize) -> Vec<(u32, Score)> {
        let count = self.entries.len();
        if threads <= 1 {
            return self.filter(0..count as u32, words, &mut Finder::default());
        }
        let chunk = count.div_ceil(threads);
        std::thread::scope(|scope| {
            let parts: Vec<_> = (0..threads)
                .map(|part| {
                    let range = (part * chunk).min(count)..((part + 1) * chunk).min(count);
                    let range = range.start as u32..range.end as u32;
                    scope.spawn(move || self.filter(range, words, &mut Finder::default()))
                })
                .collect();
            parts
                .into_iter()
                // A matcher that panicked is a bug: it surfaces as one, not as fewer hits.
                .flat_map(|part| part.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        })
    }

    fn results(
        &self,
        found: &[(u32, Score)],
        words: &Words,
        audience: Audience,
        limit: usize,
        finder: &mut Finder,
    ) -> Results {
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
            if kind == HitKind::Pupil && audience == Audience::Shared {
                continue;
            }
            let mut best = run.to_vec();
            let rank = |(at, score): &(u32, Score)| {
                let entry = &self.entries[*at as usize];
                // Pupils of equal score by name; anything else newest first.
                let (key, id) = match kind {
                    HitKind::Pupil => (Some(&entry.key), Reverse(0)),
                    _ => (None, Reverse(entry.id)),
                };
                (Reverse(score.score), score.start, key, id)
            };
            if best.len() > limit && limit > 0 {
                best.select_nth_unstable_by(limit - 1, |a, b| rank(a).cmp(&rank(b)));
            }
            best.truncate(limit);
            best.sort_by(|a, b| rank(a).cmp(&rank(b)));
            let hits = best
                .iter()
                .map(|(at, _)| self.hit(&self.entries[*at as usize], words, audience, finder))
                .collect();
            groups.push(Group {
                kind,
                total: run.len(),
                hits,
            });
        }
        Results { groups }
    }

    fn hit(&self, entry: &Entry, words: &Words, audience: Audience, finder: &mut Finder) -> Hit {
        let matched = finder
            .indices(&entry.key, words)
            .map(|(_, folded)| in_original(&entry.text, folded))
            .unwrap_or_default();
        let subject = self.subjects.get(entry.subject as usize);
        let (subject_text, text) = match (entry.kind, subject) {
            (HitKind::Pupil, _) => (entry.text.to_string(), String::new()),
            (_, Some(subject)) if audience == Audience::Shared => {
                (subject.short.clone(), entry.text.to_string())
            }
            (_, Some(subject)) => (subject.name.clone(), entry.text.to_string()),
            (_, None) => (String::new(), entry.text.to_string()),
        };
        Hit {
            kind: entry.kind,
            id: entry.id,
            subject: subject_text,
            text,
            case: subject.map(|s| s.case),
            anonymous: subject.is_some_and(|s| s.anonymous),
            pupil: match entry.kind {
                HitKind::Pupil => Some(PupilId(entry.id)),
                _ => subject.map(|s| s.pupil),
            },
            matched,
        }
    }
}

#[derive(Default)]
struct Builder {
    /// A pupil's name and initials.
    pupils: HashMap<PupilId, (String, String)>,
    cases: HashMap<CaseId, u32>,
    index: SearchIndex,
}

impl Builder {
    fn pupil(&mut self, pupil: Pupil) {
        let name = pupil.full_name();
        let initials = super::meeting::initials(&pupil);
        self.push(HitKind::Pupil, pupil.id.0, NO_SUBJECT, &name);
        self.pupils.insert(pupil.id, (name, initials));
    }

    fn case(&mut self, case: Case) {
        let (name, short) = if case.consent.shows_name() {
            self.pupils.get(&case.pupil).cloned().unwrap_or_default()
        } else {
            (case.pseudonym(), case.pseudonym())
        };
        let subject = self.index.subjects.len() as u32;
        self.index.subjects.push(Subject {
            case: case.id,
            pupil: case.pupil,
            name,
            short,
            anonymous: !case.consent.shows_name(),
        });
        self.cases.insert(case.id, subject);
        // The team knows an anonymous case by its pseudonym only, so that is what it types:
        // the case is found by it too. After the question, so the letters matched in the
        // question still point into the text shown.
        let key = if case.consent.shows_name() {
            Key::new(&case.question)
        } else {
            Key::new(&format!("{} {}", case.question, case.pseudonym()))
        };
        self.push_keyed(HitKind::Case, case.id.0, subject, &case.question, key);
    }

    fn add(&mut self, kind: HitKind, id: u64, case: Option<CaseId>, text: &str) {
        let subject = case
            .and_then(|case| self.cases.get(&case).copied())
            .unwrap_or(NO_SUBJECT);
        self.push(kind, id, subject, text);
    }

    fn push(&mut self, kind: HitKind, id: u64, subject: u32, text: &str) {
        self.push_keyed(kind, id, subject, text, Key::new(text));
    }

    fn push_keyed(&mut self, kind: HitKind, id: u64, subject: u32, text: &str, key: Key) {
        if !key.is_empty() {
            self.index.entries.push(Entry {
                kind,
                id,
                key,
                text: text.into(),
                subject,
            });
        }
    }

    fn finish(mut self) -> SearchIndex {
        // Stable: within a kind the store's (id) order stays.
        self.index.entries.sort_by_key(|entry| entry.kind);
        self.index
    }
}

/// A query typed letter by letter: the hits of each step, so the next letter searches only
/// those and a deleted one goes back a step.
#[derive(Debug, Clone, Default)]
pub struct Session {
    steps: Vec<(Words, Vec<(u32, Score)>)>,
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
                Some((_, hits)) => {
                    index.filter(hits.iter().map(|(at, _)| *at), &words, &mut finder)
                }
                None => index.filter_all(&words),
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
    let index = SearchIndex::load(store)?;
    Ok(index.matches(query, Audience::Private, limit))
}

#[cfg(test)]
pub(crate) mod tests;
