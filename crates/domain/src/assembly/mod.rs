//! General assemblies and the bodies of a space (the `assemblies` module): the bodies
//! and their seats, convening and notice, the attendance register with proxies, and
//! resolutions counted one member one vote, with the quorum at every vote. The counts
//! themselves come from [`crate::vote`]; what a statute may choose comes from
//! [`crate::coop::settings::CoopSettings`].

pub mod access;
pub mod attendance;
pub mod body;
pub mod convening;
mod error;
pub mod resolution;

pub use error::AssemblyError;
