//! AST dump (golift tool ast)
