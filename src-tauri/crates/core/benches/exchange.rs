//! Import, export and backup figures (filled in below).
fn main() {}
