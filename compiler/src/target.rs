//! Target facts in one place: GOOS/GOARCH, the triple, the calling convention, the object
//! format's needs (PIC), the runtime that is linked in, and the link line. Everything below
//! the driver receives a `Target` and asks it; nothing assumes the host.

use cranelift_codegen::isa::CallConv;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    pub goos: String,
    pub goarch: String,
}

/// The supported GOOS/GOARCH pairs, in `go tool dist list` order.
pub const SUPPORTED: &[(&str, &str)] = &[("darwin", "amd64"), ("darwin", "arm64"), ("linux", "amd64"), ("linux", "arm64"), ("windows", "amd64")];

/// The object file format of a target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Elf,
    Coff,
    MachO,
}

impl Target {
    /// From GOOS/GOARCH (defaulting to linux/amd64).
    pub fn from_env(goos: Option<String>, goarch: Option<String>) -> Result<Target, String> {
        let goos = goos.filter(|s| !s.is_empty()).unwrap_or_else(|| "linux".into());
        let goarch = goarch.filter(|s| !s.is_empty()).unwrap_or_else(|| "amd64".into());
        if !SUPPORTED.iter().any(|(o, a)| *o == goos && *a == goarch) {
            let list: Vec<String> = SUPPORTED.iter().map(|(o, a)| format!("{}/{}", o, a)).collect();
            return Err(format!("unsupported GOOS/GOARCH pair {}/{} (golift supports: {})", goos, goarch, list.join(", ")));
        }
        Ok(Target { goos, goarch })
    }

    pub fn host() -> Target {
        Target { goos: "linux".into(), goarch: "amd64".into() }
    }

    pub fn name(&self) -> String {
        format!("{}/{}", self.goos, self.goarch)
    }

    /// The target triple, for Cranelift and for the Rust runtime (the same on all five).
    pub fn triple(&self) -> &'static str {
        match (self.goos.as_str(), self.goarch.as_str()) {
            ("linux", "amd64") => "x86_64-unknown-linux-gnu",
            ("linux", "arm64") => "aarch64-unknown-linux-gnu",
            ("windows", "amd64") => "x86_64-pc-windows-msvc",
            ("darwin", "amd64") => "x86_64-apple-darwin",
            ("darwin", "arm64") => "aarch64-apple-darwin",
            _ => unreachable!("checked in from_env"),
        }
    }

    /// The Rust target the runtime staticlib is built for.
    pub fn runtime_triple(&self) -> &'static str {
        self.triple()
    }

    pub fn format(&self) -> Format {
        match self.goos.as_str() {
            "windows" => Format::Coff,
            "darwin" => Format::MachO,
            _ => Format::Elf,
        }
    }

    /// Position-independent code: required on Mach-O (else the linker leaves text
    /// relocations); the static ELF and the PE do without.
    pub fn is_pic(&self) -> bool {
        self.format() == Format::MachO
    }

    /// The calling convention of Go code, and of the runtime functions it calls. On x86-64
    /// it is System V everywhere, also on Windows: its two result registers carry a string
    /// or an interface value, which the Windows convention would return through memory; the
    /// runtime declares its functions `extern "sysv64"` there. On arm64, the platform's.
    pub fn call_conv(&self) -> CallConv {
        match (self.goos.as_str(), self.goarch.as_str()) {
            ("darwin", "arm64") => CallConv::AppleAarch64,
            _ => CallConv::SystemV,
        }
    }

    /// Functions with frames bigger than a page probe their stack pages in order (Windows
    /// commits the stack one guard page at a time).
    pub fn needs_stack_probes(&self) -> bool {
        self.goos == "windows"
    }

    /// The executable's conventional file name for `golift build` without `-o`.
    pub fn exe_name(&self, stem: &str) -> String {
        if self.goos == "windows" { format!("{}.exe", stem) } else { stem.to_string() }
    }

    /// The linker flavor and arguments (objects first, then the runtime archive). `sdk` is
    /// a directory with the Darwin `libSystem.tbd` stub and the ELF linker script
    /// `ELF_SCRIPT` (as `discard.ld`).
    pub fn link_args(&self, objects: &[String], runtime: &str, out: &str, strip: bool, sdk: &str) -> Vec<String> {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<String>>();
        let mut v;
        match self.format() {
            Format::Elf => {
                // The runtime's debug information (its Rust code and the parts of Rust's core it
                // uses) would be most of a small program's size, and golift emits none for Go
                // code: it is always left out. -s also leaves out the symbol table.
                v = s(&["-flavor", "gnu", "-static", "--gc-sections", "--strip-debug", "-e", "_start", "-o", out]);
                if strip {
                    v.push("--strip-all".into());
                }
                v.push(format!("{}/discard.ld", sdk));
                v.extend(objects.iter().cloned());
                v.push(runtime.to_string());
            }
            Format::Coff => {
                // The entry is the runtime's; kernel32's imports come with the runtime's
                // archive (raw-dylib): no C runtime, no MinGW. 8 MB of stack, as Linux gives.
                // /Brepro: the header's time stamp is a hash of the contents, so that the same
                // program gives the same bytes (as on ELF and Mach-O).
                v = s(&["-flavor", "link", "/nologo", "/entry:golift_start", "/subsystem:console", "/nodefaultlib", "/opt:ref", "/stack:8388608", "/Brepro"]);
                v.push(format!("/out:{}", out));
                if !strip {
                    v.push("/debug:symtab".into());
                }
                v.extend(objects.iter().cloned());
                v.push(runtime.to_string());
            }
            Format::MachO => {
                let arch = if self.goarch == "arm64" { "arm64" } else { "x86_64" };
                // -S: no debug information, as on ELF; -s adds -x (no local symbols).
                v = s(&["-flavor", "darwin", "-arch", arch, "-platform_version", "macos", "11.0", "11.0", "-dead_strip", "-S", "-L", sdk, "-lSystem", "-o", out]);
                if strip {
                    v.push("-x".into());
                }
                v.extend(objects.iter().cloned());
                v.push(runtime.to_string());
            }
        }
        v
    }
}

/// Added to the linker's default layout of an ELF executable: the runtime's unwind tables are
/// left out. Nothing reads them on Linux (a panic aborts the Rust runtime; the collector and
/// tracebacks follow frame records), and they are a few kilobytes of every program. (Building
/// the runtime with `-Cforce-unwind-tables=no` does not remove them: with LTO, `core`'s
/// setting wins.)
pub const ELF_SCRIPT: &str = "SECTIONS { /DISCARD/ : { *(.eh_frame) *(.eh_frame_hdr) } } INSERT AFTER .text;\n";
