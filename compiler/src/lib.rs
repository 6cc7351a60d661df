/// Hash maps and sets with rustc's Fx hash: the compiler's keys are small integers and short
/// strings, which std's default SipHash (made to resist collisions forced by untrusted
/// input) hashes several times slower. Nothing may depend on their order of iteration.
pub type HashMap<K, V> = std::collections::HashMap<K, V, rustc_hash::FxBuildHasher>;
pub type HashSet<T> = std::collections::HashSet<T, rustc_hash::FxBuildHasher>;

pub mod cache;
pub mod codegen;
pub mod driver;
pub mod dump;
pub mod link;
pub mod parallel;
pub mod source;
pub mod ssa;
pub mod syntax;
pub mod target;
pub mod types;
