pub mod source;
pub mod ssa;
pub mod syntax;
pub mod types;
