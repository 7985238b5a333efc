//! What opens over any screen and takes the keys while open: the command palette (`:`), the
//! search (`/`), the import's dry run (`I`), the idle lock and the one-line prompt.

pub mod import;
pub mod lock;
pub mod palette;
pub mod prompt;
pub mod search;
