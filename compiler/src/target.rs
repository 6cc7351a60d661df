//! Target facts in one place: GOOS/GOARCH, the triple, the object format and the link line.
//! Everything below the driver receives a `Target` and asks it; nothing assumes the host.

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    pub goos: String,
    pub goarch: String,
}

pub const SUPPORTED: &[(&str, &str)] = &[("linux", "amd64")];

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

    pub fn triple(&self) -> &'static str {
        match (self.goos.as_str(), self.goarch.as_str()) {
            ("linux", "amd64") => "x86_64-unknown-linux-gnu",
            _ => unreachable!("checked in from_env"),
        }
    }

    /// The Rust target the runtime staticlib is built for.
    pub fn runtime_triple(&self) -> &'static str {
        self.triple()
    }

    pub fn is_pic(&self) -> bool {
        false
    }

    /// The linker flavor and arguments (objects first, then the runtime archive).
    pub fn link_args(&self, objects: &[String], runtime: &str, out: &str, strip: bool) -> Vec<String> {
        let mut v: Vec<String> = ["-flavor", "gnu", "-static", "--gc-sections", "-e", "_start", "-o"].iter().map(|s| s.to_string()).collect();
        v.push(out.to_string());
        if strip {
            v.push("--strip-all".into());
        }
        v.extend(objects.iter().cloned());
        v.push(runtime.to_string());
        v
    }
}
