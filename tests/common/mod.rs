//! Helpers shared by the integration tests (and, by path, the benches).
pub mod adversarial;
pub mod corpus;
pub mod synthetic;
