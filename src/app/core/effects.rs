//! Carrying out what `update` asked for: the only place the screen's loop touches the store.

use chrono::NaiveDate;

use std::path::PathBuf;
use std::sync::Arc;

use crate::app::actions::{ActionList, Refused};
use crate::app::meeting::export::Export;
use crate::app::{Effect, Message, Model, View, search, update};
use crate::domain::meeting::Reopening;
use crate::domain::{
    ActionId, AuditEntry, AuditKind, CaseId, Counted, DecisionId, MeetingId, MeetingState, NoteId,
};
use crate::error::{Error, Result};
use crate::query::search::SearchIndex;
use crate::query::{dashboard, dossier, meeting, meetings, pick, prepare};
use crate::store::{Store, StoreError, TreeId, backup};

/// How the audit log names what was done on the screen: `otter` and the keys pressed.
const TUI_REOPEN: &str = "otter R";
const TUI_ERASE: &str = "otter T X";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Quit,
}

/// Applies `effects` and any that follow from them. A failed save is shown on screen and
/// the edit stays in the model, so the chair sees it and nothing typed disappears.
pub fn apply(
    store: &Store,
    model: &mut Model,
    view: &mut View,
    effects: Vec<Effect>,
    today: NaiveDate,
) -> Result<Flow> {
    let mut pending = effects;
    while !pending.is_empty() {
        let mut next = Vec::new();
        for effect in pending {
            if changes_search(&effect) {
                view.search_index = None;
            }
            match effect {
                Effect::Quit => return Ok(Flow::Quit),
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
                Effect::PlanMeeting { date, time, place } => {
                    let id = MeetingId(store.next_id(TreeId::Meetings)?);
                    let planned =
                        prepare::new_meeting(store, &model.phases, id, date, time, &place)?;
                    if report(store, model, store.insert(&planned)) {
                        model.prepare = Some(prepare::load(store, &model.phases, id)?);
                        next.extend(update(model, view, Message::PreparationLoaded));
                    }
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
                Effect::SaveMeeting(meeting) => {
                    report(store, model, store.save(meeting.as_ref()));
                }
                Effect::NewNote => {
                    let id = NoteId(store.next_id(TreeId::Notes)?);
                    next.extend(update(model, view, Message::NoteReady(id)));
                }
                Effect::NewAction(mut action) => {
                    action.id = ActionId(store.next_id(TreeId::Actions)?);
                    if report(store, model, store.insert(action.as_ref())) {
                        next.extend(update(model, view, Message::ActionAdded(action)));
                    }
                }
                Effect::CloseMeeting(meeting) => {
                    let next_id = match meeting.next_meeting {
                        Some(_) => Some(MeetingId(store.next_id(TreeId::Meetings)?)),
                        None => None,
                    };
                    let reviewed = reviewed(model);
                    let closing = meeting::closing(
                        store,
                        &model.phases,
                        &meeting,
                        &reviewed,
                        next_id,
                        today,
                    )?;
                    let mut tx = store.tx();
                    // A reopened meeting's minutes are fixed anew, over the earlier ones.
                    let mut written = tx.put(meeting.as_ref()).and_then(|()| {
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
                    if report(store, model, written.and_then(|()| tx.commit())) {
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
                }
                Effect::ReopenMeeting(id, reason) => {
                    if let Some(mut meeting) = store.meeting(id)? {
                        meeting.state = MeetingState::Open;
                        meeting.reopened.push(Reopening { on: today, reason });
                        let mut audit =
                            AuditEntry::new(model.now, AuditKind::ReopenedMeeting, TUI_REOPEN)
                                .with_counts(vec![(Counted::Meetings, 1)]);
                        let mut tx = store.tx();
                        let written = tx
                            .put(&meeting)
                            .and_then(|()| store.audit_in(&mut tx, &mut audit))
                            .and_then(|()| tx.commit());
                        if report(store, model, written) {
                            next.push(Effect::LoadMeeting);
                        }
                    }
                }
                Effect::LoadAudit => {
                    let entries = store.audit_log()?;
                    next.extend(update(model, view, Message::AuditLoaded(entries)));
                }
                Effect::LoadMonitoring(period) => {
                    let data = crate::query::monitoring::screen(
                        store,
                        &model.phases,
                        crate::monitoring::Settings::default(),
                        period.period(today),
                        today,
                    )?;
                    model.monitoring = Some(Box::new(crate::app::monitoring::Monitoring {
                        period,
                        data,
                    }));
                    next.extend(update(model, view, Message::MonitoringLoaded));
                }
                Effect::LoadRetention => {
                    let list = Box::new(crate::query::retention::list(store, today)?);
                    next.extend(update(model, view, Message::RetentionLoaded(list)));
                }
                Effect::EraseExpired(list) => {
                    let audit = AuditEntry::new(model.now, AuditKind::RetentionErasure, TUI_ERASE);
                    match store.erase(&list.erasures(), audit) {
                        Ok(erased) => {
                            let list = Box::new(crate::query::retention::list(store, today)?);
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
                    let loaded = Message::SearchLoaded(search::Loaded(index));
                    next.extend(update(model, view, loaded));
                }
                Effect::LoadPupils => {
                    let pupils = Box::new(pick::PupilPicker::load(store)?);
                    next.extend(update(model, view, Message::PupilsLoaded(pupils)));
                }
                Effect::OpenSignal(signal) => {
                    let id = CaseId(store.next_id(TreeId::Cases)?);
                    let (case, event, meeting) = signal.numbered(id);
                    let mut tx = store.tx();
                    let written = tx
                        .insert(&case)
                        .and_then(|()| tx.insert(&event))
                        .and_then(|()| tx.put(&meeting))
                        .and_then(|()| tx.commit());
                    if report(store, model, written) {
                        let brief = meeting::brief(store, &model.phases, case, today)?;
                        let opened = Box::new((brief, meeting));
                        next.extend(update(model, view, Message::SignalOpened(opened)));
                    }
                }
                Effect::CheckPassphrase(typed) => {
                    let right = store.passphrase_matches(&typed.0)?;
                    next.extend(update(model, view, Message::PassphraseChecked(right)));
                }
                Effect::SetMe(member) => {
                    report(store, model, store.set_me(member));
                }
                // A dossier puts a pupil's name beside all of their cases, anonymous ones
                // included: while a meeting is open the room sees it, so it does not open
                // (BRIEF §8), whichever screen asked.
                Effect::LoadDossier(_)
                    if crate::query::meeting::showing(store)?
                        != crate::domain::Showing::Private =>
                {
                    view.flash = Some(model.lang.texts().flash_dossier_presenting.to_string());
                }
                Effect::LoadDossier(of) => {
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
                Effect::SaveNote(note) => {
                    report(store, model, store.save(note.as_ref()));
                }
                Effect::NewDecision(mut decision) => {
                    decision.id = DecisionId(store.next_id(TreeId::Decisions)?);
                    if report(store, model, store.insert(decision.as_ref())) {
                        next.extend(update(model, view, Message::DecisionAdded(decision)));
                    }
                }
                Effect::SaveCase(case) => {
                    report(store, model, store.save(case.as_ref()));
                }
                Effect::SaveAction(action) => {
                    report(store, model, store.save(action.as_ref()));
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
                Effect::PlanImport(_)
                    if crate::query::meeting::showing(store)?
                        != crate::domain::Showing::Private =>
                {
                    view.flash = Some(model.lang.texts().flash_import_presenting.to_string());
                }
                Effect::PlanImport(path) => {
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
                Effect::SaveCaseChange(change) => {
                    let (case, event) = *change;
                    let mut tx = store.tx();
                    let written = tx
                        .put(&case)
                        .and_then(|()| tx.insert(&event))
                        .and_then(|()| tx.commit());
                    report(store, model, written);
                }
            }
        }
        pending = next;
    }
    Ok(Flow::Continue)
}

/// Whether `effect` may write a text `/` searches, or a consent that changes how a case is
/// named: the index is then read anew at the next `/`.
fn changes_search(effect: &Effect) -> bool {
    !matches!(
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
            | Effect::SetPresentation(_)
            | Effect::UseTheme(_)
            | Effect::SaveMeeting(_)
            | Effect::StartMeeting(_)
            | Effect::Export(_)
            | Effect::CheckPassphrase(_)
            | Effect::LoadActions { .. }
            | Effect::LoadDossier(_)
            | Effect::SetMe(_)
    )
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
                (store.minutes(id)?.ok_or_else(no_meeting)?, Status::Fixed)
            } else {
                // As closing would fix them now, without writing anything.
                let reviewed = reviewed(model);
                let closing =
                    meeting::closing(store, &model.phases, &found, &reviewed, None, today)?;
                (closing.minutes, Status::Draft)
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
