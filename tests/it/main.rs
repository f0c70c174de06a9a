//! The integration tests, one module per area, in one test binary. Tests that need a
//! process of their own (the allocation counter, first-use races) are `tests/alloc.rs` and
//! `tests/threads.rs`; those that need heavy crates (a triple store, property testing,
//! a CSV reader) are in the `tests/dev` workspace member, which `cargo test` runs too.

#[path = "../common/mod.rs"]
mod common;

mod adversarial;
mod answers;
mod ask;
mod closed_sets;
mod facts;
mod freshness;
mod hostile;
mod integrity;
mod loader;
mod roundtrip;
