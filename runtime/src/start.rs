//! Running the program, once an OS layer's entry (`os::*`) has the arguments: fill os.Args,
//! enter the static itabs, run the program's entry function (package initialisation, then
//! main.main) and exit 0. Also `os.Exit`.
use crate::mem::newobject;
use crate::os;
use crate::types::GoString;

go_abi! {
    extern "Go" {
        #[link_name = "go.entry"]
        fn go_entry();
        #[link_name = "os.Args"]
        static mut OS_ARGS: [usize; 3];
    }
}

/// Runs the program with `n` arguments at `args`; never returns.
pub unsafe fn run(args: *mut GoString, n: usize) -> ! {
    let a = core::ptr::addr_of_mut!(OS_ARGS);
    (*a)[0] = args as usize;
    (*a)[1] = n;
    (*a)[2] = n;
    crate::iface::itabsinit();
    go_entry();
    os::exit(0)
}

/// Go strings for C's `argc`/`argv` (Linux and Darwin), pointing at the C strings' bytes.
#[cfg(not(windows))]
pub unsafe fn c_args(argc: usize, argv: *const *const u8) -> *mut GoString {
    let args = newobject((argc * core::mem::size_of::<GoString>()) as i64) as *mut GoString;
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
