//! Proposals: submitting one, its page, support, verification, appeal, withdrawal.
//!
//! One file per sub-area; the router in `budget/mod.rs` names the handlers through the
//! re-exports below.

mod form;
mod images;
mod verify;
mod view;

pub use form::{edit, edit_page, new_page, submit};
pub use images::{image, upload_image};
pub use verify::{appeal, decide_appeal, verify};
pub use view::{proposal_page, support, withdraw};
