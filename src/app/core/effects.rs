//! Carrying out what `update` asked for: the only place the screen's loop touches the store.

use chrono::NaiveDate;

use std::path::PathBuf;
use std::sync::Arc;

use crate::app::actions::{ActionList, Refused};
use crate::app::meeting::export::Export;
use crate::app::overlay::prompt;
use crate::app::overlay::search;
use crate::app::{Effect, Message, Model, View, update};
use crate::domain::meeting::Reopening;
use crate::domain::{
    ActionChange, ActionId, AuditEntry, AuditKind, Change, Counted, DecisionId, MeetingId,
    MeetingState, NoteId,
};
use crate::error::{Error, Result};
use crate::query::search::SearchIndex;
use crate::query::{dashboard, dossier, meeting, meetings, pick, prepare};
use crate::store::{Store, StoreError, TreeId, backup};

/// How the audit log names what was done on the screen: `otter` and the keys pressed.
const TUI_REOPEN: &str = "otter R";
const TUI_ERASE: &str = "otter T X";
const TUI_UNDO: &str = "otter u";
const TUI_WITHDRAW: &str = "otter I";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Quit,
}

/// Applies `effects` and any that follow from them. A failed save is shown on screen and
/// the edit stays in the model, so the chair sees it and nothing typed disappears; a save
/// the disk refused (full, read-only) is kept in `Model::unsaved` until `retry` writes it.
pub fn apply(
    store: &Store,
    model: &mut Model,
    view: &mut View,
    effects: Vec<Effect>,
    today: NaiveDate,
) -> Result<Flow> {
    let mut pending = effects;
    // The prompt's draft is looked at once per message: a draft the disk refused waits for
    // the next one rather than being tried again and again here.
    let mut draft_looked_at = false;
    loop {
        let mut next = Vec::new();
        for effect in pending {
            if changes_search(&effect) {
                view.search_index = None;
                view.search_epoch += 1;
            }
            if changes_figures(&effect)
                && let Some(monitoring) = model.monitoring.as_mut()
            {
                monitoring.forget();
            }
            match effect {
                written @ (Effect::SaveMeeting(_)
                | Effect::SaveCaseChange(_)
                | Effect::SaveNote(_)
                | Effect::SaveAction(_)
                | Effect::SaveCase(_)
                | Effect::NewDecision(_)
                | Effect::NewAction(_)
                | Effect::CloseMeeting(_)
                | Effect::ReopenMeeting(..)
                | Effect::OpenSignal(_)
                | Effect::PlanMeeting { .. }
                | Effect::SettleAction { .. }
                | Effect::SetMe(_)) => {
                    keep_or_write(store, model, view, written, today, &mut next)?
                }
                // With writes kept in memory the first Quit warns: they would be lost.
                Effect::Quit if !model.unsaved.writes.is_empty() && !model.unsaved.quit_asked => {
                    model.unsaved.quit_asked = true;
                    let t = model.lang.texts();
                    // In the status line, over the flash: it must be read before the next key.
                    model.notice = Some((t.notice_quit_unsaved)(model.unsaved.writes.len()));
                }
                Effect::Quit => return Ok(Flow::Quit),
                // Not an edit of its own: while edits wait for the disk it is not queued
                // behind them (the text is on screen, and the edit it becomes is kept), and a
                // draft the disk refuses is tried again at the next message.
                Effect::SavePromptDraft(draft) => {
                    let stored = draft.map(|draft| draft.to_stored());
                    if !model.unsaved.is_empty()
                        || store.set_prompt_draft(stored.as_deref()).is_err()
                    {
                        model.prompt_draft.unsynced = true;
                    }
                }
                // The loop took it out before; a theme is not stored.
                Effect::UseTheme(_) => {}
                Effect::LoadDashboard => {
                    model.dashboard = dashboard::load(store, &model.phases, today)?;
                    view.dashboard.fit(&model.dashboard);
                }
                Effect::LoadMeeting => {
                    model.meeting = match meeting::current_or_next(store, today)? {
                        Some(id) => Some(meeting::load(store, &model.phases, id, today)?),
                        None => None,
                    };
                    next.extend(update(model, view, Message::MeetingLoaded));
                }
                Effect::LoadPreparation => {
                    model.prepare = match prepare::next_planned(store, today)? {
                        Some(id) => Some(prepare::load(store, &model.phases, id)?),
                        None => None,
                    };
                    next.extend(update(model, view, Message::PreparationLoaded));
                }
                Effect::StartMeeting(id) => {
                    // One meeting runs at a time: an open one is closed (or finished) first.
                    let open = store
                        .meetings_by_date()?
                        .into_iter()
                        .any(|m| m.state == MeetingState::Open && m.id != id);
                    if open {
                        view.flash = Some(model.lang.texts().flash_close_open_first.to_string());
                    } else {
                        model.meeting = Some(meeting::load(store, &model.phases, id, today)?);
                        next.extend(update(model, view, Message::MeetingLoaded));
                    }
                }
                // Nothing is typed yet: a note that cannot be numbered is not begun, and the
                // status line says why.
                Effect::NewNote => match store.next_id(TreeId::Notes) {
                    Ok(id) => next.extend(update(model, view, Message::NoteReady(NoteId(id)))),
                    Err(err) => {
                        report(store, model, Err(err));
                    }
                },
                Effect::LoadAudit => {
                    let entries = store.audit_shown()?;
                    next.extend(update(model, view, Message::AuditLoaded(entries)));
                }
                Effect::LoadMonitoring(period) => {
                    use crate::app::monitoring::Monitoring;
                    let kept = model
                        .monitoring
                        .as_mut()
                        .is_some_and(|m| m.show_kept(period, today));
                    if !kept {
                        let data = crate::query::monitoring::screen(
                            store,
                            &model.phases,
                            model.monitoring_settings,
                            period.period(today),
                            today,
                        )?;
                        let previous = model.monitoring.take();
                        model.monitoring =
                            Some(Box::new(Monitoring::shown(previous, period, data)));
                    }
                    next.extend(update(model, view, Message::MonitoringLoaded));
                }
                Effect::LoadRetention => {
                    let list = Box::new(crate::query::retention::list(
                        store,
                        today,
                        meeting::showing(store)?,
                    )?);
                    next.extend(update(model, view, Message::RetentionLoaded(list)));
                }
                Effect::EraseExpired(list) => {
                    let audit = AuditEntry::new(model.now, AuditKind::RetentionErasure, TUI_ERASE);
                    match store.erase(&list.erasures(), audit) {
                        Ok(erased) => {
                            let list = Box::new(crate::query::retention::list(
                                store,
                                today,
                                meeting::showing(store)?,
                            )?);
                            next.extend(update(model, view, Message::RetentionLoaded(list)));
                            // After the update, which clears the flash of the key before.
                            let t = model.lang.texts();
                            let counts = t.privacy.counts(&erased.counts());
                            view.flash = Some((t.privacy.retention_erased)(&counts));
                        }
                        Err(err) => {
                            report(store, model, Err(err));
                        }
                    }
                }
                Effect::SetPresentation(on) => {
                    if report(store, model, store.set_presentation(on)) {
                        let t = model.lang.texts();
                        view.flash = Some(
                            if on {
                                t.privacy.presentation_on
                            } else {
                                t.privacy.presentation_off
                            }
                            .to_string(),
                        );
                        next.push(Effect::LoadDashboard);
                    }
                }
                Effect::LoadSearch => {
                    let index = Arc::new(SearchIndex::load(store)?);
                    let loaded = Message::SearchLoaded(search::Loaded {
                        index,
                        epoch: view.search_epoch,
                    });
                    next.extend(update(model, view, loaded));
                }
                Effect::LoadPupils => {
                    let pupils = Box::new(pick::PupilPicker::load(store)?);
                    next.extend(update(model, view, Message::PupilsLoaded(pupils)));
                }
                Effect::CheckPassphrase(typed) => {
                    let right = store.passphrase_matches(&typed.0)?;
                    next.extend(update(model, view, Message::PassphraseChecked(right)));
                }
                // A dossier puts a pupil's name beside all of their cases, anonymous ones
                // included: while a meeting is open the room sees it, so it does not open
                // (BRIEF §8), whichever screen asked.
                Effect::LoadDossier(of) => {
                    if let Some(refused) =
                        presenting_refusal(store, model, |t| t.flash_dossier_presenting)?
                    {
                        view.flash = Some(refused);
                        continue;
                    }
                    // Opened from a case or an action: that case is the one chosen.
                    let chosen = match of {
                        crate::app::dossier::DossierOf::Case(case) => Some(case),
                        crate::app::dossier::DossierOf::Action(action) => {
                            store.action(action)?.and_then(|a| a.case)
                        }
                        crate::app::dossier::DossierOf::Pupil(_) => None,
                    };
                    let pupil = match of {
                        crate::app::dossier::DossierOf::Pupil(pupil) => Some(pupil),
                        crate::app::dossier::DossierOf::Case(case) => {
                            store.case(case)?.map(|c| c.pupil)
                        }
                        crate::app::dossier::DossierOf::Action(action) => {
                            match store.action(action)? {
                                Some(action) => match action.case {
                                    Some(case) => store.case(case)?.map(|c| c.pupil),
                                    None => None,
                                },
                                None => None,
                            }
                        }
                    };
                    match pupil
                        .map(|p| dossier::load(store, p))
                        .transpose()?
                        .flatten()
                    {
                        Some(found) => {
                            let found = Box::new((found, chosen));
                            next.extend(update(model, view, Message::DossierLoaded(found)));
                        }
                        None => view.flash = Some(model.lang.texts().flash_no_pupil.to_string()),
                    }
                }
                Effect::LoadActions { filter, typed } => {
                    // The actions screen may be on the projector while a meeting is open.
                    let showing = meeting::showing(store)?;
                    let listed = crate::query::actions::entries_as(store, &filter, today, showing);
                    let message = match listed {
                        Ok(entries) => {
                            let next_meeting = meetings::next(store, today)?.map(|m| m.date);
                            Message::ActionsLoaded(Box::new(ActionList {
                                filter: *filter,
                                entries,
                                next_meeting,
                                strays: false,
                            }))
                        }
                        // An owner or meeting nobody knows is the person's to retype.
                        Err(err) if err.exit_code() == 1 => {
                            let message = err.message(model.lang.texts(), "");
                            Message::ActionsRefused(Box::new(Refused { message, typed }))
                        }
                        Err(err) => return Err(err),
                    };
                    next.extend(update(model, view, message));
                }
                // A dry run lists every pupil in the file, names and dates of birth: not on
                // the shared screen (BRIEF §8).
                Effect::PlanImport(path) => {
                    if let Some(refused) =
                        presenting_refusal(store, model, |t| t.flash_import_presenting)?
                    {
                        view.flash = Some(refused);
                        continue;
                    }
                    let planned = plan_import(store, &path).map_err(|err| {
                        err.message(model.lang.texts(), &store.dir().display().to_string())
                    });
                    next.extend(update(
                        model,
                        view,
                        Message::ImportPlanned(Box::new(planned)),
                    ));
                }
                Effect::ImportPupils(plan) => match crate::import::apply(store, &plan) {
                    Ok(applied) => next.extend(update(model, view, Message::Imported(applied))),
                    Err(err) => {
                        report(store, model, Err(err));
                    }
                },
                Effect::Export(which) => {
                    let t = model.lang.texts();
                    view.flash = Some(match export(store, model, which, today) {
                        Ok(path) => (t.flash_exported)(&path.display().to_string()),
                        Err(err) => {
                            let dir = store.dir().display().to_string();
                            (t.flash_export_failed)(&err.message(t, &dir))
                        }
                    });
                }
                // Both take back what the store holds: with edits kept in memory the last
                // change made is not there yet, so they wait until the kept ones are written.
                Effect::Withdraw { .. } | Effect::Undo(_) if !model.unsaved.is_empty() => {
                    tell_unsaved(model, None);
                }
                Effect::Withdraw { meeting: id, case } => {
                    let audit = AuditEntry::new(model.now, AuditKind::Withdrawn, TUI_WITHDRAW);
                    if report(store, model, store.withdraw(id, case, audit)) {
                        model.meeting = Some(meeting::load(store, &model.phases, id, today)?);
                        next.extend(update(model, view, Message::Withdrawn));
                    }
                }
                Effect::Undo(id) => {
                    let audit = AuditEntry::new(model.now, AuditKind::Undone, TUI_UNDO);
                    match store.undo_last(id, audit) {
                        Ok(change) => {
                            model.meeting = Some(meeting::load(store, &model.phases, id, today)?);
                            let undone = Message::Undone(change.map(Box::new));
                            next.extend(update(model, view, undone));
                        }
                        Err(err) => {
                            report(store, model, Err(err));
                        }
                    }
                }
            }
        }
        pending = next;
        if pending.is_empty() {
            // Once the message's effects are done, what the prompt holds is kept (or brought
            // back): after every key, whichever feature opened or closed it.
            let draft = if draft_looked_at {
                None
            } else {
                draft_looked_at = true;
                prompt::draft::sync(model, view)
            };
            match draft {
                Some(draft) => pending.push(Effect::SavePromptDraft(draft.map(Box::new))),
                None => return Ok(Flow::Continue),
            }
        }
    }
}

/// Writes kept in memory because the disk refused them (full, read-only), in the order they
/// were asked, each with all it carries (the text typed, the edit), until `retry` writes
/// them. While any is kept, later writes queue behind it: written out of order, an older
/// state of a record could land over a newer one.
#[derive(Debug, Clone, Default)]
pub struct Unsaved {
    writes: Vec<Effect>,
    /// When the last retry failed: the next waits a second, as each reopens the store.
    tried: Option<chrono::NaiveDateTime>,
    /// Quit was asked once while writes were kept; asked again, otter quits.
    quit_asked: bool,
    /// Why the disk refused the first of them, as the status line says it.
    why: Option<String>,
}

impl Unsaved {
    /// How many edits wait to be written.
    pub fn len(&self) -> usize {
        self.writes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.writes.is_empty()
    }

    /// Keeps `write` behind the others; an earlier save of the same record goes, as this one
    /// holds all of it (typing a note saves the whole note at every key).
    fn keep(&mut self, write: Effect) {
        self.writes.retain(|kept| !same_record(kept, &write));
        self.writes.push(write);
    }
}

/// Whether `a` and `b` save the same whole record, so that `b` makes `a` needless.
fn same_record(a: &Effect, b: &Effect) -> bool {
    match (a, b) {
        (Effect::SaveNote(a), Effect::SaveNote(b)) => a.id == b.id,
        (Effect::SaveCase(a), Effect::SaveCase(b)) => a.id == b.id,
        (Effect::SaveAction(a), Effect::SaveAction(b)) => a.id == b.id,
        (Effect::SaveMeeting(a), Effect::SaveMeeting(b)) => a.id == b.id,
        _ => false,
    }
}

/// Writes `write`, or keeps it when the disk refuses it or writes are kept already; other
/// refusals (a record that exists) are shown as before.
fn keep_or_write(
    store: &Store,
    model: &mut Model,
    view: &mut View,
    write: Effect,
    today: NaiveDate,
    next: &mut Vec<Effect>,
) -> Result<()> {
    if !model.unsaved.is_empty() {
        model.unsaved.keep(write);
        tell_unsaved(model, None);
        return Ok(());
    }
    match written(store, model, view, &write, today, next)? {
        Ok(()) => {}
        Err(StoreError::Io(err)) => {
            model.unsaved.keep(write);
            let dir = store.dir().display().to_string();
            let why = Error::from(StoreError::Io(err)).message(model.lang.texts(), &dir);
            tell_unsaved(model, Some(why));
        }
        Err(err) => {
            report(store, model, Err(err));
        }
    }
    Ok(())
}

/// Says in the status line what the disk refused and how many edits otter holds.
fn tell_unsaved(model: &mut Model, why: Option<String>) {
    let t = model.lang.texts();
    // Kept behind the first without trying: the reason stays the first one's.
    let why = why
        .or_else(|| model.unsaved.why.clone())
        .unwrap_or_default();
    model.notice = Some((t.notice_unsaved)(&why, model.unsaved.len()));
    model.unsaved.why = Some(why);
}

/// Carries out one write; the store's refusal is the inner error.
fn written(
    store: &Store,
    model: &mut Model,
    view: &mut View,
    write: &Effect,
    today: NaiveDate,
    next: &mut Vec<Effect>,
) -> Result<std::result::Result<(), StoreError>> {
    Ok(match write {
        Effect::PlanMeeting { date, time, place } => {
            let id = match store.next_id(TreeId::Meetings) {
                Ok(id) => MeetingId(id),
                Err(err) => return Ok(Err(err)),
            };
            let planned = prepare::new_meeting(store, &model.phases, id, *date, *time, place)?;
            let written = store.insert(&planned);
            if written.is_ok() {
                model.prepare = Some(prepare::load(store, &model.phases, id)?);
                next.extend(update(model, view, Message::PreparationLoaded));
            }
            written
        }
        Effect::SaveMeeting(meeting) => store.save(meeting.as_ref()),
        Effect::NewAction(action) => {
            let mut action = action.clone();
            let written = store.next_id(TreeId::Actions).and_then(|id| {
                action.id = ActionId(id);
                let mut tx = store.tx();
                let mut written = tx.insert(action.as_ref());
                // Added in a meeting, it can be taken back there (`u`).
                if let Some(meeting) = action.meeting {
                    let change = Change::ActionAdded { action: action.id };
                    written = written.and_then(|()| store.undoable_in(&mut tx, meeting, change));
                }
                written.and_then(|()| tx.commit())
            });
            if written.is_ok() {
                next.extend(update(model, view, Message::ActionAdded(action)));
            }
            written
        }
        Effect::CloseMeeting(meeting) => {
            let next_id = match meeting.next_meeting {
                Some(_) => match store.next_id(TreeId::Meetings) {
                    Ok(id) => Some(MeetingId(id)),
                    Err(err) => return Ok(Err(err)),
                },
                None => None,
            };
            let reviewed = reviewed(model);
            let closing =
                meeting::closing(store, &model.phases, meeting, &reviewed, next_id, today)?;
            let mut tx = store.tx();
            // A reopened meeting's minutes are fixed anew, over the earlier ones; what was
            // done in it stands from now on.
            let mut written = store.forget_undo_in(&mut tx, meeting.id);
            written = written
                .and_then(|()| tx.put(meeting.as_ref()))
                .and_then(|()| {
                    if meeting.reopened.is_empty() {
                        tx.insert(&closing.minutes)
                    } else {
                        tx.put(&closing.minutes)
                    }
                });
            for action in &closing.carried {
                written = written.and_then(|()| tx.put(action));
            }
            if let Some(next) = &closing.next {
                written = written.and_then(|()| tx.insert(next));
            }
            if let Some(updated) = &closing.updated {
                written = written.and_then(|()| tx.put(updated));
            }
            let written = written.and_then(|()| tx.commit());
            if written.is_ok() {
                next.extend(update(model, view, Message::MeetingClosed));
                // The close is committed whatever happens to its backup; a failed
                // backup stays in the status bar, where the chair sees it.
                if let Err(err) = backup::rolling(store, backup::Reason::Close) {
                    let dir = store.dir().display().to_string();
                    let t = model.lang.texts();
                    let detail = Error::from(err).message(t, &dir);
                    model.notice = Some((t.notice_backup_failed)(&detail));
                }
            }
            written
        }
        Effect::ReopenMeeting(id, reason) => {
            let Some(mut meeting) = store.meeting(*id)? else {
                return Ok(Ok(()));
            };
            meeting.state = MeetingState::Open;
            meeting.reopened.push(Reopening {
                on: today,
                reason: reason.clone(),
            });
            let mut audit = AuditEntry::new(model.now, AuditKind::ReopenedMeeting, TUI_REOPEN)
                .with_counts(vec![(Counted::Meetings, 1)]);
            let mut tx = store.tx();
            let written = tx
                .put(&meeting)
                .and_then(|()| store.audit_in(&mut tx, &mut audit))
                .and_then(|()| tx.commit());
            if written.is_ok() {
                next.push(Effect::LoadMeeting);
            }
            written
        }
        Effect::OpenSignal(signal) => {
            let number = match store.new_case() {
                Ok(number) => number,
                Err(err) => return Ok(Err(err)),
            };
            let (case, event, meeting) = signal.as_ref().clone().numbered(number);
            let mut tx = store.tx();
            let undo = Change::Signal { case: case.id };
            let written = tx
                .insert(&case)
                .and_then(|()| tx.insert(&event))
                .and_then(|()| tx.put(&meeting))
                .and_then(|()| store.undoable_in(&mut tx, meeting.id, undo))
                .and_then(|()| tx.commit());
            if written.is_ok() {
                let brief = meeting::brief(store, &model.phases, case, today)?;
                let opened = Box::new((brief, meeting));
                next.extend(update(model, view, Message::SignalOpened(opened)));
            }
            written
        }
        Effect::SetMe(member) => store.set_me(*member),
        Effect::SaveNote(note) => store.save(note.as_ref()),
        Effect::NewDecision(decision) => {
            let mut decision = decision.clone();
            let written = store.next_id(TreeId::Decisions).and_then(|id| {
                decision.id = DecisionId(id);
                let mut tx = store.tx();
                let mut written = tx.insert(decision.as_ref());
                if let Some(meeting) = decision.meeting {
                    let change = Change::Decision {
                        decision: decision.id,
                    };
                    written = written.and_then(|()| store.undoable_in(&mut tx, meeting, change));
                }
                written.and_then(|()| tx.commit())
            });
            if written.is_ok() {
                next.extend(update(model, view, Message::DecisionAdded(decision)));
            }
            written
        }
        Effect::SaveCase(case) => store.save(case.as_ref()),
        Effect::SaveAction(action) => store.save(action.as_ref()),
        Effect::SaveCaseChange(change) => {
            let (case, event) = change.as_ref();
            // Made in a meeting, it can be taken back there: the step needs what the case
            // was before, which the event alone does not say (its closing date and reason).
            let undo = match event.meeting {
                Some(meeting) => {
                    let before = store.case(case.id)?;
                    Change::of_event(event, before.as_ref(), case).map(|change| (meeting, change))
                }
                None => None,
            };
            let mut tx = store.tx();
            let mut written = tx.put(case).and_then(|()| tx.insert(event));
            if let Some((meeting, change)) = undo {
                written = written.and_then(|()| store.undoable_in(&mut tx, meeting, change));
            }
            written.and_then(|()| tx.commit())
        }
        Effect::SettleAction { meeting, action } => {
            let was = store.action(action.id)?;
            let mut tx = store.tx();
            let mut written = tx.put(action.as_ref());
            if let Some(was) = was
                && let Some(what) = ActionChange::between(&was, action)
            {
                let change = Change::Action {
                    what,
                    was: Box::new(was),
                };
                written = written.and_then(|()| store.undoable_in(&mut tx, *meeting, change));
            }
            written.and_then(|()| tx.commit())
        }
        // Only writes come here (`apply`).
        _ => Ok(()),
    })
}

/// Writes what the disk refused before, at most once a second (on a tick, and before the next
/// edit), on the store opened anew: sled fails every write after one failed until the
/// database is reopened. Returns the store to go on with: written to again when that worked,
/// else opened to read, so reading goes on while the disk is full.
pub fn retry(store: Store, model: &mut Model, view: &mut View, today: NaiveDate) -> Result<Store> {
    let due = model
        .unsaved
        .tried
        .is_none_or(|tried| model.now - tried >= chrono::TimeDelta::seconds(1));
    if model.unsaved.is_empty() || !due {
        return Ok(store);
    }
    let store = store.recovered()?;
    let kept = std::mem::take(&mut model.unsaved.writes);
    // The notice said what was kept; what the writes say now (a write kept again, a closing
    // whose backup failed) is the notice from here on, not wiped after them.
    model.notice = None;
    apply(&store, model, view, kept, today)?;
    if model.unsaved.is_empty() {
        model.unsaved = Unsaved::default();
        view.flash = Some(model.lang.texts().flash_saved_again.to_string());
    } else {
        model.unsaved.tried = Some(model.now);
    }
    Ok(store)
}

/// Takes into the audit log the lines that commands beside the screen (an export in a second
/// window) left in the inbox (`Store::take_inbox`), and reads the audit screen again if it is
/// shown. A line the disk refuses now stays in the inbox for the next try; a write refused
/// meanwhile is the next edit's to report.
pub fn take_inbox(
    store: &Store,
    model: &mut Model,
    view: &mut View,
    today: NaiveDate,
) -> Result<()> {
    let taken = store.take_inbox().unwrap_or(0);
    if taken > 0 && model.screen == crate::app::Screen::Audit {
        apply(store, model, view, vec![Effect::LoadAudit], today)?;
    }
    Ok(())
}

/// Whether `effect` leaves the records alone: it reads, or writes only what no list,
/// figure or search shows (an audit line, a theme, who is using otter, a prompt's draft).
/// The one list the caches kept over writes (`/`'s index, the monitoring figures) ask.
fn leaves_records_alone(effect: &Effect) -> bool {
    matches!(
        effect,
        Effect::Quit
            | Effect::LoadMeeting
            | Effect::LoadDashboard
            | Effect::LoadPupils
            | Effect::LoadPreparation
            | Effect::LoadSearch
            | Effect::PlanImport(_)
            | Effect::LoadAudit
            | Effect::LoadRetention
            | Effect::LoadMonitoring(_)
            | Effect::UseTheme(_)
            | Effect::Export(_)
            | Effect::CheckPassphrase(_)
            | Effect::LoadActions { .. }
            | Effect::LoadDossier(_)
            | Effect::SetMe(_)
            | Effect::SavePromptDraft(_)
    )
}

/// Whether `effect` may write a text `/` searches, or a consent that changes how a case is
/// named: the index is then read anew at the next `/`. A meeting's own record and the
/// presentation mode hold no searched text (labels are decided as they are shown).
fn changes_search(effect: &Effect) -> bool {
    !leaves_records_alone(effect)
        && !matches!(
            effect,
            Effect::SaveMeeting(_) | Effect::StartMeeting(_) | Effect::SetPresentation(_)
        )
}

/// Whether `effect` may write what a monitoring figure counts, or open a meeting or turn
/// presentation on (which changes how the screen names cases): the figures kept for `p` and
/// `M` are then read anew.
fn changes_figures(effect: &Effect) -> bool {
    !leaves_records_alone(effect)
}

/// Writes the document `which` as HTML to the export folder; where it went.
fn export(store: &Store, model: &Model, which: Export, today: NaiveDate) -> Result<PathBuf> {
    use crate::export::{Context, Format, file, minutes::Status};
    let lang = model.lang;
    let school = store.school()?;
    let cx = Context {
        model: &model.phases,
        lang,
        school: &school,
        today,
    };
    let command = match which {
        Export::Minutes(_) => "E: verslag",
        Export::Extract(_) => "x: uittreksel",
    };
    let (name, text) = match which {
        Export::Minutes(id) => {
            let no_meeting = || Error::NoMeeting(id.0.to_string());
            let found = store.meeting(id)?.ok_or_else(no_meeting)?;
            let (minutes, status) = if found.state == MeetingState::Closed {
                (
                    crate::query::meetings::fixed(store, id)?.ok_or_else(no_meeting)?,
                    Status::Fixed,
                )
            } else {
                // As closing would fix them now, without writing anything.
                let reviewed = reviewed(model);
                let closing =
                    meeting::closing(store, &model.phases, &found, &reviewed, None, today)?;
                let minutes = crate::query::meetings::leaving(store, closing.minutes)?;
                (minutes, Status::Draft)
            };
            let draft = status == Status::Draft;
            (
                file::minutes_name(minutes.date, draft, Format::Html, lang),
                crate::export::minutes(&minutes, status, &cx, Format::Html),
            )
        }
        Export::Extract(pupil) => {
            let found =
                dossier::load(store, pupil)?.ok_or_else(|| Error::NoPupil(pupil.0.to_string()))?;
            (
                file::extract_name(&found.pupil, today, Format::Html, lang),
                crate::export::extract(&found, &cx, Format::Html),
            )
        }
    };
    let path = model.export_dir.join(name);
    file::write(&path, text.as_bytes()).map_err(Error::Output)?;
    let extract = matches!(which, Export::Extract(_));
    store.audit(AuditEntry::export(model.now, command, extract))?;
    Ok(path)
}

/// The earlier actions settled in the meeting on screen, as its minutes list them.
fn reviewed(model: &Model) -> Vec<crate::domain::Action> {
    model
        .meeting
        .iter()
        .flat_map(|room| &room.earlier_actions)
        .map(|(action, _)| action.clone())
        .collect()
}

/// Why a dossier or an import's dry run stays shut on the shared screen, if it does: the open
/// meeting's own words, or else the presentation mode's. The meetings are glanced at once, for
/// whether the room sees the screen and for whose words these are.
fn presenting_refusal(
    store: &Store,
    model: &Model,
    in_meeting: fn(&crate::i18n::Texts) -> &'static str,
) -> Result<Option<String>> {
    use crate::domain::Showing;
    let t = model.lang.texts();
    let open = meeting::in_meeting(store)?;
    Ok(
        match meeting::with_presentation(open, store.presentation()?) {
            Showing::Private => None,
            _ if open == Showing::Private => Some(t.privacy.presentation_refused.to_string()),
            _ => Some(in_meeting(t).to_string()),
        },
    )
}

/// Shows a failed write on screen; true when it was written.
fn report(store: &Store, model: &mut Model, written: std::result::Result<(), StoreError>) -> bool {
    match written {
        Ok(()) => true,
        Err(err) => {
            let dir = store.dir().display().to_string();
            model.notice = Some(Error::from(err).message(model.lang.texts(), &dir));
            false
        }
    }
}

/// The dry run of an import: the file read and planned against the pupils there are now.
fn plan_import(store: &Store, path: &std::path::Path) -> Result<(String, crate::import::Plan)> {
    let bytes = crate::import::read_file(path)?;
    let existing = store
        .all::<crate::domain::Pupil>()
        .collect::<std::result::Result<Vec<_>, _>>()?;
    let plan = crate::import::prepare(&bytes, &crate::import::Mapping::default(), &existing)?;
    Ok((path.display().to_string(), plan))
}
