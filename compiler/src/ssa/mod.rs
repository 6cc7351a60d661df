//! SSA: the IR, its builder from the typed AST, its text form, and the passes.
pub mod analysis;
pub mod bodyfmt;
pub mod build;
pub mod escape;
pub mod html;
pub mod inline;
pub mod parse;
pub mod ir;
pub mod passes;
pub mod print;
pub mod typeflow;
