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

/// Runs the program with `n` arguments at `args`; never returns.
pub unsafe fn run(args: *mut GoString, n: usize) -> ! {
    ARGS = (args, n);
    crate::iface::itabsinit();
    go_entry();
    os::exit(0)
}

/// Go strings for C's `argc`/`argv` (Linux and Darwin), pointing at the C strings' bytes.
#[cfg(not(windows))]
pub unsafe fn c_args(argc: usize, argv: *const *const u8) -> *mut GoString {
    let args = crate::mem::newobject((argc * core::mem::size_of::<GoString>()) as i64) as *mut GoString;
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
