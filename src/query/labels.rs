//! How a case's pupil and an action's owner are named for the team: as `domain::Subject`
//! decides (BRIEF §8), from the records looked up once per answer.

use std::collections::HashMap;

use crate::domain::redact::PupilNames;
use crate::domain::{Action, Case, CaseId, MemberId, Owner, Pupil, PupilId, Showing, Subject};
use crate::store::{Store, StoreError};

/// Caches lookups made while building one answer.
pub struct Labels<'s> {
    store: &'s Store,
    showing: Showing,
    cases: HashMap<CaseId, Option<Case>>,
    pupils: HashMap<PupilId, Option<Pupil>>,
    members: HashMap<MemberId, String>,
}

impl<'s> Labels<'s> {
    /// Labels for the team member's own screen or command line.
    pub fn new(store: &'s Store) -> Labels<'s> {
        Labels::showing(store, Showing::Private)
    }

    /// Labels for what the room sees of cases not under discussion: a meeting is open.
    pub fn presenting(store: &'s Store) -> Labels<'s> {
        Labels::showing(store, Showing::Presenting { discussed: None })
    }

    pub fn showing(store: &'s Store, showing: Showing) -> Labels<'s> {
        Labels {
            store,
            showing,
            cases: HashMap::new(),
            pupils: HashMap::new(),
            members: HashMap::new(),
        }
    }

    /// Whether the room sees what these labels name.
    pub fn is_presenting(&self) -> bool {
        matches!(self.showing, Showing::Presenting { .. })
    }

    pub fn case(&mut self, id: CaseId) -> Result<Option<&Case>, StoreError> {
        if !self.cases.contains_key(&id) {
            let case = self.store.case(id)?;
            self.cases.insert(id, case);
        }
        Ok(self.cases.get(&id).and_then(Option::as_ref))
    }

    fn pupil(&mut self, id: PupilId) -> Result<Option<&Pupil>, StoreError> {
        if !self.pupils.contains_key(&id) {
            let pupil = self.store.pupil(id)?;
            self.pupils.insert(id, pupil);
        }
        Ok(self.pupils.get(&id).and_then(Option::as_ref))
    }

    /// The pupil of `case` as they may be shown; `None` when there is no such case.
    pub fn shown(&mut self, case: CaseId) -> Result<Option<Subject>, StoreError> {
        let Some(found) = self.case(case)?.cloned() else {
            return Ok(None);
        };
        self.shown_case(&found).map(Some)
    }

    /// The words of the name of `case`'s pupil, to mask in the case's own texts where it goes
    /// by its pseudonym: a note "Daan slaapt slecht" names the child its label hides.
    pub fn own_names(&mut self, case: CaseId) -> Result<PupilNames, StoreError> {
        let Some(pupil) = self.case(case)?.map(|found| found.pupil) else {
            return Ok(PupilNames::default());
        };
        Ok(PupilNames::of(self.pupil(pupil)?, []))
    }

    /// The pupil of a case already at hand as they may be shown.
    pub fn shown_case(&mut self, case: &Case) -> Result<Subject, StoreError> {
        let showing = self.showing;
        let pupil = self.pupil(case.pupil)?;
        Ok(Subject::of(pupil, case, showing))
    }

    /// The name the team sees for the pupil of `case`: the name, or the pseudonym.
    pub fn subject(&mut self, case: CaseId) -> Result<String, StoreError> {
        Ok(self
            .shown(case)?
            .map_or(String::new(), |s| s.name().to_string()))
    }

    /// What a shared screen shows for a case that is not the one being discussed: the pupil's
    /// initials, or the pseudonym.
    pub fn short_subject(&mut self, case: CaseId) -> Result<String, StoreError> {
        Ok(self
            .shown(case)?
            .map_or(String::new(), |s| s.short().to_string()))
    }

    pub fn member_name(&mut self, id: MemberId) -> Result<String, StoreError> {
        if let Some(name) = self.members.get(&id) {
            return Ok(name.clone());
        }
        let name = self
            .store
            .member(id)?
            .map(|member| member.name)
            .unwrap_or_default();
        self.members.insert(id, name.clone());
        Ok(name)
    }

    /// The owner of `action` as it may stand beside the action's pupil: a free-text owner
    /// beside a pseudonym without the groep ("leerkracht groep 3" is "leerkracht").
    pub fn owner(&mut self, action: &Action) -> Result<String, StoreError> {
        match &action.owner {
            Owner::Member(id) => self.member_name(*id),
            Owner::Other(name) => Ok(match action.case {
                Some(case) => match self.shown(case)? {
                    Some(subject) => subject.owner_beside(name),
                    None => name.clone(),
                },
                None => name.clone(),
            }),
        }
    }
}
