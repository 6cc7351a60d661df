//! Running the program, once an OS layer's entry (`os::*`) has the arguments: keep them
//! (package os reads them into os.Args when it is initialised), enter the static itabs, run
//! the program's entry function (package initialisation, then main.main) and exit 0. Also
//! the other functions package os declares without a body.
use crate::os;
use crate::types::GoString;

go_abi! {
    extern "Go" {
        #[link_name = "go.entry"]
        fn go_entry();
    }
}

/// The environment, `KEY=value` strings, as the OS layer's entry found it.
static mut ENV: (*mut GoString, usize) = (core::ptr::null_mut(), 0);

pub unsafe fn set_env(p: *mut GoString, n: usize) {
    ENV = (p, n);
}

go_abi! {
    /// The number of environment strings (package os's `envCount`).
    #[export_name = "os.envCount"]
    pub unsafe extern "Go" fn env_count() -> i64 {
        ENV.1 as i64
    }

    /// Environment string i (package os's `envAt`).
    #[export_name = "os.envAt"]
    pub unsafe extern "Go" fn env_at(i: i64) -> GoString {
        *ENV.0.add(i as usize)
    }
}

/// The command-line arguments, as the OS layer's entry found them.
static mut ARGS: (*mut GoString, usize) = (core::ptr::null_mut(), 0);

go_abi! {
    /// The number of command-line arguments (package os's `argCount`).
    #[export_name = "os.argCount"]
    pub unsafe extern "Go" fn arg_count() -> i64 {
        ARGS.1 as i64
    }

    /// Command-line argument i (package os's `argAt`).
    #[export_name = "os.argAt"]
    pub unsafe extern "Go" fn arg_at(i: i64) -> GoString {
        *ARGS.0.add(i as usize)
    }
}

/// The value of environment variable `name`, if set.
pub unsafe fn getenv(name: &[u8]) -> Option<&'static [u8]> {
    for i in 0..ENV.1 {
        let kv = (*ENV.0.add(i)).bytes();
        if kv.len() > name.len() && kv.starts_with(name) && kv[name.len()] == b'=' {
            return Some(core::slice::from_raw_parts(kv.as_ptr().add(name.len() + 1), kv.len() - name.len() - 1));
        }
    }
    None
}

/// The runtime's own variables that hold heap pointers, for the collector: the arguments,
/// the environment, the goroutines (their defer and panic chains, closures) and timers.
pub unsafe fn roots(mut f: impl FnMut(usize, usize)) {
    let mut range = |p: usize, n: usize| f(p, p + n);
    range(core::ptr::addr_of!(ARGS) as usize, core::mem::size_of_val(&*core::ptr::addr_of!(ARGS)));
    range(core::ptr::addr_of!(ENV) as usize, core::mem::size_of_val(&*core::ptr::addr_of!(ENV)));
    crate::sched::roots(&mut f);
}

/// Runs the program with `n` arguments at `args`; never returns.
pub unsafe fn run(args: *mut GoString, n: usize) -> ! {
    ARGS = (args, n);
    // Every frame of the program is below this one.
    let marker = 0usize;
    crate::gc::stack::set_top(core::ptr::addr_of!(marker) as usize);
    crate::gc::init(|name| getenv(name));
    crate::sched::proc::schedinit();
    os::install_fault_handler();
    crate::iface::itabsinit();
    go_entry();
    os::exit(0)
}

/// Go strings for C's `argc`/`argv` (Linux and Darwin), pointing at the C strings' bytes.
#[cfg(not(windows))]
pub unsafe fn c_args(argc: usize, argv: *const *const u8) -> *mut GoString {
    let args = crate::gc::alloc_words(argc * core::mem::size_of::<GoString>()) as *mut GoString;
    for i in 0..argc {
        let p = *argv.add(i);
        let mut n = 0;
        while *p.add(n) != 0 {
            n += 1;
        }
        *args.add(i) = GoString { ptr: p, len: n };
    }
    args
}

go_abi! {
    #[export_name = "os.Exit"]
    pub extern "Go" fn os_exit(code: i64) -> ! {
        os::exit(code as i32)
    }
}
