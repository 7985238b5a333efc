//! The undo log of an open meeting (`u`): each change made in it is written together with a
//! step saying what it was before (`domain::undo`), and taking the last step back is one write
//! with its audit line, so a crash leaves the change or its reversal, never half of either.

use super::erase::Erased;
use super::records::TreeId;
use super::{Store, StoreError, Tx};
use crate::domain::undo::take_off_agenda;
use crate::domain::{AuditEntry, CaseId, Change, Counted, MeetingId, UndoStep};

impl Store {
    /// The steps of `meeting` that can still be taken back, oldest first.
    pub fn undo_steps(&self, meeting: MeetingId) -> Result<Vec<UndoStep>, StoreError> {
        self.tree(TreeId::Undo)
            .scan_prefix(meeting.to_key())
            .map(|item| {
                let (key, bytes) = item?;
                super::codec::decode(self.cipher(), TreeId::Undo, &key, &bytes)
            })
            .collect()
    }

    fn last_undo_step(&self, meeting: MeetingId) -> Result<Option<UndoStep>, StoreError> {
        match self.tree(TreeId::Undo).scan_prefix(meeting.to_key()).last() {
            Some(item) => {
                let (key, bytes) = item?;
                super::codec::decode(self.cipher(), TreeId::Undo, &key, &bytes).map(Some)
            }
            None => Ok(None),
        }
    }

    /// Adds to `tx` the step that takes `change` back, after the steps `meeting` has.
    pub fn undoable_in(
        &self,
        tx: &mut Tx<'_>,
        meeting: MeetingId,
        change: Change,
    ) -> Result<(), StoreError> {
        let seq = match self.last_undo_step(meeting)? {
            Some(last) => last.seq.saturating_add(1),
            None => 0,
        };
        tx.insert(&UndoStep {
            meeting,
            seq,
            change,
        })
    }

    /// Adds to `tx` the removal of every step of `meeting`: once its minutes are fixed, what
    /// was done in it stands.
    pub fn forget_undo_in(&self, tx: &mut Tx<'_>, meeting: MeetingId) -> Result<(), StoreError> {
        for step in self.undo_steps(meeting)? {
            tx.remove(&step)?;
        }
        Ok(())
    }

    /// Adds to `tx` the removal of every step of every meeting (an erasure: a step may hold
    /// an erased pupil's texts).
    pub(super) fn forget_all_undo_in(&self, tx: &mut Tx<'_>) -> Result<(), StoreError> {
        for step in self.all::<UndoStep>() {
            tx.remove(&step?)?;
        }
        Ok(())
    }

    /// Takes the last change made in `meeting` back, with `audit` (counted here) in the same
    /// write; the change taken back, or `None` when there is nothing left to take back. A
    /// record the change touched that is gone since (erased) is left gone.
    pub fn undo_last(
        &self,
        meeting: MeetingId,
        mut audit: AuditEntry,
    ) -> Result<Option<Change>, StoreError> {
        let Some(step) = self.last_undo_step(meeting)? else {
            return Ok(None);
        };
        let mut tx = self.tx();
        let mut counts = Vec::new();
        match &step.change {
            Change::Phase { .. } | Change::Level { .. } | Change::Consent { .. } => {
                if let Some((id, seq)) = step.change.case_event()
                    && let Some(mut case) = self.case(id)?
                {
                    step.change.restore(&mut case);
                    tx.put(&case)?;
                    if let Some(event) = self.events_of_case(id)?.into_iter().find(|e| e.seq == seq)
                    {
                        tx.remove(&event)?;
                    }
                    counts = vec![(Counted::Cases, 1), (Counted::Events, 1)];
                }
            }
            Change::ActionAdded { action } => {
                if let Some(action) = self.action(*action)? {
                    tx.remove(&action)?;
                    counts = vec![(Counted::Actions, 1)];
                }
            }
            Change::Action { was, .. } => {
                if self.action(was.id)?.is_some() {
                    tx.put(was.as_ref())?;
                    counts = vec![(Counted::Actions, 1)];
                }
            }
            Change::Decision { decision } => {
                if let Some(decision) = self.decision(decision.0)? {
                    tx.remove(&decision)?;
                    counts = vec![(Counted::Decisions, 1)];
                }
            }
            Change::Signal { case } => {
                counts = self.withdraw_in(&mut tx, meeting, *case)?;
            }
        }
        tx.remove(&step)?;
        audit.counts = counts;
        self.audit_in(&mut tx, &mut audit)?;
        tx.commit()?;
        Ok(Some(step.change))
    }

    /// Withdraws case `case`, opened by mistake in `meeting`: removed with everything recorded
    /// about it and taken off the agenda, with the steps that could take any of it back and
    /// `audit` (counted here), in one write.
    pub fn withdraw(
        &self,
        meeting: MeetingId,
        case: CaseId,
        mut audit: AuditEntry,
    ) -> Result<(), StoreError> {
        let actions: Vec<_> = self.actions_of_case(case)?.iter().map(|a| a.id).collect();
        let decisions: Vec<_> = self.decisions_of_case(case)?.iter().map(|d| d.id).collect();
        let mut tx = self.tx();
        audit.counts = self.withdraw_in(&mut tx, meeting, case)?;
        for step in self.undo_steps(meeting)? {
            if step.change.about(case, &actions, &decisions) {
                tx.remove(&step)?;
            }
        }
        self.audit_in(&mut tx, &mut audit)?;
        tx.commit()
    }

    /// Adds to `tx` the removal of case `case`, opened by mistake, with everything recorded
    /// about it, and takes it off `meeting`'s agenda; what was removed, as counts.
    pub(super) fn withdraw_in(
        &self,
        tx: &mut Tx<'_>,
        meeting: MeetingId,
        case: CaseId,
    ) -> Result<Vec<(Counted, u64)>, StoreError> {
        let mut erased = Erased::default();
        if let Some(found) = self.case(case)? {
            self.remove_case(tx, &found, &mut erased)?;
        }
        if let Some(mut found) = self.meeting(meeting)?
            && take_off_agenda(&mut found, case)
        {
            tx.put(&found)?;
            erased.add(Counted::AgendaItems, 1);
        }
        Ok(erased.counts())
    }
}
