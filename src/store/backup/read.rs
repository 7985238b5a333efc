//! Reading a backup as a stream: serde visits the document and hands each record to the
//! sink as soon as it is decoded, so a large school's backup is never held in memory whole.
//! The fields must come in the order the writer puts them (header, `meta`, `trees`), the
//! trees in their order and the records of a tree by key: so a record given twice is caught.

use std::fmt;
use std::fs::File;
use std::io::BufReader;
use std::marker::PhantomData;
use std::path::Path;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

use super::{BackupError, Damage, FORMAT, Meta, Sink, Summary, VERSION, record_tree};
use crate::store::records::{Record, RecordKinds, TreeId, each_record_kind};
use crate::store::schema;

/// What the reading found so far. A problem the visitors find is kept here whole, and serde
/// only told that it stopped; serde's own errors (bad JSON, a wrong field) are classified at
/// the end.
struct State<'p> {
    path: &'p Path,
    failure: Option<BackupError>,
    is_backup: bool,
    summary: Summary,
}

impl State<'_> {
    fn fail<E: de::Error>(&mut self, err: BackupError) -> E {
        let text = err.to_string();
        self.failure = Some(err);
        E::custom(text)
    }

    /// serde adds the line and column to the detail on its way out (see `read`).
    fn damaged<E: de::Error>(&mut self, detail: String) -> E {
        self.failure = Some(BackupError::Damaged(
            self.path.to_path_buf(),
            Damage::Other(detail.clone()),
        ));
        E::custom(detail)
    }
}

pub(super) fn read<S: Sink>(path: &Path, sink: &mut S) -> Result<Summary, BackupError> {
    let file = File::open(path).map_err(|err| BackupError::File(path.to_path_buf(), err))?;
    read_from(path, BufReader::with_capacity(1 << 16, file), sink)
}

/// Reads a backup from `input` (`path` names it in errors): a file, or a sealed one opened.
pub(super) fn read_from<S: Sink>(
    path: &Path,
    input: impl std::io::Read,
    sink: &mut S,
) -> Result<Summary, BackupError> {
    let mut state = State {
        path,
        failure: None,
        is_backup: false,
        summary: Summary::default(),
    };
    let mut json = serde_json::Deserializer::from_reader(input);
    let outcome = de::Deserializer::deserialize_map(
        &mut json,
        Document {
            state: &mut state,
            sink,
        },
    )
    .and_then(|()| json.end());
    let Err(err) = outcome else {
        return Ok(state.summary);
    };
    let path = path.to_path_buf();
    match state.failure {
        Some(BackupError::Damaged(..)) => {
            return Err(BackupError::Damaged(path, Damage::Other(err.to_string())));
        }
        Some(failure) => return Err(failure),
        None => {}
    }
    Err(if err.is_io() {
        BackupError::File(path, err.into())
    } else if !state.is_backup {
        BackupError::NotBackup(path)
    } else if err.is_eof() {
        BackupError::Damaged(path, Damage::StopsEarly { line: err.line() })
    } else {
        // serde's own text quotes the value it could not read, which may be a name: only
        // where it is.
        let damage = Damage::Unreadable {
            line: err.line(),
            column: err.column(),
        };
        BackupError::Damaged(path, damage)
    })
}

/// The header fields and the two parts, in the order they must come.
const FIELDS: [&str; 5] = ["format", "version", "schema", "meta", "trees"];

struct Document<'a, 'p, S> {
    state: &'a mut State<'p>,
    sink: &'a mut S,
}

impl<'de, S: Sink> Visitor<'de> for Document<'_, '_, S> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an otter backup")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let state = self.state;
        let mut expected = FIELDS.iter();
        while let Some(key) = map.next_key::<String>()? {
            let Some(&field) = expected.next() else {
                return Err(state.damaged(format!("unexpected field \"{key}\" at the end")));
            };
            if key != field {
                if field == "format" {
                    return Err(state.fail(BackupError::NotBackup(state.path.to_path_buf())));
                }
                return Err(state.damaged(format!("\"{field}\" expected, found \"{key}\"")));
            }
            match field {
                "format" => {
                    if map.next_value::<String>()? != FORMAT {
                        return Err(state.fail(BackupError::NotBackup(state.path.to_path_buf())));
                    }
                    state.is_backup = true;
                }
                "version" => newer_than(state, map.next_value()?, VERSION)?,
                "schema" => newer_than(state, map.next_value()?, schema::CURRENT)?,
                "meta" => {
                    let meta: Meta = map.next_value()?;
                    if let Some(name) = meta.next_id.keys().find(|n| record_tree(n).is_none()) {
                        return Err(state.damaged(format!("meta: id counter of \"{name}\"")));
                    }
                    self.sink.meta(meta).map_err(|err| state.fail(err))?;
                }
                _ => map.next_value_seed(Trees {
                    state: &mut *state,
                    sink: &mut *self.sink,
                })?,
            }
        }
        match expected.next() {
            Some(missing) => Err(state.damaged(format!("\"{missing}\" missing"))),
            None => Ok(()),
        }
    }
}

fn newer_than<E: de::Error>(state: &mut State, found: u32, supported: u32) -> Result<(), E> {
    if found > supported {
        return Err(state.fail(BackupError::Newer(state.path.to_path_buf())));
    }
    Ok(())
}

struct Trees<'a, 'p, S> {
    state: &'a mut State<'p>,
    sink: &'a mut S,
}

impl<'de, S: Sink> DeserializeSeed<'de> for Trees<'_, '_, S> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, S: Sink> Visitor<'de> for Trees<'_, '_, S> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("the trees of an otter backup")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let (state, sink) = (self.state, self.sink);
        let mut last: Option<TreeId> = None;
        while let Some(name) = map.next_key::<String>()? {
            let Some(tree) = record_tree(&name) else {
                return Err(state.damaged(format!("unknown tree \"{name}\"")));
            };
            if last.is_some_and(|last| last >= tree) {
                return Err(state.damaged(format!("tree \"{name}\" out of order or twice")));
            }
            last = Some(tree);
            sink.tree(tree).map_err(|err| state.fail(err))?;
            state.summary.trees.entry(tree.name()).or_default();
            each_record_kind(&mut TreeValue {
                tree,
                map: &mut map,
                state: &mut *state,
                sink: &mut *sink,
                document: PhantomData,
            })?;
        }
        Ok(())
    }
}

/// Reads the value of the tree `tree` with the type of its records, found in the one list
/// of record trees.
struct TreeValue<'a, 'p, 'de, A, S> {
    tree: TreeId,
    map: &'a mut A,
    state: &'a mut State<'p>,
    sink: &'a mut S,
    document: PhantomData<&'de ()>,
}

impl<'de, A: MapAccess<'de>, S: Sink> RecordKinds for TreeValue<'_, '_, 'de, A, S> {
    type Error = A::Error;

    fn kind<R: Record>(&mut self) -> Result<(), A::Error> {
        if R::TREE != self.tree {
            return Ok(());
        }
        let records = Records::<R, S>::new(&mut *self.state, &mut *self.sink);
        self.map.next_value_seed(records)
    }
}

/// The records of one tree, each checked and handed on as it is read.
struct Records<'a, 'p, R, S> {
    state: &'a mut State<'p>,
    sink: &'a mut S,
    record: PhantomData<R>,
}

impl<'a, 'p, R, S> Records<'a, 'p, R, S> {
    fn new(state: &'a mut State<'p>, sink: &'a mut S) -> Self {
        Records {
            state,
            sink,
            record: PhantomData,
        }
    }
}

impl<'de, R: Record, S: Sink> DeserializeSeed<'de> for Records<'_, '_, R, S> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, R: Record, S: Sink> Visitor<'de> for Records<'_, '_, R, S> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "the records of {}", R::TREE.name())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut last: Option<Vec<u8>> = None;
        while let Some(record) = seq.next_element::<R>()? {
            let key = record.key();
            if last.as_ref().is_some_and(|last| *last >= key) {
                let tree = R::TREE.name();
                return Err(self
                    .state
                    .damaged(format!("{tree}: a record out of order or twice")));
            }
            self.sink
                .record(&record)
                .map_err(|err| self.state.fail(err))?;
            self.state.summary.count(R::TREE);
            last = Some(key);
        }
        Ok(())
    }
}
