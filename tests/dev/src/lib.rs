//! Test-only package: see `tests/main.rs`. It holds no code of its own.
