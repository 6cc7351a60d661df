//! The process entry: `_start` takes argc/argv from the initial stack, fills os.Args, runs the
//! program's entry function (package initialisation, then main.main) and exits 0.
use crate::mem::newobject;
use crate::sys;

extern "C" {
    #[link_name = "go.entry"]
    fn go_entry();
    #[link_name = "os.Args"]
    static mut OS_ARGS: [usize; 3];
}

#[unsafe(naked)]
#[no_mangle]
pub unsafe extern "C" fn _start() -> ! {
    core::arch::naked_asm!("mov rdi, rsp", "and rsp, -16", "call {start}", "ud2", start = sym rt_start)
}

unsafe extern "C" fn rt_start(sp: *const usize) -> ! {
    let argc = *sp;
    let argv = sp.add(1) as *const *const u8;
    // After argv's null come the environment's pointers, their null, then the auxiliary
    // vector of (key, value) pairs; AT_RANDOM (25) points to 16 random bytes.
    let mut p = sp.add(1 + argc + 1);
    while *p != 0 {
        p = p.add(1);
    }
    p = p.add(1);
    while *p != 0 {
        if *p == 25 {
            let r = *p.add(1) as *const u64;
            crate::rand::seed(core::ptr::read_unaligned(r) ^ core::ptr::read_unaligned(r.add(1)).rotate_left(17));
        }
        p = p.add(2);
    }
    let args = newobject((argc * 16) as i64) as *mut usize;
    for i in 0..argc {
        let p = *argv.add(i);
        let mut n = 0;
        while *p.add(n) != 0 {
            n += 1;
        }
        *args.add(2 * i) = p as usize;
        *args.add(2 * i + 1) = n;
    }
    let a = core::ptr::addr_of_mut!(OS_ARGS);
    (*a)[0] = args as usize;
    (*a)[1] = argc;
    (*a)[2] = argc;
    crate::iface::itabsinit();
    go_entry();
    sys::exit(0)
}

#[export_name = "os.Exit"]
pub extern "C" fn os_exit(code: i64) -> ! {
    sys::exit(code as i32)
}
