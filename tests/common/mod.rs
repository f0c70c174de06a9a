//! Helpers shared by the integration tests (and, by path, the benches).
pub mod synthetic;
