use serde::{Deserialize, Serialize};

use super::ids::MemberId;

/// The roles of an OT (BRIEF §1). Display names live in the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    InternBegeleider,
    Directeur,
    Leerkracht,
    Jeugdconsulent,
    SchoolmaatschappelijkWerker,
    Jeugdverpleegkundige,
    OnderwijszorgGeneralist,
    Jeugdhulpverlener,
    ConsultantSwv,
    Ouder,
    Overig,
}

impl Role {
    pub const ALL: [Role; 11] = [
        Role::InternBegeleider,
        Role::Directeur,
        Role::Leerkracht,
        Role::Jeugdconsulent,
        Role::SchoolmaatschappelijkWerker,
        Role::Jeugdverpleegkundige,
        Role::OnderwijszorgGeneralist,
        Role::Jeugdhulpverlener,
        Role::ConsultantSwv,
        Role::Ouder,
        Role::Overig,
    ];
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub id: MemberId,
    pub name: String,
    pub role: Role,
    /// Former members stay so that old actions keep their owner.
    #[serde(default = "yes")]
    pub active: bool,
    /// For a meeting's invitation (`otter export invitation`); absent in a stored record
    /// without one, so older backups and databases read the same.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

fn yes() -> bool {
    true
}
