//! Read models: the answers the screens and the command line share (who, what, when), built
//! from the store and never writing to it.

pub mod actions;
pub mod calendar;
pub mod dashboard;
pub mod dossier;
pub mod fuzzy;
pub mod labels;
pub mod meeting;
pub mod meetings;
pub mod monitoring;
pub mod pick;
pub mod prepare;
pub mod pupils;
pub mod retention;
pub mod search;
pub mod timeline;

pub use labels::Labels;

#[cfg(test)]
mod tests_minutes;
#[cfg(test)]
mod tests_pseudonyms;
#[cfg(test)]
mod tests_search_fields;
