//! The development cooperative (DOMAIN.md §1–2): its statute settings, founding,
//! membership declarations, the member register, the share ledger, leaving, and the
//! division of the surplus. Co-investment projects and the asset register keep their
//! figures here too. Pure rules: the app loads, calls these, and persists.

pub mod access;
pub mod declaration;
mod error;
pub mod founding;
pub mod invest;
pub mod ledger;
pub mod register;
pub mod settings;
pub mod surplus;

pub use error::CoopError;
pub use settings::CoopSettings;
