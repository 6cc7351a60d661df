pub mod source;
pub mod syntax;
pub mod types;
