//! What opens over any screen and takes the keys while open: the command palette (`:`), the
//! search (`/`), the import's dry run (`I`) and the idle lock.

pub mod import;
pub mod lock;
pub mod palette;
pub mod search;
