//! One module per command group; each writes to the writer it is given.

pub mod check;
pub mod config;
pub mod explain;
pub mod fix;
pub mod harvest;
pub mod manpage;
pub mod rules;
