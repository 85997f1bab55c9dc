//! `cargo xtask`: installs the toolchain StarCheck needs, then builds,
//! serves, tests and benchmarks it.

fn main() {}
