//! Pure types and rules of the OT: no I/O, no clock, no terminal.
//! Everything here can be tested with plain values.

pub mod action;
pub mod agenda;
pub mod audit;
pub mod calendar;
pub mod case;
pub mod dates;
pub mod fold;
pub mod ids;
pub mod meeting;
pub mod member;
pub mod minutes;
pub mod note;
pub mod phase;
pub mod pseudonym;
pub mod pupil;
pub mod redact;
pub mod retention;
pub mod subject;
pub mod undo;

pub use action::{Action, ActionStatus, Owner};
pub use audit::{AuditEntry, AuditKind, Counted};
pub use case::{Case, CaseEvent, ChangeContext, Circle, Circles, Consent, EventKind, Level};
pub use ids::{ActionId, CaseId, DecisionId, MeetingId, MemberId, NoteId, PupilId};
pub use meeting::{
    AgendaItem, AgendaKind, Attendance, Meeting, MeetingKind, MeetingState, Presence,
};
pub use member::{Member, Role};
pub use minutes::Minutes;
pub use note::{Decision, Note};
pub use phase::{PhaseModel, Requirement};
pub use pseudonym::Pseudonym;
pub use pupil::Pupil;
pub use subject::{Showing, Subject};
pub use undo::{ActionChange, Change, UndoStep};
