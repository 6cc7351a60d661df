use golift::syntax::ast::*;
fn main() {
    println!("Expr {} ExprKind {} Stmt {} StmtKind {} Field {} FuncDecl {} Decl {} Block {} FuncType {} ValueSpec {} TypeSpec {} CaseClause {}",
        std::mem::size_of::<Expr>(), std::mem::size_of::<ExprKind>(), std::mem::size_of::<Stmt>(), std::mem::size_of::<StmtKind>(),
        std::mem::size_of::<Field>(), std::mem::size_of::<FuncDecl>(), std::mem::size_of::<Decl>(), std::mem::size_of::<Block>(),
        std::mem::size_of::<FuncType>(), std::mem::size_of::<ValueSpec>(), std::mem::size_of::<TypeSpec>(), std::mem::size_of::<CaseClause>());
}
