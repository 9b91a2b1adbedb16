//! The participatory budget through the use cases, on both backends.
#![allow(clippy::unwrap_used, clippy::expect_used)]
// Amounts are written as złoty_grosze (`40_000_00` is 40 000 zł), which clippy reads as odd grouping.
#![allow(clippy::inconsistent_digit_grouping)]

mod appeals;
mod districts;
mod paper;
mod phases;
mod register;
mod round;
mod secrecy;
mod world;
