//! The audit log (`L`) and the cases past the bewaartermijn (`T`).

pub(crate) mod audit;
pub(crate) mod retention;
