//! The Go ABI: how compiled Go code and the runtime call each other.
//!
//! golift compiles Go code with the System V calling convention on every x86-64 target,
//! Windows included (two result registers carry a string or an interface value; Windows'
//! own convention would return them through memory), and with the platform's convention on
//! arm64. Rust's `extern "C"` is the platform's convention, which on windows/amd64 is not
//! System V, and `extern "sysv64"` does not exist on arm64. So runtime functions that Go
//! code calls, Go functions that the runtime calls, and pointers to Go code are written with
//! a pretend ABI string, `extern "Go"`, inside these macros, which turn it into the right one:
//!
//! ```ignore
//! go_abi! {
//!     #[export_name = "runtime.newobject"]
//!     pub unsafe extern "Go" fn newobject(size: i64) -> *mut u8 { ... }
//! }
//! let f: go_fn!(fn(*const u8)) = core::mem::transmute(code);
//! ```

/// Function items and `extern` blocks written with `extern "Go"`.
macro_rules! go_abi {
    () => {};
    ($(#[$($m:tt)*])* $v:vis unsafe extern "Go" fn $name:ident $params:tt $(-> $ret:ty)? $body:block $($rest:tt)*) => {
        #[cfg(target_arch = "x86_64")]
        $(#[$($m)*])* $v unsafe extern "sysv64" fn $name $params $(-> $ret)? $body
        #[cfg(not(target_arch = "x86_64"))]
        $(#[$($m)*])* $v unsafe extern "C" fn $name $params $(-> $ret)? $body
        go_abi!($($rest)*);
    };
    ($(#[$($m:tt)*])* $v:vis extern "Go" fn $name:ident $params:tt $(-> $ret:ty)? $body:block $($rest:tt)*) => {
        #[cfg(target_arch = "x86_64")]
        $(#[$($m)*])* $v extern "sysv64" fn $name $params $(-> $ret)? $body
        #[cfg(not(target_arch = "x86_64"))]
        $(#[$($m)*])* $v extern "C" fn $name $params $(-> $ret)? $body
        go_abi!($($rest)*);
    };
    ($(#[$($m:tt)*])* extern "Go" $block:tt $($rest:tt)*) => {
        #[cfg(target_arch = "x86_64")]
        $(#[$($m)*])* extern "sysv64" $block
        #[cfg(not(target_arch = "x86_64"))]
        $(#[$($m)*])* extern "C" $block
        go_abi!($($rest)*);
    };
}

/// The type of a pointer to Go code: `go_fn!(fn(A, B) -> R)`.
#[cfg(target_arch = "x86_64")]
macro_rules! go_fn {
    (fn $params:tt $(-> $ret:ty)?) => { extern "sysv64" fn $params $(-> $ret)? };
}
#[cfg(not(target_arch = "x86_64"))]
macro_rules! go_fn {
    (fn $params:tt $(-> $ret:ty)?) => { extern "C" fn $params $(-> $ret)? };
}
