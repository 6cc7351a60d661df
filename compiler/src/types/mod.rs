//! The type checker: typed AST facts (`Info`) from the parsed packages.
//!
//! It follows go/types and gc's types2: objects in scopes, package-level declarations resolved
//! on demand (so they may appear in any order), untyped constants evaluated exactly and given a
//! type by their context, every error of the package collected with gc's wording.

pub mod check;
pub mod constant;
pub mod expr;
pub mod iface;
pub mod index;
pub mod literal;
pub mod operators;
pub mod methods;
pub mod selector;
pub mod stmt;
pub mod subst;
pub mod generics;
pub mod builtins;
pub mod ty;

pub use check::{check_program, Info, ObjId, ObjKind, Object, Package, Selection, FuncInfo};
