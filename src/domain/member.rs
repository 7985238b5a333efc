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
}

fn yes() -> bool {
    true
}
