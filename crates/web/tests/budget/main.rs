//! The participatory budget through the pages, on both backends.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../common/mod.rs"]
mod common;
mod journey;
mod limits;
mod proposals;
mod setup;
