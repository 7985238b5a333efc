//! The language a person chose (`--lang`). A leaf: the domain formats Dutch dates and names
//! phases in it, and the catalog in `i18n` keeps the texts for each.

/// Dutch is the default: otter is made for Dutch schools.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    Nl,
    En,
}
