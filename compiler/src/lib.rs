pub mod codegen;
pub mod driver;
pub mod dump;
pub mod source;
pub mod ssa;
pub mod syntax;
pub mod target;
pub mod types;
