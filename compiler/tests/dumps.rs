//! Snapshots of every stage's dump (`golift tool tokens|ast|types|ssa`) for a small program.
//! The SSA dumps are made with the `check` pass after every pass.
use golift::driver::Failure;
use golift::dump::render;
use std::path::PathBuf;

fn dump(what: &str, start_only: bool) -> String {
    let file = PathBuf::from("../examples/gcd.go");
    match render(what, &[file], start_only) {
        Ok(s) => s,
        Err(Failure::Diagnostics(d)) | Err(Failure::Message(d)) => panic!("{}", d),
    }
}

#[test]
fn tokens() {
    insta::assert_snapshot!(dump("tokens", false));
}

#[test]
fn ast() {
    insta::assert_snapshot!(dump("ast", false));
}

#[test]
fn types() {
    insta::assert_snapshot!(dump("types", false));
}

#[test]
fn ssa_start() {
    insta::assert_snapshot!(dump("ssa", true));
}

#[test]
fn ssa_after_passes() {
    insta::assert_snapshot!(dump("ssa", false));
}

/// The run-time type information of a program with interfaces, embedding and method
/// values: descriptors with their method tables (and the wrappers they point to), itabs.
#[test]
fn runtime_types() {
    let file = PathBuf::from("../examples/embedding.go");
    let out = match render("types", &[file], false) {
        Ok(s) => s,
        Err(Failure::Diagnostics(d)) | Err(Failure::Message(d)) => panic!("{}", d),
    };
    insta::assert_snapshot!(out);
}

/// A generic program's declarations with their type parameters, then the instances of
/// generic types and functions that it uses (golift compiles one function per instance).
#[test]
fn generic_instances() {
    let file = PathBuf::from("../examples/pair.go");
    let out = match render("types", &[file], false) {
        Ok(s) => s,
        Err(Failure::Diagnostics(d)) | Err(Failure::Message(d)) => panic!("{}", d),
    };
    insta::assert_snapshot!(out);
}
