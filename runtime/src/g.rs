//! The goroutine as defer.rs and panic.rs see it: `getg()`, the current G, whose `frames`
//! and `panic` chains they keep. The G itself and the scheduler are in sched/.
pub use crate::sched::getg;
#[allow(unused_imports)]
pub use crate::sched::G;
