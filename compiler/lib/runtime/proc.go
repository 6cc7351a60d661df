package runtime

// Gosched yields the processor: the goroutine goes to the back of the run queue and others
// run. golift runs every goroutine on one OS thread (GOMAXPROCS=1); see runtime/src/sched.
func Gosched()

// Goexit runs the calling goroutine's deferred calls, newest first, and then ends it. Other
// goroutines are not affected. Called from the main goroutine, the program goes on with the
// others and fails when none is left ("no goroutines (main called runtime.Goexit)").
func Goexit()

// NumGoroutine returns the number of goroutines that exist.
func NumGoroutine() int

// GOMAXPROCS returns 1: golift's scheduler runs goroutines on one processor, and n is
// ignored.
func GOMAXPROCS(n int) int

// NumCPU returns the number of logical CPUs the process may use.
func NumCPU() int

// nanotime is the runtime's monotonic clock, in nanoseconds.
func nanotime() int64
