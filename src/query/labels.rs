//! How a case's pupil and an action's owner are named for the team: the pupil's name only when
//! consent allows it (BRIEF §8), the case's pseudonym otherwise.

use std::collections::HashMap;

use crate::domain::{Action, Case, CaseId, MemberId, Owner, PupilId};
use crate::store::{Store, StoreError};

/// Caches lookups made while building one answer.
pub struct Labels<'s> {
    store: &'s Store,
    cases: HashMap<CaseId, Option<Case>>,
    pupils: HashMap<PupilId, String>,
    initials: HashMap<PupilId, String>,
    members: HashMap<MemberId, String>,
}

impl<'s> Labels<'s> {
    pub fn new(store: &'s Store) -> Labels<'s> {
        Labels {
            store,
            cases: HashMap::new(),
            pupils: HashMap::new(),
            initials: HashMap::new(),
            members: HashMap::new(),
        }
    }

    pub fn case(&mut self, id: CaseId) -> Result<Option<&Case>, StoreError> {
        if !self.cases.contains_key(&id) {
            let case = self.store.case(id)?;
            self.cases.insert(id, case);
        }
        Ok(self.cases.get(&id).and_then(Option::as_ref))
    }

    pub fn pupil_name(&mut self, id: PupilId) -> Result<String, StoreError> {
        if let Some(name) = self.pupils.get(&id) {
            return Ok(name.clone());
        }
        let name = self
            .store
            .pupil(id)?
            .map(|pupil| pupil.full_name())
            .unwrap_or_default();
        self.pupils.insert(id, name.clone());
        Ok(name)
    }

    /// The name the team sees for the pupil of `case`.
    pub fn subject(&mut self, case: CaseId) -> Result<String, StoreError> {
        let Some(found) = self.case(case)? else {
            return Ok(String::new());
        };
        let (pupil, consent, pseudonym) = (found.pupil, found.consent, found.pseudonym());
        if consent.shows_name() {
            self.pupil_name(pupil)
        } else {
            Ok(pseudonym)
        }
    }

    /// What a shared screen shows for a case that is not the one being discussed: the pupil's
    /// initials, or the pseudonym.
    pub fn short_subject(&mut self, case: CaseId) -> Result<String, StoreError> {
        let Some(found) = self.case(case)? else {
            return Ok(String::new());
        };
        let (pupil, consent, pseudonym) = (found.pupil, found.consent, found.pseudonym());
        if !consent.shows_name() {
            return Ok(pseudonym);
        }
        if let Some(initials) = self.initials.get(&pupil) {
            return Ok(initials.clone());
        }
        let initials = self
            .store
            .pupil(pupil)?
            .map(|pupil| super::meeting::initials(&pupil))
            .unwrap_or_default();
        self.initials.insert(pupil, initials.clone());
        Ok(initials)
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

    pub fn owner(&mut self, action: &Action) -> Result<String, StoreError> {
        match &action.owner {
            Owner::Member(id) => self.member_name(*id),
            Owner::Other(name) => Ok(name.clone()),
        }
    }
}
