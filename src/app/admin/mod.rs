//! Looking after the installation: the audit log (`L`) and the cases past the bewaartermijn
//! (`T`, `X`).

pub(crate) mod audit;
pub(crate) mod retention;
