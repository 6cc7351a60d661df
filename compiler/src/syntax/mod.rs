//! Syntax: source text to AST (lexer, grammar, parser) and the AST dump.
pub mod ast;
pub mod dump;
pub mod lexer;
pub mod parser;
pub mod token;
