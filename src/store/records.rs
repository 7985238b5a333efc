//! How each domain type is kept: its tree, its key (ids only), the index entries derived from
//! it. Indexes are recomputed from the record on every
//! write, so they cannot drift from it.

use chrono::NaiveDate;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::domain::{
    Action, ActionStatus, AuditEntry, Case, CaseEvent, Decision, Meeting, Member, Minutes, Note,
    Owner, Pupil, UndoStep,
};

/// Every tree of the database. The discriminant is part of some index keys: never reorder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum TreeId {
    Meta = 0,
    Pupils = 1,
    Members = 2,
    Cases = 3,
    Events = 4,
    Meetings = 5,
    Notes = 6,
    Decisions = 7,
    Actions = 8,
    Minutes = 9,
    // 10 held the search buckets until schema 3: folded names on disk, which privacy forbids.
    CasesByPupil = 11,
    ActionsByOwner = 12,
    OpenActionsByDue = 13,
    ByCase = 14,
    ByMeeting = 15,
    MeetingsByDate = 16,
    OpenCasesByEvaluation = 17,
    EventsByDate = 18,
    /// What was done with the data (exports, erasures, …), keyed by a sequence number.
    Audit = 19,
    /// The steps `u` takes back in an open meeting, keyed by meeting and step.
    Undo = 20,
    /// What the monitoring figures need of each case and action, in blocks (`digest`):
    /// derived from the records and written with them, never backed up.
    Digests = 21,
    /// The case items a meeting's minutes say were passed by, keyed by meeting and case.
    PassedBy = 22,
    /// What `otter search` can hit of each case, action, decision and note, in blocks
    /// (`search_text`): derived from the records and written with them, never backed up.
    SearchTexts = 23,
}

impl TreeId {
    pub const ALL: [TreeId; 23] = [
        TreeId::Meta,
        TreeId::Pupils,
        TreeId::Members,
        TreeId::Cases,
        TreeId::Events,
        TreeId::Meetings,
        TreeId::Notes,
        TreeId::Decisions,
        TreeId::Actions,
        TreeId::Minutes,
        TreeId::CasesByPupil,
        TreeId::ActionsByOwner,
        TreeId::OpenActionsByDue,
        TreeId::ByCase,
        TreeId::ByMeeting,
        TreeId::MeetingsByDate,
        TreeId::OpenCasesByEvaluation,
        TreeId::EventsByDate,
        TreeId::Audit,
        TreeId::Undo,
        TreeId::Digests,
        TreeId::PassedBy,
        TreeId::SearchTexts,
    ];

    /// Position in `ALL`: the discriminant, less the retired one below it.
    pub const fn slot(self) -> usize {
        let discriminant = self as usize;
        if discriminant > 10 {
            discriminant - 1
        } else {
            discriminant
        }
    }

    /// Whether the tree is an index: what its records give, rebuilt from them, never written
    /// on its own.
    pub const fn is_index(self) -> bool {
        matches!(
            self,
            TreeId::CasesByPupil
                | TreeId::ActionsByOwner
                | TreeId::OpenActionsByDue
                | TreeId::ByCase
                | TreeId::ByMeeting
                | TreeId::MeetingsByDate
                | TreeId::OpenCasesByEvaluation
                | TreeId::EventsByDate
                | TreeId::PassedBy
        )
    }

    pub fn name(self) -> &'static str {
        match self {
            TreeId::Meta => "meta",
            TreeId::Pupils => "pupils",
            TreeId::Members => "members",
            TreeId::Cases => "cases",
            TreeId::Events => "events",
            TreeId::Meetings => "meetings",
            TreeId::Notes => "notes",
            TreeId::Decisions => "decisions",
            TreeId::Actions => "actions",
            TreeId::Minutes => "minutes",
            TreeId::CasesByPupil => "idx/cases_by_pupil",
            TreeId::ActionsByOwner => "idx/actions_by_owner",
            TreeId::OpenActionsByDue => "idx/open_actions_by_due",
            TreeId::ByCase => "idx/by_case",
            TreeId::ByMeeting => "idx/by_meeting",
            TreeId::MeetingsByDate => "idx/meetings_by_date",
            TreeId::OpenCasesByEvaluation => "idx/open_cases_by_evaluation",
            TreeId::EventsByDate => "idx/events_by_date",
            TreeId::Audit => "audit",
            TreeId::Undo => "undo",
            TreeId::Digests => "digests",
            TreeId::PassedBy => "idx/passed_by",
            TreeId::SearchTexts => "search_texts",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexEntry {
    pub tree: TreeId,
    pub key: Vec<u8>,
    pub value: Vec<u8>,
}

pub trait Record: Serialize + DeserializeOwned {
    const TREE: TreeId;

    fn key(&self) -> Vec<u8>;

    fn index_entries(&self) -> Vec<IndexEntry> {
        Vec::new()
    }
}

/// Owner id in index keys: 0 stands for every free-text owner, whose name is never a key.
pub const OTHER_OWNER: u64 = 0;

pub fn owner_key(owner: &Owner) -> u64 {
    match owner {
        Owner::Member(member) => member.0,
        Owner::Other(_) => OTHER_OWNER,
    }
}

/// Days since 1-1-0001, big-endian, so that keys sort by date.
pub fn date_key(date: NaiveDate) -> [u8; 4] {
    use chrono::Datelike;
    (date.num_days_from_ce().max(0) as u32).to_be_bytes()
}

fn join(parts: &[&[u8]]) -> Vec<u8> {
    parts.concat()
}

fn entry(tree: TreeId, key: Vec<u8>) -> IndexEntry {
    IndexEntry {
        tree,
        key,
        value: Vec::new(),
    }
}

impl Record for Pupil {
    const TREE: TreeId = TreeId::Pupils;

    fn key(&self) -> Vec<u8> {
        self.id.to_key().to_vec()
    }
}

impl Record for Member {
    const TREE: TreeId = TreeId::Members;

    fn key(&self) -> Vec<u8> {
        self.id.to_key().to_vec()
    }
}

impl Record for Case {
    const TREE: TreeId = TreeId::Cases;

    fn key(&self) -> Vec<u8> {
        self.id.to_key().to_vec()
    }

    fn index_entries(&self) -> Vec<IndexEntry> {
        let mut entries = vec![entry(
            TreeId::CasesByPupil,
            join(&[&self.pupil.to_key(), &self.id.to_key()]),
        )];
        // The start screen lists open cases whose evaluation date has passed without reading
        // the tens of thousands of cases a large school keeps.
        if let (None, Some(evaluation)) = (self.closed, self.evaluation_date) {
            entries.push(entry(
                TreeId::OpenCasesByEvaluation,
                join(&[&date_key(evaluation), &self.id.to_key()]),
            ));
        }
        entries
    }
}

impl Record for CaseEvent {
    const TREE: TreeId = TreeId::Events;

    fn key(&self) -> Vec<u8> {
        join(&[&self.case.to_key(), &self.seq.to_be_bytes()])
    }

    fn index_entries(&self) -> Vec<IndexEntry> {
        let mut entries: Vec<IndexEntry> = self
            .meeting
            .map(|meeting| {
                let key = join(&[&meeting.to_key(), &[TreeId::Events as u8], &self.key()]);
                entry(TreeId::ByMeeting, key)
            })
            .into_iter()
            .collect();
        // "Recently changed cases": the newest events, read backwards from today.
        entries.push(entry(
            TreeId::EventsByDate,
            join(&[&date_key(self.date), &self.key()]),
        ));
        entries
    }
}

impl Record for Meeting {
    const TREE: TreeId = TreeId::Meetings;

    fn key(&self) -> Vec<u8> {
        self.id.to_key().to_vec()
    }

    fn index_entries(&self) -> Vec<IndexEntry> {
        vec![entry(
            TreeId::MeetingsByDate,
            join(&[&date_key(self.date), &self.id.to_key()]),
        )]
    }
}

impl Record for Minutes {
    const TREE: TreeId = TreeId::Minutes;

    fn key(&self) -> Vec<u8> {
        self.meeting.to_key().to_vec()
    }

    /// Monitoring counts the cases passed by without reading the minutes whole (hundreds of
    /// kilobytes each on a large school).
    fn index_entries(&self) -> Vec<IndexEntry> {
        self.passed_by()
            .map(|case| {
                entry(
                    TreeId::PassedBy,
                    join(&[&self.meeting.to_key(), &case.to_key()]),
                )
            })
            .collect()
    }
}

/// What is done with each kind of record of [`each_record_kind`], one kind at a time.
pub(super) trait RecordKinds {
    type Error;
    fn kind<R: Record>(&mut self) -> Result<(), Self::Error>;
}

/// Every tree of records (not `meta`, not an index, not the audit log), with the type of its
/// records, in `TreeId` order: the one list of them. A backup holds these trees in this
/// order, a restore reads them back by it, and a rewrite copies them; a tree added here is
/// in all three.
pub(super) fn each_record_kind<V: RecordKinds>(visitor: &mut V) -> Result<(), V::Error> {
    visitor.kind::<Pupil>()?;
    visitor.kind::<Member>()?;
    visitor.kind::<Case>()?;
    visitor.kind::<CaseEvent>()?;
    visitor.kind::<Meeting>()?;
    visitor.kind::<Note>()?;
    visitor.kind::<Decision>()?;
    visitor.kind::<Action>()?;
    visitor.kind::<Minutes>()
}

/// The trees of [`each_record_kind`], in its order.
pub(super) fn record_trees() -> Vec<TreeId> {
    struct Trees(Vec<TreeId>);
    impl RecordKinds for Trees {
        type Error = std::convert::Infallible;
        fn kind<R: Record>(&mut self) -> Result<(), Self::Error> {
            self.0.push(R::TREE);
            Ok(())
        }
    }
    let mut trees = Trees(Vec::new());
    let Ok(()) = each_record_kind(&mut trees);
    trees.0
}

/// Index entries shared by the records written during a meeting about a case.
fn case_and_meeting_entries(
    tree: TreeId,
    id: [u8; 8],
    case: Option<crate::domain::CaseId>,
    meeting: Option<crate::domain::MeetingId>,
) -> Vec<IndexEntry> {
    let mut entries = Vec::new();
    if let Some(case) = case {
        entries.push(entry(
            TreeId::ByCase,
            join(&[&case.to_key(), &[tree as u8], &id]),
        ));
    }
    if let Some(meeting) = meeting {
        entries.push(entry(
            TreeId::ByMeeting,
            join(&[&meeting.to_key(), &[tree as u8], &id]),
        ));
    }
    entries
}

impl Record for Note {
    const TREE: TreeId = TreeId::Notes;

    fn key(&self) -> Vec<u8> {
        self.id.to_key().to_vec()
    }

    fn index_entries(&self) -> Vec<IndexEntry> {
        case_and_meeting_entries(Self::TREE, self.id.to_key(), self.case, self.meeting)
    }
}

impl Record for Decision {
    const TREE: TreeId = TreeId::Decisions;

    fn key(&self) -> Vec<u8> {
        self.id.to_key().to_vec()
    }

    fn index_entries(&self) -> Vec<IndexEntry> {
        case_and_meeting_entries(Self::TREE, self.id.to_key(), self.case, self.meeting)
    }
}

impl Record for Action {
    const TREE: TreeId = TreeId::Actions;

    fn key(&self) -> Vec<u8> {
        self.id.to_key().to_vec()
    }

    fn index_entries(&self) -> Vec<IndexEntry> {
        let id = self.id.to_key();
        let owner = owner_key(&self.owner).to_be_bytes();
        let mut entries = case_and_meeting_entries(Self::TREE, id, self.case, self.meeting);
        entries.push(entry(TreeId::ActionsByOwner, join(&[&owner, &id])));
        if self.status == ActionStatus::Open {
            // The owner rides along as the value, so "open actions of X" needs no record reads
            // for the actions of others.
            entries.push(IndexEntry {
                tree: TreeId::OpenActionsByDue,
                key: join(&[&date_key(self.due), &id]),
                value: owner.to_vec(),
            });
        }
        entries
    }
}

impl Record for AuditEntry {
    const TREE: TreeId = TreeId::Audit;

    fn key(&self) -> Vec<u8> {
        self.seq.to_be_bytes().to_vec()
    }
}

impl Record for UndoStep {
    const TREE: TreeId = TreeId::Undo;

    fn key(&self) -> Vec<u8> {
        join(&[&self.meeting.to_key(), &self.seq.to_be_bytes()])
    }
}

#[cfg(test)]
mod tests {
    use super::{TreeId, record_trees};

    /// A tree of records left out of the list would be missing from every backup. The undo
    /// steps are an open meeting's working state, not the school's data: no backup holds them;
    /// nor the digests and the search texts, which a restore writes again from the records.
    #[test]
    fn the_record_trees_are_every_tree_but_meta_the_indexes_the_audit_log_and_undo_in_order() {
        let records: Vec<TreeId> = TreeId::ALL
            .into_iter()
            .filter(|tree| {
                !matches!(
                    tree,
                    TreeId::Meta
                        | TreeId::Audit
                        | TreeId::Undo
                        | TreeId::Digests
                        | TreeId::SearchTexts
                )
            })
            .filter(|tree| !tree.name().starts_with("idx/"))
            .collect();
        // `ALL` is in `TreeId` order, which a backup's reader expects its trees in.
        assert_eq!(record_trees(), records);
    }

    #[test]
    fn each_tree_s_slot_is_its_place_in_all_and_names_are_distinct() {
        for (place, tree) in TreeId::ALL.iter().enumerate() {
            assert_eq!(tree.slot(), place, "{tree:?}");
        }
        assert_eq!(TreeId::Audit as u8, 19, "appended, never reordered");
        assert_eq!(TreeId::Undo as u8, 20, "appended, never reordered");
        let mut names: Vec<&str> = TreeId::ALL.iter().map(|t| t.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), TreeId::ALL.len());
    }
}
