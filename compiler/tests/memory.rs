//! Memory bounds that a program's output cannot show, measured from outside as the kernel's
//! peak resident set (`ru_maxrss` from wait4): goroutines parked by the ten thousand have
//! their stacks copied out (runtime/src/sched/stash.rs), and goroutines not yet started
//! take no stack. Linux only (the measure is Linux's).
#![cfg(target_os = "linux")]
use std::path::PathBuf;
use std::process::Command;

fn build(name: &str, src: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("golift-memory-{}-{}", name, std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let go = dir.join(format!("{}.go", name));
    std::fs::write(&go, src).unwrap();
    let exe = dir.join(name);
    let o = Command::new(env!("CARGO_BIN_EXE_golift")).arg("build").arg("-o").arg(&exe).arg(&go).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    exe
}

/// Runs `exe`; its standard output and peak resident set in bytes.
fn run(exe: &PathBuf) -> (String, u64) {
    let out = exe.with_extension("out");
    let child = Command::new(exe).stdout(std::fs::File::create(&out).unwrap()).spawn().unwrap();
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut ru) };
    assert_eq!(r, pid, "wait4");
    assert!(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0, "{} failed: {}", exe.display(), status);
    (std::fs::read_to_string(&out).unwrap(), ru.ru_maxrss as u64 * 1024)
}

/// 20,000 goroutines parked on one channel at once. With a page of stack each they would
/// take 80 MB (and did, before stacks were copied out); copied out, about 1 KB each.
const PARKED: &str = r#"package main

import (
	"fmt"
	"runtime"
)

func main() {
	const n = 20000
	gate := make(chan int)
	done := make(chan int, n)
	for i := 0; i < n; i++ {
		go func(i int) {
			<-gate
			done <- i
		}(i)
	}
	runtime.Gosched() // every goroutine runs up to its receive
	fmt.Println(runtime.NumGoroutine())
	close(gate)
	sum := 0
	for i := 0; i < n; i++ {
		sum += <-done
	}
	fmt.Println(sum)
}
"#;

#[test]
fn parked_goroutines_have_their_stacks_copied_out() {
    let exe = build("parked", PARKED);
    let (out, rss) = run(&exe);
    assert_eq!(out, "20001\n199990000\n");
    let _ = std::fs::remove_dir_all(exe.parent().unwrap());
    assert!(rss < 40 << 20, "peak RSS {} MB for 20,000 parked goroutines (a page of stack each would be 80 MB)", rss >> 20);
}

/// 200,000 goroutines started in a loop, each finishing at once when it runs: they run one
/// at a time on a reused stack, since none has a stack before it runs.
const SPAWNED: &str = r#"package main

import (
	"fmt"
	"sync"
)

func main() {
	const n = 200000
	var wg sync.WaitGroup
	var mu sync.Mutex
	sum := 0
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			mu.Lock()
			sum += i
			mu.Unlock()
			wg.Done()
		}(i)
	}
	wg.Wait()
	fmt.Println(sum)
}
"#;

#[test]
fn goroutines_not_started_take_no_stack() {
    let exe = build("spawned", SPAWNED);
    let (out, rss) = run(&exe);
    assert_eq!(out, "19999900000\n");
    let _ = std::fs::remove_dir_all(exe.parent().unwrap());
    assert!(rss < 60 << 20, "peak RSS {} MB for 200,000 goroutines made before any runs", rss >> 20);
}
